"""Stage 1: read the spec file into a :class:`Document`.

YAML (or JSON, which is YAML) is parsed once with PyYAML's safe loader (the C loader when
present). The node tree is kept so that any JSON pointer can be mapped back to a line of
the file for diagnostics. References to other files are followed once, at load time, by
:mod:`generator.read.bundle` (which copies their targets into the document); after that only
local references (``#/...``) remain, resolved by :meth:`Document.resolve`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from generator.read.bundle import bundle
from generator.cache import Cache, digest, file_hashes, fingerprint
from generator.diagnostics import CODES, Diagnostic, SpecError
from generator.read.description_edits import last_key, patched, text_lines
from generator.read.document import Document, SpecLoader, display_path, lines_key


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
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _spec_error("spec-not-readable", f"cannot read the spec: {exc.strerror or exc}", shown) from None
    root_sha = hashlib.sha256(raw).hexdigest()
    key = digest("spec", fingerprint(), path.resolve(), root_sha) if cache is not None else ""
    if cache is not None:
        found = _cached(cache, key, path, raw) or patched(cache, path, raw, key)
        if found is not None:
            return found
    node, data, edit_lines = _parse(raw, shown, with_text_lines=cache is not None)
    followed = bundle(data, path, SpecLoader)
    sha = root_sha
    if followed.digest:  # the spec is several files: any of them changes the hash
        sha = hashlib.sha256((sha + followed.digest).encode()).hexdigest()
    files = ((str(path.resolve()), root_sha), *((str(p), hashlib.sha256(b).hexdigest()) for p, b in sorted(followed.files.items())))
    document = Document(
        data=data,
        path=path,
        sha256=sha,
        root_node=node,
        ref_problems=tuple(followed.problems),
        origins=tuple(sorted(followed.origins.items())),
        source=raw,
        files=files,
        lines_entry=(cache, lines_key(files)) if cache is not None else None,
    )
    # Only a spec of one file is kept: the node trees of other files (for the lines of what was copied
    # from them) are not; and a file that could not be read may appear later.
    if cache is not None and len(files) == 1 and not followed.problems:
        cache.write_value("spec", key, (data, sha, files))
        cache.write_value("spec-last", last_key(path), (raw, key, edit_lines))
    return document


def _parse(raw: bytes, shown: str, *, with_text_lines: bool) -> tuple[Any, dict[str, Any], dict[int, tuple[str, ...]]]:
    """The node tree, the data and (``with_text_lines``) the one-line texts of ``raw``; a
    :class:`SpecError` when it is not YAML or not a mapping."""
    loader = SpecLoader(raw)
    try:
        node = loader.get_single_node()
        edit_lines = text_lines(node) if with_text_lines else {}  # before construction, which flattens merge keys
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _spec_error("yaml-syntax", f"the file is not valid YAML: {problem}", shown, None if mark is None else mark.line + 1) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise _spec_error("spec-not-a-mapping", f"the document is a {type(data).__name__}, not a mapping", shown, 1)
    return node, data, edit_lines
