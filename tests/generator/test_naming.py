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
    assert words("ListModelsV2Response") == ("list", "models", "v2", "response")
    assert words("HTTPServer") == ("http", "server")
    assert words("  spaced -- out  ") == ("spaced", "out")


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


@pytest.mark.parametrize(
    ("name", "expected"),
    [("2fa", "field_2fa"), ("$$$", "field"), ("", "field"), ("from", "from_"), ("X-Rate-Limit", "x_rate_limit"), (42, "field_42"), ("filter[name]", "filter_name")],
)
def test_identifier_never_fails(name: object, expected: str) -> None:
    from generator.naming import identifier

    assert identifier(name, "field") == expected


@pytest.mark.parametrize(("name", "expected"), [("none", "None_"), ("2fa", "Schema2fa"), ("$", "Schema"), ("evil.name-1", "EvilName1"), ("class", "Class")])
def test_class_identifier_never_fails(name: str, expected: str) -> None:
    from generator.naming import class_identifier

    assert class_identifier(name, "Schema") == expected
    assert expected.isidentifier() and not keyword.iskeyword(expected)


def test_module_name_of_a_keyword_stays_importable() -> None:
    from generator.naming import module_name

    assert module_name("Class") == "class_" and module_name("ImageModels") == "image_models"


def test_namespace_numbers_collisions_in_claim_order() -> None:
    from generator.naming import Namespace

    names = Namespace({"self", "json"})
    assert names.claim("user_id", "userId") == ("user_id", None)
    assert names.claim("user_id", "user_id") == ("user_id_2", "userId")
    assert names.claim("user_id", "USER-ID") == ("user_id_3", "userId")
    assert names.claim("json", "json") == ("json_", None)
    assert names.claim("json", "JSON") == ("json_2", "json")
    assert names.claim("self", "self") == ("self_", None)


@pytest.mark.parametrize(("name", "expected"), [("größe", "grosse"), ("café", "cafe"), ("Straße", "strasse"), ("имя", "imya"), ("größeÄndern", "grosse_andern"), ("naïve-Wert", "naive_wert")])
def test_non_ascii_names_are_transliterated(name: str, expected: str) -> None:
    from generator.naming import class_identifier, snake_case

    assert snake_case(name) == expected
    assert class_identifier(name, "Schema").isascii()


def test_a_reserved_name_the_sdk_uses_says_what_it_collided_with() -> None:
    from generator.naming import Namespace
    from generator.reserved_names import RESERVED_ARGUMENTS

    names = Namespace(RESERVED_ARGUMENTS)
    assert names.claim("timeout", "query parameter 'timeout'") == ("timeout_", "the SDK's per-call keyword 'timeout'")
    assert names.claim("self", "query parameter 'self'") == ("self_", None), "a Python name is renamed silently"
    assert names.claim("timeout", "header 'Timeout'") == ("timeout_2", "query parameter 'timeout'")
