"""Stage 1: read the spec file into a :class:`Document`.

JSON is parsed with ``json``, YAML once with PyYAML's safe loader (the C loader when present), as
OpenAPI means it (:mod:`.parse`, :mod:`.yaml_loader`). The node tree is kept so that any JSON pointer
can be mapped back to a line of the file for diagnostics. A Swagger 2.0 document is converted to
OpenAPI 3.0 first (:mod:`.swagger`), its component names kept (:mod:`.swagger_names`). References to other files are followed once, at load time, by
:mod:`generator.read.bundle` (which copies their targets into the document); after that only
local references (``#/...``) remain, resolved by :meth:`Document.resolve`.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from generator.cache import Cache, digest, file_hashes, fingerprint
from generator.diagnostics import CODES, Diagnostic, SpecError
from generator.read import swagger, swagger_names
from generator.read.bundle import Bundle, Origin, bundle
from generator.read.description_edits import last_key, patched, text_lines
from generator.read.document import Document, display_path, lines_key
from generator.read.notes import Note
from generator.read.parse import ParseError, Parsed, node_or_none, parse
from generator.read.percent_refs import decode_refs, may_have_encoded_refs
from generator.read.schema_ids import MARKERS, rewrite_schema_refs
from generator.read.spec_files import duplicate_message
from generator.read.yaml_loader import line_in


def _spec_error(code: str, message: str, shown: str, line: int | None = None) -> SpecError:
    return SpecError([Diagnostic(code, "error", "", message, CODES[code][1], file=shown, line=line)])


def _cached(cache: Cache, key: str, path: Path, raw: bytes) -> Document | None:
    """The document stored under ``key``, when every file its ``$ref``s read still has the bytes it had."""
    entry = cache.read_value("spec", key)
    if not isinstance(entry, tuple) or len(entry) != 3:
        return None
    data, sha, files = entry
    if not isinstance(data, dict) or not isinstance(sha, str) or not isinstance(files, tuple) or not all(isinstance(f, tuple) and len(f) == 2 for f in files):
        return None
    if file_hashes(Path(name) for name, _ in files[1:]) != dict(files[1:]):
        return None
    return Document(data=data, path=path, sha256=sha, root_node=None, source=raw, files=files, lines_entry=(cache, lines_key(files)))


def load(path: str | Path, cache: Cache | None = None) -> Document:
    """Read and parse ``path``; raise :class:`SpecError` when it cannot be read as a mapping.

    With a ``cache``, a document parsed before from the same bytes (and the same referenced
    files) is taken from it; its node tree is then composed only when a line is asked for.
    """
    path = Path(path)
    shown = display_path(path)
    raw = _read(path, shown)
    root_sha = hashlib.sha256(raw).hexdigest()
    key = digest("spec", fingerprint(), path.resolve(), root_sha) if cache is not None else ""
    if cache is not None:
        found = _cached(cache, key, path, raw) or patched(cache, path, raw, key)
        if found is not None:
            return found
    edit_lines: dict[int, tuple[str, ...]] = {}
    parsed = _parse(raw, path, shown, edit_lines if cache is not None else None)
    notes = [Note("duplicate-key", pointer, duplicate_message(pointer), path, line) for pointer, line in parsed.duplicates]
    places: tuple[tuple[str, Origin], ...] = ()
    if swagger.is_swagger(parsed.data):
        parsed, places = _converted(parsed, raw, path, shown)
        cache = None  # the converter reads the files the document names itself: which ones is not known here
    if any(marker in raw for marker in MARKERS):
        notes += rewrite_schema_refs(parsed.data)  # before bundling: a reference by $id is not to another file
    followed = bundle(parsed.data, path)
    if any(may_have_encoded_refs(text) for text in (raw, *followed.files.values())):
        decode_refs(parsed.data)  # after bundling: the files copied in may hold them too
    document = _document(path, raw, root_sha, parsed, followed, places, cache)
    document = replace(document, notes=tuple(_diagnostic(document, note) for note in [*notes, *followed.notes]))
    # Only a spec of one file is kept: the node trees of other files (for the lines of what was copied
    # from them) are not; and a file that could not be read may appear later.
    if cache is not None and len(document.files) == 1 and not followed.problems and not document.notes:
        cache.write_value("spec", key, (document.data, document.sha256, document.files))
        cache.write_value("spec-last", last_key(path), (raw, key, edit_lines))
    return document


def _read(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _spec_error("spec-not-readable", f"cannot read the spec: {exc.strerror or exc}", shown) from None


def _converted(parsed: Parsed, raw: bytes, path: Path, shown: str) -> tuple[Parsed, tuple[tuple[str, Origin], ...]]:
    """The Swagger 2.0 document ``parsed`` converted to OpenAPI 3.0, its component names kept, with the
    places of the 2.0 file that diagnostics on the converted document point back to."""
    node = parsed.node or node_or_none(raw)
    places = tuple((at, Origin(path, there, node)) for at, there in swagger.PLACES_IN_SWAGGER)
    renamed = swagger_names.placeholders(parsed.data, path.parent)
    converted = swagger.convert(path, shown, line_in(node, "/swagger"), renamed.data if renamed else None)
    data = _parse(converted, path.with_suffix(".json"), shown, None).data
    return Parsed(swagger_names.restored(data, renamed.names) if renamed else data, node), places


def _document(path: Path, raw: bytes, root_sha: str, parsed: Parsed, followed: Bundle, places: tuple[tuple[str, Origin], ...], cache: Cache | None) -> Document:
    sha = root_sha
    if followed.digest:  # the spec is several files: any of them changes the hash
        sha = hashlib.sha256((sha + followed.digest).encode()).hexdigest()
    files = ((str(path.resolve()), root_sha), *((str(p), hashlib.sha256(b).hexdigest()) for p, b in sorted(followed.files.items())))
    return Document(
        data=parsed.data,
        path=path,
        sha256=sha,
        root_node=parsed.node,
        ref_problems=tuple(followed.problems),
        origins=(*sorted(followed.origins.items()), *places),
        source=raw,
        files=files,
        lines_entry=(cache, lines_key(files)) if cache is not None else None,
    )


def _diagnostic(document: Document, note: Note) -> Diagnostic:
    """A note of the read stage as a warning: located through the document (root pointers), or in its own file."""
    hint = CODES[note.code][1]
    if note.path is None:
        return document.diagnostic(note.code, "warning", note.pointer, note.message, hint)
    return Diagnostic(note.code, "warning", note.pointer, note.message, hint, file=display_path(note.path), line=note.line)


def _parse(raw: bytes, path: Path, shown: str, edit_lines: dict[int, tuple[str, ...]] | None) -> Parsed:
    """The parsed file (with ``edit_lines``, the one-line texts of a YAML file are put in it); a
    :class:`SpecError` when it is neither JSON nor YAML, or not a mapping."""
    try:
        parsed = parse(raw, path, composed=None if edit_lines is None else lambda node: edit_lines.update(text_lines(node)))
    except ParseError as exc:
        raise _spec_error("yaml-syntax", exc.message, shown, exc.line) from None
    if not isinstance(parsed.data, dict):
        raise _spec_error("spec-not-a-mapping", f"the document is a {type(parsed.data).__name__}, not a mapping", shown, 1)
    return parsed
