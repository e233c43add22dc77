"""Stage 1: read the spec file into a :class:`Document`.

YAML (or JSON, which is YAML) is parsed once with PyYAML's safe loader (the C loader when
present). The node tree is kept so that any JSON pointer can be mapped back to a line of
the file for diagnostics. References to other files are followed once, at load time, by
:mod:`generator.read.bundle` (which copies their targets into the document); after that only
local references (``#/...``) remain, resolved by :meth:`Document.resolve`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.read.bundle import BundleProblem, Origin, bundle
from generator.cache import Cache, digest, file_hashes, fingerprint
from generator.diagnostics import CODES, Diagnostic, SpecError, pointer_join, pointer_parts


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, with YAML timestamps kept as strings.

    An OpenAPI document holds JSON values, and YAML 1.2 (which OpenAPI tools read) has no
    timestamp type: an unquoted ``2023-06-20`` is a string, not a ``date`` that JSON
    encoders and schema checks reject.

    Which tag a plain scalar gets depends only on its text (there are no path resolvers), so
    it is worked out once per distinct text: the same few thousand names and words make up
    most of the hundreds of thousands of scalars of a big spec.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        try:
            return self._tags[key]
        except AttributeError:
            self._tags: dict[Any, Any] = {}
        except KeyError:
            pass
        tag = self._tags[key] = super().resolve(kind, value, implicit)
        return tag


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


class UnresolvedRef(KeyError):
    """A ``$ref`` that does not point into the document."""


@dataclass(frozen=True)
class Document:
    """A parsed spec: its data, where it came from, and a map back to its lines."""

    data: dict[str, Any]
    path: Path
    sha256: str
    root_node: Any
    ref_problems: tuple[BundleProblem, ...] = ()  # references to other files that could not be followed
    origins: tuple[tuple[str, Origin], ...] = ()  # pointer of a copy from another file -> where it came from
    source: bytes | None = None  # the root file's bytes, composed again when a line is asked for and root_node is None
    files: tuple[tuple[str, str], ...] = ()  # (path, sha256) of every file read: the root file, then what its $refs read
    lines_entry: tuple[Cache, str] | None = None  # where the lines found for pointers are kept between runs
    _lines: dict[str, int | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    _lines_known: int = field(default=0, init=False, repr=False, compare=False)
    _resolved: dict[str, tuple[str, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lines = None
        if self.lines_entry is not None:
            lines = self.lines_entry[0].read_value("lines", self.lines_entry[1])
        object.__setattr__(self, "_lines", lines if isinstance(lines, dict) else {})
        object.__setattr__(self, "_lines_known", len(self._lines))

    def keep_lines(self) -> None:
        """Store the lines found so far (with a cache), so a run on the same file need not compose it again."""
        if self.lines_entry is not None and len(self._lines) > self._lines_known:
            self.lines_entry[0].write_value("lines", self.lines_entry[1], self._lines)
            object.__setattr__(self, "_lines_known", len(self._lines))

    def _node(self) -> Any:
        if self.root_node is None and self.source is not None:
            loader = _Loader(self.source)
            try:
                object.__setattr__(self, "root_node", loader.get_single_node())
            except yaml.YAMLError:
                object.__setattr__(self, "source", None)
            finally:
                loader.dispose()
        return self.root_node

    def line_of(self, pointer: str) -> int | None:
        """The 1-based line of the deepest element on ``pointer`` that exists in the file.

        A mapping entry is on the line of its key (``get:``), not of its value, which in
        block style starts on the next line.
        """
        known = self._lines.get(pointer, 0)
        if known != 0 and (known is None or isinstance(known, int)):
            return known
        found = _line_in(self._node(), pointer)
        self._lines[pointer] = found
        return found

    def source_of(self, pointer: str) -> tuple[Path, str, int | None]:
        """``(file, pointer there, line)`` of the element at ``pointer``: in another file when
        it was copied from one (multi-file specs), else in this one."""
        for prefix, origin in self.origins:
            if pointer == prefix or pointer.startswith(prefix + "/"):
                there = origin.pointer + pointer[len(prefix) :]
                return origin.path, there, _line_in(origin.root_node, there)
        return self.path, pointer, self.line_of(pointer)

    def resolve(self, ref: str) -> tuple[str, Any]:
        """Follow a local ``$ref`` (``#/components/schemas/X``) to ``(pointer, value)``.

        Raises :class:`UnresolvedRef` for a reference that is not local or not found.
        """
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise UnresolvedRef(ref)
        found = self._resolved.get(ref)  # the data is not changed after loading: each reference is followed once
        if found is not None:
            return found
        pointer = ref[1:]
        value: Any = self.data
        for token in pointer_parts(pointer):
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                raise UnresolvedRef(ref)
        self._resolved[ref] = (pointer, value)
        return pointer, value

    def deref(self, pointer: str, value: Any, *, limit: int = 32) -> tuple[str, Any]:
        """Follow ``$ref`` chains from ``value`` until a non-reference; return ``(pointer, value)``."""
        seen = 0
        while isinstance(value, dict) and "$ref" in value:
            pointer, value = self.resolve(value["$ref"])
            seen += 1
            if seen > limit:
                raise UnresolvedRef(f"reference cycle at {pointer}")
        return pointer, value

    def diagnostic(self, code: str, severity: str, pointer: str, message: str, hint: str) -> Diagnostic:
        """A diagnostic located where the element at ``pointer`` is written (another file's pointer and line for a copied element)."""
        path, pointer, line = self.source_of(pointer)
        return Diagnostic(
            code=code,
            severity=severity,  # type: ignore[arg-type]
            pointer=pointer,
            message=message,
            hint=hint,
            file=_display_path(path),
            line=line,
        )


def _line_in(root_node: Any, pointer: str) -> int | None:
    """The 1-based line of the deepest element on ``pointer`` in the YAML node tree ``root_node``."""
    node = root_node
    if node is None:
        return None
    line: int = node.start_mark.line + 1
    for token in pointer_parts(pointer):
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if str(key.value) == token:
                    child, line = value, key.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and token.isdigit():
            index = int(token)
            if index < len(node.value):
                child = node.value[index]
                line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def _display_path(path: Path) -> str:
    return _shown(path, os.getcwd())


@functools.lru_cache(maxsize=64)
def _shown(path: Path, cwd: str) -> str:
    try:
        return str(path.resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(path)


def _spec_error(code: str, message: str, shown: str, line: int | None = None) -> SpecError:
    return SpecError([Diagnostic(code, "error", "", message, CODES[code][1], file=shown, line=line)])


def _lines_key(files: tuple[tuple[str, str], ...]) -> str:
    """Lines depend on the root file alone (elements copied from other files are not in its node tree)."""
    return digest("lines", fingerprint(), *files[0])


def _cached(cache: Cache, key: str, path: Path, raw: bytes) -> Document | None:
    """The document stored under ``key``, when every file its ``$ref``s read still has the bytes it had."""
    entry = cache.read_value("spec", key)
    if not isinstance(entry, tuple) or len(entry) != 3:
        return None
    data, sha, files = entry
    if not isinstance(data, dict) or not isinstance(sha, str) or not isinstance(files, tuple) or not all(isinstance(f, tuple) and len(f) == 2 for f in files):
        return None
    if file_hashes(Path(name) for name, _ in files[1:]) != dict(files[1:]):
        return None
    return Document(data=data, path=path, sha256=sha, root_node=None, source=raw, files=files, lines_entry=(cache, _lines_key(files)))


#: Keys whose one-line plain value an edit may change without the file being parsed again (see :func:`_patched`).
_TEXT_KEYS = ("description", "summary")
_TEXT_LINE = re.compile(r"( *)(description|summary): ([^\s'\"&*!|>\[\]{}#%@`,?:-][^#,\[\]{}]*?)\s*")
_STR = "tag:yaml.org,2002:str"


def _text_lines(root: Any) -> dict[int, tuple[str, ...]]:
    """``{0-based line: path of key texts}`` of every ``description``/``summary`` written on one line as a plain
    scalar after its key; ``{}`` when the file has merge keys (``<<``, which copy values) or a mapping repeats a key.
    Run on the node tree as composed, before construction flattens merge keys into it."""
    found: dict[int, tuple[str, ...]] = {}
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[str, ...]]] = [(root, ())]
    while stack:
        node, tokens = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*tokens, str(index))) for index, child in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            texts = [str(key.value) for key, _ in node.value]
            if len(set(texts)) != len(texts) or "<<" in texts:
                return {}
            for key, value in node.value:
                if id(key) in seen:  # a key node in two mappings: merged (construction flattens merge keys)
                    return {}
                seen.add(id(key))
                if (
                    isinstance(key, yaml.ScalarNode)
                    and key.value in _TEXT_KEYS
                    and key.tag == _STR
                    and not key.style
                    and isinstance(value, yaml.ScalarNode)
                    and not value.style
                    and key.start_mark.line == value.start_mark.line == value.end_mark.line
                ):
                    found[key.start_mark.line] = (*tokens, key.value)
                else:
                    stack.append((value, (*tokens, str(key.value))))
    return found


