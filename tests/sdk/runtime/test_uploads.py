"""Uploads streamed from paths and files, ``on_progress``, and ``write_to_file``, against a real
server, on both clients."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import httpx
import pytest

from leap import Hooks
from leap._bodies import binary_body
from leap._uploads import CHUNK_SIZE, Upload, UploadNotRepeatableError
from tests.sdk.runtime.conftest import GET, MODEL, Runner, Script, Servers
from tests.sdk.runtime.server import Reply, json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")

PATH = "/api/v2/images/models/new"
DATA = os.urandom(CHUNK_SIZE * 2 + 12345)  # three chunks, the last one short


def _open_on(path: Path) -> int:
    """File descriptors of this process open on ``path`` (Linux)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}") == str(path)
        except OSError:
            pass
    return count


def _without_boundary(request: httpx.Request) -> bytes:
    boundary = request.headers["Content-Type"].split("boundary=")[1].encode()
    return request.content.replace(boundary, b"BOUNDARY")


class Progress:
    """Records ``on_progress(sent, total)`` calls, one list per attempt (``sent`` starts again)."""

    def __init__(self) -> None:
        self.attempts: list[list[tuple[int, int | None]]] = []

    def __call__(self, sent: int, total: int | None) -> None:
        if not self.attempts or sent <= self.attempts[-1][-1][0]:
            self.attempts.append([])
        self.attempts[-1].append((sent, total))


def _raw_upload(runner: Runner, server: Any, content: Any, **options: Any) -> Any:
    client = runner.client(base_url=server.url)
    body = binary_body(content, ("application/octet-stream",))
    return runner.run(client.request("POST", PATH, cast_to=object, errors={}, body=body, **options))


def test_a_multipart_file_from_a_path_is_streamed_and_sent_whole_again_on_retry(runner: Runner, serve: Servers, tmp_path: Path) -> None:
    path = tmp_path / "face.png"
    path.write_bytes(DATA)
    server = serve(Script(Reply(429), json_reply(201, MODEL)), validate=False)
    progress = Progress()
    client = runner.client(base_url=server.url)
    runner.run(client.image_models.train_model(name="m", image_sample_files=[path], on_progress=progress))
    first, second = (_without_boundary(r) for r in server.requests)
    assert DATA in first and first == second, "the retry sends the whole file again"
    assert b'filename="face.png"' in first
    total = int(server.requests[0].headers["Content-Length"])
    assert len(progress.attempts) == 2, "progress starts again with the retry"
    for attempt in progress.attempts:
        sent = [s for s, _ in attempt]
        assert sent == sorted(sent) and sent[-1] == total and {t for _, t in attempt} == {total}
        assert len(attempt) >= 3, "the file goes in chunks, not whole"
    assert _open_on(path) == 0, "the file is closed after it was sent"


def test_a_raw_body_from_a_path_or_a_file_sends_the_exact_bytes_on_every_attempt(runner: Runner, serve: Servers, tmp_path: Path) -> None:
    path = tmp_path / "clip.bin"
    path.write_bytes(DATA)
    server = serve(Script(Reply(429), json_reply(201, {})), validate=False)
    progress = Progress()
    _raw_upload(runner, server, path, on_progress=progress)
    assert [r.content for r in server.requests] == [DATA, DATA]
    assert server.requests[0].headers["Content-Length"] == str(len(DATA))
    assert [a[-1] for a in progress.attempts] == [(len(DATA), len(DATA))] * 2
    assert _open_on(path) == 0

    server = serve(Script(Reply(429), json_reply(201, {})), validate=False)
    file = io.BytesIO(b"skipped" + DATA)
    file.seek(len("skipped"))  # a file is sent from its position, also by the retry
    _raw_upload(runner, server, file)
    assert [r.content for r in server.requests] == [DATA, DATA]


