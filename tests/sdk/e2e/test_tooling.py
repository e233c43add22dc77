"""The Prism install the end-to-end suite relies on: pinned, from the npm registry, and what runs."""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

from tests.conftest import ROOT

from .conftest import PRISM

REGISTRY = "https://registry.npmjs.org/"


def _json(name: str) -> Any:
    return json.loads((ROOT / name).read_text(encoding="utf-8"))


def test_prism_is_pinned_to_one_exact_version() -> None:
    wanted = _json("package.json")["devDependencies"]["@stoplight/prism-cli"]
    assert re.fullmatch(r"5\.\d+\.\d+", wanted), f"pin an exact 5.x version, not {wanted!r}"
    locked = _json("package-lock.json")["packages"]
    assert locked[""]["devDependencies"]["@stoplight/prism-cli"] == wanted
    assert locked["node_modules/@stoplight/prism-cli"]["version"] == wanted


def test_lockfile_resolves_only_from_the_npm_registry() -> None:
    """Every locked package has an integrity hash, and a recorded ``resolved`` URL (if any) is the registry's."""
    for path, package in _json("package-lock.json")["packages"].items():
        if not path:
            continue
        assert package.get("integrity", "").startswith("sha512-"), path
        resolved = package.get("resolved")
        assert resolved is None or resolved.startswith(REGISTRY), f"{path}: {resolved}"


def test_the_installed_prism_is_the_pinned_one() -> None:
    """``npm ci`` installed what the lockfile says (a stale node_modules/ fails here)."""
    wanted = _json("package.json")["devDependencies"]["@stoplight/prism-cli"]
    installed = json.loads((ROOT / "node_modules/@stoplight/prism-cli/package.json").read_text(encoding="utf-8"))
    assert installed["version"] == wanted
    version = subprocess.run([str(PRISM), "--version"], capture_output=True, text=True, timeout=60, check=True)
    assert version.stdout.strip() == wanted
