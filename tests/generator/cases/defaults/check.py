"""Defaults: of model fields (a response that leaves a field out reads it) and of arguments (sent)."""

from __future__ import annotations

import inspect
from typing import Any

from tests.generator.cases.harness import Recorder, both, client, spec_arguments

WARNINGS: list[tuple[str, str]] = []

DEFAULTS = {"retries": 3, "ratio": 0.5, "label": 'it\'s "quoted"', "enabled": True, "mode": "safe", "tags": ["a", "b"], "parent": None, "limits": {"calls": 10}, "checked": None}


def check(package: Any, generated: Any) -> None:
    settings = package.models.Settings
    assert {name: field.default for name, field in settings.model_fields.items() if name != "name"} == {**DEFAULTS, "windows": None}
    # A list of objects is no list of Window models: that default is left out (the API applies its own).
    assert "windows: list[Window] | None = None" in generated.files["case_defaults/models/settings.py"]
    assert settings(name="x").tags is not settings(name="y").tags, "a list default is not shared between models"
    daemon = package.models.Daemon.model_fields  # a model (in a map or list) cannot be a literal default; empty or plain ones stay
    assert {name: daemon[name].get_default(call_default_factory=True) for name in daemon} == {"runtimes": None, "fallbacks": None, "extra": [], "labels": {"team": ["a"]}}

    # A response that leaves every optional field out reads the spec's defaults.
    recorder = Recorder(body={"name": "s"})
    stored = both(package, recorder, lambda sdk: sdk.settings.put_settings(name="s"))
    assert stored.to_dict() == {"name": "s"} and {name: getattr(stored, name) for name in DEFAULTS} == DEFAULTS
    # A request that leaves them out sends the defaults (null is left out: the field is optional); so does the query parameter.
    wire = {"retries": 3, "ratio": 0.5, "label": 'it\'s "quoted"', "enabled": True, "mode": "safe", "tags": ["a", "b"], "limits": {"calls": 10}}
    assert recorder.last_json() == {"name": "s", **wire} and recorder.last.url.query == b"dryRun=false&fields=id&fields=name"

    # Values given replace the defaults both ways.
    changed = {"name": "s", "retries": 0, "ratio": 2.0, "label": "", "enabled": False, "mode": "fast", "tags": [], "parent": "p", "limits": {}}
    recorder = Recorder(body=changed)
    stored = both(package, recorder, lambda sdk: sdk.settings.put_settings(**changed, dry_run=True, fields=["id"]))
    assert recorder.last_json() == changed and recorder.last.url.query == b"dryRun=true&fields=id"
    assert stored.to_dict() == changed and stored.retries == 0 and stored.enabled is False and stored.tags == []

    # A list or dict default is None in the signature (no object shared by every call), the
    # spec's default applied at call time, and the docstring gives it.
    method = package.Client(api_key="k").settings.put_settings
    defaults = {name: inspect.signature(method).parameters[name].default for name in spec_arguments(method)[1:]}
    assert defaults == {**DEFAULTS, "tags": None, "limits": None, "windows": None, "dry_run": False, "fields": None, "since": None}
    doc = " ".join((method.__doc__ or "").split())
    assert 'Default: ``["a", "b"]``. ``None`` sends it too' in doc and 'Default: ``{"calls": 10}``' in doc and 'Default: ``["id", "name"]``' in doc
    # What a call used or returned, changed, does not change the next call's defaults.
    recorder = Recorder(body={"name": "s"})
    sdk = client(package, recorder)
    first = sdk.settings.put_settings(name="s")
    first.tags.append("mutated")
    first.limits["calls"] = 0
    given = ["x"]
    sdk.settings.put_settings(name="s", tags=given, fields=given)
    given.append("y")
    both(package, recorder, lambda sdk: sdk.settings.put_settings(name="s"))
    assert recorder.last_json() == {"name": "s", **wire} and recorder.last.url.query == b"dryRun=false&fields=id&fields=name"
    assert both(package, recorder, lambda sdk: sdk.settings.put_settings(name="s", tags=None, limits=None)).tags == ["a", "b"]
    assert recorder.last_json() == {"name": "s", **wire}, "None gives the default"
