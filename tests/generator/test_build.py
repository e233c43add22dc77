"""Stage 3: the intermediate representation of the real spec (and a few small ones)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from generator import __version__
from generator.build.builder import build
from generator.ir import Api, BodyFormat, Enum, Model, Operation, PackageConfig, PyType
from generator.render.type_annotations import annotation, return_annotation, signature_default, signature_type
from generator.read.document import Document
from generator.read.loader import load

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"


@pytest.fixture(scope="module")
def document() -> Document:
    return load(SPEC)


@pytest.fixture(scope="module")
def api(document: Document) -> Api:
    return build(document)


def op(api: Api, name: str) -> Operation:
    [found] = [o for o in api.operations if o.name == name]
    return found


def test_tags_in_declared_order(api: Api) -> None:
    assert [t.name for t in api.tags] == ["Images", "Image Models"]
    assert [t.class_name for t in api.tags] == ["ImagesApi", "ImageModelsApi"]
    assert [t.async_class_name for t in api.tags] == ["AsyncImagesApi", "AsyncImageModelsApi"]
    assert [t.attribute for t in api.tags] == ["images", "image_models"]
    assert [t.module for t in api.tags] == ["images", "image_models"]


def test_operations_in_document_order(api: Api) -> None:
    assert [[o.name for o in t.operations] for t in api.tags] == [
        ["generate", "list_all", "find_one", "delete"],
        ["train_model", "list_all_models", "get_model", "delete_model"],
    ]
    assert [o.operation_id for o in api.tags[1].operations] == ["trainModel", "listAllModels", "getModel", "deleteModel"]
    assert [(o.method, o.path) for o in api.tags[0].operations] == [
        ("POST", "/api/v1/images/models/{modelId}/inferences"),
        ("GET", "/api/v1/images/models/{modelId}/inferences"),
        ("GET", "/api/v1/images/models/{modelId}/inferences/{inferenceId}"),
        ("DELETE", "/api/v1/images/models/{modelId}/inferences/{inferenceId}"),
    ]


def test_api_metadata(api: Api, document: Document) -> None:
    assert (api.title, api.version, api.base_url) == ("Leap API", "1.0", "https://api.tryleap.ai")
    assert api.spec_sha256 == document.sha256
    assert api.generator_version == __version__
    assert api.config == PackageConfig()
    assert [(s.name, s.kind, s.header) for s in api.security] == [("bearer", "bearer", "Authorization")]


def test_schemas(api: Api) -> None:
    kinds = {s.name: s.kind for s in api.schemas}
    assert kinds == {
        "CreateInferenceDto": "model",
        "InferenceEntity": "model",
        "InferenceImageEntity": "model",
        "JobState": "enum",
        "UpscalingOption": "enum",
        "Timestamp": "alias",
        "CreateAndTrainModelDto": "model",
        "ModelV2Entity": "model",
        "ListModelsV2Response": "model",
        "InferenceWebhookEvent": "model",
        "ModelWebhookEvent": "model",
        "ErrorResponse": "model",
    }
    assert api.schema("ListModelsV2Response").module == "list_models_v2_response"
    job_state = api.schema("JobState")
    assert isinstance(job_state, Enum)
    assert [v.value for v in job_state.values] == ["queued", "processing", "finished", "failed"]
    assert annotation(api.schema("Timestamp").type) == "DateTime"  # type: ignore[union-attr]


def test_model_fields(api: Api) -> None:
    entity = api.schema("InferenceEntity")
    assert isinstance(entity, Model)
    fields = {f.wire_name: f for f in entity.fields}
    assert fields["createdAt"].name == "created_at" and fields["createdAt"].has_alias
    assert fields["createdAt"].type == PyType("alias", "Timestamp")
    assert fields["createdAt"].required and not fields["seed"].required
    assert annotation(fields["seed"].type) == "int | None"
    assert annotation(fields["state"].type) == "JobState | str"
    assert annotation(fields["images"].type) == "list[InferenceImageEntity]"
    assert fields["width"].unit == "pixels"
    assert entity.example is not None and entity.example.value["id"] == "a047df00-8bdd-4d57-a9bd-6eebef36ecaa"
    assert entity.schema_refs == ["InferenceImageEntity", "JobState", "Timestamp", "UpscalingOption"]


def test_defaults_examples_and_constraints(api: Api) -> None:
    generate = op(api, "generate")
    args = {a.name: a for a in generate.arguments}
    defaults = {name: a.default.value for name, a in args.items() if a.default is not None}
    assert defaults == {
        "negative_prompt": "asymmetric, watermarks",
        "steps": 50,
        "width": 1024,
        "height": 1024,
        "number_of_images": 1,
        "prompt_strength": 7,
    }
    assert args["negative_prompt"].default.python == '"asymmetric, watermarks"'  # type: ignore[union-attr]
    assert args["negative_prompt"].default.text == '"asymmetric, watermarks"'  # type: ignore[union-attr]
    assert args["prompt"].required and signature_default(args["prompt"]) is None
    assert args["seed"].default is None and args["seed"].example.value == 4523184  # type: ignore[union-attr]
    assert signature_type(args["seed"]) == "int | None" and signature_default(args["seed"]) == "None"
    assert signature_type(args["steps"]) == "int" and signature_default(args["steps"]) == "50"
    assert args["width"].constraints == ("minimum 8", "multiple of 8")
    assert args["number_of_images"].constraints == ("minimum 1", "maximum 4")
    assert args["webhook_url"].constraints == ("a URL",)
    train = {a.name: a for a in op(api, "train_model").arguments}
    assert train["subject_type"].default.value == "person"  # type: ignore[union-attr]


def test_arguments_by_location(api: Api) -> None:
    generate = op(api, "generate")
    assert [a.name for a in generate.path_params] == ["model_id"]
    assert generate.arguments[0].name == "model_id" and generate.arguments[1].name == "prompt"
    assert {a.location for a in generate.body.fields} == {"body"}  # type: ignore[union-attr]
    list_all = op(api, "list_all")
    assert [(a.name, a.wire_name, a.location) for a in list_all.query_params] == [
        ("only_finished", "onlyFinished", "query"),
        ("page", "page", "query"),
        ("page_size", "pageSize", "query"),
    ]
    assert [a.name for a in op(api, "find_one").path_params] == ["model_id", "inference_id"]
    assert op(api, "list_all_models").arguments == ()


def test_bodies(api: Api) -> None:
    generate = op(api, "generate").body
    assert generate is not None
    assert (generate.content_type, generate.required, generate.schema_name, generate.format) == ("application/json", True, "CreateInferenceDto", BodyFormat.JSON)
    train = op(api, "train_model").body
    assert train is not None
    assert (train.content_type, train.schema_name, train.format) == ("multipart/form-data", "CreateAndTrainModelDto", BodyFormat.MULTIPART)
    assert [f.name for f in train.file_fields] == ["image_sample_files"]
    assert annotation(train.fields[-1].type) == "list[FileInput]"
    assert {f.location for f in train.fields} == {"form"}
    assert op(api, "find_one").body is None


def test_exactly_one_of(api: Api) -> None:
    assert op(api, "train_model").body.exactly_one_of == (("image_sample_urls", "image_sample_files"),)  # type: ignore[union-attr]
    dto = api.schema("CreateAndTrainModelDto")
    assert isinstance(dto, Model) and dto.exactly_one_of == (("imageSampleUrls", "imageSampleFiles"),)
    assert op(api, "generate").body.exactly_one_of == ()  # type: ignore[union-attr]


def test_responses_and_error_classes(api: Api) -> None:
    errors = {o.name: [(r.status, r.error_class) for r in o.errors] for o in api.operations}
    common = [("4XX", "APIStatusError"), ("5XX", "InternalServerError")]
    assert errors == {
        "generate": common,
        "list_all": common,
        "find_one": common,
        "delete": common,
        "train_model": common,
        "list_all_models": common,
        "get_model": [("404", "NotFoundError"), *common],
        "delete_model": common,
    }
    assert {o.name: (o.success.status, return_annotation(o)) for o in api.operations} == {
        "generate": ("201", "InferenceEntity"),
        "list_all": ("200", "list[InferenceEntity]"),
        "find_one": ("200", "InferenceEntity"),
        "delete": ("200", "Any"),
        "train_model": ("201", "ModelV2Entity"),
        "list_all_models": ("200", "ListModelsV2Response"),
        "get_model": ("200", "ModelV2Entity"),
        "delete_model": ("200", "ModelV2Entity"),
    }
    assert op(api, "delete").accepts_empty_body and not op(api, "find_one").accepts_empty_body
    assert all(r.type == PyType("model", "ErrorResponse") for o in api.operations for r in o.errors)
    assert all(r.error_class == "" for o in api.operations for r in o.responses if r.is_success)


def _ir_nodes(value: Any) -> Iterator[Any]:
    if dataclasses.is_dataclass(value):
        yield value
        for f in dataclasses.fields(value):
            yield from _ir_nodes(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _ir_nodes(item)


def test_every_pointer_in_the_ir_resolves(api: Api, document: Document) -> None:
    pointers = [node.pointer for node in _ir_nodes(api) if hasattr(node, "pointer") and node.pointer]
    assert len(pointers) > 50
    for pointer in pointers:
        document.resolve("#" + pointer)


def test_ir_is_frozen(api: Api) -> None:
    nodes = list(_ir_nodes(api))
    assert {type(n).__name__ for n in nodes} >= {"Api", "Tag", "Operation", "Field", "Body", "Response", "Model", "Enum", "Alias", "PyType"}
    for node in nodes:
        name = dataclasses.fields(node)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(node, name, getattr(node, name))
    with pytest.raises(AttributeError):
        api.tags.append(api.tags[0])  # type: ignore[attr-defined]


def test_build_is_a_pure_function_of_the_document(document: Document, api: Api) -> None:
    assert build(document) == api
    assert build(document, PackageConfig(package="other")).config.package == "other"


SMALL = """\
openapi: 3.1.0
info:
  title: Small
  version: "2"
