"""The markdown report: a header (machine, versions, load), the targets of issue 5 with
met / missed, then the details of every measurement and where our generator's time goes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .generation import Outcome
from .import_time import BREAKDOWN_STEPS, FLOOR, PEER_FLOOR, PYDANTIC_FLOOR, STRIPE_CALL, Breakdown, Timing
from .measure import Series
from .paths import BENCH
from .sdk_calls import FLOOR_LABELS, Client, Rates
from .specs import Spec

TOOL_LABELS = {
    "ours": "ours",
    "opc": "openapi-python-client",
    "oag": "OpenAPI Generator",
    "oagj": "OpenAPI Generator (JSON input)",
    "dcg": "datamodel-code-generator",
}


@dataclass
class Results:
    """Everything one run of the harness measured (empty parts were not measured)."""

    header: dict[str, Any]
    settings: dict[str, Any]
    specs: list[Spec] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    generation: dict[str, dict[str, Outcome]] = field(default_factory=dict)
    edit_loop: dict[str, dict[str, Series]] = field(default_factory=dict)
    scaling: list[tuple[Spec, Series]] = field(default_factory=list)
    scaling_note: str | None = None
    plot: str | None = None
    calls: dict[str, dict[str, Rates]] = field(default_factory=dict)
    call_clients: list[Client] = field(default_factory=list)
    calls_note: str | None = None
    call_cost: dict[str, dict[str, float]] = field(default_factory=dict)  # bench.call_cost
    call_cost_failure: str | None = None
    imports: dict[str, Timing] = field(default_factory=dict)
    first_call: Breakdown | None = None  # import_time.breakdown of ours from Stripe
    import_floors: dict[str, str] = field(default_factory=dict)
    profiles: list[tuple[Spec, dict[str, Any]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _s(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f} s"


def _x(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _failed(series: Series) -> str:
    return f"failed: {series.failure}"


def linear_fit(points: list[tuple[float, float]]) -> tuple[float, float, float] | None:
    """(intercept, slope, R²) of the least-squares line through ``points``."""
    if len(points) < 3:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx
    intercept = mean_y - slope * mean_x
    total = sum((y - mean_y) ** 2 for _, y in points)
    residual = sum((y - intercept - slope * x) ** 2 for x, y in points)
    return intercept, slope, 1.0 - residual / total if total else 1.0


# --- the targets -------------------------------------------------------------------------


def _generation_rows(results: Results) -> list[tuple[str, str, str]]:
    rows = []
    for spec in results.specs:
        outcomes = results.generation.get(spec.key)
        if not outcomes:
            continue
        ours = outcomes["ours"].series
        target = "faster than every peer"
        if spec.key in ("spotify", "stripe"):
            target += "; at most 0.5× openapi-python-client"
        target = f"generate {spec.key} ({spec.operations} ops): {target}"
        if ours.median is None:
            rows.append((target, _failed(ours), "**missed**: ours does not generate it"))
            continue
        parts, misses = [f"ours {_s(ours.median)}"], []
        for key, outcome in outcomes.items():
            if key == "ours":
                continue
            peer = outcome.series.median
            if peer is None:
                parts.append(f"{TOOL_LABELS[key]} failed")
                continue
            ratio = ours.median / peer
            parts.append(f"{TOOL_LABELS[key]} {_s(peer)} (ours/peer {_x(ratio)})")
            limit = 0.5 if key == "opc" and spec.key in ("spotify", "stripe") else 1.0
            if ratio >= limit:
                misses.append(f"ours takes {ratio:.2f}× {TOOL_LABELS[key]}'s time (limit {limit}×)")
        imports = outcomes["ours"].imports
        if imports and imports != "yes":
            misses.append(f"the package does not import ({imports[4:]})")
        if len(outcomes) == 1:
            verdict = "not compared (no peer measured)" + ("; **missed**: " + "; ".join(misses) if misses else "")
        else:
            verdict = "met" if not misses else "**missed**: " + "; ".join(misses)
        if misses:
            verdict += _bound_note(results, spec)
        rows.append((target, "; ".join(parts), verdict))
    return rows


def _bound_note(results: Results, spec: Spec) -> str:
    """What bounds our time on ``spec``, from its profile: the CPU a run needs and the cores it has."""
    profile = next((found for measured, found in results.profiles if measured.key == spec.key), None)
    if profile is None or profile.get("failed") or not profile.get("cpu"):
        return ""
    cpu, cores = profile["cpu"], profile.get("cores", 1)
    whole = sum(cpu.values())
    return (
        f". Bound: a run needs {whole:.2f} s of CPU (black {cpu.get('format', 0.0):.2f} s, openapi-spec-validator "
        f"{cpu.get('validate', 0.0):.2f} s, imports {cpu.get('imports', 0.0):.2f} s), at least {whole / cores:.2f} s on "
        f"{cores} cores (see Where the time goes)"
    )


def _edit_rows(results: Results) -> list[tuple[str, str, str]]:
    rows = []
    limits = {"leap": (0.3, 0.15), "stripe": (1.5, 0.15)}  # "with nothing changed, under 0.15 s": either spec
    for key, (edited_limit, unchanged_limit) in limits.items():
        series = results.edit_loop.get(key)
        if series is None:
            if key == "stripe" and any(spec.key == "stripe" for spec in results.specs) and "leap" in results.edit_loop:
                rows.append(
                    (
                        f"edit loop, {key}: one description edited < {edited_limit} s",
                        "not measured (ours does not generate it)",
                        "**missed**",
                    )
                )
            continue
        for name, limit in (("one description edited", edited_limit), ("unchanged", unchanged_limit)):
            if limit is None:
                continue
            item = series[name]
            value = item.median
            if value is None:
                rows.append((f"edit loop, {key}: {name} < {limit} s", _failed(item), "**missed**"))
            else:
                verdict = (
                    "met"
                    if value < limit
                    else f"**missed** by {value / limit:.1f}×"
                )
                rows.append((f"edit loop, {key}: {name} < {limit} s", _s(value), verdict))
    return rows


def _scaling_row(results: Results) -> list[tuple[str, str, str]]:
    target = "cost grows linearly with operations (scaling series)"
    points = [(float(spec.operations), series.median) for spec, series in results.scaling if series.median is not None]
    fit = linear_fit(points)
    if fit is None:
        return (
            [(target, results.scaling_note or "not measured", "not shown")]
            if (results.scaling or results.scaling_note)
            else []
        )
    intercept, slope, r2 = fit
    measured = (
        f"{results.scaling[0][0].key.rsplit('-', 1)[0]}: {intercept:.2f} s + {slope * 1000:.1f} ms/op, R² = {r2:.3f}"
    )
    return [(target, measured, "met (R² ≥ 0.98)" if r2 >= 0.98 else "**missed**: not linear (R² < 0.98)")]


def _memory_row(results: Results) -> list[tuple[str, str, str]]:
    outcome = results.generation.get("stripe", {}).get("ours")
    if outcome is None:
        return []
    if outcome.series.peak is None:
        return [
            ("peak RSS generating Stripe < 300 MiB", _failed(outcome.series), "**missed**: ours does not generate it")
        ]
    peak = outcome.series.peak
    return [
        (
            "peak RSS generating Stripe < 300 MiB",
            f"{peak:.0f} MiB",
            "met" if peak < 300 else f"**missed** by {peak / 300:.1f}×",
        )
    ]


def _import_rows(results: Results) -> list[tuple[str, str, str]]:
    rows = []
    floor = results.imports.get(FLOOR)
    for label, limit in (
        ("import leap; leap.Leap(api_key='k')", 1.05),
        ("ours from Stripe: import + client", 1.2),
        ("ours from Stripe: import + client + one call (customers.delete_customers_customer)", 1.2),
    ):
        timing = results.imports.get(label)
        if timing is None or floor is None or floor.median is None:
            if label.startswith("ours from Stripe") and "stripe" in results.generation:
                rows.append(
                    (
                        f"Stripe SDK: import + one operation ≤ {limit}× `{FLOOR}`",
                        "not measured (ours does not generate Stripe)",
                        "**missed**",
                    )
                )
            continue
        if timing.median is None:
            rows.append((f"{label} ≤ {limit}× `{FLOOR}`", f"failed: {timing.failure}", "**missed**"))
            continue
        ratio = timing.median / floor.median
        measured = f"{_s(timing.median, 3)} vs {_s(floor.median, 3)} = {_x(ratio)}"
        verdict = "met" if ratio <= limit else f"**missed**: {ratio:.2f}× (limit {limit}×)"
        pydantic_floor = results.imports.get(PYDANTIC_FLOOR)
        if label == STRIPE_CALL and pydantic_floor is not None and pydantic_floor.median is not None:
            bound = pydantic_floor.median / floor.median
            measured += f"; pydantic floor {_s(pydantic_floor.median, 3)} = {_x(bound)}"
            if ratio > limit:
                verdict += (
                    f"; bounded by pydantic: one plain pydantic model of the answer and its call take {_x(bound)}"
                    f" already, ours is {_x(timing.median / pydantic_floor.median)} of that"
                )
        rows.append((f"`{label}` ≤ {limit}× `{FLOOR}`", measured, verdict))
    return rows


def _call_rows(results: Results) -> list[tuple[str, str, str]]:
    rows = []
    baselines = {client.label: client.baseline for client in results.call_clients}
    for op, by_client in results.calls.items():
        for label in ("leap (sync)", "leap (async)"):
            rates = by_client.get(label)
            base = by_client.get(baselines.get(label) or "")
            if rates is None or base is None:
                continue
            what = f"per call, {op}{' (100 items)' if op == 'list_all' else ''}, {label}: ≥ 0.95× raw httpx"
            if rates.median is None or base.median is None:
                rows.append((what, f"failed: {rates.failure or base.failure}", "**missed**"))
                continue
            ratio = rates.median / base.median
            measured = f"{rates.median:.0f} vs {base.median:.0f} calls/s = {_x(ratio)}"
            verdict = "met" if ratio >= 0.95 else f"**missed**: {ratio:.2f}× (limit 0.95×)"
            floor = by_client.get(FLOOR_LABELS["async" if "async" in label else "sync"])
            if floor is not None and floor.median is not None:
                bound = floor.median / base.median
                measured += f"; pydantic floor {floor.median:.0f} calls/s = {_x(bound)}"
                if ratio < 0.95:
                    verdict += (
                        f"; bounded by pydantic: raw httpx + validate_json into our models reaches {_x(bound)},"
                        f" ours is {_x(rates.median / floor.median)} of that"
                    )
            rows.append((what, measured, verdict))
    return rows


def targets(results: Results) -> list[tuple[str, str, str]]:
    rows = _generation_rows(results) + _edit_rows(results) + _scaling_row(results) + _memory_row(results)
    rows += _import_rows(results) + _call_rows(results)
    rows += _helper_rows(results)
    return rows


def _helper_rows(results: Results) -> list[tuple[str, str, str]]:
    """The waiter against its one find_one call; the iterator against its two list_all calls."""
    rows = []
    for op, label, what in (
        ("find_one", "leap images.wait() (sync)", "waiter adds no overhead: `wait()` (one poll) ≥ 0.95× one find_one"),
        (
            "list_all",
            "leap list_all_iter() (sync)",
            "iterator adds no overhead: `list_all_iter()` over 2 pages ≥ 0.95× the 2 list_all calls",
        ),
    ):
        rates = results.calls.get(op, {}).get(label)
        if rates is None:
            continue
        baseline = next((client.baseline for client in results.call_clients if client.label == label), None)
        base = results.calls[op].get(baseline or "")
        if rates.median is None or base is None or base.median is None:
            rows.append((what, f"failed: {rates.failure or (base and base.failure)}", "**missed**"))
            continue
        ratio = rates.median / base.median
        verdict = "met" if ratio >= 0.95 else f"**missed**: {ratio:.2f}× (limit 0.95×)"
        rows.append((what, f"{rates.median:.0f} vs {base.median:.0f} per second = {_x(ratio)}", verdict))
    return rows


# --- the document ------------------------------------------------------------------------


def _table(head: list[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def _header(results: Results) -> list[str]:
    h = results.header
    lines = [
        "# Benchmark results (issue 5)",
        "",
        f"Written by `make bench` (`python -m bench`) on {h['date']}.",
        "",
        f"- Machine: {h['cpus']} CPUs ({h['cpu_model']}), {h['system']}; Python {h['python']}.",
        f"- Load average (1, 5, 15 min) at start: {h['load_start']}; at end: {h.get('load_end', '–')}. "
        "**The machine is shared**: other work (other engineers' tests and builds) ran on it while this was "
        "measured, so absolute times are noisy and likely pessimistic. Tools were run interleaved (A B A B), "
        "so the ratios within one table are the numbers to read.",
        f"- Versions: {h['versions']}.",
        f"- Settings: {', '.join(f'{k} = {v}' for k, v in results.settings.items())}.",
    ]
    for note in results.notes:
        lines.append(f"- {note}")
    return lines


def _generation_details(results: Results) -> list[str]:
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
                rows.append([spec.label, TOOL_LABELS[key], _failed(series), "–", "–", "–", "–", outcome.note or ""])
                continue
            ratio = (
                "–"
                if key == "ours" or ours is None or ours.series.median is None
                else _x(ours.series.median / series.median)
            )
            rows.append(
                [
                    spec.label,
                    TOOL_LABELS[key],
                    _s(series.median),
                    str(len(series.seconds)),
                    f"{series.peak:.0f} MiB",
                    ratio,
                    outcome.imports or "–",
                    outcome.note or "",
                ]
            )
    lines += _table(["spec", "tool", "median", "runs", "peak RSS", "ours / tool", "output imports", "notes"], rows)
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
                        _s(series.median, 3) if series.median is not None else _failed(series),
                        str(len(series.seconds)),
                    ]
                )
        lines += _table(["spec", "change", "median", "runs"], rows)
    return lines


def _scaling_details(results: Results) -> list[str]:
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
                _s(series.median) if series.median is not None else _failed(series),
                f"{series.peak:.0f} MiB" if series.peak else "–",
                str(len(series.seconds)),
            ]
            for spec, series in results.scaling
        ]
        lines += _table(["cut", "operations", "size", "median", "peak RSS", "runs"], rows)
    if results.plot:
        lines += ["", f"![scaling]({results.plot})"]
    return lines


def _call_details(results: Results) -> list[str]:
    if not results.calls and not results.calls_note:
        return []
    lines = [
        "",
        "## SDK per call",
        "",
        "Sequential calls from one client process to the bench server (its own process, 127.0.0.1); median of the rounds; each ratio compares with its baseline (see below the table).",
        "",
    ]
    if results.calls_note:
        lines += [results.calls_note, ""]
    baselines = {client.label: client.baseline for client in results.call_clients}
    rows = []
    for op, by_client in results.calls.items():
        for label, rates in by_client.items():
            base = by_client.get(baselines.get(label) or "")
            ratio = (
                "–" if base is None or base.median is None or rates.median is None else _x(rates.median / base.median)
            )
            value = f"{rates.median:.0f}" if rates.median is not None else f"failed: {rates.failure}"
            rows.append([op, label, value, str(len(rates.per_round)), ratio])
    lines += _table(["operation", "client", "calls/s", "rounds", "vs baseline"], rows)
    lines += [
        "",
        "The baseline is raw httpx (`client.get(...).json()`) in the same mode and the same virtual environment, except for `wait()` (baseline: one find_one) and "
        '`list_all_iter()` (baseline: the two list_all calls it makes; a "call" of either is both pages). '
        "The pydantic floor is raw httpx followed by pydantic's `validate_json` of the body into our generated models "
        "(`InferenceEntity`, or a list of them), the step our SDK makes per call: no SDK that checks answers against these models can be faster.",
    ]
    return lines + _call_cost_details(results)


def _call_cost_details(results: Results) -> list[str]:
    """The table of ``bench.call_cost``: CPU per call of each step, in one process, no network."""
    if not results.call_cost and not results.call_cost_failure:
        return []
    lines = [
        "",
        "### Where a call's time goes (one process, no network)",
        "",
        "`python -m bench.call_cost`: every call answered by httpx's mock transport with the bench server's bodies; "
        "CPU time per call (median over the rounds, steps interleaved), so load from other work changes it little.",
        "",
    ]
    if results.call_cost_failure:
        return lines + [f"Not measured: {results.call_cost_failure}"]
    rows = []
    for op, steps in results.call_cost.items():
        loads, raw = steps.get("json.loads"), steps.get("raw httpx")
        for step, micros in steps.items():
            if step.startswith(("json", "validate")):
                versus = f"{micros / loads:.2f}× json.loads" if loads and step != "json.loads" else "–"
            else:
                versus = f"{micros / raw:.2f}× raw httpx" if raw and step != "raw httpx" else "–"
            rows.append([op, step, f"{micros:.1f}", versus])
        if {"leap", "pydantic floor", "raw httpx"} <= steps.keys():
            rows.append([op, "ours minus the floor (leap − pydantic floor)", f"{steps['leap'] - steps['pydantic floor']:.1f}", "–"])
    lines += _table(["operation", "step", "µs CPU per call", "time vs"], rows)
    lines += [
        "",
        "`validate_json` minus `json.loads` is what checking an answer against the spec's models costs pydantic-core; "
        "`validate_json, timestamps in ISO 8601` is the same body with every timestamp in ISO 8601 instead of PostgreSQL text "
        "(which the spec's `Timestamp` allows and the bench server sends for images): the difference is what reading that text costs. "
        "`leap` is given the mock's `httpx.Client`, so it sends its default headers with each request (a little more than on its own pool).",
    ]
    return lines


def _import_details(results: Results) -> list[str]:
    if not results.imports:
        return []
    lines = [
        "",
        "## Import time",
        "",
        "Wall time of a fresh `python -c ...` process, median over the runs; the package's own import is its cumulative time under `-X importtime`.",
        "",
    ]
    rows = []
    for label, timing in results.imports.items():
        floor_label = results.import_floors.get(label)
        floor = results.imports.get(floor_label or "")
        ratio = (
            "–" if floor is None or floor.median is None or timing.median is None else _x(timing.median / floor.median)
        )
        own = "–" if timing.import_ms is None else f"{timing.import_ms:.0f} ms"
        value = _s(timing.median, 3) if timing.median is not None else f"failed: {timing.failure}"
        rows.append(
            [
                f"`{label}`" if not label.startswith(("ours", "openapi")) else label,
                value,
                ratio + (f" of `{floor_label}`" if ratio != "–" else ""),
                own,
            ]
        )
    lines += _table(["what", "median", "vs floor", "package's own import"], rows)
    return lines + _first_call_details(results)


def _first_call_details(results: Results) -> list[str]:
    """The steps of ours from Stripe's first call (``import_time.breakdown``)."""
    found = results.first_call
    if found is None:
        return []
    lines = [
        "",
        "### Where the first call's time goes (ours from Stripe)",
        "",
        "The snippet `import + client + one call` cut into steps, each timed inside the process "
        "(`time.process_time`), median over fresh processes; pydantic's steps are forced first "
        "(in the snippet the call makes them), so that what is left to the SDK's steps is its own.",
        "",
    ]
    if found.failure:
        return lines + [f"Not measured: {found.failure}"]
    rows = [
        [step, whose, f"{cpu:.1f}", f"{wall:.1f}"]
        for (step, whose), cpu, wall in zip(BREAKDOWN_STEPS, found.cpu_ms, found.wall_ms)
    ]
    by_whose: dict[str, float] = {}
    for (_, whose), cpu in zip(BREAKDOWN_STEPS, found.cpu_ms):
        by_whose[whose] = by_whose.get(whose, 0.0) + cpu
    rows += [[f"sum: {whose}", "", f"{cpu:.1f}", ""] for whose, cpu in by_whose.items()]
    rows.append(["sum", "", f"{sum(found.cpu_ms):.1f}", f"{sum(found.wall_ms):.1f}"])
    if found.process_ms is not None:
        rows.append(
            [
                "the interpreter's start and exit (the process's wall time minus the sum)",
                "Python, and the exit's clean-up of every module loaded",
                "",
                f"{found.process_ms - sum(found.wall_ms):.1f}",
            ]
        )
    if found.second_call_cpu_ms is not None:
        rows.append(["a second call (for comparison)", "ours, httpx, pydantic", f"{found.second_call_cpu_ms:.2f}", ""])
    lines += _table(["step", "whose", "ms CPU", "ms wall"], rows)
    lines += ["", f"{found.runs} processes; the interpreter's start and exit are not in the sum."]
    return lines


