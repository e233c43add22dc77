"""The whole pipeline for callers in Python: read -> check -> build -> render -> format (writing is the caller's)."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from generator import __version__
from generator.build import text_reuse
from generator.build.builder import build_with_warnings
from generator.cache import Cache, jinja_bytecode, tree_digest
from generator.config import check_extend
from generator.diagnostics import CODES, Diagnostic, Diagnostics, SpecError
from generator.format.formatter import format_files, layout_key
from generator.ir import Api, PackageConfig
from generator.read.document import Document
from generator.read.loader import load
from generator.render.overrides import check_overrides, overrides_sha256, rendering_error
from generator.render.output import GUIDE_FOLDER, TEMPLATES, black_clean_copies, render_files
from generator.render.reuse import Reuse
from generator.check.validate import Validation, validate
from generator.check.validate import start as start_validation
from generator.write import STAMP, stamp

T = TypeVar("T")


@dataclass(frozen=True)
class Result:
    api: Api
    files: dict[str, str]
    warnings: list[Diagnostic]
    sources: tuple[tuple[str, str], ...] = ()  # (path, sha256) of every spec file read: the root, then what its $refs read
    folders: tuple[str, ...] = ()  # the folders whose files were rendered or copied (templates, overrides, guide pages)
    jobs: dict[str, Any] = field(default_factory=dict)  # what the next run's reuse needs of each file (with ``reuse`` only)


def _internal_error(spec: Path, stage: str, exc: BaseException) -> SpecError:
    """A generator bug met on this spec, as a diagnostic instead of a traceback."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    place = f" ({Path(where.filename).name}:{where.lineno})" if where else ""
    message = f"the generator failed while {stage}: {type(exc).__name__}: {exc}{place}"
    return SpecError([Diagnostic("internal-error", "error", "", message, CODES["internal-error"][1], file=str(spec))])


def _strict_failure(strict: bool, warnings: list[Diagnostic]) -> SpecError | None:
    return SpecError(warnings) if strict and any(d.severity == "warning" for d in warnings) else None


def _built(spec: Path, config: PackageConfig | None, strict: bool, cache: Cache | None = None) -> tuple[Api, list[Diagnostic]]:
    document = load(spec, cache)
    try:
        found = validate(document, cache)
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
    document.keep_lines()
    failure = _strict_failure(strict, warnings)
    if failure is not None:
        raise failure
    return api, warnings


def check_spec(spec: Path, *, strict: bool = False, config: PackageConfig | None = None, cache: Cache | None = None) -> list[Diagnostic]:
    """Load, validate and build ``spec``; return its warnings, raise :class:`SpecError` on errors."""
    return _built(spec, config, strict, cache)[1]


