"""The markdown report: a header (machine, versions, load), the targets of issue 5 with
met / missed, then the details of every measurement and where our generator's time goes."""

from __future__ import annotations

from .details_generation import generation_details, mechanisms_details, profile_details, scaling_details
from .details_sdk import call_details, import_details
from .results import Results, table
from .targets import targets


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


def markdown(results: Results) -> str:
    lines = _header(results)
    lines += ["", "## Targets", ""]
    lines += table(["target (issue 5)", "measured", "met?"], targets(results))
    lines += (
        generation_details(results)
        + scaling_details(results)
        + call_details(results)
        + import_details(results)
        + profile_details(results)
        + mechanisms_details()
    )
    return "\n".join(lines) + "\n"
