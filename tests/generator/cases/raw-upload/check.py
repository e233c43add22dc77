"""Raw bodies: bytes, text, a path or a binary file, sent byte for byte with the declared media type."""

from __future__ import annotations

import asyncio
import io
import tempfile
from pathlib import Path
from typing import Any

import httpx

from tests.generator.cases.harness import Recorder, async_client, client, spec_arguments

WARNINGS = [("unsupported-media-type", "/paths/~1records/post/requestBody/content")]

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(201, json={"size": len(request.content), "type": request.headers.get("content-type")})


def _sent(recorder: Recorder, path: str, content: bytes, content_type: str | None) -> None:
    request = recorder.last
    assert request.url.raw_path.decode() == path and request.content == content, (request.url.raw_path, request.content)
    assert request.headers.get("content-type") == content_type, request.headers.get("content-type")


def check(package: Any, generated: Any) -> None:
    assert spec_arguments(client(package, Recorder()).files.put_file) == ["name", "content"]
    source = generated.files["case_raw_upload/resources/files.py"]
    assert "content: UploadContent," in source and "content: UploadContent | None = None," in source
    assert "content: The file's bytes. The whole request body, sent as" in source

    recorder = Recorder(answer=_echo)
    files = client(package, recorder).files
    stored = files.put_file(name="a b.bin", content=b"\x00\x01\xff")
    _sent(recorder, "/files/a%20b.bin", b"\x00\x01\xff", "application/octet-stream")
    assert stored.size == 3 and stored.type_ == "application/octet-stream"

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "photo.jpg"
        path.write_bytes(b"\xff\xd8\xff\xe0jpeg")
        files.put_file(name="p", content=path)  # a path: the file's bytes
        _sent(recorder, "/files/p", b"\xff\xd8\xff\xe0jpeg", "application/octet-stream")
        with path.open("rb") as handle:
            files.put_file(name="p", content=handle)  # a binary file: read to its end
        _sent(recorder, "/files/p", b"\xff\xd8\xff\xe0jpeg", "application/octet-stream")
        files.put_file(name="p", content="text")  # a str is the content itself, as UTF-8
        _sent(recorder, "/files/p", b"text", "application/octet-stream")

        # image/*: the type comes from the file name or the first bytes.
        assert files.post_image(content=path).type_ == "image/jpeg"
        _sent(recorder, "/images", b"\xff\xd8\xff\xe0jpeg", "image/jpeg")
        files.post_image(content=PNG)
        _sent(recorder, "/images", PNG, "image/png")
        files.post_image(content=PNG, extra_headers={"Content-Type": "image/webp"})  # the caller's type wins
        _sent(recorder, "/images", PNG, "image/webp")
        # */*: anything; a name says what it is, else application/octet-stream.
        files.post_blob(content=b"\x00")
        _sent(recorder, "/blobs", b"\x00", "application/octet-stream")
        table = Path(folder) / "t.csv"
        table.write_text("a,b\n", encoding="utf-8")
        files.post_blob(content=table)
        _sent(recorder, "/blobs", b"a,b\n", "text/csv")

        async def run_async() -> None:
            api = async_client(package, recorder).files
            with path.open("rb") as handle:
                stored = await api.put_file(name="p", content=handle)  # read in a worker thread
            assert stored.size == 8
            _sent(recorder, "/files/p", b"\xff\xd8\xff\xe0jpeg", "application/octet-stream")
            await api.post_image(content=path)
            _sent(recorder, "/images", b"\xff\xd8\xff\xe0jpeg", "image/jpeg")
            await api.post_note(content="h\u00e9llo\n")
            _sent(recorder, "/notes", b"h\xc3\xa9llo\n", "text/plain")

        asyncio.run(run_async())

    files.post_note(content="h\u00e9llo\n")
    _sent(recorder, "/notes", b"h\xc3\xa9llo\n", "text/plain")
    files.post_table(content=io.BytesIO(b"a,b\n1,2\n"))
    _sent(recorder, "/tables", b"a,b\n1,2\n", "text/csv")
    files.post_table()  # an optional body left out: nothing is sent
    _sent(recorder, "/tables", b"", None)

    recorder = Recorder(status=204)
    assert client(package, recorder).files.post_record(content="<r><id>1</id></r>") is None
    _sent(recorder, "/records", b"<r><id>1</id></r>", "application/xml")

    # A retried request sends the same bytes again (a file is read once, before the first attempt).
    answers = iter([httpx.Response(503, headers={"Retry-After": "0"}), httpx.Response(201, json={"size": 4})])
    recorder = Recorder(answer=lambda request: next(answers))
    assert client(package, recorder).files.put_file(name="r", content=io.BytesIO(b"data")).size == 4
    assert [r.content for r in recorder.requests] == [b"data", b"data"]

    # The docs: the media type sent and how to pass the body.
    docs = generated.files["docs/FilesApi.md"]
    assert "Content-Type: application/octet-stream\n" in docs and "Content-Type: image/*\n" in docs
    assert "Request body (required): `application/octet-stream`, passed whole as `content=`: bytes, a `str`" in docs
    assert "It is sent with `Content-Type: application/octet-stream`" in docs
    assert "| `content` | bytes \\| str \\| Path \\| file | the whole body | yes |" in docs