def generate_files(
    spec: Path,
    *,
    config: PackageConfig | None = None,
    templates: Path | None = None,
    strict: bool = False,
    overrides: Path | None = None,
    config_file: Path | None = None,
    cache: Cache | None = None,
    reuse: Reuse | None = None,
    formatted: bool = True,
) -> Result:
    """Every file of the SDK for ``spec``, in memory; nothing is written.

    ``overrides``: a folder of template overrides (see :mod:`generator.render.overrides`);
    ``config_file``: where ``config`` was read from (for the diagnostics);
    ``cache`` (see :mod:`generator.cache`) keeps parsed specs, validation results, compiled
    templates, black's output and the IR (for a text edit: :mod:`generator.build.text_reuse`) between runs;
    the files are the same with it or without it.
    ``reuse``: the last generation into an output folder (see :mod:`generator.render.reuse`): a file
    whose inputs did not change since is taken from that folder instead of rendered and formatted again.
    ``formatted=False``: the files are not given black's layout, only checked to parse (``--no-format``).

    openapi-spec-validator checks the spec in another process while the SDK is built, rendered and
    formatted; when it finds errors, they are raised and the SDK is thrown away, so the outcome (files,
    diagnostics, their order) is that of validating first.

    Raises:
        SpecError: the spec has errors (or warnings, with ``strict``), an override is not
            a template of ours or does not render, or ``[extend]`` names no generated class.
    """
    templates = TEMPLATES if templates is None else templates
    if overrides is not None:
        check_overrides(overrides, templates)
    document = load(spec, cache)
    try:
        validation = start_validation(document, cache, parallel=True)
    except RecursionError as exc:
        raise _internal_error(spec, "validating (the spec nests too deeply)", exc) from None
    if validation.failed_early:
        raise SpecError(list(_finished(spec, validation)))
    guide = Path(spec).parent / GUIDE_FOLDER
    stages = _Stages(spec, validation, strict, overrides)
    api = stages.run("building", stages.build, document, config, cache)
    stages.run("extending", check_extend, api.config, [tag.class_name for tag in api.tags], config_file)
    if strict and stages.warnings:  # the run fails whatever the validator finds: nothing to render or format
        stages.finish(document)
    if reuse is not None:
        reuse = reuse.under(layout_key(formatted), tree_digest(templates), tree_digest(guide), tree_digest(overrides) if overrides is not None else "")
    rendered = stages.run("rendering", lambda: render_files(api, templates, guide, overrides, jinja_bytecode(TEMPLATES, cache), reuse))
    laid_out = stages.run("formatting", lambda: format_files(rendered.texts, cache, black_clean_copies(api, templates, overrides), formatted=formatted))
    files = {path: laid_out[path] if path in laid_out else rendered.reused[path] for path in rendered.order}
    warnings = stages.finish(document)
    files[STAMP] = stamp(api.spec_sha256, __version__, files, overrides_sha256(overrides) if overrides is not None else "")
    folders = [templates, *([overrides] if overrides is not None else []), guide]
    return Result(api, files, warnings, document.files, tuple(str(Path(folder).resolve()) for folder in folders), rendered.jobs)


class _Stages:
    """The stages after validation has started (openapi-spec-validator runs on in another process).

    A stage that fails is reported as if the spec had been validated first: the validation's
    errors come before the failure, and a strict run's warnings before a generator bug.
    """

    def __init__(self, spec: Path, validation: Validation, strict: bool, overrides: Path | None) -> None:
        self.spec, self.validation, self.strict, self.overrides = spec, validation, strict, overrides
        self.warnings: list[Diagnostic] = []  # the build's

    def build(self, document: Document, config: PackageConfig | None, cache: Cache | None) -> Api:
        api, self.warnings = text_reuse.build(document, config, cache)
        return api

    def run(self, stage: str, step: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            return step(*args, **kwargs)
        except Exception as exc:
            raise self._failure(stage, exc) from None

    def _failure(self, stage: str, exc: Exception) -> SpecError:
        found = _finished(self.spec, self.validation)
        if found.errors:
            return SpecError(list(found))
        if stage == "building":
            return _internal_error(self.spec, "building (the spec nests too deeply)" if isinstance(exc, RecursionError) else "building", exc)
        failure = _strict_failure(self.strict, found.warnings + self.warnings)
        if failure is not None:
            return failure
        if stage == "rendering":
            return (self.overrides is not None and rendering_error(self.overrides, exc)) or _internal_error(self.spec, stage, exc)
        return exc if isinstance(exc, SpecError) else _internal_error(self.spec, stage, exc)

    def finish(self, document: Document) -> list[Diagnostic]:
        """Every warning, once the validation is done; raises its errors, or the warnings of a strict run."""
        found = _finished(self.spec, self.validation)
        if found.errors:
            raise SpecError(list(found))
        warnings = found.warnings + self.warnings
        document.keep_lines()
        failure = _strict_failure(self.strict, warnings)
        if failure is not None:
            raise failure
        return warnings


def _finished(spec: Path, validation: Validation) -> Diagnostics:
    try:
        return validation.finish()
    except RecursionError as exc:
        raise _internal_error(spec, "validating (the spec nests too deeply)", exc) from None
