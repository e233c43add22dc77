"""Which component schemas refer to which, and how generated modules import each other without a cycle failing.

Python cannot run ``from .b import B`` at the top of ``a.py`` when ``b.py`` does the same
for ``A``: one of them sees the other half-initialised. So, per strongly connected
component of the reference graph (schemas that reach each other):

- an alias on a cycle is not imported at all: where it is used, its type is written out
  (an alias is evaluated when its module runs, so it cannot wait for a late import); this
  is decided from the spec, before types are mapped (:func:`cyclic_aliases`);
- a model imports the models of its own component at the *bottom* of its module, after its
  class is defined (pydantic resolves the annotations when the model is first used); this
  is decided from the generated types, inline models included (:func:`late_imports`).

Everything here is linear in the number of schemas and references.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

PREFIX = "#/components/schemas/"


def refs_in(schema: Any) -> Iterator[str]:
    """The component schemas ``schema`` refers to, anywhere inside it (refs are not followed)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(PREFIX):
                yield ref[len(PREFIX) :].replace("~1", "/").replace("~0", "~")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, without recursion: the components of ``graph`` (nodes in insertion order)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            edges = graph.get(node, [])
            if child < len(edges):
                work.append((node, child + 1))
                target = edges[child]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                out.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return out


def cyclic_aliases(schemas: dict[str, Any], kinds: dict[str, str]) -> frozenset[str]:
    """The aliases on a reference cycle (through anything inside the schemas, inline objects too)."""
    graph = {str(name): [r for r in dict.fromkeys(refs_in(schema)) if r in kinds] for name, schema in schemas.items()}
    inlined: set[str] = set()
    for component in strongly_connected(graph):
        if len(component) > 1 or component[0] in graph.get(component[0], []):
            inlined |= {n for n in component if kinds.get(n) == "alias"}
    return frozenset(inlined)


def late_imports(graph: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """For each generated schema on an import cycle: the schemas of its cycle it refers to (imported late)."""
    late: dict[str, frozenset[str]] = {}
    for component in strongly_connected(graph):
        members = frozenset(component)
        if len(members) > 1:
            for name in component:
                late[name] = members.intersection(graph.get(name, ())) - {name}
    return late
