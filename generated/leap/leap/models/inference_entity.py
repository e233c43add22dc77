# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from pydantic import Field

from .._models import BaseModel
from .inference_image_entity import InferenceImageEntity
from .job_state import JobState
from .timestamp import Timestamp
from .upscaling_option import UpscalingOption

__all__ = ["InferenceEntity"]


class InferenceEntity(BaseModel):
    """An image generation job and, once it has finished, the images it produced.

    Source: spec ``#/components/schemas/InferenceEntity``.
    """

    id: str
    """The ID of the image generation job."""

    created_at: Timestamp = Field(alias="createdAt")
    """Wire name ``createdAt``."""

    prompt: str
    """The text description the images were generated from."""

    negative_prompt: str | None = Field(default=None, alias="negativePrompt")
    """What the images were asked to avoid. Optional. Wire name ``negativePrompt``."""

    seed: int | None = None
    """The seed the job used. Optional."""

    width: int | None = None
    """The width of each image. In pixels. Optional."""

    height: int | None = None
    """The height of each image. In pixels. Optional."""

    prompt_strength: float | None = Field(default=None, alias="promptStrength")
    """How closely the images follow the prompt, from 0 to 30. Optional. Wire name
    ``promptStrength``.
    """

    number_of_images: int | None = Field(default=None, alias="numberOfImages")
    """The number of images requested. Optional. Wire name ``numberOfImages``."""

    steps: int | None = None
    """The number of steps the model took. Optional."""

    state: JobState | str | None = None
    """The state of the job. Older responses send it here, newer ones in `status`, some
    in both. Optional.
    """

    status: JobState | str | None = None
    """The state of the job. Newer responses send it here, older ones in `state`, some
    in both. Optional.
    """

    images: list[InferenceImageEntity]
    """The images generated so far; empty until the job has finished."""

    model_id: str | None = Field(default=None, alias="modelId")
    """The ID of the model that generated the images. Optional. Wire name ``modelId``."""

    upscaling_option: UpscalingOption | str | None = Field(
        default=None, alias="upscalingOption"
    )
    """The upscaling applied to each image. Optional. Wire name ``upscalingOption``."""
