"""The same spec gives the same bytes: no clock, no hash order, no machine paths."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import __version__
from generator.pipeline import Result, generate_files
from generator.write import STAMP

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"


@pytest.fixture(scope="module")
def result() -> Result:
    return generate_files(SPEC)


def test_two_runs_give_identical_files(result: Result) -> None:
    again = generate_files(SPEC)
    assert again.files == result.files
    assert list(again.files) == list(result.files)
    assert again.api == result.api


HASH_SEED_RUN = """
import hashlib, json, sys
from pathlib import Path
from generator.pipeline import generate_files
files = generate_files(Path(sys.argv[1])).files
print(json.dumps({path: hashlib.sha256(text.encode()).hexdigest() for path, text in files.items()}))
"""


@pytest.mark.slow
def test_runs_in_other_processes_with_other_hash_seeds_agree(result: Result, tmp_path: Path) -> None:
    """Set and dict iteration order must not leak into the output (PYTHONHASHSEED varies per process)."""
    expected = {path: hashlib.sha256(text.encode()).hexdigest() for path, text in result.files.items()}
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", HASH_SEED_RUN, str(SPEC)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout) == expected, f"PYTHONHASHSEED={seed} changed the output"


def test_output_has_no_timestamps(result: Result) -> None:
    now = dt.datetime.now()
    utc = dt.datetime.now(dt.timezone.utc)
    stamps = {now.strftime("%Y-%m-%d"), utc.strftime("%Y-%m-%d"), now.strftime("%d/%m/%Y"), now.strftime("%m/%d/%Y"), now.strftime("%b %d, %Y"), now.strftime("%d %b %Y")}
    for path, text in result.files.items():
        for stamp in stamps:
            assert stamp not in text, f"{path} contains today's date {stamp!r}"
        assert not re.search(r"\b(generated|created) (on|at) \d", text, re.IGNORECASE), path


def test_output_has_no_machine_paths(result: Result) -> None:
    for path, text in result.files.items():
        assert str(ROOT) not in text, path
        assert str(Path.home()) not in text, path


def test_stamp_records_the_spec_and_generator(result: Result) -> None:
    stamp = json.loads(result.files[STAMP])
    assert stamp == {
        "generator_version": __version__,
        "spec_sha256": hashlib.sha256(SPEC.read_bytes()).hexdigest(),
        "files": len(result.files) - 1,
    }
    assert result.api.spec_sha256 == stamp["spec_sha256"]


@pytest.mark.slow
def test_stamp_changes_with_the_spec(tmp_path: Path, result: Result) -> None:
    copy = tmp_path / "openapi.yaml"
    copy.write_bytes(SPEC.read_bytes() + b"# a trailing comment changes the hash, not the SDK\n")
    shutil.copytree(SPEC.parent / "guide", tmp_path / "guide")  # the guide pages travel with the spec
    other = generate_files(copy)
    assert json.loads(other.files[STAMP])["spec_sha256"] == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert {p: t for p, t in other.files.items() if p != STAMP} == {p: t for p, t in result.files.items() if p != STAMP}


def test_the_file_list_is_sorted_and_relative(result: Result) -> None:
    paths = [p for p in result.files if p != STAMP]
    assert paths == sorted(paths)
    for path in result.files:
        assert not path.startswith("/") and ".." not in path.split("/") and "\\" not in path