def _only_changed_line(old: bytes, new: bytes) -> int | None:
    """The index of the one line that differs between ``old`` and ``new`` (as many lines each), else ``None``."""
    old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
    if len(old_lines) != len(new_lines):
        return None
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b]
    return changed[0] if len(changed) == 1 else None


def _child_key(mapping: dict[Any, Any], token: str) -> Any:
    keys = [key for key in mapping if str(key) == token]
    if len(keys) != 1:
        raise KeyError(token)
    return keys[0]


def _last_key(path: Path) -> str:
    return digest("spec-last", fingerprint(), path.resolve())


def _patched(cache: Cache, path: Path, raw: bytes, key: str) -> Document | None:
    """The document of ``raw`` made from the last one parsed from ``path`` when the files differ in one line only,
    the value of a ``description`` or ``summary`` written there as a one-line plain scalar, in both; else ``None``.

    Every other line is the same, so every other node, and the line of every element, is the same: only that
    value is parsed (alone, by the same loader) and put in its place.
    """
    last = cache.read_value("spec-last", _last_key(path))
    if not (isinstance(last, tuple) and len(last) == 3 and isinstance(last[0], bytes) and isinstance(last[2], dict)):
        return None
    old_raw, old_key, text_lines = last
    index = _only_changed_line(old_raw, raw)
    tokens = text_lines.get(index) if index is not None else None
    entry = cache.read_value("spec", old_key) if tokens else None
    if not (isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[0], dict) and isinstance(entry[2], tuple) and len(entry[2]) == 1):
        return None
    assert index is not None and tokens is not None
    try:
        old_line = old_raw.split(b"\n")[index].decode("utf-8")
        new_line = raw.split(b"\n")[index].decode("utf-8")
    except UnicodeDecodeError:
        return None
    before, after = _TEXT_LINE.fullmatch(old_line), _TEXT_LINE.fullmatch(new_line)
    if not before or not after or before.group(1, 2) != after.group(1, 2) or after.group(2) != tokens[-1]:
        return None
    text = after.group(3)
    if ": " in text or text.endswith(":"):
        return None
    try:
        value = yaml.load(f"{after.group(2)}: {text}\n", Loader=_Loader)[after.group(2)]  # noqa: S506 - the safe loader
    except (yaml.YAMLError, TypeError, KeyError):
        return None
    data, _, (old_root,) = entry
    try:
        parent: Any = data
        for token in tokens[:-1]:
            parent = parent[int(token)] if isinstance(parent, list) else parent[_child_key(parent, token)]
        if not isinstance(parent, dict) or tokens[-1] not in parent:
            return None
    except (KeyError, ValueError, IndexError, TypeError):
        return None
    parent[tokens[-1]] = value
    root_sha = hashlib.sha256(raw).hexdigest()
    files = ((old_root[0], root_sha),)
    lines = cache.read_value("lines", _lines_key((old_root,)))
    if isinstance(lines, dict):
        cache.write_value("lines", _lines_key(files), lines)
    cache.write_value("spec", key, (data, root_sha, files))
    cache.write_value("spec-last", _last_key(path), (raw, key, text_lines))
    return Document(data=data, path=path, sha256=root_sha, root_node=None, source=raw, files=files, lines_entry=(cache, _lines_key(files)))


