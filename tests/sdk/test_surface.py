"""Contract: the committed SDK has exactly the surface the spec describes.

Expectations are read from spec/openapi.yaml directly, with a conversion written here
(not the generator's), so the generator cannot agree with itself by mistake.
"""

from __future__ import annotations

import functools
import inspect
import re
import typing
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin

import pytest

from tests.conftest import GENERATED, load_spec

import leap
import leap.models
from leap import NOT_GIVEN, AsyncLeap, Leap

SPEC = load_spec()
SCHEMAS = SPEC["components"]["schemas"]
METHODS = ("get", "put", "post", "delete", "patch")


def snake(name: str) -> str:
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


def deref(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for token in node["$ref"][2:].split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method, op) for path, item in SPEC["paths"].items() for method, op in item.items() if method in METHODS]


def arguments(path: str, op: dict[str, Any]) -> dict[str, tuple[dict[str, Any], bool]]:
    """Python argument name -> (schema, required), from parameters and body properties."""
    out: dict[str, tuple[dict[str, Any], bool]] = {}
    for raw in SPEC["paths"][path].get("parameters", []) + op.get("parameters", []):
        param = deref(raw)
        out[snake(param["name"])] = (param["schema"], bool(param.get("required")))
    if "requestBody" in op:
        body = deref(op["requestBody"])
        (media,) = body["content"].values()
        schema = deref(media["schema"])
        for name, prop in schema["properties"].items():
            out[snake(name)] = (prop, bool(body.get("required")) and name in schema.get("required", []))
    return out


def expected_type(schema: dict[str, Any]) -> Any:
    """The Python type a request argument of ``schema`` should have (without None)."""
    if "$ref" in schema:
        return getattr(leap.models, schema["$ref"].rsplit("/", 1)[-1])
    if schema.get("format") == "binary" or "contentMediaType" in schema:
        return leap.FileInput
    kind = schema["type"]
    if kind == "array":
        return list[expected_type(schema["items"])]
    return {"string": str, "integer": int, "number": float, "boolean": bool}[kind]


def strip_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, UnionType):
        args = tuple(a for a in get_args(annotation) if a is not NoneType)
        if len(args) < len(get_args(annotation)):
            return args[0] if len(args) == 1 else Union[args]
    return annotation


def type_hints(function: Any) -> dict[str, Any]:
    """``function``'s annotations evaluated. The SDK imports models and API classes for type
    checkers only (they load on first use), so the names come from the lazy packages."""
    import leap.resources
    from leap._models import DateTime

    names = {name: getattr(package, name) for package in (leap.models, leap.resources) for name in package.__all__}
    return typing.get_type_hints(function, localns={**names, "DateTime": DateTime})


def tag_attributes(client: type) -> list[str]:
    """The client's API attributes, in definition order: each is a cached property."""
    return [name for name, value in vars(client).items() if isinstance(value, functools.cached_property) and not name.startswith("_")]


def api_class(client: type, tag: str) -> type:
    attribute = vars(client)[snake(tag)]
    assert isinstance(attribute, functools.cached_property)
    return type_hints(attribute.func)["return"]  # type: ignore[no-any-return]


#: Per-call options every operation method takes besides the spec's arguments, with their defaults.
CALL_OPTIONS = {"extra_headers": None, "extra_query": None, "timeout": NOT_GIVEN, "max_retries": None}
#: Per-call options only some operations take: ``on_progress`` (a body that may hold files) and
#: ``extra_body`` (a JSON, form-encoded or multipart body, or none on a method that carries one).
SOME_OPTIONS = ("on_progress", "extra_body")

CASES = [pytest.param(path, method, op, id=op["operationId"]) for path, method, op in operations()]


def test_every_operation_is_covered() -> None:
    assert len(CASES) == 8


@pytest.mark.parametrize("client", [Leap, AsyncLeap])
@pytest.mark.parametrize(("path", "method", "op"), CASES)
def test_method_signature_matches_operation(client: type, path: str, method: str, op: dict[str, Any]) -> None:
    (tag,) = op["tags"]
    cls = api_class(client, tag)
    function = getattr(cls, snake(op["operationId"]))
    assert inspect.iscoroutinefunction(function) == (client is AsyncLeap)
    signature = inspect.signature(function)
    hints = type_hints(function)
    params = {name: p for name, p in signature.parameters.items() if name != "self" and name not in CALL_OPTIONS and name not in SOME_OPTIONS}
    expected = arguments(path, op)
    assert set(params) == set(expected)
    for name, default in CALL_OPTIONS.items():
        option = signature.parameters[name]
        assert option.kind is inspect.Parameter.KEYWORD_ONLY and option.default is default, name
    uploads = "multipart/form-data" in op.get("requestBody", {}).get("content", {})
    assert ("on_progress" in signature.parameters) == uploads, "upload methods take on_progress, others do not"
    content = op.get("requestBody", {}).get("content", {})
    fields = {"application/json", "application/x-www-form-urlencoded", "multipart/form-data"}
    takes_fields = bool(fields & set(content)) or (not content and method in ("post", "put", "patch"))
    assert ("extra_body" in signature.parameters) == takes_fields, "JSON, form and multipart methods take extra_body, others do not"
    for name in SOME_OPTIONS:
        if name in signature.parameters:
            assert signature.parameters[name].default is None, name
    for name, (schema, required) in expected.items():
        param = params[name]
        assert param.kind is inspect.Parameter.KEYWORD_ONLY, name
        schema = deref(schema) if "$ref" in schema and "enum" in deref(schema) else schema
        if required:
            assert param.default is inspect.Parameter.empty, f"{name} must be required"
        elif "default" in schema:
            assert param.default == schema["default"], name
        else:
            assert param.default is None, name
        assert strip_none(hints[name]) == expected_type(schema), name
        if not required and "default" not in schema:
            assert NoneType in get_args(hints[name]), f"{name} must accept None"


