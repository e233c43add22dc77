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
(:class:`SSEDecoder`).
"""

from __future__ import annotations

from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Iterator,
    Mapping,
)
from types import TracebackType
from typing import Any, Generic, TypeVar, cast

import httpx

from ._response import _RAW, _STREAM, AsyncStreamedResponse, StreamedResponse

T = TypeVar("T")

EVENT_STREAM = "text/event-stream"
LAST_EVENT_ID = "Last-Event-ID"

DONE = "[DONE]"
"""The ``data`` of the event some APIs send last; the stream ends there."""


class ServerSentEvent:
    """One event of a ``text/event-stream`` body.

    Attributes:
        event: The event type (``event:`` field); ``"message"`` when the server sent none.
        data: The ``data:`` lines, joined with ``\\n``.
        id: The last event ID (``id:`` field) in force when the event was sent, or ``None``.
        retry: The reconnection time the server asked for, in milliseconds, or ``None``.
    """

    __slots__ = ("event", "data", "id", "retry")

    def __init__(
        self,
        data: str = "",
        event: str = "message",
        id: str | None = None,
        retry: int | None = None,
    ) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def json(self) -> Any:
        """``data`` decoded as JSON."""
        import json

        return json.loads(self.data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        return (self.event, self.data, self.id, self.retry) == (
            other.event,
            other.data,
            other.id,
            other.retry,
        )

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, retry={self.retry!r})"


class SSEDecoder:
    """Turns the text of an event stream, fed in chunks of any size, into events.

    Lines end with CRLF, LF or CR (a CR at the end of one chunk and an LF at the start of
    the next are one line end). Per line: empty dispatches the event (none when it has no
    ``data``); ``:`` starts a comment; ``name:value`` (one leading space of the value
    dropped) or a bare ``name`` (the value empty) sets a field: ``data`` appends a line,
    ``event`` the type, ``id`` the last event ID (unless it holds NUL), ``retry`` the
    reconnection time (digits only); other names are ignored. The last event ID stays in
    force for the events that follow.
    """

    def __init__(self) -> None:
        self._pending = ""
        self._after_cr = False
        self._at_start = True
        self._data: list[str] = []
        self._event = ""
        self._retry: int | None = None
        self.last_event_id: str | None = None

    def feed(self, text: str) -> list[ServerSentEvent]:
        """The events completed by ``text``."""
        if text and self._after_cr:
            self._after_cr = False
            if text.startswith("\n"):
                text = text[1:]  # the LF of a CRLF split between chunks
        if self._at_start and text:
            self._at_start = False
            text = text.removeprefix("\ufeff")
        buffer = self._pending + text
        events: list[ServerSentEvent] = []
        start = 0
        while True:
            cr = buffer.find("\r", start)
            lf = buffer.find("\n", start)
            if cr < 0 and lf < 0:
                break
            end = lf if cr < 0 or 0 <= lf < cr else cr
            step = 1
            if end == cr:
                if end + 1 == len(buffer):
                    self._after_cr = True
                elif buffer[end + 1] == "\n":
                    step = 2
            event = self._line(buffer[start:end])
            if event is not None:
                events.append(event)
            start = end + step
        self._pending = buffer[start:]
        return events

    def flush(self) -> list[ServerSentEvent]:
        """At the end of the stream: a line or an event not yet ended is dropped (as the standard says)."""
        self._pending, self._data, self._event, self._retry = "", [], "", None
        return []

    def _line(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif name == "retry":
            if value.isascii() and value.isdigit():
                self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        data, event, retry = self._data, self._event, self._retry
        self._data, self._event, self._retry = [], "", None
        if not data:
            return None
        return ServerSentEvent(
            "\n".join(data), event or "message", self.last_event_id, retry
        )


def decode_events(chunks: Iterable[str]) -> Iterator[ServerSentEvent]:
    """The events of an event stream given as text chunks."""
    decoder = SSEDecoder()
    for chunk in chunks:
        yield from decoder.feed(chunk)
    decoder.flush()


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
    """Send the request (``send(headers)``, retried as any call) and give its events as they come.

    Raises:
        APIStatusError: (a subclass by status) the answer is an error (its body read first).
    """
    stream_token, raw_token = _STREAM.set("sync"), _RAW.set(True)
    try:
        response = cast(StreamedResponse[Any], send(resume or {}))
    finally:
        _RAW.reset(raw_token)
        _STREAM.reset(stream_token)
    return Stream(
        response.http_response,
        cast_to,
        lambda headers: stream_events(send, cast_to, headers),
    )


async def astream_events(
    send: Callable[[Mapping[str, str]], Awaitable[Any]],
    cast_to: type[T],
    resume: Mapping[str, str] | None = None,
) -> AsyncStream[T]:
    """:func:`stream_events` for the async client."""
    stream_token, raw_token = _STREAM.set("async"), _RAW.set(True)
    try:
        response = cast(AsyncStreamedResponse[Any], await send(resume or {}))
    finally:
        _RAW.reset(raw_token)
        _STREAM.reset(stream_token)
    return AsyncStream(
        response.http_response,
        cast_to,
        lambda headers: astream_events(send, cast_to, headers),
    )
