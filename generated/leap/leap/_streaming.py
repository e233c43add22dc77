# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Server-sent events: the typed streams of operations that answer ``text/event-stream``.

A method of such an operation returns a :class:`Stream` (:class:`AsyncStream` on the async
client). Iterate it (``for event in stream:`` / ``async for event in stream:``): each event's
``data`` is parsed as JSON into the spec's event type, or given as the
:class:`ServerSentEvent` itself when the spec names no type. A ``data: [DONE]`` event ends
the stream. The connection is closed when the stream is fully read, when the ``with`` /
``async with`` block around it ends, or by :meth:`Stream.close`.

:attr:`Stream.last_event_id` is the ``id`` of the last event read; :meth:`Stream.reconnect`
sends the request again with ``Last-Event-ID`` set to it, for servers that resume from there.

The lines are read as the WHATWG HTML standard's "event stream interpretation" says
(:class:`._sse.SSEDecoder`).
"""

from __future__ import annotations

from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
)
from types import TracebackType
from typing import Any, Generic, TypeVar, cast

import httpx

from ._response import _RAW, _STREAM, AsyncStreamedResponse, StreamedResponse
from ._response_objects import APIResponse, _BaseResponse
from ._sse import ServerSentEvent, SSEDecoder, decode_events

__all__ = [
    "AsyncStream",
    "SSEDecoder",
    "ServerSentEvent",
    "Stream",
    "astream_events",
    "decode_events",
    "merge_headers",
    "stream_events",
]

T = TypeVar("T")

EVENT_STREAM = "text/event-stream"
LAST_EVENT_ID = "Last-Event-ID"

DONE = "[DONE]"
"""The ``data`` of the event some APIs send last; the stream ends there."""


def _parser(cast_to: type[T]) -> Callable[[ServerSentEvent], T]:
    """How one event becomes what the stream gives: the event itself, or its ``data`` as ``cast_to``."""
    if cast_to is ServerSentEvent:
        return lambda event: cast(T, event)
    from ._parsing import _json_validator

    key: Any = cast_to  # a type is hashable; mypy does not know it of type[T]
    validate: Callable[[Any], Any] = _json_validator(key)
    return lambda event: cast(T, validate(event.data))


class _BaseStream(Generic[T]):
    """What the blocking and the asyncio stream share."""

    def __init__(self, response: httpx.Response, cast_to: type[T]) -> None:
        self.response = response
        """The :class:`httpx.Response` (status, headers); its body is the stream."""
        self._cast_to = cast_to
        self._parse = _parser(cast_to)
        self._decoder = SSEDecoder()
        self._last_event_id: str | None = None

    @property
    def last_event_id(self) -> str | None:
        """The last event ID of the last event given to you (the server's ``id``, in force until it sends
        another), or ``None``. Events the decoder has read ahead do not count."""
        return self._last_event_id

    def _given(self, event: ServerSentEvent) -> T:
        self._last_event_id = event.id
        return self._parse(event)

    def _resume_headers(self, last_event_id: str | None) -> dict[str, str]:
        given = last_event_id if last_event_id is not None else self.last_event_id
        return {LAST_EVENT_ID: given} if given is not None else {}


class Stream(_BaseStream[T]):
    """The events of a ``text/event-stream`` answer, read as they come: ``for event in stream:``.

    Use it in a ``with`` block to close the connection when the block ends, even when you stop
    early; a stream read to its end (or to ``data: [DONE]``) closes itself.
    """

    def __init__(
        self,
        response: httpx.Response,
        cast_to: type[T],
        reopen: Callable[[Mapping[str, str]], Stream[T]] | None = None,
    ) -> None:
        super().__init__(response, cast_to)
        self._reopen = reopen
        self._events = self._iterate()

    def _iterate(self) -> Generator[T, None, None]:
        try:
            for chunk in self.response.iter_text():
                for event in self._decoder.feed(chunk):
                    if event.data == DONE:
                        return
                    yield self._given(event)
        finally:
            self.response.close()

    def __iter__(self) -> Iterator[T]:
        return self._events

    def __next__(self) -> T:
        return next(self._events)

    def close(self) -> None:
        """Close the connection (the events not read yet are lost)."""
        self._events.close()
        self.response.close()

    def reconnect(self, last_event_id: str | None = None) -> Stream[T]:
        """Close this stream and send the request again with ``Last-Event-ID`` (``last_event_id``,
        else :attr:`last_event_id`): a server that supports it resumes after that event.

        Raises:
            APIStatusError: (a subclass by status) the new answer is an error.
        """
        if self._reopen is None:
            raise RuntimeError("this stream cannot be reopened")
        self.close()
        return self._reopen(self._resume_headers(last_event_id))

    def __enter__(self) -> Stream[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(_BaseStream[T]):
    """:class:`Stream` for the async client: ``async for event in stream:``, ``async with``."""

    def __init__(
        self,
        response: httpx.Response,
        cast_to: type[T],
        reopen: Callable[[Mapping[str, str]], Awaitable[AsyncStream[T]]] | None = None,
    ) -> None:
        super().__init__(response, cast_to)
        self._reopen = reopen
        self._events = self._iterate()

    async def _iterate(self) -> AsyncGenerator[T, None]:
        try:
            async for chunk in self.response.aiter_text():
                for event in self._decoder.feed(chunk):
                    if event.data == DONE:
                        return
                    yield self._given(event)
        finally:
            await self.response.aclose()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._events

    async def __anext__(self) -> T:
        return await self._events.__anext__()

    async def close(self) -> None:
        """Close the connection (the events not read yet are lost)."""
        await self._events.aclose()
        await self.response.aclose()

    async def reconnect(self, last_event_id: str | None = None) -> AsyncStream[T]:
        """:meth:`Stream.reconnect` for the async client."""
        if self._reopen is None:
            raise RuntimeError("this stream cannot be reopened")
        await self.close()
        return await self._reopen(self._resume_headers(last_event_id))

    async def __aenter__(self) -> AsyncStream[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


def merge_headers(
    extra_headers: Mapping[str, str] | None, sent: Mapping[str, str]
) -> Mapping[str, str]:
    """The headers of a stream's request: ``Accept: text/event-stream``, the caller's
    ``extra_headers`` over it, and a reconnection's ``Last-Event-ID`` over those."""
    merged = {"Accept": sent.get("Accept", EVENT_STREAM)}
    merged.update(extra_headers or {})
    resume = sent.get(LAST_EVENT_ID)
    if resume is not None:
        merged = {k: v for k, v in merged.items() if k.lower() != "last-event-id"}
        merged[LAST_EVENT_ID] = resume
    return merged


