"""The peers' own virtual environment: ``build/bench-peers/.venv``.

The peers (and matplotlib, for the scaling plot) are installed from PyPI at pinned versions into
a virtual environment of their own, never into the project's ``.venv``: their dependencies
must not change what our generator or SDK import.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .paths import BUILD

VENV = BUILD / "bench-peers" / ".venv"
READY = VENV / ".ready"

# Pinned: a measurement is only comparable with another of the same versions.
PINS = {
    "openapi-python-client": "0.29.1",
    "openapi-generator-cli": "7.26.0",
    "datamodel-code-generator": "0.89.0",
    "matplotlib": "3.11.2",
    # What the client OpenAPI Generator writes needs at run time (the others' needs come
    # with the generators themselves: httpx, attrs, python-dateutil, pydantic).
    "urllib3": "2.8.0",
}


def bin_path(name: str) -> Path:
    """The path of an executable installed into the peers' environment."""
    return VENV / "bin" / name


def python() -> Path:
    return bin_path("python")


def ensure(log=print) -> bool:
    """Create the peers' environment and install :data:`PINS` (once; a marker file records it).

    Returns False (after logging why) when the install fails; the harness then reports the
    peers as unavailable instead of stopping.
    """
    wanted = "\n".join(f"{name}=={version}" for name, version in sorted(PINS.items()))
    if READY.exists() and READY.read_text() == wanted:
        return True
    log(f"installing the peers into {VENV.relative_to(BUILD.parent)} ...")
    try:
        if not python().exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        done = subprocess.run(
            [str(python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wanted.split("\n")],
            capture_output=True,
            text=True,
        )
    except OSError as exc:
        log(f"could not install the peers: {exc}")
        return False
    if done.returncode != 0:
        log(f"could not install the peers (pip exit {done.returncode}):\n{done.stderr[-2000:]}")
        return False
    READY.write_text(wanted)
    return True


def installed_versions() -> dict[str, str]:
    """``{distribution: version}`` of the pinned packages as installed in the peers' venv."""
    if not python().exists():
        return {}
    code = (
        "import importlib.metadata as m, json, sys\n"
        "out = {}\n"
        "for name in sys.argv[1:]:\n"
        "    try: out[name] = m.version(name)\n"
        "    except m.PackageNotFoundError: pass\n"
        "print(json.dumps(out))\n"
    )
    import json

    done = subprocess.run([str(python()), "-c", code, *PINS], capture_output=True, text=True)
    return json.loads(done.stdout) if done.returncode == 0 else {}
