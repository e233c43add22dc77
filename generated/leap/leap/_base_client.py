# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""The HTTP machinery behind every generated API class: build, send, map the answer.

``SyncAPIClient`` and ``AsyncAPIClient`` are twins: the same request goes out, the same
answer comes back as the same model or the same exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from types import TracebackType
from typing import Any, TypeVar, cast

import httpx
import pydantic

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ErrorModels,
    make_status_error,
)
from ._utils import MultipartItem, jsonable
from ._version import USER_AGENT

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
"""60 seconds to read, write or wait for a connection from the pool; 5 seconds to connect."""


@lru_cache(maxsize=None)
def _adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(type_)


def parse_response(
    response: httpx.Response, cast_to: type[T], errors: ErrorModels
) -> T:
    """The body of ``response`` as ``cast_to``.

    ``cast_to`` is ``type(None)`` when the spec declares no body, ``object`` when it
    declares any JSON (then an empty body gives ``None``).

    Raises:
        APIStatusError: (a subclass by status) the status is 4xx or 5xx.
        APIResponseValidationError: a success whose body is not JSON or does not match.
    """
    if not response.is_success:
        raise make_status_error(response, errors)
    if cast_to is type(None):
        return None
    content = response.content
    if cast_to is object and not content.strip():
        return None  # type: ignore[return-value]
    try:
        if isinstance(cast_to, type) and issubclass(cast_to, pydantic.BaseModel):
            return cast_to.model_validate_json(content)
        adapter: pydantic.TypeAdapter[T] = _adapter(cast(Any, cast_to))
        return adapter.validate_json(content)
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"the {response.status_code} response does not match the spec: {exc.errors(include_url=False)[:3]}",
            response=response,
        ) from exc


@contextmanager
def _transport_errors(request: httpx.Request) -> Iterator[None]:
    """Raise httpx's transport failures as the SDK's own exceptions."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise APITimeoutError(request=request) from exc
    except httpx.TransportError as exc:
        raise APIConnectionError(request=request) from exc


class BaseClient:
    """What the sync and async clients share: configuration and request building."""

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str,
        timeout: float | httpx.Timeout | None,
        auth_header: str,
        auth_scheme: str,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        if api_key is not None and auth_header:
            self._headers[auth_header] = f"{auth_scheme} {api_key}".strip()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def _build_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None,
        json: Any,
        files: list[MultipartItem] | None,
        headers: dict[str, Any] | None,
    ) -> httpx.Request:
        return http.build_request(
            method,
            self.base_url + path,
            params=params or None,
            json=jsonable(json),
            files=files,
            headers=(
                {**self._headers, **{k: str(v) for k, v in headers.items()}}
                if headers
                else self._headers
            ),
            timeout=self.timeout if self.timeout is not None else httpx.Timeout(None),
        )


class SyncAPIClient(BaseClient):
    """A blocking client on :class:`httpx.Client`; close it, or use it in a ``with`` block."""

    def __init__(self, *, http_client: httpx.Client | None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client()

    def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[T],
        errors: ErrorModels,
        params: dict[str, Any] | None = None,
        json: Any = None,
        files: list[MultipartItem] | None = None,
        headers: dict[str, Any] | None = None,
    ) -> T:
        """Send one request and return its body as ``cast_to`` (see :func:`parse_response`)."""
        request = self._build_request(
            self._http,
            method,
            path,
            params=params,
            json=json,
            files=files,
            headers=headers,
        )
        with _transport_errors(request):
            response = self._http.send(request)
        return parse_response(response, cast_to, errors)

    def close(self) -> None:
        """Close the connections of the HTTP client this client made (not one you passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self: _S) -> _S:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(BaseClient):
    """A client on :class:`httpx.AsyncClient`; ``await close()``, or use ``async with``."""

    def __init__(
        self, *, http_client: httpx.AsyncClient | None, **options: Any
    ) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.AsyncClient()

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[T],
        errors: ErrorModels,
        params: dict[str, Any] | None = None,
        json: Any = None,
        files: list[MultipartItem] | None = None,
        headers: dict[str, Any] | None = None,
    ) -> T:
        """Send one request and return its body as ``cast_to`` (see :func:`parse_response`)."""
        request = self._build_request(
            self._http,
            method,
            path,
            params=params,
            json=json,
            files=files,
            headers=headers,
        )
        with _transport_errors(request):
            response = await self._http.send(request)
        return parse_response(response, cast_to, errors)

    async def close(self) -> None:
        """Close the connections of the HTTP client this client made (not one you passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self: _A) -> _A:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


_S = TypeVar("_S", bound=SyncAPIClient)
_A = TypeVar("_A", bound=AsyncAPIClient)
