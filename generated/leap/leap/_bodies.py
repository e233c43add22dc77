# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Request bodies that are neither JSON nor multipart: form-encoded fields and raw content.

The generated methods call :func:`form_body` for ``application/x-www-form-urlencoded``
bodies and :func:`binary_body` (:func:`abinary_body` on the async client) for every other
media type (``application/octet-stream``, ``image/*``, ``text/plain``, ``text/csv``, ``*/*``).
Each gives an :class:`EncodedBody`: the content to send and its ``Content-Type``. Bytes are
built once, before the first attempt, so a retried request sends them again unchanged; a path
or a file object is an :class:`._uploads.Upload`, read in chunks as each attempt is sent.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlencode

from ._types import UploadContent
from ._utils import _sniff, jsonable

if TYPE_CHECKING:
    from ._uploads import Upload

FORM = "application/x-www-form-urlencoded"
_OCTETS = "application/octet-stream"


class EncodedBody(NamedTuple):
    """A request body ready to send: bytes, or a file streamed as it is sent."""

    content: bytes | Upload
    content_type: str


#: ``(style, explode)`` of a form field whose encoding the spec does not declare.
DEFAULT_STYLE = ("form", True)
_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def _nested(name: str, value: Any, pairs: list[tuple[str, str]]) -> None:
    """``name[key]=value`` for each entry of an object, ``name[0]=value`` for each item of an array, at any depth."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if item is not None:
                _nested(f"{name}[{key}]", item, pairs)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            if item is not None:
                _nested(f"{name}[{index}]", item, pairs)
    else:
        pairs.append((name, _text(value)))


def _field(
    name: str, value: Any, style: str, explode: bool, pairs: list[tuple[str, str]]
) -> None:
    """The pairs of one top-level field (see :func:`form_body` for the rules)."""
    if style == "json":
        import json

        pairs.append(
            (name, json.dumps(value, separators=(",", ":"), ensure_ascii=False))
        )
    elif style == "deepObject" or not isinstance(value, (Mapping, list, tuple)):
        _nested(name, value, pairs)
    elif isinstance(value, Mapping):
        items = [(str(key), item) for key, item in value.items() if item is not None]
        if explode:
            for key, item in items:
                _nested(key, item, pairs)
        else:
            pairs.append(
                (name, ",".join(f"{key},{_text(item)}" for key, item in items))
            )
    elif explode:
        for item in value:
            if item is not None:
                _nested(name, item, pairs)
    else:
        pairs.append(
            (
                name,
                _DELIMITERS.get(style, ",").join(
                    _text(item) for item in value if item is not None
                ),
            )
        )


def form_pairs(
    fields: Mapping[str, Any] | None,
    styles: Mapping[str, tuple[str, bool]] | None = None,
) -> list[tuple[str, str]]:
    """The ``(name, value)`` pairs of a form-encoded body, in the order of ``fields`` (see :func:`form_body`)."""
    pairs: list[tuple[str, str]] = []
    for name, value in (fields or {}).items():
        if value is None:
            continue
        style, explode = (styles or {}).get(name, DEFAULT_STYLE)
        _field(name, jsonable(value), style, explode, pairs)
    return pairs


def form_body(
    fields: Mapping[str, Any] | None,
    styles: Mapping[str, tuple[str, bool]] | None = None,
) -> EncodedBody | None:
    """An ``application/x-www-form-urlencoded`` body of ``fields`` (wire name -> value), or
    ``None`` (no body, no ``Content-Type``) when there is nothing to send.

    ``styles`` is the spec's ``encoding`` object: ``(style, explode)`` per field, default
    ``("form", True)``. The rule, per field:

    - ``None`` is not sent (an argument the caller left out), at any depth.
    - A scalar is ``name=value``; ``True``/``False`` are ``true``/``false``, dates ISO-8601,
      models their JSON form (by wire name).
    - ``deepObject``: an object is ``name[key]=value``, an array ``name[0]=value``
      (indexed, so ``items[0][price]=p`` keeps each item's fields together), nested to
      any depth. OpenAPI defines ``deepObject`` for objects only; this is how APIs that
      declare it on arrays (Stripe) read them.
    - ``form`` with ``explode``: an array repeats its name (``tag=a&tag=b``); an object's
      properties become their own fields (``key=value``).
    - ``form`` without ``explode``: ``name=a,b`` and ``name=key,value,key2,value2``;
      ``spaceDelimited`` and ``pipeDelimited`` join an array with a space or ``|``.
    - ``json`` (an ``encoding.contentType`` of JSON): the value as compact JSON text.
    - Under ``form`` and the delimited styles, values below the first level use the
      ``deepObject`` brackets (OpenAPI leaves them undefined).

    Names and values are percent-encoded as HTML forms do (``urllib.parse.urlencode``:
    a space is ``+``, brackets are ``%5B``/``%5D``).
    """
    pairs = form_pairs(fields, styles)
    return EncodedBody(urlencode(pairs).encode("ascii"), FORM) if pairs else None


def _replaced(name: str, extra: Mapping[str, Any]) -> bool:
    """Whether the form pair ``name`` (``items[0][price]`` is of ``items``) is one of a field in ``extra``."""
    return name.split("[", 1)[0] in extra


def with_fields(body: EncodedBody, extra: Mapping[str, Any]) -> EncodedBody:
    """The form-encoded ``body`` with the fields of ``extra`` (a caller's ``extra_body=``) added
    in the default style, replacing the fields of the same names."""
    from urllib.parse import parse_qsl

    assert isinstance(body.content, bytes)
    pairs = [
        pair
        for pair in parse_qsl(body.content.decode("ascii"), keep_blank_values=True)
        if not _replaced(pair[0], extra)
    ]
    pairs += form_pairs(extra)
    return EncodedBody(urlencode(pairs).encode("ascii"), body.content_type)


def _matches(content_type: str, declared: str) -> bool:
    """Whether ``content_type`` is one the spec's media type range ``declared`` (``image/*``, ``*/*``) allows."""
    if declared in ("*/*", "*"):
        return True
    if declared.endswith("/*"):
        return content_type.startswith(declared[:-1])
    return content_type == declared


def _guess(content: UploadContent, data: bytes | Upload) -> str:
    """The media type of an upload, from its file name, else its first bytes, else ``text/plain`` for ``str``."""

    name = (
        content if isinstance(content, os.PathLike) else getattr(content, "name", None)
    )
    guessed = (
        mimetypes.guess_type(os.fspath(name))[0]
        if isinstance(name, (str, os.PathLike))
        else None
    )
    if guessed is None and isinstance(content, str):
        return "text/plain"
    return guessed or _sniff(data if isinstance(data, bytes) else data.head())


def binary_body(content: UploadContent, declared: tuple[str, ...]) -> EncodedBody:
    """The raw body of an upload: ``content`` as bytes, with the media type the spec declares.

    ``content`` is ``bytes``, a ``str`` (the text itself, sent as UTF-8), a path
    (``pathlib.Path`` or another ``os.PathLike``: the file's bytes) or a file object opened
    in binary mode (from its position to its end). A path or a file is not read into
    memory: it is sent in chunks (:mod:`._uploads`), read again from its start by a retry
    (a file object that cannot seek is sent once: a retry raises ``UploadNotRepeatableError``). ``declared`` is the body's media types in the spec.
    The ``Content-Type`` is the declared type when there is one concrete type; otherwise
    (several, or a range such as ``image/*`` or ``*/*``) the type guessed from the file name
    or the first bytes when the spec allows it, else the first concrete declared type,
    else ``application/octet-stream``. ``extra_headers={"Content-Type": ...}`` overrides it.

    Raises:
        TypeError: ``content`` is none of these.
    """
    data: bytes | Upload
    if isinstance(content, bytes):
        data = content
    elif isinstance(content, str):
        data = content.encode("utf-8")
    elif isinstance(content, os.PathLike) or hasattr(content, "read"):
        from ._uploads import Upload  # here: a form or bytes body never loads it

        data = Upload(content)
    else:
        raise TypeError(
            f"the request body must be bytes, str, a path or a binary file, not {type(content).__name__}"
        )
    concrete = [t for t in declared if "*" not in t]
    if len(declared) == 1 and concrete:
        return EncodedBody(data, concrete[0])
    guessed = _guess(content, data)
    if any(_matches(guessed, t) for t in declared):
        return EncodedBody(data, guessed)
    return EncodedBody(data, concrete[0] if concrete else _OCTETS)


async def abinary_body(
    content: UploadContent, declared: tuple[str, ...]
) -> EncodedBody:
    """:func:`binary_body` for coroutines: a path's or a file's first bytes are read in a worker thread, off the event loop."""
    if isinstance(content, (bytes, str)):
        return binary_body(content, declared)
    import asyncio  # here, not at the top: a program that only uses the blocking client never loads asyncio

    return await asyncio.to_thread(binary_body, content, declared)
