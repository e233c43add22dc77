"""Spec text reaches generated Python only as escaped docstrings or literals.

A spec whose descriptions, defaults, examples and enum values try to end a docstring or a
literal early (and run code), or look like Jinja, is generated, written, compiled and
imported: every text must come back unchanged and nothing may run.
"""

from __future__ import annotations

import ast
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.ir import PackageConfig
from generator.pipeline import generate_files
from generator.render.docstring_text import docbody, docline, docstring
from generator.render.python_filters import pyrepr
from generator.write import write_tree

PAYLOAD = '__import__("pathlib").Path("PWNED").touch()'
DESCRIPTION = (
    f'Evil """; {PAYLOAD}; """ and \'\'\'; {PAYLOAD}; \'\'\' with a \\ backslash, \\" an escaped quote, '
    "a \\N{BULLET} escape, {{ api.title }} and {% if true %}jinja{% endif %} and {# comment #}, "
    'ending in a quote"'
)
DEFAULT = f'x"""\'; {PAYLOAD} #\n{{{{ 7 * 7 }}}} trailing backslash \\'
ENUM_VALUES = ['a"""b', "c'd", "back\\slash", "{{ x }}", "new\nline", f"'; {PAYLOAD}; '"]
CONFIG = PackageConfig(package="hostile", distribution="hostile", client_class="Hostile", async_client_class="AsyncHostile", error_base="HostileError", env_prefix="HOSTILE", title="Hostile")


