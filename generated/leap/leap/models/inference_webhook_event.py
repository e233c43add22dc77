# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from .._models import BaseModel
from .inference_entity import InferenceEntity

__all__ = ["InferenceWebhookEvent"]


class InferenceWebhookEvent(BaseModel):
    """The body of the `inferenceFinished` webhook as sent in 2023, the job wrapped in
    `result`.

    Source: spec ``#/components/schemas/InferenceWebhookEvent``.
    """

    result: InferenceEntity
    """The ``result`` property."""
