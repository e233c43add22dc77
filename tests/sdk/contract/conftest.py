"""Shared machinery of the contract tests: the spec, openapi-core adapters, a recording
mock transport, a sync/async caller, and response bodies generated from the spec.

Everything the tests expect is read from ``spec/openapi.yaml`` (not from the generator),
and every request and response is judged by openapi-core, an independent validator.

One openapi-core 0.23.1 behaviour is worked around here, in one place and for one
construct only (see ``_harness_config``):

* multipart arrays: openapi-core reports an array property that is absent from a
  ``multipart/form-data`` body as an empty list, so ``oneOf: [required: [a], required:
  [b]]`` matches both branches for every request. The harness presents the form so that
  an absent field is absent. ``test_wire.py`` proves that ``oneOf`` still rejects a form
  with both or neither field, and records the stock behaviour as a strict xfail.
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import data_form_loads
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.conftest import SPEC_PATH, load_spec

from leap import AsyncLeap, Leap

SPEC: dict[str, Any] = load_spec()
SERVER_URL: str = SPEC["servers"][0]["url"]
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

API_KEY = "leap-test-key-7f3a9c1e-DO-NOT-LEAK"
"""A distinctive key: the secrecy tests look for it in every repr, str and message."""

MODES = ("sync", "async")


# --------------------------------------------------------------------------- spec


def snake_case(name: str) -> str:
    """``listAllModels`` -> ``list_all_models``, ``Image Models`` -> ``image_models``."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


def deref(node: Any) -> Any:
    """``node`` with ``$ref`` followed (within the spec) until it is not a reference."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = SPEC
        for token in node["$ref"].removeprefix("#/").split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


@dataclass(frozen=True)
class Operation:
    """One operation of the spec and the SDK method that should implement it."""

    path: str
    method: str
    spec: dict[str, Any] = field(repr=False, compare=False)

    @property
    def operation_id(self) -> str:
        return self.spec["operationId"]

    @property
    def resource(self) -> str:
        """The client attribute of the operation's (first) tag: ``Image Models`` -> ``image_models``."""
        return snake_case(self.spec["tags"][0])

    @property
    def sdk_method(self) -> str:
        return snake_case(self.operation_id)

    @property
    def path_params(self) -> list[dict[str, Any]]:
        params = SPEC["paths"][self.path].get("parameters", []) + self.spec.get("parameters", [])
        return [p for p in map(deref, params) if p["in"] == "path"]

    @property
    def success_status(self) -> int:
        return min(int(code) for code in self.spec["responses"] if code.isdigit() and code.startswith("2"))

    @property
    def success_schema(self) -> Any:
        response = deref(self.spec["responses"][str(self.success_status)])
        return response["content"]["application/json"]["schema"]

    def __str__(self) -> str:
        return self.operation_id


def spec_operations() -> list[Operation]:
    return [
        Operation(path, method, op)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]


# ------------------------------------------------------------ openapi-core adapters


class OpenAPIRequest:
    """An :class:`httpx.Request` as openapi-core's ``Request`` protocol, from the raw wire form.

    The path is the *raw* (still percent-encoded) path, exactly what a server receives.
    """

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return f"{self.request.url.scheme}://{self.request.url.netloc.decode('ascii')}"

    @property
    def path(self) -> str:
        return self.request.url.raw_path.decode("ascii").split("?", 1)[0]

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self.request.content or None

    @property
    def content_type(self) -> str:
        return self.request.headers.get("content-type", "")


