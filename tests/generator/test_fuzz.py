"""Fuzz: mutated specs either generate an SDK that imports, or get diagnostics; never a traceback.

Hypothesis mutates the Leap spec and a small spec: it drops keys, changes the type of
values, breaks references, renames keys and injects hostile strings, one to three times per
example. Generation must end in one of two ways: files that compile and import, or a
:class:`SpecError` whose diagnostics are not ``internal-error`` (a generator bug caught by
the pipeline's safety net counts as a failure here).

Each property first replays its fixed examples (the ``@example``s below, then any failure
Hypothesis saved in ``.hypothesis/``), then runs ``FUZZ_EXAMPLES`` fresh random ones (20 by
default, what ``make test`` can afford; ``make fuzz``: 2000; ``make test-fast``: 0) drawn
from ``FUZZ_SEED``, a new random seed each run unless set. A failure names the seed
and the count, and ``make fuzz FUZZ_SEED=... FUZZ_EXAMPLES=...`` runs the same examples again.
With ``FUZZ_EXAMPLES=0`` the files are not given black's layout (``--no-format``: they are still
parsed), which is most of the cost of replaying the fixed examples; random examples are formatted,
so black's pass (and the line splitter before it) meets the hostile strings too.
"""

from __future__ import annotations

import copy
import importlib
import itertools
import os
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, seed, settings
from hypothesis import strategies as st

from generator.diagnostics import SpecError
from generator.ir import PackageConfig
from generator.pipeline import generate_files
from generator.write import write_tree
from tests.conftest import SPEC_PATH

SMALL: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Small", "version": "1"},
    "servers": [{"url": "https://small.test"}],
    "paths": {
        "/pets/{petId}": {
            "parameters": [{"name": "petId", "in": "path", "required": True, "schema": {"type": "integer", "format": "int64"}}],
            "get": {
                "operationId": "getPet",
                "tags": ["pets"],
                "parameters": [{"name": "X-Trace", "in": "header", "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}},
                    "404": {"description": "missing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                },
            },
            "put": {
                "operationId": "putPet",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}},
                "responses": {"204": {"description": "done"}},
            },
        }
    },
    "components": {
        "schemas": {
            "Pet": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {
                    "id": {"type": "integer", "format": "int64"},
                    "kind": {"$ref": "#/components/schemas/Kind"},
                    "tags": {"type": "array", "items": {"type": "string"}, "nullable": True},
                    "owner": {"allOf": [{"$ref": "#/components/schemas/Owner"}], "nullable": True},
                    "extra": {"type": "object", "additionalProperties": {"type": "number"}},
                    "friend": {"oneOf": [{"$ref": "#/components/schemas/Pet"}, {"$ref": "#/components/schemas/Owner"}], "discriminator": {"propertyName": "kind"}},
                    "collar": {"type": "object", "properties": {"size": {"type": "integer", "enum": [1, 2]}}},
                },
            },
            "Owner": {"type": "object", "properties": {"kind": {"type": "string"}, "name": {"type": "string", "default": "x", "readOnly": True}, "pets": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}},
            "Kind": {"type": "string", "enum": ["cat", "dog"]},
            "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
        }
    },
}

HOSTILE = ['"""; import os; os.system("x") #', "{{ x }}{% if 1 %}", "a\\b\nc", "", "2fa", "class", "$", "../x"]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=3),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(HOSTILE),
    st.just([]),
    st.just({}),
    st.just({"$ref": "#/components/schemas/Nowhere"}),
    st.just({"$ref": "other.yaml#/components/schemas/Pet"}),
    st.just({"type": "object", "properties": {"$ref": {"type": "string"}}}),
    st.just({"type": ["string", "null"], "enum": [1.5, None, {"a": 1}]}),
)
MUTATIONS = ("drop", "replace", "rename", "inject", "break-ref")


