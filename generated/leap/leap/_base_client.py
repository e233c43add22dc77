# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""The HTTP machinery behind every generated API class: build, send, retry, map the answer.

``SyncAPIClient`` and ``AsyncAPIClient`` are twins: the same request goes out, is retried
by the same rules (:mod:`._retries`), and the same answer comes back as the same model or
the same exception. The async twin waits with ``asyncio.sleep`` and never blocks the
event loop.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from functools import lru_cache
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx
import pydantic

from ._auth import Auth, Scheme, Security, resolve
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ErrorModels,
    make_status_error,
)
from ._logs import log_request, log_response, log_retry, setup_logging
from ._params import cookie_header, reserved_query
from ._response import wants_raw_response, wants_streaming_response, wrap_response
from ._retries import (
    DEFAULT_MAX_RETRIES,
    backoff,
    should_retry_error,
    should_retry_response,
)
from ._types import JSON_NULL, NOT_GIVEN, NotGiven, Timeout
from ._utils import MultipartItem, jsonable
from ._version import USER_AGENT

if TYPE_CHECKING:
    from ._bodies import EncodedBody

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
"""60 seconds to read, write or wait for a connection from the pool; 5 seconds to connect."""

_MAKING_HTTP = threading.Lock()


@lru_cache(maxsize=None)
def _json_validator(type_: Any) -> Callable[[bytes], Any]:
    """The function that reads JSON bytes into ``type_``, made once per type.

    pydantic-core parses the bytes itself (no ``json.loads`` first) and builds the models as
    it goes; models validate with their own validator, other types with a ``TypeAdapter``.
    """
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate_json
    return pydantic.TypeAdapter(type_).validate_json


def parse_response(
    response: httpx.Response, cast_to: type[T], errors: ErrorModels
) -> T:
    """The body of ``response`` as ``cast_to``.

    ``cast_to`` is ``type(None)`` when the spec declares no body, ``object`` when it
    declares any JSON (then an empty body gives ``None``), ``bytes`` for a download (a
    non-JSON media type): the body as it came.

    Raises:
        APIStatusError: (a subclass by status) the status is 4xx or 5xx.
        APIResponseValidationError: a success whose body is not JSON or does not match.
    """
    if not response.is_success:
        raise make_status_error(response, errors)
    if cast_to is type(None):
        return None
    if cast_to is bytes:
        return cast(T, response.content)
    content = response.content
    if cast_to is object and not content.strip():
        return None  # type: ignore[return-value]
    try:
        return cast(T, _json_validator(cast(Any, cast_to))(content))
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"the {response.status_code} response does not match the spec: {exc.errors(include_url=False)[:3]}",
            response=response,
        ) from exc


def _api_error(
    error: httpx.TransportError, request: httpx.Request
) -> APIConnectionError:
    """The SDK's exception for a request that got no response."""
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(request=request)


