"""The reserved names of :mod:`generator.reserved_names` cover what the generated runtime uses.

A spec name equal to one of them is renamed (``timeout`` -> ``timeout_``); a runtime name
missing from them would let a spec name clash again (``def f(..., timeout, ..., timeout)``).
These tests read the SDK as generated (Leap's committed package, whose spec has waiters,
paginations, links and webhooks, and case folders with every kind of request body) and fail
when a template or the runtime gains a name the lists do not have.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from typing import Any

import pytest

from generator.config import load_config
from generator.ir import Api, Operation
from generator.pipeline import generate_files
from generator.reserved_names import (
    API_CLASS_ATTRIBUTES,
    CALL_OPTIONS,
    CLIENT_ATTRIBUTES,
    MODEL_ATTRIBUTES,
    RESERVED_ARGUMENTS,
    RESERVED_ATTRIBUTES,
    RESERVED_FIELDS,
    RESERVED_METHODS,
    UPLOAD_OPTIONS,
    WAITER_OPTIONS,
)

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "generator" / "cases"
#: Case folders whose methods send each kind of body and parameter (multipart, form, raw, serialised parameters) or cast a union.
BODY_CASES = ("formats", "form-urlencoded", "raw-upload", "parameter-styles", "nullable-31", "defaults", "discriminators")


@pytest.fixture(scope="module")
def leap_api() -> Api:
    """Leap's IR, as the committed ``generated/leap`` was generated from (``test_generated_package`` checks that)."""
    return generate_files(ROOT / "spec" / "openapi.yaml", formatted=False).api  # the IR is the same either way


def _public(names: Any) -> set[str]:
    return {name for name in names if not name.startswith("_")}


def _methods(op: Operation) -> dict[str, tuple[str, ...]]:
    """The methods an operation gives its API class, each with the keywords it adds to the operation's arguments."""
    found = {op.name: CALL_OPTIONS + (UPLOAD_OPTIONS if op.uploads else ())}
    for extra in (op.waiter, op.and_wait):
        if extra is not None:
            found[extra.name] = WAITER_OPTIONS
    if op.pagination is not None:  # the per-call options, given to every page's request
        found[op.pagination.name] = CALL_OPTIONS
        if op.pagination.pages_name:
            found[op.pagination.pages_name] = CALL_OPTIONS
    return found


def test_the_reserved_lists_hold_the_names_they_are_built_from() -> None:
    assert set(CALL_OPTIONS) | set(UPLOAD_OPTIONS) | set(WAITER_OPTIONS) <= set(RESERVED_ARGUMENTS)
    assert set(API_CLASS_ATTRIBUTES) == set(RESERVED_METHODS) and set(CLIENT_ATTRIBUTES) == set(RESERVED_ATTRIBUTES)
    assert set(MODEL_ATTRIBUTES) <= set(RESERVED_FIELDS)
    assert all(RESERVED_ARGUMENTS[name] for name in CALL_OPTIONS), "a clash with a per-call keyword is warned about"


def test_every_public_attribute_of_the_clients_is_reserved(leap_api: Api) -> None:
    import leap

    tags = {tag.attribute for tag in leap_api.tags}
    for client_class in (leap.Leap, leap.AsyncLeap):
        client = client_class(api_key="k")
        runtime = _public(dir(client_class)) | _public(vars(client))
        assert runtime - tags <= set(RESERVED_ATTRIBUTES), client_class.__name__


def test_every_attribute_an_api_class_has_besides_its_operations_is_reserved(leap_api: Api) -> None:
    import leap

    client = leap.Leap(api_key="k")
    for tag in leap_api.tags:
        api = getattr(client, tag.attribute)
        spec_methods = {name for op in tag.operations for name in _methods(op)}
        own = (_public(dir(type(api))) | _public(vars(api))) - spec_methods
        assert own, "the API class has attributes of its own (with_raw_response...)"
        assert own <= set(RESERVED_METHODS), f"{tag.name}: {sorted(own - set(RESERVED_METHODS))}"


def test_every_keyword_a_method_takes_besides_the_spec_arguments_is_reserved(leap_api: Api) -> None:
    """Operation methods take the per-call keywords, waiters their polling keywords: all reserved arguments."""
    checked = 0
    for tag in leap_api.tags:
        module = importlib.import_module(f"leap.resources.{tag.module}")
        for prefix in ("", "Async"):
            api_class = getattr(module, prefix + tag.class_name)
            for op in tag.operations:
                arguments = {argument.name for argument in op.arguments}
                for name, options in _methods(op).items():
                    keywords = set(inspect.signature(getattr(api_class, name)).parameters) - {"self"} - arguments
                    assert keywords <= set(options) <= set(RESERVED_ARGUMENTS), f"{api_class.__name__}.{name}: {sorted(keywords - set(options))}"
                    checked += 1
    assert checked > 10


def _free_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The names a method's body reads that it does not bind itself (its arguments, lambdas', assignments, imports)."""
    bound = {a.arg for node in ast.walk(function) if isinstance(node, ast.arguments) for a in node.args + node.kwonlyargs}
    read: set[str] = set()
    for statement in function.body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name):
                (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                bound |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return read - bound


def _resource_sources(leap_api: Api) -> dict[str, str]:
    """API class modules: Leap's committed ones and those of the case folders with every kind of body."""
    sources = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "generated" / "leap" / "leap" / "resources").glob("*.py")}
    for case in BODY_CASES:
        spec = CASES / case / "openapi.yaml"
        files = generate_files(spec, config=load_config(None, spec).package, formatted=False).files  # read as syntax trees
        sources |= {path: text for path, text in files.items() if "/resources/" in path}
    return sources


def test_every_name_a_method_body_reads_is_reserved(leap_api: Api) -> None:
    """An argument named like a helper the method calls (``without_none``, ``multipart``, ``cast``) would hide it."""
    lower: set[str] = set()
    for path, source in _resource_sources(leap_api).items():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name != "__init__":
                lower |= {name for name in _free_names(node) if name[:1].islower()}
    assert {"without_none", "path_template", "multipart", "form_body", "binary_body", "query_param", "cast"} <= lower, "the sources cover those helpers"
    assert lower <= set(RESERVED_ARGUMENTS), sorted(lower - set(RESERVED_ARGUMENTS))


def test_every_public_attribute_of_a_model_is_reserved() -> None:
    """pydantic's ``BaseModel`` and the SDK's own methods: a field of one of these names would hide it."""
    from leap._models import BaseModel

    assert _public(dir(BaseModel)) <= set(RESERVED_FIELDS), sorted(_public(dir(BaseModel)) - set(RESERVED_FIELDS))
    assert {"to_dict", "model_config", "schema"} <= _public(dir(BaseModel))
