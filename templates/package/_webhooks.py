"""Read a webhook body into the entity it carries: the machinery behind ``webhooks.parse``."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pydantic

from ._exceptions import WebhookParseError

Shape = tuple[type[pydantic.BaseModel], str]
"""A model the body may be, and the attribute holding the entity ("" when the body is the entity)."""


def decode(body: bytes | bytearray | str | Mapping[str, Any]) -> Mapping[str, Any]:
    """The JSON object of a webhook body.

    Raises:
        WebhookParseError: The body is not JSON, or not a JSON object.
    """
    if isinstance(body, Mapping):
        return body
    if not isinstance(body, (bytes, bytearray, str)):
        raise WebhookParseError(
            f"a webhook body is bytes, str or a dict, not {type(body).__name__}", body
        )
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise WebhookParseError(f"the webhook body is not JSON: {exc}", body) from None
    if not isinstance(data, dict):
        raise WebhookParseError(
            f"the webhook body is JSON {type(data).__name__}, not an object", body
        )
    return data


def match(
    body: bytes | bytearray | str | Mapping[str, Any], shapes: Sequence[Shape]
) -> Any:
    """The entity of the first of ``shapes`` that the body validates as.

    Raises:
        WebhookParseError: The body is not a JSON object, or matches none of ``shapes``.
    """
    data = decode(body)
    reasons = []
    for model, attribute in shapes:
        try:
            parsed = model.model_validate(data)
        except pydantic.ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            reasons.append(
                f"{model.__name__} ({'.'.join(map(str, first['loc'])) or 'body'}: {first['msg']})"
            )
            continue
        return getattr(parsed, attribute) if attribute else parsed
    raise WebhookParseError(
        "the webhook body matches no payload the spec declares: " + "; ".join(reasons),
        body,
    )
