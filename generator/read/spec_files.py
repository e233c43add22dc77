"""The other files of a multi-file spec, each read, parsed and scanned once per bundling run.

The bundler (:mod:`.bundle`) follows one reference after another; many of them lead into the same
file (``common.yaml#/components/schemas/Pet``, ``pets.yaml#pet``). Everything it needs of a file
is worked out on the first such reference and kept: the file a relative path names from a folder,
its data and YAML node tree (for lines), its ``$id``/``$anchor`` rewrites (:mod:`.schema_ids`), the
anchors of its root resource, and the text of a Markdown or text file. The bytes of every file read
go into ``files`` (for the spec hash), its duplicate keys and rewrite warnings into ``notes``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diagnostics import pointer_parts
from generator.read import schema_ids
from generator.read.notes import Note
from generator.read.parse import node_or_none, parse
from generator.read.yaml_loader import line_in


def duplicate_message(pointer: str) -> str:
    key = pointer_parts(pointer)[-1] if pointer else ""
    return f"the key {key!r} is written more than once in this mapping; the last value is used"


class SpecFiles:
    """The root document and the files read so far, with what was worked out of each."""

    def __init__(self, root: dict[str, Any], root_path: Path, files: dict[Path, bytes], notes: list[Note]) -> None:
        self.root_path = root_path
        self.files = files
        self.notes = notes
        self.documents: dict[Path, Any] = {root_path: root}
        self.nodes: dict[Path, Any] = {}
        self._paths: dict[tuple[Path, str], Path] = {}  # (folder, path written in a $ref) -> the file
        self._anchors: dict[Path, dict[str, str]] = {}  # file -> the anchors of its root resource
        self._texts: dict[Path, str | None] = {}  # Markdown or text file -> its text (None: unreadable)

    def path(self, base: Path, file_part: str) -> Path:
        """The file that ``file_part`` (written in a ``$ref`` in file ``base``) names."""
        key = (base.parent, file_part)
        if key not in self._paths:
            self._paths[key] = (base.parent / file_part).resolve()
        return self._paths[key]

    def document(self, path: Path) -> Any:
        """The data of the file at ``path``, its ``$id``s and anchors rewritten (:class:`~.parse.ParseError`, ``OSError``,
        ``ValueError`` when it cannot be read)."""
        if path not in self.documents:
            raw = path.read_bytes()
            self.files[path] = raw
            parsed = parse(raw, path)
            self.nodes[path] = parsed.node if parsed.node is not None else node_or_none(raw)
            self.documents[path] = parsed.data
            for pointer, line in parsed.duplicates:
                self.notes.append(Note("duplicate-key", pointer, duplicate_message(pointer), path, line))
            if isinstance(parsed.data, dict) and any(marker in raw for marker in schema_ids.MARKERS):  # $ids and anchors of this file
                notes = schema_ids.rewrite_schema_refs(parsed.data, path.as_uri())
                self.notes += [Note(n.code, n.pointer, n.message, path, line_in(self.nodes[path], n.pointer)) for n in notes]
        return self.documents[path]

    def anchor(self, path: Path, name: str) -> str:
        """The pointer of the anchor ``name`` of the root resource of the file at ``path`` (read already); ``name``
        as it is when the file declares no such anchor."""
        if path not in self._anchors:
            self._anchors[path] = schema_ids.root_anchors(self.documents[path], path.as_uri())
        return self._anchors[path].get(name, name)

    def text(self, path: Path) -> str | None:
        """The text of the Markdown or text file at ``path``; ``None`` when it cannot be read as UTF-8."""
        if path not in self._texts:
            self._texts[path] = self._read_text(path)
        return self._texts[path]

    def _read_text(self, path: Path) -> str | None:
        try:
            raw = path.read_bytes()
            self.files[path] = raw
            return raw.decode("utf-8-sig")
        except (OSError, ValueError):
            return None
