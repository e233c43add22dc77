# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""One API class per tag of the spec, each with a blocking and an asyncio variant."""

from .images import AsyncImagesApi, ImagesApi
from .image_models import AsyncImageModelsApi, ImageModelsApi

__all__ = [
    "AsyncImageModelsApi",
    "ImageModelsApi",
    "AsyncImagesApi",
    "ImagesApi",
]