@pytest.mark.parametrize("client", [Leap, AsyncLeap])
@pytest.mark.parametrize(("path", "method", "op"), CASES)
def test_return_type_matches_success_response(client: type, path: str, method: str, op: dict[str, Any]) -> None:
    cls = api_class(client, op["tags"][0])
    function = getattr(cls, snake(op["operationId"]))
    returned = type_hints(function)["return"]
    success = next(deref(r) for code, r in op["responses"].items() if str(code).startswith("2"))
    schema = success.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        assert returned is NoneType
    elif schema == {}:
        assert returned is Any
    elif schema.get("type") == "array":
        assert returned == list[expected_type(schema["items"])]
    else:
        assert returned is expected_type(schema)


@pytest.mark.parametrize(("path", "method", "op"), CASES)
def test_docstring_cites_the_spec(path: str, method: str, op: dict[str, Any]) -> None:
    cls = api_class(Leap, op["tags"][0])
    doc = inspect.getdoc(getattr(cls, snake(op["operationId"])))
    assert doc is not None
    assert op["summary"] in doc
    assert f"``{method.upper()} {path}``" in doc
    assert "/paths/" + path.replace("/", "~1") + "/" + method in doc
    for section in ("Args:" if arguments(path, op) else "Returns:", "Returns:", "Raises:"):
        assert section in doc
    for name in arguments(path, op):
        assert f"\n    {name}: " in doc


def test_clients_expose_one_attribute_per_tag() -> None:
    tags = [t["name"] for t in SPEC["tags"]]
    for client in (Leap, AsyncLeap):
        assert [snake(t) for t in tags] == [name for name in tag_attributes(client) if name in {snake(t) for t in tags}]
    instance = Leap(api_key="k")
    assert type(instance.images).__name__ == "ImagesApi"
    assert type(instance.image_models).__name__ == "ImageModelsApi"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_schema_has_its_model(name: str) -> None:
    schema = SCHEMAS[name]
    model = getattr(leap.models, name)
    assert name in leap.models.__all__
    if "enum" in schema:
        assert get_origin(model) is Literal
        assert list(get_args(model)) == schema["enum"]
        return
    if "properties" not in schema:
        return  # an alias (Timestamp): parsing is checked in the response tests
    fields = model.model_fields
    assert set(fields) == {snake(p) for p in schema["properties"]}
    for wire, prop in schema["properties"].items():
        field = fields[snake(wire)]
        assert (field.alias or snake(wire)) == wire
        assert field.is_required() == (wire in schema.get("required", [])), wire
        if "default" in prop:
            assert field.default == prop["default"], wire


def test_models_accept_wire_names_and_python_names_and_keep_extras() -> None:
    from leap.models import CreateInferenceDto

    by_alias = CreateInferenceDto.model_validate({"prompt": "p", "numberOfImages": 2, "extraField": 1})
    by_name = CreateInferenceDto(prompt="p", number_of_images=2)
    assert by_alias.number_of_images == by_name.number_of_images == 2
    assert by_alias.model_extra == {"extraField": 1}
    # Requests serialise by alias and leave out what the caller did not set.
    assert by_name.to_dict() == {"prompt": "p", "numberOfImages": 2}


def test_docs_name_every_operation_and_model() -> None:
    docs = GENERATED / "docs"
    index = (docs / "api.md").read_text(encoding="utf-8")
    for path, method, op in operations():
        name = snake(op["operationId"])
        page_name = re.sub(r"\s", "", op["tags"][0].title()) + "Api.md"
        assert f"[`{name}`]({page_name}#{name})" in index
        page = (docs / page_name).read_text(encoding="utf-8")
        assert f"## {name}\n" in page
        assert f"**{method.upper()}** `{path}`" in page
        for code in op["responses"]:
            assert f"| **{str(code).upper()}** |" in page
    for name in SCHEMAS:
        assert f"[`{name}`](models/{name}.md)" in index
        assert (docs / "models" / f"{name}.md").read_text(encoding="utf-8").startswith(f"# {name}\n")


def test_public_names_are_sorted_and_importable() -> None:
    assert leap.__all__ == sorted(leap.__all__)
    for name in leap.__all__:
        assert hasattr(leap, name), name
