"""Rendering a small spec end to end: what the generated package sends and how it names types."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import generate_files
from generator.write import write_tree

LEAP_SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"

SPEC = """
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /things:
    post:
      operationId: makeThing
      tags: [Things]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string}
                size: {type: integer}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Holder"}
        default:
          description: any error
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Problem"}
components:
  schemas:
    Problem:
      type: object
      properties:
        detail: {type: string}
    FileInputRequest:
      type: object
      properties:
        when: {type: string, format: date-time}
    Holder:
      type: object
      properties:
        request: {$ref: "#/components/schemas/FileInputRequest"}
        upload: {type: string, format: binary}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("render")
    spec = root / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    files = generate_files(spec).files
    write_tree(files, root / "out")
    return root / "out", files


def test_inline_object_body_sends_every_field(package: tuple[Path, dict[str, str]]) -> None:
    """An inline object body is flattened into arguments, and all of them go into the JSON."""
    out, _ = package
    script = """
import httpx, json
from leap import Leap
sent = []
def handler(request):
    sent.append(json.loads(request.content))
    return httpx.Response(200, json={})
client = Leap(api_key="k", base_url="http://test", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
client.things.make_thing(name="n", size=3)
print(json.dumps(sent))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"name": "n", "size": 3}]


def test_a_default_error_response_gets_its_model(package: tuple[Path, dict[str, str]]) -> None:
    """An error status the spec does not list is parsed with the ``default`` response's model."""
    out, _ = package
    script = """
import httpx, leap
def handler(request):
    return httpx.Response(418, json={"detail": "teapot"})
client = leap.Leap(api_key="k", base_url="http://test", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(handler)))
try:
    client.things.make_thing(name="n")
except leap.APIStatusError as error:
    print(type(error.body).__name__, error.body.detail)
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Problem", "teapot"]


def test_schema_names_that_contain_runtime_names_are_kept(package: tuple[Path, dict[str, str]]) -> None:
    """``FileInput`` in a model is ``bytes`` and ``DateTime`` is shown as ``datetime``, but only as whole type names."""
    _, files = package
    holder = files["leap/models/holder.py"]
    assert "request: FileInputRequest | None = None" in holder
    assert "upload: bytes | None = None" in holder
    docs = files["docs/models/Holder.md"]
    assert "[FileInputRequest](FileInputRequest.md)" in docs
    assert "datetime" in files["docs/models/FileInputRequest.md"]


@pytest.mark.slow
def test_rendering_in_forked_workers_gives_the_serial_files_and_raises_what_serial_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    from generator.render import output as rendering
    from generator.build.builder import build
    from generator.read.loader import load

    api = build(load(LEAP_SPEC))
    serial = rendering.render(api)
    monkeypatch.setattr(rendering, "PARALLEL_FROM", 0)
    parallel = rendering.render(api)
    assert list(parallel) == list(serial) and parallel == serial  # the same files, in the same order
    overrides = tmp_path / "overrides"
    (overrides / "docs" / "models").mkdir(parents=True)
    (overrides / "docs" / "models" / "schema.md.jinja").write_text("{{ schema.no_such_attribute }}\n", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError, match="no_such_attribute"):
        rendering.render(api, overrides=overrides)
