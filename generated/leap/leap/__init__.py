# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Leap API SDK for Python.

The Leap API generates images from a text prompt with public or custom models (v1
inference), and trains custom image models from a few sample images (v2 models).
Every request is authenticated with a bearer API key.

Start with :class:`Leap` (or :class:`AsyncLeap`); models are in :mod:`leap.models`.
"""

from . import models
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
    LeapError,
    MissingAPIKeyError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._types import FileInput
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncLeap",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "FileInput",
    "InternalServerError",
    "Leap",
    "LeapError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "__version__",
    "models",
]
