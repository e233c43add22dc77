"""Helpers the generated methods call to shape a request."""

from __future__ import annotations

import mimetypes
import os
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast
from urllib.parse import quote

import pydantic

from ._params import Encoded
from ._types import FileInput

if TYPE_CHECKING:
    from ._uploads import Upload

MultipartItem = tuple[str, tuple[str | None, "bytes | IO[bytes]", str | None]]

_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")
"""What ``quote(text, safe="")`` leaves as it is (RFC 3986's unreserved characters)."""


def path_template(template: str, params: Mapping[str, str | int]) -> str:
    """Fill ``{name}`` placeholders with percent-encoded values.

    Every character outside the unreserved set is encoded, ``/`` included, and a value of
    only dots is encoded too, so no value can change which path is requested:
    ``model_id="../x"`` becomes ``..%2Fx``.

    A value :func:`._params.path_param` wrote (its style's prefix and separators, already
    encoded) goes in as it is.

    Raises:
        ValueError: a value is empty (it would change the path as well).
    """
    path = template
    for name, value in params.items():
        if isinstance(value, Encoded):
            path = path.replace("{" + name + "}", value)
            continue
        text = str(value)
        if not text:
            raise ValueError(f"{name} must not be empty")
        # quote() leaves unreserved characters as they are; most IDs have no others.
        encoded = text if _UNRESERVED.fullmatch(text) else quote(text, safe="")
        if not encoded.strip("."):
            encoded = encoded.replace(".", "%2E")
        path = path.replace("{" + name + "}", encoded)
    return path


def jsonable(value: Any) -> Any:
    """``value`` as JSON-ready data: pydantic models as their wire-form dicts, dates as ISO-8601 text (in lists and dicts too)."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value


def without_none(
    values: Mapping[str, Any], keep: Collection[str] = ()
) -> dict[str, Any]:
    """The items of ``values`` whose value is not ``None`` (arguments the caller left out),
    and those named in ``keep`` (required nullable arguments: ``None`` is sent as ``null``).
    """
    return {
        key: value for key, value in values.items() if value is not None or key in keep
    }


def require_exactly_one(method: str, **arguments: Any) -> None:
    """Raise ``ValueError`` unless exactly one of ``arguments`` is given (not ``None``, not empty)."""
    given = [
        name
        for name, value in arguments.items()
        if value is not None
        and not (
            isinstance(value, Sequence)
            and not isinstance(value, (str, bytes))
            and len(value) == 0
        )
    ]
    if len(given) == 1:
        return
    names = " or ".join(arguments)
    found = "both" if len(given) > 1 else "neither"
    raise ValueError(f"{method}() takes exactly one of {names}; got {found}")


def _field_part(value: Any, allowed: tuple[str, ...]) -> tuple[None, bytes, str | None]:
    """A multipart part of a field that is not a file: an object as JSON text, else its text."""
    if isinstance(value, (pydantic.BaseModel, Mapping)):
        import json

        content_type = next((t for t in allowed if "json" in t), "application/json")
        return None, json.dumps(jsonable(value)).encode("utf-8"), content_type
    return None, _form_text(value), None


def _form_text(value: Any) -> bytes:
    if isinstance(value, bool):
        return b"true" if value else b"false"
    return str(value).encode("utf-8")


_OCTETS = "application/octet-stream"
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
)


def _sniff(content: bytes) -> str:
    for signature, content_type in _SIGNATURES:
        if content.startswith(signature):
            return content_type
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


def read_file(file: FileInput, index: int) -> tuple[str, bytes | Upload, str]:
    """``(filename, content, content_type)`` of one upload argument.

    A path or a file object is not read here: it becomes an :class:`._uploads.Upload`, read
    in chunks while the request is sent (only its first bytes are read now, to guess its
    media type when its name does not tell).
    """
    from ._uploads import Upload  # here: a program that sends no file never loads it

    if isinstance(file, tuple):
        filename, content = file[0], file[1]
        data = content if isinstance(content, bytes) else Upload(content)
        given = file[2] if len(file) == 3 else None
        return filename, data, given or _guessed(filename, data)
    if isinstance(file, bytes):
        return f"file{index}", file, _sniff(file)
    upload = Upload(file)
    filename = upload.name or f"file{index}"
    return filename, upload, _guessed(filename, upload)


def _guessed(filename: str, data: bytes | Upload) -> str:
    """The media type of a file: from its name, else from its first bytes."""
    by_name = mimetypes.guess_type(filename)[0]
    if by_name:
        return by_name
    return _sniff(data if isinstance(data, bytes) else data.head())


def multipart(
    fields: Mapping[str, Any],
    files: Mapping[str, Iterable[FileInput] | FileInput | None],
    content_types: Mapping[str, tuple[str, ...]] | None = None,
) -> list[MultipartItem]:
    """The parts of a ``multipart/form-data`` body.

    A list becomes one part per element under the same name; ``None`` is left out. The
    result is always sent as multipart, even when it holds no file. Paths and file objects
    are sent in chunks as the request goes out (:mod:`._uploads`). ``content_types``
    (the spec's ``encoding``) lists the types a file part may have: a file of another
    type is sent as ``application/octet-stream`` when the spec allows that. A field that is
    an object (a model or a mapping) is a part of JSON text, typed ``application/json`` (or
    the JSON type its ``encoding`` gives), as OpenAPI encodes an object property by default.
    """
    parts: list[MultipartItem] = []
    for name, value in fields.items():
        if value is None:
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            parts.append((name, _field_part(item, (content_types or {}).get(name, ()))))
    for name, value in files.items():
        if value is None:
            continue
        items = value if isinstance(value, list) else [value]
        allowed = (content_types or {}).get(name, ())
        for index, file in enumerate(items):
            filename, data, content_type = read_file(file, index)
            if allowed and content_type not in allowed and _OCTETS in allowed:
                content_type = _OCTETS
            # An Upload reads like a binary file: httpx reads it in chunks as it sends.
            content = data if isinstance(data, bytes) else cast("IO[bytes]", data)
            parts.append((name, (filename, content, content_type)))
    return parts


def with_parts(
    parts: list[MultipartItem], extra: Mapping[str, Any]
) -> list[MultipartItem]:
    """The parts of a multipart body with the fields of ``extra`` (a caller's ``extra_body=``)
    added, replacing the parts of the same names; an object is sent as a JSON part, as the
    operation's own object fields are."""
    kept = [part for part in parts if part[0] not in extra]
    return kept + multipart(dict(extra), {})


async def amultipart(
    fields: Mapping[str, Any],
    files: Mapping[str, Iterable[FileInput] | FileInput | None],
    content_types: Mapping[str, tuple[str, ...]] | None = None,
) -> list[MultipartItem]:
    """:func:`multipart` for coroutines: the files' first bytes are read in a worker thread, off the event loop."""
    import asyncio  # here, not at the top: a program that only uses the blocking client never loads asyncio

    return await asyncio.to_thread(multipart, fields, files, content_types)
