"""Raw and streamed responses: ``client.<api>.with_raw_response.<operation>(...)`` and
``client.<api>.with_streaming_response.<operation>(...)``.

Every operation can also return the HTTP response itself, as an :class:`APIResponse`: the
status code, the headers, the time it took, how many retries it needed, and
:meth:`APIResponse.parse` for the model the plain method would have returned. A 4xx or
5xx answer still raises the same typed error as the plain method.

``with_streaming_response`` is a context manager (``with`` / ``async with``) giving a
:class:`StreamedResponse` (:class:`AsyncStreamedResponse`) whose body has not been read
yet: read it in chunks (``iter_bytes``, ``iter_text``, ``iter_lines``), whole (``read``)
or parsed (``parse``). The connection is closed when the block ends. Retries and logging
are those of the plain method: only the answer that is kept is left unread.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, Literal, ParamSpec, TypeVar, cast

import httpx

from ._exceptions import ErrorModels
from ._logs import redacted_url

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

_RAW: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "raw_response", default=False
)
"""Set while a ``with_raw_response`` or ``with_streaming_response`` method runs: the request returns a response object."""

_STREAM: contextvars.ContextVar[Literal["", "sync", "async"]] = contextvars.ContextVar(
    "streaming_response", default=""
)
"""Set while a ``with_streaming_response`` method runs: the body is left unread."""


def wants_raw_response() -> bool:
    return _RAW.get()


def wants_streaming_response() -> bool:
    """Whether the request should be sent with ``stream=True`` (its body read later, by the caller)."""
    return bool(_STREAM.get())


def wrap_response(
    http_response: httpx.Response,
    cast_to: type[T],
    errors: ErrorModels,
    retries_taken: int,
) -> Any:
    """The response object a ``with_raw_response`` or ``with_streaming_response`` method returns."""
    mode = _STREAM.get()
    cls: type[_BaseResponse[T]] = (
        StreamedResponse
        if mode == "sync"
        else AsyncStreamedResponse if mode == "async" else APIResponse
    )
    return cls(
        http_response, cast_to=cast_to, errors=errors, retries_taken=retries_taken
    )


class _BaseResponse(Generic[T]):
    """What raw and streamed responses share: the status, the headers, the request.

    Attributes:
        http_response: The :class:`httpx.Response`.
        retries_taken: How many times the request was sent again before this answer (0
            when the first attempt got it).
    """

    def __init__(
        self,
        http_response: httpx.Response,
        *,
        cast_to: type[T],
        errors: ErrorModels,
        retries_taken: int,
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        self._cast_to = cast_to
        self._errors = errors
        self._parsed: list[T] = []

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    def _parse_read(self) -> T:
        """The body (already read) as the operation's return type, parsed once."""
        if not self._parsed:
            from ._base_client import parse_response

            self._parsed.append(
                parse_response(self.http_response, self._cast_to, self._errors)
            )
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] {self.method} {redacted_url(self.http_response.request)}>"


