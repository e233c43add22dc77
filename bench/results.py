"""What one run of the harness measured (:class:`Results`), and the small formatting helpers every part of the report uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .generation import Outcome
from .import_time import Breakdown, Timing
from .measure import Series
from .sdk_calls import Client, Rates
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


def seconds(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f} s"


def times(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def failure(series: Series) -> str:
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


def table(head: list[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines
