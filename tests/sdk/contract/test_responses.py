"""Contract: every response the spec accepts parses through the SDK, without losing data.

Each body is first judged by openapi-core against ``spec/openapi.yaml`` (so the test
cannot feed the SDK something the spec rejects), then parsed through the SDK method with
``Leap`` and ``AsyncLeap``, and the result is compared with the body it came from.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pydantic
import pytest

from .conftest import (
    API_KEY,
    SPEC,
    SERVER_URL,
    Caller,
    Operation,
    as_wire,
    assert_response_valid,
    deref,
    json_response,
    normalize,
    parse_timestamp,
    raw_response,
    response_errors,
    sample,
    spec_operations,
)

import leap.models
from leap import APIStatusError
from leap.models import ErrorResponse, InferenceEntity, InferenceImageEntity, ModelV2Entity

OPERATIONS = spec_operations()
BY_ID = {op.operation_id: op for op in OPERATIONS}
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

MODEL_ID = "26a1a203-3a46-42cb-8cfa-f4de075907d8"
INFERENCE_ID = "a047df00-8bdd-4d57-a9bd-6eebef36ecaa"

ARGUMENTS: dict[str, dict[str, Any]] = {
    "generate": {"model_id": MODEL_ID, "prompt": "A photo of an astronaut riding a horse"},
    "listAll": {"model_id": MODEL_ID},
    "findOne": {"model_id": MODEL_ID, "inference_id": INFERENCE_ID},
    "delete": {"model_id": MODEL_ID, "inference_id": INFERENCE_ID},
    "trainModel": {"name": "Alex", "image_sample_urls": ["https://example.com/samples/1.png"]},
    "listAllModels": {},
    "getModel": {"model_id": MODEL_ID},
    "deleteModel": {"model_id": MODEL_ID},
}


def call(caller: Caller, op: Operation, status: int, body: Any) -> Any:
    """Answer ``op`` with ``body``; check openapi-core accepts the exchange; return the SDK's result."""
    result = caller(op.resource, op.sdk_method, json_response(status, body), **ARGUMENTS[op.operation_id])
    assert_response_valid(caller.request, caller.response)
    return result


def assert_same_data(result: Any, body: Any) -> None:
    """The SDK result holds exactly the data of ``body`` (timestamps compared as instants)."""
    assert normalize(as_wire(result)) == normalize(body)


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_every_operation_has_arguments(op: Operation) -> None:
    assert op.operation_id in ARGUMENTS, f"add the arguments of {op.operation_id} to ARGUMENTS"


# ------------------------------------------------------------- spec examples


SCHEMA_EXAMPLES = [name for name, schema in SCHEMAS.items() if "example" in schema]


def test_the_spec_has_schema_examples() -> None:
    assert {"InferenceEntity", "ModelV2Entity", "Timestamp"} <= set(SCHEMA_EXAMPLES)


@pytest.mark.parametrize("name", SCHEMA_EXAMPLES)
def test_schema_example_parses_into_its_model(name: str) -> None:
    example = SCHEMAS[name]["example"]
    target = getattr(leap.models, name)
    if isinstance(target, type) and issubclass(target, pydantic.BaseModel):
        parsed = target.model_validate(example)
        assert_same_data(parsed, example)
        assert parsed.model_extra == {}, "a declared property was not mapped to its field"
    else:
        parsed = pydantic.TypeAdapter(target).validate_python(example)
        if isinstance(parsed, datetime):
            assert parsed.utcoffset() is not None
            assert parsed == parse_timestamp(example)
        else:
            assert parsed == example


def _example_body(schema: Any) -> Any:
    """The spec's own example for a success schema (``$ref`` or array of ``$ref``), else ``None``."""
    schema_ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
    if schema_ref is None:
        return None
    example = deref({"$ref": schema_ref}).get("example")
    if example is None:
        return None
    return [example] if schema.get("type") == "array" else example


EXAMPLE_OPERATIONS = [op for op in OPERATIONS if _example_body(op.success_schema) is not None]


def test_example_operations_are_found() -> None:
    assert {op.operation_id for op in EXAMPLE_OPERATIONS} >= {
        "generate",
        "listAll",
        "findOne",
        "getModel",
        "trainModel",
    }


@pytest.mark.parametrize("op", EXAMPLE_OPERATIONS, ids=str)
def test_success_response_built_from_the_spec_example(op: Operation, caller: Caller) -> None:
    body = _example_body(op.success_schema)
    result = call(caller, op, op.success_status, body)
    assert_same_data(result, body)


