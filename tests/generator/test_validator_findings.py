"""openapi-spec-validator's findings: classified, grouped, cached, and the SDK generated past them is correct.

``tests/generator/broken_specs/`` holds one document per class (``test_diagnostics.py`` checks their
diagnostics); here the SDK generated from each is checked, and what the validator does on its own
(crashing, repeating a finding) is provoked.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.cache import Cache
from generator.check.findings import classify
from generator.diagnostics import SpecError
from generator.pipeline import check_spec, generate_files

BROKEN = Path(__file__).resolve().parent / "broken_specs"
VALIDATE = sys.modules["generator.check.validate"]


def _files(name: str) -> dict[str, str]:
    return generate_files(BROKEN / name).files


def test_a_required_name_listed_twice_is_required_once() -> None:
    model = _files("invalid-required.yaml")["leap/models/thing.py"]
    assert model.count("    id: str\n") == 1 and "    name: str\n" in model
    compile(model, "thing.py", "exec")


def test_a_default_below_its_minimum_is_left_out() -> None:
    files = _files("invalid-default.yaml")
    method = files["leap/resources/things.py"]
    assert "limit: int | None = None," in method and "limit: int = 0" not in method
    assert "Default: ``0``" not in method


def test_a_3_0_exclusive_minimum_in_3_1_states_no_limit_it_cannot_read() -> None:
    method = _files("invalid-schema-keyword.yaml")["leap/resources/things.py"]
    assert "ratio: float | None = None," in method
    assert "greater than True" not in method and "Minimum 0" in method


def test_unknown_fields_are_ignored_and_a_query_method_generates_nothing() -> None:
    files = _files("unknown-field.yaml")
    source = "".join(files.values())
    assert "def list_things(" in files["leap/resources/things.py"]
    assert "query_things" not in source and "Two things" not in source


def test_a_validator_crash_is_a_warning_and_generation_goes_on() -> None:
    files = _files("validation-incomplete.yaml")
    assert "size: int = 7" in files["leap/models/thing.py"]
    with pytest.raises(SpecError) as strict:
        check_spec(BROKEN / "validation-incomplete.yaml", strict=True)
    assert strict.value.diagnostics[0].code == "validation-incomplete"


def test_any_crash_of_the_validator_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the validator raises, the run says validation was incomplete and builds the SDK."""
    from openapi_spec_validator import OpenAPIV31SpecValidator

    def crash(self: object) -> object:
        yield from ()
        raise TypeError("'<' not supported between instances of 'float' and 'str'")

    monkeypatch.setattr(OpenAPIV31SpecValidator, "iter_errors", crash)
    spec = tmp_path / "fine.yaml"
    spec.write_text((BROKEN / "multiple-tags.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    found = [(d.code, d.severity, d.pointer) for d in check_spec(spec)]
    assert found[0] == ("validation-incomplete", "warning", "")
    [warning] = [d for d in check_spec(spec) if d.code == "validation-incomplete"]
    assert "'float' and 'str'" in warning.message and "not checked" in warning.message
    assert "leap/resources/things.py" in generate_files(spec).files


def test_a_path_parameter_that_is_not_in_the_path_is_left_out_with_a_warning() -> None:
    """``id`` declared ``in: path`` of ``/things``: a warning, and the method neither takes nor sends it."""
    [warning] = check_spec(BROKEN / "path-parameter.yaml")
    assert (warning.code, warning.severity, warning.pointer) == ("path-parameter", "warning", "/paths/~1things/get")
    assert "'id'" in warning.message
    method = _files("path-parameter.yaml")["leap/resources/things.py"]
    assert "def get_thing(\n        self,\n        *,\n        extra_headers" in method and "id:" not in method, method



UNDECLARED_CALLS = """
import asyncio, httpx, leap
sent = []
def answer(request):
    sent.append(str(request.url))
    return httpx.Response(200)
leap.Leap(api_key="k", base_url="http://test", http_client=httpx.Client(transport=httpx.MockTransport(answer))).things.get_thing(thing_id="a/b c")
async def main():
    client = leap.AsyncLeap(api_key="k", base_url="http://test", http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)))
    await client.things.get_thing(thing_id="x")
asyncio.run(main())
assert sent == ["http://test/things/a%2Fb%20c", "http://test/things/x"], sent
"""


def test_a_path_placeholder_no_parameter_declares_is_a_required_string(tmp_path: Path) -> None:
    """``/things/{thing_id}`` with no parameter ``thing_id``: a warning (not an error), and the method takes
    ``thing_id: str``, required, and sends it percent-encoded in the path (sync and async)."""
    import subprocess

    from generator.write import write_tree

    found = [(d.code, d.severity, d.pointer) for d in check_spec(BROKEN / "undeclared-path-parameter.yaml")]
    assert found == [("undeclared-path-parameter", "warning", "/paths/~1things~1{thing_id}/get")]
    files = _files("undeclared-path-parameter.yaml")
    assert "        thing_id: str,\n" in files["leap/resources/things.py"]
    write_tree(files, tmp_path)
    ran = subprocess.run([sys.executable, "-c", UNDECLARED_CALLS], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr[-2000:]

SEVERAL = """\
openapi: 3.0.3
info: {title: Several, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      produces: [application/json]
      consumes: [application/json]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Thing:
      type: object
      required: [id, id]
      properties:
        id: {type: string}
"""


def test_findings_are_one_per_class_and_location(tmp_path: Path) -> None:
    """Two unknown fields of one object are one warning; 3.0's duplicate ``required``, which the validator
    reports twice (under the Schema|Reference ``oneOf`` and again on its own), is one."""
    spec = tmp_path / "several.yaml"
    spec.write_text(SEVERAL, encoding="utf-8")
    found = [(d.code, d.pointer) for d in check_spec(spec)]
    assert found == [("unknown-field", "/paths/~1things/get"), ("invalid-required", "/components/schemas/Thing/required")]
    [unknown] = [d for d in check_spec(spec) if d.code == "unknown-field"]
    assert "'consumes'" in unknown.message and "'produces'" in unknown.message and unknown.line == 5


def test_a_finding_of_an_unknown_class_blocks() -> None:
    class Finding:
        validator, message, instance, path, context = "const", "'x' was expected", "y", ["info", "title"], None

    data = {"openapi": "3.1.0", "info": {"title": "y"}}
    assert classify(data, [Finding()], "3.1.0") == [("openapi-schema", "/info/title", "'x' was expected")]


def test_classified_findings_are_cached_per_spec_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second run of the same files takes the findings, classes and all, from the cache."""
    cache = Cache(tmp_path / "cache")
    spec = tmp_path / "several.yaml"
    spec.write_text(SEVERAL, encoding="utf-8")
    first = check_spec(spec, cache=cache)

    def no_validator(data: object) -> object:
        raise AssertionError("the validator ran again")

    monkeypatch.setattr(VALIDATE.findings, "problems", no_validator)
    assert check_spec(spec, cache=cache) == first
    spec.write_text(SEVERAL.replace("[id, id]", "[id]"), encoding="utf-8")
    with pytest.raises(AssertionError, match="ran again"):
        check_spec(spec, cache=cache)


def _many_unknown_fields(count: int) -> str:
    paths = "".join(f'  /t{i}:\n    get:\n      operationId: get{i}\n      produces: [a]\n      responses:\n        "200": {{description: ok}}\n' for i in range(count))
    return 'openapi: 3.0.3\ninfo: {title: Many, version: "1"}\npaths:\n' + paths


def test_generate_prints_ten_warnings_of_a_code_and_counts_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import main

    spec = tmp_path / "many.yaml"
    spec.write_text(_many_unknown_fields(13), encoding="utf-8")
    assert main(["generate", "--no-cache", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 0
    stderr = capsys.readouterr().err
    assert stderr.count("warning[unknown-field]") == 10
    assert "... and 3 more unknown-field warning(s); `validate` lists them all" in stderr
    assert "13 warning(s): unknown-field 13" in stderr
    assert main(["validate", "--no-cache", "--spec", str(spec)]) == 0
    assert capsys.readouterr().err.count("warning[unknown-field]") == 13
    assert main(["generate", "--strict", "--no-cache", "--spec", str(spec), "--out", str(tmp_path / "strict")]) == 2
    assert not (tmp_path / "strict").exists()


def test_a_3_1_keyword_in_a_3_0_schema_is_read_as_3_1_reads_it(tmp_path: Path) -> None:
    spec = tmp_path / "const.yaml"
    spec.write_text(
        SEVERAL.replace("required: [id, id]", "required: [id]").replace("      produces: [application/json]\n      consumes: [application/json]\n", "")
        + "        kind: {type: string, const: thing}\n",
        encoding="utf-8",
    )
    [warning] = check_spec(spec)
    assert (warning.code, warning.pointer) == ("unknown-field", "/components/schemas/Thing/properties/kind")
    assert "'const'" in warning.message and "read as OpenAPI 3.1 reads it" in warning.message
    assert 'kind: Literal["thing"] | None = None' in generate_files(spec).files["leap/models/thing.py"]


def test_a_wrong_keyword_the_generator_never_reads_is_a_warning(tmp_path: Path) -> None:
    """OpenAI's document writes 2019-09's ``$recursiveAnchor: true`` in a 3.1 schema, which the 2020-12
    meta-schema rejects: no code depends on it, so it must not refuse the document."""
    spec = tmp_path / "anchor.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /things:\n    get:\n      operationId: listThings\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {$ref: '#/components/schemas/Filter'}\n"
        "components:\n  schemas:\n    Filter:\n      $recursiveAnchor: true\n      type: object\n"
        "      properties:\n        name: {type: string}\n",
        encoding="utf-8",
    )
    [warning] = check_spec(spec)
    assert (warning.code, warning.severity, warning.pointer) == ("invalid-schema-keyword", "warning", "/components/schemas/Filter/$recursiveAnchor")
    assert "name: str | None = None" in generate_files(spec).files["leap/models/filter.py"]


def test_a_3_2_document_is_checked_as_3_1_and_its_item_schema_read(tmp_path: Path) -> None:
    """openapi-spec-validator knows no 3.2: the document is checked against 3.1's schema, ``itemSchema``
    (read for a stream's events) is not reported, 3.2's other additions are, as 3.1 sees them."""
    assert [(d.code, d.severity) for d in check_spec(BROKEN / "newer-openapi-version.yaml")] == [("newer-openapi-version", "warning")]
    method = _files("newer-openapi-version.yaml")["leap/resources/events.py"]
    assert "-> Stream[WatchEventsResponseItemSchema]:" in method and "-> AsyncStream[WatchEventsResponseItemSchema]:" in method
    spec = tmp_path / "query.yaml"
    text = (BROKEN / "newer-openapi-version.yaml").read_text(encoding="utf-8")
    spec.write_text(text.replace("  /events:\n", "  /search:\n    query:\n      operationId: search\n      responses: {'200': {description: ok}}\n  /events:\n"), encoding="utf-8")
    codes = [(d.code, d.pointer) for d in check_spec(spec)]
    assert codes == [("newer-openapi-version", "/openapi"), ("unknown-field", "/paths/~1search")]
    [unknown] = [d for d in check_spec(spec) if d.code == "unknown-field"]
    assert "OpenAPI 3.1 (this 3.2.0 document is checked as 3.1)" in unknown.message


def test_a_schema_ref_to_nothing_types_its_value_any() -> None:
    """``size: {$ref: '#/components/schemas/Size'}`` with no ``Size``: a warning at the ``$ref``, the field typed Any;
    a ``$ref`` to nothing that is not inside a schema (a response's) stays the error unresolved-ref."""
    found = [(d.code, d.severity, d.pointer) for d in check_spec(BROKEN / "unresolved-schema-ref.yaml")]
    assert found[0] == ("unresolved-schema-ref", "warning", "/components/schemas/Thing/properties/size/$ref")
    model = _files("unresolved-schema-ref.yaml")["leap/models/thing.py"]
    assert "    size: Any = None\n" in model
    with pytest.raises(SpecError) as caught:
        check_spec(BROKEN / "unresolved-ref.yaml")
    assert [(d.code, d.severity) for d in caught.value.diagnostics if d.severity == "error"] == [("unresolved-ref", "error")]


def test_scopes_written_null_still_apply_the_scheme() -> None:
    """``security: [{oauth2: null}]`` is read as ``[{oauth2: []}]``: the method requires oauth2, as the corrected document's does."""
    method = _files("invalid-scopes.yaml")["leap/resources/tokens.py"]
    assert 'security=(("oauth2",),),' in method


def test_a_component_named_like_a_keyword_is_no_keyword(tmp_path: Path) -> None:
    """A parameter component called ``default`` that breaks the schema (``in: nowhere``) blocks: it is a
    name in a map of names, not a default value the SDK could leave out."""
    spec = tmp_path / "named.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /things:\n    get:\n      operationId: listThings\n"
        "      parameters: [{$ref: '#/components/parameters/default'}]\n      responses: {'200': {description: ok}}\n"
        "components:\n  parameters:\n    default: {name: limit, in: nowhere, schema: {type: integer}}\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as caught:
        check_spec(spec)
    assert [(d.code, d.severity, d.pointer) for d in caught.value.diagnostics] == [("openapi-schema", "error", "/components/parameters/default")]
