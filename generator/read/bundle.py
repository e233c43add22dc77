"""Multi-file specs: copy what ``$ref``s to other files point at into the root document.

A reference like ``common.yaml#/components/schemas/Pet`` (a path relative to the file that
holds it) is followed: the target is copied into the root document and the reference
rewritten as a local one, so every later stage sees a single document. Where a copy goes:

- a target at ``/components/<kind>/<name>`` in its file keeps that place
  (``#/components/schemas/Pet``);
- any other target (a whole file, ``#/definitions/Pet``) goes to ``components/schemas``,
  named after the last token of its pointer, or the file's stem (``pet.yaml`` -> ``pet``);
- a name already taken by something else gets ``_2``, ``_3``...

Inside a copied element, references (local ones too) are relative to the file it came
from, and are followed the same way. Every (file, pointer) is copied once, so reference
cycles between files end. Remote references (``http://...``) are not followed.

Each copy remembers where it came from (:attr:`Bundle.origins`), so a diagnostic about an
element of another file names that file, its pointer there and its line.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import pointer_parts

KINDS = ("schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems")


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


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _follow(data: Any, fragment: str) -> Any:
    value = data
    for token in pointer_parts(fragment):
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            raise KeyError(fragment)
    return value


class _Bundler:
    def __init__(self, root: dict[str, Any], root_path: Path, loader: type) -> None:
        self.root = root
        self.root_path = root_path.resolve()
        self.loader = loader
        self.result = Bundle()
        self.documents: dict[Path, Any] = {self.root_path: root}
        self.nodes: dict[Path, Any] = {}
        self.placed: dict[tuple[Path, str], str] = {}  # (file, pointer) -> the local ref it became

    def document(self, path: Path) -> Any:
        if path not in self.documents:
            raw = path.read_bytes()
            self.result.files[path] = raw
            loader = self.loader(raw)  # the safe loader, keeping the node tree for line numbers
            try:
                self.nodes[path] = loader.get_single_node()
                self.documents[path] = loader.construct_document(self.nodes[path]) if self.nodes[path] is not None else None
            finally:
                loader.dispose()
        return self.documents[path]

    def place(self, path: Path, fragment: str, target: Any) -> str:
        """Copy ``target`` (at ``fragment`` of ``path``) into the root; return the local ref to it."""
        tokens = pointer_parts(fragment)
        if len(tokens) == 3 and tokens[0] == "components" and tokens[1] in KINDS:
            kind, name = tokens[1], tokens[2]
        else:
            kind, name = "schemas", (tokens[-1] if tokens else path.stem)
        components = self.root.setdefault("components", {})
        if not isinstance(components, dict):
            raise KeyError("components is not a mapping")
        section = components.setdefault(kind, {})
        if not isinstance(section, dict):
            raise KeyError(f"components/{kind} is not a mapping")
        wanted, number = name, 2
        while name in section:
            name, number = f"{wanted}_{number}", number + 1
        ref = f"#/components/{kind}/{_escape(name)}"
        self.placed[(path, fragment)] = ref
        self.result.origins[f"/components/{kind}/{_escape(name)}"] = Origin(path, fragment, self.nodes.get(path))
        section[name] = copy.deepcopy(target)
        self.walk(section[name], f"/components/{kind}/{_escape(name)}", path)
        return ref

    def resolve(self, ref: str, base: Path, at: str) -> str | None:
        """The local ref for ``ref`` (found in file ``base`` at pointer ``at``), or ``None`` when it cannot be followed."""
        file_part, _, fragment = ref.partition("#")
        if "://" in file_part:
            self.result.problems.append(BundleProblem(at, ref, "remote references are not followed", remote=True))
            return None
        path = (base.parent / file_part).resolve() if file_part else base
        if path == self.root_path and not file_part and base == self.root_path:
            return ref  # a local reference of the root document
        key = (path, fragment)
        if key in self.placed:
            return self.placed[key]
        if path == self.root_path:
            self.placed[key] = "#" + fragment
            return "#" + fragment
        try:
            target = _follow(self.document(path), fragment)
        except OSError as exc:
            self.result.problems.append(BundleProblem(at, ref, f"cannot read {file_part}: {exc.strerror or exc}"))
            return None
        except yaml.YAMLError as exc:
            self.result.problems.append(BundleProblem(at, ref, f"{file_part} is not valid YAML: {getattr(exc, 'problem', None) or exc}"))
            return None
        except KeyError:
            self.result.problems.append(BundleProblem(at, ref, f"{file_part} has nothing at #{fragment}"))
            return None
        try:
            return self.place(path, fragment, target)
        except KeyError as exc:
            self.result.problems.append(BundleProblem(at, ref, f"cannot copy it into the document: {exc}"))
            return None

    def walk(self, node: Any, pointer: str, base: Path) -> None:
        stack = [(node, pointer)]
        while stack:
            value, at = stack.pop()
            if isinstance(value, dict):
                ref = value.get("$ref")
                if isinstance(ref, str) and (base != self.root_path or not ref.startswith("#")):
                    local = self.resolve(ref, base, f"{at}/$ref")
                    if local is not None:
                        value["$ref"] = local
                for key, child in list(value.items()):
                    if key != "$ref" or not isinstance(child, str):
                        stack.append((child, f"{at}/{_escape(str(key))}"))
            elif isinstance(value, list):
                stack.extend((child, f"{at}/{index}") for index, child in enumerate(value))


def bundle(data: dict[str, Any], path: Path, loader: type) -> Bundle:
    """Follow every reference to another file in ``data`` (read from ``path``), in place."""
    bundler = _Bundler(data, Path(path), loader)
    bundler.walk(data, "", bundler.root_path)
    return bundler.result
