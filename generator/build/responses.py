"""An operation's responses as :class:`~generator.ir.Response`: the media type each is read in (JSON,
or bytes for a download), its type, its example, and the exception an error status raises."""

from __future__ import annotations

from typing import Any

from generator.build.context import BuildContext
from generator.build.errors import error_class
from generator.build.examples import media_example
from generator.build.schema_types import is_binary_schema
from generator.diagnostics import pointer_join
from generator.ir import PyType, Response, Value
from generator.read.media_types import MediaType, is_json_media_type
from generator.read.operations import Operation as SpecOperation
from generator.read.operations import Response as SpecResponse


def responses(ctx: BuildContext, op: SpecOperation) -> tuple[Response, ...]:
    """Every response of ``op``, with an "any success" one first when the spec declares no 2xx response."""
    out = [_response(ctx, response) for response in op.responses]
    if not any(r.is_success for r in out):  # validate warned: missing-success-response
        out.insert(0, Response(status="2XX", description="Any success.", content_type="", type=None, pointer=pointer_join(op.pointer, "responses")))
    return tuple(out)


def _response(ctx: BuildContext, response: SpecResponse) -> Response:
    status = response.status.upper()
    media, type_, example = _read_as(ctx, status, response.content)
    return Response(
        status=status,
        description=response.description,
        content_type=media.media_type if media is not None else "",
        type=type_,
        pointer=response.pointer,
        error_class="" if status.startswith("2") else error_class(status),
        example=example,
        media_types=tuple(m.media_type for m in response.content),
    )


def _read_as(ctx: BuildContext, status: str, content: tuple[MediaType, ...]) -> tuple[MediaType | None, PyType | None, Value | None]:
    """The media type a response is read in, its type and its example: JSON (or ``*/*`` meaning
    JSON) as its schema's type; a success that is a download as ``bytes``; else none."""
    media = next((m for m in content if is_json_media_type(m.media_type)), None)
    media = media or next((m for m in content if m.media_type.startswith("*/*") and not is_download(ctx, m)), None)
    download = next((m for m in content if is_download(ctx, m)), None) if status.startswith("2") else None
    if download is not None and (media is None or is_download(ctx, media)):
        return download, PyType("primitive", "bytes"), None
    if media is None:
        return None, None, None
    return media, ctx.types.map(pointer_join(media.pointer, "schema"), media.schema or {}), media_example(ctx, media)


def is_download(ctx: BuildContext, media: MediaType) -> bool:
    """Whether a success body in ``media_type`` is returned as ``bytes``.

    Yes for a schema of raw bytes (``format: binary``, a non-JSON ``contentMediaType``),
    whatever the media type; no for JSON (``+json`` too); no for ``*/*`` with a schema
    that is not a string (specs use it for JSON); yes for every other media type.
    """
    media_type = media.media_type
    _, schema = ctx.types.deref(media.schema or {}, "")
    if is_binary_schema(schema):
        return True
    if is_json_media_type(media_type):
        return False
    if media_type.split(";")[0].strip() in ("*/*", "*"):
        return _may_be_text(schema)
    return True


def _may_be_text(schema: Any) -> bool:
    """A schema that is a string or says nothing of its type (no properties, items, composition or ``$ref``)."""
    if not isinstance(schema, dict) or schema.get("type") not in (None, "string") or schema.get("properties"):
        return False
    return "$ref" not in schema and not any(k in schema for k in ("allOf", "oneOf", "anyOf", "items"))
