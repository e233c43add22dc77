"""``$dynamicRef`` (JSON Schema 2020-12) and 2019-09's ``$recursiveRef``, rewritten as a ``$ref`` where they mean one schema.

A ``$dynamicRef: "#node"`` first finds what a ``$ref`` would: the ``$anchor`` or ``$dynamicAnchor``
``node`` of its resource (or a JSON pointer). When that schema declares ``$dynamicAnchor: node``, the
reference means instead the schema declaring it in the outermost resource of the place where it is
used: another resource that declares ``$dynamicAnchor: node`` changes what it means only where it is
used from there, which happens when that resource refers (over any ``$ref``s) into this one. When no
resource does, the reference means one schema wherever it is used, and it is rewritten as a ``$ref``
to it. When one does (a generic schema and its specialisation), no one Python type says what it is:
it is left as written (the value is typed by the schema's other keywords, ``Any`` without them),
with the warning ``dynamic-ref``, as is one that finds nothing or stands beside a ``$ref``.

``$recursiveRef: "#"`` is the same with ``$recursiveAnchor: true``, its first target the root of its
resource: in a document without ``$id``, the component schema that holds it (the document's root is
no schema), read so with the warning ``schema-relative-ref``; in a schema that is a file of its own
(``$ref: tree.yaml``), that file's root.
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import pointer_join
from generator.read.notes import Note
from generator.read.schema_index import DOCUMENT, SchemaIndex, joined, refers_into, resource_of, target
from generator.read.values import exists, follow_pointer

#: Keys that make the root of a file a schema (not a map of them, nor an OpenAPI document).
_SCHEMA_ROOT_KEYS = frozenset({"$recursiveAnchor", "$schema", "type", "properties", "items", "allOf", "anyOf", "oneOf"})
_TYPED_BY_THE_REST = "the value is typed by the schema's other keywords (Any without them)"


def rewrite_dynamic(data: Any, index: SchemaIndex, pointer: str, mapping: dict[str, Any], base: str) -> Note | None:
    """Rewrite the ``$dynamicRef`` (or ``$recursiveRef``) of ``mapping`` (at ``pointer``) as a ``$ref`` when it means
    one schema wherever it is used; else a warning."""
    key = "$dynamicRef" if "$dynamicRef" in mapping else "$recursiveRef"
    ref = mapping[key]
    if key == "$dynamicRef":
        found, problem = _dynamic_target(data, index, ref, base)
    else:
        found, problem = _recursive_target(data, index, ref, base, pointer)
    if found is not None and "$ref" in mapping:
        found, problem = None, "stands beside a $ref, and a schema has one reference only here"
    where = pointer_join(pointer, key)
    if found is None:
        return Note("dynamic-ref", where, f"{key} {ref!r} {problem}; {_TYPED_BY_THE_REST}")
    del mapping[key]
    mapping["$ref"] = "#" + found
    if key == "$recursiveRef" and base == index.document and found:  # "": the root of a file that is a schema
        message = f"$recursiveRef '#' means the root of its resource, here the whole document, which is no schema; it is read as the schema that holds it, {found}"
        return Note("schema-relative-ref", where, message)
    return None


def _dynamic_target(data: Any, index: SchemaIndex, ref: Any, base: str) -> tuple[str | None, str]:
    """``(pointer, "")`` of the one schema a ``$dynamicRef`` means wherever it is used, else ``(None, why not)``."""
    uri_fragment = joined(base, ref)
    if uri_fragment is None:
        return None, "is no URI reference"
    uri, fragment = uri_fragment
    found = target(index, ref, base)
    if found is None and uri == index.document and fragment.startswith("/"):
        found = fragment
    if found is None or not exists(data, found):
        return None, "points at no schema of the document"
    schema = follow_pointer(data, found)
    if isinstance(schema, dict) and schema.get("$dynamicAnchor") == fragment:
        return _unless_specialised(index, found, index.dynamic_anchors.get(fragment, []), f"$dynamicAnchor {fragment!r}")
    return found, ""


def _recursive_target(data: Any, index: SchemaIndex, ref: Any, base: str, pointer: str) -> tuple[str | None, str]:
    """``(pointer, "")`` of the one schema a ``$recursiveRef`` means wherever it is used, else ``(None, why not)``."""
    if ref != "#":
        return None, "is not '#', the only value 2019-09 gives it"
    found = _recursive_root(data, index, base, pointer)
    if found is None:
        return None, "is in no schema of components/schemas, with $id, or that is a file of its own"
    schema = follow_pointer(data, found)
    if isinstance(schema, dict) and schema.get("$recursiveAnchor") is True:
        return _unless_specialised(index, found, index.recursive_anchors, "$recursiveAnchor: true")
    return found, ""


def _recursive_root(data: Any, index: SchemaIndex, base: str, pointer: str) -> str | None:
    """The pointer of the root of the resource of ``pointer``: the schema with ``$id`` ``base``; else its component
    schema; else, in a file of its own that is a schema (``$ref: tree.yaml``), that file's root."""
    if base != index.document:
        found = index.ids.get(base)
        return found if found or index.document != DOCUMENT else None  # an $id on the OpenAPI document: no schema
    found = resource_of(index, pointer)
    if found or index.document == DOCUMENT:
        return found or None
    return "" if isinstance(data, dict) and not _SCHEMA_ROOT_KEYS.isdisjoint(data) else None


def _unless_specialised(index: SchemaIndex, found: str, declared: list[str], anchor: str) -> tuple[str | None, str]:
    """``(found, "")`` unless another resource that declares the same ``anchor`` refers into the resource of ``found``."""
    home = resource_of(index, found)
    if (home, anchor) not in index.users:  # the same for every reference to this resource's anchor
        others = sorted({resource_of(index, at) for at in declared} - {home})
        index.users[home, anchor] = [other for other in others if refers_into(index, other, home)]
    users = index.users[home, anchor]
    if users:
        return None, f"means the schema of {anchor} in the outermost resource where it is used: {found}, or one of {', '.join(users)}, which refer to it"
    return found, ""
