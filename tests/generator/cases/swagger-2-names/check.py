"""A Swagger 2.0 document with definitions, a shared parameter and a shared response named in Japanese,
Russian and German: the names survive swagger2openapi's conversion and become readable classes."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from tests.generator.cases.harness import Recorder, both, client, spec_arguments

WARNINGS: list[tuple[str, str]] = []

BRANCH = {"名前": "渋谷", "ブランチ": {"コード": "B-1"}}


def check(package: Any, generated: Any) -> None:
    models = package.models
    # Each definition is a class named after it, transliterated, not `Schema`, `Schema2`... as converted.
    assert {"ZhiDian", "Buranchi", "Tovar", "Grosse", "StranitsaZhiDian", "Error"} <= set(dir(models))
    assert not {"Schema", "Schema2", "GrE"} & set(dir(models))
    assert get_args(models.Grosse) == ("S", "M", "L")
    assert "class ZhiDian(BaseModel):" in generated.files["case_swagger_2_names/models/zhi_dian.py"]

    # The body parameter's schema (a percent-encoded $ref to 支店): its properties are the arguments, sent by their names.
    recorder = Recorder(status=201, body=BRANCH)
    assert spec_arguments(client(package, recorder).branches.add_branch) == ["ming_qian", "buranchi"]
    branch = both(package, recorder, lambda sdk: sdk.branches.add_branch(ming_qian="渋谷", buranchi=models.Buranchi(kodo="B-1")))
    assert recorder.last.method == "POST" and recorder.last.url.path == "/branches"
    assert recorder.last_json() == BRANCH
    assert type(branch) is models.ZhiDian and branch.ming_qian == "渋谷"
    assert type(branch.buranchi) is models.Buranchi and branch.buranchi.kodo == "B-1"

    # The shared parameter ページ (`page`, default 1) and a generic's name (Страница«支店»).
    recorder = Recorder(body={"items": [BRANCH], "page": 2})
    page = both(package, recorder, lambda sdk: sdk.branches.list_branches(page=2))
    assert recorder.last.url.query == b"page=2"
    assert type(page) is models.StranitsaZhiDian and type(page.items[0]) is models.ZhiDian and page.items[0].buranchi.kodo == "B-1"

    # Cyrillic and German names; an enum's class.
    recorder = Recorder(body=[{"название": "стол", "Größe": "L"}])
    products = both(package, recorder, lambda sdk: sdk.products.list_products())
    assert type(products[0]) is models.Tovar and products[0].nazvanie == "стол" and products[0].grosse == "L"

    # The shared response 見つからない types the error's body.
    with pytest.raises(package.NotFoundError) as caught:
        client(package, Recorder(status=404, body={"message": "no"})).branches.list_branches()
    assert isinstance(caught.value.body, models.Error) and caught.value.body.message == "no"
