"""The generated SDK's tests on every Python it claims (``make test-pythons``, run by CI).

The SDK says ``requires-python = ">=3.10"``; ``make test`` runs on the project's own Python
(3.11). Here each of 3.10, 3.11, 3.12 and 3.13 gets a fresh virtual environment with
``generated/leap`` installed from its folder (as users install it: ``pip install`` resolving
its own httpx and pydantic requirements on that Python), the test tools at the versions
``pyproject.toml`` pins, and the generator (the tests' shared fixtures import it). Then the
SDK's runtime and contract tests, its surface and lazy-loading tests run against it.

An interpreter that is missing is an error, not a skip: a claim nobody checked is not kept.
``make test-pythons`` puts pyenv's interpreters on ``PATH`` first.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).parent
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
#: The SDK tests that need no Node, browser or generation: they run on every Python.
SDK_TESTS = [
    "tests/sdk/runtime",
    "tests/sdk/contract",
    "tests/sdk/test_surface.py",
    "tests/sdk/test_lazy_loading.py",
]
#: What those tests import besides the SDK (pins come from pyproject.toml's ``dev`` extra).
TEST_TOOLS = ("pytest", "pytest-asyncio", "respx", "hypothesis", "openapi-core")

nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["sdk"]


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~ ;\[]", requirement, maxsplit=1)[0].lower()


def _pinned(names: tuple[str, ...]) -> list[str]:
    """The ``dev`` extra's requirement strings for ``names``, so the pins live in one place.

    A tool pinned once per Python version (two strings with environment markers) gives both;
    pip installs the one whose marker matches the session's Python.
    """
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]["dev"]
    chosen = [requirement for requirement in extra if _name(requirement) in names]
    missing = sorted(set(names) - {_name(requirement) for requirement in chosen})
    if missing:
        raise RuntimeError(f"pyproject.toml's dev extra pins none of {missing}")
    return chosen


@nox.session(python=PYTHONS, venv_backend="venv")
def sdk(session: nox.Session) -> None:
    """Install the generated SDK on this Python and run its tests."""
    session.install("--disable-pip-version-check", "--quiet", "./generated/leap")
    session.install("--disable-pip-version-check", "--quiet", *_pinned(TEST_TOOLS), ".")
    session.run("python", "-c", "import leap, sys; print('leap', leap.__version__, 'on', sys.version.split()[0])")
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *SDK_TESTS, *session.posargs)
