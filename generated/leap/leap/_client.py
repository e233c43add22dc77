# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""The clients: ``Leap`` (blocking) and ``AsyncLeap`` (asyncio)."""

from __future__ import annotations

import os

import httpx

from ._base_client import DEFAULT_TIMEOUT, AsyncAPIClient, SyncAPIClient
from ._exceptions import MissingAPIKeyError
from ._retries import DEFAULT_MAX_RETRIES
from ._types import Timeout
from .resources.images import AsyncImagesApi, ImagesApi
from .resources.image_models import AsyncImageModelsApi, ImageModelsApi
from .webhooks import Webhooks

__all__ = ["AsyncLeap", "Leap"]

DEFAULT_BASE_URL = "https://api.tryleap.ai"
"""The first server of the spec."""


def _api_key(api_key: str | None) -> str | None:
    key = api_key if api_key is not None else os.environ.get("LEAP_API_KEY")
    if not key:
        raise MissingAPIKeyError(
            "No API key: pass api_key=... to the client or set the LEAP_API_KEY environment variable."
        )
    return key


def _base_url(base_url: str | httpx.URL | None) -> str:
    if base_url is not None:
        return str(base_url)
    return os.environ.get("LEAP_BASE_URL") or DEFAULT_BASE_URL


class Leap(SyncAPIClient):
    """Leap API client.

    Use it in a ``with`` block, or call ``close()`` when done.

    Args:
        api_key: The API key, sent as ``Authorization: Bearer <key>``.
            Default: the ``LEAP_API_KEY`` environment variable.
        base_url: Where the API is. Default: the ``LEAP_BASE_URL``
            environment variable, else ``https://api.tryleap.ai``.
        timeout: Seconds to wait for each request (each attempt), or an
            :class:`httpx.Timeout`; ``None`` waits forever. Default: 60 seconds, and 5
            seconds to connect. Per call: ``timeout=``.
        max_retries: How many times a failed request is sent again (connection errors,
            408, 429 and 5xx; a POST only when it cannot have reached the server, or on
            429 or 503 with ``Retry-After``). Default: 2. ``0`` turns retries off.
        http_client: An :class:`httpx.Client` to send requests with (proxies,
            transports, limits). The client does not close one you pass in.

    Raises:
        MissingAPIKeyError: No ``api_key`` was passed and ``LEAP_API_KEY`` is not set.
        ValueError: ``max_retries`` is negative.

    ``with_options(max_retries=..., timeout=...)`` returns a copy with other settings that
    shares this client's connections. ``LEAP_LOG=info`` (or ``debug``) logs every request.
    """

    images: ImagesApi
    """Generate images with a model, and list, retrieve and delete image generation jobs. (tag ``Images``)"""

    image_models: ImageModelsApi
    """Train custom image models from sample images, and list, retrieve and delete them. (tag ``Image Models``)"""

    webhooks: Webhooks
    """Parse the bodies of the webhooks the API sends."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            api_key=_api_key(api_key),
            base_url=_base_url(base_url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            auth_header="Authorization",
            auth_scheme="Bearer",
        )
        self.images = ImagesApi(self)
        self.image_models = ImageModelsApi(self)
        self.webhooks = Webhooks()


class AsyncLeap(AsyncAPIClient):
    """Leap API client for asyncio.

    Every method is a coroutine; use it in ``async with`` or ``await close()``.

    Args:
        api_key: The API key, sent as ``Authorization: Bearer <key>``.
            Default: the ``LEAP_API_KEY`` environment variable.
        base_url: Where the API is. Default: the ``LEAP_BASE_URL``
            environment variable, else ``https://api.tryleap.ai``.
        timeout: Seconds to wait for each request (each attempt), or an
            :class:`httpx.Timeout`; ``None`` waits forever. Default: 60 seconds, and 5
            seconds to connect. Per call: ``timeout=``.
        max_retries: How many times a failed request is sent again (connection errors,
            408, 429 and 5xx; a POST only when it cannot have reached the server, or on
            429 or 503 with ``Retry-After``). Default: 2. ``0`` turns retries off.
        http_client: An :class:`httpx.AsyncClient` to send requests with (proxies,
            transports, limits). The client does not close one you pass in.

    Raises:
        MissingAPIKeyError: No ``api_key`` was passed and ``LEAP_API_KEY`` is not set.
        ValueError: ``max_retries`` is negative.

    ``with_options(max_retries=..., timeout=...)`` returns a copy with other settings that
    shares this client's connections. ``LEAP_LOG=info`` (or ``debug``) logs every request.
    """

    images: AsyncImagesApi
    """Generate images with a model, and list, retrieve and delete image generation jobs. (tag ``Images``)"""

    image_models: AsyncImageModelsApi
    """Train custom image models from sample images, and list, retrieve and delete them. (tag ``Image Models``)"""

    webhooks: Webhooks
    """Parse the bodies of the webhooks the API sends."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            api_key=_api_key(api_key),
            base_url=_base_url(base_url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            auth_header="Authorization",
            auth_scheme="Bearer",
        )
        self.images = AsyncImagesApi(self)
        self.image_models = AsyncImageModelsApi(self)
        self.webhooks = Webhooks()
