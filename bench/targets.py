"""The Targets table of the report: each target of issue 5, what was measured, met or missed (and, when missed, what bounds it)."""

from __future__ import annotations

from .import_time import FLOOR, PYDANTIC_FLOOR, STRIPE_CALL
from .measure import median
from .results import failure, linear_fit, Results, seconds, times, TOOL_LABELS
from .sdk_calls import FLOOR_LABELS, Rates
from .specs import Spec


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
            rows.append((target, failure(ours), "**missed**: ours does not generate it"))
            continue
        parts, misses = [f"ours {seconds(ours.median)}"], []
        for key, outcome in outcomes.items():
            if key == "ours":
                continue
            peer = outcome.series.median
            if peer is None:
                parts.append(f"{TOOL_LABELS[key]} failed")
                continue
            ratio = ours.median / peer
            parts.append(f"{TOOL_LABELS[key]} {seconds(peer)} (ours/peer {times(ratio)})")
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
                rows.append((f"edit loop, {key}: {name} < {limit} s", failure(item), "**missed**"))
            else:
                verdict = (
                    "met"
                    if value < limit
                    else f"**missed** by {value / limit:.1f}×"
                )
                rows.append((f"edit loop, {key}: {name} < {limit} s", seconds(value), verdict))
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
            ("peak RSS generating Stripe < 300 MiB", failure(outcome.series), "**missed**: ours does not generate it")
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
        measured = f"{seconds(timing.median, 3)} vs {seconds(floor.median, 3)} = {times(ratio)}"
        verdict = "met" if ratio <= limit else f"**missed**: {ratio:.2f}× (limit {limit}×)"
        pydantic_floor = results.imports.get(PYDANTIC_FLOOR)
        if label == STRIPE_CALL and pydantic_floor is not None and pydantic_floor.median is not None:
            bound = pydantic_floor.median / floor.median
            measured += f"; pydantic floor {seconds(pydantic_floor.median, 3)} = {times(bound)}"
            if ratio > limit:
                verdict += (
                    f"; bounded by pydantic: one plain pydantic model of the answer and its call take {times(bound)}"
                    f" already, ours is {times(timing.median / pydantic_floor.median)} of that"
                )
        rows.append((f"`{label}` ≤ {limit}× `{FLOOR}`", measured, verdict))
    return rows


def _call_rows(results: Results) -> list[tuple[str, str, str]]:
    """Our SDK's calls against raw httpx, with the pydantic floor as what bounds a miss."""
    rows = []
    for op, by_client in results.calls.items():
        items = " (100 items)" if op == "list_all" else ""
        for label in ("leap (sync)", "leap (async)"):
            if label in by_client:
                floor = by_client.get(FLOOR_LABELS["async" if "async" in label else "sync"])
                what = f"per call, {op}{items}, {label}: ≥ 0.95× raw httpx"
                rows.append(_against_baseline(what, by_client[label], floor))
    return rows


def _against_baseline(what: str, rates: Rates, floor: Rates | None = None) -> tuple[str, str, str]:
    """The row of a client timed in turns with its baseline in one process: met at 0.95×."""
    ratio = rates.paired_ratio
    if ratio is None:
        return what, f"failed: {rates.failure}", "**missed**"
    base = median(rates.baseline_per_round)
    measured = f"{rates.median:.0f} vs {base:.0f} calls/s, timed in turns in one process = {times(ratio)}"
    verdict = "met" if ratio >= 0.95 else f"**missed**: {ratio:.2f}× (limit 0.95×)"
    bound = None if floor is None else floor.paired_ratio
    if floor is not None and bound is not None:
        measured += f"; pydantic floor {floor.median:.0f} calls/s = {times(bound)}"
        if ratio < 0.95:
            verdict += (
                f"; bounded by pydantic: raw httpx + validate_json into our models reaches {times(bound)},"
                f" ours is {times(ratio / bound)} of that"
            )
    return what, measured, verdict


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
        if rates is not None:
            rows.append(_against_baseline(what, rates))
    return rows
