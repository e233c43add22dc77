"""End to end: every operation of the generated SDK against Stoplight Prism mocking the spec.

Prism validates each request against ``spec/openapi.yaml`` (a violation comes back as
401/422 with an ``sl-violations`` header) and answers from the spec: its examples in
static mode, random schema-valid data in dynamic mode (``-d``). Each operation is called
through ``Leap`` and ``AsyncLeap``; every request must pass Prism's validation, and every
answer must parse into the declared type without losing data.

``trainModel`` (multipart) is checked against a validating local server instead
(``test_train_model.py``): Prism does not read repeated multipart parts as an array.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from tests.sdk.contract.conftest import Operation, as_wire, deref, spec_operations
from tests.conftest import load_spec

from .conftest import API_KEY, E2ECaller, PrismServer, normalize, timestamp_text_branch

from leap import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    UnprocessableEntityError,
)
from leap.models import ErrorResponse, InferenceEntity, ListModelsV2Response, ModelV2Entity

ROUNDS = 5
"""Calls of each operation against dynamic Prism (fresh random data each time)."""

MODEL_ID = "26a1a203-3a46-42cb-8cfa-f4de075907d8"
INFERENCE_ID = "a047df00-8bdd-4d57-a9bd-6eebef36ecaa"
CUSTOM_MODEL_ID = "8f7c6a59-2c3e-4f0e-9a3b-3b8f0c7e2d11"

OPERATIONS = {op.operation_id: op for op in spec_operations()}
CHECKED_ELSEWHERE = {"trainModel": "multipart: test_train_model.py, against a validating local server"}


def is_inference_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, InferenceEntity) for item in value)


@dataclass(frozen=True)
class Case:
    """One SDK call: the operation, its arguments, and what the result must be."""

    operation_id: str
    kwargs: dict[str, Any]
    check: Callable[[Any], bool]
    expected: str
    label: str = ""

    @property
    def op(self) -> Operation:
        return OPERATIONS[self.operation_id]

    def __str__(self) -> str:
        return f"{self.operation_id}{'-' + self.label if self.label else ''}"


CASES = [
    Case(
        "generate",
        {"model_id": MODEL_ID, "prompt": "A photo of an astronaut riding a horse"},
        lambda r: isinstance(r, InferenceEntity),
        "InferenceEntity",
        "required-only",
    ),
    Case(
        "generate",
        {
            "model_id": MODEL_ID,
            "prompt": "A photo of an astronaut riding a horse",
            "negative_prompt": "asymmetric, bad hands",
            "steps": 1,
            "width": 8,
            "height": 512,
            "number_of_images": 4,
            "prompt_strength": 30,
            "seed": 4523184,
            "webhook_url": "https://example.com/api/webhook",
        },
        lambda r: isinstance(r, InferenceEntity),
        "InferenceEntity",
        "every-field",
    ),
    Case("listAll", {"model_id": MODEL_ID}, is_inference_list, "list[InferenceEntity]", "no-query"),
    Case(
        "listAll",
        {"model_id": MODEL_ID, "page": 0, "page_size": 1, "only_finished": True},
        is_inference_list,
        "list[InferenceEntity]",
        "page0-size1-finished",
    ),
    Case(
        "listAll",
        {"model_id": MODEL_ID, "page": 3, "page_size": 50, "only_finished": False},
        is_inference_list,
        "list[InferenceEntity]",
        "page3-size50-all",
    ),
    Case(
        "findOne",
        {"model_id": MODEL_ID, "inference_id": INFERENCE_ID},
        lambda r: isinstance(r, InferenceEntity),
        "InferenceEntity",
    ),
    # The spec gives DELETE's 200 an empty schema (any JSON, or no body): any JSON value or None.
    Case("delete", {"model_id": MODEL_ID, "inference_id": INFERENCE_ID}, lambda r: True, "any JSON"),
    Case("listAllModels", {}, lambda r: isinstance(r, ListModelsV2Response), "ListModelsV2Response"),
    Case("getModel", {"model_id": CUSTOM_MODEL_ID}, lambda r: isinstance(r, ModelV2Entity), "ModelV2Entity"),
    Case("deleteModel", {"model_id": CUSTOM_MODEL_ID}, lambda r: isinstance(r, ModelV2Entity), "ModelV2Entity"),
]


def test_every_operation_of_the_spec_is_called() -> None:
    called = {case.operation_id for case in CASES}
    assert called | set(CHECKED_ELSEWHERE) == set(OPERATIONS)
    assert not called & set(CHECKED_ELSEWHERE)


# ------------------------------------------------------------------ helpers


def call_and_check(caller: E2ECaller, case: Case) -> Any:
    """Call ``case`` through the SDK; assert Prism accepted it and the result holds the answer's data."""
    op = case.op
    try:
        result = caller(op.resource, op.sdk_method, **case.kwargs)
    except APIStatusError as exc:
        caller.assert_no_violations()
        raise AssertionError(f"{case}: Prism answered {exc.status_code}: {exc.text[:500]}") from exc
    except Exception as exc:
        raise AssertionError(f"{case}: the SDK failed on Prism's answer {caller.last.body[:800]!r}") from exc
    caller.assert_no_violations()
    exchange = caller.last
    assert exchange.status == op.success_status, exchange
    # Prism matches query names case-insensitively and ignores unknown ones: check the names here.
    declared = {p["name"] for p in map(deref, op.spec.get("parameters", [])) if p["in"] == "query"}
    sent = {name for name, _ in parse_qsl(httpx.URL(exchange.url).query.decode())}
    assert sent <= declared, f"{case}: query names {sorted(sent - declared)} are not in the spec"
    assert case.check(result), f"{case}: expected {case.expected}, got {type(result).__name__}: {result!r}"
    body = json.loads(exchange.body) if exchange.body.strip() else None
    assert normalize(as_wire(result)) == normalize(body), f"{case}: data lost or changed parsing {body!r}"
    return result