def _nodes(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) of the document, in a stable order."""
    out: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        for key, child in items:
            out.append((node, key))
            stack.append(child)
    return out


def _mutate(document: dict[str, Any], steps: list[tuple[int, str, Any]]) -> dict[str, Any]:
    document = copy.deepcopy(document)
    for index, mutation, value in steps:
        nodes = _nodes(document)
        if not nodes:
            break
        container, key = nodes[index % len(nodes)]
        if mutation == "drop":
            del container[key]
        elif mutation == "replace":
            container[key] = value
        elif mutation == "rename" and isinstance(container, dict):
            container[str(value)] = container.pop(key)
        elif mutation == "inject" and isinstance(container[key], str):
            container[key] = container[key] + HOSTILE[index % len(HOSTILE)]
        elif mutation == "break-ref":
            refs = [(c, k) for c, k in nodes if k == "$ref"]
            if refs:
                c, k = refs[index % len(refs)]
                c[k] = ["#/components/schemas/Nowhere", "#/", "#", "elsewhere.yaml#/x", "#/paths"][index % 5]
    return document


STEPS = st.lists(st.tuples(st.integers(min_value=0, max_value=10_000), st.sampled_from(MUTATIONS), VALUES), min_size=1, max_size=3)
_counter = itertools.count()


def _generate_or_diagnose(document: dict[str, Any], root: Path) -> None:
    number = next(_counter)
    spec = root / f"spec{number}.yaml"
    spec.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    package = f"fuzzed_{number}"
    try:
        files = generate_files(spec, config=PackageConfig(package=package, distribution=package, client_class="Fuzzed", async_client_class="AsyncFuzzed", error_base="FuzzedError", env_prefix="FUZZED"), formatted=EXAMPLES > 0).files
    except SpecError as exc:
        assert exc.diagnostics, "a SpecError without diagnostics"
        bugs = [d.format() for d in exc.diagnostics if d.code in ("internal-error", "invalid-output")]
        assert not bugs, "\n".join(bugs)
        return
    out = root / f"out{number}"
    write_tree(files, out)
    sys.path.insert(0, str(out))
    try:
        module = importlib.import_module(package)
        importlib.import_module(f"{package}.models")
        module.Fuzzed(api_key="k").close()
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


#: The seed of this run's random examples (``FUZZ_SEED``, else a fresh one) and how many each property runs.
SEED = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**32))
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 20))
FUZZ = settings(
    max_examples=max(EXAMPLES, 1),
    phases=list(Phase) if EXAMPLES else [Phase.explicit, Phase.reuse],  # 0: the fixed examples only
    deadline=None,
    suppress_health_check=list(HealthCheck),  # slow examples and big documents are the point here
)


@contextmanager
def _naming_the_seed() -> Iterator[None]:
    """A failure says how to run the same examples again."""
    try:
        yield
    except Exception as exc:
        exc.add_note(f"fuzz seed {SEED}, {EXAMPLES} random examples; again: make fuzz FUZZ_SEED={SEED} FUZZ_EXAMPLES={EXAMPLES}")
        raise


def _step(document: dict[str, Any], mutation: str, key: str, value: Any = None) -> tuple[int, str, Any]:
    """A fixed mutation step: ``mutation`` at the first node whose key is ``key``."""
    index = next(i for i, (_, k) in enumerate(_nodes(document)) if k == key)
    return (index, mutation, value)


LEAP = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def leap_spec() -> dict[str, Any]:
    return LEAP


@FUZZ
@seed(SEED)
@example(steps=[_step(SMALL, "drop", "Kind")])
@example(steps=[_step(SMALL, "replace", "discriminator", {})])
@example(steps=[_step(SMALL, "rename", "/pets/{petId}", "class")])
@example(steps=[_step(SMALL, "inject", "operationId")])
@example(steps=[_step(SMALL, "break-ref", "$ref")])
@example(steps=[_step(SMALL, "replace", "nullable", HOSTILE[1]), _step(SMALL, "replace", "additionalProperties", True)])
@example(steps=[_step(SMALL, "replace", "openapi", float("nan")), _step(SMALL, "drop", "responses")])
@given(steps=STEPS)
def test_mutated_small_spec_generates_or_diagnoses(steps: list[tuple[int, str, Any]], tmp_path_factory: pytest.TempPathFactory) -> None:
    with _naming_the_seed():
        _generate_or_diagnose(_mutate(SMALL, steps), tmp_path_factory.mktemp("fuzz"))


@FUZZ
@seed(SEED)
@example(steps=[_step(LEAP, "drop", "x-pagination")])
@example(steps=[_step(LEAP, "replace", "x-waiter", [])])
@example(steps=[_step(LEAP, "drop", "x-envelope")])
@example(steps=[_step(LEAP, "rename", "operationId", "class")])
@example(steps=[_step(LEAP, "inject", "description")])
@example(steps=[_step(LEAP, "break-ref", "$ref")])
@example(steps=[_step(LEAP, "replace", "securitySchemes", None), _step(LEAP, "drop", "webhooks")])
@given(steps=STEPS)
def test_mutated_leap_spec_generates_or_diagnoses(steps: list[tuple[int, str, Any]], leap_spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    with _naming_the_seed():
        _generate_or_diagnose(_mutate(leap_spec, steps), tmp_path_factory.mktemp("fuzz"))


def test_the_small_spec_itself_generates(tmp_path: Path) -> None:
    _generate_or_diagnose(SMALL, tmp_path)


def _schemas() -> st.SearchStrategy[Any]:
    """Random JSON Schemas built from the keywords the generator maps (3.1 accepts nearly any shape)."""
    leaf = st.one_of(
        st.fixed_dictionaries({"type": st.sampled_from(["string", "integer", "number", "boolean", "null", "object", "array"])}),
        st.fixed_dictionaries({"type": st.just("string"), "format": st.sampled_from(["date", "date-time", "uuid", "byte", "binary"])}),
        st.fixed_dictionaries({"enum": st.lists(st.one_of(st.sampled_from(HOSTILE), st.integers(-2, 2), st.none(), st.floats(0, 1)), min_size=1, max_size=3)}),
        st.fixed_dictionaries({"const": st.one_of(st.sampled_from(HOSTILE), st.integers(), st.booleans())}),
        st.sampled_from([{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}, {}, True]),
    )

    def extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        names = st.sampled_from(["id", "class", "self", "json", "2fa", "a-b", "$ref", "kind", '"""', "x"])
        return st.one_of(
            st.fixed_dictionaries({"type": st.just("object"), "properties": st.dictionaries(names, children, max_size=3)}, optional={"required": st.lists(names, max_size=2), "additionalProperties": children}),
            st.fixed_dictionaries({"type": st.just("array"), "items": children}),
            st.fixed_dictionaries({"anyOf": st.lists(children, min_size=1, max_size=3)}),
            st.fixed_dictionaries({"oneOf": st.lists(children, min_size=1, max_size=3)}, optional={"discriminator": st.just({"propertyName": "kind"})}),
            st.fixed_dictionaries({"allOf": st.lists(children, min_size=1, max_size=3)}),
            st.fixed_dictionaries({"type": st.just(["object", "null"]), "properties": st.dictionaries(names, children, max_size=2)}, optional={"nullable": st.booleans()}),
        )

    return st.recursive(leaf, extend, max_leaves=8)


