"""Odd names become valid, stable identifiers; the wire names travel unchanged."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.cases.harness import Recorder, client, spec_arguments

WARNINGS = [
    ("name-collision", "/components/schemas/class/properties/@type"),
    ("name-collision", "/components/schemas/class/properties/user_id"),
]

WIRE = {
    "from": "a", "self": "b", "id": 1, "json": "c", "global": True, "type": "d", "model_config": "e", "x-rate-limit": 5,
    "odata.context": "f", "first name": "g", "@type": "h", "$ref": "i", "items[]": "j", "2fa": False, "userId": "k",
    "user_id": "l", "none": "a", "field": {"date": "2024-02-29"},
}
PYTHON = {
    "from_": "a", "self": "b", "id": 1, "json_": "c", "global_": True, "type_": "d", "model_config_": "e", "x_rate_limit": 5,
    "odata_context": "f", "first_name": "g", "type_2": "h", "ref": "i", "items": "j", "field_2fa": False, "user_id": "k",
    "user_id_2": "l", "none": "a",
}


def check(package: Any, generated: Any) -> None:
    models = package.models
    assert {"Class", "None_", "Field_"} <= set(models.__all__)
    recorder = Recorder(body=WIRE)
    sdk = client(package, recorder)
    method = sdk.global_.class_
    assert spec_arguments(method) == ["type_", "from_", "filter_name", "x_rate_limit"]
    result = method(type_="t/1", from_="yesterday", filter_name="n", x_rate_limit=3)
    sent = recorder.last
    assert sent.url.raw_path.startswith(b"/search/t%2F1")
    assert dict(sent.url.params) == {"from": "yesterday", "filter[name]": "n"} and sent.headers["X-Rate-Limit"] == "3"
    assert isinstance(result, models.Class)
    assert {name: getattr(result, name) for name in PYTHON} == PYTHON
    assert isinstance(result.field, models.Field_) and result.field.date_ == date(2024, 2, 29)
    assert result.to_dict() == WIRE
    assert models.Class(**{"from": "x"}).from_ == models.Class(from_="x").from_ == "x", "wire name or Python name"
