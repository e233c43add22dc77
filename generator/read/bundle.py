"""Multi-file specs: copy what ``$ref``s to other files point at into the root document.

A reference like ``common.yaml#/components/schemas/Pet`` (a path relative to the file that
holds it) is followed: the target is copied into the root document and the reference
rewritten as a local one, so every later stage sees a single document. Where a copy goes:

- a target at ``/components/<kind>/<name>`` in its file keeps that place
  (``#/components/schemas/Pet``);
- any other target (a whole file, ``#/definitions/Pet``) goes to the section of ``components`` that the
  place of the reference asks for (:mod:`.ref_kinds`: ``components/parameters`` for one in a ``parameters``
  list, ``components/schemas`` for a schema or an unknown place), named after the last token of its
  pointer, or the file's stem (``pet.yaml`` -> ``pet``);
- a name already taken by something else gets ``_2``, ``_3``...

Inside a copied element, references (local ones too) are relative to the file it came
from, and are followed the same way. Every (file, pointer) is copied once, so reference
cycles between files end. Remote references (``http://...``) are not followed.

Each copy remembers where it came from (:attr:`Bundle.origins`), so a diagnostic about an
element of another file names that file, its pointer there and its line.

Some references are not copied but put in place of the mapping that holds them
(:meth:`_Bundler.put_in_place`): a path item or an operation that is a ``$ref`` (here or in another file),
a map of names written as a lone ``$ref`` to the map (``properties: {$ref: ...}``), and a ``description`` or
``summary`` that is a ``$ref`` (to a string, or to a Markdown or text file;
one that leads to no text is left out, with a warning). A discriminator's ``mapping`` values that refer to other
files name the copies (:meth:`_Bundler.mapping_refs`). ``$ref``s inside ``x-`` extensions are the
vendor's and are not followed (:mod:`.references`).
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import pointer_parts
from generator.read import schema_ids
from generator.read.notes import Note
from generator.read.parse import ParseError
from generator.read.percent_refs import as_written
from generator.read.ref_kinds import section_at
from generator.read.references import COMPONENT_KINDS, holds_names, holds_no_refs
from generator.read.spec_files import SpecFiles
from generator.read.values import follow_pointer

KINDS = tuple(sorted(COMPONENT_KINDS))


@dataclass
class BundleProblem:
    """A reference that could not be followed: where it is, and why."""

    pointer: str
    ref: str
    reason: str
    remote: bool = False


@dataclass(frozen=True)
class Origin:
    """Where a copied element came from: its file, its pointer there, and the file's YAML node tree (for lines)."""

    path: Path
    pointer: str
    root_node: Any


@dataclass
class Bundle:
    """The outcome of :func:`bundle`: problems, the bytes of every file read (for the spec
    hash), and the origin of every copy (keyed by its pointer in the root document)."""

    problems: list[BundleProblem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    files: dict[Path, bytes] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)

    @property
    def digest(self) -> str:
        """A hash of the files read besides the root, in a stable order ("" when none)."""
        if not self.files:
            return ""
        hasher = hashlib.sha256()
        for path in sorted(self.files):
            hasher.update(path.name.encode() + b"\0" + self.files[path])
        return hasher.hexdigest()


def escape_token(token: str) -> str:
    """``token`` as a JSON pointer writes it (RFC 6901: ``~`` -> ``~0``, ``/`` -> ``~1``)."""
    return token.replace("~", "~0").replace("/", "~1")


#: ``description`` and ``summary``: text, which some documents write as a ``$ref`` (to a string, or a Markdown file).
TEXT_KEYS = ("description", "summary")
_DATA_SUFFIXES = (".yaml", ".yml", ".json")
_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
_MAX_CHAIN = 32


def _replaced_by_target(pointer: str) -> bool:
    """Whether a ``$ref`` at ``pointer`` is put in place (a path item, an operation) instead of copied."""
    tokens = pointer_parts(pointer)
    return (len(tokens) == 2 and tokens[0] in ("paths", "webhooks")) or (len(tokens) == 3 and tokens[0] == "paths" and tokens[2] in _METHODS)