@FUZZ
@seed(SEED)
@example(a={"type": "object", "properties": {"self": {"$ref": "#/components/schemas/A"}}}, b={"$ref": "#/components/schemas/A"}, body={"type": "array", "items": {"$ref": "#/components/schemas/B"}})
@example(a={"enum": HOSTILE[:3]}, b={"const": HOSTILE[0]}, body={"type": ["object", "null"], "properties": {"class": {"type": "string"}, "2fa": True}})
@example(
    a={"oneOf": [{"type": "object", "properties": {"kind": {"const": "x"}}}, {"$ref": "#/components/schemas/B"}], "discriminator": {"propertyName": "kind"}},
    b={"type": "object", "required": ["kind", "id"], "properties": {"kind": {"type": "string"}}},
    body={"allOf": [{"$ref": "#/components/schemas/A"}, {}]},
)
@example(a={}, b=True, body={"anyOf": [{"type": "null"}, {"type": "string", "format": "binary"}]})
@given(a=_schemas(), b=_schemas(), body=_schemas())
def test_random_schemas_generate_or_diagnose(a: Any, b: Any, body: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Schemas", "version": "1"},
        "paths": {
            "/x": {
                "post": {
                    "operationId": "send",
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}},
                }
            }
        },
        "components": {"schemas": {"A": a, "B": b}},
    }
    with _naming_the_seed():
        _generate_or_diagnose(document, tmp_path_factory.mktemp("fuzz"))