paths:
  /items/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema:
          type: integer
    get:
      tags: [Zeta]
      operationId: getItem
      parameters:
        - name: X-Trace
          in: header
          schema:
            type: string
        - name: sid
          in: cookie
          schema:
            type: string
      responses:
        "204":
          description: nothing
        "409":
          description: conflict
        "429":
          description: slow down
        default:
          description: anything else
  /raw:
    post:
      tags: [alpha]
      operationId: postRaw
      requestBody:
        content:
          application/json:
            schema:
              type: array
              items:
                type: string
      responses:
        "200":
          description: ok
          content:
            application/problem+json:
              schema:
                type: object
                additionalProperties:
                  type: integer
"""


def test_small_spec(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    document = load(path)
    small = build(document)
    assert [t.name for t in small.tags] == ["Zeta", "alpha"]  # no declared tags: sorted by name
    get_item = op(small, "get_item")
    assert [(a.name, a.location, a.required) for a in get_item.arguments] == [("id", "path", True), ("x_trace", "header", False), ("sid", "cookie", False)]
    assert [(r.status, r.error_class) for r in get_item.responses] == [
        ("204", ""),
        ("409", "ConflictError"),
        ("429", "RateLimitError"),
        ("DEFAULT", "APIStatusError"),
    ]
    assert get_item.return_type is None and return_annotation(get_item) == "None"
    for node in _ir_nodes(small):
        if getattr(node, "pointer", ""):
            document.resolve("#" + node.pointer)
    post_raw = op(small, "post_raw")
    assert post_raw.body is not None and post_raw.body.schema_name == ""
    assert [(f.name, annotation(f.type), f.required) for f in post_raw.body.fields] == [("body", "list[str]", False)]
    assert return_annotation(post_raw) == "dict[str, int]"


@pytest.mark.parametrize(
    ("path", "tag"),
    [("/v1/customers/{id}", "customers"), ("/api/v2/images", "images"), ("/{id}", "default"), ("/", "default"), ("/V3/Accounts", "Accounts")],
)
def test_untagged_operations_take_their_first_meaningful_path_segment(path: str, tag: str) -> None:
    from generator.build.tags import path_tag

    assert path_tag(path) == tag


def test_inline_names_follow_the_pointer(tmp_path: Path) -> None:
    from generator.read.loader import load
    from generator.build.schema_types import TypeMapper

    spec = tmp_path / "s.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /p:\n    get:\n      parameters:\n        - {name: created, in: query, schema: {type: object}}\n"
        "      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n    Pet: {type: object}\n",
        encoding="utf-8",
    )
    mapper = TypeMapper(load(spec))
    mapper.operation_names["/paths/~1p/get"] = "ListPets"
    assert mapper.inline_name("/components/schemas/Pet/properties/category") == "PetCategory"
    assert mapper.inline_name("/components/schemas/Pet/allOf/1/properties/tags/items") == "PetTagsItem"
    assert mapper.inline_name("/components/schemas/Pet/oneOf/0") == "PetOption1"
    assert mapper.inline_name("/paths/~1p/get/responses/200/content/application~1json/schema") == "ListPetsResponse"
    assert mapper.inline_name("/paths/~1p/get/responses/404/content/application~1json/schema") == "ListPetsError404"
    assert mapper.inline_name("/paths/~1p/get/parameters/0/schema") == "ListPetsCreated"
    assert mapper.inline_name("/components/responses/NotFound/content/application~1json/schema") == "NotFoundResponse"


@pytest.mark.parametrize(
    "offered, chosen",
    [
        (["application/xml", "application/x-www-form-urlencoded", "application/json"], "application/json"),
        (["application/x-www-form-urlencoded", "multipart/form-data"], "multipart/form-data"),
        (["application/x-www-form-urlencoded", "application/vnd.api+json"], "application/vnd.api+json"),
        (["text/plain", "application/x-www-form-urlencoded"], "application/x-www-form-urlencoded"),
        (["image/png", "image/jpeg"], "image/png"),
        ([], None),
    ],
)
def test_request_media_type_preference(offered: list[str], chosen: str | None) -> None:
    """JSON, multipart, other +json, a form, else the first type offered (sent raw)."""
    from generator.read.media_types import request_media_type

    assert request_media_type({media: {} for media in offered}) == chosen


def test_parameter_styles_default_by_location_and_only_some_need_the_serializer() -> None:
    from generator.ir import PyType
    from generator.build.parameter_styles import needs_serializer, style_of
    from generator.read.operations import read_operations

    def styled(param: dict[str, Any]) -> tuple[str, bool]:
        (op,) = read_operations({"paths": {"/a": {"get": {"parameters": [{"name": "p", **param}]}}}}, lambda at, raw: (at, raw))
        return style_of(op.parameters[0])

    assert styled({"in": "query"}) == ("form", True)
    assert styled({"in": "path"}) == ("simple", False)
    assert styled({"in": "query", "style": "deepObject", "explode": True}) == ("deepObject", True)
    assert styled({"in": "header", "style": "form"}) == ("simple", False)  # not allowed there: the default
    assert styled({"in": "query", "content": {"application/json": {}}}) == ("json", False)
    text, flag, strings = PyType("primitive", "str"), PyType("primitive", "bool"), PyType("list", args=(PyType("primitive", "str"),))
    assert not needs_serializer("query", "form", True, text)
    assert not needs_serializer("query", "form", True, flag)  # httpx writes true/false
    assert not needs_serializer("query", "form", True, strings)  # httpx repeats the name
    assert needs_serializer("query", "form", False, strings)
    assert needs_serializer("path", "simple", False, flag) and needs_serializer("header", "simple", False, flag)
    assert not needs_serializer("path", "simple", False, text) and needs_serializer("path", "label", False, text)
    assert needs_serializer("cookie", "form", True, text)


def test_security_arguments_and_requirements() -> None:
    from generator.build.security import requirement, schemes

    cc = {"clientCredentials": {"tokenUrl": "/token", "scopes": {"read": "Read."}}}
    found = schemes(
        [
            ("tls", "/t", {"type": "mutualTLS"}),
            ("oauth", "/a", {"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "https://x/auth", "scopes": {}}, **cc}}),
            ("bearer", "/b", {"type": "http", "scheme": "Bearer"}),
            ("partner", "/c", {"type": "apiKey", "in": "query", "name": "key"}),
            ("basic", "/d", {"type": "http", "scheme": "basic"}),
            ("oidc", "/e", {"type": "openIdConnect", "openIdConnectUrl": "https://x/.well-known/openid-configuration"}),
            ("other", "/f", {"type": "oauth2", "flows": cc}),
        ],
        "ACME",
    )
    assert [(s.name, s.kind, s.location, s.wire_name, s.arguments, s.env) for s in found] == [
        ("oauth", "oauth2", "header", "Authorization", ("access_token", "client_id", "client_secret"), ("ACME_ACCESS_TOKEN", "ACME_CLIENT_ID", "ACME_CLIENT_SECRET")),
        ("bearer", "bearer", "header", "Authorization", ("api_key",), ("ACME_API_KEY",)),
        ("partner", "apiKey", "query", "key", ("partner_key",), ("ACME_PARTNER_KEY",)),
        ("basic", "basic", "header", "Authorization", ("username", "password"), ("ACME_USERNAME", "ACME_PASSWORD")),
        ("oidc", "openIdConnect", "header", "Authorization", ("access_token",), ("ACME_ACCESS_TOKEN",)),
        ("other", "oauth2", "header", "Authorization", ("access_token",), ("ACME_ACCESS_TOKEN",)),  # one client ID: the first scheme's
    ]
    oauth, oidc = found[0], found[4]
    assert [(f.kind, f.authorization_url, f.token_url, f.scopes) for f in oauth.flows] == [
        ("implicit", "https://x/auth", "", ()),
        ("clientCredentials", "", "/token", (("read", "Read."),)),
    ]
    assert (oauth.token_url, found[5].token_url, oidc.openid_url) == ("/token", "", "https://x/.well-known/openid-configuration")
    applied = {s.name for s in found}
    assert requirement(None, applied) == (((),), ())
    assert requirement([], applied) == (((),), ())
    assert requirement([{"bearer": []}, {"basic": [], "partner": []}], applied) == ((("bearer",), ("basic", "partner")), ())
    assert requirement([{"oauth": ["read"]}, {"bearer": []}], applied) == ((("oauth",), ("bearer",)), ())
    assert requirement([{"tls": []}, {"bearer": []}], applied) == (((), ("bearer",)), ("tls",))
    from generator.build.security import scopes

    assert scopes([{"oauth": ["read"], "key": []}, {"oauth": ["write", "read"]}, {"oidc": ["openid"]}, {}]) == (("oauth", ("read", "write")), ("oidc", ("openid",)))
    assert scopes(None) == scopes([]) == scopes(["not a mapping", {"oauth": "read"}]) == ()
    # An apiKey scheme called accessToken keeps its name unless an OAuth scheme needs access_token (in any order).
    keys = [("first", "/k", {"type": "apiKey", "in": "header", "name": "K"}), ("accessToken", "/l", {"type": "apiKey", "in": "header", "name": "T"})]
    assert [s.arguments for s in schemes(keys, "ACME")] == [("api_key",), ("access_token",)]
    assert [s.arguments for s in schemes([*keys, ("oidc", "/e", {"type": "openIdConnect"})], "ACME")] == [("api_key",), ("access_token_2",), ("access_token",)]


def test_an_operation_with_several_tags_is_on_the_first_tags_class_only() -> None:
    from generator.build.builder import build_with_warnings
    from generator.read.loader import load

    api, found = build_with_warnings(load(Path(__file__).resolve().parent / "broken_specs" / "multiple-tags.yaml"))
    assert [(t.name, [o.name for o in t.operations]) for t in api.tags] == [("Things", ["list_things"])]
    assert [(d.code, d.severity) for d in found] == [("multiple-tags", "info")]
    assert "'Things'" in found[0].message


@pytest.mark.parametrize(
    "schema, takes",
    [
        ({"type": "object", "properties": {"a": {"type": "string"}}}, True),  # flattened
        ({"type": "object", "additionalProperties": {"type": "integer"}}, True),  # a map
        ({}, True),  # anything
        ({"oneOf": [{"type": "array", "items": {}}, {"type": "object"}]}, True),
        ({"type": "array", "items": {"type": "string"}}, False),
        ({"type": ["string", "null"]}, False),
        ({"enum": ["a", "b"]}, False),
        ({"anyOf": [{"type": "integer"}, {"$ref": "#/components/schemas/List"}]}, False),
        ({"allOf": [{"$ref": "#/components/schemas/List"}, {"description": "the rows"}]}, False),
    ],
)
def test_extra_body_is_offered_only_for_a_body_that_may_be_an_object(tmp_path: Path, schema: dict[str, Any], takes: bool) -> None:
    """``extra_body=`` adds properties: a JSON array or scalar has none (the call could only raise ``TypeError``)."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": "T", "version": "1"},
                "paths": {"/x": {"put": {"operationId": "put_x", "requestBody": {"content": {"application/json": {"schema": schema}}}, "responses": {"204": {"description": "done"}}}}},
                "components": {"schemas": {"List": {"type": "array", "items": {"type": "integer"}}}},
            }
        ),
        encoding="utf-8",
    )
    [put] = build(load(spec)).operations
    assert put.takes_extra_body is takes
    assert ("extra_body" in put.call_options) is takes and ("extra_body" in put.page_options) is takes
