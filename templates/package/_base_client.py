"""The HTTP I/O behind every generated API class: send, wait, send again, read.

``SyncAPIClient`` and ``AsyncAPIClient`` are twins that only do I/O: each call's
:class:`RequestOptions` is built into a request, retried and read by the same
:class:`._shared_client.BaseClient` methods, so the same request goes out, is retried by
the same rules (:mod:`._retries`), and the same answer comes back as the same model or the
same exception. The async twin waits with ``asyncio.sleep`` and never blocks the event loop.

The client's :class:`._hooks.Hooks` are called from these loops (awaited on asyncio); a
client without hooks pays one ``is None`` test per step.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._exceptions import APIError, ErrorModels
from ._logs import log_request
from ._request_options import RequestOptions
from ._shared_client import BaseClient

if TYPE_CHECKING:
    from ._hooks import HookEvent

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
"""60 seconds to read, write or wait for a connection from the pool; 5 seconds to connect."""

_MAKING_HTTP = threading.Lock()


class SyncAPIClient(BaseClient):
    """A blocking client on :class:`httpx.Client`; close it, or use it in a ``with`` block."""

    def __init__(self, *, http_client: httpx.Client | None, **options: Any) -> None:
        super().__init__(**options)
        if self.hooks is not None:
            self.hooks.check_blocking()
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
        **options: Any,
    ) -> T:
        """Send one request and return its result: the body as ``cast_to``, or a response object.

        ``options`` are any of :data:`._request_options.OPTIONS` (``params``, ``headers``,
        ``json``, ``extra_headers``, ``timeout`` ...): see :class:`RequestOptions`.

        Raises:
            TypeError: an option is not one of them.
            MissingAPIKeyError: the credentials the operation needs were not given to the client.
        """
        return self._send(
            self._prepare(RequestOptions(method, path, cast_to, errors, options))
        )

    def _send(self, options: RequestOptions[T]) -> T:
        """Send the request ``options`` describes, retried as :mod:`._retries` says; return the result."""
        http = self._http
        hooks = self.hooks
        retries = 0  # taken so far
        while True:
            request = self._build(http, options)
            log_request(request, retries + 1)
            if hooks is not None:
                hooks.fire("before_request", _event(options, request, retries))
            try:
                response = http.send(
                    request, stream=options.stream, auth=self._token_auth(options, http)
                )
            except APIError as error:  # the token endpoint's answer, from the auth flow
                return self._keep(options, request, error, retries)
            except httpx.TransportError as exc:
                outcome: httpx.Response | httpx.TransportError = exc
                delay = self._delay_after_error(options, request, retries, exc)
            else:
                outcome = response
                if hooks is not None:
                    hooks.fire(
                        "after_response", _event(options, request, retries, response)
                    )
                delay = self._delay_after_response(options, request, retries, response)
            if delay is None:
                return self._keep(options, request, outcome, retries)
            if isinstance(outcome, httpx.Response):
                outcome.close()
            if hooks is not None:
                hooks.fire(
                    "on_retry", _event(options, request, retries, outcome, delay=delay)
                )
            time.sleep(delay)
            retries += 1

    def _keep(
        self,
        options: RequestOptions[T],
        request: httpx.Request,
        outcome: httpx.Response | httpx.TransportError | APIError,
        retries: int,
    ) -> T:
        """The call's result from its last attempt's ``outcome`` (its error raised, after ``on_error``)."""
        try:
            if isinstance(outcome, APIError):
                raise outcome
            if (
                isinstance(outcome, httpx.Response)
                and options.stream
                and not outcome.is_success
            ):
                try:
                    outcome.read()  # the error's body, for the exception
                except httpx.TransportError as exc:  # the body broke off: no answer
                    outcome.close()
                    outcome = exc
            return self._result(options, request, outcome, retries)
        except APIError as error:
            if self.hooks is not None:
                self.hooks.fire(
                    "on_error", _event(options, request, retries, outcome, error)
                )
            raise

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
        **options: Any,
    ) -> T:
        """Send one request and return its result: the body as ``cast_to``, or a response object.

        ``options`` are any of :data:`._request_options.OPTIONS` (``params``, ``headers``,
        ``json``, ``extra_headers``, ``timeout`` ...): see :class:`RequestOptions`.

        Raises:
            TypeError: an option is not one of them.
            MissingAPIKeyError: the credentials the operation needs were not given to the client.
        """
        return await self._send(
            self._prepare(RequestOptions(method, path, cast_to, errors, options))
        )

    async def _send(self, options: RequestOptions[T]) -> T:
        """Send the request ``options`` describes, retried as :mod:`._retries` says; return the result."""
        import asyncio  # here, not at the top: a program that only uses the blocking client never loads asyncio

        http = self._http
        hooks = self.hooks
        retries = 0  # taken so far
        while True:
            request = self._build(http, options)
            log_request(request, retries + 1)
            if hooks is not None:
                await hooks.afire("before_request", _event(options, request, retries))
            try:
                response = await http.send(
                    request, stream=options.stream, auth=self._token_auth(options, http)
                )
            except APIError as error:  # the token endpoint's answer, from the auth flow
                return await self._keep(options, request, error, retries)
            except httpx.TransportError as exc:
                outcome: httpx.Response | httpx.TransportError = exc
                delay = self._delay_after_error(options, request, retries, exc)
            else:
                outcome = response
                if hooks is not None:
                    await hooks.afire(
                        "after_response", _event(options, request, retries, response)
                    )
                delay = self._delay_after_response(options, request, retries, response)
            if delay is None:
                return await self._keep(options, request, outcome, retries)
            if isinstance(outcome, httpx.Response):
                await outcome.aclose()
            if hooks is not None:
                await hooks.afire(
                    "on_retry", _event(options, request, retries, outcome, delay=delay)
                )
            await asyncio.sleep(delay)
            retries += 1

    async def _keep(
        self,
        options: RequestOptions[T],
        request: httpx.Request,
        outcome: httpx.Response | httpx.TransportError | APIError,
        retries: int,
    ) -> T:
        """The call's result from its last attempt's ``outcome`` (its error raised, after ``on_error``)."""
        try:
            if isinstance(outcome, APIError):
                raise outcome
            if (
                isinstance(outcome, httpx.Response)
                and options.stream
                and not outcome.is_success
            ):
                try:
                    await outcome.aread()  # the error's body, for the exception
                except httpx.TransportError as exc:  # the body broke off: no answer
                    await outcome.aclose()
                    outcome = exc
            return self._result(options, request, outcome, retries)
        except APIError as error:
            if self.hooks is not None:
                await self.hooks.afire(
                    "on_error", _event(options, request, retries, outcome, error)
                )
            raise

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


def _event(
    options: RequestOptions[Any],
    request: httpx.Request,
    retries: int,
    outcome: httpx.Response | httpx.TransportError | APIError | None = None,
    error: BaseException | None = None,
    delay: float | None = None,
) -> HookEvent:
    """The hook event of the attempt after ``retries`` retries: ``outcome`` is its response,
    or the transport error it ended in (the event's error, unless ``error`` is given).
    """
    # here: called only for a client with hooks, which has loaded them
    from ._hooks import HookEvent

    attempt = retries + 1
    if isinstance(outcome, httpx.Response):
        return HookEvent(options.operation_id, request, attempt, outcome, error, delay)
    return HookEvent(
        options.operation_id, request, attempt, None, error or outcome, delay
    )


_S = TypeVar("_S", bound=SyncAPIClient)
_A = TypeVar("_A", bound=AsyncAPIClient)