def _profile_details(results: Results) -> list[str]:
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


def _bound(profile: dict[str, Any]) -> list[str]:
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
    lines += _table(["stage", "wall time", "CPU time (workers included)", "share of wall"], rows)
    if total:
        biggest = max(stages.items(), key=lambda item: item[1])
        lines += ["", f"The biggest stage is `{biggest[0]}` ({100 * biggest[1] / total:.0f}%)."]
    lines += _bound(profile)
    if profile.get("by_library"):
        groups = profile["by_library"]
        whole = sum(groups.values())
        lines += ["", "Own time by library (profiled run):", ""]
        lines += _table(
            ["library", "own time", "share"],
            [[name, f"{value:.3f} s", f"{100 * value / whole:.0f}%"] for name, value in groups.items()],
        )
    lines += ["", "Top functions by cumulative time (profiled run; profiler overhead included):", ""]
    top = [r for r in profile["top"] if "bench/" not in r["function"] and "profile.py" not in r["function"]][:15]
    lines += _table(
        ["function", "calls", "cumulative", "own"],
        [[f"`{r['function']}`", str(r["calls"]), f"{r['cumulative']:.3f} s", f"{r['own']:.3f} s"] for r in top],
    )
    lines += ["", "Top functions by own time:", ""]
    lines += _table(
        ["function", "calls", "own", "cumulative"],
        [
            [f"`{r['function']}`", str(r["calls"]), f"{r['own']:.3f} s", f"{r['cumulative']:.3f} s"]
            for r in profile["top_own"][:10]
        ],
    )
    return lines


#: Hand-kept: what each of the generator's speed mechanisms costs and buys (measured on and off, see its text).
MECHANISMS = BENCH / "mechanisms.md"


def _mechanisms_details(path: Path = MECHANISMS) -> list[str]:
    """The hand-kept section on the generator's mechanisms, as it is (its measurements need each
    mechanism switched off in the code, which the harness cannot do)."""
    if not path.is_file():
        return []
    return ["", *path.read_text(encoding="utf-8").rstrip("\n").split("\n")]


def markdown(results: Results) -> str:
    lines = _header(results)
    lines += ["", "## Targets", ""]
    lines += _table(["target (issue 5)", "measured", "met?"], targets(results))
    lines += (
        _generation_details(results)
        + _scaling_details(results)
        + _call_details(results)
        + _import_details(results)
        + _profile_details(results)
        + _mechanisms_details()
    )
    return "\n".join(lines) + "\n"
