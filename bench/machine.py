"""What the report says of the machine and the run: the CPU, the load average, the versions of every tool measured."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess
from pathlib import Path

from . import peers
from .paths import OUR_PYTHON


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def versions(with_peers: bool) -> str:
    ours = subprocess.run(
        [str(OUR_PYTHON), "-c", "import generator; print(generator.__version__)"], capture_output=True, text=True
    ).stdout.strip()
    parts = [f"our generator {ours or '?'}"]
    for name in ("black", "jinja2", "openapi-spec-validator", "pyyaml", "httpx", "pydantic"):
        try:
            parts.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            pass
    if with_peers:
        installed = peers.installed_versions()
        parts += [f"{name} {version}" for name, version in installed.items() if name != "urllib3"]
        java = subprocess.run(["java", "-version"], capture_output=True, text=True)
        line = (java.stderr or java.stdout).splitlines()[0] if java.returncode == 0 else "java unavailable"
        parts.append(line.replace('"', ""))
    return ", ".join(parts)


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())
