"""Odd names become valid, stable identifiers; the wire names travel unchanged."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

from tests.generator.cases.harness import Recorder, async_client, both, client, spec_arguments

WARNINGS = [
    ("name-collision", "/components/schemas/2fa_config-v1"),
    ("name-collision", "/paths/~1things/post/requestBody/content/application~1json/schema/properties/timeout"),
    ("name-collision", "/paths/~1things/post/requestBody/content/application~1json/schema/properties/extra_query"),
    ("name-collision", "/paths/~1things/get/tags/0"),
    ("name-collision", "/paths/~1things/get/operationId"),
    ("name-collision", "/paths/~1things/get/parameters/0"),
    ("name-collision", "/paths/~1things/get/parameters/1"),
    ("name-collision", "/components/schemas/class/properties/type"),
    ("name-collision", "/components/schemas/class/properties/@type"),
    ("name-collision", "/components/schemas/class/properties/user_id"),
    ("name-collision", "/components/schemas/Thing/properties/schema"),
    ("name-collision", "/components/schemas/Thing/properties/model_config"),
    ("name-collision", "/components/schemas/class/properties/json"),
    ("name-collision", "/components/schemas/class/properties/model_config"),
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

    _sdk_names(package)


THING = {"straße": {"nr": 1}, "schema": "s", "model_config": "m", "café": "c", "größe": 3, "with_raw_response": True}


def _sdk_names(package: Any) -> None:
    """Names the SDK uses get a ``_`` suffix (``timeout_``, ``close_``, ``with_raw_response_``, ``schema_``),
    non-ASCII names are transliterated (``größe`` -> ``grosse``); the wire names are sent and read."""
    models = package.models
    recorder = Recorder(body=THING)
    method = client(package, recorder).close_.with_raw_response_
    assert spec_arguments(method) == ["timeout_", "grosse", "extra_headers_"]
    call = lambda sdk: sdk.close_.with_raw_response_(timeout_=5, grosse="XL", extra_headers_="h", timeout=3.0, extra_headers={"X-Extra": "1"})  # noqa: E731
    thing = both(package, recorder, call)
    sent = recorder.last
    assert dict(sent.url.params) == {"timeout": "5", "größe": "XL"}
    assert sent.headers["extra_headers"] == "h" and sent.headers["X-Extra"] == "1", "the spec's header and the per-call extra headers"
    assert sent.extensions["timeout"]["read"] == 3.0, "the per-call timeout still applies"
    assert type(thing) is models.Thing and type(thing.strasse) is models.ThingStrasse and thing.strasse.nr == 1
    assert (thing.schema_, thing.model_config_, thing.cafe, thing.grosse, thing.with_raw_response) == ("s", "m", "c", 3, True)
    assert thing.to_dict() == THING and models.Thing(schema_="t").to_dict() == {"schema": "t"}
    assert callable(models.Thing.schema) and isinstance(models.Thing.model_config, dict), "pydantic's own attributes are untouched"

    # The API class's own with_raw_response is still there, beside the method of that name.
    raw = client(package, recorder).close_.with_raw_response.with_raw_response_(timeout_=1)
    assert raw.status_code == 200 and raw.parse() == thing and recorder.last.url.params["timeout"] == "1"

    async def raw_async() -> Any:
        response = await async_client(package, recorder).close_.with_raw_response.with_raw_response_(grosse="S")
        return response.parse()

    assert asyncio.run(raw_async()) == thing and dict(recorder.last.url.params) == {"größe": "S"}
    assert client(package, recorder).close() is None, "the client's close() is not the tag's API class"

    # Body fields named like per-call keywords: `timeout_` and `extra_query_` send `timeout` and `extra_query`.
    recorder = Recorder(status=204)
    changed = both(package, recorder, lambda sdk: sdk.grossen.grosse_andern(timeout_=1.5, extra_query_="q", cafe="c", extra_query={"page": "2"}))
    assert changed is None and recorder.last_json() == {"timeout": 1.5, "extra_query": "q", "café": "c"}
    assert dict(recorder.last.url.params) == {"page": "2"}
