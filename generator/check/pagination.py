"""The rules of ``x-pagination`` (see :mod:`generator.read.extensions`): its style, the query
parameters and response properties each style names, the list and its items. What cannot be
generated as written is an ``invalid-extension`` error at the key's JSON pointer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.check.extension_values import invalid, is_number
from generator.diagnostics import Diagnostic, pointer_join
from generator.read.document import Document
from generator.read.extensions import PAGINATION_DEFAULTS, PAGINATION_POSITION, PAGINATION_STYLES, deref, properties, success_schema
from generator.read.operations import Operation


def check_pagination(document: Document, op: Operation) -> Iterator[Diagnostic]:
    """Every problem of one operation's ``x-pagination``."""
    at = pointer_join(op.pointer, "x-pagination")
    paging = op.extensions["x-pagination"]
    if not isinstance(paging, dict):
        yield invalid(document, at, "x-pagination must be a mapping")
        return
    settings = {**PAGINATION_DEFAULTS, **paging}
    style = settings["style"]
    if style not in PAGINATION_STYLES:
        yield invalid(document, pointer_join(at, "style"), f"style {style!r} is not one of {', '.join(PAGINATION_STYLES)}")
        return
    keys = PAGINATION_STYLES[style]
    for key in keys["required"]:
        if key not in paging:
            yield invalid(document, at, f"style {style!r} needs {key}")
    yield from _check_parameters(document, at, style, paging, op)
    if not is_number(settings["firstPage"], 0, integer=True):
        yield invalid(document, pointer_join(at, "firstPage"), "firstPage must be an integer, 0 or more")
    if not is_number(settings["defaultPageSize"], 1, integer=True):
        yield invalid(document, pointer_join(at, "defaultPageSize"), "defaultPageSize must be an integer, 1 or more")
    schema_at, schema = success_schema(document, op)
    for key in keys["properties"]:
        if key in paging and property_at(document, schema_at, schema, paging[key]) is None:
            yield invalid(document, pointer_join(at, key), f"{key} {paging[key]!r} is not a property of the response{_path_hint(paging[key])}")
    yield from _check_items(document, at, paging, schema_at, schema)


def _path_hint(name: Any) -> str:
    return " (a dotted path names a property of an object property, each step declared in the response schema)" if isinstance(name, str) and "." in name else ""


def property_at(document: Document, pointer: str, schema: Any, name: Any) -> tuple[str, Any] | None:
    """The (pointer, dereferenced schema) of the response property ``name`` names, or ``None``: a
    property of that name, else a dotted path (``meta.next_cursor``) through object properties."""
    if not isinstance(name, str) or not name:
        return None
    props = properties(schema)
    if name in props:
        return deref(document, pointer_join(pointer, "properties", name), props[name])
    head, dot, rest = name.partition(".")
    if not dot or head not in props:
        return None
    inner_at, inner = deref(document, pointer_join(pointer, "properties", head), props[head])
    return property_at(document, inner_at, inner, rest)


def _check_parameters(document: Document, at: str, style: str, paging: dict[str, Any], op: Operation) -> Iterator[Diagnostic]:
    """The parameters the style names are query parameters; a cursor one is optional (the first page has none)."""
    for key in PAGINATION_STYLES[style]["parameters"]:
        if key not in paging:
            continue
        param = op.parameter("query", paging[key])
        if param is None:
            yield invalid(document, pointer_join(at, key), f"{key} must name a query parameter of the operation")
        elif key == PAGINATION_POSITION.get(style) and style.startswith("cursor") and param.required:
            yield invalid(document, pointer_join(at, key), f"{key} {paging[key]!r} must be optional: the first page is asked for without a cursor")


def _check_items(document: Document, at: str, paging: dict[str, Any], schema_at: str, schema: Any) -> Iterator[Diagnostic]:
    """The list is an array (the response, or its ``items`` property); ``itemKey`` a property of its items."""
    items_name = paging.get("items")
    if items_name is not None:
        found = property_at(document, schema_at, schema, items_name)
        if found is None:
            yield invalid(document, pointer_join(at, "items"), f"items {items_name!r} is not a property of the response{_path_hint(items_name)}")
            return
        schema_at, schema = found
    if not (isinstance(schema, dict) and schema.get("type") == "array" and isinstance(schema.get("items"), dict)):
        yield invalid(document, at, "the list must be an array of items: the response itself, or the property named by items")
        return
    key = paging.get("itemKey")
    if key is not None and key not in properties(deref(document, schema_at, schema["items"])[1]):
        yield invalid(document, pointer_join(at, "itemKey"), f"itemKey {key!r} is not a property of the items")
