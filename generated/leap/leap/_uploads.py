# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Uploads sent in chunks, never read whole into memory, and the ``on_progress`` callback.

A path or a file object given as a multipart file part or as a raw request body becomes an
:class:`Upload`: httpx reads it in chunks while it sends, so a 1 GiB file costs the process
about one chunk of memory. Its size (of a path, or of a file from its position to the end) is
the ``Content-Length``.

A retried request sends the whole file again: a path is opened again, a seekable file object
is sought back to where it was when the call began. A file object that cannot seek (a pipe,
a socket, a generator's stream) can be sent once only: when a retry would need it again the
call raises :class:`UploadNotRepeatableError` before that attempt is sent (a multipart body as a raw
one), instead of sending a short body.

``on_progress(sent, total)``, where a method takes it, is called after each chunk with the
bytes of the request body sent so far in this attempt and the body's whole size (``None``
when unknown); a retry starts again from 0.
"""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import httpx

from ._types import ProgressCallback

CHUNK_SIZE = 1 << 20
"""Bytes read from a file per chunk (1 MiB)."""


class UploadNotRepeatableError(RuntimeError):
    """A request must be sent again (a retry) but its upload is a file object that cannot seek back."""


class Upload:
    """A path or a binary file object, read in chunks each time the request is sent.

    It reads like a file (``read``, ``seek``, ``tell``, ``name``), so httpx streams it as
    a multipart part; as a raw body :func:`stream_upload` streams it.
    """

    def __init__(self, source: str | os.PathLike[str] | IO[bytes]) -> None:
        self._path: Path | None = None
        self._file: IO[bytes] | None = None
        self._started = False
        self._start = 0
        self.size: int | None
        if isinstance(source, (str, os.PathLike)):
            self._path = Path(source)
            self.name: str | None = self._path.name
            self.size = self._path.stat().st_size
        else:
            self._file = source
            name = getattr(source, "name", None)
            self.name = os.path.basename(name) if isinstance(name, str) else None
            self.size = self._remaining(source)

    def _remaining(self, file: IO[bytes]) -> int | None:
        """Bytes from the file's position to its end, or ``None`` when it cannot seek."""
        try:
            if not file.seekable():
                return None
            self._start = file.tell()
            end = file.seek(0, os.SEEK_END)
            file.seek(self._start)
            return end - self._start
        except (AttributeError, OSError, ValueError):
            return None

    def head(self, n: int = 16) -> bytes:
        """The first ``n`` bytes (to guess the media type), without consuming them; ``b""`` when that cannot be done."""
        if self._path is not None:
            with self._path.open("rb") as file:
                return file.read(n)
        if self.size is None or self._file is None:
            return b""
        data = self._file.read(n)
        self._file.seek(self._start)
        return data

    def read(self, n: int = -1) -> bytes:
        if self._file is None:
            assert self._path is not None
            self._file = self._path.open("rb")
        self._started = True
        data = self._file.read(n)
        if self._path is not None and (not data or n < 0):
            self._close()
        return data

    def check_repeatable(self) -> None:
        """
        Raises:
            UploadNotRepeatableError: the file object has been read and cannot seek back.
        """
        if self._started and self._path is None and self.size is None:
            raise UploadNotRepeatableError(
                f"the upload {self.name or 'file object'} cannot be sent again: it cannot seek back "
                "(pass a path or a seekable file for a request that may be retried)"
            )

    def rewind(self) -> None:
        """Start again from the beginning (a retry).

        Raises:
            UploadNotRepeatableError: the file object has been read and cannot seek back.
        """
        self.check_repeatable()
        if not self._started:
            return
        if self._path is not None:
            self._close()
        else:
            assert self._file is not None
            self._file.seek(self._start)
        self._started = False

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    # What httpx calls to learn the size (``peek_filelike_length``) and to start a part again.
    def tell(self) -> int:
        if self.size is None:
            raise io.UnsupportedOperation("not seekable")
        return 0

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if self.size is not None and whence == os.SEEK_END and offset == 0:
            return self.size
        if whence == os.SEEK_SET and offset == 0:
            self.rewind()
            return 0
        raise io.UnsupportedOperation("an upload seeks to its start only")

    def __iter__(self) -> Iterator[bytes]:
        self.rewind()
        while chunk := self.read(CHUNK_SIZE):
            yield chunk

    def __repr__(self) -> str:
        return f"Upload({self.name!r}, size={self.size})"


class _UploadStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A request body read as it is sent, by the blocking and the asyncio client, reporting progress."""

    def __init__(
        self, source: Any, total: int | None, on_progress: ProgressCallback | None
    ) -> None:
        self._source = source
        self._total = total
        self._on_progress = on_progress

    def _counted(self, sent: int, chunk: bytes) -> int:
        sent += len(chunk)
        if self._on_progress is not None:
            self._on_progress(sent, self._total)
        return sent

    def __iter__(self) -> Iterator[bytes]:
        sent = 0
        for chunk in self._source:
            sent = self._counted(sent, chunk)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        sent = 0
        if isinstance(self._source, Upload):
            import asyncio  # here, not at the top: a program that only uses the blocking client never loads asyncio

            source = self._source
            await asyncio.to_thread(source.rewind)
            while chunk := await asyncio.to_thread(source.read, CHUNK_SIZE):
                sent = self._counted(sent, chunk)
                yield chunk
            return
        async for chunk in self._source:
            sent = self._counted(sent, chunk)
            yield chunk


def check_parts(parts: Iterable[tuple[str, tuple[Any, ...]]]) -> None:
    """Check that each file part of a multipart body can be sent (again), before the attempt goes
    out: httpx would only find out while sending it.

    Raises:
        UploadNotRepeatableError: the request is a retry of a file that cannot seek back.
    """
    for _name, (_filename, content, *_rest) in parts:
        if isinstance(content, Upload):
            content.check_repeatable()


def stream_upload(
    request: httpx.Request, content: object, on_progress: ProgressCallback | None
) -> None:
    """Give ``request`` a body that reads its :class:`Upload` (``content``) in chunks as it is sent, and
    calls ``on_progress``; with a ``bytes`` or multipart body only ``on_progress`` is added.

    Raises:
        UploadNotRepeatableError: the request is a retry of a file that cannot seek back.
    """
    if isinstance(content, Upload):
        content.check_repeatable()  # before a retry goes out, not after its headers
        request.stream = _UploadStream(content, content.size, on_progress)
    elif on_progress is not None:
        length = request.headers.get("Content-Length")
        total = int(length) if length is not None else None
        request.stream = _UploadStream(request.stream, total, on_progress)
