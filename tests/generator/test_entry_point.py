"""``python -m generator`` and the installed ``leap-generate`` script run the same process.

Both turn the cyclic garbage collector off, and end with ``os._exit`` once what they printed
is flushed (see :func:`generator.cli.entry_point`). A ``sitecustomize`` put on ``PYTHONPATH``
makes that visible from outside: it says when ``gc.disable`` is called, and an ``atexit``
handler (which ``os._exit`` skips) says when the process ended the usual way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "leap-generate"
SPEC = ROOT / "spec" / "openapi.yaml"
BROKEN = ROOT / "tests" / "generator" / "broken_specs" / "external-ref.yaml"
SITECUSTOMIZE = """\
import atexit, gc, sys
_disable = gc.disable
def _said_disable():
    print("[gc.disable called]", file=sys.stderr)
    _disable()
gc.disable = _said_disable
atexit.register(lambda: print("[atexit ran]", file=sys.stderr))
"""


def _run(command: list[str], folder: Path) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(folder)}
    done = subprocess.run(command, capture_output=True, text=True, cwd=folder, env=env)  # stdout and stderr are pipes
    return done.returncode, done.stdout, done.stderr


def test_the_script_is_the_entry_point_python_m_runs() -> None:
    (script,) = entry_points(group="console_scripts", name="leap-generate")
    assert script.value == "generator.cli:entry_point"
    assert (ROOT / "generator" / "__main__.py").read_text(encoding="utf-8").count("entry_point()") == 1


@pytest.mark.parametrize(
    "args, status",
    [
        (["validate", "--spec", str(SPEC), "--no-cache"], 0),
        (["validate", "--spec", str(BROKEN), "--no-cache"], 2),
    ],
    ids=["valid", "errors"],
)
def test_the_script_behaves_like_python_m(tmp_path: Path, args: list[str], status: int) -> None:
    assert SCRIPT.is_file(), "the project is not installed in this environment"
    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    module = _run([sys.executable, "-m", "generator", *args], tmp_path)
    script = _run([str(SCRIPT), *args], tmp_path)
    assert script == module
    code, out, err = script
    assert code == status
    assert err.startswith("[gc.disable called]\n")  # the collector is off for the whole run
    assert "[atexit ran]" not in err  # ended by os._exit
    if status == 0:
        assert out.endswith(" warning(s))\n")  # printed, and flushed through the pipe before os._exit
    else:
        assert "problem(s); nothing was written." in err


def test_usage_errors_end_the_usual_way(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    module = _run([sys.executable, "-m", "generator", "generate", "--no-such-option"], tmp_path)
    assert _run([str(SCRIPT), "generate", "--no-such-option"], tmp_path) == module
    assert module[0] == 2 and "unrecognized arguments" in module[2]