def _error_examples() -> list[Any]:
    """``(operation, status, example)`` for every error response example of the spec."""
    found = []
    for op in OPERATIONS:
        for code, response in op.spec["responses"].items():
            if code.startswith("2"):
                continue
            media = deref(response).get("content", {}).get("application/json", {})
            if "example" in media:
                status = media["example"].get("statusCode") if code.endswith("XX") else int(code)
                found.append(pytest.param(op, status, media["example"], id=f"{op.operation_id}-{code}"))
    return found


ERROR_EXAMPLES = _error_examples()


def test_error_examples_are_found() -> None:
    assert len(ERROR_EXAMPLES) >= len(OPERATIONS) * 2


@pytest.mark.parametrize(("op", "status", "example"), ERROR_EXAMPLES)
def test_error_response_built_from_the_spec_example(op: Operation, status: int, example: Any, caller: Caller) -> None:
    with pytest.raises(APIStatusError) as info:
        caller(op.resource, op.sdk_method, json_response(status, example), **ARGUMENTS[op.operation_id])
    assert_response_valid(caller.request, caller.response)
    error = info.value
    assert error.status_code == status
    assert isinstance(error.body, ErrorResponse)
    assert error.body.to_dict() == example
    assert error.body.status_code == example["statusCode"]
    assert error.body.message == example["message"]


# -------------------------------------------- bodies generated from the schemas


@pytest.mark.parametrize("full", [True, False], ids=["every-property", "required-only"])
@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_success_response_generated_from_the_schema(op: Operation, full: bool, caller: Caller) -> None:
    body = sample(op.success_schema, full=full)
    result = call(caller, op, op.success_status, body)
    assert_same_data(result, body)


# ------------------------------------------------------- 2023-style payloads

IMAGE_2023 = {
    "id": "5a8b5e3c-7c43-4b0c-9a53-0d1a3c0f7d42",
    "uri": "https://static.tryleap.ai/image-gen-a047df00/generated_images/0.png",
    "createdAt": "2023-06-20 07:04:01.634307+00",
}
INFERENCE_2023 = {
    "id": INFERENCE_ID,
    "createdAt": "2023-06-20T07:03:48.218Z",
    "prompt": "A photo of an astronaut riding a horse",
    "negativePrompt": "asymmetric, bad hands, bad hair",
    "seed": 4523184,
    "width": 1024,
    "height": 1024,
    "promptStrength": 7,
    "numberOfImages": 1,
    "steps": 50,
    "state": "finished",
    "status": "finished",
    "modelId": MODEL_ID,
    "upscalingOption": "x1",
    "images": [IMAGE_2023],
}
EXTRA_FIELDS = {
    "weightsId": "f8b6c2a7-0a1e-4c55-9f1d-2e0f3b7c9d10",
    "workspaceId": "0c4e7f2a-5b9d-4e1f-8a3c-6d2b1e0f9a87",
    "sampler": "ddim",
    "isDeleted": False,
    "routedToQueue": "sdxl-queue",
}


