"""Example values of request and response bodies: the spec's own, else one composed from the
examples of a schema's items and properties."""

from __future__ import annotations

from typing import Any

from generator.build.context import BuildContext
from generator.build.schema_shapes import properties_of
from generator.build.spec_values import value
from generator.diagnostics import pointer_join
from generator.ir import Value
from generator.read.media_types import MediaType

#: How deep an example is composed (items of properties of items...).
MAX_DEPTH = 8


def media_example(ctx: BuildContext, media: MediaType) -> Value | None:
    """The example of one media type: ``example``, the first of ``examples``, or its schema's."""
    if media.example is not None:
        return value(media.example)
    if media.examples:
        return value(media.examples[0])
    found = example_of(ctx, pointer_join(media.pointer, "schema"), media.schema)
    return value(found) if found is not None else None


def example_of(ctx: BuildContext, pointer: str, schema: Any, depth: int = 0) -> Any:
    """An example of ``schema``: its own (or its target's) ``example``, else one composed
    from the examples of its array items or properties; ``None`` when there is none.

    File parts (``contentMediaType`` or ``format: binary``) have no JSON example and are left out.
    """
    if depth > MAX_DEPTH or not isinstance(schema, dict):
        return None
    if "example" in schema:
        return schema["example"]
    at, target = ctx.document.deref_or(pointer, schema)
    if not isinstance(target, dict):
        return None
    key = (at, depth)  # a schema many others refer to is composed once per depth (the result depends on nothing else)
    if key not in ctx.examples:
        ctx.examples[key] = _composed(ctx, at, target, depth)
    return ctx.examples[key]


def _composed(ctx: BuildContext, at: str, target: dict[str, Any], depth: int) -> Any:
    if "example" in target:
        return target["example"]
    if "contentMediaType" in target or target.get("format") == "binary":
        return None
    if target.get("type") == "array" or "items" in target:
        item = example_of(ctx, pointer_join(at, "items"), target.get("items"), depth + 1)
        return [item] if item is not None else None
    if not isinstance(target.get("properties"), dict):
        return None
    out = {}
    for name, prop in properties_of(target).items():
        example = example_of(ctx, pointer_join(at, "properties", name), prop, depth + 1)
        if example is not None:
            out[name] = example
    return out or None
