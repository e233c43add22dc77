"""The report's sections on generating: every tool's runs, the scaling series, where our time goes, and the mechanisms section."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .paths import BENCH
from .results import failure, Results, seconds, table, times, TOOL_LABELS
from .specs import Spec


def generation_details(results: Results) -> list[str]:
    if not results.generation:
        return []
    lines = [
        "",
        "## Generation",
        "",
        "Whole-process wall time, cold (fresh process, output folder removed first); median of the runs; peak RSS is the largest over the runs.",
        "",
    ]
    rows = []
    for spec in results.specs:
        outcomes = results.generation.get(spec.key, {})
        ours = outcomes.get("ours")
        for key, outcome in outcomes.items():
            series = outcome.series
            if series.median is None:
                rows.append([spec.label, TOOL_LABELS[key], failure(series), "–", "–", "–", "–", outcome.note or ""])
                continue
            ratio = (
                "–"
                if key == "ours" or ours is None or ours.series.median is None
                else times(ours.series.median / series.median)
            )
            rows.append(
                [
                    spec.label,
                    TOOL_LABELS[key],
                    seconds(series.median),
                    str(len(series.seconds)),
                    f"{series.peak:.0f} MiB",
                    ratio,
                    outcome.imports or "–",
                    outcome.note or "",
                ]
            )
    lines += table(["spec", "tool", "median", "runs", "peak RSS", "ours / tool", "output imports", "notes"], rows)
    if results.edit_loop:
        lines += [
            "",
            "Edit loop (ours regenerating into an existing output folder, its cache warm; "
            "'unchanged': nothing changed since the last run):",
            "",
        ]
        rows = []
        for key, by_name in results.edit_loop.items():
            for name, series in by_name.items():
                rows.append(
                    [
                        key,
                        name,
                        seconds(series.median, 3) if series.median is not None else failure(series),
                        str(len(series.seconds)),
                    ]
                )
        lines += table(["spec", "change", "median", "runs"], rows)
    return lines


def scaling_details(results: Results) -> list[str]:
    if not results.scaling and not results.scaling_note:
        return []
    lines = ["", "## Scaling", ""]
    if results.scaling_note:
        lines += [results.scaling_note, ""]
    if results.scaling:
        rows = [
            [
                spec.key,
                str(spec.operations),
                f"{spec.bytes / 1e6:.2f} MB",
                seconds(series.median) if series.median is not None else failure(series),
                f"{series.peak:.0f} MiB" if series.peak else "–",
                str(len(series.seconds)),
            ]
            for spec, series in results.scaling
        ]
        lines += table(["cut", "operations", "size", "median", "peak RSS", "runs"], rows)
    if results.plot:
        lines += ["", f"![scaling]({results.plot})"]
    return lines


def profile_details(results: Results) -> list[str]:
    if not results.profiles:
        return []
    lines = [
        "",
        "## Where the time goes",
        "",
        "Our generator in one process (`python -m bench.profile SPEC OUT`): first each stage timed without the "
        "profiler (`imports` is loading the generator and its libraries: black, jinja2, openapi-spec-validator), "
        "then the whole run again under cProfile. Each stage's CPU time includes the processes it forks (black's "
        "workers). Here validation is a stage of its own; in a run it overlaps the others (see each bound). On every "
        "spec ours generated, on the largest spec of the scaling series, and on the biggest spec measured, up to "
        "the stage where ours stops on it.",
    ]
    for spec, profile in results.profiles:
        lines += _one_profile(spec, profile)
    return lines


def bound(profile: dict[str, Any]) -> list[str]:
    """What the CPU time says about the wall time a run can reach on this machine."""
    cpu, cores, given = profile.get("cpu", {}), profile.get("cores", 1), profile.get("black_input", {})
    if not cpu or profile.get("failed"):
        return []
    whole = sum(cpu.values())
    lines = [
        "",
        f"Bound: the stages take {whole:.2f} s of CPU in all. A run (`python -m generator`) overlaps them: "
        "openapi-spec-validator checks the spec in a forked process while the SDK is built, rendered and "
        f"formatted, and black and big renders use one process per core; with {cores} cores, no run can take "
        f"less than about {whole / cores:.2f} s (the CPU time over the cores), plus what must happen one step "
        "after another (starting Python, imports, loading the spec before anything else can begin).",
    ]
    if given.get("lines") and "format" in cpu:
        lines[-1] += (
            f" Black alone takes {cpu['format']:.2f} s of it for {given['lines']:,} lines in {given['files']:,} "
            f"Python files and the docs' examples ({1e6 * cpu['format'] / given['lines']:.0f} µs a line of Python): "
            f"at least {cpu['format'] / cores:.2f} s of wall time, whatever the rest costs."
        )
    return lines


def _one_profile(spec: Spec, profile: dict[str, Any]) -> list[str]:
    stages = profile["stages"]
    total = sum(stages.values())
    lines = ["", f"### {spec.label}", ""]
    if profile.get("failed"):
        failed = profile["failed"]
        lines += [f"Ours stops in stage `{failed['stage']}`: {failed['why']}", ""]
    cpu = profile.get("cpu", {})
    rows = [
        [name, f"{seconds:.3f} s", f"{cpu[name]:.3f} s" if name in cpu else "–", f"{100 * seconds / total:.0f}%" if total else "–"]
        for name, seconds in stages.items()
    ]
    rows.append(["total", f"{total:.3f} s", f"{sum(cpu.values()):.3f} s" if cpu else "–", "100%"])
    lines += table(["stage", "wall time", "CPU time (workers included)", "share of wall"], rows)
    if total:
        biggest = max(stages.items(), key=lambda item: item[1])
        lines += ["", f"The biggest stage is `{biggest[0]}` ({100 * biggest[1] / total:.0f}%)."]
    lines += bound(profile)
    if profile.get("by_library"):
        groups = profile["by_library"]
        whole = sum(groups.values())
        lines += ["", "Own time by library (profiled run):", ""]
        lines += table(
            ["library", "own time", "share"],
            [[name, f"{value:.3f} s", f"{100 * value / whole:.0f}%"] for name, value in groups.items()],
        )
    lines += ["", "Top functions by cumulative time (profiled run; profiler overhead included):", ""]
    top = [r for r in profile["top"] if "bench/" not in r["function"] and "profile.py" not in r["function"]][:15]
    lines += table(
        ["function", "calls", "cumulative", "own"],
        [[f"`{r['function']}`", str(r["calls"]), f"{r['cumulative']:.3f} s", f"{r['own']:.3f} s"] for r in top],
    )
    lines += ["", "Top functions by own time:", ""]
    lines += table(
        ["function", "calls", "own", "cumulative"],
        [
            [f"`{r['function']}`", str(r["calls"]), f"{r['own']:.3f} s", f"{r['cumulative']:.3f} s"]
            for r in profile["top_own"][:10]
        ],
    )
    return lines


#: Hand-kept: what each of the generator's speed mechanisms costs and buys (measured on and off, see its text).
MECHANISMS = BENCH / "mechanisms.md"


def mechanisms_details(path: Path = MECHANISMS) -> list[str]:
    """The hand-kept section on the generator's mechanisms, as it is (its measurements need each
    mechanism switched off in the code, which the harness cannot do)."""
    if not path.is_file():
        return []
    return ["", *path.read_text(encoding="utf-8").rstrip("\n").split("\n")]