class Pipe(io.RawIOBase):
    """A readable stream that cannot seek."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_file_that_cannot_seek_is_not_sent_again_short() -> None:
    upload = Upload(Pipe(b"abc"))
    assert upload.size is None
    assert b"".join(upload) == b"abc"
    with pytest.raises(UploadNotRepeatableError, match="cannot be sent again"):
        list(upload)


def test_a_file_that_cannot_seek_raises_instead_of_a_retry_with_a_short_body(runner: Runner) -> None:
    # The local server reads no chunked body (a file that cannot seek has no length): a mock transport here.
    seen: list[bytes] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.read())
        return httpx.Response(429 if len(seen) == 1 else 201, json={})

    transport = httpx.MockTransport(answer)
    http_client = httpx.AsyncClient(transport=transport) if runner.is_async else httpx.Client(transport=transport)
    client = runner.client(base_url="http://upload.test", http_client=http_client)
    body = binary_body(Pipe(b"abc"), ("application/octet-stream",))
    with pytest.raises(UploadNotRepeatableError):
        runner.run(client.request("POST", PATH, cast_to=object, errors={}, body=body))
    assert seen == [b"abc"], "the first attempt sent it whole; no second attempt went out"
    runner.run(http_client.aclose() if runner.is_async else http_client.close())  # type: ignore[union-attr]


@pytest.mark.parametrize("body", ["multipart", "raw"])
def test_a_file_that_cannot_seek_is_not_retried_the_error_comes_before_the_attempt(runner: Runner, serve: Servers, body: str) -> None:
    server = serve(Script(Reply(429), json_reply(201, MODEL)), validate=False)
    attempts: list[int] = []
    hooks = Hooks(before_request=lambda event: attempts.append(event.attempt))
    client = runner.client(base_url=server.url, hooks=hooks)
    with pytest.raises(UploadNotRepeatableError, match="cannot be sent again"):
        if body == "multipart":
            runner.run(client.image_models.train_model(name="m", image_sample_files=[("face.png", Pipe(DATA))]))
        else:
            raw = binary_body(Pipe(DATA), ("application/octet-stream",))
            runner.run(client.request("POST", PATH, cast_to=object, errors={}, body=raw))
    assert attempts == [1], "raised before a second attempt was built, not while httpx sent it"
    assert len(server.requests) == 1 and DATA in server.requests[0].content, "the first attempt sent the file whole"


def test_on_progress_without_a_file(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(201, MODEL)), validate=False)
    progress = Progress()
    client = runner.client(base_url=server.url)
    runner.run(client.image_models.train_model(name="m", image_sample_files=[("a.png", b"\x89PNG\r\n\x1a\n")], on_progress=progress))
    total = int(server.requests[0].headers["Content-Length"])
    assert progress.attempts[-1][-1] == (total, total)


def test_write_to_file_of_streamed_and_raw_responses(runner: Runner, serve: Servers, tmp_path: Path) -> None:
    body = {"blob": "x" * 200_000}
    server = serve(Script(json_reply(200, body)), validate=False)
    client = runner.client(base_url=server.url)
    streamed, raw = tmp_path / "streamed.json", tmp_path / "raw.json"
    method = client.images.with_streaming_response.find_one
    if runner.is_async:

        async def main() -> None:
            async with method(**GET.kwargs) as response:
                await response.write_to_file(streamed)

        runner.run(main())
    else:
        with method(**GET.kwargs) as response:
            response.write_to_file(streamed)
    runner.run(client.images.with_raw_response.find_one(**GET.kwargs)).write_to_file(raw)
    assert json.loads(streamed.read_bytes()) == body and raw.read_bytes() == streamed.read_bytes()
    assert _open_on(streamed) == 0


def test_upload_content_length_is_the_size_from_the_position(tmp_path: Path) -> None:
    file = io.BytesIO(b"0123456789")
    file.seek(4)
    upload = Upload(file)
    assert upload.size == 6 and upload.head(2) == b"45" and file.tell() == 4
    request = httpx.Request("POST", "http://x", content=upload)
    assert request.headers["Content-Length"] == "6"


def test_an_object_field_of_a_multipart_body_is_a_json_part() -> None:
    """A model or a mapping in a multipart field is a part of JSON text (its wire names), typed
    ``application/json`` or the JSON type the spec's ``encoding`` gives; text and numbers stay plain parts."""
    import pydantic

    from leap._utils import multipart

    class Request(pydantic.BaseModel):
        idempotency_key: str = pydantic.Field(alias="idempotencyKey")

    parts = multipart(
        {"request": Request(idempotencyKey="k-1"), "meta": {"a": [1, None]}, "caption": "cat", "size": 3},
        {},
        content_types={"request": ("application/json; charset=utf-8",)},
    )
    assert parts == [
        ("request", (None, b'{"idempotencyKey": "k-1"}', "application/json; charset=utf-8")),
        ("meta", (None, b'{"a": [1, null]}', "application/json")),
        ("caption", (None, b"cat", None)),
        ("size", (None, b"3", None)),
    ]
