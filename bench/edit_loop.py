"""``python -m bench.edit_loop``: Stripe's (or another spec's) edit loop alone, old code against new.

As :func:`bench.generation.edit_loop` measures it (a warm cache and output folder, the first one-line
operation ``description`` given a new text before each timed run, the spec put back and regenerated
untimed after it), but with the CPU time (user + sys of the process and its children, from
``os.wait4``) beside the wall time, and with the runs of two copies of the generator alternating
(A B A B ...), so that a shared machine's load hits both alike. Each round also times a run with
nothing changed (the spec put back and regenerated untimed first), as the bench's 'unchanged' row. ``--against REV`` is the other copy:
that commit of this repository, unpacked under ``build/`` and run from this project's venv.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .generation import editable_description
from .tools import OURS
from .paths import BUILD, OUR_PYTHON, ROOT
from .specs import ALL, find


def _tree(rev: str) -> Path:
    commit = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    folder = BUILD / "edit-loop" / f"code-{commit[:12]}"
    if not folder.is_dir():
        folder.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", rev, "generator", "templates"], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


#: ``python -m generator`` from another copy of the code: the venv's editable install of this tree is
#: found before ``PYTHONPATH``, so its finder is taken out first.
_RUN_FROM = (
    "import runpy, sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()];"
    " sys.path.insert(0, {code!r}); sys.argv[0] = 'generator'; runpy.run_module('generator', run_name='__main__')"
)


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run: CPU is user + sys of the process and every child it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, cwd=BUILD, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.edit_loop", description=__doc__)
    parser.add_argument("--spec", default="stripe", choices=list(ALL))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", default="", help="a commit to alternate with (default: this tree alone)")
    args = parser.parse_args(argv)
    spec = find([args.spec], log=lambda _: None)[0]
    text = spec.path.read_text(encoding="utf-8")
    start, end = editable_description(text) or (0, 0)
    variants = {"this tree": None, **({args.against: _tree(args.against)} if args.against else {})}
    results: dict[str, dict[str, list[tuple[float, float]]]] = {name: {"unchanged": [], "one description edited": []} for name in variants}
    for name, code in variants.items():
        folder = BUILD / "edit-loop" / f"{args.spec}-{name.replace(' ', '-')}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for round_no in range(args.runs + 1):  # the first round fills the caches, untimed
        for name, code in variants.items():
            folder = BUILD / "edit-loop" / f"{args.spec}-{name.replace(' ', '-')}"
            copy = folder / spec.path.name
            env = OURS.env()
            start_code = ["-m", "generator"] if code is None else ["-c", _RUN_FROM.format(code=str(code))]
            command = [str(OUR_PYTHON), *start_code, "generate", "--spec", str(copy), "--out", str(folder / "out"), "--cache-dir", str(folder / "cache")]
            copy.write_text(text, encoding="utf-8")
            _timed(command, env)  # the spec as it is: untimed
            if round_no == 0:
                continue
            _run(results[name], "unchanged", name, round_no, command, env)
            copy.write_text(text[:end] + f" (edit {round_no})" + text[end:], encoding="utf-8")
            _run(results[name], "one description edited", name, round_no, command, env)
    print(f"load average at end: {os.getloadavg()}")
    print("| code | change | wall (median, range) | CPU (median, range) | runs |\n| --- | --- | --- | --- | --- |")
    for name, series in results.items():
        for change, runs in series.items():
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            print(
                f"| {name} | {change} | {statistics.median(walls):.3f} s ({min(walls):.3f} to {max(walls):.3f}) |"
                f" {statistics.median(cpus):.3f} s ({min(cpus):.3f} to {max(cpus):.3f}) | {len(runs)} |"
            )
    return 0


def _run(series: dict[str, list[tuple[float, float]]], change: str, name: str, round_no: int, command: list[str], env: dict[str, str]) -> None:
    series[change].append(_timed(command, env))
    wall, cpu = series[change][-1]
    print(f"{name:>12} run {round_no}, {change}: wall {wall:.3f} s, CPU {cpu:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
