"""References to other files: followed into one document, or reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.read import schema_ids
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


def test_files_of_one_name_take_the_next_free_numbers(tmp_path: Path) -> None:
    """Four ``thing.yaml`` in four folders, the root holding ``thing`` and ``thing_3``: the copies are ``thing_2``,
    ``thing_4``, ``thing_5``, ``thing_6``, in the order the walk meets them (the last property first), and one referred
    to twice is copied once."""
    for index, folder in enumerate("abcd"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "thing.yaml").write_text(f"type: object\nproperties:\n  {folder}: {{type: integer, minimum: {index}}}\n", encoding="utf-8")
    own = "    thing: {type: string}\n    thing_3: {type: boolean}\n"
    uses = "".join(f"        {name}: {{$ref: '{folder}/thing.yaml'}}\n" for name, folder in (("p", "a"), ("q", "b"), ("r", "c"), ("s", "b"), ("t", "d")))
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC % "#/components/schemas/All" + f"components:\n  schemas:\n{own}    All:\n      properties:\n{uses}", encoding="utf-8")
    schemas = load(spec).data["components"]["schemas"]
    refs = {name: ref["$ref"].rsplit("/", 1)[1] for name, ref in schemas["All"]["properties"].items()}
    assert refs == {"t": "thing_2", "s": "thing_4", "r": "thing_5", "q": "thing_4", "p": "thing_6"}
    assert [list(schemas[f"thing_{n}"]["properties"]) for n in (2, 4, 5, 6)] == [["d"], ["b"], ["c"], ["a"]]
    assert schemas["thing"] == {"type": "string"} and schemas["thing_3"] == {"type": "boolean"}


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


def test_an_element_of_another_file_goes_to_the_components_section_its_place_asks_for(tmp_path: Path) -> None:
    # Not at /components/<kind>/<name> in its file: a parameter, a request body, a response and a header are each
    # copied into their own section (as schemas they would fail validation: `required: false` is no list of names).
    (tmp_path / "parameters.yaml").write_text(
        "per_page: {in: query, name: per_page, required: false, schema: {$ref: 'schemas.yaml#/Count'}}\n", encoding="utf-8"
    )
    (tmp_path / "schemas.yaml").write_text("Count: {type: integer, minimum: 1}\n", encoding="utf-8")
    (tmp_path / "body.yaml").write_text("required: true\ncontent:\n  application/json:\n    schema: {$ref: 'schemas.yaml#/Count'}\n", encoding="utf-8")
    (tmp_path / "not_found.yaml").write_text("description: no such thing\nheaders:\n  X-Trace: {$ref: 'trace.yaml'}\n", encoding="utf-8")
    (tmp_path / "trace.yaml").write_text("required: false\nschema: {type: string}\n", encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        """\
openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    post:
      operationId: postA
      parameters:
        - $ref: "parameters.yaml#/per_page"
      requestBody: {$ref: "body.yaml"}
      responses:
        "204": {description: done}
        "404": {$ref: "not_found.yaml"}
