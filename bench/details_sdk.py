"""The report's sections on the generated SDKs: calls per second, the cost of one call step by step, import times and the first call."""

from __future__ import annotations

from .import_time import BREAKDOWN_STEPS
from .results import Results, seconds, table, times


def call_details(results: Results) -> list[str]:
    if not results.calls and not results.calls_note:
        return []
    lines = [
        "",
        "## SDK per call",
        "",
        "Sequential calls from one client process to the bench server (its own process, 127.0.0.1); median of the rounds; each ratio compares with its baseline, timed in turns in the same process (see below the table).",
        "",
    ]
    if results.calls_note:
        lines += [results.calls_note, ""]
    rows = []
    for op, by_client in results.calls.items():
        for label, rates in by_client.items():
            value = f"{rates.median:.0f}" if rates.median is not None else f"failed: {rates.failure}"
            rows.append([op, label, value, str(len(rates.per_round)), times(rates.paired_ratio)])
    lines += table(["operation", "client", "calls/s", "rounds", "vs baseline"], rows)
    lines += [
        "",
        "The baseline is raw httpx (`client.get(...).json()`) in the same mode and the same virtual environment, except for `wait()` (baseline: one find_one) and "
        '`list_all_iter()` (baseline: the two list_all calls it makes; a "call" of either is both pages). '
        "Every client but raw httpx is timed in turns with its baseline in its own process, one call of each per turn, "
        "and its ratio is the median over the rounds of the two rates in one process: clients timed in processes of their own, "
        "one after the other, read the drift of the shared machine as much as the clients (the same SDK read 0.83× to 1.00× of its baseline that way). "
        "The raw httpx rows are raw httpx alone, in a process of its own. "
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
    lines += table(["operation", "step", "µs CPU per call", "time vs"], rows)
    lines += [
        "",
        "`validate_json` minus `json.loads` is what checking an answer against the spec's models costs pydantic-core; "
        "`validate_json, timestamps in ISO 8601` is the same body with every timestamp in ISO 8601 instead of PostgreSQL text "
        "(which the spec's `Timestamp` allows and the bench server sends for images): the difference is what reading that text costs. "
        "`leap` is given the mock's `httpx.Client`, so it sends its default headers with each request (a little more than on its own pool).",
    ]
    return lines


def import_details(results: Results) -> list[str]:
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
            "–" if floor is None or floor.median is None or timing.median is None else times(timing.median / floor.median)
        )
        own = "–" if timing.import_ms is None else f"{timing.import_ms:.0f} ms"
        value = seconds(timing.median, 3) if timing.median is not None else f"failed: {timing.failure}"
        rows.append(
            [
                f"`{label}`" if not label.startswith(("ours", "openapi")) else label,
                value,
                ratio + (f" of `{floor_label}`" if ratio != "–" else ""),
                own,
            ]
        )
    lines += table(["what", "median", "vs floor", "package's own import"], rows)
    return lines + first_call_details(results)


def first_call_details(results: Results) -> list[str]:
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
    lines += table(["step", "whose", "ms CPU", "ms wall"], rows)
    lines += ["", f"{found.runs} processes; the interpreter's start and exit are not in the sum."]
    return lines
