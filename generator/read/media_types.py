"""Media types of request and response bodies: the :class:`MediaType` objects of a ``content``
(part of the typed view of :mod:`generator.read.operations`), which the SDK encodes itself,
which it sends as they are."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import pointer_join
from generator.read.values import boolean, mapping, mapping_or_none, string_or_none

Deref = Callable[[str, Any], tuple[str, Any]]
"""``(pointer, value) -> (pointer, value)`` at the end of a ``$ref`` chain; ``None`` for one that does not resolve."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """``encoding.<property>`` of a form or multipart body, OpenAPI's defaults applied."""

    name: str
    content_type: str | None  # as written (a comma-separated list for a multipart part)
    style: str  # "form" when not given
    explode: bool  # true for "form" when not given, else false


@dataclass(frozen=True, slots=True)
class MediaType:
    """One entry of a ``content``: its media type, its schema as written (``$ref`` kept), examples and encodings."""

    media_type: str
    schema: dict[str, Any] | None  # None when absent or not a mapping
    example: Any  # ``example``; None when absent
    examples: tuple[Any, ...]  # the ``value`` of each of ``examples`` (``$ref``s followed), in order
    encoding: tuple[Encoding, ...]
    item_schema: dict[str, Any] | None  # OpenAPI 3.2's ``itemSchema`` (the schema of each item of a stream)
    extensions: dict[str, Any]  # the ``x-`` keys
    pointer: str


def media_types(holder: dict[str, Any], pointer: str, deref: Deref) -> tuple[MediaType, ...]:
    """The ``content`` of a request body, response or parameter at ``pointer``; a media type object
    that is not a mapping reads as an empty one."""
    out = []
    for key, media in mapping(holder.get("content")).items():
        at, media = pointer_join(pointer, "content", key), mapping(media)
        extensions = {k: v for k, v in media.items() if isinstance(k, str) and k.startswith("x-")}
        out.append(MediaType(str(key), mapping_or_none(media.get("schema")), media.get("example"), example_values(media, at, deref), _encodings(media), mapping_or_none(media.get("itemSchema")), extensions, at))
    return tuple(out)


def example_values(holder: dict[str, Any], pointer: str, deref: Deref) -> tuple[Any, ...]:
    """The ``value`` of each entry of ``examples`` (an Example object, or a ``$ref`` to one) that has one."""
    examples = mapping(holder.get("examples"))
    found = (mapping(deref(pointer_join(pointer, "examples", name), raw)[1]) for name, raw in examples.items())
    return tuple(example["value"] for example in found if "value" in example)


def _encodings(media: dict[str, Any]) -> tuple[Encoding, ...]:
    out = []
    for name, encoding in mapping(media.get("encoding")).items():
        encoding = mapping(encoding)
        style = string_or_none(encoding.get("style")) or "form"
        out.append(Encoding(str(name), string_or_none(encoding.get("contentType")), style, boolean(encoding.get("explode"), style == "form")))
    return tuple(out)


def is_json_media_type(media_type: str) -> bool:
    """``application/json`` and its ``+json`` relatives."""
    base = str(media_type).split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


REQUEST_MEDIA_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")
"""Request body media types the SDK encodes from keyword arguments. Preference: JSON, multipart,
any other ``+json`` type, a form, then any other type, sent as raw content (bytes, text or a file)."""


def request_media_type(offered: Iterable[Any]) -> str | None:
    """The media type a request body is sent in, of those ``offered``: JSON, multipart, another ``+json``
    type, a form (in that order), else the first one (raw content); ``None`` when there is none."""
    names = [m for m in offered if isinstance(m, str)]
    for media in REQUEST_MEDIA_TYPES[:2]:
        if media in names:
            return media
    preferred = next((m for m in names if is_json_media_type(m)), None) or next((m for m in names if m == REQUEST_MEDIA_TYPES[2]), None)
    return preferred or (names[0] if names else None)


def is_raw_media_type(media_type: str) -> bool:
    """A request body media type sent as the caller's bytes: not JSON, multipart or a form."""
    return media_type not in REQUEST_MEDIA_TYPES and not is_json_media_type(media_type)


def is_structured_media_type(media_type: str) -> bool:
    """XML: structured data the SDK does not serialise from the schema (the caller passes the text)."""
    base = media_type.split(";")[0].strip().lower()
    return base.endswith("/xml") or base.endswith("+xml")
