"""Markdown for IR objects: table cells, linked types, Python examples.

Registered as Jinja filters (:data:`FILTERS`) for the templates under ``templates/docs``.
"""

from __future__ import annotations

import json
import re

from .ir import Field, Operation, PackageConfig, PyType, Value

FILTERS = ("md_cell", "md_type", "md_example", "md_anchor", "md_notes", "md_json")


def md_cell(text: str) -> str:
    """``text`` on one line, safe inside a markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def md_type(type_: PyType | None, prefix: str = "models/") -> str:
    """The type as markdown, each generated schema linked to its page."""
    if type_ is None:
        return "None"
    text = type_.doc
    for name in sorted(type_.schema_names, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", f"[{name}]({prefix}{name}.md)", text)
    return text.replace("|", "\\|")


def md_anchor(name: str) -> str:
    """The anchor GitHub and MkDocs give a heading."""
    return re.sub(r"[^a-z0-9_-]", "", name.lower().replace(" ", "-"))


def md_notes(field: Field) -> str:
    """Unit, limits, default and example of a field, for a table cell."""
    notes = []
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
    if field.type.kind == "file" or field.type.runtime_names & {"FileInput"}:
        return '[open("sample1.png", "rb"), "sample2.jpg"]' if field.type.kind == "list" else 'open("sample.png", "rb")'
    if field.example is not None:
        return field.example.python
    if field.default is not None:
        return field.default.python
    return {"int": "1", "float": "1.0", "bool": "True"}.get(field.type.name, f'"{field.name}_example"')


def md_example(op: Operation, config: PackageConfig, attribute: str) -> str:
    """A Python example calling ``op`` with its required arguments and examples of the rest."""
    chosen = [f for f in op.arguments if f.required or f.example is not None]
    if op.body and op.body.exactly_one_of:
        skip = {name for group in op.body.exactly_one_of for name in group[1:]}
        chosen = [f for f in chosen if f.name not in skip]
    args = "".join(f"\n    {f.name}={_example_value(f)}," for f in chosen)
    call = f"client.{attribute}.{op.name}({args}\n)" if args else f"client.{attribute}.{op.name}()"
    lines = [f"from {config.package} import {config.client_class}", "", f"client = {config.client_class}()  # reads {config.env_prefix}_API_KEY", ""]
    if op.return_type is None:
        lines.append(call)
    else:
        lines += [f"result = {call}", "print(result)"]
    return "\n".join(lines)