def inference(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(INFERENCE_2023)
    for key, value in changes.items():
        if value is ...:
            body.pop(key)
        else:
            body[key] = value
    return body


PAYLOADS_2023 = {
    "state-only": inference(status=...),
    "status-only": inference(state=...),
    "state-and-status": inference(),
    "undeclared-fields": inference(**EXTRA_FIELDS),
    "iso-timestamps": inference(images=[{**IMAGE_2023, "createdAt": "2023-06-20T07:04:01.634Z"}]),
    "postgres-timestamps": inference(createdAt="2023-06-20 07:03:48.218+00"),
    "unknown-state": inference(state="cancelled", status="cancelled"),
    "unknown-upscaling-option": inference(upscalingOption="x8"),
    "nulls": inference(negativePrompt=None, seed=None),
    "not-finished": inference(state="queued", status="processing", images=[]),
}

INFERENCE_OPERATIONS = ("generate", "findOne", "listAll")


@pytest.mark.parametrize("op_id", INFERENCE_OPERATIONS)
@pytest.mark.parametrize("name", list(PAYLOADS_2023))
def test_2023_inference_payload_validates_and_parses(name: str, op_id: str, caller: Caller) -> None:
    op = BY_ID[op_id]
    payload = PAYLOADS_2023[name]
    body = [payload, INFERENCE_2023] if op_id == "listAll" else payload
    result = call(caller, op, op.success_status, body)
    assert_same_data(result, body)
    parsed = result[0] if op_id == "listAll" else result
    assert isinstance(parsed, InferenceEntity)
    assert parsed.state == payload.get("state")
    assert parsed.status == payload.get("status")


def test_state_and_status_are_independent() -> None:
    only_state = InferenceEntity.model_validate(PAYLOADS_2023["state-only"])
    only_status = InferenceEntity.model_validate(PAYLOADS_2023["status-only"])
    assert (only_state.state, only_state.status) == ("finished", None)
    assert (only_status.state, only_status.status) == (None, "finished")


def test_undeclared_fields_are_kept_in_model_extra(caller: Caller) -> None:
    body = PAYLOADS_2023["undeclared-fields"]
    result = call(caller, BY_ID["findOne"], 200, body)
    assert result.model_extra == EXTRA_FIELDS
    assert result.to_dict()["routedToQueue"] == "sdxl-queue"
    assert json.loads(result.to_json())["isDeleted"] is False


def test_unknown_enum_values_are_kept_as_strings(caller: Caller) -> None:
    body = inference(state="cancelled", status="archived", upscalingOption="x8")
    result = call(caller, BY_ID["findOne"], 200, body)
    assert (result.state, result.status, result.upscaling_option) == ("cancelled", "archived", "x8")
    assert all(type(v) is str for v in (result.state, result.status, result.upscaling_option))


def test_image_timestamps_in_both_spellings_are_the_same_instant(caller: Caller) -> None:
    instant = datetime(2023, 6, 20, 7, 4, 1, 634307, tzinfo=timezone.utc)
    body = inference(
        images=[
            {**IMAGE_2023, "createdAt": "2023-06-20 07:04:01.634307+00"},
            {**IMAGE_2023, "createdAt": "2023-06-20T07:04:01.634307Z"},
            {**IMAGE_2023, "createdAt": "2023-06-20T09:04:01.634307+02:00"},
        ]
    )
    result = call(caller, BY_ID["findOne"], 200, body)
    for image in result.images:
        assert isinstance(image, InferenceImageEntity)
        assert image.created_at.tzinfo is not None
        assert image.created_at.utcoffset() is not None
        assert image.created_at == instant


# Every spelling here is accepted by the spec (openapi-core checks it through a response).
TIMESTAMPS = {
    "2023-06-20 07:04:01.634307+00": datetime(2023, 6, 20, 7, 4, 1, 634307, tzinfo=timezone.utc),
    "2023-06-20 07:04:01+00": datetime(2023, 6, 20, 7, 4, 1, tzinfo=timezone.utc),
    "2023-06-20 07:04:01.6+00": datetime(2023, 6, 20, 7, 4, 1, 600000, tzinfo=timezone.utc),
    "2023-06-20 09:34:01.5+02:30": datetime(2023, 6, 20, 7, 4, 1, 500000, tzinfo=timezone.utc),
    "2023-06-20 09:34:01.5+0230": datetime(2023, 6, 20, 7, 4, 1, 500000, tzinfo=timezone.utc),
    "2023-06-20 00:04:01-07": datetime(2023, 6, 20, 7, 4, 1, tzinfo=timezone.utc),
    "2023-06-20 07:04:01Z": datetime(2023, 6, 20, 7, 4, 1, tzinfo=timezone.utc),
    "2023-06-20T07:04:01.634Z": datetime(2023, 6, 20, 7, 4, 1, 634000, tzinfo=timezone.utc),
    "2023-06-20T07:04:01+00:00": datetime(2023, 6, 20, 7, 4, 1, tzinfo=timezone.utc),
    "2023-06-20T08:04:01.634+01:00": datetime(2023, 6, 20, 7, 4, 1, 634000, tzinfo=timezone.utc),
}


@pytest.mark.parametrize("text", list(TIMESTAMPS))
def test_timestamp_spelling_is_an_aware_datetime(text: str, caller: Caller) -> None:
    body = inference(createdAt=text, images=[{**IMAGE_2023, "createdAt": text}])
    result = call(caller, BY_ID["findOne"], 200, body)
    for value in (result.created_at, result.images[0].created_at):
        assert value.utcoffset() is not None, f"{text!r} became a naive datetime"
        assert value == TIMESTAMPS[text]


def test_offsetless_postgres_timestamp_is_aware(caller: Caller) -> None:
    text = "2023-06-20 07:04:01.634307"
    body = inference(createdAt=text)
    result = call(caller, BY_ID["findOne"], 200, body)
    assert result.created_at.utcoffset() is not None


FIND_ONE_REQUEST = httpx.Request(
    "GET",
    f"{SERVER_URL}/api/v1/images/models/{MODEL_ID}/inferences/{INFERENCE_ID}",
    headers={"Authorization": f"Bearer {API_KEY}"},
)


@pytest.mark.parametrize(
    "body",
    [
        inference(createdAt="20/06/2023 07:04"),
        inference(createdAt="2023-06-20T07:04:01"),
        inference(id=...),
        inference(images=[{**IMAGE_2023, "uri": 5}]),
        inference(state=3),
    ],
    ids=["bad-timestamp", "iso-without-offset", "missing-id", "bad-image", "non-string-state"],
)
def test_openapi_core_rejects_a_body_the_spec_does_not_allow(body: Any) -> None:
    """The response checks above bite: openapi-core does reject what the spec does not allow."""
    assert response_errors(FIND_ONE_REQUEST, httpx.Response(200, json=body))


MODEL_2023 = {
    "id": "8f7c6a59-2c3e-4f0e-9a3b-3b8f0c7e2d11",
    "name": None,
    "createdAt": "2023-09-01 12:00:00.123456+00",
    "subjectKeyword": "@me",
    "subjectType": "person",
    "status": "training",
    "imageSamples": ["https://example.com/samples/1.png"],
    "workspaceId": "0c4e7f2a-5b9d-4e1f-8a3c-6d2b1e0f9a87",
    "isDeleted": False,
}


@pytest.mark.parametrize("op_id", ["getModel", "deleteModel", "trainModel"])
def test_2023_model_payload_validates_and_parses(op_id: str, caller: Caller) -> None:
    op = BY_ID[op_id]
    result = call(caller, op, op.success_status, MODEL_2023)
    assert isinstance(result, ModelV2Entity)
    assert_same_data(result, MODEL_2023)
    assert result.status == "training"
    assert result.name is None
    assert result.created_at == datetime(2023, 9, 1, 12, 0, 0, 123456, tzinfo=timezone.utc)
    assert result.model_extra == {"workspaceId": MODEL_2023["workspaceId"], "isDeleted": False}


def test_list_all_models_keeps_every_model(caller: Caller) -> None:
    body = {"models": [MODEL_2023, SCHEMAS["ModelV2Entity"]["example"]], "total": 2}
    result = call(caller, BY_ID["listAllModels"], 200, body)
    assert [m.id for m in result.models] == [MODEL_2023["id"], SCHEMAS["ModelV2Entity"]["example"]["id"]]
    assert result.model_extra == {"total": 2}


# ----------------------------------------------------------- DELETE inference


@pytest.mark.parametrize(
    "headers",
    [{}, {"content-type": "application/json"}, {"content-type": "application/json", "content-length": "0"}],
    ids=["no-content-type", "json-content-type", "explicit-zero-length"],
)
def test_delete_inference_with_an_empty_body_returns_none(headers: dict[str, str], caller: Caller) -> None:
    result = caller("images", "delete", raw_response(200, b"", headers), **ARGUMENTS["delete"])
    assert result is None


@pytest.mark.xfail(
    strict=True,
    reason="openapi-core raises MissingData for an empty body whenever the response declares "
    "content, and OpenAPI cannot mark response content optional: the spec's claim that an empty "
    "200 to DELETE inference is valid is not checkable with openapi-core (spec/tooling gap)",
)
def test_openapi_core_accepts_delete_inference_with_an_empty_body() -> None:
    caller = Caller("sync")
    caller("images", "delete", raw_response(200, b""), **ARGUMENTS["delete"])
    assert response_errors(caller.request, caller.response) == []


@pytest.mark.parametrize(
    "body",
    [
        {"id": INFERENCE_ID, "deleted": True},
        INFERENCE_2023,
        [INFERENCE_ID],
        "deleted",
        True,
        0,
    ],
    ids=["object", "inference", "array", "string", "true", "zero"],
)
def test_delete_inference_with_a_json_body_returns_that_json(body: Any, caller: Caller) -> None:
    result = call(caller, BY_ID["delete"], 200, body)
    assert result == body
    assert type(result) is type(body)


def test_delete_inference_json_null_returns_none(caller: Caller) -> None:
    result = caller(
        "images", "delete", raw_response(200, b"null", {"content-type": "application/json"}), **ARGUMENTS["delete"]
    )
    assert_response_valid(caller.request, caller.response)
    assert result is None


# Guard against a sample() that would make the generated-body test vacuous.
def test_generated_bodies_use_every_declared_property() -> None:
    body = sample(SCHEMAS["InferenceEntity"])
    assert set(body) == set(SCHEMAS["InferenceEntity"]["properties"])
    assert body["images"] and set(body["images"][0]) == set(SCHEMAS["InferenceImageEntity"]["properties"])
    assert isinstance(InferenceEntity.model_validate(body).created_at, datetime)
    assert timedelta(0) == InferenceEntity.model_validate(body).created_at.utcoffset()
