# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""The clients: ``Leap`` (blocking) and ``AsyncLeap`` (asyncio)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._base_client import DEFAULT_TIMEOUT, AsyncAPIClient, SyncAPIClient
from ._auth import Scheme, Security
from ._retries import DEFAULT_MAX_RETRIES
from ._types import Timeout

# Imported when used: the hooks when a client is given some (by the caller, who imports them),
# each API class (and the models it uses) when its client attribute is first read.
if TYPE_CHECKING:
    from ._hooks import Hooks
    from .resources.images import AsyncImagesApi, ImagesApi
    from .resources.image_models import AsyncImageModelsApi, ImageModelsApi
    from .webhooks import Webhooks

__all__ = ["AsyncLeap", "Leap"]

DEFAULT_BASE_URL = "https://api.tryleap.ai"
"""The first server of the spec."""


SCHEMES: dict[str, Scheme] = {
    "bearer": Scheme(
        "bearer", "header", "Authorization", ("api_key",), ("LEAP_API_KEY",)
    ),
}
"""The spec's security schemes the SDK applies (``components.securitySchemes``)."""

SECURITY: Security = (("bearer",),)
"""The spec's ``security``: what every operation without its own requirement needs."""


def _from_env(value: str | None, variable: str) -> str | None:
    return value if value is not None else os.environ.get(variable)


def _base_url(base_url: str | httpx.URL | None) -> str:
    if base_url is not None:
        return str(base_url)
    return os.environ.get("LEAP_BASE_URL") or DEFAULT_BASE_URL


class Leap(SyncAPIClient):
    """Leap API client.

    Use it in a ``with`` block, or call ``close()`` when done.

    Args:
        api_key: The API key. Sent as ``Authorization: Bearer <api_key>`` (scheme ``bearer``).
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
        default_headers: Headers sent with every request (after the credentials'; a call's
            ``extra_headers`` replace them).
        default_query: Query parameters sent with every request (a call's own replace them).
        hooks: Functions called before each request, after each response, before each
            retry and on errors, with the operationId (see :class:`Hooks`). Coroutine
            functions only on the asyncio client.
    Raises:
        MissingAPIKeyError: No ``api_key`` (``LEAP_API_KEY``) was given.
        ValueError: ``max_retries`` is negative.        TypeError: a hook is a coroutine function.
    ``with_options(max_retries=..., timeout=..., default_headers=..., hooks=...)`` returns a copy with other settings that
    shares this client's connections. ``LEAP_LOG=info`` (or ``debug``) logs every request.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        hooks: Hooks | None = None,
    ) -> None:
        super().__init__(
            credentials={
                "api_key": _from_env(api_key, "LEAP_API_KEY"),
            },
            schemes=SCHEMES,
            security=SECURITY,
            base_url=_base_url(base_url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            default_query=default_query,
            hooks=hooks,
        )

    @cached_property
    def images(self) -> ImagesApi:
        """Generate images with a model, and list, retrieve and delete image generation jobs. (tag ``Images``)"""
        from .resources.images import ImagesApi

        return ImagesApi(self)

    @cached_property
    def image_models(self) -> ImageModelsApi:
        """Train custom image models from sample images, and list, retrieve and delete them. (tag ``Image Models``)"""
        from .resources.image_models import ImageModelsApi

        return ImageModelsApi(self)

    @cached_property
    def webhooks(self) -> Webhooks:
        """Parse the bodies of the webhooks the API sends."""
        from .webhooks import Webhooks

        return Webhooks()


class AsyncLeap(AsyncAPIClient):
    """Leap API client for asyncio.

    Every method is a coroutine; use it in ``async with`` or ``await close()``.

    Args:
        api_key: The API key. Sent as ``Authorization: Bearer <api_key>`` (scheme ``bearer``).
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
        default_headers: Headers sent with every request (after the credentials'; a call's
            ``extra_headers`` replace them).
        default_query: Query parameters sent with every request (a call's own replace them).
        hooks: Functions called before each request, after each response, before each
            retry and on errors, with the operationId (see :class:`Hooks`).
    Raises:
        MissingAPIKeyError: No ``api_key`` (``LEAP_API_KEY``) was given.
        ValueError: ``max_retries`` is negative.
    ``with_options(max_retries=..., timeout=..., default_headers=..., hooks=...)`` returns a copy with other settings that
    shares this client's connections. ``LEAP_LOG=info`` (or ``debug``) logs every request.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        hooks: Hooks | None = None,
    ) -> None:
        super().__init__(
            credentials={
                "api_key": _from_env(api_key, "LEAP_API_KEY"),
            },
            schemes=SCHEMES,
            security=SECURITY,
            base_url=_base_url(base_url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            default_query=default_query,
            hooks=hooks,
        )

    @cached_property
    def images(self) -> AsyncImagesApi:
        """Generate images with a model, and list, retrieve and delete image generation jobs. (tag ``Images``)"""
        from .resources.images import AsyncImagesApi

        return AsyncImagesApi(self)

    @cached_property
    def image_models(self) -> AsyncImageModelsApi:
        """Train custom image models from sample images, and list, retrieve and delete them. (tag ``Image Models``)"""
        from .resources.image_models import AsyncImageModelsApi

        return AsyncImageModelsApi(self)

    @cached_property
    def webhooks(self) -> Webhooks:
        """Parse the bodies of the webhooks the API sends."""
        from .webhooks import Webhooks

        return Webhooks()