class APIResponse(_BaseResponse[T]):
    """An HTTP response with a 2xx status, its body read, and the model it parses to.

    Attributes:
        http_response: The :class:`httpx.Response`; its body has been read.
        retries_taken: How many times the request was sent again before this answer (0
            when the first attempt got it).
    """

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to reading the whole response (of the last attempt)."""
        return self.http_response.elapsed

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        """The body decoded as JSON, without checking it against the spec."""
        return self.http_response.json()

    def parse(self) -> T:
        """The body as the operation's return type (parsed once, then cached).

        Raises:
            APIResponseValidationError: The body is not JSON or does not match the spec.
        """
        return self._parse_read()


class StreamedResponse(_BaseResponse[T]):
    """An HTTP response with a 2xx status whose body is read as the caller asks.

    Read the body once: in chunks (:meth:`iter_bytes`, :meth:`iter_text`,
    :meth:`iter_lines`) or whole (:meth:`read`, :meth:`parse`). The ``with`` block that
    gave it closes the connection; :meth:`close` does so earlier.
    """

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks of bytes (decompressed), ``chunk_size`` bytes each when given."""
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body in chunks of text, decoded with the response's charset (UTF-8 when it names none)."""
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line, without the line endings."""
        return self.http_response.iter_lines()

    def read(self) -> bytes:
        """The whole body (read once, then kept)."""
        return self.http_response.read()

    def parse(self) -> T:
        """The whole body as the operation's return type (``bytes`` for a download).

        Raises:
            APIResponseValidationError: The body is not JSON or does not match the spec.
        """
        self.read()
        return self._parse_read()

    def close(self) -> None:
        self.http_response.close()


class AsyncStreamedResponse(_BaseResponse[T]):
    """:class:`StreamedResponse` for the async client: the same methods as coroutines and async iterators."""

    def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks of bytes (decompressed), ``chunk_size`` bytes each when given."""
        return self.http_response.aiter_bytes(chunk_size)

    def aiter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        """The body in chunks of text, decoded with the response's charset (UTF-8 when it names none)."""
        return self.http_response.aiter_text(chunk_size)

    def aiter_lines(self) -> AsyncIterator[str]:
        """The body line by line, without the line endings."""
        return self.http_response.aiter_lines()

    async def read(self) -> bytes:
        """The whole body (read once, then kept)."""
        return await self.http_response.aread()

    async def parse(self) -> T:
        """The whole body as the operation's return type (``bytes`` for a download).

        Raises:
            APIResponseValidationError: The body is not JSON or does not match the spec.
        """
        await self.read()
        return self._parse_read()

    async def close(self) -> None:
        await self.http_response.aclose()


def to_raw_response(method: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """``method`` returning the :class:`APIResponse` instead of the parsed body."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        token = _RAW.set(True)
        try:
            return cast(APIResponse[R], method(*args, **kwargs))
        finally:
            _RAW.reset(token)

    return wrapped


def async_to_raw_response(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[APIResponse[R]]]:
    """The coroutine ``method`` returning the :class:`APIResponse` instead of the parsed body."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        token = _RAW.set(True)
        try:
            return cast(APIResponse[R], await method(*args, **kwargs))
        finally:
            _RAW.reset(token)

    return wrapped


class StreamedResponseContext(Generic[R]):
    """``with`` this to send the request: it gives a :class:`StreamedResponse`, closed when the block ends."""

    def __init__(self, call: Callable[[], R]) -> None:
        self._call = call
        self._response: StreamedResponse[R] | None = None

    def __enter__(self) -> StreamedResponse[R]:
        token = _STREAM.set("sync")
        raw = _RAW.set(True)
        try:
            self._response = cast(StreamedResponse[R], self._call())
        finally:
            _RAW.reset(raw)
            _STREAM.reset(token)
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncStreamedResponseContext(Generic[R]):
    """``async with`` this to send the request: it gives an :class:`AsyncStreamedResponse`, closed when the block ends."""

    def __init__(self, call: Callable[[], Awaitable[R]]) -> None:
        self._call = call
        self._response: AsyncStreamedResponse[R] | None = None

    async def __aenter__(self) -> AsyncStreamedResponse[R]:
        token = _STREAM.set("async")
        raw = _RAW.set(True)
        try:
            self._response = cast(AsyncStreamedResponse[R], await self._call())
        finally:
            _RAW.reset(raw)
            _STREAM.reset(token)
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def to_streamed_response(
    method: Callable[P, R],
) -> Callable[P, StreamedResponseContext[R]]:
    """``method`` as a context manager giving the unread :class:`StreamedResponse`."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> StreamedResponseContext[R]:
        return StreamedResponseContext(functools.partial(method, *args, **kwargs))

    return wrapped


def async_to_streamed_response(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncStreamedResponseContext[R]]:
    """The coroutine ``method`` as an async context manager giving the unread :class:`AsyncStreamedResponse`."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncStreamedResponseContext[R]:
        return AsyncStreamedResponseContext(functools.partial(method, *args, **kwargs))

    return wrapped
