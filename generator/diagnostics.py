"""Problems found in a spec, reported all at once instead of as a traceback.

A :class:`Diagnostic` names one problem: a stable kebab-case ``code`` (documented in
``docs/diagnostics.md``), a severity, the JSON pointer of the offending element, its file
and line, a message and a hint that says how to fix it. Stages collect diagnostics in a
:class:`Diagnostics` list; errors stop the pipeline with :class:`SpecError` before anything
is written, warnings are printed and generation goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    pointer: str
    message: str
    hint: str
    file: str = ""
    line: int | None = None

    def format(self) -> str:
        where = self.file or "<spec>"
        if self.line is not None:
            where += f":{self.line}"
        text = f"{where}: {self.severity}[{self.code}] {self.pointer or '/'}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


@dataclass
class Diagnostics:
    """Diagnostics of one run, in the order they were found."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: "Diagnostics | list[Diagnostic]") -> None:
        self.items.extend(diagnostics.items if isinstance(diagnostics, Diagnostics) else diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class SpecError(Exception):
    """The spec has errors; nothing was generated. ``diagnostics`` lists every one."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__(f"the spec has {len(diagnostics)} problem(s)")


def pointer_join(pointer: str, *parts: object) -> str:
    """Append reference tokens to a JSON pointer, escaping ``~`` and ``/`` (RFC 6901)."""
    for part in parts:
        token = str(part).replace("~", "~0").replace("/", "~1")
        pointer = f"{pointer}/{token}"
    return pointer


def pointer_parts(pointer: str) -> list[str]:
    """Split a JSON pointer (``/a/b~1c``) into its unescaped tokens (``["a", "b/c"]``)."""
    if not pointer:
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.lstrip("/").split("/")]
