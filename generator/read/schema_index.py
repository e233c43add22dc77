"""What the schemas of a JSON document declare for references (JSON Schema 2020-12): the ``$id`` of each
resource, each ``$anchor`` and ``$dynamicAnchor``, 2019-09's ``$recursiveAnchor``, and the mappings that hold
a ``$ref``, ``$dynamicRef`` or ``$recursiveRef``, with the base URI each is read against.

:mod:`.schema_ids` rewrites references through it and :mod:`.dynamic_refs` follows the dynamic ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urljoin

from generator.diagnostics import pointer_join, pointer_parts
from generator.read.references import holds_names, holds_no_refs

#: The document's own base URI (OpenAPI 3.1 gives none that matters here): what relative ``$id``s resolve against.
DOCUMENT = "https://document.invalid/openapi"
DYNAMIC_KEYS = ("$dynamicRef", "$recursiveRef")


@dataclass
class SchemaIndex:
    document: str  # the URI of the file the data is
    ids: dict[str, str] = field(default_factory=dict)  # absolute URI of an $id -> pointer of its schema
    anchors: dict[tuple[str, str], str] = field(default_factory=dict)  # (resource URI, anchor) -> pointer
    refs: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)  # (pointer, mapping, base URI), in document order
    dynamic_anchors: dict[str, list[str]] = field(default_factory=dict)  # $dynamicAnchor -> pointers of the schemas declaring it
    recursive_anchors: list[str] = field(default_factory=list)  # pointers of the schemas with $recursiveAnchor: true
    dynamic_refs: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)  # mappings with a $dynamicRef or $recursiveRef
    # Worked out on first use, once (the $ids are all known; the $refs are not rewritten after the dynamic pass begins):
    resources: dict[str, str] = field(default_factory=dict, repr=False)  # pointer -> resource_of(pointer)
    edges: dict[str, set[str]] | None = field(default=None, repr=False)  # resource -> the resources its $refs lead into
    reach: dict[str, set[str]] = field(default_factory=dict, repr=False)  # resource -> all it leads into, over any others
    users: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False)  # (resource, anchor) -> others declaring it that refer into it


def index_schemas(data: Any, document: str = DOCUMENT) -> SchemaIndex:
    """The :class:`SchemaIndex` of ``data``, the file at URI ``document`` (``$ref``s inside extensions and literal values left out)."""
    index = SchemaIndex(document)
    stack: list[tuple[str, Any, bool, str]] = [("", data, False, document)]
    while stack:
        pointer, value, names, base = stack.pop()
        if isinstance(value, list):
            stack.extend((pointer_join(pointer, i), child, False, base) for i, child in reversed(list(enumerate(value))) if isinstance(child, (dict, list)))
            continue
        if not names:
            base = _enter(index, pointer, value, base)
        children = [
            (pointer_join(pointer, key), child, holds_names(pointer, str(key), names), base)
            for key, child in value.items()
            if isinstance(child, (dict, list)) and not holds_no_refs(key, child, names)
        ]
        stack.extend(reversed(children))
    return index


def _enter(index: SchemaIndex, pointer: str, schema: dict[str, Any], base: str) -> str:
    """Record what ``schema`` (at ``pointer``) declares; return the base URI of what it holds."""
    own = joined(base, schema.get("$id"))
    if own is not None:
        base = own[0]
        index.ids.setdefault(base, pointer)
    for key in ("$anchor", "$dynamicAnchor"):
        anchor = schema.get(key)
        if isinstance(anchor, str) and anchor:
            index.anchors.setdefault((base, anchor), pointer)
            if key == "$dynamicAnchor":
                index.dynamic_anchors.setdefault(anchor, []).append(pointer)
    if schema.get("$recursiveAnchor") is True:
        index.recursive_anchors.append(pointer)
    if isinstance(schema.get("$ref"), str):
        index.refs.append((pointer, schema, base))
    if any(key in schema for key in DYNAMIC_KEYS):
        index.dynamic_refs.append((pointer, schema, base))
    return base


def joined(base: str, ref: Any) -> tuple[str, str] | None:
    """``(URI, fragment)`` of ``ref`` resolved against ``base``; ``None`` for no text or no URI (``http://[x``)."""
    if not isinstance(ref, str) or not ref:
        return None
    try:
        return urldefrag(urljoin(base, ref))[:2]
    except ValueError:
        return None


def target(index: SchemaIndex, ref: str, base: str) -> str | None:
    """The pointer ``ref`` (found under ``base``) means by an ``$id`` or ``$anchor``; ``None`` when it uses neither."""
    found = joined(base, ref)
    if found is None:
        return None
    uri, fragment = found
    if uri != index.document and uri not in index.ids:
        return None  # another file, or a remote document: the bundler's
    root = "" if uri == index.document else index.ids[uri]
    if not fragment or fragment.startswith("/"):
        return root + fragment if uri != index.document else None
    return index.anchors.get((uri, fragment))


def resource_of(index: SchemaIndex, pointer: str) -> str:
    """The pointer of the resource that holds ``pointer``: the nearest schema with ``$id``, else its component
    schema (each a resource of its own, as a schema written alone), else the document (``""``)."""
    found = index.resources.get(pointer)
    if found is None:
        found = index.resources[pointer] = _resource_of(index, pointer)
    return found


def _resource_of(index: SchemaIndex, pointer: str) -> str:
    holders = [at for at in index.ids.values() if pointer == at or pointer.startswith(at + "/")]
    if holders:
        return max(holders, key=len)
    tokens = pointer_parts(pointer)
    return pointer_join("", *tokens[:3]) if tokens[:2] == ["components", "schemas"] and len(tokens) > 2 else ""


def refers_into(index: SchemaIndex, start: str, goal: str) -> bool:
    """Whether the resource at ``start`` refers (through ``$ref``s, over any resources) into the resource at ``goal``
    (another one). The graph of resources is built on first use (by :mod:`.dynamic_refs`, once the ``$ref``s are
    rewritten), and what each resource reaches kept."""
    if start not in index.reach:
        edges = index.edges if index.edges is not None else _resource_edges(index)
        seen: set[str] = set()
        todo = [start]
        while todo:
            for reached in edges.get(todo.pop(), set()) - seen:
                seen.add(reached)
                todo.append(reached)
        index.reach[start] = seen
    return goal != start and goal in index.reach[start]


def _resource_edges(index: SchemaIndex) -> dict[str, set[str]]:
    """Resource -> the resources its local ``$ref``s point into (kept in ``index.edges``)."""
    edges: dict[str, set[str]] = {}
    for pointer, mapping, _ in index.refs:
        ref = mapping.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            edges.setdefault(resource_of(index, pointer), set()).add(resource_of(index, ref[1:]))
    index.edges = edges
    return edges