class OpenAPIResponse:
    """An :class:`httpx.Response` as openapi-core's ``Response`` protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return self.response.headers.get("content-type", "")

    @property
    def headers(self) -> Headers:
        return Headers(list(self.response.headers.multi_items()))

    @property
    def data(self) -> bytes:
        return self.response.content


class _PresentFieldsOnly(ImmutableMultiDict):  # type: ignore[type-arg]
    """A parsed form whose ``getlist`` raises ``KeyError`` for a field that is not there."""

    def getlist(self, key: Any, type: Any = None) -> list[Any]:  # noqa: A002 - werkzeug's signature
        if key not in self:
            raise KeyError(key)
        return super().getlist(key, type)


def _form_data_loads(value: bytes, **parameters: str) -> Any:
    return _PresentFieldsOnly(list(data_form_loads(value, **parameters).items(multi=True)))


def binary_part_content_types() -> dict[str, list[str]]:
    """``form field -> allowed part content types`` of the multipart file fields of the spec."""
    found: dict[str, list[str]] = {}
    for op in spec_operations():
        body = deref(op.spec.get("requestBody", {}))
        media = body.get("content", {}).get("multipart/form-data")
        if media is None:
            continue
        for name, encoding in media.get("encoding", {}).items():
            if "contentType" in encoding:
                found[name] = [t.strip() for t in encoding["contentType"].split(",")]
    return found


def _harness_config() -> Config:
    return Config(extra_media_type_deserializers={"multipart/form-data": _form_data_loads})


OPENAPI = OpenAPI.from_file_path(str(SPEC_PATH), config=_harness_config())
"""The spec as openapi-core reads it, with the documented multipart workaround."""

OPENAPI_STOCK = OpenAPI.from_file_path(str(SPEC_PATH))
"""The spec as stock openapi-core reads it (used only to record its behaviour)."""


def request_errors(request: httpx.Request, api: OpenAPI = OPENAPI) -> list[Exception]:
    """openapi-core's verdict on ``request``: the list of errors (empty when valid)."""
    return list(api.unmarshal_request(OpenAPIRequest(request)).errors)


def assert_request_valid(request: httpx.Request, api: OpenAPI = OPENAPI) -> Any:
    """Fail with openapi-core's explanation unless ``request`` is valid; return the unmarshalled request."""
    result = api.unmarshal_request(OpenAPIRequest(request))
    assert not result.errors, f"{request.method} {request.url}: {explain(result.errors)}"
    return result


def assert_response_valid(request: httpx.Request, response: httpx.Response, api: OpenAPI = OPENAPI) -> Any:
    result = api.unmarshal_response(OpenAPIRequest(request), OpenAPIResponse(response))
    assert not result.errors, f"{response.status_code} {response.text[:300]!r}: {explain(result.errors)}"
    return result


def response_errors(request: httpx.Request, response: httpx.Response, api: OpenAPI = OPENAPI) -> list[Exception]:
    return list(api.unmarshal_response(OpenAPIRequest(request), OpenAPIResponse(response)).errors)


def explain(errors: Any) -> str:
    lines = []
    for error in errors:
        lines.append(repr(error))
        cause = error.__cause__
        while cause is not None:
            lines.append(f"  caused by {cause!r}")
            for schema_error in getattr(cause, "schema_errors", ()) or ():
                lines.append(f"    {schema_error.message}")
            cause = cause.__cause__
    return "\n".join(lines)


# --------------------------------------------------------------------- multipart


@dataclass
class Part:
    name: str
    filename: str | None
    content_type: str | None
    content: bytes


def parse_multipart(request: httpx.Request) -> list[Part]:
    """The parts of a ``multipart/form-data`` request, in order, with their raw bytes."""
    header = request.headers["content-type"]
    assert header.startswith("multipart/form-data"), header
    raw = b"Content-Type: " + header.encode("ascii") + b"\r\n\r\n" + request.content
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    assert message.is_multipart(), "the body is not a well-formed multipart document"
    parts = []
    for part in message.iter_parts():
        disposition = part.get("content-disposition")
        assert disposition is not None and disposition.content_disposition == "form-data"
        parts.append(
            Part(
                name=part.get_param("name", header="content-disposition"),
                filename=part.get_filename(),
                content_type=part.get("content-type") and part.get_content_type(),
                content=part.get_payload(decode=True),
            )
        )
    return parts


# -------------------------------------------------------------- mock transport


Responder = Callable[[httpx.Request], httpx.Response]


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> Responder:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body, headers=headers)

    return respond


def raw_response(status: int, content: bytes, headers: dict[str, str] | None = None) -> Responder:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers=headers)

    return respond


def raising(exc_type: type[httpx.TransportError], message: str = "transport failure") -> Responder:
    def respond(request: httpx.Request) -> httpx.Response:
        raise exc_type(message, request=request)

    return respond


class Recorder:
    """A mock transport handler that records every request (body read) and response."""

    def __init__(self, respond: Responder) -> None:
        self.respond = respond
        self.requests: list[httpx.Request] = []
        self.responses: list[httpx.Response] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = self.respond(request)
        response.request = request
        self.responses.append(response)
        return response

    @property
    def request(self) -> httpx.Request:
        assert len(self.requests) == 1, f"expected exactly one request, got {len(self.requests)}"
        return self.requests[0]

    @property
    def response(self) -> httpx.Response:
        assert len(self.responses) == 1, f"expected exactly one response, got {len(self.responses)}"
        return self.responses[0]


