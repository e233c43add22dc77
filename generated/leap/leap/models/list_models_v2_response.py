# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from .._models import BaseModel
from .model_v2_entity import ModelV2Entity

__all__ = ["ListModelsV2Response"]


class ListModelsV2Response(BaseModel):
    """The models of the workspace.

    Source: spec ``#/components/schemas/ListModelsV2Response``.
    """

    models: list[ModelV2Entity]
    """Every model of the workspace."""
