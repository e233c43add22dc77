"""Import time: whole-process wall time of fresh interpreters, median over runs.

Each snippet runs as ``python -c SNIPPET`` in a new process, rounds interleaved (every
snippet once per round). The floor is ``import httpx, pydantic`` (what any SDK built on them
pays) and ``python -c pass`` (the interpreter alone). ``-X importtime`` gives, for the SDK
snippets, how much of the time the package's own import took (its cumulative microseconds).

Any SDK whose answers are pydantic models pays more than that floor on its first call:
importing pydantic's model machinery, defining the response model, building its validator.
``pydantic floor: ...`` measures that much with a plain pydantic model of the same shape as
the Stripe operation's answer, and :func:`breakdown` times each step of our Stripe SDK's first
call inside one fresh process, naming whose work each step is.
"""

from __future__ import annotations

import json
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
PYDANTIC_FLOOR = "pydantic floor: import + a pydantic model of the same answer + one call"
STRIPE_ANSWER = "{'id': 'cus_1', 'object': 'customer', 'deleted': True}"
PEER_FLOOR = "import httpx, pydantic (peers' venv)"


def snippets(
    opc_leap: tuple[Path, str] | None, ours_stripe: Path | None, opc_stripe: tuple[Path, str] | None
) -> list[Snippet]:
    """What is timed: the floors, ours from Leap (and Stripe), and openapi-python-client's where it was generated."""
    found = [
        Snippet("python -c pass", "pass", OUR_PYTHON),
        Snippet(FLOOR, "import httpx, pydantic", OUR_PYTHON),
        Snippet("import leap; leap.Leap(api_key='k')", "import leap; leap.Leap(api_key='k')", OUR_PYTHON, GENERATED, "leap", FLOOR),
    ]
    if ours_stripe is not None:
        found += _ours_from_stripe(ours_stripe)
    if opc_leap is not None or opc_stripe is not None:
        found.append(Snippet(PEER_FLOOR, "import httpx, pydantic", peers.python()))
    if opc_leap is not None:
        folder, module = opc_leap
        code = f"import {module}; from {module}.api.images import find_one; {module}.AuthenticatedClient(base_url='http://x', token='k')"
        found.append(Snippet("openapi-python-client, Leap: import + one endpoint + client", code, peers.python(), folder, module, PEER_FLOOR))
    endpoint = _first_endpoint(opc_stripe[0] / opc_stripe[1]) if opc_stripe is not None else None
    if opc_stripe is not None and endpoint:
        folder, module = opc_stripe
        code = f"import {module}; import {module}.{endpoint}; {module}.AuthenticatedClient(base_url='http://x', token='k')"
        found.append(Snippet("openapi-python-client, Stripe: import + one endpoint + client", code, peers.python(), folder, module, PEER_FLOOR))
    return found


def _ours_from_stripe(folder: Path) -> list[Snippet]:
    """Ours from Stripe: import and client; import, client and one call; and the pydantic floor of that call."""
    package, client = _package_and_client(folder)
    # One operation, answered by httpx's mock transport (no server, no TLS set-up): what a
    # program pays to import the SDK and make its first call, minus the network.
    call = (
        f"import httpx, {package}\n"
        f"client = {package}.{client}(api_key='k', http_client=httpx.Client("
        f"transport=httpx.MockTransport(lambda request: httpx.Response(200, json={STRIPE_ANSWER}))))\n"
        "assert client.customers.delete_customers_customer(customer='cus_1').deleted\n"
    )
    # The least any SDK returning a pydantic model pays for that call: pydantic's model
    # machinery, one model of the answer's shape (Stripe's deleted_customer), its validator.
    floor = (
        "import httpx, pydantic\n"
        "from typing import Literal\n"
        "class DeletedCustomer(pydantic.BaseModel):\n"
        "    deleted: Literal[True]\n"
        "    id: str\n"
        "    object_: Literal['customer'] = pydantic.Field(alias='object')\n"
        f"client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200, json={STRIPE_ANSWER})))\n"
        "answer = client.delete('https://api.example.invalid/v1/customers/cus_1').content\n"
        "assert DeletedCustomer.model_validate_json(answer).deleted\n"
    )
    return [
        Snippet(STRIPE_CLIENT, f"import {package}; {package}.{client}(api_key='k')", OUR_PYTHON, folder, package, FLOOR),
        Snippet(STRIPE_CALL, call, OUR_PYTHON, folder, package, FLOOR),
        Snippet(PYDANTIC_FLOOR, floor, OUR_PYTHON, floor=FLOOR),
    ]


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


