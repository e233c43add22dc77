"""A JSON document (named openapi.yaml, read as JSON because it starts with ``{``): a byte-order mark,
escaped surrogate pairs (``"\\ud83d\\udc4d"``, which the YAML parser refuses) read as one character,
a key written twice (the last wins, with a warning)."""

from __future__ import annotations

from typing import Any

from tests.generator.cases.harness import Recorder, both

WARNINGS: list[tuple[str, str]] = [("duplicate-key", "/components/schemas/Reaction/properties/note")]


def check(package: Any, generated: Any) -> None:
    model = generated.files["case_json_document/models/reaction.py"]
    assert 'Literal["\U0001f44d", "\U0001f44e"]' in model and "Written twice: the last one is used." in model
    recorder = Recorder(body={"emoji": "\U0001f44e"})
    reaction = both(package, recorder, lambda sdk: sdk.reactions.add_reaction(emoji="\U0001f44d", note="n"))
    assert recorder.last.url.path == "/reactions"
    assert recorder.last_json() == {"emoji": "\U0001f44d", "note": "n"}  # one character on the wire
    assert reaction.emoji == "\U0001f44e"
    assert "Reactions \U0001f44d" in generated.files["README.md"]
