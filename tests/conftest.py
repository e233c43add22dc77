"""Shared fixtures: the repository root, the spec, and the committed SDK on ``sys.path``.

Tests import the SDK from ``generated/leap`` (what users install), not from an installed
copy, so they always check the committed output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "spec" / "openapi.yaml"
GENERATED = ROOT / "generated" / "leap"

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))


def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()


@pytest.fixture(scope="session", autouse=True)
def generator_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generator's cache of this test session (not the one of the working copy); subprocesses inherit it."""
    import os

    from generator.cache import ENV_DIR

    folder = tmp_path_factory.mktemp("generator-cache")
    os.environ[ENV_DIR] = str(folder)
    return folder


@pytest.fixture(scope="session", autouse=True)
def validator_warm() -> None:
    """openapi-spec-validator imported once per test process: every generation forks the validator from
    this process, and without it each fork imports it again (test-fast's CPU: about 40 s of 150)."""
    from generator.check.validate import warm

    warm()
