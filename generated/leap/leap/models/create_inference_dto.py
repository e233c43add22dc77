# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from pydantic import Field

from .._models import BaseModel

__all__ = ["CreateInferenceDto"]


class CreateInferenceDto(BaseModel):
    """The parameters to use to generate the image.

    Source: spec ``#/components/schemas/CreateInferenceDto``.
    """

    prompt: str
    """A text description of the image you what you want to generate."""

    negative_prompt: str = Field(
        default="asymmetric, watermarks", alias="negativePrompt"
    )
    """A text description of what the image should try to avoid generating. Default:
    ``"asymmetric, watermarks"``. Wire name ``negativePrompt``.
    """

    steps: int = 50
    """How many steps the AI will take to generate the image. Lower is faster but less
    detailed, higher is slower more detailed. Minimum 1. Default: ``50``.
    """

    width: int = 1024
    """The width of the image to use for the inference. Must be a multiple of 8. For
    best results use 1024x1024 for SDXL, and 512x512 for other models. In pixels.
    Minimum 8; multiple of 8. Default: ``1024``.
    """

    height: int = 1024
    """The height of the image to use for the inference. Must be a multiple of 8. For
    best results use 1024x1024 for SDXL, and 512x512 for other models. In pixels.
    Minimum 8; multiple of 8. Default: ``1024``.
    """

    number_of_images: int = Field(default=1, alias="numberOfImages")
    """The number of images to generate, up to 4. Minimum 1; maximum 4. Default: ``1``.
    Wire name ``numberOfImages``.
    """

    prompt_strength: float = Field(default=7, alias="promptStrength")
    """The higher the prompt strength, the closer the generated image will be to the
    prompt. Must be between 0 and 30. Minimum 0; maximum 30. Default: ``7``. Wire
    name ``promptStrength``.
    """

    seed: int | None = None
    """A random number to use as a seed when generating the image. This is helpful if
    you want to generate the same image multiple times. If you want to generate
    different images, keep this empty or provide a random number. Optional.
    """

    webhook_url: str | None = Field(default=None, alias="webhookUrl")
    """An optional webhook URL that will be called with a POST request when the image
    generation request completes. A URL. Optional. Wire name ``webhookUrl``.
    """
