"""Python names for OpenAPI names."""

from __future__ import annotations

import keyword

import pytest

from generator.naming import pascal_case, python_identifier_problem, snake_case, words


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("modelId", "model_id"),
        ("numberOfImages", "number_of_images"),
        ("imageSampleFiles", "image_sample_files"),
        ("HTTPServer", "http_server"),
        ("getHTTPResponseCode", "get_http_response_code"),
        ("ListModelsV2Response", "list_models_v2_response"),
        ("ModelV2Entity", "model_v2_entity"),
        ("listAll", "list_all"),
        ("Image Models", "image_models"),
        ("image-models", "image_models"),
        ("X-Request-ID", "x_request_id"),
        ("already_snake", "already_snake"),
        ("page", "page"),
        ("ID", "id"),
    ],
)
def test_snake_case(name: str, expected: str) -> None:
    assert snake_case(name) == expected


@pytest.mark.parametrize("name", ["class", "from", "import", "def", "async", "await", "lambda", "global", "Pass"])
def test_keywords_get_an_underscore(name: str) -> None:
    converted = snake_case(name)
    assert converted == name.lower() + "_"
    assert converted.isidentifier() and not keyword.iskeyword(converted)


@pytest.mark.parametrize("name", ["delete", "type", "match", "case", "None", "True", "id", "list"])
def test_other_names_are_kept(name: str) -> None:
    """Soft keywords are valid names, and suffixing them would depend on the Python version."""
    converted = snake_case(name)
    assert converted == name.lower()
    assert converted.isidentifier() and not keyword.iskeyword(converted)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Image Models", "ImageModels"),
        ("Images", "Images"),
        ("image-models", "ImageModels"),
        ("create_and_train", "CreateAndTrain"),
        ("CreateInferenceDto", "CreateInferenceDto"),
        ("HTTPServer", "HTTPServer"),
        ("ListModelsV2Response", "ListModelsV2Response"),
        ("jobState", "JobState"),
    ],
)
def test_pascal_case(name: str, expected: str) -> None:
    assert pascal_case(name) == expected


def test_words() -> None:
    assert words("ListModelsV2Response") == ["list", "models", "v2", "response"]
    assert words("HTTPServer") == ["http", "server"]
    assert words("  spaced -- out  ") == ["spaced", "out"]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("2fa", "it starts with a digit"),
        ("42", "it starts with a digit"),
        ("$$$", "it has no letters or digits"),
        ("", "it has no letters or digits"),
        (42, "it is a int, not a string"),
        (None, "it is a NoneType, not a string"),
    ],
)
def test_names_that_cannot_become_identifiers(name: object, problem: str) -> None:
    assert python_identifier_problem(name) == problem


@pytest.mark.parametrize("name", ["modelId", "Image Models", "x-unit", "class", "_private", "a1"])
def test_names_that_can(name: str) -> None:
    assert python_identifier_problem(name) is None
    assert snake_case(name).isidentifier()
    assert pascal_case(name).isidentifier()
