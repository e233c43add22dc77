"""Content-addressed caches of the generator, and the record of the last generation.

Every entry is named by a SHA-256 key over everything its value depends on, so a changed
input can only miss, never hit a stale value:

- ``spec/``: a parsed spec of one file, keyed by its bytes and where it is (a spec whose
  ``$ref``s read other files is parsed every time); ``spec-last/``: the last one parsed from
  a path, so that an edit of one line, a one-line description, is patched into it
  (:func:`generator.read.loader.load`); ``lines/``: the line of each pointer a diagnostic asked for;
- ``schema/``: what openapi-spec-validator reported for a document, keyed by the paths and
  hashes of its files; ``schema-last/``: the last document it found nothing in, so that a
  document that differs from it only in the text of descriptions is not validated again;
- ``jinja/``: compiled template overrides (keyed by Jinja's name for the template and its source's
  checksum; our own templates are kept compiled beside the generator, see :func:`jinja_bytecode`);
- ``black/``: a file as black formatted it, keyed by its text, whether it is Python or
  markdown, black's version and the mode :mod:`generator.format.formatter` uses;
- ``ir/`` and ``ir-blob/``: the IR and the build's warnings of a one-file YAML spec, built with a
  sentinel for each description and summary and pickled (``ir-blob/``, keyed by the spec, config and
  working folder), and per parse of the spec the texts that go in (``ir/``), so that a text edit
  takes the IR instead of building it (:mod:`generator.build.text_reuse`);
- ``runs/``: the record of the last generation into an output folder: a hash of every
  input, the warnings printed, and the hash of every file written (see :mod:`generator.run_record`).

Besides its own key, every key includes :func:`fingerprint`: the generator's own source,
the Python version and the name and version of every installed distribution, so editing the
generator or upgrading a library invalidates every entry.

An entry is one file: a header with the SHA-256 of its payload, then the payload, written to
a temporary file and renamed into place. An entry that cannot be read, is cut short, or whose
payload does not match its checksum is ignored (and removed), never trusted. Deleting the
cache folder (``.generator-cache/`` in the current directory unless ``--cache-dir`` or
``GENERATOR_CACHE_DIR`` says otherwise) is always safe: the next run is a cold one.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Iterable

DEFAULT_DIR = ".generator-cache"
ENV_DIR = "GENERATOR_CACHE_DIR"
_MAGIC = b"generator-cache 1\n"
_SOURCE = Path(__file__).resolve().parent


def read_bytes(path: str) -> bytes:
    """The bytes of a file, read without a buffered file object (a third faster on thousands of small files)."""
    handle = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(*parts: object) -> str:
    """A SHA-256 over ``parts`` (bytes as they are, anything else as its ``str``), unambiguous in how they split."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        hasher.update(len(data).to_bytes(8, "big") + data)
    return hasher.hexdigest()


def tree_digest(folder: Path) -> str:
    """A hash of every file under ``folder`` (relative paths and bytes); "" when there is no such folder."""
    if not folder.is_dir():
        return ""
    found: list[str] = []
    for parent, subfolders, names in os.walk(folder):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]  # compiled files, many of them
        prefix = os.path.relpath(parent, folder).replace(os.sep, "/")
        found += (name if prefix == "." else f"{prefix}/{name}" for name in names if os.path.isfile(os.path.join(parent, name)))
    parts: list[object] = []
    for rel in sorted(found, key=lambda rel: rel.split("/")):
        parts += [rel, read_bytes(os.path.join(folder, rel))]
    return digest(*parts)


def _distributions() -> list[str]:
    """``name-version.dist-info`` of every distribution on ``sys.path`` (no import of any of them)."""
    found: set[str] = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found.update(name for name in names if name.endswith((".dist-info", ".egg-info")))
    return sorted(found)


_FINGERPRINT: str | None = None


def fingerprint() -> str:
    """The generator's source, Python's version and every installed distribution, in one hash."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        _FINGERPRINT = digest(tree_digest(_SOURCE), sys.version, sys.implementation.cache_tag, *_distributions())
    return _FINGERPRINT


def distribution_version(name: str) -> str:
    """The installed version of distribution ``name`` ("" when none), from its metadata folder's name."""
    wanted = name.lower().replace("-", "_")
    for entry in _distributions():
        stem = entry.rsplit(".", 1)[0]
        dist, _, version = stem.partition("-")
        if dist.lower().replace("-", "_") == wanted:
            return version
    return ""


