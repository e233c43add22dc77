"""Where things are: the repository, build/, and the shared specs."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
BUILD = ROOT / "build"
LEAP_SPEC = ROOT / "spec" / "openapi.yaml"
OUR_PYTHON = ROOT / ".venv" / "bin" / "python"


def shared_specs() -> Path | None:
    """The folder of public specs (``shared/specs``) beside the repository or one of its parents.

    ``BENCH_SPECS`` overrides it. None when there is none (the harness then measures the Leap
    spec only and says so).
    """
    if os.environ.get("BENCH_SPECS"):
        return Path(os.environ["BENCH_SPECS"])
    for parent in ROOT.parents:
        candidate = parent / "shared" / "specs"
        if candidate.is_dir():
            return candidate
    return None
