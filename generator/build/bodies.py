"""An operation's request body as a :class:`~generator.ir.Body`: the media type it is sent in, and
the arguments that carry it (raw content, the properties of a flattened object, or one ``body``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.build.context import BuildContext
from generator.build.examples import media_example
from generator.build.fields import exactly_one_of, field, fields, object_shape
from generator.build.schema_shapes import literal_values, non_null_types
from generator.build.spec_values import text
from generator.diagnostics import pointer_join
from generator.ir import Body, Field, PyType
from generator.naming import Namespace
from generator.read.media_types import MediaType, is_json_media_type, is_raw_media_type, request_media_type
from generator.read.operations import Operation as SpecOperation
from generator.read.values import listed

FORM_MEDIA_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")

Arguments = tuple[tuple[Field, ...], tuple[tuple[str, ...], ...]]
"""The fields a body is passed in, and the groups of them of which exactly one must be given."""


def body(ctx: BuildContext, op: SpecOperation, arguments: Namespace) -> Body | None:
    """The request body of operation ``op``; its arguments are claimed in ``arguments``."""
    request = op.request_body
    if request is None:
        return None
    content_type = request_media_type(m.media_type for m in request.content)
    media = request.media(content_type) if content_type is not None else None
    if media is None:
        return None  # validate warned: unsupported-media-type
    content_type = media.media_type
    body_pointer = request.pointer
    raw_schema = media.schema or {}
    schema_pointer, schema = ctx.target(raw_schema, pointer_join(media.pointer, "schema"))
    location = "form" if content_type in FORM_MEDIA_TYPES else "body"
    schema_name = _component_name(schema_pointer)
    raw = is_raw_media_type(content_type)
    flattened = not raw and ctx.types.kind_of(schema) == "model" and schema_name not in ctx.types.subtypes  # a base with subtypes is their union
    required = request.required
    if raw:
        name = ctx.python_name(arguments, "content", body_pointer, "argument", "the request body")
        passed: Arguments = ((Field(name, "body", PyType("primitive", "UploadContent"), required, "", body_pointer, location="content"),), ())
    elif flattened:
        passed = _flattened(ctx, arguments, schema_pointer, schema, location, required)
    else:
        name = ctx.python_name(arguments, "body", body_pointer, "argument", "the request body")
        passed = ((field(ctx, schema_pointer, "body", raw_schema, required, location, name),), ())
    return Body(
        content_type=content_type,
        required=required,
        description=request.description or text(schema.get("description")),
        schema_name=ctx.names[schema_name][0] if schema_name in ctx.names else "",
        fields=passed[0],
        flattened=flattened,
        exactly_one_of=passed[1],
        pointer=body_pointer,
        part_content_types=part_content_types(media),
        example=None if raw else media_example(ctx, media),
        encodings=form_encodings(media) if location == "form" and content_type != "multipart/form-data" else (),
        content_types=tuple(m.media_type for m in request.content if is_raw_media_type(m.media_type)) if raw else (),
        may_be_object=_json_object(ctx, schema, raw, flattened),
    )


def _json_object(ctx: BuildContext, schema: Any, raw: bool, flattened: bool) -> bool:
    """Whether the body may be a JSON object or a form (see :attr:`Body.may_be_object`)."""
    return not raw and (flattened or _may_be_object(ctx, schema))


def _may_be_object(ctx: BuildContext, schema: Any, depth: int = 0) -> bool:
    """Whether a body of ``schema`` may be a JSON object (so ``extra_body=`` has properties to add to):
    not when every value it allows is an array, a string, a number, a boolean or one of an ``enum``."""
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return True  # ``true``, ``{}``, or too deep to tell: anything
    if literal_values(schema.get("enum")) is not None:
        return False
    types = non_null_types(schema)
    if types:
        return "object" in types
    if any(not _may_be_object(ctx, ctx.types.deref(branch)[1], depth + 1) for branch in listed(schema.get("allOf"))):
        return False
    branches = [ctx.types.deref(branch)[1] for key in ("oneOf", "anyOf") for branch in listed(schema.get(key))]
    return not branches or any(_may_be_object(ctx, branch, depth + 1) for branch in branches)


_MAX_DEPTH = 16


def _component_name(pointer: str) -> str:
    """The component schema ``pointer`` is (``/components/schemas/<name>``), else ""."""
    if not pointer.startswith("/components/schemas/"):
        return ""
    return pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")


def _flattened(ctx: BuildContext, arguments: Namespace, pointer: str, schema: dict[str, Any], location: str, required: bool) -> Arguments:
    """An object body passed as one argument per property (all optional when the body is)."""
    properties, needed = object_shape(ctx, pointer, schema)
    found = fields(ctx, properties, needed, location=location, namespace=arguments)
    if not required:
        found = tuple(replace(f, required=False) for f in found)
    by_wire = {f.wire_name: f.name for f in found}
    return found, tuple(tuple(by_wire[n] for n in group) for group in exactly_one_of(schema))


def form_encodings(media: MediaType) -> tuple[tuple[str, str, bool], ...]:
    """``encoding.<property>`` of a form body: ``(wire name, style, explode)`` where it is not ``form`` + explode.

    ``explode`` defaults to true for ``form`` and false otherwise (OpenAPI's rule, applied by
    the view); a JSON ``contentType`` makes the style ``json`` (the value is sent as JSON text).
    """
    out = []
    for encoding in media.encoding:
        style = "json" if encoding.content_type is not None and is_json_media_type(encoding.content_type) else encoding.style
        if (style, encoding.explode) != ("form", True):
            out.append((encoding.name, style, encoding.explode))
    return tuple(out)


def part_content_types(media: MediaType) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``encoding.<field>.contentType`` of a multipart body: the types each part may have."""
    out = []
    for encoding in sorted(media.encoding, key=lambda e: e.name):
        if encoding.content_type is not None:
            out.append((encoding.name, tuple(t.strip() for t in encoding.content_type.split(",") if t.strip())))
    return tuple(out)
