"""References to other files: followed into one document, or reported."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import SpecError
from generator.read.loader import load
from generator.pipeline import check_spec

SPEC = """\
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "%s"
"""


def _diagnostics(path: Path) -> list[tuple[str, str]]:
    try:
        return [(d.code, d.message) for d in check_spec(path)]
    except SpecError as exc:
        return [(d.code, d.message) for d in exc.diagnostics]


def test_a_missing_file_a_bad_file_and_a_missing_element_are_unresolved_refs(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("a: [\n", encoding="utf-8")
    (tmp_path / "good.yaml").write_text("Thing: {type: string}\n", encoding="utf-8")
    for ref, reason in (("nope.yaml#/X", "cannot read nope.yaml"), ("bad.yaml#/X", "bad.yaml is not valid YAML"), ("good.yaml#/Other", "good.yaml has nothing at #/Other")):
        spec = tmp_path / "spec.yaml"
        spec.write_text(SPEC % ref, encoding="utf-8")
        [(code, message)] = _diagnostics(spec)
        assert code == "unresolved-ref" and reason in message, message


def test_the_hash_covers_every_file(tmp_path: Path) -> None:
    (tmp_path / "schemas.yaml").write_text("Thing: {type: string}\n", encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC % "schemas.yaml#/Thing", encoding="utf-8")
    first = load(spec)
    assert first.data["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Thing"}
    (tmp_path / "schemas.yaml").write_text("Thing: {type: integer}\n", encoding="utf-8")
    assert load(spec).sha256 != first.sha256


def test_a_name_taken_in_the_root_gets_a_suffix(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("components:\n  schemas:\n    Thing: {type: integer}\n", encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC % "other.yaml#/components/schemas/Thing" + "components:\n  schemas:\n    Thing: {type: string}\n", encoding="utf-8")
    data = load(spec).data
    assert data["components"]["schemas"] == {"Thing": {"type": "string"}, "Thing_2": {"type": "integer"}}
    assert _diagnostics(spec) == []


def test_diagnostics_of_an_element_from_another_file_point_at_that_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "models.yaml").write_text(
        "# models kept apart from the spec\n"
        "definitions:\n"
        "  Thing:\n"
        "    type: object\n"
        "    properties:\n"
        "      a-b: {type: string}\n"
        "      a_b: {type: string}\n"
        "      other:\n"
        "        $ref: '#/definitions/Missing'\n",
        encoding="utf-8",
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC % "models.yaml#/definitions/Thing", encoding="utf-8")
    found = [(Path(d.file).name, d.line, d.code, d.pointer) for d in check_spec(spec) if d.code != "validation-incomplete"]
    assert found == [("models.yaml", 9, "unresolved-schema-ref", "/definitions/Thing/properties/other/$ref"), ("models.yaml", 7, "name-collision", "/definitions/Thing/properties/a_b")]

    (tmp_path / "models.yaml").write_text((tmp_path / "models.yaml").read_text(encoding="utf-8").replace("Missing", "Thing"), encoding="utf-8")
    warnings = [(Path(d.file).name, d.line, d.code, d.pointer) for d in check_spec(spec)]
    assert warnings == [("models.yaml", 7, "name-collision", "/definitions/Thing/properties/a_b")]


LITERAL_REFS = """\
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Definition"
              examples:
                one:
                  value: {document: {$ref: "#/nowhere"}}
components:
  schemas:
    Definition:
      type: object
      properties:
        document: {type: object, default: {$ref: "#/x"}, examples: [{$ref: "other.json#/y"}]}
      example: {document: {$ref: "https://example.com/common.json#String"}}
"""


def test_a_ref_key_inside_an_example_default_enum_or_example_value_is_data(tmp_path: Path) -> None:
    """A literal value (an example of a JSON Schema document, say) may hold a ``$ref`` key: it is not followed,
    nor reported as unresolved or remote; the example keeps it as written."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(LITERAL_REFS, encoding="utf-8")
    # openapi-spec-validator itself follows the default's $ref and stops: the warning validation-incomplete.
    assert [code for code, _ in _diagnostics(spec) if code != "validation-incomplete"] == []
    assert load(spec).data["components"]["schemas"]["Definition"]["example"] == {"document": {"$ref": "https://example.com/common.json#String"}}