# --- the first call, step by step -------------------------------------------------------

BREAKDOWN_STEPS = (
    ("`import httpx, pydantic` (the floor)", "httpx, pydantic"),
    ("import the package, make the client", "ours"),
    ("`import pydantic.main` (BaseModel)", "pydantic"),
    ("`import pydantic.fields` (with pydantic.types, annotated_types: every model class needs them)", "pydantic"),
    (
        "pydantic's first validator (`TypeAdapter(int)`): reads the entry points of every installed distribution, for plugins",
        "pydantic",
    ),
    ("import the package's `_models` (model base class, timestamps)", "ours"),
    ("import the package's `models` (the index of lazily imported names)", "ours"),
    ("the API class of the operation (its module imported)", "ours"),
    ("the call: the answer's model imported, its class made and its validator built; the request", "ours, pydantic"),
)
"""(step, whose work it is) of :data:`_BREAKDOWN`, in order; a second call is timed after them."""

_BREAKDOWN = """
import time
marks = [(time.process_time(), time.perf_counter())]
def mark():
    marks.append((time.process_time(), time.perf_counter()))
import httpx, pydantic
mark()
import {package}
client = {package}.{client}(api_key='k', http_client=httpx.Client(
    transport=httpx.MockTransport(lambda request: httpx.Response(200, json={answer}))))
mark()
import pydantic.main
mark()
import pydantic.fields
mark()
pydantic.TypeAdapter(int)
mark()
import {package}._models
mark()
import {package}.models
mark()
api = client.{resource}
mark()
api.{call}
mark()
api.{call}
mark()
import json
print(json.dumps([[b[0] - a[0], b[1] - a[1]] for a, b in zip(marks, marks[1:])]))
"""


@dataclass
class Breakdown:
    """Milliseconds of each of :data:`BREAKDOWN_STEPS` (and the second call), median over fresh
    processes: CPU time (``time.process_time``) and wall time."""

    cpu_ms: list[float] = field(default_factory=list)
    wall_ms: list[float] = field(default_factory=list)
    second_call_cpu_ms: float | None = None
    process_ms: float | None = None  # the whole process, wall: the steps plus the interpreter's start and exit
    runs: int = 0
    failure: str | None = None


def breakdown(folder: Path, resource: str, call: str, answer: str, runs: int) -> Breakdown:
    """Each step of the first call of our SDK in ``folder`` (``client.RESOURCE.CALL``, answered
    with the JSON ``answer`` by httpx's mock transport), timed inside ``runs`` fresh processes
    with the bytecode of an installed package (see :func:`_env`), after one untimed run."""
    package, client = _package_and_client(folder)
    code = _BREAKDOWN.format(package=package, client=client, resource=resource, call=call, answer=answer)
    env = _env(Snippet("breakdown", code, OUR_PYTHON, folder))
    result = Breakdown()
    samples, seconds = [], []
    for number in range(runs + 1):
        done = run([str(OUR_PYTHON), "-c", code], cwd=BUILD, env=env, timeout=300)
        if not done.ok:
            result.failure = first_problem(done)
            return result
        if number:  # the first run writes the bytecode
            samples.append(json.loads(done.stdout.strip().splitlines()[-1]))
            seconds.append(done.seconds)
    steps = len(BREAKDOWN_STEPS)
    result.cpu_ms = [1000 * (median([sample[i][0] for sample in samples]) or 0.0) for i in range(steps)]
    result.wall_ms = [1000 * (median([sample[i][1] for sample in samples]) or 0.0) for i in range(steps)]
    result.second_call_cpu_ms = 1000 * (median([sample[steps][0] for sample in samples]) or 0.0)
    result.process_ms = 1000 * (median(seconds) or 0.0)
    result.runs = len(samples)
    return result
