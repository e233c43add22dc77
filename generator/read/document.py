"""The parsed spec: :class:`Document` (its data, files and hashes, a pointer -> line map for
diagnostics, local ``$ref`` resolution); the YAML loader every file is parsed with is :mod:`.yaml_loader`'s."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.cache import Cache, digest, fingerprint
from generator.diagnostics import Diagnostic
from generator.read.bundle import BundleProblem, Origin
from generator.read.yaml_loader import SpecLoader, compose, line_in
from generator.read.operations import Operation, Webhook, read_operations, read_webhooks
from generator.read.values import follow_pointer

__all__ = ["Document", "SpecLoader", "UnresolvedRef", "display_path", "lines_key"]


class UnresolvedRef(KeyError):
    """A ``$ref`` that does not point into the document."""


@dataclass(frozen=True)
class Document:
    """A parsed spec: its data, where it came from, and a map back to its lines."""

    data: dict[str, Any]
    path: Path
    sha256: str
    root_node: Any
    ref_problems: tuple[BundleProblem, ...] = ()  # references to other files that could not be followed
    origins: tuple[tuple[str, Origin], ...] = ()  # pointer of a copy from another file -> where it came from
    source: bytes | None = None  # the root file's bytes, composed again when a line is asked for and root_node is None
    files: tuple[tuple[str, str], ...] = ()  # (path, sha256) of every file read: the root file, then what its $refs read
    lines_entry: tuple[Cache, str] | None = None  # where the lines found for pointers are kept between runs
    notes: tuple[Diagnostic, ...] = ()  # warnings found while reading (keys written twice, references left out)
    #: A one-line text edit of the last parse (:mod:`.description_edits`): that parse's ``files``, and the keys to the text.
    text_edit_of: tuple[tuple[tuple[str, str], ...], tuple[str, ...]] | None = None
    _lines: dict[str, int | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    _lines_known: int = field(default=0, init=False, repr=False, compare=False)
    _resolved: dict[str, tuple[str, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _operations: tuple[Operation, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _webhooks: tuple[Webhook, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lines = None
        if self.lines_entry is not None:
            lines = self.lines_entry[0].read_value("lines", self.lines_entry[1])
        object.__setattr__(self, "_lines", lines if isinstance(lines, dict) else {})
        object.__setattr__(self, "_lines_known", len(self._lines))

    def keep_lines(self) -> None:
        """Store the lines found so far (with a cache), so a run on the same file need not compose it again."""
        if self.lines_entry is not None and len(self._lines) > self._lines_known:
            self.lines_entry[0].write_value("lines", self.lines_entry[1], self._lines)
            object.__setattr__(self, "_lines_known", len(self._lines))

    def _node(self) -> Any:
        if self.root_node is None and self.source is not None:
            try:
                object.__setattr__(self, "root_node", compose(self.source))
            except yaml.YAMLError:
                object.__setattr__(self, "source", None)
        return self.root_node

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line of the deepest element on ``pointer`` that exists in the file.

        A mapping entry is on the line of its key (``get:``), not of its value, which in
        block style starts on the next line.
        """
        known = self._lines.get(pointer, 0)
        if known != 0 and (known is None or isinstance(known, int)):
            return known
        found = line_in(self._node(), pointer)
        self._lines[pointer] = found
        return found

    def source_of(self, pointer: str) -> tuple[Path, str, int | None]:
        """``(file, pointer there, line)`` of the element at ``pointer``: in another file when
        it was copied from one (multi-file specs), else in this one."""
        for prefix, origin in self.origins:
            if pointer == prefix or pointer.startswith(prefix + "/"):
                there = origin.pointer + pointer[len(prefix) :]
                return origin.path, there, line_in(origin.root_node, there)
        return self.path, pointer, self.line_of(pointer)

    def resolve(self, ref: str) -> tuple[str, Any]:
        """Follow a local ``$ref`` (``#/components/schemas/X``) to ``(pointer, value)``.

        Raises :class:`UnresolvedRef` for a reference that is not local or not found.
        """
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise UnresolvedRef(ref)
        found = self._resolved.get(ref)  # the data is not changed after loading: each reference is followed once
        if found is not None:
            return found
        pointer = ref[1:]
        try:
            value = follow_pointer(self.data, pointer)
        except KeyError:
            raise UnresolvedRef(ref) from None
        self._resolved[ref] = (pointer, value)
        return pointer, value

    def deref(self, pointer: str, value: Any, *, limit: int = 32) -> tuple[str, Any]:
        """Follow ``$ref`` chains from ``value`` until a non-reference; return ``(pointer, value)``."""
        seen = 0
        while isinstance(value, dict) and "$ref" in value:
            pointer, value = self.resolve(value["$ref"])
            seen += 1
            if seen > limit:
                raise UnresolvedRef(f"reference cycle at {pointer}")
        return pointer, value

    def deref_or(self, pointer: str, value: Any, missing: Any = None) -> tuple[str, Any]:
        """:meth:`deref`, or ``(pointer, missing)`` when the chain does not resolve (checks report that; later stages skip it)."""
        try:
            return self.deref(pointer, value)
        except UnresolvedRef:
            return pointer, missing

    def operations(self) -> tuple[Operation, ...]:
        """The typed view of every operation, in document order (:mod:`generator.read.operations`), built on the first call."""
        if self._operations is None:
            object.__setattr__(self, "_operations", read_operations(self.data, self.deref_or))
        assert self._operations is not None
        return self._operations

    def webhooks(self) -> tuple[Webhook, ...]:
        """The typed view of every webhook, in document order, built on the first call."""
        if self._webhooks is None:
            object.__setattr__(self, "_webhooks", read_webhooks(self.data, self.deref_or))
        assert self._webhooks is not None
        return self._webhooks

    def diagnostic(self, code: str, severity: str, pointer: str, message: str, hint: str) -> Diagnostic:
        """A diagnostic located where the element at ``pointer`` is written (another file's pointer and line for a copied element)."""
        path, pointer, line = self.source_of(pointer)
        return Diagnostic(
            code=code,
            severity=severity,  # type: ignore[arg-type]
            pointer=pointer,
            message=message,
            hint=hint,
            file=display_path(path),
            line=line,
        )


def lines_key(files: tuple[tuple[str, str], ...]) -> str:
    """Lines depend on the root file alone (elements copied from other files are not in its node tree)."""
    return digest("lines", fingerprint(), *files[0])


def display_path(path: Path) -> str:
    return _shown(path, os.getcwd())


@functools.lru_cache(maxsize=64)
def _shown(path: Path, cwd: str) -> str:
    try:
        return str(path.resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(path)