# ------------------------------------------------------------------ static


@pytest.mark.parametrize("case", CASES, ids=str)
def test_static_mode(case: Case, mode: str, prism: PrismServer) -> None:
    call_and_check(E2ECaller(prism.base_url, mode), case)


def test_static_answers_are_the_spec_examples(prism: PrismServer) -> None:
    """Prism serves the spec's examples, so the SDK's models come out equal to them."""
    schemas = load_spec()["components"]["schemas"]
    caller = E2ECaller(prism.base_url, "sync")
    inference = call_and_check(caller, CASES[0])
    assert inference == InferenceEntity.model_validate(schemas["InferenceEntity"]["example"])
    model = call_and_check(caller, next(c for c in CASES if c.operation_id == "getModel"))
    assert model == ModelV2Entity.model_validate(schemas["ModelV2Entity"]["example"])


@pytest.mark.parametrize("value", ["a b", "a/b", "q?x=1#f", "%2F", "a;b", "\u00fcn\u00ef", "x" * 300])
def test_path_values_stay_in_their_segment(value: str, mode: str, prism: PrismServer) -> None:
    """Reserved characters in IDs are percent-encoded: Prism routes the request to the right operation.

    Not ``..``: the SDK sends it as ``%2E%2E``, which a WHATWG URL parser (Prism's, on
    Node) still reads as a dot segment and resolves away, so Prism finds no route. The
    wire form is checked by the contract tests (``test_dot_segments_are_encoded``).
    """
    caller = E2ECaller(prism.base_url, mode)
    result = caller("images", "find_one", model_id=value, inference_id=value)
    caller.assert_no_violations()
    assert isinstance(result, InferenceEntity)
    assert caller.last.status == 200


# ------------------------------------------------------------------ dynamic


@pytest.mark.parametrize("case", CASES, ids=str)
def test_dynamic_mode(case: Case, mode: str, prism_dynamic: PrismServer) -> None:
    caller = E2ECaller(prism_dynamic.base_url, mode)
    for _ in range(ROUNDS):
        call_and_check(caller, case)
    assert len(caller.exchanges) == ROUNDS


def test_dynamic_answers_differ_between_rounds(prism_dynamic: PrismServer) -> None:
    """Dynamic mode really generates data (else the rounds above would test one answer)."""
    caller = E2ECaller(prism_dynamic.base_url, "sync")
    ids = {call_and_check(caller, CASES[0]).id for _ in range(ROUNDS)}
    assert len(ids) > 1


def test_spec_timestamp_pattern_admits_only_real_instants() -> None:
    pattern = timestamp_text_branch(load_spec())["pattern"]
    assert re.search(pattern, "2023-06-20 07:04:01.634307+00"), "the spec's own example must match"
    assert re.search(pattern, "2023-12-31 23:59:59+14:00")
    for impossible in ("7081-84-78 09:51:03-52", "2023-06-32 12:00:00", "2023-06-20 25:61:61", "0000-01-01 00:00:00"):
        assert not re.search(pattern, impossible), impossible


# ------------------------------------------------- Prism does validate


