"""Generation: whole-process wall time and peak memory of each generator on the same specs.

Every run is a fresh process writing into an output folder removed just before, so no run
reuses another's output (ours runs with ``--no-cache``; like Python's ``.pyc`` files, it keeps only
its own templates compiled, nothing derived from a spec; no peer keeps a cache). Runs are paired:
ours, peer 1, peer 2, ..., ours, peer 1, ... so that a change of load on the machine hits
every tool alike. A tool that fails on a spec is not run again on it: the failure (its first
line of diagnostics) is the result.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .measure import Run, Series, first_problem, run, scrub
from .paths import BUILD, OUR_PYTHON
from .specs import Spec
from .tools import JSON_TOO, OAG_JSON, OURS, Tool

OUT = BUILD / "bench" / "out"


@dataclass
class Outcome:
    """One tool on one spec: the timed runs, whether its output imports, what it warned."""

    series: Series = field(default_factory=Series)
    imports: str | None = None  # "yes", or "no: <reason>"; None when not checked
    note: str | None = None


def out_dir(tool: Tool, spec: Spec) -> Path:
    return OUT / tool.key / spec.key


def generate_once(tool: Tool, spec: Spec, timeout: float) -> Run:
    """One cold generation of ``spec`` by ``tool`` into a folder that does not exist yet."""
    out = out_dir(tool, spec)
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    tool.prepare(spec.path)  # before the clock starts
    if tool.key == "dcg":
        out.mkdir()
    return run(tool.argv(spec.path, out), cwd=BUILD, env=tool.env(), timeout=timeout)


def package_of(tool: Tool, out: Path) -> tuple[Path, str] | None:
    """(folder to put on ``sys.path``, module to import) of a generated output, if any."""
    if not out.is_dir():
        return None
    if tool.key == "dcg":
        return (out, "models") if (out / "models.py").exists() or (out / "models" / "__init__.py").exists() else None
    if tool.key == "ours":
        return (out, "leap") if (out / "leap" / "__init__.py").exists() else _any_package(out)
    if tool.key in ("oag", "oagj"):
        return (out, "openapi_client") if (out / "openapi_client" / "__init__.py").exists() else _any_package(out)
    return _any_package(out)


def _any_package(out: Path) -> tuple[Path, str] | None:
    for child in sorted(out.iterdir()):
        if (child / "__init__.py").exists() and child.name not in {"tests", "test", "docs"}:
            return out, child.name
    return None


def check_import(tool: Tool, spec: Spec, timeout: float = 600.0) -> str:
    """``yes`` when the generated package imports (with its submodules' API modules), else ``no: why``."""
    found = package_of(tool, out_dir(tool, spec))
    if found is None:
        return "no: no package in the output"
    folder, module = found
    env = tool.env()
    env["PYTHONPATH"] = str(folder)
    code = f"import importlib, pkgutil\nm = importlib.import_module({module!r})\n"
    if tool.key != "dcg":  # import every API module too: a package whose endpoints do not import is unusable
        code += (
            "for info in pkgutil.walk_packages(m.__path__, m.__name__ + '.'):\n"
            "    if '.api' in info.name or '.resources' in info.name:\n"
            "        importlib.import_module(info.name)\n"
        )
    result = run([str(tool.python), "-c", code], cwd=BUILD, env=env, timeout=timeout)
    return "yes" if result.ok else "no: " + _last_error(result)


def _last_error(result: Run) -> str:
    """The exception line of a traceback, with the generated file it points at."""
    lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    text = lines[-1] if lines else first_problem(result)
    files = re.findall(r'File "([^"]+)"', result.stderr)
    if files and str(OUT) in files[-1]:
        text += f" (in {'/'.join(Path(files[-1]).relative_to(OUT).parts[2:])})"
    text = scrub(text)
    return text if len(text) <= 200 else text[:197] + "..."


def warnings_of(tool: Tool, result: Run) -> str | None:
    """A short count of the warnings a successful run printed (ours: diagnostic lines)."""
    if tool.key == "ours":
        count = len(re.findall(r"^\S.*\bwarning\b", result.stderr, re.MULTILINE | re.IGNORECASE))
        return f"{count} warning(s)" if count else None
    if tool.key == "opc":  # "WARNING parsing GET /path within tag." then why; such an endpoint may be missing
        endpoints = set(re.findall(r"^WARNING parsing (\w+ \S+) within", result.stdout + result.stderr, re.MULTILINE))
        return f'warned on {len(endpoints)} endpoint(s) ("some pieces may be missing")' if endpoints else None
    return None


def measure(
    specs: list[Spec], tools: list[Tool], runs: dict[str, int], timeout: float, log=print, warm_up: bool = True
) -> dict[str, dict[str, Outcome]]:
    """``{spec key: {tool key: Outcome}}``: ``runs[spec key]`` paired rounds of every tool.

    Before timing, every tool runs once untimed on the first spec, so that the first timed
    run does not pay for loading the tool's files from disk.
    """

    def tools_for(spec: Spec) -> list[Tool]:
        if spec.key in JSON_TOO and any(tool.key == "oag" for tool in tools):
            return [*tools, OAG_JSON]
        return list(tools)

    results: dict[str, dict[str, Outcome]] = {
        spec.key: {tool.key: Outcome() for tool in tools_for(spec)} for spec in specs
    }
    if specs and warm_up:
        for tool in tools:
            generate_once(tool, specs[0], timeout)
    for spec in specs:
        for round_no in range(runs.get(spec.key, 1)):
            for tool in tools_for(spec):
                outcome = results[spec.key][tool.key]
                if outcome.series.failure is not None:
                    continue
                result = generate_once(tool, spec, timeout)
                outcome.series.add(result)
                if result.ok and outcome.note is None:
                    outcome.note = warnings_of(tool, result)
                status = (
                    f"{result.seconds:7.2f} s {result.peak_mib:7.0f} MiB"
                    if result.ok
                    else f"failed: {first_problem(result)}"
                )
                log(f"  generate {spec.key:<10} {tool.key:<5} run {round_no + 1}: {status}")
        for tool in tools_for(spec):
            outcome = results[spec.key][tool.key]
            if outcome.series.seconds:
                outcome.imports = check_import(tool, spec)
                log(f"  import   {spec.key:<10} {tool.key:<5}: {outcome.imports}")
    return results


def edit_loop(spec: Spec, runs: int, timeout: float, log=print) -> dict[str, Series]:
    """Our generator regenerating into an existing output with its cache warm (a fresh cache folder, filled
    by one untimed run first): with nothing changed since the last run, and after one operation's
    description changed (a fresh edit before each run; the spec is put back, and regenerated untimed,
    before the next unchanged run)."""
    folder = BUILD / "bench" / "edit"
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / f"{spec.key}{spec.path.suffix}"
    text = spec.path.read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    out = folder / f"out-{spec.key}"
    cache = folder / f"cache-{spec.key}"
    shutil.rmtree(cache, ignore_errors=True)
    argv = [str(OUR_PYTHON), "-m", "generator", "generate", "--spec", str(copy), "--out", str(out), "--cache-dir", str(cache)]
    first = run(argv, cwd=BUILD, env=OURS.env(), timeout=timeout)
    series = {"unchanged": Series(), "one description edited": Series()}
    if not first.ok:
        reason = first_problem(first)
        for item in series.values():
            item.failure = reason
        return series
    match = editable_description(text)
    if match is None:
        series["one description edited"].failure = "no single-line operation description to edit"
    for round_no in range(runs):
        if match is not None:
            start, end = match
            copy.write_text(text[:end] + f" (edit {round_no})" + text[end:], encoding="utf-8")
            series["one description edited"].add(run(argv, cwd=BUILD, env=OURS.env(), timeout=timeout))
            copy.write_text(text, encoding="utf-8")
            run(argv, cwd=BUILD, env=OURS.env(), timeout=timeout)  # back to the spec as it was: untimed
        series["unchanged"].add(run(argv, cwd=BUILD, env=OURS.env(), timeout=timeout))
    for name, item in series.items():
        log(f"  edit loop {spec.key:<10} {name}: {item.median and round(item.median, 3)} s {item.failure or ''}")
    return series


def editable_description(text: str) -> tuple[int, int] | None:
    """(start, end) of the first plain one-line ``description:`` value under ``paths:``."""
    paths = re.search(r"^paths:", text, re.MULTILINE)
    if paths is None:
        return None
    pattern = re.compile(r"^ {6,}description: ([^>|'\"\n][^\n]*)$", re.MULTILINE)
    found = pattern.search(text, paths.end())
    return (found.start(1), found.end(1)) if found else None
