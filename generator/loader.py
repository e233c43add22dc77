"""Stage 1: read the spec file into a :class:`Document`.

YAML (or JSON, which is YAML) is parsed once with PyYAML's safe loader (the C loader when
present). The node tree is kept so that any JSON pointer can be mapped back to a line of
the file for diagnostics. References to other files are followed once, at load time, by
:mod:`generator.bundle` (which copies their targets into the document); after that only
local references (``#/...``) remain, resolved by :meth:`Document.resolve`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .bundle import BundleProblem, Origin, bundle
from .diagnostics import CODES, Diagnostic, SpecError, pointer_join, pointer_parts


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, with YAML timestamps kept as strings.

    An OpenAPI document holds JSON values, and YAML 1.2 (which OpenAPI tools read) has no
    timestamp type: an unquoted ``2023-06-20`` is a string, not a ``date`` that JSON
    encoders and schema checks reject.
    """


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


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

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line of the deepest element on ``pointer`` that exists in the file.

        A mapping entry is on the line of its key (``get:``), not of its value, which in
        block style starts on the next line.
        """
        return _line_in(self.root_node, pointer)

    def source_of(self, pointer: str) -> tuple[Path, str, int | None]:
        """``(file, pointer there, line)`` of the element at ``pointer``: in another file when
        it was copied from one (multi-file specs), else in this one."""
        for prefix, origin in self.origins:
            if pointer == prefix or pointer.startswith(prefix + "/"):
                there = origin.pointer + pointer[len(prefix) :]
                return origin.path, there, _line_in(origin.root_node, there)
        return self.path, pointer, self.line_of(pointer)

    def resolve(self, ref: str) -> tuple[str, Any]:
        """Follow a local ``$ref`` (``#/components/schemas/X``) to ``(pointer, value)``.

        Raises :class:`UnresolvedRef` for a reference that is not local or not found.
        """
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise UnresolvedRef(ref)
        pointer = ref[1:]
        value: Any = self.data
        for token in pointer_parts(pointer):
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                raise UnresolvedRef(ref)
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

    def diagnostic(self, code: str, severity: str, pointer: str, message: str, hint: str) -> Diagnostic:
        """A diagnostic located where the element at ``pointer`` is written (another file's pointer and line for a copied element)."""
        path, pointer, line = self.source_of(pointer)
        return Diagnostic(
            code=code,
            severity=severity,  # type: ignore[arg-type]
            pointer=pointer,
            message=message,
            hint=hint,
            file=_display_path(path),
            line=line,
        )


def _line_in(root_node: Any, pointer: str) -> int | None:
    """The 1-based line of the deepest element on ``pointer`` in the YAML node tree ``root_node``."""
    node = root_node
    if node is None:
        return None
    line: int = node.start_mark.line + 1
    for token in pointer_parts(pointer):
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if str(key.value) == token:
                    child, line = value, key.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and token.isdigit():
            index = int(token)
            if index < len(node.value):
                child = node.value[index]
                line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load(path: str | Path) -> Document:
    """Read and parse ``path``; raise :class:`SpecError` when it cannot be read as a mapping."""
    path = Path(path)
    shown = _display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SpecError(
            [
                Diagnostic(
                    "spec-not-readable",
                    "error",
                    "",
                    f"cannot read the spec: {exc.strerror or exc}",
                    CODES["spec-not-readable"][1],
                    file=shown,
                )
            ]
        ) from None
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise SpecError(
            [
                Diagnostic(
                    "yaml-syntax",
                    "error",
                    "",
                    f"the file is not valid YAML: {problem}",
                    CODES["yaml-syntax"][1],
                    file=shown,
                    line=None if mark is None else mark.line + 1,
                )
            ]
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise SpecError(
            [
                Diagnostic(
                    "spec-not-a-mapping",
                    "error",
                    "",
                    f"the document is a {type(data).__name__}, not a mapping",
                    CODES["spec-not-a-mapping"][1],
                    file=shown,
                    line=1,
                )
            ]
        )
    followed = bundle(data, path, _Loader)
    digest = hashlib.sha256(raw).hexdigest()
    if followed.digest:  # the spec is several files: any of them changes the hash
        digest = hashlib.sha256((digest + followed.digest).encode()).hexdigest()
    return Document(data=data, path=path, sha256=digest, root_node=node, ref_problems=tuple(followed.problems), origins=tuple(sorted(followed.origins.items())))


__all__ = ["Document", "UnresolvedRef", "load", "pointer_join"]
