"""Where our generator's time goes: wall time per pipeline stage, then a cProfile of the whole.

``python -m bench.profile SPEC OUT [TOP]`` runs in the project's venv and prints one JSON
document: ``stages`` (seconds for imports, load, validate, build, render, format, write, in
that order, measured without the profiler), ``cpu`` (the CPU seconds of each, forked workers
included), ``black_input`` (how many Python files and lines black was given), ``cores``, ``failed`` (the stage that raised and why, if
any: the stages before it are still reported), and ``top`` (the TOP functions by cumulative
time from a second, profiled run, with their own and cumulative seconds and call counts).
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import resource
import sys
import time

_START = time.perf_counter()
import gc  # noqa: E402
from pathlib import Path  # noqa: E402

gc.disable()  # as `python -m generator` and `leap-generate` run (see generator.cli.entry_point): stage times are a run's

# The generator imports black and openapi-spec-validator when a run first needs them (a cached run may not):
# imported here, so that their import counts under "imports" and not under the stage that first uses them.
import black  # noqa: E402, F401
import openapi_spec_validator  # noqa: E402, F401

from generator import __version__  # noqa: E402
from generator.build.builder import build  # noqa: E402
from generator.cache import jinja_bytecode  # noqa: E402
from generator.diagnostics import SpecError  # noqa: E402
from generator.format.formatter import format_files  # noqa: E402
from generator.read.loader import load  # noqa: E402
from generator.render.output import TEMPLATES, black_clean_copies, render  # noqa: E402
from generator.check.validate import validate  # noqa: E402
from generator.write import STAMP, stamp, write_tree  # noqa: E402

_IMPORTS = time.perf_counter() - _START
_IMPORTS_CPU = time.process_time()


def _cpu() -> float:
    """CPU seconds used so far by this process and the children it has waited for (forked workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def pipeline(spec: Path, out: Path, clock: dict[str, float] | None = None, cpu: dict[str, float] | None = None, sizes: dict[str, int] | None = None) -> None:
    """The stages of ``generator.pipeline.generate_files`` and ``write_tree``, one by one: their wall
    time into ``clock``, their CPU time (forked workers included) into ``cpu``, and into ``sizes`` how
    much black was given (files and lines)."""

    def timed(name, function, *args):
        start, start_cpu = time.perf_counter(), _cpu()
        try:
            return function(*args)
        finally:
            if clock is not None:
                clock[name] = time.perf_counter() - start
            if cpu is not None:
                cpu[name] = _cpu() - start_cpu

    document = timed("load", load, spec)
    found = timed("validate", validate, document)
    if found.errors:
        raise SpecError(list(found))
    api = timed("build", build, document, None)
    files = timed("render", render, api, TEMPLATES, None, None, jinja_bytecode(TEMPLATES))  # ours compiled once, as a run has them
    clean = black_clean_copies(api)
    if sizes is not None:
        given = [text for path, text in files.items() if path.endswith(".py") and path not in clean]
        sizes["files"], sizes["lines"] = len(given), sum(text.count("\n") for text in given)
    files = timed("format", format_files, files, None, clean)
    files[STAMP] = stamp(api.spec_sha256, __version__, files)
    timed("write", write_tree, files, out)


def _where(filename: str) -> str:
    """A path without this machine's folders: from the package folder on."""
    for marker in ("site-packages/", "/generator/", "/lib/python"):
        if marker in filename:
            tail = filename.split(marker, 1)[1]
            return ("generator/" + tail) if marker == "/generator/" else tail
    return Path(filename).name if filename.startswith("/") else filename


_GROUPS = (
    ("black", ("black", "blib2to3")),
    ("jinja2 (rendering, template compiling)", ("jinja2", "markupsafe")),
    (
        "openapi-spec-validator (validate)",
        (
            "openapi_spec_validator",
            "jsonschema",
            "referencing",
            "jsonschema_path",
            "pathable",
            "rpds",
            "jsonschema_specifications",
        ),
    ),
    ("PyYAML (load)", ("yaml", "_yaml")),
    ("generator/ (ours)", ("generator",)),
)


def _group(function: str) -> str:
    """Which library a profiled function belongs to (built-ins of a library's C code by name)."""
    name = function.split(":", 1)[0]
    builtin = function[function.find("(") + 1 :] if function.startswith("~") else ""
    for label, packages in _GROUPS:
        for package in packages:
            if (
                name.startswith(package + "/")
                or name == package + ".py"
                or f" {package}." in builtin
                or f"'{package}." in builtin
            ):
                return label
    if function.startswith("~"):
        return "built-ins called from Python"
    return "standard library and others"


def main(argv: list[str]) -> dict:
    spec, out = Path(argv[0]), Path(argv[1])
    top = int(argv[2]) if len(argv) > 2 else 25
    clock: dict[str, float] = {"imports": _IMPORTS}
    cpu: dict[str, float] = {"imports": _IMPORTS_CPU}
    sizes: dict[str, int] = {}
    report: dict = {"stages": clock, "cpu": cpu, "black_input": sizes, "cores": os.cpu_count() or 1, "failed": None, "top": []}
    try:
        pipeline(spec, out, clock, cpu, sizes)
    except SpecError as exc:
        stage = list(clock)[-1]
        first = exc.diagnostics[0].format().splitlines()[0][:300] if exc.diagnostics else "error"
        report["failed"] = {
            "stage": stage,
            "why": f"{len(exc.diagnostics)} problem(s); first: {first.replace(str(spec.parent) + '/', '')}",
        }
    except Exception as exc:  # noqa: BLE001 - a crash is a result too
        stage = list(clock)[-1]
        report["failed"] = {"stage": stage, "why": f"{type(exc).__name__}: {str(exc)[:200]}"}
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        pipeline(spec, out)
    except Exception:  # noqa: BLE001 - profiled up to where it stops
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, function), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {"function": f"{_where(filename)}:{line}({function})", "calls": calls, "own": own, "cumulative": cumulative}
        )
    rows.sort(key=lambda row: row["cumulative"], reverse=True)
    report["top"] = rows[:top]
    own = sorted(rows, key=lambda row: row["own"], reverse=True)
    report["top_own"] = own[:top]
    report["profiled_total"] = max((row["cumulative"] for row in rows), default=0.0)
    groups: dict[str, float] = {}
    for row in rows:
        if "bench/" in row["function"] or row["function"].startswith("profile.py"):
            continue
        groups[_group(row["function"])] = groups.get(_group(row["function"]), 0.0) + row["own"]
    report["by_library"] = dict(sorted(groups.items(), key=lambda item: item[1], reverse=True))
    return report


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
