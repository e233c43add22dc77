# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from pydantic import Field

from .._models import BaseModel
from .job_state import JobState
from .timestamp import Timestamp

__all__ = ["ModelV2Entity"]


class ModelV2Entity(BaseModel):
    """A custom image model and where its training stands.

    Source: spec ``#/components/schemas/ModelV2Entity``.
    """

    id: str
    """The ID of the model; use it as `modelId` to generate images."""

    name: str | None = None
    """The name given to the model. Optional."""

    created_at: Timestamp | None = Field(default=None, alias="createdAt")
    """Optional. Wire name ``createdAt``."""

    subject_keyword: str | None = Field(default=None, alias="subjectKeyword")
    """The keyword that triggers the subject in prompts. Optional. Wire name
    ``subjectKeyword``.
    """

    subject_type: str | None = Field(default=None, alias="subjectType")
    """What the model learns, usually a noun such as person, cat or style. Optional.
    Wire name ``subjectType``.
    """

    status: JobState | str | None = None
    """Where training stands. Optional."""

    image_samples: list[str] | None = Field(default=None, alias="imageSamples")
    """The URLs of the sample images the model is trained on. Optional. Wire name
    ``imageSamples``.
    """