def _spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": f'Hostile """ {PAYLOAD} \\', "version": "1", "description": DESCRIPTION},
        "servers": [{"url": "https://hostile.example"}],
        "tags": [{"name": "Things", "description": DESCRIPTION}],
        "paths": {
            "/things/{thingId}": {
                "post": {
                    "tags": ["Things"],
                    "operationId": "makeThing",
                    "summary": f'Make """ {PAYLOAD} \\',
                    "description": DESCRIPTION,
                    "parameters": [{"name": "thingId", "in": "path", "required": True, "description": DESCRIPTION, "schema": {"type": "string"}}],
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                    "responses": {
                        "200": {
                            "description": DESCRIPTION,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                            "links": {"Poll": {"operationId": "getThing", "parameters": {"thingId": "$request.path.thingId"}}},
                        },
                        "404": {"description": DESCRIPTION},
                    },
                },
                "get": {
                    "tags": ["Things"],
                    "operationId": "getThing",
                    "parameters": [{"name": "thingId", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "x-waiter": {"stateFields": ["label"], "success": [ENUM_VALUES[0]], "failure": [ENUM_VALUES[5]]},
                    "responses": {"200": {"description": DESCRIPTION, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}},
                },
            }
        },
        "webhooks": {
            "thingDone": {
                "post": {
                    "summary": f'Done """ {PAYLOAD} \\',
                    "description": DESCRIPTION,
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "description": DESCRIPTION,
                    "required": ["label"],
                    "properties": {
                        "label": {"type": "string", "description": DESCRIPTION, "example": DEFAULT},
                        "note": {"type": "string", "description": DESCRIPTION, "default": DEFAULT},
                        "mood": {"$ref": "#/components/schemas/Mood"},
                        "limit": {"type": "number", "default": math.inf},
                    },
                    "example": {"label": DEFAULT},
                },
                "Mood": {"type": "string", "description": DESCRIPTION, "enum": ENUM_VALUES},
            }
        },
    }


def _same_text(haystack: str | None, needle: str) -> bool:
    """Whether ``needle`` is in ``haystack`` up to whitespace (docstrings are re-wrapped)."""
    return " ".join(needle.split()) in " ".join((haystack or "").split())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("hostile")
    spec = root / "hostile.yaml"
    spec.write_text(yaml.safe_dump(_spec(), sort_keys=False, allow_unicode=True), encoding="utf-8")
    files = generate_files(spec, config=CONFIG).files
    out = root / "out"
    write_tree(files, out)
    return out, files


INSPECT = """
import inspect, json, typing
import hostile
from hostile.models import Mood, Thing
from hostile.resources import things
client = hostile.Hostile(api_key="k")
method = client.things.make_thing
print(json.dumps({
    "package": hostile.__doc__,
    "module": things.__doc__,
    "class": things.ThingsApi.__doc__,
    "client_attribute_class": type(client.things).__name__,
    "method": method.__doc__,
    "async_method": things.AsyncThingsApi.make_thing.__doc__,
    "signature_default": inspect.signature(method).parameters["note"].default,
    "model": Thing.__doc__,
    "model_default": Thing.model_fields["note"].default,
    "model_limit": repr(Thing.model_fields["limit"].default),
    "enum": list(typing.get_args(Mood)),
}))
"""


def test_hostile_text_compiles(hostile: tuple[Path, dict[str, str]]) -> None:
    _, files = hostile
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    assert len(python) > 10
    for path, text in python.items():
        compile(text, path, "exec")


def test_hostile_text_comes_back_unchanged_and_runs_nothing(hostile: tuple[Path, dict[str, str]]) -> None:
    out, _ = hostile
    run = subprocess.run([sys.executable, "-c", INSPECT], cwd=out, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert not list(out.parent.rglob("PWNED")), "code from the spec ran on import"
    for key in ("package", "module", "class", "method", "async_method", "model"):
        assert _same_text(found[key], DESCRIPTION), key
    assert _same_text(found["method"], 'Make """ ' + PAYLOAD + " \\")
    assert found["client_attribute_class"] == "ThingsApi"
    assert found["signature_default"] == DEFAULT
    assert found["model_default"] == DEFAULT
    assert found["model_limit"] == "inf"
    assert found["enum"] == ENUM_VALUES


def _attribute_docstrings(source: str) -> dict[str, str]:
    """``name -> docstring`` of every annotated class attribute followed by a string."""
    docs = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            for first, second in zip(node.body, node.body[1:]):
                if isinstance(first, ast.AnnAssign) and isinstance(first.target, ast.Name) and isinstance(second, ast.Expr) and isinstance(second.value, ast.Constant):
                    docs[first.target.id] = second.value.value
            for item in node.body:  # a property (the client's API attributes) documents itself
                if isinstance(item, ast.FunctionDef) and item.decorator_list and (text := ast.get_docstring(item, clean=False)):
                    docs[item.name] = text
    return docs


def test_field_docstrings_keep_the_text(hostile: tuple[Path, dict[str, str]]) -> None:
    _, files = hostile
    docs = _attribute_docstrings(files["hostile/models/thing.py"])
    assert _same_text(docs["label"], DESCRIPTION)
    assert _same_text(docs["note"], DESCRIPTION)
    assert _same_text(docs["note"], f"Default: ``{DEFAULT!r}``")
    client_docs = _attribute_docstrings(files["hostile/_client.py"])
    assert _same_text(client_docs["things"], DESCRIPTION)


def test_docs_keep_jinja_like_text_literally(hostile: tuple[Path, dict[str, str]]) -> None:
    _, files = hostile
    page = files["docs/models/Thing.md"]
    assert "{{ api.title }}" in page and "{% if true %}jinja{% endif %}" in page and "{# comment #}" in page


@pytest.mark.slow
def test_hostile_tag_name_and_server_url_run_nothing(tmp_path: Path) -> None:
    spec = _spec()
    evil = f'Things """; {PAYLOAD}; """'
    spec["servers"] = [{"url": f'https://hostile.example/"""; {PAYLOAD}; """'}]
    spec["tags"] = [{"name": evil}]
    spec["paths"]["/things/{thingId}"]["post"]["tags"] = [evil]
    spec["paths"]["/things/{thingId}"]["get"]["tags"] = [evil]
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    write_tree(generate_files(path, config=CONFIG).files, out)
    subprocess.run([sys.executable, "-c", "import hostile"], cwd=out, capture_output=True, timeout=60)
    assert not list(tmp_path.rglob("PWNED")), "code from the spec ran on import"


@pytest.mark.parametrize(
    "value",
    [
        DESCRIPTION,
        DEFAULT,
        "",
        "\\",
        '"',
        "'\"'\"\"\"'''",
        42,
        -0.5,
        True,
        None,
        math.inf,
        -math.inf,
        [1, "two", None, [math.inf]],
        {"a": [1, 2], "b\\": {"c": '"""'}},
    ],
)
def test_pyrepr_is_a_literal_of_the_same_value(value: Any) -> None:
    source = pyrepr(value)
    assert eval(compile(source, "<pyrepr>", "eval"), {"__builtins__": {"float": float}}) == value
    if "inf" not in repr(value):
        assert ast.literal_eval(source) == value


def test_pyrepr_of_nan() -> None:
    assert math.isnan(eval(pyrepr(math.nan), {"__builtins__": {"float": float}}))


@pytest.mark.parametrize("text", [DESCRIPTION, DEFAULT, 'ends with "', 'Say "hi"', "ends with \\", '""""""', 'x"""', "a\n\nb"])
def test_docstring_helpers_round_trip(text: str) -> None:
    for escaped in (docline(text), docbody(text)):
        source = docstring(escaped.split("\n"), "    ")
        value = ast.literal_eval(source)
        assert " ".join(value.split()) == " ".join(text.split())


@pytest.mark.slow
def test_a_one_line_docstring_may_end_in_a_quote(tmp_path: Path) -> None:
    """A required field described as ``Say "hi"`` once rendered ``\"\"\"Say "hi"\"\"\"\"`` (invalid Python)."""
    spec = _spec()
    spec["components"]["schemas"]["Thing"]["properties"]["label"]["description"] = 'Say "hi"'
    path = tmp_path / "quote.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    source = generate_files(path, config=CONFIG).files["hostile/models/thing.py"]
    assert _attribute_docstrings(source)["label"].rstrip() == 'Say "hi"'


WAIT_FOR_HOSTILE_STATES = """
import json, sys
import httpx
import hostile
states = json.loads(sys.argv[1])
answers = iter([{"label": "pending"}, {"label": states["success"]}])
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=next(answers)))
client = hostile.Hostile(api_key="k", http_client=httpx.Client(transport=transport))
done = client.things.make_thing_and_wait(thing_id="t", label="x", limit=1.0, poll_interval=0)
failed = iter([{"label": states["failure"]}])
client = hostile.Hostile(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200, json=next(failed)))))
try:
    client.things.wait(thing_id="t", poll_interval=0)
except hostile.JobFailedError as error:
    print(json.dumps({"done": done.label, "failed": error.state, "doc": client.things.wait.__doc__, "hook": client.webhooks.parse_thing_done.__doc__}))
"""


def test_hostile_waiter_states_are_literals(hostile: tuple[Path, dict[str, str]]) -> None:
    """x-waiter values reach the code as literals: a state that looks like code is compared, not run."""
    out, _ = hostile
    states = {"success": ENUM_VALUES[0], "failure": ENUM_VALUES[5]}
    ran = subprocess.run([sys.executable, "-c", WAIT_FOR_HOSTILE_STATES, json.dumps(states)], cwd=out, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    result = json.loads(ran.stdout)
    assert (result["done"], result["failed"]) == (states["success"], states["failure"])
    assert _same_text(result["doc"], states["success"]) and _same_text(result["hook"], DESCRIPTION)
    assert not (out / "PWNED").exists()
