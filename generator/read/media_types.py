"""Media types of request and response bodies: which the SDK encodes itself, which it sends as they are."""

from __future__ import annotations

from typing import Any


def is_json_media_type(media_type: str) -> bool:
    """``application/json`` and its ``+json`` relatives."""
    base = str(media_type).split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


REQUEST_MEDIA_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")
"""Request body media types the SDK encodes from keyword arguments. Preference: JSON, multipart,
any other ``+json`` type, a form, then any other type, sent as raw content (bytes, text or a file)."""


def request_media_type(content: Any) -> str | None:
    """The media type a request body is sent in: JSON, multipart, another ``+json`` type, a form
    (in that order), else the first media type offered (raw content); ``None`` when there is none."""
    if not isinstance(content, dict):
        return None
    offered = [m for m in content if isinstance(m, str)]
    for media in REQUEST_MEDIA_TYPES[:2]:
        if media in content:
            return media
    preferred = next((m for m in offered if is_json_media_type(m)), None) or next((m for m in offered if m == REQUEST_MEDIA_TYPES[2]), None)
    return preferred or (offered[0] if offered else None)


def is_raw_media_type(media_type: str) -> bool:
    """A request body media type sent as the caller's bytes: not JSON, multipart or a form."""
    return media_type not in REQUEST_MEDIA_TYPES and not is_json_media_type(media_type)


def is_structured_media_type(media_type: str) -> bool:
    """XML: structured data the SDK does not serialise from the schema (the caller passes the text)."""
    base = media_type.split(";")[0].strip().lower()
    return base.endswith("/xml") or base.endswith("+xml")


def content_of(holder: Any) -> dict[Any, dict[str, Any]]:
    """The ``content`` of a request body, response or parameter: media type -> media type object
    (one that is not a mapping as ``{}``); empty when there is none."""
    content = holder.get("content") if isinstance(holder, dict) else None
    return {media: found if isinstance(found, dict) else {} for media, found in content.items()} if isinstance(content, dict) else {}


def media_schema(media: dict[str, Any]) -> dict[str, Any]:
    """The ``schema`` of a media type object; ``{}`` (any value) when it has none."""
    schema = media.get("schema")
    return schema if isinstance(schema, dict) else {}
