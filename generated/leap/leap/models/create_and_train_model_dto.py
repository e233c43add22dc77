# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from pydantic import Field

from .._models import BaseModel

__all__ = ["CreateAndTrainModelDto"]


class CreateAndTrainModelDto(BaseModel):
    """A new model to train, with its sample images given either as URLs
    (`imageSampleUrls`) or as uploaded files (`imageSampleFiles`): exactly one of
    the two.

    Source: spec ``#/components/schemas/CreateAndTrainModelDto``.
    """

    name: str | None = None
    """Provide a name so you can more easily identify the model. Optional."""

    subject_keyword: str | None = Field(default=None, alias="subjectKeyword")
    """This is the keyword you will use during image generation to trigger your custom
    subject. For example "a photo of @me". Optional. Wire name ``subjectKeyword``.
    """

    subject_type: str = Field(default="person", alias="subjectType")
    """The subject type - a short description, usually a noun, that describes what the
    underlying model is learning. For example: person, man, woman, cat, dog, icon,
    style. Defaults to "person". Default: ``"person"``. Wire name ``subjectType``.
    """

    webhook_url: str | None = Field(default=None, alias="webhookUrl")
    """An optional webhook URL that will be called with a POST request when the model
    completes training or fails. A URL. Optional. Wire name ``webhookUrl``.
    """

    image_sample_urls: list[str] | None = Field(default=None, alias="imageSampleUrls")
    """An array of strings containing the URLs of the images to upload. Either this or
    imageSampleFiles is required, but not both. Optional. Wire name
    ``imageSampleUrls``.
    """

    image_sample_files: list[bytes] | None = Field(
        default=None, alias="imageSampleFiles"
    )
    """An array of files containing the images to upload. Either this or
    imageSampleUrls is required, but not both. Optional. Wire name
    ``imageSampleFiles``.
    """