class Caller:
    """Calls one SDK method through ``Leap`` or ``AsyncLeap`` over a recording mock transport.

    ``caller(resource, method, respond, **kwargs)`` returns the method's result (or raises
    what it raises); ``caller.recorder`` keeps what went over the wire.
    """

    def __init__(self, mode: str, **client_options: Any) -> None:
        self.mode = mode
        # One exchange per call: retries are the subject of tests/sdk/runtime/, not of these tests.
        self.client_options = {"api_key": API_KEY, "max_retries": 0, **client_options}
        self.recorder = Recorder(json_response(200, {}))

    @property
    def is_async(self) -> bool:
        return self.mode == "async"

    def __call__(self, resource: str, method: str, respond: Responder, /, **kwargs: Any) -> Any:
        self.recorder = Recorder(respond)
        transport = httpx.MockTransport(self.recorder)
        if not self.is_async:
            with httpx.Client(transport=transport) as http, Leap(http_client=http, **self.client_options) as client:
                return getattr(getattr(client, resource), method)(**kwargs)

        async def run() -> Any:
            async with httpx.AsyncClient(transport=transport) as http:
                async with AsyncLeap(http_client=http, **self.client_options) as client:
                    return await getattr(getattr(client, resource), method)(**kwargs)

        return asyncio.run(run())

    @property
    def request(self) -> httpx.Request:
        return self.recorder.request

    @property
    def response(self) -> httpx.Response:
        return self.recorder.response


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def caller(mode: str) -> Caller:
    return Caller(mode)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test depends on the environment of the machine it runs on."""
    monkeypatch.delenv("LEAP_API_KEY", raising=False)
    monkeypatch.delenv("LEAP_BASE_URL", raising=False)


# --------------------------------------------------------- bodies from schemas

ISO_TIMESTAMP = "2023-06-20T07:03:48.218Z"
POSTGRES_TIMESTAMP = "2023-06-20 07:04:01.634307+00"


def sample(schema: Any, *, full: bool = True, depth: int = 0) -> Any:
    """A JSON value valid for ``schema``: every property when ``full``, else only required ones.

    Written here rather than taken from the generator, so the generator cannot agree with
    itself. Covers the constructs the spec uses; an unknown construct fails loudly.
    """
    schema = deref(schema)
    assert depth < 20, "schema recursion"
    if schema == {}:
        return {"deleted": True, "id": "a047df00-8bdd-4d57-a9bd-6eebef36ecaa"}
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema and "type" not in schema:
            return sample(schema[combinator][0], full=full, depth=depth + 1)
    if "enum" in schema:
        return schema["enum"][0]
    types = schema.get("type")
    if isinstance(types, list):
        types = next(t for t in types if t != "null")
    if types == "object" or (types is None and "properties" in schema):
        required = set(schema.get("required", []))
        return {
            name: sample(prop, full=full, depth=depth + 1)
            for name, prop in schema.get("properties", {}).items()
            if full or name in required
        }
    if types == "array":
        return [sample(schema["items"], full=full, depth=depth + 1) for _ in range(2 if full else 1)]
    if types == "string":
        if "example" in schema:
            return schema["example"]
        return {
            "date-time": ISO_TIMESTAMP,
            "uri": "https://example.com/resource.png",
        }.get(schema.get("format", ""), "text")
    if types == "integer":
        if "example" in schema:
            return schema["example"]
        return max(schema.get("minimum", 1), schema.get("multipleOf", 1))
    if types == "number":
        return schema.get("example", 7.5)
    if types == "boolean":
        return True
    raise AssertionError(f"sample() does not know the schema {schema!r}")


_TIMESTAMP_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")


def parse_timestamp(text: str) -> datetime:
    """A wire timestamp (ISO-8601 or PostgreSQL text) as an aware datetime, parsed independently of the SDK."""
    value = text.replace("Z", "+00:00")
    value = re.sub(r"([+-]\d{2})$", r"\1:00", value)
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, text
    return parsed


def normalize(value: Any) -> Any:
    """``value`` with every timestamp string replaced by the instant it denotes."""
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, str) and _TIMESTAMP_TEXT.match(value):
        return parse_timestamp(value)
    return value


def as_wire(result: Any) -> Any:
    """An SDK result as wire data (models through ``to_dict()``), for comparing with a body."""
    if isinstance(result, list):
        return [as_wire(item) for item in result]
    if hasattr(result, "to_dict"):
        return result.to_dict()
    return result


def operation_ids() -> Iterator[str]:
    return (op.operation_id for op in spec_operations())