""",
        encoding="utf-8",
    )
    data = load(spec).data
    operation = data["paths"]["/a"]["post"]
    assert operation["parameters"] == [{"$ref": "#/components/parameters/per_page"}]
    assert operation["requestBody"] == {"$ref": "#/components/requestBodies/body"}
    assert operation["responses"]["404"] == {"$ref": "#/components/responses/not_found"}
    components = data["components"]
    assert components["responses"]["not_found"]["headers"] == {"X-Trace": {"$ref": "#/components/headers/trace"}}
    assert components["parameters"]["per_page"]["schema"] == {"$ref": "#/components/schemas/Count"}
    assert set(components) == {"parameters", "requestBodies", "responses", "headers", "schemas"}
    assert [d for d in check_spec(spec) if d.severity == "error"] == []


def test_the_kind_of_object_at_a_pointer() -> None:
    from generator.read.ref_kinds import kind_at, section_at

    assert kind_at("/paths/~1a/get/parameters/0") == "parameter"
    assert kind_at("/paths/~1a/parameters/1") == "parameter"
    assert kind_at("/paths/~1a/get/responses/200/headers/X-Rate") == "header"
    assert kind_at("/paths/~1a/get/responses/200/content/application~1json/schema/properties/parameters") == "schema"
    assert kind_at("/paths/~1a/get/callbacks/done/{$request.body#~1url}/post/requestBody") == "request_body"
    assert kind_at("/components/schemas/responses") == "schema"
    assert kind_at("/components/parameters/page") == "parameter"
    assert kind_at("/components/pathItems/shared/get/parameters/0") == "parameter"  # 3.1's section of path items
    assert kind_at("/webhooks/ping/post/responses/200/links/next") == "link"
    assert section_at("/paths/~1a/get/requestBody") == "requestBodies"
    assert section_at("/info") == section_at("/components/pathItems/a") == "schemas"


def test_the_callback_or_link_a_pointer_is_in() -> None:
    from generator.read.ref_kinds import enclosing

    kinds = frozenset({"callback", "link"})
    assert enclosing("/paths/~1a/get/callbacks/done/{$request.body#~1url}/post/requestBody/content/application~1json/schema", kinds) == "callback"
    assert enclosing("/components/callbacks/Done/{$request.body#~1url}/post", kinds) == "callback"
    assert enclosing("/paths/~1a/get/responses/200/links/next", kinds) == enclosing("/components/links/Next/parameters", kinds) == "link"
    assert enclosing("/paths/~1a/get/responses/200/content/application~1json/schema/properties/callbacks", kinds) is None  # a property so named
    assert enclosing("/components/schemas/links", kinds) is None
    assert enclosing("/paths/~1callbacks/get/responses/200", kinds) is None


def test_a_map_of_properties_written_as_a_ref_in_another_file_is_the_map_it_points_at(tmp_path: Path) -> None:
    (tmp_path / "attributes.yaml").write_text("droplet_ids:\n  ids: {type: array, items: {$ref: 'id.yaml'}}\n", encoding="utf-8")
    (tmp_path / "id.yaml").write_text("type: integer\n", encoding="utf-8")
    (tmp_path / "body.yaml").write_text("type: object\nproperties:\n  $ref: 'attributes.yaml#/droplet_ids'\nrequired: [ids]\n", encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC % "body.yaml", encoding="utf-8")
    schema = load(spec).data["components"]["schemas"]["body"]
    assert schema["properties"] == {"ids": {"type": "array", "items": {"$ref": "#/components/schemas/id"}}}
    assert [(d.code, d.severity) for d in check_spec(spec)] == [("map-as-ref", "warning")]


ROOT = Path(__file__).resolve().parents[2]


def _documents(folder: Path) -> list[Path]:
    """The OpenAPI 3 documents directly in ``folder`` or one level down (a case folder's ``openapi.yaml``)."""
    found = []
    for path in sorted([*folder.glob("*"), *folder.glob("*/*")]):
        if path.suffix in (".yaml", ".yml", ".json") and path.is_file() and re.search(r'^(?:openapi:|\s*"openapi":) *"?3', path.read_text(encoding="utf-8"), re.M):
            found.append(path)
    return found


def _schema_by_keyword(pointer: str) -> bool:
    """:func:`generator.check.rules.in_schema`'s rule written as :mod:`generator.read.ref_kinds` reads the kind of
    object at a pointer: in a component schema, or below a parameter's, header's or media type's ``schema``."""
    from generator.read.ref_kinds import kind_at

    return kind_at(pointer) == "schema"


@pytest.mark.parametrize(
    "folder",
    [ROOT / "spec", ROOT / "tests/generator/cases", ROOT / "tests/generator/broken_specs", pytest.param(ROOT / "tests/generator/corpus/specs", marks=pytest.mark.slow)],
    ids=lambda folder: folder.name,
)
def test_the_reference_check_and_the_bundler_agree_on_what_is_a_schema(folder: Path) -> None:
    """Two rules say whether a ``$ref`` is inside a schema: ``rules.in_schema`` (an unresolved one is then a warning,
    typed Any) walks the pointer's ``schema`` keywords, ``ref_kinds.kind_at`` (where the bundler copies another
    file's element) follows OpenAPI's objects from the root. They differ on pointers no document here has (a
    header named ``links``, a ``schema`` key where OpenAPI has none, 3.1's ``components/pathItems``); this fails when
    a change to either makes them differ on a real document (every ``$ref`` of each document, bundled)."""
    from generator.check.rules import in_schema
    from generator.read.references import mappings_with_refs

    differ, seen = [], 0
    for path in _documents(folder):
        try:
            data = load(path).data
        except SpecError:
            continue
        for pointer, _ in mappings_with_refs(data):
            seen += 1
            if in_schema(pointer) != _schema_by_keyword(pointer):
                differ.append((path.name, pointer))
    assert seen > 0 and differ == []


def test_ids_and_anchors_of_other_files(tmp_path: Path) -> None:
    """A URL that is the ``$id`` of a schema another file holds, and that file's anchor, resolve; an ``$id`` no file
    declares is a remote reference; a ``schema-relative-ref`` inside another file names that file and line."""
    (tmp_path / "pet.yaml").write_text(
        "$id: https://example.test/pet\n$anchor: pet\ntype: object\nproperties:\n  size: {$ref: '#/$defs/Size'}\n  tag: {$ref: '#tag'}\n"
        "$defs:\n  Size: {type: integer}\n  Tag: {$anchor: tag, type: string}\n",
        encoding="utf-8",
    )
    toy = "components:\n  schemas:\n    Toy:\n      $defs:\n        Age: {type: integer}\n      properties:\n        age: {$ref: '#/$defs/Age'}\n"
    (tmp_path / "toy.yaml").write_text(toy, encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    text = SPEC % "https://example.test/pet" + "components:\n  schemas:\n    Pet: {$ref: 'pet.yaml'}\n    Tag: {$ref: 'pet.yaml#tag'}\n    Same: {$ref: 'pet.yaml#pet'}\n    Toy: {$ref: 'toy.yaml#/components/schemas/Toy'}\n"
    spec.write_text(text, encoding="utf-8")
    document = load(spec)
    schema = document.data["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/pet"}, "the $id of pet.yaml's schema, copied in as 'pet'"
    pet = document.data["components"]["schemas"]["pet"]
    assert document.resolve(pet["properties"]["tag"]["$ref"])[1] == {"$anchor": "tag", "type": "string"}
    assert document.resolve(pet["properties"]["size"]["$ref"])[1] == {"type": "integer"}
    assert document.resolve(document.data["components"]["schemas"]["Tag"]["$ref"])[1] == {"$anchor": "tag", "type": "string"}
    assert document.data["components"]["schemas"]["Same"] == {"$ref": "#/components/schemas/pet"}, "pet.yaml#pet: the file's root"
    assert not document.ref_problems
    notes = [(n.code, Path(n.file or "").name, n.pointer, n.line) for n in document.notes]
    assert notes == [("schema-relative-ref", "toy.yaml", "/components/schemas/Toy/properties/age/$ref", 7)], notes
    _, toy = document.deref("", document.data["components"]["schemas"]["Toy"])
    assert document.resolve(toy["properties"]["age"]["$ref"])[1] == {"type": "integer"}

    spec.write_text(SPEC % "https://example.test/nowhere", encoding="utf-8")
    assert [code for code, _ in _diagnostics(spec)] == ["external-ref"]


def test_a_discriminator_mapping_to_other_files_names_the_copies(tmp_path: Path) -> None:
    """``mapping: {A: 'types.yaml#/record_a'}`` names the copy its branch's ``$ref`` made (DigitalOcean's domain records),
    so ``A`` selects it; a bare schema name and a target that cannot be followed stay as written, with no diagnostic."""
    (tmp_path / "types.yaml").write_text("record_a: {type: object, properties: {type: {type: string}}}\n", encoding="utf-8")
    union = "{oneOf: [{$ref: 'types.yaml#/record_a'}], discriminator: {propertyName: type, mapping: {A: 'types.yaml#/record_a', B: Other, C: 'gone.yaml#/x'}}}"
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC % "#/components/schemas/Record" + f"components:\n  schemas:\n    Record: {union}\n", encoding="utf-8")
    document = load(spec)
    record = document.data["components"]["schemas"]["Record"]
    assert record["discriminator"]["mapping"] == {"A": "#/components/schemas/record_a", "B": "Other", "C": "gone.yaml#/x"}
    assert record["oneOf"] == [{"$ref": "#/components/schemas/record_a"}]
    assert not document.ref_problems


def test_a_percent_encoded_ref_inside_another_file_names_that_files_schema(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text(
        "components:\n  schemas:\n    Wrap:\n      type: object\n      properties:\n        x: {$ref: '#/components/schemas/Pet%2D1'}\n    Pet-1: {type: string}\n",
        encoding="utf-8",
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC % "other.yaml#/components/schemas/Wrap" + "components:\n  schemas:\n    Pet-1: {type: integer}\n", encoding="utf-8")
    schemas = load(spec).data["components"]["schemas"]
    copied = schemas["Wrap"]["properties"]["x"]["$ref"]
    assert copied != "#/components/schemas/Pet-1", "the root's schema of the same name is another one"
    assert schemas[copied.rsplit("/", 1)[1]] == {"type": "string"}


def test_each_file_is_scanned_and_each_path_resolved_once_however_many_refs_lead_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """300 ``$ref``s to anchors of one file, 300 to pointers of it, 300 descriptions from one Markdown file: the file's
    anchors are found by one walk of it, each path written in a ``$ref`` is resolved once (they were found again for
    every reference: 300 walks of the file, 900 resolves)."""
    count = 300
    pets = "$defs:\n" + "".join(f"  P{i}: {{$anchor: pet{i}, type: object, properties: {{n{i}: {{type: integer}}}}}}\n" for i in range(count))
    (tmp_path / "pets.yaml").write_text(pets, encoding="utf-8")
    (tmp_path / "about.md").write_text("A *pet*.", encoding="utf-8")
    lines = [f"        a{i}: {{$ref: 'pets.yaml#pet{i}', description: {{$ref: about.md}}}}\n        b{i}: {{$ref: 'pets.yaml#/$defs/P{i}'}}\n" for i in range(count)]
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC % "#/components/schemas/All" + "components:\n  schemas:\n    All:\n      properties:\n" + "".join(lines), encoding="utf-8")
    scans, resolves = [], []
    index_schemas, resolve = schema_ids.index_schemas, Path.resolve
    monkeypatch.setattr(schema_ids, "index_schemas", lambda *args: scans.append(args[1:]) or index_schemas(*args))
    monkeypatch.setattr(Path, "resolve", lambda self, *args: resolves.append(self.name) or resolve(self, *args))
    document = load(spec)
    properties = document.data["components"]["schemas"]["All"]["properties"]
    assert properties["a7"] == {"$ref": "#/components/schemas/P7", "description": "A *pet*."}
    assert properties["b7"] == {"$ref": "#/components/schemas/P7"} and properties["b8"] == {"$ref": "#/components/schemas/P8"}
    assert document.data["components"]["schemas"]["P8"]["properties"] == {"n8": {"type": "integer"}}
    assert not document.ref_problems and not document.notes
    assert len(scans) <= 3, f"the document, pets.yaml's rewrite and its anchors: {len(scans)} walks"
    assert resolves.count("pets.yaml") == 1 and resolves.count("about.md") == 1, resolves[:20]
