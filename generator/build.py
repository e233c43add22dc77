"""Stage 3: build the intermediate representation (:mod:`generator.ir`) from a valid spec.

Runs only after :mod:`generator.validate` found no errors, so it may rely on what the
rules there guarantee (local refs that resolve, one tag and one operationId per
operation). The mapping from JSON Schema to Python types lives in :mod:`generator.types`.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from . import __version__, extensions
from .diagnostics import pointer_join
from .ir import (
    Alias,
    Api,
    Body,
    Enum,
    EnumValue,
    Field,
    Model,
    Operation,
    PackageConfig,
    Response,
    Schema,
    SecurityScheme,
    Tag,
    Value,
)
from .loader import Document
from .naming import api_class_name, module_name, pascal_case, snake_case
from .pysource import pyrepr
from .types import TypeMapper, classify, is_json_media_type
from .validate import REQUEST_MEDIA_TYPES, is_bearer, iter_operations

#: The exception the SDK raises for each error status; ranges and ``default`` fall back to APIStatusError.
ERROR_CLASSES = {
    "400": "BadRequestError",
    "401": "AuthenticationError",
    "402": "PaymentRequiredError",
    "403": "PermissionDeniedError",
    "404": "NotFoundError",
    "409": "ConflictError",
    "422": "UnprocessableEntityError",
    "429": "RateLimitError",
}


def error_class(status: str) -> str:
    if status in ERROR_CLASSES:
        return ERROR_CLASSES[status]
    if status.startswith("5"):
        return "InternalServerError"
    return "APIStatusError"


def value(raw: Any) -> Value:
    """A spec literal with its Python source (``repr``) and its JSON text for docs."""
    return Value(value=raw, python=pyrepr(raw), text=json.dumps(raw, ensure_ascii=False))


def text(raw: Any) -> str:
    """A description or summary as plain text (strip surrounding whitespace; non-strings become '')."""
    return raw.strip() if isinstance(raw, str) else ""


def constraints(schema: dict[str, Any]) -> tuple[str, ...]:
    """Human-readable limits of a schema, in a fixed order."""
    out = []
    if "minimum" in schema:
        out.append(f"minimum {schema['minimum']}")
    if "exclusiveMinimum" in schema and not isinstance(schema["exclusiveMinimum"], bool):
        out.append(f"greater than {schema['exclusiveMinimum']}")
    if "maximum" in schema:
        out.append(f"maximum {schema['maximum']}")
    if "exclusiveMaximum" in schema and not isinstance(schema["exclusiveMaximum"], bool):
        out.append(f"less than {schema['exclusiveMaximum']}")
    if "multipleOf" in schema:
        out.append(f"multiple of {schema['multipleOf']}")
    if "minLength" in schema:
        out.append(f"at least {schema['minLength']} characters")
    if "maxLength" in schema:
        out.append(f"at most {schema['maxLength']} characters")
    if "pattern" in schema:
        out.append(f"matches `{schema['pattern']}`")
    if "minItems" in schema:
        out.append(f"at least {schema['minItems']} items")
    if "maxItems" in schema:
        out.append(f"at most {schema['maxItems']} items")
    if schema.get("format") in ("uri", "url"):
        out.append("a URL")
    return tuple(out)


class Builder:
    def __init__(self, document: Document, config: PackageConfig) -> None:
        self.document = document
        self.config = config
        self.types = TypeMapper(document)

    # -- schemas -------------------------------------------------------------------

    def schemas(self) -> tuple[Schema, ...]:
        components = self.document.data.get("components") or {}
        out: list[Schema] = []
        for name, schema in (components.get("schemas") or {}).items():
            out.append(self.schema(name, schema))
        return tuple(out)

    def schema(self, schema_name: str, schema: dict[str, Any]) -> Schema:
        pointer = pointer_join("/components/schemas", schema_name)
        name = pascal_case(schema_name)
        module = module_name(schema_name)
        description = text(schema.get("description")) or text(schema.get("title"))
        kind = classify(schema)
        if kind == "enum":
            values = tuple(EnumValue(v, pyrepr(v)) for v in schema["enum"] if v is not None)
            value_type = "int" if all(isinstance(v.value, int) for v in values) else "str"
            return Enum(name, module, schema_name, description, values, pointer, value_type)
        if kind == "model":
            fields = self.fields(pointer, schema, location="body")
            return Model(
                name=name,
                module=module,
                schema_name=schema_name,
                description=description,
                fields=fields,
                pointer=pointer,
                exactly_one_of=self.exactly_one_of(schema),
                example=value(schema["example"]) if "example" in schema else None,
            )
        return Alias(name, module, schema_name, description, self.types.map(pointer, schema), pointer)

    def fields(self, pointer: str, schema: dict[str, Any], *, location: str) -> tuple[Field, ...]:
        required = set(schema.get("required") or ())
        out = []
        for wire_name, prop in (schema.get("properties") or {}).items():
            prop_pointer = pointer_join(pointer, "properties", wire_name)
            out.append(self.field(prop_pointer, wire_name, prop, wire_name in required, location))
        return tuple(out)

    def field(self, pointer: str, wire_name: str, prop: Any, required: bool, location: str) -> Field:
        """One property (or parameter schema) as a :class:`Field`."""
        own = prop if isinstance(prop, dict) else {}
        _, target = self.document.deref(pointer, own)
        target = target if isinstance(target, dict) else {}
        description = text(own.get("description")) or (text(target.get("description")) if "$ref" not in own else "")
        default = own.get("default", target.get("default") if "$ref" not in own else None)
        example = own.get("example", target.get("example"))
        return Field(
            name=snake_case(wire_name),
            wire_name=wire_name,
            type=self.types.map(pointer, own),
            required=required,
            description=description,
            pointer=pointer,
            location=location,
            default=value(default) if default is not None else None,
            example=value(example) if example is not None else None,
            constraints=constraints(target),
            unit=text(own.get("x-unit", target.get("x-unit"))),
        )

    def exactly_one_of(self, schema: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
        """``oneOf: [{required: [a]}, {required: [b]}]`` means: exactly one of a and b."""
        branches = schema.get("oneOf")
        if not isinstance(branches, list) or not branches:
            return ()
        names = []
        for branch in branches:
            if not (isinstance(branch, dict) and set(branch) == {"required"} and len(branch["required"]) == 1):
                return ()
            names.append(branch["required"][0])
        return (tuple(names),)

    def example_of(self, pointer: str, schema: Any, depth: int = 0) -> Any:
        """An example of ``schema``: its own (or its target's) ``example``, else one composed
        from the examples of its array items or properties; ``None`` when there is none.

        File parts (``contentMediaType`` or ``format: binary``) have no JSON example and are left out.
        """
        if depth > 8 or not isinstance(schema, dict):
            return None
        if "example" in schema:
            return schema["example"]
        at, target = self.document.deref(pointer, schema)
        if not isinstance(target, dict):
            return None
        if "example" in target:
            return target["example"]
        if "contentMediaType" in target or target.get("format") == "binary":
            return None
        if target.get("type") == "array" or "items" in target:
            item = self.example_of(pointer_join(at, "items"), target.get("items"), depth + 1)
            return [item] if item is not None else None
        properties = target.get("properties")
        if isinstance(properties, dict):
            out = {}
            for name, prop in properties.items():
                example = self.example_of(pointer_join(at, "properties", name), prop, depth + 1)
                if example is not None:
                    out[name] = example
            return out or None
        return None

    def media_example(self, pointer: str, media: dict[str, Any]) -> Value | None:
        """The example of one media type object: ``example``, the first of ``examples``, or its schema's."""
        if "example" in media:
            return value(media["example"])
        examples = media.get("examples")
        if isinstance(examples, dict):
            for name, raw in examples.items():
                _, example = self.document.deref(pointer_join(pointer, "examples", name), raw)
                if isinstance(example, dict) and "value" in example:
                    return value(example["value"])
        found = self.example_of(pointer_join(pointer, "schema"), media.get("schema"))
        return value(found) if found is not None else None

    # -- operations ----------------------------------------------------------------

    def operation(self, pointer: str, path: str, method: str, op: dict[str, Any]) -> Operation:
        params: dict[tuple[str, str], Field] = {}
        path_item = self.document.data["paths"][path]
        sources = [(pointer_join("/paths", path, "parameters"), path_item.get("parameters") or []), (pointer_join(pointer, "parameters"), op.get("parameters") or [])]
        for base, items in sources:
            for index, raw in enumerate(items):
                at, param = self.document.deref(pointer_join(base, index), raw)
                if param.get("in") == "cookie":
                    continue
                params[(param["in"], param["name"])] = self.parameter(at, param)
        by_location = {loc: tuple(f for (where, _), f in params.items() if where == loc) for loc in ("path", "query", "header")}
        return Operation(
            operation_id=op["operationId"],
            name=snake_case(op["operationId"]),
            method=method.upper(),
            path=path,
            tag=op["tags"][0],
            summary=text(op.get("summary")),
            description=text(op.get("description")),
            path_params=by_location["path"],
            query_params=by_location["query"],
            header_params=by_location["header"],
            body=self.body(pointer, op),
            responses=self.responses(pointer, op),
            pointer=pointer,
            deprecated=bool(op.get("deprecated")),
        )

    def parameter(self, pointer: str, param: dict[str, Any]) -> Field:
        schema = param.get("schema") or {}
        field = self.field(pointer_join(pointer, "schema"), param["name"], schema, bool(param.get("required")) or param["in"] == "path", param["in"])
        example = param.get("example", schema.get("example") if isinstance(schema, dict) else None)
        return Field(
            name=field.name,
            wire_name=field.wire_name,
            type=field.type,
            required=field.required,
            description=text(param.get("description")) or field.description,
            pointer=pointer,
            location=field.location,
            default=field.default,
            example=value(example) if example is not None else None,
            constraints=field.constraints,
            unit=field.unit or text(param.get("x-unit")),
        )

    def body(self, pointer: str, op: dict[str, Any]) -> Body | None:
        if "requestBody" not in op:
            return None
        body_pointer, body = self.document.deref(pointer_join(pointer, "requestBody"), op["requestBody"])
        content = body.get("content") or {}
        content_type = next(m for m in REQUEST_MEDIA_TYPES if m in content)
        raw_schema = content[content_type].get("schema") or {}
        schema_pointer, schema = self.document.deref(pointer_join(body_pointer, "content", content_type, "schema"), raw_schema)
        location = "form" if content_type == "multipart/form-data" else "body"
        schema_name = schema_pointer.rsplit("/", 1)[-1] if schema_pointer.startswith("/components/schemas/") else ""
        flattened = classify(schema) == "model"
        if flattened:
            fields = self.fields(schema_pointer, schema, location=location)
            if not body.get("required"):
                fields = tuple(replace(f, required=False) for f in fields)
            groups = tuple(tuple(snake_case(n) for n in group) for group in self.exactly_one_of(schema))
        else:
            fields = (self.field(schema_pointer, "body", raw_schema, bool(body.get("required")), location),)
            groups = ()
        return Body(
            content_type=content_type,
            required=bool(body.get("required")),
            description=text(body.get("description")) or text(schema.get("description")),
            schema_name=pascal_case(schema_name) if schema_name else "",
            fields=fields,
            flattened=flattened,
            exactly_one_of=groups,
            pointer=body_pointer,
            part_content_types=self.part_content_types(content[content_type]),
            example=self.media_example(pointer_join(body_pointer, "content", content_type), content[content_type]),
        )

    def part_content_types(self, media: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``encoding.<field>.contentType`` of a multipart body: the types each part may have."""
        out = []
        for name, encoding in sorted((media.get("encoding") or {}).items()):
            if isinstance(encoding, dict) and isinstance(encoding.get("contentType"), str):
                out.append((name, tuple(t.strip() for t in encoding["contentType"].split(",") if t.strip())))
        return tuple(out)

    def responses(self, pointer: str, op: dict[str, Any]) -> tuple[Response, ...]:
        out = []
        for key, raw in op["responses"].items():
            status = str(key).upper()
            at, response = self.document.deref(pointer_join(pointer, "responses", key), raw)
            content = response.get("content") or {}
            media = next((m for m in content if is_json_media_type(m)), "")
            type_ = None
            example = None
            if media:
                example = self.media_example(pointer_join(at, "content", media), content[media])
                schema = content[media].get("schema")
                type_ = self.types.map(pointer_join(at, "content", media, "schema"), schema if schema is not None else {})
            out.append(
                Response(
                    status=status,
                    description=text(response.get("description")),
                    content_type=media,
                    type=type_,
                    pointer=at,
                    error_class="" if status.startswith("2") else error_class(status),
                    example=example,
                )
            )
        return tuple(out)

    # -- the whole API -------------------------------------------------------------

    def tags(self) -> tuple[Tag, ...]:
        declared = {t["name"]: text(t.get("description")) for t in self.document.data.get("tags") or [] if isinstance(t, dict) and "name" in t}
        operations: dict[str, list[Operation]] = {}
        for pointer, path, method, op in iter_operations(self.document.data):
            operation = self.operation(pointer, path, method, op)
            operations.setdefault(operation.tag, []).append(operation)
        order = [name for name in declared if name in operations] + sorted(n for n in operations if n not in declared)
        return tuple(
            Tag(
                name=name,
                description=declared.get(name, ""),
                class_name=api_class_name(name),
                async_class_name="Async" + api_class_name(name),
                attribute=module_name(name),
                module=module_name(name),
                operations=tuple(operations[name]),
            )
            for name in order
        )

    def security(self) -> tuple[SecurityScheme, ...]:
        schemes = (self.document.data.get("components") or {}).get("securitySchemes") or {}
        out = []
        for name, raw in schemes.items():
            _, scheme = self.document.deref(pointer_join("/components/securitySchemes", name), raw)
            if is_bearer(scheme):
                out.append(SecurityScheme(name, "bearer", "Authorization", text(scheme.get("description"))))
        return tuple(out)

    def api(self) -> Api:
        data = self.document.data
        info = data.get("info") or {}
        servers = data.get("servers") or [{}]
        schemas = self.schemas()
        return Api(
            title=text(info.get("title")),
            version=str(info.get("version", "")),
            description=text(info.get("description")) or text(info.get("summary")),
            base_url=str(servers[0].get("url", "")).rstrip("/"),
            config=self.config,
            tags=extensions.attach(self.document, self.tags(), schemas),
            schemas=schemas,
            security=self.security(),
            spec_sha256=self.document.sha256,
            generator_version=__version__,
            webhooks=extensions.webhooks(self.document, schemas),
        )


def build(document: Document, config: PackageConfig | None = None) -> Api:
    """The intermediate representation of a validated ``document``."""
    return Builder(document, config or PackageConfig()).api()