def raw(prism: PrismServer, method: str, path: str, **kwargs: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {API_KEY}", "Accept": "application/json", **kwargs.pop("headers", {})}
    return httpx.request(method, prism.base_url + path, headers=headers, timeout=10, **kwargs)


GENERATE_PATH = f"/api/v1/images/models/{MODEL_ID}/inferences"


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "violation"),
    [
        pytest.param("POST", GENERATE_PATH, {"json": {"steps": 50}}, 422, "prompt", id="missing-prompt"),
        pytest.param("POST", GENERATE_PATH, {"json": {"prompt": "p", "width": 100}}, 422, "width", id="width-not-x8"),
        pytest.param("POST", GENERATE_PATH, {"json": {"prompt": "p", "steps": "many"}}, 422, "steps", id="steps-text"),
        pytest.param("GET", GENERATE_PATH, {"params": {"page": -1}}, 422, "page", id="negative-page"),
        pytest.param("GET", GENERATE_PATH, {"params": {"pageSize": 0}}, 422, "pageSize", id="page-size-zero"),
        pytest.param("GET", "/api/v2/images/models", {"headers": {"Authorization": ""}}, 401, "security", id="no-auth"),
    ],
)
def test_prism_rejects_requests_that_break_the_spec(
    prism: PrismServer, method: str, path: str, kwargs: dict[str, Any], status: int, violation: str
) -> None:
    response = raw(prism, method, path, **kwargs)
    assert response.status_code == status, response.text
    violations = json.loads(response.headers["sl-violations"])
    # Prism reports query parameter names lower-cased ("pagesize"), so compare case-insensitively.
    assert any(violation.lower() in json.dumps(v).lower() for v in violations), violations


def test_prism_accepts_the_same_requests_when_valid(prism: PrismServer) -> None:
    """The control of the test above: the valid versions of those requests pass."""
    assert raw(prism, "POST", GENERATE_PATH, json={"prompt": "p", "width": 104}).status_code == 201
    ok = raw(prism, "GET", GENERATE_PATH, params={"page": 0, "pageSize": 1})
    assert ok.status_code == 200 and "sl-violations" not in ok.headers


def test_a_request_prism_rejects_is_a_typed_sdk_error(prism: PrismServer, mode: str) -> None:
    """The SDK does not check ``width`` itself: Prism's 422 comes back as UnprocessableEntityError."""
    caller = E2ECaller(prism.base_url, mode)
    with pytest.raises(UnprocessableEntityError) as info:
        caller("images", "generate", model_id=MODEL_ID, prompt="p", width=100)
    assert info.value.status_code == 422
    assert isinstance(info.value.body, ErrorResponse)
    assert any("width" in json.dumps(v) for v in caller.last.violations), caller.last


# ------------------------------------------------- error answers (Prefer: code=...)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (404, NotFoundError),
        (429, RateLimitError),
        (409, APIStatusError),
        (500, InternalServerError),
        (503, InternalServerError),
    ],
)
def test_error_answers_map_to_typed_errors(
    status: int, error: type[APIStatusError], mode: str, prism: PrismServer
) -> None:
    caller = E2ECaller(prism.base_url, mode, headers={"Prefer": f"code={status}"})
    with pytest.raises(error) as info:
        caller("image_models", "get_model", model_id=CUSTOM_MODEL_ID)
    caller.assert_no_violations()
    assert info.value.status_code == status
    assert isinstance(info.value.body, ErrorResponse), info.value.text


def test_not_found_carries_the_spec_example(prism: PrismServer, mode: str) -> None:
    """getModel declares its own 404 with an example; Prism serves it and the SDK parses it."""
    caller = E2ECaller(prism.base_url, mode, headers={"Prefer": "code=404"})
    with pytest.raises(NotFoundError) as info:
        caller("image_models", "get_model", model_id=CUSTOM_MODEL_ID)
    example = load_spec()["paths"]["/api/v2/images/models/{modelId}"]["get"]["responses"]["404"]["content"][
        "application/json"
    ]["example"]
    assert info.value.body == ErrorResponse.model_validate(example)
    assert str(example["message"]) in str(info.value)


@pytest.mark.parametrize("case", [c for c in CASES if c.label in ("", "no-query", "required-only")], ids=str)
def test_dynamic_error_bodies_parse(case: Case, prism_dynamic: PrismServer) -> None:
    """Random 4XX bodies of every operation parse as the spec's ErrorResponse."""
    caller = E2ECaller(prism_dynamic.base_url, "sync", headers={"Prefer": "code=400"})
    for _ in range(ROUNDS):
        with pytest.raises(BadRequestError) as info:
            caller(case.op.resource, case.op.sdk_method, **case.kwargs)
        assert isinstance(info.value.body, ErrorResponse), info.value.text
    caller.assert_no_violations()
