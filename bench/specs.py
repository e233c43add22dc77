"""The specs measured, their size, and the cut-down copies of the scaling series."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .paths import BUILD, LEAP_SPEC, shared_specs

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Spec:
    """A spec to measure: a short ``key`` (``leap``, ``stripe``...), its file, its size."""

    key: str
    path: Path
    operations: int
    schemas: int
    bytes: int

    @property
    def label(self) -> str:
        return f"{self.key} ({self.operations} ops, {self.schemas} schemas, {self.bytes / 1e6:.2f} MB)"


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=_Loader)  # noqa: S506 - the C safe loader


def count_operations(document: dict[str, Any]) -> int:
    return sum(
        1
        for item in (document.get("paths") or {}).values()
        if isinstance(item, dict)
        for method in METHODS
        if method in item
    )


def describe(key: str, path: Path) -> Spec:
    document = load(path)
    schemas = len(((document.get("components") or {}).get("schemas")) or {})
    return Spec(key, path, count_operations(document), schemas, path.stat().st_size)


SHARED = {"petstore3": "petstore3.yaml", "spotify": "spotify.yaml", "stripe": "stripe-spec3.yaml"}
ALL = ("leap", *SHARED)


def find(keys: list[str], log=print) -> list[Spec]:
    """The specs named by ``keys`` that exist here (a missing shared one is logged and left out)."""
    found: list[Spec] = []
    folder = shared_specs()
    for key in keys:
        if key == "leap":
            found.append(describe(key, LEAP_SPEC))
        elif (folder / SHARED[key]).is_file():
            found.append(describe(key, folder / SHARED[key]))
        else:
            log(f"spec {key!r} not found (set BENCH_SPECS to the folder of {SHARED[key]}); left out")
    return found


def cut(spec: Spec, fractions: list[float]) -> list[Spec]:
    """Copies of ``spec`` keeping the first paths that hold ``fraction`` of its operations.

    Only path items are dropped, in document order, whole; ``components`` are kept as they
    are, so every remaining reference still resolves. The 100% point is the original file.
    Written to ``build/bench/scaling/``.
    """
    document = load(spec.path)
    paths = list((document.get("paths") or {}).items())
    folder = BUILD / "bench" / "scaling"
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Spec] = []
    for fraction in fractions:
        if fraction >= 1:
            out.append(Spec(f"{spec.key}-100%", spec.path, spec.operations, spec.schemas, spec.bytes))
            continue
        wanted = max(1, math.ceil(spec.operations * fraction))
        kept: dict[str, Any] = {}
        count = 0
        for name, item in paths:
            if count >= wanted:
                break
            kept[name] = item
            count += sum(1 for method in METHODS if isinstance(item, dict) and method in item)
        smaller = dict(document)
        smaller["paths"] = kept
        target = folder / f"{spec.key}-{round(fraction * 100)}.yaml"
        with target.open("w", encoding="utf-8") as handle:
            yaml.dump(smaller, handle, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
        out.append(Spec(f"{spec.key}-{round(fraction * 100)}%", target, count, spec.schemas, target.stat().st_size))
    return out


def synthetic(base: Spec, operations: int) -> Spec:
    """``base`` with its paths copied until it holds about ``operations`` operations.

    For the scaling series when ours generates none of the big specs yet. Each copy's paths
    get a ``/copyN`` prefix and its operationIds a ``CopyN`` suffix; the copies leave out the
    ``x-`` extensions and ``links`` of the originals (a waiter or a paginator name must be
    unique in its class). Components are shared, as they are. Written to
    ``build/bench/scaling/``.
    """
    document = load(base.path)
    originals = list((document.get("paths") or {}).items())
    paths = dict(originals)
    copy = 0
    while count_operations({"paths": paths}) < operations:
        copy += 1
        for name, item in originals:
            new_item: dict[str, Any] = {}
            for key, value in item.items():
                if key in METHODS and isinstance(value, dict):
                    op = {k: v for k, v in value.items() if not k.startswith("x-")}
                    if "operationId" in op:
                        op["operationId"] = f"{op['operationId']}Copy{copy}"
                    op["responses"] = {
                        status: (
                            {k: v for k, v in response.items() if k != "links"}
                            if isinstance(response, dict)
                            else response
                        )
                        for status, response in (op.get("responses") or {}).items()
                    }
                    new_item[key] = op
                elif not key.startswith("x-"):
                    new_item[key] = value
            paths[f"/copy{copy}{name}"] = new_item
    bigger = dict(document)
    bigger["paths"] = paths
    folder = BUILD / "bench" / "scaling"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{base.key}-synthetic.yaml"
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(bigger, handle, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
    return describe(f"{base.key}-synthetic", target)
