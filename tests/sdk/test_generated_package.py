"""The committed SDK: identical to a fresh generation, type-checks, is black-formatted, installs."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from generator.cli import main
from generator.write import read_tree
from tests.conftest import GENERATED, ROOT, SPEC_PATH


def test_committed_output_is_exactly_a_fresh_generation(tmp_path: Path) -> None:
    out = tmp_path / "leap"
    assert main(["generate", "--spec", str(SPEC_PATH), "--out", str(out)]) == 0
    fresh, committed = read_tree(out), read_tree(GENERATED)
    assert sorted(fresh) == sorted(committed), "files differ: run `make generate`"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], f"stale files (run `make generate`): {stale}"


def test_check_command_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "up to date" in capsys.readouterr().out


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_mypy_strict_passes_on_the_sdk() -> None:
    result = _run(sys.executable, "-m", "mypy", "--strict", "--no-incremental", "leap", cwd=GENERATED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_black_check_passes_on_the_sdk() -> None:
    result = _run(sys.executable, "-m", "black", "--check", "--quiet", ".", cwd=GENERATED)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_pip_install_in_a_fresh_virtualenv_then_quickstart(tmp_path: Path) -> None:
    """`pip install ./generated/leap` into an empty venv, then the README's one-liner."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = _run(str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(GENERATED), cwd=tmp_path)
    assert install.returncode == 0, install.stdout + install.stderr
    quickstart = "from leap import Leap; print(Leap(api_key='k').images.generate)"
    result = _run(str(python), "-c", quickstart, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ImagesApi.generate" in result.stdout
    files = _run(str(python), "-c", "import leap, pathlib; p = pathlib.Path(leap.__file__).parent; print((p / 'py.typed').exists(), p.parent.name)", cwd=tmp_path)
    assert files.stdout.split()[0] == "True", "py.typed must ship in the wheel"
    assert "generated" not in files.stdout, "must import the installed copy, not the source tree"


def test_the_blocking_client_does_not_load_asyncio() -> None:
    """Import time: a program that only uses ``Leap`` never pays for asyncio (about 14 ms); ``AsyncLeap`` does."""
    probe = "import sys, leap; leap.Leap(api_key='k'); print('asyncio' in sys.modules); leap.AsyncLeap(api_key='k'); import asyncio"
    done = subprocess.run([sys.executable, "-c", probe], cwd=GENERATED, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
