"""The whole pipeline for callers in Python: load -> validate -> build -> render -> format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .build import build
from .diagnostics import Diagnostic, SpecError
from .fmt import format_files
from .ir import Api, PackageConfig
from .loader import Document, load
from .render import TEMPLATES, render
from .validate import validate
from .write import STAMP, stamp


@dataclass(frozen=True)
class Result:
    api: Api
    files: dict[str, str]
    warnings: list[Diagnostic]


def _validated(spec: Path, strict: bool) -> tuple[Document, list[Diagnostic]]:
    document = load(spec)
    found = validate(document)
    if found.errors or (strict and found.warnings):
        raise SpecError(list(found))  # the warnings too: every problem in one run
    return document, found.warnings


def check_spec(spec: Path, *, strict: bool = False) -> list[Diagnostic]:
    """Load and validate ``spec``; return its warnings, raise :class:`SpecError` on errors."""
    return _validated(spec, strict)[1]


def generate_files(spec: Path, *, config: PackageConfig | None = None, templates: Path = TEMPLATES, strict: bool = False) -> Result:
    """Every file of the SDK for ``spec``, in memory; nothing is written.

    Raises:
        SpecError: the spec has errors (or warnings, with ``strict``).
    """
    document, warnings = _validated(spec, strict)
    api = build(document, config)
    files = format_files(render(api, templates))
    files[STAMP] = stamp(api.spec_sha256, __version__, files)
    return Result(api, files, warnings)
