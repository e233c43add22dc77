"""Markdown for IR objects: table cells, linked types, Python examples.

Registered as Jinja filters (:data:`FILTERS`) for the templates under ``templates/docs``.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from generator.ir import Api, BodyFormat, Field, Operation, PyType, SecurityScheme, Value
from generator.render.type_annotations import doc_type
from generator.render.wire import security_sentence

FILTERS = ("reads_credentials", "md_cell", "md_type", "md_example", "md_wait_example", "md_iter_example", "md_pages_example", "md_anchor", "md_notes", "md_json", "md_wire_type", "md_security", "http_request", "form_encoding")

#: JSON Schema type names of the Python types the generator maps them to.
_WIRE_NAMES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "DateTime": "string (date-time)", "date": "string (date)", "bytes": "binary", "UploadContent": "binary"}


#: A whole word of a type's text: a schema's class name is replaced only where it is one.
_WORD = re.compile(r"\w+")


def md_cell(text: str) -> str:
    """``text`` on one line, safe inside a markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def md_type(type_: PyType | None, prefix: str = "models/") -> str:
    """The type as markdown, each generated schema linked to its page."""
    if type_ is None:
        return "None"
    names = set(type_.schema_names)
    text = doc_type(type_)
    text = _WORD.sub(lambda word: f"[{word[0]}]({prefix}{word[0]}.md)" if word[0] in names else word[0], text) if names else text
    return text.replace("|", "\\|")


def md_anchor(name: str) -> str:
    """The anchor GitHub and MkDocs give a heading."""
    return re.sub(r"[^a-z0-9_-]", "", name.lower().replace(" ", "-"))


def md_notes(field: Field) -> str:
    """Unit, limits, default and example of a field, for a table cell."""
    notes = ["**deprecated**: giving it warns"] if field.deprecated else []
    if field.unit:
        notes.append(f"in {field.unit}")
    notes += list(field.constraints)
    if field.default is not None:
        notes.append(f"default `{field.default.text}`")
    if field.example is not None:
        notes.append(f"example `{field.example.text}`")
    return md_cell("; ".join(notes)) or "-"


def md_json(value: Value) -> str:
    """A spec literal as indented JSON, for a code block."""
    return json.dumps(value.value, indent=2, ensure_ascii=False)


def _example_value(field: Field) -> str:
    if field.location == "content":
        return 'open("upload.bin", "rb")'
    if field.type.kind == "file" or field.type.runtime_names & {"FileInput"}:
        return '[open("sample1.png", "rb"), "sample2.jpg"]' if field.type.kind == "list" else 'open("sample.png", "rb")'
    if field.example is not None:
        return field.example.python
    if field.default is not None:
        return field.default.python
    return {"int": "1", "float": "1.0", "bool": "True"}.get(field.type.name, f'"{field.name}_example"')


def _call(op: Operation, attribute: str, method: str, skip: frozenset[str] = frozenset(), extra: tuple[str, ...] = ()) -> str:
    """``client.<attribute>.<method>(...)`` with ``op``'s required arguments, examples of the rest, and ``extra``."""
    chosen = [f for f in op.arguments if (f.required or f.example is not None) and f.name not in skip]
    if op.body and op.body.exactly_one_of:
        dropped = {name for group in op.body.exactly_one_of for name in group[1:]}
        chosen = [f for f in chosen if f.name not in dropped]
    args = "".join(f"\n    {f.name}={_example_value(f)}," for f in chosen) + "".join(f"\n    {e}," for e in extra)
    return f"client.{attribute}.{method}({args}\n)" if args else f"client.{attribute}.{method}()"


def _header(api: Api, *names: str) -> list[str]:
    config = api.config
    imported = ", ".join((config.client_class, *names))
    reads = reads_credentials(api)
    return [f"from {config.package} import {imported}", "", f"client = {config.client_class}(){'  # reads ' + reads if reads else ''}", ""]


