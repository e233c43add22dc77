"""Reading ``text/event-stream`` text into events, as the WHATWG HTML standard's "event stream
interpretation" says: :class:`SSEDecoder`, fed chunks of any size, gives :class:`ServerSentEvent` objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


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
