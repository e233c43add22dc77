"""Stage 1: reading the spec, mapping pointers back to lines, following local references."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.diagnostics import SpecError, pointer_join, pointer_parts
from generator.read.document import Document, UnresolvedRef
from generator.read.loader import load

SPEC = """\
# line 1: a comment
openapi: 3.1.0
info:
  title: Lines
  version: "1"
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - name: id
          in: path
        - $ref: "#/components/parameters/Limit"
      responses:
        "200":
          description: ok
components:
  parameters:
    Limit:
      $ref: "#/components/parameters/RealLimit"
    RealLimit:
      name: limit
      in: query
  schemas:
    A:
      $ref: "#/components/schemas/B"
    B:
      $ref: "#/components/schemas/C"
    C:
      type: string
    Loop:
      $ref: "#/components/schemas/Loop"
    Broken:
      $ref: "#/components/schemas/Nowhere"
    "a/b~c":
      type: integer
"""


@pytest.fixture
def document(tmp_path: Path) -> Document:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return load(path)


def test_load_keeps_data_path_and_hash(document: Document, tmp_path: Path) -> None:
    assert document.data["info"] == {"title": "Lines", "version": "1"}
    assert document.path == tmp_path / "spec.yaml"
    assert document.sha256 == hashlib.sha256(SPEC.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("pointer", "line"),
    [
        ("", 2),  # the document starts after the comment
        ("/openapi", 2),
        ("/info", 3),
        ("/info/title", 4),
        ("/paths/~1things~1{id}", 7),
        ("/paths/~1things~1{id}/get", 8),
        ("/paths/~1things~1{id}/get/operationId", 9),
        ("/paths/~1things~1{id}/get/parameters/0", 11),
        ("/paths/~1things~1{id}/get/parameters/0/in", 12),
        ("/paths/~1things~1{id}/get/parameters/1", 13),
        ("/paths/~1things~1{id}/get/parameters/1/$ref", 13),
        ("/paths/~1things~1{id}/get/responses/200/description", 16),
        ("/components/schemas/C/type", 30),
        ("/components/schemas/a~1b~0c", 35),
        ("/components/schemas/a~1b~0c/type", 36),
    ],
)
def test_line_of_nested_pointers(document: Document, pointer: str, line: int) -> None:
    assert document.line_of(pointer) == line
    assert SPEC.splitlines()[line - 1].strip()


def test_line_of_a_missing_element_is_the_line_of_its_deepest_existing_parent(document: Document) -> None:
    assert document.line_of("/info/nothing/deeper") == 3
    assert document.line_of("/paths/~1things~1{id}/get/parameters/7") == 10
    assert document.line_of("/nothing") == 2


def test_pointer_escaping_round_trips() -> None:
    pointer = pointer_join("/paths", "/things/{id}", "a~b")
    assert pointer == "/paths/~1things~1{id}/a~0b"
    assert pointer_parts(pointer) == ["paths", "/things/{id}", "a~b"]
    assert pointer_parts("") == []


def test_resolve_local_refs(document: Document) -> None:
    assert document.resolve("#/components/schemas/C") == ("/components/schemas/C", {"type": "string"})
    assert document.resolve("#/components/schemas/a~1b~0c") == ("/components/schemas/a~1b~0c", {"type": "integer"})
    assert document.resolve("#/paths/~1things~1{id}/get/parameters/0/name") == ("/paths/~1things~1{id}/get/parameters/0/name", "id")


@pytest.mark.parametrize("ref", ["#/components/schemas/Nowhere", "#/paths/~1things~1{id}/get/parameters/9", "other.yaml#/A", 42])
def test_resolve_rejects_refs_that_point_nowhere(document: Document, ref: object) -> None:
    with pytest.raises(UnresolvedRef):
        document.resolve(ref)  # type: ignore[arg-type]


def test_deref_follows_a_chain_to_its_end(document: Document) -> None:
    start = document.data["components"]["schemas"]["A"]
    assert document.deref("/components/schemas/A", start) == ("/components/schemas/C", {"type": "string"})
    param = document.data["paths"]["/things/{id}"]["get"]["parameters"][1]
    assert document.deref("/x", param) == ("/components/parameters/RealLimit", {"name": "limit", "in": "query"})


def test_deref_leaves_a_non_reference_alone(document: Document) -> None:
    value = {"type": "string"}
    assert document.deref("/here", value) == ("/here", value)


def test_deref_of_an_unresolved_ref_or_a_cycle_raises(document: Document) -> None:
    schemas = document.data["components"]["schemas"]
    with pytest.raises(UnresolvedRef):
        document.deref("/components/schemas/Broken", schemas["Broken"])
    with pytest.raises(UnresolvedRef, match="cycle"):
        document.deref("/components/schemas/Loop", schemas["Loop"])


def test_yaml_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text('openapi: 3.1.0\ninfo:\n  title: "unterminated\n  version: 1\npaths: {}\n', encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load(path)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "yaml-syntax"
    assert diagnostic.severity == "error"
    assert Path(diagnostic.file).name == "bad.yaml"
    assert diagnostic.line is not None and 3 <= diagnostic.line <= 6
    assert diagnostic.message.startswith("the file is not valid YAML")


def test_an_alias_inside_its_own_anchor_is_a_yaml_error_not_a_hang(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    schema = "type: object\n      properties:\n        b: *x\n"
    path.write_text(f"openapi: 3.1.0\ninfo: {{title: T, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    A: &x\n      {schema}", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load(path)
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("yaml-syntax", 6)  # where the anchor is written
    assert "alias inside the node its anchor names" in diagnostic.message
    shared = tmp_path / "shared.yaml"  # aliases of one node many times over, but no loop: read as usual
    levels = "".join(f"    L{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}]\n" for i in range(1, 25))
    shared.write_text(f"openapi: 3.1.0\ninfo: {{title: T, version: '1'}}\npaths: {{}}\nx-levels:\n    L0: &l0 {{a: 1}}\n{levels}", encoding="utf-8")
    assert load(shared).data["x-levels"]["L2"][0][0] == {"a": 1}


def test_a_pointer_token_of_non_ascii_digits_is_no_index() -> None:
    from generator.read.values import follow_pointer

    with pytest.raises(KeyError):
        follow_pointer({"tags": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}, "/tags/\u00b2")  # "²".isdigit() is true
    assert follow_pointer({"tags": [{"name": "a"}]}, "/tags/0") == {"name": "a"}


def test_yaml_error_line_points_at_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "tab.yaml"
    path.write_text("openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths:\n\t/x: {}\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load(path)
    assert caught.value.diagnostics[0].line == 6


def test_unreadable_and_non_mapping_files(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        load(tmp_path / "missing.yaml")
    assert [d.code for d in caught.value.diagnostics] == ["spec-not-readable"]
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing but a comment\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load(empty)
    assert [d.code for d in caught.value.diagnostics] == ["spec-not-a-mapping"]
    scalar = tmp_path / "scalar.yaml"
    scalar.write_text("just text\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load(scalar)
    assert [d.code for d in caught.value.diagnostics] == ["spec-not-a-mapping"]


def test_json_specs_load_too(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text('{\n  "openapi": "3.1.0",\n  "info": {\n    "title": "J",\n    "version": "1"\n  },\n  "paths": {}\n}\n', encoding="utf-8")
    document = load(path)
    assert document.data["info"]["title"] == "J"
    assert document.line_of("/info/title") == 4


def test_yaml_timestamps_stay_strings(tmp_path: Path) -> None:
    path = tmp_path / "dates.yaml"
    path.write_text("openapi: 3.1.0\nday: 2023-06-20\nat: 2023-06-20T07:03:48Z\n", encoding="utf-8")
    data = load(path).data
    assert data["day"] == "2023-06-20" and data["at"] == "2023-06-20T07:03:48Z"


def test_an_anchor_written_again_stands_for_its_new_node_from_there_on(tmp_path: Path) -> None:
    """YAML lets a document reuse an anchor's name: an alias is the most recent node of that name (libyaml refuses
    the second anchor, "found duplicate anchor"). Aliases, merge keys (local keys winning) and lines work as always."""
    path = tmp_path / "anchors.yaml"
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: A, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    First:\n      type: object\n      properties:\n        size: &size {type: integer, description: &text Old words.}\n        note: {type: string, description: *text}\n"
        "    Second:\n      type: object\n      properties:\n        size: &size {type: string, maxLength: 3, description: &text New words.}\n        note: {type: string, description: *text}\n"
        "    Third:\n      type: object\n      properties:\n        size: *size\n        wide:\n          <<: *size\n          maxLength: 9\n          maxLength: 10\n",
        encoding="utf-8",
    )
    document = load(path)
    schemas = document.data["components"]["schemas"]
    assert schemas["First"]["properties"]["note"]["description"] == "Old words."
    assert schemas["Second"]["properties"]["note"]["description"] == "New words."
    assert schemas["Third"]["properties"]["size"] == {"type": "string", "maxLength": 3, "description": "New words."}
    assert schemas["Third"]["properties"]["wide"] == {"type": "string", "maxLength": 10, "description": "New words."}
    assert schemas["First"]["properties"]["size"] == {"type": "integer", "description": "Old words."}
    assert document.line_of("/components/schemas/Third/properties/wide") == 20
    assert [(d.code, d.pointer, d.line) for d in document.notes] == [("duplicate-key", "/components/schemas/Third/properties/wide/maxLength", 23)]


def test_an_alias_to_no_anchor_is_still_a_yaml_error(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("openapi: 3.0.3\na: &a 1\nb: &a 2\nc: *nothing\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load(path)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "yaml-syntax" and diagnostic.line == 4 and "nothing" in diagnostic.message
