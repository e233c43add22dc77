"""Draw the scaling series: ``python bench/plot.py DATA.json OUT.png`` (run with matplotlib).

DATA is ``{"spec": str, "points": [{"operations": int, "seconds": float, "peak_mib": float}]}``.
The left plot is wall time against the number of operations with a least-squares line; the
right one peak memory.
"""

from __future__ import annotations

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(data_path: str, out_path: str) -> None:
    with open(data_path, encoding="utf-8") as handle:
        data = json.load(handle)
    points = data["points"]
    ops = [p["operations"] for p in points]
    secs = [p["seconds"] for p in points]
    mib = [p["peak_mib"] for p in points]
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    left.plot(ops, secs, "o-", label="ours (median)")
    if len(ops) >= 2:
        n = len(ops)
        mean_x, mean_y = sum(ops) / n, sum(secs) / n
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(ops, secs)) / max(
            1e-12, sum((x - mean_x) ** 2 for x in ops)
        )
        left.plot(
            [0, max(ops)],
            [mean_y - slope * mean_x, mean_y + slope * (max(ops) - mean_x)],
            "--",
            color="grey",
            label=f"linear fit ({slope * 1000:.1f} ms/op)",
        )
    left.set_xlabel("operations in the spec")
    left.set_ylabel("generation wall time (s)")
    left.set_xlim(left=0)
    left.set_ylim(bottom=0)
    left.legend()
    left.set_title(f"{data['spec']}: time")
    right.plot(ops, mib, "o-", color="tab:orange")
    right.set_xlabel("operations in the spec")
    right.set_ylabel("peak RSS (MiB)")
    right.set_xlim(left=0)
    right.set_ylim(bottom=0)
    right.set_title(f"{data['spec']}: memory")
    figure.tight_layout()
    figure.savefig(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