class _Bundler:
    def __init__(self, root: dict[str, Any], root_path: Path) -> None:
        self.root = root
        self.root_path = root_path.resolve()
        self.result = Bundle()
        self.files = SpecFiles(root, self.root_path, self.result.files, self.result.notes)
        self.placed: dict[tuple[Path, str], str] = {}  # (file, pointer) -> the local ref it became
        self.numbers: dict[tuple[str, str], int] = {}  # (section, name) -> the number its next copy may take

    def locate(self, ref: str, base: Path, at: str) -> tuple[Path, str, Any] | None:
        """``(file, pointer there, value)`` that ``ref`` (in file ``base``, at pointer ``at``) points at; ``None``
        (and a problem) when it cannot be followed."""
        file_part, _, fragment = ref.partition("#")
        if "://" in file_part:
            self.result.problems.append(BundleProblem(at, ref, "remote references are not followed", remote=True))
            return None
        try:
            path = self.files.path(base, file_part) if file_part else base
            data = self.files.document(path)
            if fragment and not fragment.startswith("/") and path != self.root_path:  # an anchor (the root's are rewritten)
                fragment = self.files.anchor(path, fragment)
            fragment = as_written(data, fragment)  # a pointer written percent-encoded
            return path, fragment, follow_pointer(data, fragment)
        except OSError as exc:
            reason = f"cannot read {file_part}: {exc.strerror or exc}"
        except ValueError as exc:  # a NUL in the path; a file that is not UTF-8
            reason = f"cannot read {file_part!r}: {exc}"
        except ParseError as exc:
            reason = f"{file_part} is not valid YAML or JSON: {exc.message}"
        except (KeyError, RecursionError):
            reason = f"{file_part or 'the document'} has nothing at #{fragment}"
        self.result.problems.append(BundleProblem(at, ref, reason))
        return None

    def place(self, path: Path, fragment: str, target: Any, section: str) -> str:
        """Copy ``target`` (at ``fragment`` of ``path``) into the root, in ``components/<section>`` unless it has its
        own place there; return the local ref to it."""
        tokens = pointer_parts(fragment)
        if len(tokens) == 3 and tokens[0] == "components" and tokens[1] in KINDS:
            kind, name = tokens[1], tokens[2]
        else:
            kind, name = section, (tokens[-1] if tokens else path.stem)
        components = self.root.setdefault("components", {})
        if not isinstance(components, dict):
            raise KeyError("components is not a mapping")
        section = components.setdefault(kind, {})
        if not isinstance(section, dict):
            raise KeyError(f"components/{kind} is not a mapping")
        wanted, number = name, self.numbers.get((kind, name), 2)  # names are never freed: go on from the last one taken
        while name in section:
            name, number = f"{wanted}_{number}", number + 1
        self.numbers[kind, wanted] = number
        pointer = f"/components/{kind}/{escape_token(name)}"
        self.placed[(path, fragment)] = "#" + pointer
        self.result.origins[pointer] = Origin(path, fragment, self.files.nodes.get(path))
        section[name] = copy.deepcopy(target)
        self.walk(section[name], pointer, path)
        return "#" + pointer

    def resolve(self, ref: str, base: Path, at: str) -> str | None:
        """The local ref for ``ref`` (found in file ``base`` at pointer ``at``, which ends in ``/$ref``), or ``None``
        when it cannot be followed."""
        if ref.startswith("#") and base == self.root_path:
            return ref  # a local reference of the root document
        found = self.locate(ref, base, at)
        if found is None:
            return None
        path, fragment, target = found
        key = (path, fragment)
        if key not in self.placed and path == self.root_path:
            self.placed[key] = "#" + fragment
        if key in self.placed:
            return self.placed[key]
        try:
            return self.place(path, fragment, target, section_at(at.removesuffix("/$ref")))
        except KeyError as exc:
            self.result.problems.append(BundleProblem(at, ref, f"cannot copy it into the document: {exc}"))
            return None

    def put_in_place(self, value: dict[str, Any], at: str, base: Path) -> Path:
        """Replace a path item or operation that is a ``$ref`` by (a copy of) its target, its other keys kept
        over the target's; return the file its content now comes from."""
        for _ in range(_MAX_CHAIN):
            ref = value.get("$ref")
            found = self.locate(ref, base, f"{at}/$ref") if isinstance(ref, str) else None
            if found is None:
                break
            path, fragment, target = found
            if not isinstance(target, dict):
                self.result.problems.append(BundleProblem(f"{at}/$ref", ref, f"#{fragment} is not a mapping"))  # type: ignore[arg-type]
                break
            siblings = {key: child for key, child in value.items() if key != "$ref"}
            value.clear()
            value.update(copy.deepcopy(target))
            value.update(siblings)
            if path != self.root_path:
                self.result.origins[at] = Origin(path, fragment, self.files.nodes.get(path))
            base = path
        return base

    def map_in_place(self, value: dict[str, Any], at: str, base: Path) -> Path:
        """A map of names (``properties``, ``headers``...) written as a lone ``$ref`` to the map: no name can be
        ``$ref`` with a string for its object, so it is read as the map it points at (with a note)."""
        ref = value["$ref"]
        self.result.notes.append(Note("map-as-ref", at, f"this map of names is written as a $ref ({ref!r}); the map it points at is used"))
        return self.put_in_place(value, at, base)

    def text(self, value: dict[str, Any], key: str, at: str, base: Path) -> None:
        """Replace a ``description``/``summary`` that is a ``$ref`` by the text it points at, or leave it out (with a note)."""
        ref = value[key].get("$ref")
        where = f"{at}/{key}"
        text = self.text_of(ref, base, f"{where}/$ref") if isinstance(ref, str) else None
        if isinstance(text, str):
            value[key] = text
            return
        del value[key]
        self.result.notes.append(Note("dropped-text-ref", where, f"{key} is a $ref ({ref!r}) that leads to no text; it is left out"))

    def text_of(self, ref: str, base: Path, at: str) -> Any:
        file_part, hash_sign, _ = ref.partition("#")
        if file_part and not hash_sign and "://" not in file_part and Path(file_part).suffix.lower() not in _DATA_SUFFIXES:
            try:  # a Markdown or text file: its text
                return self.files.text(self.files.path(base, file_part))
            except (OSError, ValueError):
                return None
        found = self.locate(ref, base, at)
        return found[2] if found is not None else None

    def mapping_refs(self, mapping: dict[str, Any], at: str, base: Path) -> None:
        """A discriminator's ``mapping`` values that refer to other files (``pets.yaml#/Cat``) as the local refs of their
        copies, as the ``$ref``s of its branches are; one that cannot be followed is left as written."""
        for key, target in mapping.items():  # "#/oneOf/0" in another file: its own branch, not copied again
            if isinstance(target, str) and Path(target.partition("#")[0]).suffix.lower() in _DATA_SUFFIXES:
                problems = len(self.result.problems)
                mapping[key] = self.resolve(target, base, f"{at}/{escape_token(str(key))}") or target
                del self.result.problems[problems:]

    def refs_in(self, value: dict[str, Any], at: str, base: Path) -> Path:
        """Follow the references of one mapping (not a map of names); return the file its children are relative to."""
        for key in TEXT_KEYS:
            if isinstance(value.get(key), dict) and "$ref" in value[key]:
                self.text(value, key, at, base)
        discriminator = value.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
            self.mapping_refs(discriminator["mapping"], f"{at}/discriminator/mapping", base)
        ref = value.get("$ref")
        if not isinstance(ref, str):
            return base
        if _replaced_by_target(at):
            return self.put_in_place(value, at, base)
        if base != self.root_path or not ref.startswith("#"):
            local = self.resolve(ref, base, f"{at}/$ref")
            if local is not None:
                value["$ref"] = local
        return base

    def walk(self, node: Any, pointer: str, base: Path) -> None:
        stack: list[tuple[Any, str, bool, Path]] = [(node, pointer, False, base)]
        while stack:
            value, at, names, base = stack.pop()
            if isinstance(value, dict):
                if not names:
                    base = self.refs_in(value, at, base)
                elif list(value) == ["$ref"] and isinstance(value["$ref"], str):
                    base = self.map_in_place(value, at, base)
                for key, child in list(value.items()):
                    if isinstance(child, (dict, list)) and not holds_no_refs(key, child, names):
                        stack.append((child, f"{at}/{escape_token(str(key))}", holds_names(at, str(key), names), base))
            elif isinstance(value, list):
                stack.extend((child, f"{at}/{index}", False, base) for index, child in enumerate(value) if isinstance(child, (dict, list)))


def bundle(data: dict[str, Any], path: Path) -> Bundle:
    """Follow every reference to another file in ``data`` (read from ``path``), in place."""
    bundler = _Bundler(data, Path(path))
    bundler.walk(data, "", bundler.root_path)
    if bundler.result.problems and len(bundler.files.documents) > 1:  # the $id (or relative to one) of a schema copied in from another file
        found = schema_ids.rewrite_refs_by_id(data, {p.pointer for p in bundler.result.problems})
        bundler.result.problems = [p for p in bundler.result.problems if p.pointer not in found]
    return bundler.result
