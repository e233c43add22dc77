"""Server-sent events: typed streams, closed by ``with`` and at ``[DONE]``, resumed with ``Last-Event-ID``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from tests.generator.cases.harness import Recorder, async_client, client

WARNINGS: list[tuple[str, str]] = []

CHANGES = (
    b": a comment, ignored\r\n"
    b"id: 1\r\nevent: change\r\ndata: {\"id\": 1,\r\ndata:  \"kind\": \"created\"}\r\n\r\n"
    b"id: 2\ndata: {\"id\": 2, \"kind\": \"deleted\"}\n\n"
    b"data: [DONE]\n\n"
    b"data: {\"id\": 3, \"kind\": \"created\"}\n\n"  # after [DONE]: never read
)
CHUNKS = b'data: {"delta": "Hel"}\r\rdata: {"delta": "lo", "index": 1}\n\ndata: [DONE]\n\n'


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body sent in small chunks (lines split across them) that records whether it was closed."""

    def __init__(self, content: bytes, size: int = 7) -> None:
        self.chunks = [content[i : i + size] for i in range(0, len(content), size)]
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def _events(content: bytes, bodies: list[Body]) -> Recorder:
    """Answers each request with ``content`` as ``text/event-stream`` (a new :class:`Body` each, kept in ``bodies``)."""

    def answer(request: httpx.Request) -> httpx.Response:
        bodies.append(Body(content))
        return httpx.Response(200, stream=bodies[-1], headers={"content-type": "text/event-stream"})

    return Recorder(answer=answer)


def check(package: Any, generated: Any) -> None:
    source = generated.files["case_sse/resources/events.py"]
    assert ") -> Stream[Change]:" in source and ") -> AsyncStream[Change]:" in source
    assert ") -> Stream[ServerSentEvent]:" in source
    completions = generated.files["case_sse/resources/completions.py"]
    assert "stream: Literal[True]," in completions and ") -> Completion | Stream[CompletionChunk]:" in completions
    _typed_and_closed(package)
    _raw_events(package)
    _stream_flag(package)
    _wrapped_stream_flag(package)
    _reconnect(package)
    _errors(package)


def _typed_and_closed(package: Any) -> None:
    bodies: list[Body] = []
    recorder = _events(CHANGES, bodies)
    with client(package, recorder).events.watch_events(topic="t") as stream:
        assert not bodies[-1].closed, "nothing is closed before the block ends"
        first = next(stream)
        assert isinstance(first, package.models.Change) and first.id == 1 and first.kind == "created"
        assert stream.last_event_id == "1"
    assert bodies[-1].closed, "the with block closes the connection when left early"
    assert recorder.last.headers["accept"] == "text/event-stream"
    assert recorder.last.url.params["topic"] == "t"

    stream = client(package, recorder).events.watch_events()
    changes = list(stream)
    assert [(c.id, c.kind) for c in changes] == [(1, "created"), (2, "deleted")], "[DONE] ends the stream"
    assert bodies[-1].closed and stream.last_event_id == "2", "read to [DONE]: closed"

    async def run() -> list[Any]:
        sdk = async_client(package, recorder)
        async with await sdk.events.watch_events() as stream:
            first = await stream.__anext__()
            assert not bodies[-1].closed
        assert bodies[-1].closed, "the async with block closes the connection"
        assert first.id == 1
        return [change async for change in await sdk.events.watch_events()]

    assert [(c.id, c.kind) for c in asyncio.run(run())] == [(1, "created"), (2, "deleted")]
    assert bodies[-1].closed


def _raw_events(package: Any) -> None:
    from case_sse._streaming import ServerSentEvent

    bodies: list[Body] = []
    recorder = _events(b"event: line\nid: 9\nretry: 1500\ndata: a\ndata:\ndata: b\n\ndata\n\n", bodies)
    events = list(client(package, recorder).events.tail_log())
    assert events == [ServerSentEvent("a\n\nb", "line", "9", 1500), ServerSentEvent("", "message", "9", None)]

    async def run() -> list[Any]:
        return [event async for event in await async_client(package, recorder).events.tail_log()]

    assert asyncio.run(run()) == events


