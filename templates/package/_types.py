"""Types the generated models and methods share.

``FileInput`` is what an upload argument accepts, ``UploadContent`` what a raw (non-JSON)
request body accepts. (``DateTime``, the type of timestamps in models, is in
:mod:`._models`: it needs pydantic, which this module does not import.)
``NOT_GIVEN`` marks an option the caller left out where ``None`` means something
(``timeout=None`` waits forever); ``JSON_NULL`` a request body that is the JSON ``null``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import IO, Final, Literal, TypeAlias, Union

import httpx

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

ProgressCallback: TypeAlias = Callable[[int, "int | None"], object]
"""``on_progress(sent, total)`` of an upload (:mod:`._uploads`): bytes of the request body sent so far, and its size (``None`` when unknown)."""


class NotGiven:
    """The type of :data:`NOT_GIVEN`: an argument the caller did not pass."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""Default of per-call options: use the client's setting."""


class JsonNull:
    """The type of :data:`JSON_NULL`."""

    def __repr__(self) -> str:
        return "JSON_NULL"


JSON_NULL: Final = JsonNull()
"""A JSON request body that is ``null``: what a required nullable body given ``None`` sends (``json=None`` sends no body)."""

Timeout: TypeAlias = Union[float, httpx.Timeout, None]
"""Seconds to wait for each request (connect, read, write, pool), an :class:`httpx.Timeout`, or ``None`` to wait forever."""

Headers: TypeAlias = Mapping[str, str]
"""Extra HTTP headers: they are added to, or replace, the ones the SDK sends."""

Query: TypeAlias = Mapping[str, object]
"""Extra query parameters: they are added to, or replace, the ones the SDK sends."""

ExtraBody: TypeAlias = Mapping[str, object]
"""Extra properties of a JSON request body (or fields of a form-encoded or multipart one): they
are added to, or replace, the ones the SDK sends."""
