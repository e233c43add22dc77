"""Where things are: the repository, build/, and the public specs (the corpus of the tests)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
BUILD = ROOT / "build"
LEAP_SPEC = ROOT / "spec" / "openapi.yaml"
OUR_PYTHON = ROOT / ".venv" / "bin" / "python"
#: The public specs copied into the repository for the corpus tests (see its README).
CORPUS_SPECS = ROOT / "tests" / "generator" / "corpus" / "specs"


def shared_specs() -> Path:
    """The folder of public specs: ``BENCH_SPECS`` when set, else the repository's copies.

    A spec missing from a ``BENCH_SPECS`` folder is left out, and the harness says so.
    """
    if os.environ.get("BENCH_SPECS"):
        return Path(os.environ["BENCH_SPECS"])
    return CORPUS_SPECS