def _stream_flag(package: Any) -> None:
    recorder = Recorder(body={"text": "Hello"})
    completion = client(package, recorder).completions.create_completion(prompt="Hi")
    assert isinstance(completion, package.models.Completion) and completion.text == "Hello"
    assert recorder.last_json() == {"prompt": "Hi", "stream": False}

    bodies: list[Body] = []
    recorder = _events(CHUNKS, bodies)
    with client(package, recorder).completions.create_completion(prompt="Hi", stream=True) as stream:
        chunks = [(c.delta, c.index) for c in stream]
    assert chunks == [("Hel", None), ("lo", 1)], "CR alone ends a line too"
    assert recorder.last_json() == {"prompt": "Hi", "stream": True}
    assert recorder.last.headers["accept"] == "text/event-stream"

    async def run() -> list[Any]:
        stream = await async_client(package, recorder).completions.create_completion(prompt="Hi", stream=True)
        return [(c.delta, c.index) async for c in stream]

    assert asyncio.run(run()) == chunks


def _wrapped_stream_flag(package: Any) -> None:
    """``with_raw_response`` and ``with_streaming_response`` with ``stream=True``: the response
    object (status, headers), its body unread, ``parse()`` the typed stream (see ``typed.py``)."""
    bodies: list[Body] = []
    recorder = _events(CHUNKS, bodies)
    sdk = client(package, recorder).completions
    raw = sdk.with_raw_response.create_completion(prompt="Hi", stream=True)
    assert isinstance(raw, package.APIResponse) and raw.headers["content-type"] == "text/event-stream"
    assert not bodies[-1].closed
    with raw.parse() as stream:
        assert isinstance(stream, package.Stream) and [c.delta for c in stream] == ["Hel", "lo"]
    assert raw.parse() is stream and bodies[-1].closed
    with sdk.with_streaming_response.create_completion(prompt="Hi", stream=True) as streamed:
        assert isinstance(streamed, package.StreamedResponse) and streamed.status_code == 200
        assert [c.delta for c in streamed.parse()][:1] == ["Hel"]
    assert bodies[-1].closed, "the with block closes the connection"
    plain = Recorder(body={"text": "Hello"})
    assert client(package, plain).completions.with_raw_response.create_completion(prompt="Hi").parse().text == "Hello"

    async def run() -> list[Any]:
        sdk = async_client(package, recorder).completions
        raw = await sdk.with_raw_response.create_completion(prompt="Hi", stream=True)
        assert isinstance(raw, package.APIResponse) and isinstance(raw.parse(), package.AsyncStream)
        deltas = [c.delta async for c in raw.parse()]
        async with sdk.with_streaming_response.create_completion(prompt="Hi", stream=True) as streamed:
            assert isinstance(streamed, package.AsyncStreamedResponse)
            deltas += [c.delta async for c in await streamed.parse()]
        assert bodies[-1].closed
        plain_sdk = async_client(package, Recorder(body={"text": "Hello"})).completions
        async with plain_sdk.with_streaming_response.create_completion(prompt="Hi") as answer:
            deltas.append((await answer.parse()).text)
        return deltas

    assert asyncio.run(run()) == ["Hel", "lo", "Hel", "lo", "Hello"]


def _reconnect(package: Any) -> None:
    bodies: list[Body] = []
    recorder = _events(CHANGES, bodies)
    stream = client(package, recorder).events.watch_events(topic="t", extra_headers={"X-Trace": "1"})
    next(stream)
    assert "last-event-id" not in recorder.last.headers
    resumed = stream.reconnect()
    assert bodies[0].closed, "reconnecting closes the first stream"
    sent = recorder.last
    assert sent.headers["last-event-id"] == "1" and sent.headers["x-trace"] == "1" and sent.url.params["topic"] == "t"
    assert [c.id for c in resumed] == [1, 2]
    resumed.reconnect(last_event_id="7")
    assert recorder.last.headers["last-event-id"] == "7"

    async def run() -> str:
        stream = await async_client(package, recorder).events.watch_events()
        async for _ in stream:
            pass
        again = await stream.reconnect()
        await again.close()
        return str(recorder.last.headers["last-event-id"])

    assert asyncio.run(run()) == "2"


def _errors(package: Any) -> None:
    recorder = Recorder(status=404, body={"detail": "no topic"})
    with pytest.raises(package.NotFoundError) as caught:
        client(package, recorder).events.watch_events(topic="x")
    assert caught.value.body.detail == "no topic"

    async def run() -> None:
        await async_client(package, recorder).events.watch_events(topic="x")

    with pytest.raises(package.NotFoundError):
        asyncio.run(run())
