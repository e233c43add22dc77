"""Binary downloads return bytes; ``with_streaming_response`` reads them lazily and closes the connection."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from tests.generator.cases.harness import Recorder, async_client, client

WARNINGS: list[tuple[str, str]] = []

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
CSV = b"id,name\n1,Ann\n2,Bo\n"


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body sent in chunks, that records how much was read and whether it was closed."""

    def __init__(self, content: bytes, size: int = 100) -> None:
        self.chunks = [content[i : i + size] for i in range(0, len(content), size)]
        self.read = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.read += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.read += 1
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def _streaming(bodies: list[Body], status: int = 200, content_type: str = "image/png") -> Recorder:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, stream=bodies[-1], headers={"content-type": content_type})

    return Recorder(answer=answer)


def check(package: Any, generated: Any) -> None:
    source = generated.files["case_binary_download/resources/exports.py"]
    assert "    ) -> bytes:" in source and "The body as it came (image/png), as bytes;" in source

    # Plain methods: the body as bytes, and an Accept header naming the declared types.
    recorder = Recorder(body=PNG, headers={"content-type": "image/png"})
    assert client(package, recorder).exports.get_image(id="a1") == PNG
    assert recorder.last.headers["accept"] == "image/png, image/jpeg, application/problem+json"
    assert asyncio.run(async_client(package, recorder).exports.get_image(id="a1")) == PNG
    recorder = Recorder(body=CSV, headers={"content-type": "text/csv; charset=utf-8"})
    assert client(package, recorder).exports.export_csv() == CSV  # text/* is bytes too
    assert recorder.last.headers["accept"] == "text/csv"
    recorder = Recorder(body=b"PK\x03\x04zip", headers={"content-type": "application/zip"})
    assert client(package, recorder).exports.make_archive(names=["a", "b"]) == b"PK\x03\x04zip"
    assert recorder.last_json() == {"names": ["a", "b"]} and recorder.last.headers["accept"] == "application/zip"
    recorder = Recorder(body=b"\x00\x01", headers={"content-type": "application/octet-stream"})
    assert client(package, recorder).exports.get_blob() == b"\x00\x01"
    recorder = Recorder(body={"ok": True})  # */* with an object schema is JSON
    assert client(package, recorder).exports.get_status().ok is True
    assert recorder.last.headers["accept"] == "application/json"

    # Errors stay typed and parsed (problem+json).
    recorder = Recorder(status=404, body=b'{"title": "Not Found", "detail": "no a9"}', headers={"content-type": "application/problem+json"})
    with pytest.raises(package.NotFoundError) as caught:
        client(package, recorder).exports.get_image(id="a9")
    assert caught.value.body.detail == "no a9"

    # with_raw_response: the response, parse() gives the bytes.
    recorder = Recorder(body=PNG, headers={"content-type": "image/png"})
    raw = client(package, recorder).exports.with_raw_response.get_image(id="a1")
    assert raw.status_code == 200 and raw.content == PNG and raw.parse() == PNG

    # with_streaming_response: nothing read before the caller reads; closed when the block ends.
    bodies = [Body(PNG)]
    with client(package, _streaming(bodies)).exports.with_streaming_response.get_image(id="a1") as response:
        assert isinstance(response, package.StreamedResponse)
        assert response.status_code == 200 and response.headers["content-type"] == "image/png" and bodies[0].read == 0
        chunks = list(response.iter_bytes())
        assert b"".join(chunks) == PNG and len(chunks) == len(bodies[0].chunks)
    assert bodies[0].closed and response.http_response.is_closed

    bodies = [Body(CSV, size=5)]
    with client(package, _streaming(bodies, content_type="text/csv")).exports.with_streaming_response.export_csv() as response:
        assert list(response.iter_lines()) == ["id,name", "1,Ann", "2,Bo"]
    bodies = [Body(CSV, size=5)]
    with client(package, _streaming(bodies, content_type="text/csv")).exports.with_streaming_response.export_csv() as response:
        assert "".join(response.iter_text()) == CSV.decode()
    bodies = [Body(b'{"ok": false}')]
    with client(package, _streaming(bodies, content_type="application/json")).exports.with_streaming_response.get_status() as streamed:
        assert streamed.parse().ok is False and streamed.read() == b'{"ok": false}'
    bodies = [Body(PNG)]
    with client(package, _streaming(bodies)).exports.with_streaming_response.get_image(id="a1") as response:
        block_closed_early = bodies[0].closed
    assert not block_closed_early and bodies[0].closed and bodies[0].read == 0  # never read, still closed

    # An error inside the block raises the typed error, its body read; a retried answer is closed.
    bodies = [Body(b'{"detail": "gone"}')]
    with pytest.raises(package.NotFoundError) as caught:
        with client(package, _streaming(bodies, 404, "application/problem+json")).exports.with_streaming_response.get_image(id="a9"):
            pass
    assert caught.value.body.detail == "gone" and bodies[0].closed
    first, second = Body(b""), Body(PNG)
    answers = iter([httpx.Response(503, headers={"Retry-After": "0"}, stream=first), httpx.Response(200, stream=second)])
    recorder = Recorder(answer=lambda request: next(answers))
    with client(package, recorder).exports.with_streaming_response.get_image(id="a1") as response:
        assert first.closed and not second.closed and response.retries_taken == 1
        assert response.parse() == PNG
    assert len(recorder.requests) == 2 and second.closed

    # The log lines of a streamed call are those of a plain one: the answer, the retry.
    logger, records = logging.getLogger("case_binary_download"), []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        answers = iter([httpx.Response(503, headers={"Retry-After": "0"}), httpx.Response(200, stream=Body(PNG))])
        with client(package, Recorder(answer=lambda request: next(answers))).exports.with_streaming_response.get_image(id="a1") as response:
            response.read()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    lines = [record.getMessage() for record in records]
    assert lines[0].startswith('HTTP Request: GET https://case.test/images/a1 "503 Service Unavailable"'), lines
    assert lines[1].startswith("Retrying GET https://case.test/images/a1 in ") and lines[2].startswith('HTTP Request: GET https://case.test/images/a1 "200 OK"')

    async def run_async() -> None:
        bodies = [Body(PNG)]
        api = async_client(package, _streaming(bodies)).exports
        async with api.with_streaming_response.get_image(id="a1") as response:
            assert isinstance(response, package.AsyncStreamedResponse) and bodies[0].read == 0
            assert response.status_code == 200 and response.headers["content-type"] == "image/png"
            assert b"".join([chunk async for chunk in response.aiter_bytes()]) == PNG
        assert bodies[0].closed
        bodies = [Body(CSV, size=5)]
        api = async_client(package, _streaming(bodies, content_type="text/csv")).exports
        async with api.with_streaming_response.export_csv() as text:
            assert [line async for line in text.aiter_lines()] == ["id,name", "1,Ann", "2,Bo"]
        bodies = [Body(CSV, size=5)]
        async with api.with_streaming_response.export_csv() as text:
            assert "".join([part async for part in text.aiter_text()]) == CSV.decode()
        bodies = [Body(PNG)]
        api = async_client(package, _streaming(bodies)).exports
        async with api.with_streaming_response.get_image(id="a1") as response:
            assert await response.read() == PNG and await response.parse() == PNG
        assert bodies[0].closed
        bodies = [Body(b'{"detail": "gone"}')]
        api = async_client(package, _streaming(bodies, 404, "application/problem+json")).exports
        with pytest.raises(package.NotFoundError) as caught:
            async with api.with_streaming_response.get_image(id="a9"):
                pass
        assert caught.value.body.detail == "gone"

    asyncio.run(run_async())

    # The docs: the Accept header, the media types, bytes, and streaming.
    docs = generated.files["docs/ExportsApi.md"]
    assert "Accept: image/png, image/jpeg, application/problem+json" in docs
    assert "| **200** | The image. | `image/png`, `image/jpeg` | binary | - |" in docs
    assert "The 200 response body is returned as it came, as `bytes`; `client.exports.with_streaming_response.get_image(...)`" in docs
