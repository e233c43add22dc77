"""The docs site's inputs: the filters of generator/render/markdown_filters.py, examples in the IR, guide pages,
the home page and mkdocs.yml rendered by the generator."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.build.builder import build
from generator.render.markdown_filters import http_request, md_wire_type
from generator.ir import Api, PyType
from generator.read.loader import load
from generator.pipeline import generate_files
from generator.render.output import guide_pages
from tests.conftest import SPEC_PATH


@pytest.fixture(scope="module")
def api() -> Api:
    return build(load(SPEC_PATH))


def _op(api: Api, name: str):  # type: ignore[no-untyped-def]
    return next(op for op in api.operations if op.name == name)


@pytest.mark.parametrize(
    ("type_", "text"),
    [
        (PyType("primitive", "str"), "string"),
        (PyType("primitive", "int", nullable=True), "integer or null"),
        (PyType("primitive", "float"), "number"),
        (PyType("primitive", "bool"), "boolean"),
        (PyType("primitive", "DateTime"), "string (date-time)"),
        (PyType("primitive", "Literal['a', 'b']"), "string"),
        (PyType("list", args=(PyType("model", "Thing"),)), "array of [Thing](models/Thing.md)"),
        (PyType("dict", args=(PyType("primitive", "int"),)), "object of integer"),
        (PyType("union", args=(PyType("enum", "State"), PyType("primitive", "str"))), "[State](models/State.md) or string"),
        (PyType("file"), "binary (a file part)"),
        (PyType("list", args=(PyType("file"),)), "array of binary (a file part)"),
        (PyType("any"), "any JSON"),
        (None, "-"),
    ],
)
def test_md_wire_type_names_json_types(type_: PyType | None, text: str) -> None:
    assert md_wire_type(type_) == text


def test_md_wire_type_links_with_the_given_prefix() -> None:
    assert md_wire_type(PyType("model", "Thing"), "../models/") == "[Thing](../models/Thing.md)"


def test_http_request_of_a_json_post(api: Api) -> None:
    assert http_request(_op(api, "generate"), api).splitlines() == [
        "POST /api/v1/images/models/{modelId}/inferences HTTP/1.1",
        "Host: api.tryleap.ai",
        "Authorization: Bearer $LEAP_API_KEY",
        "Content-Type: application/json",
        "Accept: application/json",
    ]


def test_http_request_names_query_parameters_and_multipart(api: Api) -> None:
    assert http_request(_op(api, "list_all"), api).splitlines()[0] == "GET /api/v1/images/models/{modelId}/inferences?onlyFinished={onlyFinished}&page={page}&pageSize={pageSize} HTTP/1.1"
    assert "Content-Type: multipart/form-data; boundary=..." in http_request(_op(api, "train_model"), api).splitlines()
    assert not any(line.startswith("Content-Type") for line in http_request(_op(api, "get_model"), api).splitlines())


def test_http_request_keeps_the_base_path_and_leaves_out_auth_without_security(api: Api) -> None:
    other = replace(api, base_url="https://example.com/v9/", security=())
    lines = http_request(_op(other, "get_model"), other).splitlines()
    assert lines[:2] == ["GET /v9/api/v2/images/models/{modelId} HTTP/1.1", "Host: example.com"]
    assert not any(line.startswith("Authorization") for line in lines)


def test_examples_come_from_the_spec_or_are_composed(api: Api) -> None:
    generate = _op(api, "generate")
    # CreateInferenceDto has no example of its own: composed from its properties' examples.
    assert generate.body is not None and generate.body.example is not None
    assert generate.body.example.value["prompt"] == "A photo of an astronaut riding a horse"
    assert generate.body.example.value["width"] == 1024
    # The response's schema has an example: taken as it is.
    assert generate.success.example is not None and generate.success.example.value["state"] == "finished"
    # An array of a schema with an example: a one-item list.
    listed = _op(api, "list_all").success.example
    assert listed is not None and len(listed.value) == 1 and listed.value[0]["id"] == "a047df00-8bdd-4d57-a9bd-6eebef36ecaa"
    # An object of an array: composed through both.
    models = _op(api, "list_all_models").success.example
    assert models is not None and models.value["models"][0]["id"] == "8f7c6a59-2c3e-4f0e-9a3b-3b8f0c7e2d11"
    # The media type's own example wins over the schema's.
    not_found = next(r for r in _op(api, "get_model").responses if r.status == "404")
    assert not_found.example is not None and not_found.example.value["message"] == "Model does not exist"
    # A file part has no JSON example; an empty schema has none at all.
    train = _op(api, "train_model")
    assert train.body is not None and train.body.example is not None and "imageSampleFiles" not in train.body.example.value
    assert _op(api, "delete").success.example is None


def test_guide_pages_are_ordered_by_number(tmp_path: Path) -> None:
    guide = tmp_path / "guide"
    guide.mkdir(parents=True)
    (guide / "10-last.md").write_text("# Last\n", encoding="utf-8")
    (guide / "2-first.md").write_text("# First page\n\ntext\n", encoding="utf-8")
    assert [(p.path, p.title) for p in guide_pages(guide)] == [("guide/first.md", "First page"), ("guide/last.md", "Last")]
    (guide / "notes.md").write_text("# Notes\n", encoding="utf-8")
    with pytest.raises(ValueError, match="notes.md"):
        guide_pages(guide)


def test_a_guide_page_needs_a_title(tmp_path: Path) -> None:
    guide = tmp_path / "guide"
    guide.mkdir(parents=True)
    (guide / "01-untitled.md").write_text("no title\n", encoding="utf-8")
    with pytest.raises(ValueError, match="01-untitled.md"):
        guide_pages(guide)


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return generate_files(SPEC_PATH).files


def test_home_page_is_the_readme_with_links_inside_docs(files: dict[str, str]) -> None:
    readme, home = files["README.md"], files["docs/index.md"]
    assert "](docs/ImagesApi.md)" in readme and "](docs/guide/retries.md)" in readme
    assert "](ImagesApi.md)" in home and "](guide/retries.md)" in home and "](docs/" not in home
    assert readme.replace("](docs/", "](") == home, "the home page and the README must say the same"


def test_mkdocs_config_has_a_nav_section_per_tag_and_every_page(files: dict[str, str], api: Api) -> None:
    config = yaml.safe_load(files["mkdocs.yml"])
    assert config["docs_dir"] == "docs" and config["theme"]["name"] == "material"
    nav = [next(iter(item.items())) for item in config["nav"]]
    titles = [title for title, _ in nav]
    assert titles == ["Home", "Guide", "API index", *[tag.name for tag in api.tags], "Models"]
    for tag in api.tags:
        assert dict(nav)[tag.name] == [{tag.class_name: f"{tag.class_name}.md"}]
    pages = {"index.md", "api.md"}
    for _, target in nav:
        for entry in target if isinstance(target, list) else []:
            pages |= set(entry.values())
    assert pages == {path.removeprefix("docs/") for path in files if path.startswith("docs/")}, "every docs page is in the nav"
    assert config["validation"]["anchors"] == "warn" and config["validation"]["unrecognized_links"] == "warn"


def test_guide_covers_the_topics(files: dict[str, str]) -> None:
    guide = {path for path in files if path.startswith("docs/guide/")}
    for topic in ("install", "authentication", "errors", "retries", "waiting", "pagination", "raw-responses", "webhooks", "logging"):
        assert f"docs/guide/{topic}.md" in guide
