"""Server-sent events: the line parser against the standard's rules (hypothesis), and
:class:`Stream` / :class:`AsyncStream` against a real server, on both clients."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leap._streaming import (
    AsyncStream,
    ServerSentEvent,
    SSEDecoder,
    Stream,
    astream_events,
    decode_events,
    merge_headers,
    stream_events,
)
from leap.models import InferenceEntity
from tests.sdk.runtime.conftest import INFERENCE, Runner, Script, Servers, error_body
from tests.sdk.runtime.server import Reply, json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")


# ------------------------------------------------------------------------ the parser


def reference(text: str) -> list[ServerSentEvent]:
    """The standard's "interpret an event stream", written as plainly as possible over the whole text."""
    events = []
    data: list[str] = []
    event_type, last_id, retry = "", None, None
    text = text.removeprefix("\ufeff")
    lines = re.split(r"\r\n|\r|\n", text)[:-1]  # what follows the last line end is not a line yet
    for line in lines:
        if line == "":
            if data:
                events.append(ServerSentEvent("\n".join(data), event_type or "message", last_id, retry))
            data, event_type, retry = [], "", None
            continue
        if line.startswith(":"):
            continue
        name, value = (line.split(":", 1) + [""])[:2] if ":" in line else (line, "")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            data.append(value)
        elif name == "event":
            event_type = value
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value and all(c in "0123456789" for c in value):
            retry = int(value)
    return events


#: Text made of what matters to the parser: line ends of every kind, colons, spaces, field names.
pieces = st.sampled_from(["\r\n", "\r", "\n", ":", " ", "data", "event", "id", "retry", "x", "7", "\0", "é", "[DONE]", "\ufeff"])
streams = st.lists(pieces, max_size=60).map("".join)


def _split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({min(c, len(text)) for c in cuts})
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)])]


@given(streams, st.lists(st.integers(min_value=0, max_value=200), max_size=12))
def test_the_parser_reads_any_text_in_any_chunks_as_the_standard_does(text: str, cuts: list[int]) -> None:
    assert list(decode_events(_split(text, cuts))) == reference(text)


events = st.builds(
    ServerSentEvent,
    data=st.lists(st.text(st.characters(blacklist_characters="\r\n"), max_size=8), min_size=1, max_size=3).map("\n".join),
    event=st.sampled_from(["message", "update", "x y"]),
    id=st.none() | st.text(st.characters(blacklist_characters="\r\n\0"), max_size=5),
    retry=st.none() | st.integers(min_value=0, max_value=10**6),
)


def _encode(event: ServerSentEvent, end: str, last_id: str | None) -> str:
    lines = [f"event: {event.event}"] + [f"data: {line}" for line in event.data.split("\n")]
    if event.id is not None and event.id != last_id:
        lines.append(f"id: {event.id}")
    if event.retry is not None:
        lines.append(f"retry: {event.retry}")
    return "".join(line + end for line in lines) + end


@given(st.lists(events, max_size=5), st.sampled_from(["\n", "\r\n", "\r"]), st.lists(st.integers(0, 300), max_size=10))
def test_written_events_are_read_back_whole(written: list[ServerSentEvent], end: str, cuts: list[int]) -> None:
    text, last_id, expected = "", None, []
    for event in written:
        text += _encode(event, end, last_id)
        last_id = event.id if event.id is not None else last_id
        expected.append(ServerSentEvent(event.data, event.event, last_id, event.retry))
    assert list(decode_events(_split(text, cuts))) == expected


def test_the_standards_examples() -> None:
    decoder = SSEDecoder()
    assert decoder.feed("data: YHOO\ndata: +2\ndata: 10\n\n") == [ServerSentEvent("YHOO\n+2\n10")]
    assert decoder.feed(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n") == [
        ServerSentEvent("first event", id="1"),
        ServerSentEvent("second event", id=""),
        ServerSentEvent(" third event", id=""),
    ]
    assert SSEDecoder().feed("data\n\ndata\ndata\n\ndata:") == [ServerSentEvent(""), ServerSentEvent("\n")]
    split = SSEDecoder()
    assert split.feed("data: a\r") == [] and split.feed("\n\r\n") == [ServerSentEvent("a")], "a CRLF split between chunks is one line end"


def test_merge_headers_puts_last_event_id_over_the_callers() -> None:
    assert merge_headers(None, {}) == {"Accept": "text/event-stream"}
    assert merge_headers({"accept": "x", "last-event-id": "0"}, {"Last-Event-ID": "5"}) == {"Accept": "text/event-stream", "accept": "x", "Last-Event-ID": "5"}


# ----------------------------------------------------------------- against a server

BODY = (
    f"id: a\ndata: {json.dumps(INFERENCE)}\n\n"
    ": keep-alive\n\n"
    f"id: b\nevent: done-soon\ndata: {json.dumps({**INFERENCE, 'state': 'finished'})}\n\n"
    "data: [DONE]\n\n"
).encode()


def _reply(request: Any) -> Reply:
    return Reply(200, BODY, {"Content-Type": "text/event-stream"})


def _open(runner: Runner, client: Any, cast_to: Any = InferenceEntity) -> Any:
    def send(resume: Mapping[str, str]) -> Any:
        return client.request("GET", "/events", cast_to=bytes, errors={}, extra_headers=merge_headers({"X-Trace": "t"}, resume))

    return runner.run((astream_events if runner.is_async else stream_events)(send, cast_to))


def _read(runner: Runner, stream: Any) -> list[Any]:
    if runner.is_async:

        async def main() -> list[Any]:
            return [event async for event in stream]

        return list(runner.run(main()))
    return list(stream)


def test_events_are_typed_and_end_at_done_and_the_stream_closes(runner: Runner, serve: Servers) -> None:
    server = serve(_reply, validate=False)
    client = runner.client(base_url=server.url)
    stream = _open(runner, client)
    assert isinstance(stream, AsyncStream if runner.is_async else Stream)
    events = _read(runner, stream)
    assert [type(e) for e in events] == [InferenceEntity, InferenceEntity] and events[1].state == "finished"
    assert stream.response.is_closed and stream.last_event_id == "b"
    sent = server.requests[0]
    assert sent.headers["accept"] == "text/event-stream" and sent.headers["x-trace"] == "t"


def test_a_with_block_closes_a_stream_left_early_and_reconnect_sends_last_event_id(runner: Runner, serve: Servers) -> None:
    server = serve(_reply, validate=False)
    client = runner.client(base_url=server.url)
    stream = _open(runner, client, ServerSentEvent)
    if runner.is_async:

        async def main() -> Any:
            async with stream:
                first = await stream.__anext__()
            assert stream.response.is_closed
            again = await stream.reconnect()
            await again.close()
            return first

        first = runner.run(main())
    else:
        with stream:
            first = next(stream)
        assert stream.response.is_closed
        stream.reconnect().close()
    assert first.id == "a" and first.event == "message" and json.loads(first.data) == INFERENCE
    assert "last-event-id" not in server.requests[0].headers
    assert server.requests[1].headers["last-event-id"] == "a" and server.requests[1].headers["x-trace"] == "t"


def test_an_error_status_raises_before_any_event(runner: Runner, serve: Servers) -> None:
    import leap

    server = serve(Script(json_reply(404, error_body(404, "no stream"))), validate=False)
    client = runner.client(base_url=server.url)
    with pytest.raises(leap.NotFoundError):
        _open(runner, client)
