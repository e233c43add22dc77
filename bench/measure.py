"""Run one command in a fresh process: its wall time, its peak memory, its exit and its output.

Peak memory is the ``ru_maxrss`` that ``os.wait4`` reports for that one child. Linux counts
the largest resident set among the child and the descendants it waited for, so a wrapper
that runs Java (openapi-generator-cli) or a formatter (openapi-python-client runs ruff) is
measured by its biggest process, not by the wrapper alone. The child is started from the
small launcher ``launch.py``, never from the harness directly (see there why).
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Run:
    """One process: ``seconds`` of wall time, ``peak_mib`` of resident memory, exit ``code``."""

    seconds: float
    peak_mib: float
    code: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.code == 0


LAUNCHER = Path(__file__).resolve().parent / "launch.py"


def run(argv: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 900.0) -> Run:
    """Run ``argv`` to its end (killed after ``timeout`` seconds: exit code -9) and measure it.

    It is started by ``launch.py`` in a small interpreter of its own, so that its peak memory
    is its own and not the harness's (see there); the wall time is measured by the launcher,
    from spawn to exit, without the launcher's own start.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [sys.executable, "-I", "-S", str(LAUNCHER), str(report), str(timeout), *argv]
        subprocess.run(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err, timeout=timeout + 60
        )
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        try:
            measured = json.loads(report.read_text())
        except (OSError, ValueError):  # the command could not be started at all
            return Run(0.0, 0.0, 127, stdout, stderr or f"could not run {argv[0]}")
        return Run(measured["seconds"], measured["maxrss_kib"] / 1024.0, measured["code"], stdout, stderr)


_PROBLEM = re.compile(r"\berror\b|error\[|exception|failed|invalid|cannot|could not|unsupported|require", re.IGNORECASE)
_RAISED = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception)\b")


def scrub(text: str) -> str:
    """``text`` without this machine's folders: paths relative to the repository or the specs."""
    from .paths import ROOT, shared_specs

    folders = [str(ROOT) + "/", tempfile.gettempdir().rstrip("/") + "/"]
    specs = shared_specs()
    if specs is not None:
        folders.insert(0, str(specs.resolve()) + "/")
        folders.insert(0, str(specs) + "/")
    for folder in folders:
        text = text.replace(folder, "")
    return text


def first_problem(run: Run) -> str:
    """The first line of output that names a problem (else the first non-empty line), shortened."""
    lines = [line.strip() for line in (run.stderr + "\n" + run.stdout).splitlines() if line.strip()]
    if run.code == -9:
        return "timed out"
    lines = [line for line in lines if "Warning" not in line and not line.startswith(("warn", "│", "╭", "╰"))] or lines
    raised = [line for line in lines if _RAISED.match(line)]
    if raised:  # a Python traceback: the exception says what went wrong
        chosen = raised[-1]
    else:
        chosen = next((line for line in lines if _PROBLEM.search(line)), lines[0] if lines else f"exit {run.code}")
    chosen = scrub(re.sub(r"\s+", " ", chosen))
    return chosen if len(chosen) <= 200 else chosen[:197] + "..."


@dataclass
class Series:
    """Repeated runs of one thing; failed runs keep the first failure's reason."""

    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    failure: str | None = None

    def add(self, run: Run, reason: str | None = None) -> None:
        if run.ok and reason is None:
            self.seconds.append(run.seconds)
            self.peak_mib.append(run.peak_mib)
        elif self.failure is None:
            self.failure = reason or first_problem(run)

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def peak(self) -> float | None:
        return max(self.peak_mib) if self.peak_mib else None


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None
