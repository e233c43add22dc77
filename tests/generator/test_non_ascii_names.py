"""Component names outside ASCII: percent-encoded local ``$ref``s to them, and Swagger 2.0 names kept through
the conversion (the ``swagger-2-names`` case folder proves the generated SDK on the wire)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.pipeline import generate_files
from generator.read import swagger
from generator.read.loader import load
from generator.read.swagger_names import placeholders, restored

OPENAPI_3 = """\
openapi: 3.0.3
info: {title: Branches, version: "1"}
servers: [{url: "https://branches.test"}]
paths:
  /branches:
    get:
      operationId: listBranches
      responses:
        "200":
          description: The branches.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "#/components/schemas/%E6%94%AF%E5%BA%97"}
components:
  schemas:
    支店:
      type: object
      properties:
        住所: {$ref: "#/components/schemas/%E4%BD%8F%E6%89%80"}
        literal: {$ref: "#/components/schemas/100%25"}
        missing: {$ref: "#/components/schemas/%E6%9C%AA"}
    住所:
      type: object
      properties:
        都市: {type: string}
    100%:
      type: integer
"""


def test_percent_encoded_local_refs_are_read_as_their_decoded_pointers(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(OPENAPI_3, encoding="utf-8")
    schemas = load(spec).data["components"]["schemas"]
    properties = schemas["支店"]["properties"]
    assert properties["住所"] == {"$ref": "#/components/schemas/住所"}
    assert properties["literal"] == {"$ref": "#/components/schemas/100%"}
    assert properties["missing"] == {"$ref": "#/components/schemas/%E6%9C%AA"}  # resolves neither way: the checks report it


def test_non_ascii_component_names_are_transliterated_class_names(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(OPENAPI_3.replace('        missing: {$ref: "#/components/schemas/%E6%9C%AA"}\n', ""), encoding="utf-8")
    result = generate_files(spec)
    assert [w.code for w in result.warnings] == []
    model = result.files["leap/models/zhi_dian.py"]
    assert "class ZhiDian(BaseModel):" in model
    assert 'zhu_suo: ZhuSuo | None = Field(default=None, alias="住所")' in model
    assert "class ZhuSuo(BaseModel):" in result.files["leap/models/zhu_suo.py"]


SWAGGER = {
    "swagger": "2.0",
    "info": {"title": "T", "version": "1"},
    "paths": {
        "/a": {
            "get": {
                "parameters": [{"$ref": "#/parameters/ページ"}, {"$ref": "common.json#/parameters/Limit"}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/%E6%94%AF%E5%BA%97/properties/x"}}},
            }
        }
    },
    "parameters": {"ページ": {"name": "page", "in": "query", "type": "integer"}},
    "definitions": {"支店": {"type": "object", "properties": {"x": {"$ref": "#/definitions/Pet Store"}}}, "Pet Store": {}, "s2o_name_1": {}, "Safe": {}},
}


def test_swagger_names_are_replaced_by_placeholders_and_given_back(tmp_path: Path) -> None:
    renamed = placeholders(SWAGGER, tmp_path)
    assert renamed is not None
    # s2o_name_1 is a definition of the document: the placeholders skip it.
    assert renamed.names == {"s2o_name_2": "支店", "s2o_name_3": "Pet Store", "s2o_name_4": "ページ"}
    assert list(renamed.data["definitions"]) == ["s2o_name_2", "s2o_name_3", "s2o_name_1", "Safe"]
    get = renamed.data["paths"]["/a"]["get"]
    assert get["parameters"][0] == {"$ref": "#/parameters/s2o_name_4"}
    assert get["parameters"][1] == {"$ref": f"{(tmp_path / 'common.json').resolve()}#/parameters/Limit"}  # the copy is converted elsewhere
    assert get["responses"]["200"]["schema"] == {"$ref": "#/definitions/s2o_name_2/properties/x"}
    assert SWAGGER["definitions"]["支店"]["properties"]["x"] == {"$ref": "#/definitions/Pet Store"}  # the document itself is left alone

    converted = {
        "components": {"schemas": {"s2o_name_2": {"properties": {"x": {"$ref": "#/components/schemas/s2o_name_3"}}}, "s2o_name_3": {}}},
        "paths": {"/a": {"get": {"parameters": [{"$ref": "#/components/parameters/s2o_name_4"}]}}},
    }
    back = restored(converted, renamed.names)
    assert list(back["components"]["schemas"]) == ["支店", "Pet Store"]
    assert back["components"]["schemas"]["支店"]["properties"]["x"] == {"$ref": "#/components/schemas/Pet Store"}
    assert back["paths"]["/a"]["get"]["parameters"][0] == {"$ref": "#/components/parameters/ページ"}


def test_a_swagger_document_with_only_safe_names_is_converted_as_it_is() -> None:
    assert placeholders({"swagger": "2.0", "definitions": {"Pet": {}, "pet.v1-x_y": {}}}, Path(".")) is None


@pytest.mark.skipif(swagger.converter() is None, reason="needs Node.js and swagger2openapi (npm ci)")
def test_converted_copy_still_reads_the_files_its_refs_name(tmp_path: Path) -> None:
    """The renamed copy is converted from a temporary folder: a reference to another file still resolves."""
    (tmp_path / "common.json").write_text(json.dumps({"Limit": {"name": "limit", "in": "query", "type": "integer"}}), encoding="utf-8")
    document = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a": {"get": {"parameters": [{"$ref": "common.json#/Limit"}], "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Товар"}}}}}},
        "definitions": {"Товар": {"type": "object", "properties": {"название": {"type": "string"}}}},
    }
    spec = tmp_path / "swagger.json"
    spec.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    data = load(spec).data
    assert list(data["components"]["schemas"]) == ["Товар"]
    get = data["paths"]["/a"]["get"]
    assert get["parameters"][0]["name"] == "limit"
    assert [media["schema"] for media in get["responses"]["200"]["content"].values()] == [{"$ref": "#/components/schemas/Товар"}]
