"""Spec strings with characters no generated file may hold raw (NUL, other controls, lone
surrogates): generation goes on, literals keep them escaped, docs and docstrings drop them, and an
``unprintable-character`` warning names each string. The ``hostile`` case folder does it end to
end; a lone surrogate, which YAML files cannot hold, is put into a loaded document here."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.builder import build_with_warnings
from generator.format.formatter import format_files
from generator.read.loader import load
from generator.render.docstring_text import printable
from generator.render.output import render
from tests.generator.corpus.report import uncompilable
from generator.write import write_tree

SPEC = """\
openapi: 3.1.0
info:
  title: Controls
  version: "1"
paths:
  /things:
    get:
      operationId: listThings
      tags: [things]
      description: placeholder
      parameters:
        - name: kind
          in: query
          schema:
            $ref: "#/components/schemas/Kind"
      responses:
        "204":
          description: Nothing.
components:
  schemas:
    Kind:
      type: string
      description: placeholder
      enum: [placeholder]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a\x00b", "a b"), ("tab\tand\nnewline", "tab\tand\nnewline"), ("lone \ud800", "lone \ufffd"), ("\x1b[31m\x85\u2028", " [31m  "), ("plain", "plain")],
)
def test_printable_replaces_what_no_file_may_hold(text: str, expected: str) -> None:
    assert printable(text) == expected
    assert printable(7) == 7


def test_a_lone_surrogate_and_a_nul_give_files_that_encode_and_compile(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    document = load(spec)
    operation = document.data["paths"]["/things"]["get"]
    operation["description"] = "Lists \ud83d things \x00 here"
    document.data["components"]["schemas"]["Kind"]["enum"] = ["a\x00", "b\udc00"]
    api, warnings = build_with_warnings(document)
    assert [(w.code, w.pointer) for w in warnings] == [
        ("unprintable-character", "/paths/~1things/get/description"),
        ("unprintable-character", "/components/schemas/Kind/enum/0"),
        ("unprintable-character", "/components/schemas/Kind/enum/1"),
    ]
    assert "U+D83D" in warnings[0].message and "U+0000" in warnings[0].message
    files = format_files(render(api))
    write_tree(files, tmp_path / "out")  # every file encodes as UTF-8
    assert uncompilable(tmp_path / "out") == []
    model = files["leap/models/kind.py"]
    assert "Literal[\"a\\x00\", \"b\\udc00\"]" in model, "the enum values stay exact, escaped"
    assert files["leap/resources/things.py"].count("        Lists \ufffd things here\n") == 2, "in the blocking and the asyncio method's docstring"
