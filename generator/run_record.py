"""The record of the last generation into an output folder: the fast path of ``generate`` and ``check``.

A record (kept in the cache's ``runs/`` section, under :func:`run_key`) holds a hash of every input
(the spec's files, the template and guide folders), the warnings printed, the hash of every file
written, what the next run's render reuse needs (:mod:`generator.render.reuse`), and the ``stat``
(size, modification and change times, inode) of each file the run found holding what it would write,
as the run saw it before reading the file: a file the run wrote, or one changed while it ran, has none.

Whether the output folder still holds what was written is told by those ``stat`` values, as git tells
a file unchanged from its index: a file whose size, times and inode are the ones recorded is not read.
Writing a file, or renaming another over it, sets its change time to the clock's time, which no
program can set back; so a change made after the ``stat`` was taken shows. A change made in the same
tick of the clock as the ``stat`` would not: a file changed less than :data:`RACY_NS` before its
``stat`` was taken has none in the record, and is read and hashed by the next run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterable

from generator.cache import digest, file_hashes, fingerprint, sha256, tree_digest

#: A file changed this recently (ns) when the record is taken is checked by its bytes next time: filesystems
#: keep times at the clock's tick (a few ms on Linux), some at a second or two.
RACY_NS = 2_000_000_000


def run_key(*parts: object) -> str:
    """The key of a generation's record: the generator (:func:`~generator.cache.fingerprint`) and the given arguments."""
    return digest("run", fingerprint(), os.getcwd(), *parts)


def file_stat(path: str | os.DirEntry[str]) -> list[int] | None:
    """What tells a file changed without reading it: size, modification and change times (ns), inode."""
    try:
        found = path.stat() if isinstance(path, os.DirEntry) else os.stat(path)
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


def settled(stats: dict[str, list[int] | None], taken_at: int) -> dict[str, list[int]]:
    """The ``stats`` (of :func:`file_stat`) of the files that had not changed for :data:`RACY_NS` at ``taken_at``
    (``time.time_ns()`` read before the first ``stat``)."""
    return {rel: found for rel, found in stats.items() if found is not None and found[2] < taken_at - RACY_NS}


def settle(record: Any, stats: dict[str, list[int] | None], taken_at: int) -> dict[str, Any] | None:
    """``record`` with the ``stats`` of its files now settled, after :func:`still_fresh` found the folder
    holds what it says (so that the next run need not read them); ``None`` when nothing is new."""
    found = settled(stats, taken_at)
    return None if found == record.get("stats") else {**record, "stats": found}


def make_record(
    sources: Iterable[tuple[str, str]],
    folders: Iterable[str],
    outputs: dict[str, str],
    messages: str,
    jobs: dict[str, Any] | None = None,
    stats: dict[str, list[int]] | None = None,
    known: dict[str, str] | None = None,
) -> dict[str, Any]:
    """What :func:`still_fresh` checks: the spec files and input folders with their hashes, and the files written.

    ``outputs`` is the generated text of every file (relative path -> text); ``messages`` what the run printed
    (its warnings), to print again; ``jobs``, what the next run needs to reuse a file whose inputs did not
    change (:mod:`generator.render.reuse`); ``stats``, the :func:`settled` ``stat`` of the files found holding
    their text; ``known``, the SHA-256 of some outputs' text, when the caller has it already.
    """
    known = known or {}
    return {
        "jobs": jobs or {},
        "sources": [[path, sha] for path, sha in sources],
        "folders": [[folder, tree_digest(Path(folder))] for folder in folders],
        "outputs": {rel: known[rel] if rel in known else sha256(text.encode("utf-8")) for rel, text in outputs.items()},
        "stats": stats or {},
        "messages": messages,
    }


def unchanged_outputs(record: Any, stats: dict[str, list[int] | None]) -> dict[str, str]:
    """``{path: SHA-256}`` of the files written by the run of ``record`` that ``stats`` (now) shows unchanged."""
    try:
        recorded, outputs = record["stats"], record["outputs"]
        return {rel: outputs[rel] for rel, found in stats.items() if found is not None and recorded.get(rel) == found and rel in outputs}
    except (KeyError, TypeError, AttributeError):
        return {}


def still_fresh(record: Any, stats: dict[str, list[int] | None], read: Callable[[str], bytes]) -> bool:
    """Whether a generation would give what ``record`` says was written, and the output folder still holds
    exactly that: ``stats`` is the :func:`file_stat` of each of its files now, ``read`` gives a file's
    bytes (asked for only when its ``stat`` is not the one recorded)."""
    try:
        sources = [(str(path), str(sha)) for path, sha in record["sources"]]
        folders = [(str(folder), str(found)) for folder, found in record["folders"]]
        outputs = {str(rel): str(sha) for rel, sha in record["outputs"].items()}
        if not isinstance(record["messages"], str) or not sources:
            return False
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    if set(stats) != set(outputs) or file_hashes(Path(path) for path, _ in sources) != dict(sources):
        return False  # the spec first: after an edit, the output folder (28 MB on Stripe's spec) need not be looked at
    unchanged = unchanged_outputs(record, stats)
    try:
        if any(sha256(read(rel)) != sha for rel, sha in outputs.items() if rel not in unchanged):
            return False
    except OSError:
        return False
    return all(tree_digest(Path(folder)) == found for folder, found in folders)
