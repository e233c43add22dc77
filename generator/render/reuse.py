"""The edit loop's render shortcut: a file whose inputs are those of the last generation is not
rendered (nor formatted) again; its bytes are taken from the output folder.

A file's inputs are what its rendering read: its template and the templates it includes (every
template, guide page and override: their folders' hashes), the per-file item it was given (a tag, a
schema), and the fields of ``api`` it read, directly or through a property or method of
:class:`~generator.ir.Api` (tracked by :class:`ApiReads`, which each rendering gets instead of the
``Api``). The generator's own code, Python's and the libraries' versions (black's too) are in
:func:`generator.cache.fingerprint`. Each value is hashed as its pickle, computed before anything
renders. A file is reused when the hash of those inputs, over the fields its last rendering read,
equals the one recorded then, and the output folder still holds the bytes written then: rendering
is deterministic, so what it reads being the same, it would read and write the same again.
"""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, Iterable

from generator.cache import digest, sha256
from generator.ir import Api


class ApiReads:
    """``api`` as a rendering sees it, recording which of its fields are read (``reads``).

    A property or method of :class:`Api` runs with this object as ``self``, so the fields it reads
    are recorded too; a cached property is computed once on ``api``, and the fields it read then are
    kept in ``learnt`` (one dict for every rendering of that ``api``).
    """

    def __init__(self, api: Api, learnt: dict[str, frozenset[str]]) -> None:
        self._api, self._learnt = api, learnt
        self.reads: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        found = getattr(type(self._api), name, None)
        if isinstance(found, cached_property):
            if name not in self._learnt:
                learner = ApiReads(self._api, self._learnt)
                found.func(learner)
                self._learnt[name] = frozenset(learner.reads)
            self.reads |= self._learnt[name]
            return getattr(self._api, name)
        if isinstance(found, property) and found.fget is not None:
            return found.fget(self)
        if callable(found) and not isinstance(found, type):  # a method: it reads through this object
            return partial(found, self)
        self.reads.add(name)
        return getattr(self._api, name)


def _hash(value: Any) -> str | None:
    try:
        return sha256(pickle.dumps(value, protocol=5))
    except Exception:  # noqa: BLE001 - a value that does not pickle: its file is rendered every time
        return None


@dataclass
class Reuse:
    """What the last generation into an output folder recorded, and that folder's files now.

    ``jobs``: output path -> ``[key, fields of api read]`` (see :func:`job_record`); ``outputs``: output path ->
    SHA-256 of the text written; ``tree``: the folder's files as :func:`generator.write.read_tree` reads them;
    ``settled``: the files the folder holds as written, as their ``stat`` tells (:mod:`generator.run_record`).
    """

    jobs: dict[str, Any]
    outputs: dict[str, str]
    tree: dict[str, bytes]
    settled: frozenset[str] = frozenset()  # files whose ``stat`` shows them unchanged since written (not hashed again)
    base: str = ""  # the inputs of every file (templates, overrides, guide pages, header): see :meth:`under`
    _fields: dict[str, str | None] = field(default_factory=dict)
    _items: dict[int, str | None] = field(default_factory=dict)

    def under(self, *inputs: object) -> Reuse:
        """A copy whose files have ``inputs`` too (the caller's is left as it is): the pipeline adds the
        templates' and guide pages' hashes, the render stage the header it puts on every Python file."""
        return dataclasses.replace(self, base=digest(self.base, *inputs), _fields={}, _items={})

    def prepare(self, api: Api, plan: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
        """Hash every field of ``api`` and every item of the plan, before anything renders (and caches).
        A tuple (``tags``, ``schemas``) is hashed as its items' hashes, each item pickled once."""
        for _, _, extra in plan:
            for value in extra.values():
                self._item(value)
        for item in dataclasses.fields(api):
            value = getattr(api, item.name)
            if isinstance(value, tuple):
                hashes = [self._item(member) for member in value]
                self._fields[item.name] = None if None in hashes else digest(*hashes)
            else:
                self._fields[item.name] = _hash(value)

    def _item(self, value: Any) -> str | None:
        if id(value) not in self._items:
            self._items[id(value)] = _hash(value)
        return self._items[id(value)]

    def key(self, path: str, template: str, extra: dict[str, Any], reads: Iterable[str]) -> str | None:
        """The hash of a file's inputs (``None``: one of them cannot be hashed)."""
        parts: list[str | None] = [self.base, path, template]
        for name in sorted(extra):
            parts += [name, self._items.get(id(extra[name]))]
        for name in sorted(reads):
            parts += [name, self._fields.get(name)]
        known = [part for part in parts if part is not None]
        return sha256("\0".join(known).encode("utf-8", "surrogatepass")) if len(known) == len(parts) else None

    def reused(self, path: str, template: str, extra: dict[str, Any]) -> str | None:
        """The text the output folder holds for ``path`` when the file's inputs did not change since it was written."""
        last = self.jobs.get(path)
        data = self.tree.get(path)
        if not (isinstance(last, list) and len(last) == 2 and isinstance(last[1], list)) or data is None:
            return None
        if last[0] is None or self.key(path, template, extra, [str(name) for name in last[1]]) != last[0]:
            return None
        if path not in self.settled and sha256(data) != self.outputs.get(path):
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None


def job_record(reuse: Reuse, path: str, template: str, extra: dict[str, Any], reads: Iterable[str]) -> list[Any]:
    """What is recorded of a file's rendering for the next run: ``[key, fields of api read]``."""
    fields = sorted(reads)
    return [reuse.key(path, template, extra, fields), fields]
