"""The response objects of ``with_raw_response`` and ``with_streaming_response``.

:class:`APIResponse` (its body read), :class:`StreamedResponse` and
:class:`AsyncStreamedResponse` (their bodies read as the caller asks): the status, the
headers, how many retries the answer needed, and ``parse()`` for what the plain method
returns (through :func:`._parsing.parse_response`, as the plain method does).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any, Generic, TypeVar

import httpx

from ._exceptions import REQUEST_ID_HEADER, ErrorModels
from ._logs import redacted_url
from ._parsing import parse_response

T = TypeVar("T")


class _BaseResponse(Generic[T]):
    """What raw and streamed responses share: the status, the headers, the request.

    Attributes:
        http_response: The :class:`httpx.Response`.
        retries_taken: How many times the request was sent again before this answer (0
            when the first attempt got it).
    """

    def __init__(
        self,
        http_response: httpx.Response,
        *,
        cast_to: type[T],
        errors: ErrorModels,
        retries_taken: int,
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        self._cast_to = cast_to
        self._errors = errors
        self._parsed: list[T] = []

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def request_id(self) -> str | None:
        """The API's ID of this request (its request ID header), or ``None`` when it sent none."""
        value: str | None = self.http_response.headers.get(REQUEST_ID_HEADER)
        return value

    def _parse_read(self) -> T:
        """The body (already read) as the operation's return type, parsed once."""
        if not self._parsed:
            self._parsed.append(
                parse_response(self.http_response, self._cast_to, self._errors)
            )
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] {self.method} {redacted_url(self.http_response.request)}>"


class APIResponse(_BaseResponse[T]):
    """An HTTP response with a 2xx status, its body read, and the model it parses to (of a call
    that asked for an event stream: its body unread, and ``parse()`` gives the stream).

    Attributes:
        http_response: The :class:`httpx.Response`; its body has been read.
        retries_taken: How many times the request was sent again before this answer (0
            when the first attempt got it).
    """

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to reading the whole response (of the last attempt)."""
        return self.http_response.elapsed

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        """The body decoded as JSON, without checking it against the spec."""
        return self.http_response.json()

    def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Write the body, as it came, to the file at ``path`` (replaced if it exists)."""
        with open(path, "wb") as file:
            file.write(self.http_response.content)

    def parse(self) -> T:
        """The body as the operation's return type (parsed once, then cached).

        Raises:
            APIResponseValidationError: The body is not JSON or does not match the spec.
        """
        return self._parse_read()


class StreamedResponse(_BaseResponse[T]):
    """An HTTP response with a 2xx status whose body is read as the caller asks.

    Read the body once: in chunks (:meth:`iter_bytes`, :meth:`iter_text`,
    :meth:`iter_lines`, :meth:`write_to_file`) or whole (:meth:`read`, :meth:`parse`). The ``with`` block that
    gave it closes the connection; :meth:`close` does so earlier.
    """

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks of bytes (decompressed), ``chunk_size`` bytes each when given."""
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body in chunks of text, decoded with the response's charset (UTF-8 when it names none)."""
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line, without the line endings."""
        return self.http_response.iter_lines()

    def read(self) -> bytes:
        """The whole body (read once, then kept)."""
        return self.http_response.read()

    def write_to_file(
        self, path: str | os.PathLike[str], chunk_size: int | None = None
    ) -> None:
        """Write the body to the file at ``path`` (replaced if it exists) chunk by chunk as it
        arrives, never holding it whole in memory (for a download of any size)."""
        with open(path, "wb") as file:
            for chunk in self.http_response.iter_bytes(chunk_size):
                file.write(chunk)

    def parse(self) -> T:
        """The whole body as the operation's return type (``bytes`` for a download).

        Raises:
            APIResponseValidationError: The body is not JSON or does not match the spec.
        """
        if not self._parsed:  # an event stream's is there before its body is read
            self.read()
        return self._parse_read()

    def close(self) -> None:
        self.http_response.close()


class AsyncStreamedResponse(_BaseResponse[T]):
    """:class:`StreamedResponse` for the async client: the same methods as coroutines and async iterators."""

    def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks of bytes (decompressed), ``chunk_size`` bytes each when given."""
        return self.http_response.aiter_bytes(chunk_size)

    def aiter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        """The body in chunks of text, decoded with the response's charset (UTF-8 when it names none)."""
        return self.http_response.aiter_text(chunk_size)

    def aiter_lines(self) -> AsyncIterator[str]:
        """The body line by line, without the line endings."""
        return self.http_response.aiter_lines()

    async def read(self) -> bytes:
        """The whole body (read once, then kept)."""
        return await self.http_response.aread()

    async def write_to_file(
        self, path: str | os.PathLike[str], chunk_size: int | None = None
    ) -> None:
        """:meth:`StreamedResponse.write_to_file`: the file is opened and written in a worker thread, off the event loop."""
        import asyncio  # here, not at the top: a program that only uses the blocking client never loads asyncio

        file = await asyncio.to_thread(open, path, "wb")
        try:
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                await asyncio.to_thread(file.write, chunk)
        finally:
            await asyncio.to_thread(file.close)

    async def parse(self) -> T:
        """The whole body as the operation's return type (``bytes`` for a download).

        Raises:
            APIResponseValidationError: The body is not JSON or does not match the spec.
        """
        if not self._parsed:  # an event stream's is there before its body is read
            await self.read()
        return self._parse_read()

    async def close(self) -> None:
        await self.http_response.aclose()
