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

A ``$dynamicRef: "#node"`` means the schema of ``$dynamicAnchor: node`` in the outermost resource
where the reference is used that declares one: when a single schema of the document declares it (or
the reference finds a plain ``$anchor``, or a JSON pointer), that is the schema wherever it is used,
and the ``$dynamicRef`` is rewritten as a ``$ref`` to it. When several declare it (a generic schema and
its specialisations), what it means depends on the place of use, which one Python type cannot say:
it is left as written, so the value is typed by the schema's other keywords (``Any`` without them),
with the warning ``dynamic-ref``, as is one that finds nothing and 2019-09's ``$recursiveRef``.

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
from generator.read.notes import Note
from generator.read.references import holds_names, holds_no_refs
from generator.read.values import follow_pointer

#: References that a schema written alone means relative to itself (read so when the document's root has no such key).
LOCAL_DEFINITIONS = ("#/$defs/", "#/definitions/")
#: Bytes without which a file has nothing for :func:`rewrite_schema_refs` to do (checked first: the walk costs 0.36 s on Stripe's 4 MB).
MARKERS = (b"$id", b"$anchor", b"$dynamicAnchor", b"$dynamicRef", b"$recursiveRef", *(m.encode() for m in LOCAL_DEFINITIONS))

#: The document's own base URI (OpenAPI 3.1 gives none that matters here): what relative ``$id``s resolve against.
DOCUMENT = "https://document.invalid/openapi"
_DYNAMIC_KEYS = ("$dynamicRef", "$recursiveRef")
_TYPED_BY_THE_REST = "the value is typed by the schema's other keywords (Any without them)"


@dataclass
class _Index:
    document: str  # the URI of the file the data is
    ids: dict[str, str] = field(default_factory=dict)  # absolute URI of an $id -> pointer of its schema
    anchors: dict[tuple[str, str], str] = field(default_factory=dict)  # (resource URI, anchor) -> pointer
    refs: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)  # (pointer, mapping, base URI), in document order
    dynamic_anchors: dict[str, list[str]] = field(default_factory=dict)  # $dynamicAnchor -> pointers of the schemas declaring it
    dynamic_refs: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)  # mappings with a $dynamicRef or $recursiveRef


def _index(data: Any, document: str = DOCUMENT) -> _Index:
    index = _Index(document)
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
            if key == "$dynamicAnchor":
                index.dynamic_anchors.setdefault(anchor, []).append(pointer)
    if isinstance(schema.get("$ref"), str):
        index.refs.append((pointer, schema, base))
    if any(key in schema for key in _DYNAMIC_KEYS):
        index.dynamic_refs.append((pointer, schema, base))
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
    """The pointer ``ref`` (found under ``base``) means by an ``$id`` or ``$anchor``; ``None`` when it uses neither."""
    joined = _joined(base, ref)
    if joined is None:
        return None
    uri, fragment = joined
    if uri != index.document and uri not in index.ids:
        return None  # another file, or a remote document: the bundler's
    root = "" if uri == index.document else index.ids[uri]
    if not fragment or fragment.startswith("/"):
        return root + fragment if uri != index.document else None
    return index.anchors.get((uri, fragment))


def _enclosing(data: Any, pointer: str, fragment: str) -> str | None:
    """The nearest schema holding ``pointer`` under which ``fragment`` finds something (the document root aside)."""
    tokens = pointer_parts(pointer)
    for length in range(len(tokens) - 1, 0, -1):
        holder = pointer_join("", *tokens[:length])
        if _exists(data, holder + fragment):
            return holder
    return None


def rewrite_schema_refs(data: dict[str, Any], document: str = DOCUMENT) -> list[Note]:
    """Rewrite, in ``data`` (the file at URI ``document``), every ``$ref`` through an ``$id`` or ``$anchor``, and
    every ``$dynamicRef`` that means one schema, as the local pointer it means; the warnings found."""
    index = _index(data, document)
    notes = [note for pointer, mapping, base in index.refs if (note := _rewrite(data, index, pointer, mapping, base)) is not None]
    notes += [note for pointer, mapping, base in index.dynamic_refs if (note := _rewrite_dynamic(data, index, pointer, mapping, base)) is not None]
    return notes


