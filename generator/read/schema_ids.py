"""JSON Schema 2020-12 identifiers (OpenAPI 3.1): ``$id``, ``$anchor``, ``$dynamicAnchor``, and the ``$ref``s
and ``$dynamicRef``s that use them.

A schema with ``$id`` starts a resource: references inside it are relative to its URI, so
``#/$defs/Coord`` there means its own ``$defs``, and other schemas may refer to it by that URI
(``https://example.com/schemas/vertex``, or ``vertex`` relative to another ``$id``). A schema with
``$anchor: point`` can be referred to as ``#point`` from its resource. Before anything else reads
the document, every such reference found in it is rewritten as the plain local pointer it means
(``#/components/schemas/Vertex/$defs/Coord``), so later stages know one kind of reference only.
The bundler does the same in each other file it reads (:func:`rewrite_schema_refs` with that file's
URI), finds ``pet.yaml#pet`` by the file's anchors (:func:`root_anchors`), and after bundling the
references by an absolute ``$id`` URI that it left as remote ones are looked for among the schemas
copied in from other files (:func:`rewrite_refs_by_id`), as are the names relative to an ``$id``
(``pet`` under ``https://example.com/schemas/owner``) that are no file.

``$dynamicRef`` and 2019-09's ``$recursiveRef`` that mean one schema wherever they are used are
rewritten as ``$ref``s to it (:mod:`.dynamic_refs`); the others are left with the warning ``dynamic-ref``.

A ``#/$defs/...`` (or ``#/definitions/...``) reference outside any ``$id`` is relative to the document. When it finds nothing
there but does inside a schema that holds it (``#/$defs/Size`` in a component schema that has
``$defs: {Size: ...}``, as a schema written alone would mean it), it is read that way, with the
warning ``schema-relative-ref``. The other way round, a ``#/components/...`` inside a schema with
``$id`` that finds nothing there is read from the document's root. References that find nothing
stay as written (the checks report them).
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import pointer_join, pointer_parts
from generator.read.dynamic_refs import rewrite_dynamic
from generator.read.notes import Note
from generator.read.schema_index import DOCUMENT, SchemaIndex, index_schemas, target
from generator.read.values import exists

#: References that a schema written alone means relative to itself (read so when the document's root has no such key).
LOCAL_DEFINITIONS = ("#/$defs/", "#/definitions/")
#: Bytes without which a file has nothing for :func:`rewrite_schema_refs` to do (checked first: the walk costs 0.36 s on Stripe's 4 MB).
MARKERS = (b"$id", b"$anchor", b"$dynamicAnchor", b"$dynamicRef", b"$recursiveRef", *(m.encode() for m in LOCAL_DEFINITIONS))


def _enclosing(data: Any, pointer: str, fragment: str) -> str | None:
    """The nearest schema holding ``pointer`` under which ``fragment`` finds something (the document root aside)."""
    tokens = pointer_parts(pointer)
    for length in range(len(tokens) - 1, 0, -1):
        holder = pointer_join("", *tokens[:length])
        if exists(data, holder + fragment):
            return holder
    return None


def rewrite_schema_refs(data: dict[str, Any], document: str = DOCUMENT) -> list[Note]:
    """Rewrite, in ``data`` (the file at URI ``document``), every ``$ref`` through an ``$id`` or ``$anchor``, and
    every ``$dynamicRef`` that means one schema, as the local pointer it means; the warnings found."""
    index = index_schemas(data, document)
    notes = [note for pointer, mapping, base in index.refs if (note := _rewrite(data, index, pointer, mapping, base)) is not None]
    notes += [note for pointer, mapping, base in index.dynamic_refs if (note := rewrite_dynamic(data, index, pointer, mapping, base)) is not None]
    return notes


def _rewrite(data: Any, index: SchemaIndex, pointer: str, mapping: dict[str, Any], base: str) -> Note | None:
    """Rewrite the ``$ref`` of ``mapping`` (at ``pointer``) as the local pointer it means, when it means one."""
    ref = mapping["$ref"]
    found = target(index, ref, base)
    if found is not None and ref.startswith("#/") and not exists(data, found) and exists(data, ref[1:]):
        found = None  # '#/components/...' inside a schema with $id: meant from the document's root, as most tools read it
    if found is not None:
        mapping["$ref"] = "#" + found
        return None
    if ref.startswith(LOCAL_DEFINITIONS) and base == index.document and not exists(data, ref[1:]):
        holder = _enclosing(data, pointer, ref[1:])
        if holder is not None:
            mapping["$ref"] = "#" + holder + ref[1:]
            message = f"{ref!r} finds nothing from the document's root; it is read as relative to the schema at {holder}, as {mapping['$ref']!r}"
            return Note("schema-relative-ref", pointer_join(pointer, "$ref"), message)
    return None


def root_anchors(data: Any, document: str) -> dict[str, str]:
    """Anchor -> pointer of the anchors of the resource the file at URI ``document`` is (``pet.yaml#pet``)."""
    index = index_schemas(data, document)
    root = next((uri for uri, at in index.ids.items() if at == ""), document)
    return {name: at for (uri, name), at in index.anchors.items() if uri == root}


def rewrite_refs_by_id(data: dict[str, Any], pointers: set[str]) -> set[str]:
    """Rewrite each ``$ref`` at ``pointers`` (that the bundler could not follow: a URL, or a name relative to an ``$id``
    that is no file) that means an ``$id`` the document holds (a schema copied in from another file) as the local
    pointer it means; the pointers rewritten."""
    index = index_schemas(data)
    done: set[str] = set()
    for pointer, mapping, base in index.refs:
        at = pointer_join(pointer, "$ref")
        found = target(index, mapping["$ref"], base) if at in pointers else None
        if found is not None and exists(data, found):
            mapping["$ref"] = "#" + found
            done.add(at)
    return done
