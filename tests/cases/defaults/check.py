"""Defaults: of model fields (a response that leaves a field out reads it) and of arguments (sent)."""

from __future__ import annotations

import inspect
from typing import Any

from tests.cases.harness import Recorder, both, spec_arguments

WARNINGS: list[tuple[str, str]] = []

DEFAULTS = {"retries": 3, "ratio": 0.5, "label": 'it\'s "quoted"', "enabled": True, "mode": "safe", "tags": ["a", "b"], "parent": None}


def check(package: Any, generated: Any) -> None:
    settings = package.models.Settings
    assert {name: field.default for name, field in settings.model_fields.items() if name != "name"} == DEFAULTS
    assert settings(name="x").tags is not settings(name="y").tags, "a list default is not shared between models"

    # A response that leaves every optional field out reads the spec's defaults.
    recorder = Recorder(body={"name": "s"})
    stored = both(package, recorder, lambda sdk: sdk.settings.put_settings(name="s"))
    assert stored.to_dict() == {"name": "s"} and {name: getattr(stored, name) for name in DEFAULTS} == DEFAULTS
    # A request that leaves them out sends the defaults (null is left out: the field is optional); so does the query parameter.
    wire = {"retries": 3, "ratio": 0.5, "label": 'it\'s "quoted"', "enabled": True, "mode": "safe", "tags": ["a", "b"]}
    assert recorder.last_json() == {"name": "s", **wire} and dict(recorder.last.url.params) == {"dryRun": "false"}

    # Values given replace the defaults both ways.
    changed = {"name": "s", "retries": 0, "ratio": 2.0, "label": "", "enabled": False, "mode": "fast", "tags": [], "parent": "p"}
    recorder = Recorder(body=changed)
    stored = both(package, recorder, lambda sdk: sdk.settings.put_settings(**changed, dry_run=True))
    assert recorder.last_json() == changed and dict(recorder.last.url.params) == {"dryRun": "true"}
    assert stored.to_dict() == changed and stored.retries == 0 and stored.enabled is False and stored.tags == []

    method = package.Client(api_key="k").settings.put_settings
    defaults = {name: inspect.signature(method).parameters[name].default for name in spec_arguments(method)[1:]}
    assert defaults == {**DEFAULTS, "dry_run": False}
