# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Parse the bodies of the webhooks the API sends (the spec's ``webhooks``).

Give ``parse`` the raw body your web framework received (bytes or text) or the decoded
JSON; it returns the entity, whichever of its declared shapes the body has:
- ``inferenceFinished``: ``InferenceWebhookEvent`` (the InferenceEntity in ``result``)
- ``inferenceFinished``: the ``InferenceEntity`` itself
- ``modelTrainingFinished``: ``ModelWebhookEvent`` (the ModelV2Entity in ``result``)
- ``modelTrainingFinished``: the ``ModelV2Entity`` itself

Check where a request comes from before you trust it: the spec declares no signature.
"""

from __future__ import annotations

from typing import Any

from ._webhooks import Shape, match
from .models import (
    InferenceEntity,
    InferenceWebhookEvent,
    ModelV2Entity,
    ModelWebhookEvent,
)

__all__ = ["Webhooks"]

Body = bytes | bytearray | str | dict[str, Any]

_ALL: tuple[Shape, ...] = (
    (InferenceWebhookEvent, "result"),
    (ModelWebhookEvent, "result"),
    (InferenceEntity, ""),
    (ModelV2Entity, ""),
)
"""Every shape, in the order tried: envelopes first, then the entity with the most required properties first."""


class Webhooks:
    """Reached as ``client.webhooks`` (the same on the async client: parsing does no I/O)."""

    def parse(self, body: Body) -> InferenceEntity | ModelV2Entity:
        """The entity a webhook body carries, from any webhook of the spec.

        Args:
            body: The request body: bytes or text as received, or the decoded JSON object.

        Returns:
            InferenceEntity | ModelV2Entity: The entity, unwrapped from its envelope when it has one.

        Raises:
            WebhookParseError: The body is not a JSON object, or matches no declared shape
                (``.body`` keeps it).
        """
        return match(body, _ALL)  # type: ignore[no-any-return]

    def parse_inference_finished(self, body: Body) -> InferenceEntity:
        """An image generation job ended: the entity of a ``inferenceFinished`` body.

        Sent to the `webhookUrl` of a generation request when the job has finished or
        failed. In 2023 the body wrapped the job in `result`; the reference shows the job
        alone. Both are accepted.

        Args:
            body: The request body: bytes or text as received, or the decoded JSON object.

        Returns:
            InferenceEntity: The entity, unwrapped from its envelope when it has one.

        Raises:
            WebhookParseError: The body is not a JSON object, or matches none of this webhook's shapes.

        Source:
            spec ``#/webhooks/inferenceFinished/post``.
        """
        return match(  # type: ignore[no-any-return]
            body,
            (
                (InferenceWebhookEvent, "result"),
                (InferenceEntity, ""),
            ),
        )

    def parse_model_training_finished(self, body: Body) -> ModelV2Entity:
        """A model finished training: the entity of a ``modelTrainingFinished`` body.

        Sent to the `webhookUrl` of a training request when the model has finished training
        or failed. In 2023 the body wrapped the model in `result`; the reference shows the
        model alone. Both are accepted.

        Args:
            body: The request body: bytes or text as received, or the decoded JSON object.

        Returns:
            ModelV2Entity: The entity, unwrapped from its envelope when it has one.

        Raises:
            WebhookParseError: The body is not a JSON object, or matches none of this webhook's shapes.

        Source:
            spec ``#/webhooks/modelTrainingFinished/post``.
        """
        return match(  # type: ignore[no-any-return]
            body,
            (
                (ModelWebhookEvent, "result"),
                (ModelV2Entity, ""),
            ),
        )