def reads_credentials(api: Api) -> str:
    """The environment variables a client made without arguments takes its credentials from,
    for the examples' ``client = Client()  # reads ...`` ("" when the spec declares no scheme the SDK applies)."""
    first = api.default_security[0] if api.default_security else ()
    schemes = [api.scheme(name) for name in first] or list(api.security[:1])
    return " and ".join(" and ".join(s.env) if s.kind == "basic" else s.env[0] for s in schemes)


def md_example(op: Operation, api: Api, attribute: str) -> str:
    """A Python example calling ``op`` with its required arguments and examples of the rest."""
    call = _call(op, attribute, op.name)
    lines = _header(api)
    if op.return_type is None:
        lines.append(call)
    elif op.success.is_download:
        lines += [f"content = {call}", 'with open("download.bin", "wb") as file:', "    file.write(content)"]
    else:
        lines += [f"result = {call}", "print(result)"]
    return "\n".join(lines)


def md_wait_example(op: Operation, api: Api, attribute: str) -> str:
    """An example of ``op``'s ``_and_wait`` when it has one, else of its waiter, handling both wait errors."""
    waiter = op.and_wait.target.waiter if op.and_wait else op.waiter
    assert waiter is not None
    method = op.and_wait.name if op.and_wait else waiter.name
    body = [f"result = {_call(op, attribute, method, extra=('on_update=lambda job: print(job.id)',))}", "print(result)"]
    if not waiter.failure:
        return "\n".join(_header(api, "WaitTimeoutError") + ["try:", *_indented(body), *_TIMED_OUT])
    return "\n".join(
        _header(api, "JobFailedError", "WaitTimeoutError")
        + ["try:", *_indented(body), "except JobFailedError as error:", '    print("failed:", error.entity)', *_TIMED_OUT]
    )


_TIMED_OUT = ["except WaitTimeoutError as error:", '    print("still", error.state, "- try again later")']


def _indented(lines: list[str]) -> list[str]:
    return ["    " + line for text in lines for line in text.split("\n")]


def md_iter_example(op: Operation, api: Api, attribute: str) -> str:
    """An example of ``op``'s list iterator."""
    paging = op.pagination
    assert paging is not None
    call = _call(op, attribute, paging.name, frozenset({paging.page_argument, paging.size_argument}))
    return "\n".join(_header(api) + [f"for item in {call}:", "    print(item)"])


def md_pages_example(op: Operation, api: Api, attribute: str) -> str:
    """An example of ``op``'s page getter: the first page, then page after page."""
    paging = op.pagination
    assert paging is not None
    call = _call(op, attribute, paging.pages_name, frozenset({paging.page_argument, paging.size_argument}))
    return "\n".join(
        _header(api)
        + [f"first = {call}", "print(len(first.items), first.has_next_page())", "for page in first.iter_pages():", "    for item in page.items:", "        print(item)"]
    )


def md_security(op: Operation, api: Api) -> str:
    """The security an operation needs, as a markdown sentence."""
    return "Security: " + security_sentence(op, api.security, "`")


def md_wire_type(type_: PyType | None, prefix: str = "models/") -> str:
    """The type as it travels on the wire (JSON Schema names: ``string``, ``array of integer``),
    each generated schema linked to its page; for the HTTP section of the docs."""
    if type_ is None:
        return "-"
    return _wire(type_, prefix).replace("|", "\\|")


def _wire(type_: PyType, prefix: str) -> str:
    if type_.kind == "list":
        text = f"array of {_wire(type_.args[0], prefix)}"
    elif type_.kind == "tuple":
        text = f"array of [{', '.join(_wire(a, prefix) for a in type_.args)}]"
    elif type_.kind == "dict":
        text = f"object of {_wire(type_.args[0], prefix)}"
    elif type_.kind == "union":
        text = " or ".join(_wire(a, prefix) for a in type_.args)
    elif type_.kind == "any":
        return "any JSON"
    elif type_.kind == "file":
        text = "binary (a file part)"
    elif type_.kind == "primitive":
        text = "string" if type_.name.startswith("Literal[") else _WIRE_NAMES.get(type_.name, type_.name)
    else:
        text = f"[{type_.name}]({prefix}{type_.name}.md)"
    return text + " or null" if type_.nullable else text