def load(path: str | Path, cache: Cache | None = None) -> Document:
    """Read and parse ``path``; raise :class:`SpecError` when it cannot be read as a mapping.

    With a ``cache``, a document parsed before from the same bytes (and the same referenced
    files) is taken from it; its node tree is then composed only when a line is asked for.
    """
    path = Path(path)
    shown = _display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _spec_error("spec-not-readable", f"cannot read the spec: {exc.strerror or exc}", shown) from None
    root_sha = hashlib.sha256(raw).hexdigest()
    key = digest("spec", fingerprint(), path.resolve(), root_sha) if cache is not None else ""
    if cache is not None:
        found = _cached(cache, key, path, raw) or _patched(cache, path, raw, key)
        if found is not None:
            return found
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        text_lines = _text_lines(node) if cache is not None else {}  # before construction, which flattens merge keys
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _spec_error("yaml-syntax", f"the file is not valid YAML: {problem}", shown, None if mark is None else mark.line + 1) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise _spec_error("spec-not-a-mapping", f"the document is a {type(data).__name__}, not a mapping", shown, 1)
    followed = bundle(data, path, _Loader)
    sha = root_sha
    if followed.digest:  # the spec is several files: any of them changes the hash
        sha = hashlib.sha256((sha + followed.digest).encode()).hexdigest()
    files = ((str(path.resolve()), root_sha), *((str(p), hashlib.sha256(b).hexdigest()) for p, b in sorted(followed.files.items())))
    lines_entry = (cache, _lines_key(files)) if cache is not None else None
    document = Document(
        data=data,
        path=path,
        sha256=sha,
        root_node=node,
        ref_problems=tuple(followed.problems),
        origins=tuple(sorted(followed.origins.items())),
        source=raw,
        files=files,
        lines_entry=lines_entry,
    )
    # Only a spec of one file is kept: the node trees of other files (for the lines of what was copied
    # from them) are not; and a file that could not be read may appear later.
    if cache is not None and len(files) == 1 and not followed.problems:
        cache.write_value("spec", key, (data, sha, files))
        cache.write_value("spec-last", _last_key(path), (raw, key, text_lines))
    return document


__all__ = ["Document", "UnresolvedRef", "load", "pointer_join"]
