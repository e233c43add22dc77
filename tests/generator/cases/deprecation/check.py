"""Deprecation: a deprecated operation warns when called, a deprecated parameter or body field
when given, a deprecated model property when read; nothing else warns."""

from __future__ import annotations

import warnings
from typing import Any

from tests.generator.cases.harness import Recorder, both

WARNINGS: list[tuple[str, str]] = []


def _warned(call: Any) -> tuple[Any, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]


def check(package: Any, generated: Any) -> None:
    # The deprecated operation warns on both clients; the warning names it.
    recorder = Recorder(body=[{"id": "t1"}])
    things, messages = _warned(lambda: both(package, recorder, lambda sdk: sdk.things.list_things()))
    assert [t.id for t in things] == ["t1"]
    assert messages == ["operation listThings is deprecated in the API's spec"] * 2, messages

    # An operation that is not deprecated, called without its deprecated arguments: no warning.
    recorder = Recorder(body={"id": "t2"})
    thing, messages = _warned(lambda: both(package, recorder, lambda sdk: sdk.things.create_thing(name="n")))
    assert messages == [] and recorder.last_json() == {"name": "n"}

    # A deprecated query parameter and a deprecated body field warn when given, and are still sent.
    _, messages = _warned(lambda: both(package, recorder, lambda sdk: sdk.things.create_thing(name="n", legacy_mode="on", colour="red")))
    assert sorted(set(messages)) == ["argument colour of create_thing is deprecated in the API's spec", "argument legacy_mode of create_thing is deprecated in the API's spec"]
    assert len(messages) == 4, "once per argument per call, on both clients"
    assert recorder.last.url.params["legacyMode"] == "on" and recorder.last_json() == {"name": "n", "colour": "red"}

    # A deprecated model property warns when read, not when the model is parsed or dumped.
    recorder = Recorder(body={"id": "t3", "oldName": "x"})
    thing, messages = _warned(lambda: both(package, recorder, lambda sdk: sdk.things.create_thing(name="n")))
    assert messages == []
    assert thing.to_dict() == {"id": "t3", "oldName": "x"}
    old, messages = _warned(lambda: thing.old_name)
    assert old == "x" and len(messages) == 1 and "deprecated" in messages[0]

    # The docstrings say so.
    client = package.Client(api_key="k")
    assert "Deprecated: the spec marks this operation as deprecated" in " ".join((client.things.list_things.__doc__ or "").split())
    doc = " ".join((client.things.create_thing.__doc__ or "").split())
    assert "legacy_mode: Query parameter ``legacyMode``. Deprecated" in doc or "Deprecated: the spec marks it so" in doc
    page = next(text for path, text in generated.texts.items() if path.startswith("docs/") and "## create_thing" in text)
    assert page.count('!!! warning "Deprecated"') == 1, "the deprecated operation, and only it, is marked"
    assert "**deprecated**: giving it warns" in page, "the deprecated argument is marked in its table"
