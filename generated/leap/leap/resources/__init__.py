# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""One API class per tag of the spec, each with a blocking and an asyncio variant.

Each module is imported when first used (the client imports it when its attribute is first read).
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from .images import AsyncImagesApi, ImagesApi
    from .image_models import AsyncImageModelsApi, ImageModelsApi

__all__ = [
    "AsyncImageModelsApi",
    "ImageModelsApi",
    "AsyncImagesApi",
    "ImagesApi",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(
        __name__,
        globals(),
        {
            "AsyncImageModelsApi": "image_models",
            "ImageModelsApi": "image_models",
            "AsyncImagesApi": "images",
            "ImagesApi": "images",
        },
    )
