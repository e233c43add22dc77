"""The IR holds data and the render stage writes the text: the body format, the import lines,
the status -> exception table and the README's example calls."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from generator.build.builder import build
from generator.build.errors import ERROR_CLASSES, error_class
from generator.config import load_config
from generator.ir import Api, BodyFormat, ErrorClass, Operation
from generator.read.loader import load
from generator.render import output
from generator.render.readme import readme_examples

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "generator" / "cases"


@pytest.fixture(scope="module")
def api() -> Api:
    return build(load(ROOT / "spec" / "openapi.yaml"))


@pytest.fixture(scope="module")
def leap_files(api: Api) -> dict[str, str]:
    return output.render(api)


def _case(name: str) -> Api:
    spec = CASES / name / "openapi.yaml"
    return build(load(spec), load_config(None, spec).package)


def _op(api: Api, name: str) -> Operation:
    [found] = [o for o in api.operations if o.name == name]
    return found


def test_the_ir_imports_no_later_stage() -> None:
    for path in sorted((ROOT / "generator" / "ir").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("generator.render", "generator.build", "generator.literals", "generator.format")), f"{path.name} imports {node.module}"


def test_ir_classes_build_no_annotation_or_markdown_text() -> None:
    import generator.ir as ir

    text_members = {"annotation", "doc", "render", "signature_type", "signature_default", "serialization", "sends", "return_annotation"}
    for name in ir.__all__:
        cls = getattr(ir, name)
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            assert not text_members & set(vars(cls)), f"{name} builds text: {text_members & set(vars(cls))}"


def test_each_body_format_comes_from_the_media_type(api: Api) -> None:
    assert _op(api, "generate").body_format is BodyFormat.JSON
    assert _op(api, "train_model").body_format is BodyFormat.MULTIPART
    assert _op(api, "find_one").body_format is BodyFormat.NONE
    assert {o.body_format for o in _case("form-urlencoded").operations} >= {BodyFormat.FORM}
    assert {o.body_format for o in _case("raw-upload").operations} >= {BodyFormat.RAW}
    assert BodyFormat.RAW == "raw", "templates compare with the string"


def _imported_and_used(source: str) -> tuple[set[str], set[str]]:
    tree = ast.parse(source)
    # ``if TYPE_CHECKING: from ..models import ...`` names every schema of the tag's responses, error bodies too (unused: kept as it was)
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module != "__future__" and not (node.level == 2 and node.module == "models")
        for alias in node.names
    }
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    return imported, used


@pytest.mark.parametrize("case", ["form-urlencoded", "raw-upload", "parameter-styles", "nullable-31", "discriminators", "vendor-json", "formats"])
def test_every_imported_name_is_used(leap_files: dict[str, str], case: str) -> None:
    """``tag_imports`` and ``model_imports`` import what the module uses, and nothing else."""
    for files in (leap_files, output.render(_case(case))):
        modules = {path: text for path, text in files.items() if path.endswith(".py") and ("/resources/" in path or "/models/" in path) and not path.endswith("__init__.py")}
        assert modules
        for path, text in modules.items():
            imported, used = _imported_and_used(text)
            assert imported <= used, f"{path}: unused {sorted(imported - used)}"


def test_the_error_table_is_read_by_the_build_stage_and_both_templates(api: Api) -> None:
    assert api.error_classes == ERROR_CLASSES
    assert [error_class(s) for s in ("404", "503", "5XX", "4XX", "default", "418")] == [
        "NotFoundError",
        "InternalServerError",
        "InternalServerError",
        "APIStatusError",
        "APIStatusError",
        "APIStatusError",
    ]
    table = (*ERROR_CLASSES[:-1], ErrorClass("418", "TeapotError", "the server is a teapot"), ERROR_CLASSES[-1])
    changed = dataclasses.replace(api, error_classes=table)
    env = output.environment()
    exceptions = env.get_template("package/_exceptions.py.jinja").render(api=changed, guides=())
    assert '"""418: the server is a teapot."""' in exceptions and "    418: TeapotError," in exceptions
    assert '    "TeapotError",' in exceptions and "│       ├── TeapotError                418" in exceptions
    compile(exceptions, "_exceptions.py", "exec")
    readme = env.get_template("README.md.jinja").render(api=changed, guides=(), docs_prefix="docs/")
    assert "`RateLimitError`, `TeapotError`, `InternalServerError` | 400, 401, 402, 403, 404, 409, 422, 429, 418, 5xx" in readme


def test_readme_examples_are_built_in_python(api: Api) -> None:
    examples = readme_examples(api)
    assert examples is not None
    op = api.tags[0].operations[0]
    required = [f for f in op.arguments if f.required]
    assert examples.operation is op and required
    assert examples.call == f"client.{api.tags[0].attribute}.{op.name}(" + "".join(f"{f.name}={f.example.python if f.example else chr(34) * 2}, " for f in required).replace('=""', '="..."') + ")"
    assert examples.with_options == "patient" + examples.call.removeprefix("client")
    assert examples.per_call == examples.call[:-1] + 'extra_headers={"X-Request-Id": "demo-1"}, timeout=5.0, max_retries=5)'
    polled = next(o for o in api.operations if o.waiter)
    assert examples.raw_operation is polled
    assert examples.raw_call.startswith(f"client.{api.tag_of(polled).attribute}.with_raw_response.{polled.name}(")
    readme = output.environment().get_template("README.md.jinja").render(api=api, guides=(), docs_prefix="docs/")
    assert f"result = {examples.per_call}\n" in readme and f"response = {examples.raw_call}\n" in readme


def test_readme_examples_without_operations(api: Api) -> None:
    assert readme_examples(dataclasses.replace(api, tags=())) is None


#: Words of Leap's API (its product, its jobs, its fields) that no generic template may say.
LEAP_WORDS = ("leap", "image generation", "model training", "inference", "minutes", "credits", "webhookurl", "tryleap")


def test_generic_templates_say_nothing_of_one_api() -> None:
    for path in sorted((ROOT / "templates").rglob("*.jinja")):
        text = path.read_text(encoding="utf-8").lower()
        assert not [w for w in LEAP_WORDS if w in text], f"{path.relative_to(ROOT)} speaks of Leap"


def test_another_apis_readme_and_docs_say_nothing_of_leap() -> None:
    files = output.render(_case("form-urlencoded"))
    docs = {path: text for path, text in files.items() if path.endswith(".md")}
    assert "README.md" in docs
    for path, text in docs.items():
        assert not [w for w in LEAP_WORDS if w in text.lower()], path
