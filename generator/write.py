"""Stage 6: put the files in place all at once, or not at all; and tell whether they are stale.

:func:`write_tree` renders nothing itself: it writes the given files into a fresh
temporary folder beside the output, then swaps it in with two renames, so the output is
either the old tree or the new one. A file the new generation does not produce is gone;
if anything fails, the old tree is left exactly as it was.

The exception is the package's hand-written folder (:func:`hand_written`, ``<package>/lib/``):
it belongs to the user. It is copied byte for byte from the old tree into the new one
before the swap, is never part of the generated files, and :func:`read_tree` and
:func:`diff_tree` do not look into it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.cache import read_bytes

STAMP = ".generator-stamp.json"

HAND_WRITTEN = "lib"
"""The folder of the generated package that holds the user's own code: never generated, never deleted."""


def hand_written(package: str) -> str:
    """The hand-written folder of ``package``, relative to the output folder (``leap/lib``)."""
    return f"{package}/{HAND_WRITTEN}"


def stamp(spec_sha256: str, generator_version: str, files: dict[str, str], templates_sha256: str = "") -> str:
    """The stamp file: which spec, generator (and template overrides, when there are any) produced the tree (no timestamps)."""
    values: dict[str, object] = {"generator_version": generator_version, "spec_sha256": spec_sha256, "files": len(files)}
    if templates_sha256:
        values["templates_sha256"] = templates_sha256
    return json.dumps(values, indent=2, sort_keys=True) + "\n"


def _kept(rel: str, keep: tuple[str, ...]) -> bool:
    return any(rel == folder or rel.startswith(folder + "/") for folder in keep)


def write_tree(files: dict[str, str], out_dir: Path, keep: tuple[str, ...] = ()) -> None:
    """Replace ``out_dir`` with exactly ``files`` (paths relative to it), carrying the folders
    ``keep`` (relative to it, e.g. ``(hand_written(package),)``) over from the old tree as they are.

    Raises:
        ValueError: a file of ``files`` lies in a folder of ``keep`` (nothing is written).
    """
    import shutil, tempfile  # here, not above: a run that finds nothing changed writes nothing

    out_dir = Path(out_dir)
    _refuse_clashes(files, keep)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for rel, text in sorted(files.items()):
            target = temp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        for folder in keep:
            if (out_dir / folder).is_dir():
                (temp / folder).parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(out_dir / folder, temp / folder, symlinks=True)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    old = None
    try:
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
            os.rmdir(old)
            os.replace(out_dir, old)
        os.replace(temp, out_dir)
    except BaseException:
        if old is not None and old.exists():  # the old tree was moved aside: put it back
            os.replace(old, out_dir)
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _refuse_clashes(files: dict[str, str], keep: tuple[str, ...]) -> None:
    clash = sorted(rel for rel in files if _kept(rel, keep))
    if clash:
        raise ValueError(f"generated files in a hand-written folder: {', '.join(clash)}")


def read_tree(out_dir: Path, keep: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under ``out_dir`` (caches of tools that ran there and the folders ``keep`` excluded)."""
    root = str(out_dir)
    paths = sorted((rel for rel, _ in tree_entries(out_dir, keep)), key=lambda rel: rel.split("/"))
    return {rel: read_bytes(os.path.join(root, rel)) for rel in paths}


#: Folders of tools that ran in the output folder: not generated, never read.
TOOL_CACHES = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache", "build", "dist"})


def tree_entries(out_dir: Path, keep: tuple[str, ...] = ()) -> list[tuple[str, os.DirEntry[str]]]:
    """``(relative path, directory entry)`` of each file :func:`read_tree` reads, in no particular order:
    the files under ``out_dir`` without tool caches (:data:`TOOL_CACHES`, ``*.egg-info``), the folders
    ``keep`` or linked folders, with plain strings and one ``scandir`` per folder (a big SDK has thousands
    of files). A folder is entered only when it is kept out of none of these, so each entry's own name and
    path are all there is to check."""
    root, found = str(out_dir), []
    folders = [""] if out_dir.is_dir() else []
    while folders:
        prefix = folders.pop()
        with os.scandir(os.path.join(root, prefix) if prefix else root) as entries:
            for entry in entries:
                name = entry.name
                rel = prefix + name
                if name in TOOL_CACHES or name.endswith(".egg-info") or rel in keep:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append(rel + "/")
                elif entry.is_file():
                    found.append((rel, entry))
    return found


def diff_tree(files: dict[str, str], out_dir: Path, keep: tuple[str, ...] = ()) -> list[str]:
    """Lines naming each file that differs between ``files`` and ``out_dir`` (``keep`` left out): ``changed``, ``missing``, ``extra``."""
    current = read_tree(out_dir, keep)
    lines = []
    for rel in sorted(set(files) | set(current)):
        if rel not in current:
            lines.append(f"missing  {rel}")
        elif rel not in files:
            lines.append(f"extra    {rel}")
        elif current[rel] != files[rel].encode("utf-8"):
            lines.append(f"changed  {rel}")
    return lines


def update_tree(files: dict[str, str], out_dir: Path, current: dict[str, bytes] | None = None, keep: tuple[str, ...] = ()) -> list[str]:
    """Make ``out_dir`` hold exactly ``files`` (and the folders ``keep`` as they are), as :func:`write_tree` does,
    rewriting only what changed.

    When ``out_dir`` holds the same set of files (a regeneration after an edit), each file
    whose bytes differ is replaced on its own (written beside it, then renamed over it), and
    if anything fails the files replaced so far get their old bytes back; otherwise (files
    added or removed, or no folder yet) the whole tree is swapped by :func:`write_tree`.
    ``current`` is what :func:`read_tree` read from ``out_dir`` (with ``keep``) just before, if the caller has it.
    Returns the paths rewritten (every path, after a swap).

    Raises:
        ValueError: a file of ``files`` lies in a folder of ``keep`` (nothing is written).
    """
    out_dir = Path(out_dir)
    _refuse_clashes(files, keep)
    current = read_tree(out_dir, keep) if current is None else current
    if not current or set(current) != set(files):
        write_tree(files, out_dir, keep)
        return sorted(files)
    changed = {rel: text.encode("utf-8") for rel, text in files.items() if current[rel] != text.encode("utf-8")}
    done: list[str] = []
    try:
        for rel, data in sorted(changed.items()):
            _replace(out_dir / rel, data)
            done.append(rel)
    except BaseException:
        for rel in done:
            try:
                _replace(out_dir / rel, current[rel])
            except OSError:
                pass
        raise
    return done


def _replace(target: Path, data: bytes) -> None:
    temp = target.with_name(f".{target.name}.{os.getpid()}.new")
    try:
        with open(temp, "xb") as out:  # the default mode, like every other generated file
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