class Cache:
    """Entries under ``folder``, in sections (``spec``, ``schema``, ``black``, ``runs``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._root = str(self.folder)

    @classmethod
    def default(cls, folder: Path | None = None) -> "Cache":
        return cls(Path(folder or os.environ.get(ENV_DIR) or DEFAULT_DIR))

    def _path(self, section: str, key: str) -> Path:
        return Path(self._file(section, key))

    def _file(self, section: str, key: str) -> str:
        return os.path.join(self._root, section, key[:2], key)  # a plain string: a run reads thousands

    def read(self, section: str, key: str) -> bytes | None:
        """The payload stored under ``key``, or ``None`` (missing, cut short or corrupt: such an entry is removed)."""
        path = self._file(section, key)
        try:
            raw = read_bytes(path)
        except OSError:
            return None
        head = len(_MAGIC) + 64 + 1
        payload = raw[head:]
        if raw[: len(_MAGIC)] != _MAGIC or raw[len(_MAGIC) : head - 1].decode("ascii", "replace") != sha256(payload):
            try:
                os.unlink(path)
            except OSError:
                pass
            return None
        return payload

    def write(self, section: str, key: str, payload: bytes) -> None:
        """Store ``payload`` under ``key`` atomically; a cache that cannot be written is no error."""
        import tempfile  # here, not above: a run that finds nothing changed writes nothing

        path = self._path(section, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_MAGIC + sha256(payload).encode("ascii") + b"\n" + payload)
                os.replace(temp, path)
            except BaseException:
                os.unlink(temp)
                raise
        except OSError:
            pass

    def read_value(self, section: str, key: str) -> Any:
        """A value stored with :meth:`write_value` (``None`` when there is none, or it does not load)."""
        payload = self.read(section, key)
        if payload is None:
            return None
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None

    def write_value(self, section: str, key: str, value: Any) -> None:
        """Store plain data (dicts, lists, strings, numbers, ``None``, bytes, tuples, sets)."""
        try:
            payload = marshal.dumps(value)
        except ValueError:  # a type marshal cannot store: no entry
            return
        self.write(section, key, payload)


def file_hashes(paths: Iterable[Path]) -> dict[str, str]:
    """``{path: sha256 of its bytes}``; a file that cannot be read gets "" (so it never matches a hash)."""
    out = {}
    for path in paths:
        try:
            out[str(path)] = sha256(Path(path).read_bytes())
        except OSError:
            out[str(path)] = ""
    return out


def jinja_bytecode(templates: Path, cache: Cache | None = None) -> Any:
    """A ``jinja2.BytecodeCache`` keeping compiled templates: those under ``templates`` (the ones that ship
    with the generator) in ``generator/__pycache__/jinja/``, any other (a user's override) in ``cache``
    (section ``jinja``), or compiled every time when there is none (``--no-cache``).

    Compiling our own templates is part of running the generator, not of reading a spec: like the
    ``.pyc`` files of the generator's own modules, they are compiled once and kept beside it, whatever
    cache folder a run uses. Each store is a :class:`Cache` (checksummed entries, written atomically, a
    damaged one ignored; a folder that cannot be written is no error). Jinja names a template's entry by
    its name and file and rejects one compiled from other source text (its checksum); the key adds
    :func:`fingerprint`, which covers the environment's options.
    """
    import jinja2

    root = str(Path(templates).resolve()) + os.sep
    own = Cache(TEMPLATE_BYTECODE_DIR)

    class _Bytecode(jinja2.BytecodeCache):
        def get_bucket(self, environment: Any, name: str, filename: str | None, source: str) -> Any:
            bucket = jinja2.bccache.Bucket(environment, self.get_cache_key(name, filename), self.get_source_checksum(source))
            ours = filename is not None and str(Path(filename).resolve()).startswith(root)
            bucket.store = own if ours else cache
            self.load_bytecode(bucket)
            return bucket

        def _key(self, bucket: Any) -> str:
            return digest("jinja", fingerprint(), bucket.key, bucket.checksum)

        def load_bytecode(self, bucket: Any) -> None:
            payload = bucket.store.read("jinja", self._key(bucket)) if bucket.store is not None else None
            if payload is not None:
                bucket.bytecode_from_string(payload)

        def dump_bytecode(self, bucket: Any) -> None:
            if bucket.store is not None:
                bucket.store.write("jinja", self._key(bucket), bucket.bytecode_to_string())

    return _Bytecode()


#: Where our own templates are kept compiled, like Python keeps the generator's modules compiled in ``__pycache__``.
TEMPLATE_BYTECODE_DIR = _SOURCE / "__pycache__"