def _merge(
    base: Mapping[str, Any] | None, extra: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    if not extra:
        return dict(base) if base else None
    return {**(base or {}), **extra}


class BaseClient:
    """What the sync and async clients share: configuration, request building, retry decisions."""

    _owns_http: bool  # the HTTP client is one this client made (with ``_base_headers`` as its defaults)

    @property
    def _http(self) -> httpx.Client | httpx.AsyncClient:
        raise NotImplementedError

    def __init__(
        self,
        *,
        credentials: Mapping[str, str | None],
        schemes: Mapping[str, Scheme],
        security: Security,
        base_url: str,
        timeout: Timeout,
        max_retries: int = DEFAULT_MAX_RETRIES,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, not {max_retries}")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self._credentials = dict(credentials)
        self._schemes = schemes
        self._base_headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        self._auth = resolve(security, schemes, credentials, self._base_headers)
        self._auths: dict[Security, Auth] = {}
        setup_logging()

    def _auth_for(self, security: Security) -> Auth:
        """The credentials of an operation with its own security requirement (cached: they do not change)."""
        auth = self._auths.get(security)
        if auth is None:
            auth = self._auths[security] = resolve(
                security, self._schemes, self._credentials, self._base_headers
            )
        return auth

    def _credential_headers(self, auth: Auth) -> dict[str, str]:
        """The headers of ``auth`` that are not already the pool's defaults (``_base_headers``)."""
        base = self._base_headers
        return {
            name: value
            for name, value in auth.headers.items()
            if base.get(name) != value
        }

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"

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
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, object] | None,
        timeout: Timeout | NotGiven,
        security: Security | None = None,
        cookies: list[tuple[str, str]] | None = None,
        body: EncodedBody | None = None,
        reserved_params: dict[str, Any] | None = None,
    ) -> httpx.Request:
        null = json is JSON_NULL  # the JSON null: httpx sends no body for json=None
        if body is not None or null:
            # A form or raw body, or the JSON null: its Content-Type goes first, so
            # extra_headers can replace it.
            content_type = body.content_type if body is not None else "application/json"
            headers = {"Content-Type": content_type, **(headers or {})}
        auth = self._auth if security is None else self._auth_for(security)
        if auth.params:
            params = {**auth.params, **(params or {})}
        # A pool this client made already sends ``_base_headers`` (see ``_http``): httpx merges
        # them into each request for less than it takes to merge them passed per request. The
        # pool carries no credential: an operation may need other credentials than the
        # document's, or none, and a ``with_options`` copy shares the pool.
        sent: dict[str, str] | httpx.Headers = (
            self._credential_headers(auth) if self._owns_http else auth.headers
        )
        if headers or extra_headers:
            sent = httpx.Headers(
                auth.headers
            )  # names compare case-insensitively: a later one replaces
            for name, value in (headers or {}).items():
                sent[name] = str(value)
            for name, value in (extra_headers or {}).items():
                sent[name] = value
        timeout = self.timeout if isinstance(timeout, NotGiven) else timeout
        request = http.build_request(
            method,
            self.base_url + path,
            params=_merge(params, extra_query),
            json=(
                None if json is None or null else jsonable(json)
            ),  # no pydantic lookup for a request without a JSON body
            files=files,
            content=body.content if body is not None else b"null" if null else None,
            headers=sent,
            timeout=timeout if timeout is not None else httpx.Timeout(None),
        )
        if reserved_params:
            # allowReserved: after the others, written as they are (httpx would encode them).
            query = reserved_query(reserved_params, extra_query)
            if query:
                url = request.url
                request.url = url.copy_with(
                    query=url.query + b"&" + query if url.query else query
                )
        if cookies or auth.cookies:
            # On this request only (the HTTP client's cookie jar is left alone), after its own cookies.
            request.headers["Cookie"] = cookie_header(
                request.headers.get("Cookie"), auth.cookies + (cookies or [])
            )
        return request

    def _retry_after_error(
        self, request: httpx.Request, retries_taken: int, error: httpx.TransportError
    ) -> float:
        """Seconds to wait before sending ``request`` again after ``error``.

        Raises:
            APIConnectionError: (or APITimeoutError) no retry is left, or the rules allow none.
        """
        if retries_taken >= self.max_retries or not should_retry_error(
            error, request.method
        ):
            raise _api_error(error, request) from error
        delay = backoff(retries_taken)
        log_retry(request, delay, type(error).__name__)
        return delay

    def _retry_after_response(
        self, request: httpx.Request, retries_taken: int, response: httpx.Response
    ) -> float | None:
        """Seconds to wait before sending ``request`` again, or ``None`` to keep ``response``."""
        log_response(response)
        if (
            response.is_success
            or retries_taken >= self.max_retries
            or not should_retry_response(response, request.method)
        ):
            return None
        delay = backoff(retries_taken, response)
        log_retry(request, delay, f"status {response.status_code}")
        return delay

    def with_options(
        self: _B,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> _B:
        """A copy of this client with some options changed, sharing its connection pool.

        Use it for one call (``client.with_options(max_retries=5).images.find_one(...)``)
        or a block. Closing the copy does not close the pool; closing this client does.
        The copy keeps every credential of this client; ``api_key=`` replaces the API key.
        """
        credentials = dict(self._credentials)
        if api_key is not None:
            credentials["api_key"] = api_key
        return cast(
            _B,
            cast(Any, type(self))(
                **credentials,
                base_url=base_url if base_url is not None else self.base_url,
                timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
                max_retries=(
                    max_retries if max_retries is not None else self.max_retries
                ),
                http_client=self._http,
            ),
        )

    @staticmethod
    def _result(
        response: httpx.Response,
        cast_to: type[T],
        errors: ErrorModels,
        retries_taken: int,
    ) -> T:
        if not wants_raw_response():
            return parse_response(response, cast_to, errors)
        if not response.is_success:
            raise make_status_error(response, errors)
        return cast(T, wrap_response(response, cast_to, errors, retries_taken))


class SyncAPIClient(BaseClient):
    """A blocking client on :class:`httpx.Client`; close it, or use it in a ``with`` block."""

    def __init__(self, *, http_client: httpx.Client | None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http_client = http_client

    @property
    def _http(self) -> httpx.Client:
        """The HTTP client passed in, or one made on first use (making one costs more than importing httpx)."""
        if self._http_client is None:
            with _MAKING_HTTP:  # two threads' first requests make one pool, not two
                if self._http_client is None:
                    self._http_client = httpx.Client(headers=self._base_headers)
        return self._http_client

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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        security: Security | None = None,
        cookies: list[tuple[str, str]] | None = None,
        body: EncodedBody | None = None,
        reserved_params: dict[str, Any] | None = None,
    ) -> T:
        """Send one request, retrying as :mod:`._retries` says; return its body as ``cast_to``.

        Inside ``with_raw_response`` the :class:`APIResponse` is returned instead, inside
        ``with_streaming_response`` the unread :class:`StreamedResponse`. ``security`` is the
        operation's own requirement (``None``: the document's); ``cookies`` go in this
        request's ``Cookie`` header, each attempt; ``body`` is a form or raw body
        (:mod:`._bodies`); ``reserved_params`` are query items of ``allowReserved`` parameters,
        sent after the others with reserved characters unencoded (:func:`._params.reserved_query`).

        Raises:
            MissingAPIKeyError: the credentials ``security`` needs were not given to the client.
        """
        http = self._http
        retries_taken = 0
        stream = wants_streaming_response()
        while True:
            request = self._build_request(
                http,
                method,
                path,
                params=params,
                json=json,
                files=files,
                headers=headers,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                security=security,
                cookies=cookies,
                body=body,
                reserved_params=reserved_params,
            )
            log_request(request, retries_taken + 1)
            try:
                response = http.send(request, stream=stream)
            except httpx.TransportError as exc:
                time.sleep(self._retry_after_error(request, retries_taken, exc))
            else:
                delay = self._retry_after_response(request, retries_taken, response)
                if delay is None:
                    if stream and not response.is_success:
                        response.read()  # the error's body, for the exception
                    return self._result(response, cast_to, errors, retries_taken)
                response.close()
                time.sleep(delay)
            retries_taken += 1

    def close(self) -> None:
        """Close the connections of the HTTP client this client made (not one you passed in)."""
        if self._owns_http:
            self._http.close()  # made now if no request made it: a closed client stays closed

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
        self._http_client = http_client

    @property
    def _http(self) -> httpx.AsyncClient:
        """The HTTP client passed in, or one made on first use (making one costs more than importing httpx)."""
        if self._http_client is None:
            self._http_client = httpx.AsyncClient(headers=self._base_headers)
        return self._http_client

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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        security: Security | None = None,
        cookies: list[tuple[str, str]] | None = None,
        body: EncodedBody | None = None,
        reserved_params: dict[str, Any] | None = None,
    ) -> T:
        """Send one request, retrying as :mod:`._retries` says; return its body as ``cast_to``.

        Inside ``with_raw_response`` the :class:`APIResponse` is returned instead, inside
        ``with_streaming_response`` the unread :class:`AsyncStreamedResponse`. ``security`` is
        the operation's own requirement (``None``: the document's); ``cookies`` go in this
        request's ``Cookie`` header, each attempt; ``body`` is a form or raw body
        (:mod:`._bodies`); ``reserved_params`` are query items of ``allowReserved`` parameters,
        sent after the others with reserved characters unencoded (:func:`._params.reserved_query`).

        Raises:
            MissingAPIKeyError: the credentials ``security`` needs were not given to the client.
        """
        import asyncio  # here, not at the top: a program that only uses the blocking client never loads asyncio

        http = self._http
        retries_taken = 0
        stream = wants_streaming_response()
        while True:
            request = self._build_request(
                http,
                method,
                path,
                params=params,
                json=json,
                files=files,
                headers=headers,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                security=security,
                cookies=cookies,
                body=body,
                reserved_params=reserved_params,
            )
            log_request(request, retries_taken + 1)
            try:
                response = await http.send(request, stream=stream)
            except httpx.TransportError as exc:
                await asyncio.sleep(
                    self._retry_after_error(request, retries_taken, exc)
                )
            else:
                delay = self._retry_after_response(request, retries_taken, response)
                if delay is None:
                    if stream and not response.is_success:
                        await response.aread()  # the error's body, for the exception
                    return self._result(response, cast_to, errors, retries_taken)
                await response.aclose()
                await asyncio.sleep(delay)
            retries_taken += 1

    async def close(self) -> None:
        """Close the connections of the HTTP client this client made (not one you passed in)."""
        if self._owns_http:
            await self._http.aclose()  # made now if no request made it: a closed client stays closed

    async def __aenter__(self: _A) -> _A:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


_B = TypeVar("_B", bound=BaseClient)
_S = TypeVar("_S", bound=SyncAPIClient)
_A = TypeVar("_A", bound=AsyncAPIClient)
