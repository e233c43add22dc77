"""Problems found in a spec, reported all at once instead of as a traceback.

A :class:`Diagnostic` names one problem: a stable kebab-case ``code`` (listed under
in DIAGNOSTICS.md), a severity, the JSON pointer of the offending element, its
file and line, a message and a hint that says how to fix it. Stages collect diagnostics in
a :class:`Diagnostics` list; errors stop the pipeline with :class:`SpecError` (which
carries the warnings too) before anything is written, warnings alone are printed and
generation goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal

Severity = Literal["error", "warning", "info"]
"""``error`` stops generation; ``warning`` says what was done instead (an error with ``--strict``);
``info`` says how a spec was read when that may surprise (never an error)."""


#: Every diagnostic code: what it means and how to fix it. DIAGNOSTICS.md's table is generated
#: from this (python -m tests.diagnostics_page), and tests/generator/broken_specs/ keeps a spec that
#: triggers each code (both checked by tests/generator/test_diagnostics.py).
CODES: dict[str, tuple[str, str]] = {
    "spec-not-readable": ("The spec file cannot be read.", "Pass the path of an OpenAPI document with --spec."),
    "yaml-syntax": ("The file is not valid YAML or JSON.", "Fix the YAML syntax at the line shown (quote strings that contain ': ' or start with '@', '`', '*', '&')."),
    "spec-not-a-mapping": ("The document is not a mapping.", "An OpenAPI document is a mapping with the keys openapi, info and paths."),
    "swagger-not-converted": ("A Swagger 2.0 document that could not be converted to OpenAPI 3.0: Node.js or swagger2openapi is missing, or the conversion failed.", "Install Node.js and run `npm ci` in the generator's folder, or convert the document by hand with the command the message gives and pass the result with --spec."),
    "duplicate-key": ("A mapping has the same key twice; the last value is used, as JSON parsers do.", "Remove the first one, or merge the two."),
    "unsupported-openapi-version": ("The `openapi` field is not 3.0.x, 3.1.x or 3.2.x.", "Write `openapi: 3.1.0` (or 3.0.3)."),
    "newer-openapi-version": (
        "The document is OpenAPI 3.2, which the validator does not know yet: it is validated and read as 3.1. 3.2's `itemSchema` (a stream's events) is read; its other additions (`query` and `additionalOperations`, `$self`, tag `parent`...) are warned about where they are.",
        "Nothing to do; to silence it, write `openapi: 3.1.1` if the document uses nothing of 3.2.",
    ),
    "openapi-schema": (
        "The document breaks the OpenAPI schema of its version in a way the generator may read wrongly (a finding of a class not known to be harmless: see generator/check/findings.py).",
        "Correct the element at the pointer; the message quotes the rule.",
    ),
    "path-parameter": ("A parameter `in: path` is not a `{name}` of its path: the URL has no place for it, so the method leaves it out.", "Declare each `{name}` of the path as a parameter with `in: path` and `required: true`, and only those."),
    "undeclared-path-parameter": ("A `{name}` of a path that no parameter declares `in: path`; the method takes it as a required string argument.", "Declare it as a parameter with `in: path`, `required: true` and its schema."),
    "unknown-field": ("An object has a field OpenAPI does not allow there (a `title` in an Example object, a `query` method in a path item); the generator ignores it.", "Remove the field, or rename it `x-...` if it is your own extension."),
    "invalid-required": ("A schema's `required` list names a property twice, or names one no branch of its `allOf` declares; each declared property is required once, other names are ignored.", "List each required property once, and only properties the schema declares."),
    "invalid-default": ("A `default` breaks its own schema (wrong type, below its `minimum`, not one of its `enum`); the SDK leaves that default out.", "Give a default the schema accepts, or remove it."),
    "invalid-schema-keyword": ("A limit keyword of a schema (`minimum`, `exclusiveMinimum`, `maxLength`...) has a value its OpenAPI version does not allow, such as the 3.0 form `exclusiveMinimum: true` in a 3.1 document; the SDK checks no limits, so its code is the same.", "In 3.1 write `exclusiveMinimum: <number>` (the bound itself); give limits numbers."),
    "invalid-scopes": ("A security requirement gives its scopes as something other than a list (`oauth2: null`); the SDK applies the scheme all the same, and documents no scopes for it.", "Write the scopes as a list: `oauth2: []` when there are none."),
    "missing-field": ("A field OpenAPI requires is missing where the SDK does not need it (`info.title`, a response's `description`, an operation's `responses`).", "Add the field the message names."),
    "validation-incomplete": ("openapi-spec-validator itself failed on the document (a bug of the validator, often on a value of an unexpected type); what it found before is reported, the rest of the document was not checked against the OpenAPI schema.", "Check the document with another validator; the message quotes the failure (a `minimum` written as a string is a common cause)."),
    "unresolved-ref": ("A `$ref` points at nothing: no such element, or another file that cannot be read.", "Point the `$ref` at an existing element, e.g. `#/components/schemas/Name` or `common.yaml#/components/schemas/Name`."),
    "unresolved-schema-ref": ("A `$ref` inside a schema points at no element of the document; the value it describes is typed `Any`.", "Point the `$ref` at an existing schema (`#/components/schemas/Name`), or add the schema it names."),
    "unresolved-unused-ref": ("A `$ref` inside a callback or a response link points at nothing; the SDK makes no method from callbacks (requests the API sends) and leaves the link out, so generation goes on.", "Point the `$ref` at an existing element, or remove the callback or link."),
    "dropped-text-ref": ("A `description` or `summary` is a `$ref` that leads to no text; it is left out.", "Write the text in place, or point the `$ref` at a string or a Markdown file."),
    "dynamic-ref": (
        "A `$dynamicRef` (or 2019-09 `$recursiveRef`) that does not mean one schema wherever it is used (a generic schema, and a specialisation that refers to it declaring the same `$dynamicAnchor`), that finds no schema, or that stands beside a `$ref`: it is not followed, and the value is typed by the schema's other keywords (`Any` without them).",
        "Where one schema is meant, write `$ref` to it; for a generic schema, give each use its own schema (a `$ref` to the specialisation).",
    ),
    "conditional-properties": (
        "An object declares properties (or requires them) in `then`/`else` or `dependentSchemas`, so only when a condition holds: they become optional fields of its model (a property declared differently by several branches is the union of their types), and the SDK does not check the condition.",
        "Nothing to do if optional fields suit you; to make the SDK say more, declare the properties on the object itself, or write the cases as a `oneOf` of objects.",
    ),
    "schema-relative-ref": (
        "A `$ref` like `#/$defs/Size` finds nothing from the document's root, but does inside a schema that holds it (as if that schema were a document of its own); it is read that way.",
        "Write the full pointer (`#/components/schemas/Shape/$defs/Size`), or give the schema an `$id`, which makes references inside it relative to it.",
    ),
    "map-as-ref": ("A map of names (`properties`, `headers`, `content`...) is written as a lone `$ref` to the map, which OpenAPI does not allow (it would be an entry named `$ref`); the map it points at is used.", "Write the `$ref` on each entry, or make the whole schema a `$ref` to one that holds the properties."),
    "external-ref": ("A `$ref` points at a remote document (a URL), which the generator does not fetch.", "Download the document beside the spec and refer to it by a relative path (`common.yaml#/components/schemas/Pet`)."),
    "missing-operation-id": ("An operation has no operationId; its method is named after the HTTP method and path (`get_pets_pet_id`), which changes when the path does.", "Add `operationId: camelCaseName`; it becomes the method name in snake_case."),
    "duplicate-operation-id": ("Two operations share an operationId; the later one's method gets a `_2` suffix.", "Give every operation its own operationId."),
    "multiple-tags": ("An operation has more than one tag; its method is on the API class of the first tag only (one method, one name: its docs page, raw-response twin, waiter and links stay in one place).", "Nothing to do if the first tag is the API class you want the method on; otherwise put that tag first."),
    "missing-success-response": ("An operation declares no 2xx response; its method returns None.", "Add the success response (200, 201 or 204) with its content."),
    "invalid-name": ("A name has no letters or digits, so its Python name is invented (`field`, `field_2`).", "Rename it so that it contains a letter."),
    "name-collision": ("Two names become the same Python identifier; the later one gets a `_2` suffix (in document order).", "Rename one of them; the message names both."),
    "unsupported-media-type": ("A request body is offered only as XML, which the SDK does not serialise; the method takes the body as raw content (bytes, str or a file).", "Offer `application/json` (or a `+json` type), `multipart/form-data` or `application/x-www-form-urlencoded` as well."),
    "unsupported-security-scheme": ("A security scheme the SDK cannot apply (mutualTLS, an HTTP scheme other than bearer or basic); requests go out without it.", "Use HTTP bearer or basic, an apiKey in a header, the query or a cookie, oauth2 or openIdConnect. For mutualTLS, give the client an `http_client=` whose SSL context holds the client certificate (`httpx.Client(verify=context)`)."),
    "invalid-output": ("A template produced Python that does not parse (a generator bug).", "This is a generator bug: report it with the spec that triggers it."),
    "invalid-extension": ("An `x-waiter`, `x-pagination`, `x-envelope` or `x-webhook-signature` extension, or a link to a waiter, cannot be generated as written.", "Correct it as the message says; the generator's extensions module documents each key."),
    "unsupported-webhook": ("A webhook whose body the SDK cannot parse; `webhooks.parse` leaves it out.", "Give the webhook a POST with an application/json body that is a $ref to a component schema, or a oneOf of such $refs."),
    "internal-error": ("The generator failed on this spec (a generator bug); nothing was written.", "This is a generator bug: report it with the spec that triggers it."),
    "unsupported-schema": ("A schema construct the generator cannot type; the value is typed `Any` (or by its plain type).", "Nothing to do unless you need the type: simplify the schema at the pointer."),
    "relative-server-url": ("The first server's URL is relative (`/api/v3`), so the client has no usable default base URL.", "Write an absolute URL in `servers`, or set `base_url` in the generator config."),
    "invalid-config": ("The generator's config file cannot be read or holds a bad value.", "Fix the key at the line shown; docs/configuration.md lists every key."),
    "invalid-template": ("A template override replaces none of the generator's templates, or Jinja cannot compile or render it.", "Name the file after the template it replaces (the message lists close names) and fix the Jinja at the line shown; docs/customisation.md lists the templates and their context."),
    "unprintable-character": ("A string of the spec holds a control character (NUL, escape, a C1 control) or a lone surrogate; docstrings and docs show a space (U+FFFD for a surrogate) in its place, Python literals keep it escaped, the wire value is unchanged.", "Remove the character, or write what it stands for (a new line in a description is a plain line break)."),
    "unsupported-parameter": ("A parameter given as `content` of a media type other than JSON; the SDK sends its value as plain text.", "Give the parameter a `schema` (with `style`/`explode`), or `content` of `application/json`."),
}


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    pointer: str
    message: str
    hint: str
    file: str = ""
    line: int | None = None

    def format(self) -> str:
        where = self.file or "<spec>"
        if self.line is not None:
            where += f":{self.line}"
        text = f"{where}: {self.severity}[{self.code}] {self.pointer or '/'}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


@dataclass
class Diagnostics:
    """Diagnostics of one run, in the order they were found."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: "Diagnostics | list[Diagnostic]") -> None:
        self.items.extend(diagnostics.items if isinstance(diagnostics, Diagnostics) else diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        """Warnings and infos: everything that does not stop generation."""
        return [d for d in self.items if d.severity != "error"]

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def report(diagnostics: list[Diagnostic], per_code: int | None = None) -> str:
    """The text printed for ``diagnostics``: each formatted, in order; with ``per_code``, at most that many
    warnings (and infos) of one code, then one line per code saying how many more there are; and, with more
    than one warning, a count by code. Errors are always printed, every one."""
    lines: list[str] = []
    warned: dict[str, int] = {}
    for diagnostic in diagnostics:
        if diagnostic.severity != "error":
            warned[diagnostic.code] = warned.get(diagnostic.code, 0) + 1
            if per_code is not None and warned[diagnostic.code] > per_code:
                continue
        lines.append(diagnostic.format())
    if per_code is not None:
        lines += [f"... and {n - per_code} more {code} warning(s); `validate` lists them all" for code, n in warned.items() if n > per_code]
    if sum(warned.values()) > 1:
        by_count = sorted(warned.items(), key=lambda item: (-item[1], item[0]))
        lines.append(f"{sum(warned.values())} warning(s): " + ", ".join(f"{code} {n}" for code, n in by_count))
    return "\n".join(lines)


class SpecError(Exception):
    """The spec has errors; nothing was generated. ``diagnostics`` lists every problem found, warnings too."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__(f"the spec has {len(diagnostics)} problem(s)")


def pointer_join(pointer: str, *parts: object) -> str:
    """Append reference tokens to a JSON pointer, escaping ``~`` and ``/`` (RFC 6901)."""
    for part in parts:
        token = part if type(part) is str else str(part)
        if "~" in token or "/" in token:
            token = token.replace("~", "~0").replace("/", "~1")
        pointer = f"{pointer}/{token}"
    return pointer


def pointer_parts(pointer: str) -> list[str]:
    """Split a JSON pointer (``/a/b~1c``) into its unescaped tokens (``["a", "b/c"]``)."""
    if not pointer:
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.lstrip("/").split("/")]