def _rewrite(data: Any, index: _Index, pointer: str, mapping: dict[str, Any], base: str) -> Note | None:
    """Rewrite the ``$ref`` of ``mapping`` (at ``pointer``) as the local pointer it means, when it means one."""
    ref = mapping["$ref"]
    found = _target(index, ref, base)
    if found is not None and ref.startswith("#/") and not _exists(data, found) and _exists(data, ref[1:]):
        found = None  # '#/components/...' inside a schema with $id: meant from the document's root, as most tools read it
    if found is not None:
        mapping["$ref"] = "#" + found
        return None
    if ref.startswith(LOCAL_DEFINITIONS) and base == index.document and not _exists(data, ref[1:]):
        holder = _enclosing(data, pointer, ref[1:])
        if holder is not None:
            mapping["$ref"] = "#" + holder + ref[1:]
            message = f"{ref!r} finds nothing from the document's root; it is read as relative to the schema at {holder}, as {mapping['$ref']!r}"
            return Note("schema-relative-ref", pointer_join(pointer, "$ref"), message)
    return None


def _rewrite_dynamic(data: Any, index: _Index, pointer: str, mapping: dict[str, Any], base: str) -> Note | None:
    """Rewrite the ``$dynamicRef`` of ``mapping`` as a ``$ref`` when it means one schema wherever it is used; else a warning."""
    if "$dynamicRef" not in mapping:
        ref = mapping["$recursiveRef"]
        return Note("dynamic-ref", pointer_join(pointer, "$recursiveRef"), f"$recursiveRef {ref!r} (JSON Schema 2019-09) is not followed; {_TYPED_BY_THE_REST}")
    ref = mapping["$dynamicRef"]
    found, problem = _dynamic_target(data, index, ref, base)
    if found is not None and "$ref" in mapping:
        found, problem = None, "stands beside a $ref, and a schema has one reference only here"
    if found is None:
        return Note("dynamic-ref", pointer_join(pointer, "$dynamicRef"), f"$dynamicRef {ref!r} {problem}; {_TYPED_BY_THE_REST}")
    del mapping["$dynamicRef"]
    mapping["$ref"] = "#" + found
    return None


def _dynamic_target(data: Any, index: _Index, ref: Any, base: str) -> tuple[str | None, str]:
    """``(pointer, "")`` of the one schema ``ref`` means wherever it is used, else ``(None, why not)``."""
    joined = _joined(base, ref)
    if joined is None:
        return None, "is no URI reference"
    uri, fragment = joined
    found = _target(index, ref, base)
    if found is None and uri == index.document and fragment.startswith("/"):
        found = fragment
    if found is None or not _exists(data, found):
        return None, "points at no schema of the document"
    declared = index.dynamic_anchors.get(fragment, [])
    target = follow_pointer(data, found)
    if len(declared) > 1 and isinstance(target, dict) and target.get("$dynamicAnchor") == fragment:
        return None, f"means one of the {len(declared)} schemas declaring $dynamicAnchor {fragment!r} ({', '.join(declared)}) by where it is used"
    return found, ""


def root_anchors(data: Any, document: str) -> dict[str, str]:
    """Anchor -> pointer of the anchors of the resource the file at URI ``document`` is (``pet.yaml#pet``)."""
    index = _index(data, document)
    root = next((uri for uri, at in index.ids.items() if at == ""), document)
    return {name: at for (uri, name), at in index.anchors.items() if uri == root}


def rewrite_refs_by_id(data: dict[str, Any], pointers: set[str]) -> set[str]:
    """Rewrite each ``$ref`` at ``pointers`` (that the bundler could not follow: a URL, or a name relative to an ``$id``
    that is no file) that means an ``$id`` the document holds (a schema copied in from another file) as the local
    pointer it means; the pointers rewritten."""
    index = _index(data)
    done: set[str] = set()
    for pointer, mapping, base in index.refs:
        at = pointer_join(pointer, "$ref")
        found = _target(index, mapping["$ref"], base) if at in pointers else None
        if found is not None and _exists(data, found):
            mapping["$ref"] = "#" + found
            done.add(at)
    return done
