"""Import time: whole-process wall time of fresh interpreters, median over runs.

Each snippet runs as ``python -c SNIPPET`` in a new process, rounds interleaved (every
snippet once per round). The floor is ``import httpx, pydantic`` (what any SDK built on them
pays) and ``python -c pass`` (the interpreter alone). ``-X importtime`` gives, for the SDK
snippets, how much of the time the package's own import took (its cumulative microseconds).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import peers
from .measure import first_problem, median, run
from .paths import BUILD, OUR_PYTHON, ROOT

GENERATED = ROOT / "generated" / "leap"


@dataclass(frozen=True)
class Snippet:
    label: str
    code: str
    python: Path
    pythonpath: Path | None = None
    module: str | None = None  # whose cumulative -X importtime to report
    floor: str | None = None  # the label of the floor it is compared with


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    self_import_us: list[int] = field(default_factory=list)
    failure: str | None = None

    @property
    def median(self) -> float | None:
        return median(self.seconds)

    @property
    def import_ms(self) -> float | None:
        value = median([float(v) for v in self.self_import_us])
        return None if value is None else value / 1000


FLOOR = "import httpx, pydantic"
PEER_FLOOR = "import httpx, pydantic (peers' venv)"


def snippets(
    opc_leap: tuple[Path, str] | None, ours_stripe: Path | None, opc_stripe: tuple[Path, str] | None
) -> list[Snippet]:
    found = [
        Snippet("python -c pass", "pass", OUR_PYTHON),
        Snippet(FLOOR, "import httpx, pydantic", OUR_PYTHON),
        Snippet(
            "import leap; leap.Leap(api_key='k')",
            "import leap; leap.Leap(api_key='k')",
            OUR_PYTHON,
            GENERATED,
            "leap",
            FLOOR,
        ),
    ]
    if ours_stripe is not None:
        code = (
            "import leap, leap._client as c\n"
            "name = next(n for n in c.__all__ if not n.startswith('Async'))\n"
            "getattr(leap, name)(api_key='k')\n"
        )
        found.append(Snippet("ours from Stripe: import + client", code, OUR_PYTHON, ours_stripe, "leap", FLOOR))
    if opc_leap is not None or opc_stripe is not None:
        found.append(Snippet(PEER_FLOOR, "import httpx, pydantic", peers.python()))
    if opc_leap is not None:
        folder, module = opc_leap
        code = f"import {module}; from {module}.api.images import find_one; {module}.AuthenticatedClient(base_url='http://x', token='k')"
        found.append(
            Snippet(
                "openapi-python-client, Leap: import + one endpoint + client",
                code,
                peers.python(),
                folder,
                module,
                PEER_FLOOR,
            )
        )
    if opc_stripe is not None:
        folder, module = opc_stripe
        endpoint = _first_endpoint(folder / module)
        if endpoint:
            code = f"import {module}; import {module}.{endpoint}; {module}.AuthenticatedClient(base_url='http://x', token='k')"
            found.append(
                Snippet(
                    "openapi-python-client, Stripe: import + one endpoint + client",
                    code,
                    peers.python(),
                    folder,
                    module,
                    PEER_FLOOR,
                )
            )
    return found


def _first_endpoint(package: Path) -> str | None:
    api = package / "api"
    if not api.is_dir():
        return None
    for module in sorted(api.rglob("*.py")):
        if module.name != "__init__.py":
            return ".".join(module.relative_to(package).with_suffix("").parts)
    return None


_IMPORTTIME = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)$", re.MULTILINE)


def _cumulative_us(stderr: str, module: str) -> int | None:
    """The package's import time: its top-level entries summed (``pkg``, then any submodule
    imported later on its own, such as an endpoint module or a lazily loaded model)."""
    found = [
        int(cumulative)
        for cumulative, indent, name in _IMPORTTIME.findall(stderr)
        if indent == "" and (name == module or name.startswith(module + "."))
    ]
    return sum(found) if found else None


def measure(targets: list[Snippet], runs: int, log=print) -> dict[str, Timing]:
    results = {snippet.label: Timing() for snippet in targets}
    for round_no in range(runs):
        for snippet in targets:
            timing = results[snippet.label]
            if timing.failure is not None:
                continue
            env = dict(os.environ)
            env.pop("PYTHONPATH", None)
            if snippet.pythonpath is not None:
                env["PYTHONPATH"] = str(snippet.pythonpath)
            plain = run([str(snippet.python), "-c", snippet.code], cwd=BUILD, env=env, timeout=300)
            if not plain.ok:
                timing.failure = first_problem(plain)
                log(f"  import {snippet.label}: failed: {timing.failure}")
                continue
            timing.seconds.append(plain.seconds)
            if snippet.module:
                traced = run(
                    [str(snippet.python), "-X", "importtime", "-c", snippet.code], cwd=BUILD, env=env, timeout=300
                )
                value = _cumulative_us(traced.stderr, snippet.module)
                if value is not None:
                    timing.self_import_us.append(value)
        if round_no == 0:
            for snippet in targets:
                timing = results[snippet.label]
                if timing.seconds:
                    log(f"  import {snippet.label}: {timing.seconds[0]:.3f} s (first round)")
    return results
