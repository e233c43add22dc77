"""Types the generated models and methods share.

``DateTime`` reads ISO-8601 and PostgreSQL text (``2023-06-20 07:04:01.634307+00``) into a
timezone-aware :class:`datetime.datetime`; text without an offset is UTC, as the API writes it. ``FileInput`` is what an upload argument accepts,
``UploadContent`` what a raw (non-JSON) request body accepts.
``NOT_GIVEN`` marks an option the caller left out where ``None`` means something
(``timeout=None`` waits forever).
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from collections.abc import Mapping
from typing import IO, Annotated, Any, Final, Literal, TypeAlias, Union

import httpx

from pydantic import BeforeValidator

_SHORT_OFFSET = re.compile(r"([+-]\d{2})$")
_NO_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _lenient_datetime(value: Any) -> Any:
    """Accept PostgreSQL text: widen an hour-only offset (``+00``) to ``+00:00``; read no offset as UTC."""
    if isinstance(value, str):
        value = _SHORT_OFFSET.sub(r"\1:00", value.strip())
        if _NO_OFFSET.match(value):
            value += "+00:00"
    return value


DateTime: TypeAlias = Annotated[datetime, BeforeValidator(_lenient_datetime)]
"""A point in time: ISO-8601 or PostgreSQL text on the wire, a ``datetime`` in Python."""

FileContent: TypeAlias = Union[bytes, IO[bytes]]
"""The bytes of a file, or a file opened in binary mode."""

FileInput: TypeAlias = Union[
    str,
    os.PathLike[str],
    bytes,
    IO[bytes],
    tuple[str, FileContent],
    tuple[str, FileContent, str],
]
"""A file to upload: a path, bytes, a binary file object, or ``(filename, content[, content_type])``."""

UploadContent: TypeAlias = Union[bytes, str, os.PathLike[str], IO[bytes]]
"""A whole request body in a non-JSON media type: bytes, text (sent as UTF-8), a path (``pathlib.Path``) or a binary file object."""


class NotGiven:
    """The type of :data:`NOT_GIVEN`: an argument the caller did not pass."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""Default of per-call options: use the client's setting."""

Timeout: TypeAlias = Union[float, httpx.Timeout, None]
"""Seconds to wait for each request (connect, read, write, pool), an :class:`httpx.Timeout`, or ``None`` to wait forever."""

Headers: TypeAlias = Mapping[str, str]
"""Extra HTTP headers: they are added to, or replace, the ones the SDK sends."""

Query: TypeAlias = Mapping[str, object]
"""Extra query parameters: they are added to, or replace, the ones the SDK sends."""
