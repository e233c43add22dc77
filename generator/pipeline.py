"""The whole pipeline for callers in Python: load -> validate -> build -> render -> format."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .build import build_with_warnings
from .diagnostics import CODES, Diagnostic, SpecError
from .fmt import format_files
from .ir import Api, PackageConfig
from .loader import load
from .config import check_extend
from .overrides import check_overrides, overrides_sha256, rendering_error
from .render import GUIDE_FOLDER, TEMPLATES, render
from .validate import validate
from .write import STAMP, stamp


@dataclass(frozen=True)
class Result:
    api: Api
    files: dict[str, str]
    warnings: list[Diagnostic]


def _internal_error(spec: Path, stage: str, exc: BaseException) -> SpecError:
    """A generator bug met on this spec, as a diagnostic instead of a traceback."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    place = f" ({Path(where.filename).name}:{where.lineno})" if where else ""
    message = f"the generator failed while {stage}: {type(exc).__name__}: {exc}{place}"
    return SpecError([Diagnostic("internal-error", "error", "", message, CODES["internal-error"][1], file=str(spec))])


def _built(spec: Path, config: PackageConfig | None, strict: bool) -> tuple[Api, list[Diagnostic]]:
    document = load(spec)
    try:
        found = validate(document)
    except RecursionError as exc:
        raise _internal_error(spec, "validating (the spec nests too deeply)", exc) from None
    if found.errors:
        raise SpecError(list(found))  # the warnings too: every problem in one run
    try:
        api, more = build_with_warnings(document, config)
    except RecursionError as exc:
        raise _internal_error(spec, "building (the spec nests too deeply)", exc) from None
    except Exception as exc:  # a bug; say where, don't crash
        raise _internal_error(spec, "building", exc) from None
    warnings = found.warnings + more
    if strict and any(d.severity == "warning" for d in warnings):
        raise SpecError(warnings)
    return api, warnings


def check_spec(spec: Path, *, strict: bool = False, config: PackageConfig | None = None) -> list[Diagnostic]:
    """Load, validate and build ``spec``; return its warnings, raise :class:`SpecError` on errors."""
    return _built(spec, config, strict)[1]


def generate_files(
    spec: Path, *, config: PackageConfig | None = None, templates: Path = TEMPLATES, strict: bool = False, overrides: Path | None = None, config_file: Path | None = None
) -> Result:
    """Every file of the SDK for ``spec``, in memory; nothing is written.

    ``overrides``: a folder of template overrides (see :mod:`generator.overrides`);
    ``config_file``: where ``config`` was read from (for the diagnostics).

    Raises:
        SpecError: the spec has errors (or warnings, with ``strict``), an override is not
            a template of ours or does not render, or ``[extend]`` names no generated class.
    """
    if overrides is not None:
        check_overrides(overrides, templates)
    api, warnings = _built(spec, config, strict)
    check_extend(api, config_file)
    try:
        rendered = render(api, templates, Path(spec).parent / GUIDE_FOLDER, overrides)
    except Exception as exc:
        raise (overrides is not None and rendering_error(overrides, exc)) or _internal_error(spec, "rendering", exc) from None
    files = format_files(rendered)
    files[STAMP] = stamp(api.spec_sha256, __version__, files, overrides_sha256(overrides) if overrides is not None else "")
    return Result(api, files, warnings)
