"""The generator's stages import only earlier stages, and no two modules import each other.

The pipeline runs read -> check -> build -> render -> format -> write (see ``generator/__init__.py``).
A module of a stage may import modules of its own stage, of earlier stages and the shared modules
beside them; the shared modules import no stage at all. Every import counts, also one inside a
function: a late import still ties the modules together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

#: Where each top-level name of the package runs; shared modules are 0, ``ir`` sits on ``config``.
ORDER = {
    "diagnostics": 0, "naming": 0, "reserved_names": 0, "literals": 0, "cache": 0, "run_record": 0, "workers": 0, "config": 0,
    "ir": 1, "read": 2, "check": 3, "build": 4, "render": 5, "format": 6, "write": 7,
    "pipeline": 8, "cli": 9, "__main__": 10, "__init__": 0,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def _imports(path: Path) -> set[str]:
    """Every ``generator.*`` module ``path`` imports, at any depth of its code."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("generator"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.startswith("generator"):
                found.update(f"{base}.{alias.name}" if _is_module(f"{base}.{alias.name}") else base for alias in node.names)
    return {module for module in found if module != name and module != "generator"}


def _is_module(dotted: str) -> bool:
    path = GENERATOR.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


MODULES = {_module_name(path): path for path in sorted(GENERATOR.rglob("*.py")) if "__pycache__" not in path.parts}


def test_every_part_of_the_package_has_a_place_in_the_order() -> None:
    assert {_stage(module) for module in MODULES} <= set(ORDER)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_no_later_stage(module: str) -> None:
    mine = ORDER[_stage(module)]
    later = sorted(other for other in _imports(MODULES[module]) if ORDER[_stage(other)] > mine)
    assert not later, f"{module} imports a later stage: {later}"


def test_no_import_cycles() -> None:
    graph = {module: {other for other in _imports(path) if other in MODULES} for module, path in MODULES.items()}
    in_cycles = set()
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            node = todo.pop()
            if node == start:
                in_cycles.add(start)
                break
            if node not in seen:
                seen.add(node)
                todo.extend(graph[node])
    assert not in_cycles, f"modules in import cycles: {sorted(in_cycles)}"