def stream_events(
    send: Callable[[Mapping[str, str]], Any],
    cast_to: type[T],
    resume: Mapping[str, str] | None = None,
) -> Stream[T]:
    """Send the request (``send(headers)``, retried as any call) and give its events as they come;
    inside ``with_raw_response`` / ``with_streaming_response``, the response object whose
    ``parse()`` gives them (:func:`_as_response`).

    Raises:
        APIStatusError: (a subclass by status) the answer is an error (its body read first).
    """
    wrapper = _STREAM.get() if _RAW.get() else None
    stream_token, raw_token = _STREAM.set("sync"), _RAW.set(True)
    try:
        response = cast(StreamedResponse[Any], send(resume or {}))
    finally:
        _RAW.reset(raw_token)
        _STREAM.reset(stream_token)
    stream = Stream(
        response.http_response,
        cast_to,
        lambda headers: stream_events(send, cast_to, headers),
    )
    return stream if wrapper is None else _as_response(response, stream, wrapper)


async def astream_events(
    send: Callable[[Mapping[str, str]], Awaitable[Any]],
    cast_to: type[T],
    resume: Mapping[str, str] | None = None,
) -> AsyncStream[T]:
    """:func:`stream_events` for the async client."""
    wrapper = _STREAM.get() if _RAW.get() else None
    stream_token, raw_token = _STREAM.set("async"), _RAW.set(True)
    try:
        response = cast(AsyncStreamedResponse[Any], await send(resume or {}))
    finally:
        _RAW.reset(raw_token)
        _STREAM.reset(stream_token)
    stream = AsyncStream(
        response.http_response,
        cast_to,
        lambda headers: astream_events(send, cast_to, headers),
    )
    return stream if wrapper is None else _as_response(response, stream, wrapper)


def _as_response(response: _BaseResponse[Any], stream: object, wrapper: str) -> Any:
    """The response object of a ``with_raw_response`` (``wrapper`` empty) or ``with_streaming_response``
    call of a stream: its body unread, its ``parse()`` the ``stream``. (A stream is resumed
    through the stream itself, not through this object.)"""
    cls: type[_BaseResponse[Any]] = type(response) if wrapper else APIResponse
    wrapped = cls(
        response.http_response,
        cast_to=object,
        errors={},
        retries_taken=response.retries_taken,
    )
    wrapped._parsed.append(stream)
    return wrapped
