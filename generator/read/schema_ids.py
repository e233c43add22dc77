"""JSON Schema 2020-12 identifiers (OpenAPI 3.1): ``$id``, ``$anchor``, and the ``$ref``s that use them.

A schema with ``$id`` starts a resource: references inside it are relative to its URI, so
``#/$defs/Coord`` there means its own ``$defs``, and other schemas may refer to it by that URI
(``https://example.com/schemas/vertex``, or ``vertex`` relative to another ``$id``). A schema with
``$anchor: point`` can be referred to as ``#point`` from its resource. Before anything else reads
the document, every such reference found in it is rewritten as the plain local pointer it means
(``#/components/schemas/Vertex/$defs/Coord``), so later stages know one kind of reference only.

A ``#/$defs/...`` (or ``#/definitions/...``) reference outside any ``$id`` is relative to the document. When it finds nothing
there but does inside a schema that holds it (``#/$defs/Size`` in a component schema that has
``$defs: {Size: ...}``, as a schema written alone would mean it), it is read that way, with the
warning ``schema-relative-ref``. The other way round, a ``#/components/...`` inside a schema with
``$id`` that finds nothing there is read from the document's root. References that find nothing
stay as written (the checks report them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urljoin

from generator.diagnostics import pointer_join, pointer_parts
from generator.read.bundle import Note
from generator.read.references import holds_names, holds_no_refs
from generator.read.values import follow_pointer

#: References that a schema written alone means relative to itself (read so when the document's root has no such key).
LOCAL_DEFINITIONS = ("#/$defs/", "#/definitions/")
#: Bytes without which a file has nothing for :func:`rewrite_schema_refs` to do (checked first: the walk costs 0.36 s on Stripe's 4 MB).
MARKERS = (b"$id", b"$anchor", b"$dynamicAnchor", *(m.encode() for m in LOCAL_DEFINITIONS))

#: The document's own base URI (OpenAPI 3.1 gives none that matters here): what relative ``$id``s resolve against.
DOCUMENT = "https://document.invalid/openapi"


@dataclass
class _Index:
    ids: dict[str, str] = field(default_factory=dict)  # absolute URI of an $id -> pointer of its schema
    anchors: dict[tuple[str, str], str] = field(default_factory=dict)  # (resource URI, anchor) -> pointer
    refs: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)  # (pointer, mapping, base URI), in document order


def _index(data: Any) -> _Index:
    index = _Index()
    stack: list[tuple[str, Any, bool, str]] = [("", data, False, DOCUMENT)]
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


def _enter(index: _Index, pointer: str, schema: dict[str, Any], base: str) -> str:
    """Record what ``schema`` (at ``pointer``) declares; return the base URI of what it holds."""
    own = _joined(base, schema.get("$id"))
    if own is not None:
        base = own[0]
        index.ids.setdefault(base, pointer)
    for key in ("$anchor", "$dynamicAnchor"):
        anchor = schema.get(key)
        if isinstance(anchor, str) and anchor:
            index.anchors.setdefault((base, anchor), pointer)
    if isinstance(schema.get("$ref"), str):
        index.refs.append((pointer, schema, base))
    return base


def _joined(base: str, ref: Any) -> tuple[str, str] | None:
    """``(URI, fragment)`` of ``ref`` resolved against ``base``; ``None`` for no text or no URI (``http://[x``)."""
    if not isinstance(ref, str) or not ref:
        return None
    try:
        return urldefrag(urljoin(base, ref))[:2]
    except ValueError:
        return None


def _exists(data: Any, pointer: str) -> bool:
    try:
        follow_pointer(data, pointer)
    except KeyError:
        return False
    return True


def _target(index: _Index, ref: str, base: str) -> str | None:
    """The document pointer ``ref`` (found under ``base``) means by an ``$id`` or ``$anchor``; ``None`` when it uses neither."""
    joined = _joined(base, ref)
    if joined is None:
        return None
    uri, fragment = joined
    if uri != DOCUMENT and uri not in index.ids:
        return None  # another file, or a remote document: the bundler's
    root = "" if uri == DOCUMENT else index.ids[uri]
    if not fragment or fragment.startswith("/"):
        return root + fragment if uri != DOCUMENT else None
    return index.anchors.get((uri, fragment))


def _enclosing(data: Any, pointer: str, fragment: str) -> str | None:
    """The nearest schema holding ``pointer`` under which ``fragment`` finds something (the document root aside)."""
    tokens = pointer_parts(pointer)
    for length in range(len(tokens) - 1, 0, -1):
        holder = pointer_join("", *tokens[:length])
        if _exists(data, holder + fragment):
            return holder
    return None


def rewrite_schema_refs(data: dict[str, Any]) -> list[Note]:
    """Rewrite, in ``data``, every ``$ref`` through an ``$id`` or ``$anchor`` as the local pointer it means; the warnings found."""
    index = _index(data)
    notes: list[Note] = []
    for pointer, mapping, base in index.refs:
        ref = mapping["$ref"]
        found = _target(index, ref, base)
        if found is not None and ref.startswith("#/") and not _exists(data, found) and _exists(data, ref[1:]):
            found = None  # '#/components/...' inside a schema with $id: meant from the document's root, as most tools read it
        if found is not None:
            mapping["$ref"] = "#" + found
            continue
        if ref.startswith(LOCAL_DEFINITIONS) and base == DOCUMENT and not _exists(data, ref[1:]):
            holder = _enclosing(data, pointer, ref[1:])
            if holder is not None:
                mapping["$ref"] = "#" + holder + ref[1:]
                message = f"{ref!r} finds nothing from the document's root; it is read as relative to the schema at {holder}, as {mapping['$ref']!r}"
                notes.append(Note("schema-relative-ref", pointer_join(pointer, "$ref"), message))
    return notes
