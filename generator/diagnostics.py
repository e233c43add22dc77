"""Problems found in a spec, reported all at once instead of as a traceback.

A :class:`Diagnostic` names one problem: a stable kebab-case ``code`` (listed under
"Diagnostics" in the README), a severity, the JSON pointer of the offending element, its
file and line, a message and a hint that says how to fix it. Stages collect diagnostics in
a :class:`Diagnostics` list; errors stop the pipeline with :class:`SpecError` (which
carries the warnings too) before anything is written, warnings alone are printed and
generation goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal

Severity = Literal["error", "warning"]


#: Every diagnostic code: what it means and how to fix it. The README's "Diagnostics"
#: table lists each one, and tests/broken_specs/ keeps a spec that triggers it (both checked by
#: tests/test_diagnostics.py).
CODES: dict[str, tuple[str, str]] = {
    "spec-not-readable": ("The spec file cannot be read.", "Pass the path of an OpenAPI document with --spec."),
    "yaml-syntax": ("The file is not valid YAML or JSON.", "Fix the YAML syntax at the line shown (quote strings that contain ': ' or start with '@', '`', '*', '&')."),
    "spec-not-a-mapping": ("The document is not a mapping.", "An OpenAPI document is a mapping with the keys openapi, info and paths."),
    "unsupported-openapi-version": ("The `openapi` field is not 3.0.x or 3.1.x.", "Write `openapi: 3.1.0` (or 3.0.3)."),
    "openapi-schema": ("The document breaks the OpenAPI schema of its version.", "Correct the element at the pointer; the message quotes the rule."),
    "unresolved-ref": ("A `$ref` points at nothing in the document.", "Point the `$ref` at an existing element, e.g. `#/components/schemas/Name`."),
    "external-ref": ("A `$ref` points into another file, which this generator does not follow yet.", "Inline the referenced element under `components` and use a local `#/...` reference."),
    "missing-operation-id": ("An operation has no operationId, so its method has no name.", "Add `operationId: camelCaseName`; it becomes the method name in snake_case."),
    "duplicate-operation-id": ("Two operations share an operationId.", "Give every operation its own operationId."),
    "missing-tag": ("An operation has no tag, so it belongs to no API class.", "Add `tags: [Name]`; each tag becomes one API class."),
    "multiple-tags": ("An operation has more than one tag.", "Keep one tag per operation: the API class it belongs to."),
    "missing-success-response": ("An operation declares no 2xx response.", "Add the success response (200, 201 or 204) with its content."),
    "invalid-name": ("A name cannot become a Python identifier.", "Rename it so that it contains a letter and does not start with a digit."),
    "name-collision": ("Two names become the same Python identifier.", "Rename one of them; the message names both."),
    "unsupported-media-type": ("A request body has no media type the SDK can send.", "Offer `application/json` or `multipart/form-data`."),
    "unsupported-security-scheme": ("A security scheme the SDK cannot apply; requests go out without it.", "Use an `http` scheme with `scheme: bearer`."),
    "invalid-output": ("A template produced Python that does not parse (a generator bug).", "This is a generator bug: report it with the spec that triggers it."),
    "invalid-extension": ("An `x-waiter`, `x-pagination` or `x-envelope` extension, or a link to a waiter, cannot be generated as written.", "Correct it as the message says; the generator's extensions module documents each key."),
    "unsupported-webhook": ("A webhook whose body the SDK cannot parse; `webhooks.parse` leaves it out.", "Give the webhook a POST with an application/json body that is a $ref to a component schema, or a oneOf of such $refs."),
    "unsupported-parameter-location": ("A parameter in a location the SDK does not send (cookie).", "Use a path, query or header parameter."),
}


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
    """The spec has errors; nothing was generated. ``diagnostics`` lists every problem found, warnings too."""

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
