"""Odd names become valid, stable identifiers; the wire names travel unchanged."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.generator.cases.harness import Recorder, both, client, spec_arguments

WARNINGS = [
    ("name-collision", "/components/schemas/2fa_config-v1"),
    ("name-collision", "/components/schemas/class/properties/type"),
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
    result = both(package, recorder, lambda sdk: sdk.global_.class_(type_="t/1", from_="yesterday", filter_name="n", x_rate_limit=3))
    sent = recorder.last
    assert sent.url.raw_path.startswith(b"/search/t%2F1")
    assert dict(sent.url.params) == {"from": "yesterday", "filter[name]": "n"} and sent.headers["X-Rate-Limit"] == "3"
    assert isinstance(result, models.Class)
    assert {name: getattr(result, name) for name in PYTHON} == PYTHON
    assert isinstance(result.field, models.Field_) and result.field.date_ == date(2024, 2, 29)
    assert result.to_dict() == WIRE
    assert models.Class(**{"from": "x"}).from_ == models.Class(from_="x").from_ == "x", "wire name or Python name"

    # A request body with the same names: each argument's wire name is sent; a body field that
    # collides with the path parameter `type` is told apart (`type_2`), in document order.
    arguments = {**{k: v for k, v in PYTHON.items() if k not in ("type_", "type_2", "self", "json_", "model_config_")}, "self_": "b", "json": "c", "model_config": "e"}
    arguments |= {"type_2": "d", "type_3": "h", "none": "a", "field": models.Field_(date=date(2024, 2, 29))}
    answer = {"$count": 2, "config": {"on": True}}
    recorder = Recorder(status=201, body=answer)
    stored = both(package, recorder, lambda sdk: sdk.global_.class_2(type_="t", **arguments))
    assert recorder.last.url.path == "/search/t" and recorder.last_json() == WIRE
    # Schema names with leading digits, dashes and dots become classes; two that collide are told apart.
    assert type(stored) is models.Schema2faConfigV1 and stored.count == 2 and type(stored.config) is models.Schema2faConfigV1_2
    assert stored.config.on is True and stored.to_dict() == answer

    # An operationId with a leading digit, dots and dashes, a tag with a space, parameters named
    # `$select` and `X-Trace.Id`, a body field `code[]`, a response field `ok-now`.
    recorder = Recorder(body={"ok-now": True})
    verified = both(package, recorder, lambda sdk: sdk.user_accounts.call_2fa_verify_code(code="123", select="a,b", x_trace_id="i-1"))
    sent = recorder.last
    assert sent.url.path == "/2fa/verify" and dict(sent.url.params) == {"$select": "a,b"} and sent.headers["X-Trace.Id"] == "i-1"
    assert recorder.last_json() == {"code[]": "123"}
    assert type(verified) is models.Call2faVerifyCodeResponse and verified.ok_now is True and verified.to_dict() == {"ok-now": True}
