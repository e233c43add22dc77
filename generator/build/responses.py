"""An operation's responses as :class:`~generator.ir.Response`: the media type each is read in (JSON,
or bytes for a download), its type, its example, and the exception an error status raises."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.build.context import BuildContext
from generator.build.errors import error_class
from generator.build.examples import media_example
from generator.build.schema_types import is_binary_schema
from generator.diagnostics import pointer_join
from generator.ir import BodyFormat, EventStream, Operation, PyType, Response, Value
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
    events = _events(ctx, response.content) if status.startswith("2") else None
    return Response(
        status=status,
        description=response.description,
        content_type=media.media_type if media is not None else (EVENT_STREAM if events else ""),
        type=type_,
        pointer=response.pointer,
        error_class="" if status.startswith("2") else error_class(status),
        example=example,
        media_types=tuple(m.media_type for m in response.content),
        events=events,
    )


EVENT_STREAM = "text/event-stream"

#: Where a ``text/event-stream`` media type names its events' schema, first found wins:
#: OpenAPI 3.2's ``itemSchema``, the extension for earlier versions, then ``schema``.
EVENT_SCHEMA_KEYS = ("itemSchema", "x-event-schema", "schema")


def is_event_stream(media_type: str) -> bool:
    return media_type.split(";")[0].strip().lower() == EVENT_STREAM


def _events(ctx: BuildContext, content: tuple[MediaType, ...]) -> EventStream | None:
    """The event stream of a success response: each event's ``data`` as the first schema of
    :data:`EVENT_SCHEMA_KEYS` that is not text (a string, or no schema, gives the raw events)."""
    media = next((m for m in content if is_event_stream(m.media_type)), None)
    if media is None:
        return None
    for key in EVENT_SCHEMA_KEYS:
        schema = media.schema if key == "schema" else media.item_schema if key == "itemSchema" else media.extensions.get(key)
        if isinstance(schema, dict) and not _may_be_text(ctx.types.deref(schema, "")[1]):
            return EventStream(ctx.types.map(pointer_join(media.pointer, key), schema), media.pointer)
    return EventStream(None, media.pointer)


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
    whatever the media type; no for an event stream; no for JSON (``+json`` too); no for
    ``*/*`` with a schema that is not a string (specs use it for JSON); yes for every other media type.
    """
    media_type = media.media_type
    _, schema = ctx.types.deref(media.schema or {}, "")
    if is_event_stream(media_type):
        return False
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


def with_stream_flag(op: Operation) -> Operation:
    """``op`` whose success offers JSON and an event stream: the stream when its boolean
    ``stream`` argument (a JSON body property or a query parameter) is true, as OpenAI's and
    Anthropic's APIs choose. Without such an argument the method returns the JSON."""
    events = op.events
    if events is None or op.return_type is None:
        return op
    candidates = op.query_params
    if op.body is not None and op.body.flattened and op.body_format is BodyFormat.JSON:
        candidates = op.body.fields + candidates
    flag = next((f.name for f in candidates if f.wire_name == "stream" and f.type.kind == "primitive" and f.type.name == "bool"), "")
    success = op.success
    chosen = replace(success, events=replace(events, flag=flag) if flag else None)
    return replace(op, responses=tuple(chosen if r is success else r for r in op.responses))
