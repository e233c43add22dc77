"""``python -m bench``'s command line: which specs, how many runs and calls, which sections to skip."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import specs
from .paths import BENCH

SECTIONS = ("generation", "edit", "scaling", "calls", "imports", "profile")


def _parser(description: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=description)
    parser.add_argument(
        "--quick", action="store_true", help="smoke mode: Leap spec, 1 run, no peers, few calls, no plot"
    )
    parser.add_argument(
        "--specs", default=",".join(specs.ALL), help=f"comma-separated, of {', '.join(specs.ALL)} (default: all)"
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and spec (default 5)")
    parser.add_argument(
        "--stripe-runs",
        type=int,
        default=3,
        help="timed runs per tool on Stripe, and per scaling point on it (default 3)",
    )
    parser.add_argument("--no-peers", action="store_true", help="measure ours only (no installs)")
    parser.add_argument(
        "--calls", type=int, default=2000, help="findOne calls per round (listAll: a tenth); default 2000"
    )
    parser.add_argument("--rounds", type=int, default=5, help="rounds of SDK calls (default 5)")
    parser.add_argument("--import-runs", type=int, default=10, help="fresh processes per import snippet (default 10)")
    parser.add_argument(
        "--timeout", type=float, default=900, help="seconds before one generation is killed (default 900)"
    )
    parser.add_argument("--skip", default="", help=f"comma-separated sections to leave out: {', '.join(SECTIONS)}")
    parser.add_argument(
        "--out", type=Path, default=BENCH / "RESULTS.md", help="where to write the report (default bench/RESULTS.md)"
    )
    parser.add_argument(
        "--plot",
        type=Path,
        default=BENCH / "scaling.png",
        help="where to draw the scaling plot (default bench/scaling.png)",
    )
    return parser


def options(argv: list[str] | None, description: str | None = None) -> argparse.Namespace:
    """The command line's options, ``--quick`` applied; ``skip`` as a set, ``wanted`` as the list of spec keys."""
    args = _parser(description).parse_args(argv)
    if args.quick:
        args.specs, args.runs, args.no_peers, args.calls, args.rounds, args.import_runs = "leap", 1, True, 200, 1, 2
        args.skip = ",".join(filter(None, [args.skip, "scaling", "edit"]))
    args.skip = {part.strip() for part in args.skip.split(",") if part.strip()}
    args.wanted = [key.strip() for key in args.specs.split(",") if key.strip()]
    return args
