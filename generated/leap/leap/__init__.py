# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Leap API SDK for Python.

The Leap API generates images from a text prompt with public or custom models (v1
inference), and trains custom image models from a few sample images (v2 models).
Every request is authenticated with a bearer API key.

Start with :class:`Leap` (or :class:`AsyncLeap`); models are in :mod:`leap.models`.
"""

from typing import TYPE_CHECKING

from ._client import AsyncLeap, Leap
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    JobFailedError,
    LeapError,
    MissingAPIKeyError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    WaitTimeoutError,
    WebhookParseError,
    WebhookVerificationError,
)
from ._lazy import lazy_names
from ._response import APIResponse, AsyncStreamedResponse, StreamedResponse
from ._types import NOT_GIVEN, FileInput, NotGiven, UploadContent
from ._version import __version__

if TYPE_CHECKING:
    from . import models
    from ._hooks import HookEvent, Hooks
    from ._models import UnknownVariant
    from ._pages import AsyncPage, SyncPage
    from ._streaming import AsyncStream, ServerSentEvent, Stream
    from ._uploads import UploadNotRepeatableError

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncLeap",
    "AsyncPage",
    "AsyncStream",
    "AsyncStreamedResponse",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "FileInput",
    "HookEvent",
    "Hooks",
    "InternalServerError",
    "JobFailedError",
    "Leap",
    "LeapError",
    "MissingAPIKeyError",
    "NOT_GIVEN",
    "NotFoundError",
    "NotGiven",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerSentEvent",
    "Stream",
    "StreamedResponse",
    "SyncPage",
    "UnknownVariant",
    "UnprocessableEntityError",
    "UploadContent",
    "UploadNotRepeatableError",
    "WaitTimeoutError",
    "WebhookParseError",
    "WebhookVerificationError",
    "__version__",
    "models",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(
        __name__,
        globals(),
        {
            "models": "models",
            "HookEvent": "_hooks",
            "Hooks": "_hooks",
            "UnknownVariant": "_models",
            "SyncPage": "_pages",
            "AsyncPage": "_pages",
            "Stream": "_streaming",
            "AsyncStream": "_streaming",
            "ServerSentEvent": "_streaming",
            "UploadNotRepeatableError": "_uploads",
        },
    )
