# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from .._models import BaseModel
from .model_v2_entity import ModelV2Entity

__all__ = ["ModelWebhookEvent"]


class ModelWebhookEvent(BaseModel):
    """The body of the `modelTrainingFinished` webhook as sent in 2023, the model
    wrapped in `result`.

    Source: spec ``#/components/schemas/ModelWebhookEvent``.
    """

    result: ModelV2Entity
    """The ``result`` property."""