def http_request(op: Operation, api: Api) -> str:
    """The head of ``op``'s HTTP request (request line and headers), for an ``http`` code block.

    The request line carries the base URL's path and a query string naming every query
    parameter; credentials (of the first alternative of the operation's security) are shown
    as the environment variable that holds them (``$<PREFIX>_API_KEY``), never a real value.
    """
    base = urlsplit(api.base_url)
    schemes = {s.name: s for s in api.security}
    chosen = [schemes[name] for name in (op.security[0] if op.security else ()) if name in schemes]
    lines = [f"{op.method} {_request_target(op, base.path, chosen)} HTTP/1.1"]
    lines += [f"Host: {base.netloc}"] if base.netloc else []
    lines += [line for scheme in chosen for line in _credential_header(scheme)]
    lines += [f"{param.wire_name}: {{{param.wire_name}}}" for param in op.header_params]
    cookies = [f"{s.wire_name}=${s.env[0]}" for s in chosen if s.location == "cookie"] + [f"{p.wire_name}={{{p.wire_name}}}" for p in op.cookie_params]
    lines += ["Cookie: " + "; ".join(cookies)] if cookies else []
    lines += _content_type(op)
    lines.append(f"Accept: {op.accept or 'application/json'}")
    return "\n".join(lines)


def _request_target(op: Operation, base_path: str, chosen: list[SecurityScheme]) -> str:
    """The path and query string of the request line: every query parameter, then API keys sent in the query."""
    target = base_path.rstrip("/") + op.path
    query = [f"{p.wire_name}={{{p.wire_name}}}" for p in op.query_params]
    query += [f"{s.wire_name}=${s.env[0]}" for s in chosen if s.kind == "apiKey" and s.location == "query"]
    return target + "?" + "&".join(query) if query else target


def _credential_header(scheme: SecurityScheme) -> list[str]:
    """The header that carries ``scheme``'s credential, as the environment variable holding it."""
    if scheme.bearer:
        return [f"Authorization: Bearer ${scheme.env[0]}"]
    if scheme.kind == "basic":
        return [f"Authorization: Basic base64(${scheme.env[0]}:${scheme.env[1]})"]
    return [f"{scheme.wire_name}: ${scheme.env[0]}"] if scheme.location == "header" else []


def _content_type(op: Operation) -> list[str]:
    """The ``Content-Type`` header of ``op``'s request body (none without one)."""
    if op.body is None:
        return []
    content_type = " | ".join(op.body.content_types) if op.body.format is BodyFormat.RAW else op.body.content_type
    return [f"Content-Type: {content_type}" + ("; boundary=..." if op.body.format is BodyFormat.MULTIPART else "")]


#: How docs describe each form ``encoding`` style.
_STYLES = {
    "deepObject": "`deepObject`: an object as `name[key]=value`, an array as `name[0]=value`, nested the same way",
    "form": "`form` without explode: `name=a,b`",
    "spaceDelimited": "`spaceDelimited`: `name=a%20b`",
    "pipeDelimited": "`pipeDelimited`: `name=a|b`",
    "json": "JSON text",
}


def form_encoding(op: Operation) -> str:
    """How a form body's properties are written, for the HTTP section of the docs."""
    assert op.body is not None
    groups: dict[str, list[str]] = {}
    for name, style, _explode in op.body.encodings:
        groups.setdefault(style, []).append(f"`{name}`")
    parts = [f"{', '.join(names)} as {_STYLES.get(style, f'`{style}`')}" for style, names in groups.items()]
    default = "the rest as `form`: `name=value`, an array repeats its name, an object's properties are fields of their own" if parts else "every property as `form`: `name=value`, an array repeats its name, an object's properties are fields of their own"
    return "; ".join(parts + [default]) + ". `True`/`False` are sent as `true`/`false`; arguments left out are not sent."
