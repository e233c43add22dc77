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
import functools
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Generic, Literal, ParamSpec, TypeVar, cast

import httpx

from ._exceptions import ErrorModels
from ._response_objects import (
    APIResponse,
    AsyncStreamedResponse,
    StreamedResponse,
    _BaseResponse,
)

__all__ = [
    "APIResponse",
    "AsyncStreamedResponse",
    "StreamedResponse",
    "async_to_raw_response",
    "async_to_streamed_response",
    "to_raw_response",
    "to_streamed_response",
    "wants_raw_response",
    "wants_streaming_response",
    "wrap_response",
]

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
