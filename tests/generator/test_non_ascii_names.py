"""Component names outside ASCII, and percent-encoded local ``$ref``s to them."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate_files
from generator.read.loader import load

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

