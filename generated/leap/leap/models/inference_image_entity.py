# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from pydantic import Field

from .._models import BaseModel
from .timestamp import Timestamp

__all__ = ["InferenceImageEntity"]


class InferenceImageEntity(BaseModel):
    """One generated image.

    Source: spec ``#/components/schemas/InferenceImageEntity``.
    """

    id: str
    """The ID of the image."""

    uri: str
    """Where to download the image. A URL."""

    created_at: Timestamp = Field(alias="createdAt")
    """Wire name ``createdAt``."""
