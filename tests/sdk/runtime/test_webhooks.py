"""``client.webhooks``: both payload shapes of both webhooks, and garbage.

Every valid payload used here is first checked against the spec's ``webhooks`` with
openapi-core, so the tests exercise what the spec declares.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import leap
from leap import AsyncLeap, Leap, WebhookParseError
from leap.models import InferenceEntity, ModelV2Entity
from tests.sdk.contract.conftest import OPENAPI, OpenAPIRequest
from tests.sdk.runtime.jobs import inference, model


class WebhookRequest(OpenAPIRequest):
    """A webhook delivery as openapi-core's ``WebhookRequest`` protocol."""

    def __init__(self, name: str, payload: Any) -> None:
        super().__init__(httpx.Request("POST", "https://receiver.example/hook", json=payload))
        self.name = name


def delivered(name: str, payload: Any) -> Any:
    """``payload``, after checking it is a valid body of webhook ``name``."""
    OPENAPI.validate_webhook_request(WebhookRequest(name, payload))
    return payload


INFERENCE = inference("job-7", "finished")
MODEL = model("model-7", "finished")
SHAPES = [
    pytest.param("inferenceFinished", {"result": INFERENCE}, InferenceEntity, "job-7", id="inference-wrapped"),
    pytest.param("inferenceFinished", INFERENCE, InferenceEntity, "job-7", id="inference-bare"),
    pytest.param("modelTrainingFinished", {"result": MODEL}, ModelV2Entity, "model-7", id="model-wrapped"),
    pytest.param("modelTrainingFinished", MODEL, ModelV2Entity, "model-7", id="model-bare"),
]
ENCODINGS = [
    pytest.param(lambda p: json.dumps(p).encode(), id="bytes"),
    pytest.param(lambda p: json.dumps(p), id="str"),
    pytest.param(lambda p: p, id="dict"),
]


@pytest.mark.parametrize("encode", ENCODINGS)
@pytest.mark.parametrize(("webhook", "payload", "entity", "entity_id"), SHAPES)
def test_parse_returns_the_entity_of_either_shape(webhook: str, payload: Any, entity: type, entity_id: str, encode: Any) -> None:
    body = encode(delivered(webhook, payload))
    with Leap(api_key="k") as client:
        parsed = client.webhooks.parse(body)
    assert type(parsed) is entity and parsed.id == entity_id and parsed.status == "finished"


@pytest.mark.parametrize(("webhook", "payload", "entity", "entity_id"), SHAPES)
def test_each_webhook_has_its_own_typed_parse(webhook: str, payload: Any, entity: type, entity_id: str) -> None:
    method = {"inferenceFinished": "parse_inference_finished", "modelTrainingFinished": "parse_model_training_finished"}[webhook]
    parsed = getattr(AsyncLeap(api_key="k").webhooks, method)(json.dumps(delivered(webhook, payload)))
    assert type(parsed) is entity and parsed.id == entity_id


def test_undeclared_fields_and_unknown_states_are_kept() -> None:
    payload = delivered("inferenceFinished", {"result": {**INFERENCE, "status": "archived", "workspaceId": "w-1"}})
    parsed = Leap(api_key="k").webhooks.parse(payload)
    assert isinstance(parsed, InferenceEntity) and parsed.status == "archived" and parsed.to_dict()["workspaceId"] == "w-1"


def test_an_inference_is_never_read_as_a_model() -> None:
    """A model needs only an id, so an inference would also pass as one: the more specific shape wins."""
    parsed = Leap(api_key="k").webhooks.parse(INFERENCE)
    assert isinstance(parsed, InferenceEntity)
    with pytest.raises(WebhookParseError):
        Leap(api_key="k").webhooks.parse_inference_finished(MODEL)


GARBAGE = [
    pytest.param(b"<html>not json</html>", "not JSON", id="html"),
    pytest.param(b"", "not JSON", id="empty"),
    pytest.param(b'{"result": ', "not JSON", id="truncated"),
    pytest.param("[1, 2]", "not an object", id="array"),
    pytest.param(b'"finished"', "not an object", id="string"),
    pytest.param({"foo": 1}, "matches no payload", id="unknown-object"),
    pytest.param({"result": {"foo": 1}}, "matches no payload", id="envelope-of-nothing"),
    pytest.param({"result": "job-7"}, "matches no payload", id="envelope-of-a-string"),
    pytest.param(42, "bytes, str or a dict", id="int"),
]


@pytest.mark.parametrize(("body", "message"), GARBAGE)
def test_garbage_raises_a_clear_webhook_parse_error(body: Any, message: str) -> None:
    with pytest.raises(WebhookParseError, match=message) as info:
        Leap(api_key="k").webhooks.parse(body)
    assert info.value.body is body
    assert isinstance(info.value, ValueError) and isinstance(info.value, leap.LeapError)


def test_a_mismatch_says_what_each_shape_lacked() -> None:
    with pytest.raises(WebhookParseError) as info:
        Leap(api_key="k").webhooks.parse({"result": {"prompt": "p"}})
    text = str(info.value)
    for shape in ("InferenceWebhookEvent", "ModelWebhookEvent", "InferenceEntity", "ModelV2Entity"):
        assert shape in text
    assert "result.id" in text or "result.images" in text
