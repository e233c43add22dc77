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
STRIPE_CLIENT = "ours from Stripe: import + client"
STRIPE_CALL = "ours from Stripe: import + client + one call (customers.delete_customers_customer)"
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
        package, client = _package_and_client(ours_stripe)
        code = f"import {package}; {package}.{client}(api_key='k')"
        found.append(Snippet(STRIPE_CLIENT, code, OUR_PYTHON, ours_stripe, package, FLOOR))
        # One operation, answered by httpx's mock transport (no server, no TLS set-up): what a
        # program pays to import the SDK and make its first call, minus the network.
        answer = "{'id': 'cus_1', 'object': 'customer', 'deleted': True}"
        code = (
            f"import httpx, {package}\n"
            f"client = {package}.{client}(api_key='k', http_client=httpx.Client("
            f"transport=httpx.MockTransport(lambda request: httpx.Response(200, json={answer}))))\n"
            "assert client.customers.delete_customers_customer(customer='cus_1').deleted\n"
        )
        found.append(Snippet(STRIPE_CALL, code, OUR_PYTHON, ours_stripe, package, FLOOR))
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


def _package_and_client(folder: Path) -> tuple[str, str]:
    """The package in ``folder`` (the one with a ``_client.py``) and its blocking client class."""
    package = next(path.parent.name for path in sorted(folder.glob("*/_client.py")))
    text = (folder / package / "_client.py").read_text(encoding="utf-8")
    names = re.search(r"^__all__ = \[(.*)\]$", text, re.MULTILINE)
    assert names is not None, f"no __all__ in {package}/_client.py"
    client = next(name.strip(" \"'") for name in names.group(1).split(",") if not name.strip(" \"'").startswith("Async"))
    return package, client


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


def _env(snippet: Snippet) -> dict[str, str]:
    """The snippet's environment. Bytecode is written (to a cache folder under build/, not beside
    the sources) and read back: an installed package has its ``.pyc`` files, as httpx and
    pydantic have theirs, so compiling the generated sources on every run would measure
    something no user pays."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(BUILD / "bench-pycache")
    if snippet.pythonpath is not None:
        env["PYTHONPATH"] = str(snippet.pythonpath)
    return env


def measure(targets: list[Snippet], runs: int, log=print) -> dict[str, Timing]:
    results = {snippet.label: Timing() for snippet in targets}
    for snippet in targets:  # untimed: writes the bytecode cache
        run([str(snippet.python), "-c", snippet.code], cwd=BUILD, env=_env(snippet), timeout=300)
    for round_no in range(runs):
        for snippet in targets:
            timing = results[snippet.label]
            if timing.failure is not None:
                continue
            env = _env(snippet)
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
