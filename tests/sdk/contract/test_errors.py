"""Contract: every failure becomes the documented exception, keeping what the server sent."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from .conftest import (
    Caller,
    Operation,
    assert_response_valid,
    deref,
    json_response,
    raising,
    raw_response,
    response_errors,
    sample,
    spec_operations,
)

from leap import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    LeapError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from leap.models import ErrorResponse

OPERATIONS = spec_operations()
BY_ID = {op.operation_id: op for op in OPERATIONS}

MODEL_ID = "26a1a203-3a46-42cb-8cfa-f4de075907d8"
INFERENCE_ID = "a047df00-8bdd-4d57-a9bd-6eebef36ecaa"
ARGUMENTS: dict[str, dict[str, Any]] = {
    "generate": {"model_id": MODEL_ID, "prompt": "a cat"},
    "listAll": {"model_id": MODEL_ID},
    "findOne": {"model_id": MODEL_ID, "inference_id": INFERENCE_ID},
    "delete": {"model_id": MODEL_ID, "inference_id": INFERENCE_ID},
    "trainModel": {"image_sample_urls": ["https://example.com/samples/1.png"]},
    "listAllModels": {},
    "getModel": {"model_id": MODEL_ID},
    "deleteModel": {"model_id": MODEL_ID},
}

STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    500: InternalServerError,
    502: InternalServerError,
    503: InternalServerError,
    418: APIStatusError,
}

HEADERS = {"x-request-id": "req-123", "retry-after": "7"}


def invoke(caller: Caller, op: Operation, respond: Any) -> Any:
    return caller(op.resource, op.sdk_method, respond, **ARGUMENTS[op.operation_id])


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_every_operation_has_arguments(op: Operation) -> None:
    assert op.operation_id in ARGUMENTS


# ---------------------------------------------------------------- 4xx / 5xx


@pytest.mark.parametrize("status", list(STATUS_CLASSES))
def test_status_maps_to_its_class(status: int, caller: Caller) -> None:
    body = {"statusCode": status, "message": f"problem {status}", "error": "Reason"}
    with pytest.raises(APIStatusError) as info:
        invoke(caller, BY_ID["findOne"], json_response(status, body, HEADERS))
    error = info.value
    assert type(error) is STATUS_CLASSES[status]
    assert isinstance(error, APIError) and isinstance(error, LeapError)
    assert not isinstance(error, (APIConnectionError, APIResponseValidationError))
    assert error.status_code == status
    assert error.headers["x-request-id"] == "req-123"
    assert error.headers["retry-after"] == "7"
    assert isinstance(error.body, ErrorResponse)
    assert (error.body.status_code, error.body.message, error.body.error) == (status, f"problem {status}", "Reason")
    assert json.loads(error.text) == body
    assert error.response.status_code == status
    assert error.request is caller.request
    assert str(status) in str(error) and f"problem {status}" in str(error)
    if 400 <= status < 600:
        assert_response_valid(caller.request, caller.response)


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
@pytest.mark.parametrize("status", [401, 404, 429, 500])
def test_every_operation_raises_the_status_class(op: Operation, status: int, caller: Caller) -> None:
    body = {"statusCode": status, "message": "nope"}
    with pytest.raises(STATUS_CLASSES[status]) as info:
        invoke(caller, op, json_response(status, body))
    assert type(info.value) is STATUS_CLASSES[status]
    assert isinstance(info.value.body, ErrorResponse)
    assert_response_valid(caller.request, caller.response)


def test_message_array(caller: Caller) -> None:
    messages = ["width must be a multiple of 8", "steps must not be less than 1"]
    body = {"statusCode": 400, "message": messages, "error": "Bad Request"}
    with pytest.raises(BadRequestError) as info:
        invoke(caller, BY_ID["generate"], json_response(400, body))
    assert_response_valid(caller.request, caller.response)
    error = info.value
    assert isinstance(error.body, ErrorResponse)
    assert error.body.message == messages
    assert all(message in str(error) for message in messages)


@pytest.mark.parametrize(
    "body",
    [{"detail": "no such thing"}, {"statusCode": "404", "message": {"nested": True}}, ["a", "b"], "plain string", 42],
    ids=["other-object", "wrong-types", "array", "string", "number"],
)
def test_json_body_not_matching_the_error_schema_is_kept_raw(body: Any, caller: Caller) -> None:
    with pytest.raises(NotFoundError) as info:
        invoke(caller, BY_ID["getModel"], json_response(404, body))
    error = info.value
    assert not isinstance(error.body, ErrorResponse)
    assert error.body == body
    assert json.loads(error.text) == body
    assert "404" in str(error)


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        (b"<html><body><h1>502 Bad Gateway</h1></body></html>", {"content-type": "text/html"}),
        (b"", {}),
        (b"", {"content-type": "application/json"}),
        (b'{"statusCode": 500, "mess', {"content-type": "application/json"}),
        (b"\xff\xfe not utf-8", {"content-type": "application/octet-stream"}),
    ],
    ids=["html", "empty", "empty-json", "truncated-json", "binary"],
)
@pytest.mark.parametrize("status", [401, 502])
def test_non_json_error_body_is_none(content: bytes, headers: dict[str, str], status: int, caller: Caller) -> None:
    with pytest.raises(APIStatusError) as info:
        invoke(caller, BY_ID["listAllModels"], raw_response(status, content, headers))
    error = info.value
    assert type(error) is STATUS_CLASSES[status]
    assert error.body is None
    assert error.status_code == status
    assert error.text == content.decode("utf-8", errors="replace")
    assert error.response.content == content
    assert str(status) in str(error)


# ------------------------------------------------------- 2xx that do not match


def _not_matching_bodies() -> list[Any]:
    """For each operation with a success schema: a valid body with one required property removed, per property."""
    cases = []
    for op in OPERATIONS:
        schema = deref(op.success_schema)
        if schema == {}:
            continue  # any JSON is valid: only non-JSON can mismatch (below)
        is_array = schema.get("type") == "array"
        item_schema = deref(schema["items"]) if is_array else schema
        for name in item_schema["required"]:
            item = sample(item_schema, full=False)
            del item[name]
            body = [item] if is_array else item
            cases.append(pytest.param(op, json.dumps(body).encode(), id=f"{op.operation_id}-without-{name}"))
        cases.append(pytest.param(op, b'"a string"', id=f"{op.operation_id}-wrong-type"))
    return cases


MISMATCHES = _not_matching_bodies()


def test_mismatches_cover_every_operation_with_a_schema() -> None:
    covered = {p.values[0].operation_id for p in MISMATCHES}
    assert covered == {op.operation_id for op in OPERATIONS if op.success_schema != {}}
    assert any("without-id" in p.id for p in MISMATCHES)


NON_JSON = {
    "html": b"<!DOCTYPE html><html><body>Maintenance</body></html>",
    "truncated": b'{"id": "a047df00", "prompt": "a ca',
    "empty": b"",
}


def _non_json_params() -> list[Any]:
    params = []
    for op in OPERATIONS:
        for name, content in NON_JSON.items():
            if content == b"" and op.success_schema == {}:
                continue  # an empty body is this operation's documented answer (returns None)
            params.append(pytest.param(op, content, id=f"{op.operation_id}-{name}"))
    return params


@pytest.mark.parametrize(("op", "content"), MISMATCHES)
def test_success_body_missing_required_property(op: Operation, content: bytes, caller: Caller) -> None:
    check_validation_error(caller, op, content)
    # The body is one the spec rejects too: the SDK is not stricter than the spec.
    assert response_errors(caller.request, caller.response)


@pytest.mark.parametrize(("op", "content"), _non_json_params())
def test_success_body_that_is_not_json(op: Operation, content: bytes, caller: Caller) -> None:
    check_validation_error(caller, op, content)


def check_validation_error(caller: Caller, op: Operation, content: bytes) -> None:
    headers = {"content-type": "application/json", "x-request-id": "req-9"}
    with pytest.raises(APIResponseValidationError) as info:
        invoke(caller, op, raw_response(op.success_status, content, headers))
    error = info.value
    assert isinstance(error, APIError) and not isinstance(error, APIStatusError)
    assert error.status_code == op.success_status
    assert error.headers["x-request-id"] == "req-9"
    assert error.text == content.decode()
    assert error.response.content == content
    assert error.request is caller.request


# ------------------------------------------------------------ transport errors


@pytest.mark.parametrize(
    "exc_type",
    [httpx.ConnectError, httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError, httpx.ProxyError],
)
@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_transport_error_is_a_connection_error(
    op: Operation, exc_type: type[httpx.TransportError], caller: Caller
) -> None:
    with pytest.raises(APIConnectionError) as info:
        invoke(caller, op, raising(exc_type))
    error = info.value
    assert type(error) is APIConnectionError
    assert isinstance(error.__cause__, exc_type)
    assert error.request is caller.recorder.requests[0]


@pytest.mark.parametrize(
    "exc_type",
    [httpx.ReadTimeout, httpx.ConnectTimeout, httpx.WriteTimeout, httpx.PoolTimeout],
)
@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_timeout_is_a_timeout_error(op: Operation, exc_type: type[httpx.TimeoutException], caller: Caller) -> None:
    with pytest.raises(APITimeoutError) as info:
        invoke(caller, op, raising(exc_type))
    error = info.value
    assert type(error) is APITimeoutError
    assert isinstance(error, APIConnectionError)
    assert isinstance(error.__cause__, exc_type)
    assert error.request is caller.recorder.requests[0]
