"""Stage 6: the output is swapped in whole or not at all; ``check`` tells when it is stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import write
from generator.cli import main
from generator.write import diff_tree, read_tree, write_tree

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
GENERATED = ROOT / "generated" / "leap"

OLD = {"keep.txt": "old keep\n", "gone.txt": "only in the old tree\n", "pkg/mod.py": "OLD = 1\n"}
NEW = {"keep.txt": "new keep\n", "pkg/mod.py": "NEW = 2\n", "pkg/sub/new.py": "ADDED = 3\n", "unicode.md": "café ✓\n"}


def _siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir())


def test_write_tree_creates_the_output(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "out"
    write_tree(NEW, out)
    assert read_tree(out) == {rel: text.encode("utf-8") for rel, text in NEW.items()}
    assert _siblings(out) == ["out"]


def test_write_tree_replaces_the_tree_and_drops_files_no_longer_produced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(OLD, out)
    (out / "stray.txt").write_text("made by hand\n", encoding="utf-8")

    write_tree(NEW, out)

    assert read_tree(out) == {rel: text.encode("utf-8") for rel, text in NEW.items()}
    assert not (out / "gone.txt").exists() and not (out / "stray.txt").exists()
    assert _siblings(out) == ["out"]


def test_write_tree_writes_bytes_exactly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree({"crlf.txt": "a\r\nb\n", "plain.txt": "x"}, out)
    assert (out / "crlf.txt").read_bytes() == b"a\r\nb\n"
    assert (out / "plain.txt").read_bytes() == b"x"


class Boom(Exception):
    pass


def test_a_failing_file_write_leaves_the_old_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write_tree(OLD, out)
    before = read_tree(out)
    real = Path.write_bytes
    calls = []

    def failing(self: Path, data: bytes) -> int:
        calls.append(self.name)
        if len(calls) == 2:
            raise Boom("disk full")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(Boom):
        write_tree(NEW, out)
    monkeypatch.undo()

    assert len(calls) == 2
    assert read_tree(out) == before
    assert _siblings(out) == ["out"]


@pytest.mark.parametrize("failing_call", [1, 2], ids=["moving-the-old-tree-aside", "moving-the-new-tree-in"])
def test_a_failing_swap_leaves_the_old_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int) -> None:
    out = tmp_path / "out"
    write_tree(OLD, out)
    before = read_tree(out)
    real = os.replace
    calls = []

    def failing(src: object, dst: object) -> None:
        calls.append((src, dst))
        if len(calls) == failing_call:
            raise Boom("rename failed")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(write.os, "replace", failing)
    with pytest.raises(Boom):
        write_tree(NEW, out)
    monkeypatch.undo()

    assert read_tree(out) == before
    assert _siblings(out) == ["out"], "a temporary folder was left beside the output"


def test_a_failing_first_write_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(write.os, "replace", lambda src, dst: (_ for _ in ()).throw(Boom("no")))
    with pytest.raises(Boom):
        write_tree(NEW, out)
    assert _siblings(out) == []


def test_read_tree_skips_tool_caches(tmp_path: Path) -> None:
    write_tree({"a.py": "A = 1\n"}, tmp_path / "out")
    for cache in ("__pycache__/a.cpython-311.pyc", ".mypy_cache/x.json", "pkg.egg-info/PKG-INFO", "build/lib/a.py", "dist/a.whl"):
        path = tmp_path / "out" / cache
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"cache")
    assert read_tree(tmp_path / "out") == {"a.py": b"A = 1\n"}
    assert read_tree(tmp_path / "missing") == {}


def test_diff_tree_lists_changed_missing_and_extra(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree({"same.txt": "same\n", "changed.txt": "before\n", "extra.txt": "not generated\n"}, out)
    files = {"same.txt": "same\n", "changed.txt": "after\n", "missing.txt": "new\n"}
    assert diff_tree(files, out) == ["changed  changed.txt", "extra    extra.txt", "missing  missing.txt"]
    assert diff_tree({"same.txt": "same\n", "changed.txt": "before\n", "extra.txt": "not generated\n"}, out) == []
    assert diff_tree({"a.txt": "a\n"}, tmp_path / "nowhere") == ["missing  a.txt"]


@pytest.fixture
def output_copy(tmp_path: Path) -> Path:
    """A fresh generation, as ``make generate`` leaves it."""
    out = tmp_path / "leap"
    assert main(["generate", "--spec", str(SPEC), "--out", str(out)]) == 0
    return out


def test_check_is_clean_on_a_fresh_output(output_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["check", "--spec", str(SPEC), "--out", str(output_copy)]) == 0
    assert "is up to date" in capsys.readouterr().out


def test_check_lists_every_stale_file(output_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = read_tree(output_copy)
    (output_copy / "leap" / "_version.py").write_text("__version__ = 'edited by hand'\n", encoding="utf-8")
    (output_copy / "docs" / "api.md").unlink()
    (output_copy / "leap" / "notes.txt").write_text("mine\n", encoding="utf-8")
    capsys.readouterr()

    assert main(["check", "--spec", str(SPEC), "--out", str(output_copy)]) == 1

    stderr = capsys.readouterr().err
    assert "is stale" in stderr
    listed = [line for line in stderr.splitlines() if line.startswith(("changed", "missing", "extra"))]
    assert listed == ["missing  docs/api.md", "changed  leap/_version.py", "extra    leap/notes.txt"]
    assert set(read_tree(output_copy)) == set(before) - {"docs/api.md"} | {"leap/notes.txt"}, "check wrote something"


def test_check_accepts_the_committed_output_copied_elsewhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "leap"
    shutil.copytree(GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".mypy_cache"))
    assert main(["check", "--spec", str(SPEC), "--out", str(copy)]) == 0, capsys.readouterr().err
    (copy / "leap" / "py.typed").unlink()
    assert main(["check", "--spec", str(SPEC), "--out", str(copy)]) == 1
    assert "missing  leap/py.typed" in capsys.readouterr().err


def test_generate_twice_gives_the_same_tree(output_copy: Path) -> None:
    first = read_tree(output_copy)
    assert main(["generate", "--spec", str(SPEC), "--out", str(output_copy)]) == 0
    assert read_tree(output_copy) == first
    assert _siblings(output_copy) == ["leap"]


def test_update_tree_rewrites_only_the_files_that_changed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(NEW, out)
    before = {rel: os.stat(out / rel).st_ino for rel in NEW}
    changed = {**NEW, "pkg/mod.py": "NEW = 3\n"}
    assert write.update_tree(changed, out) == ["pkg/mod.py"]
    assert read_tree(out) == {rel: text.encode("utf-8") for rel, text in changed.items()}
    assert {rel: os.stat(out / rel).st_ino for rel in NEW if rel != "pkg/mod.py"} == {k: v for k, v in before.items() if k != "pkg/mod.py"}
    assert _siblings(out) == ["out"] and sorted(p.name for p in (out / "pkg").iterdir()) == ["mod.py", "sub"]


def test_update_tree_swaps_the_tree_when_files_come_or_go(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(OLD, out)
    write.update_tree(NEW, out)
    assert read_tree(out) == {rel: text.encode("utf-8") for rel, text in NEW.items()}


def test_update_tree_puts_back_what_it_replaced_when_a_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write_tree(NEW, out)
    original = write._replace
    calls = []

    def failing(target: Path, data: bytes) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        original(target, data)

    monkeypatch.setattr(write, "_replace", failing)
    with pytest.raises(OSError):
        write.update_tree({rel: text + "# changed\n" for rel, text in NEW.items()}, out)
    assert read_tree(out) == {rel: text.encode("utf-8") for rel, text in NEW.items()}


def test_write_tree_carries_the_kept_folders_over_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(OLD, out, keep=("pkg/lib",))
    (out / "pkg" / "lib" / "deep").mkdir(parents=True)
    mine = {"pkg/lib/mine.py": b"X = 1\r\n", "pkg/lib/deep/data.bin": b"\x00\xff"}
    for rel, data in mine.items():
        (out / rel).write_bytes(data)

    write_tree(NEW, out, keep=("pkg/lib",))

    assert read_tree(out) == {**{rel: text.encode("utf-8") for rel, text in NEW.items()}, **mine}
    assert read_tree(out, keep=("pkg/lib",)) == {rel: text.encode("utf-8") for rel, text in NEW.items()}
    assert diff_tree(NEW, out, keep=("pkg/lib",)) == [] and diff_tree(NEW, out) == ["extra    pkg/lib/deep/data.bin", "extra    pkg/lib/mine.py"]
    assert _siblings(out) == ["out"]


def test_write_tree_refuses_generated_files_in_a_kept_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pkg/lib/x.py"):
        write_tree({"pkg/lib/x.py": "", "a.txt": ""}, tmp_path / "out", keep=("pkg/lib",))
    assert not (tmp_path / "out").exists()
