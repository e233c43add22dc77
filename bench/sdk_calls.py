"""SDK per-call: calls per second through raw httpx, our SDK and a peer's client, same server.

The server (``bench/server.py``) runs in its own process. Each measurement is a fresh client
process (``bench/sdk_client.py``) making N sequential calls after a short warm-up; a round
runs every client once, one after the other, and the result is the median over rounds of
calls per second. Ratios compare a client with raw httpx in the same mode (sync with sync,
async with async) and in the same virtual environment, the waiter and the iterator with the
plain calls they make; each client is timed in turns with its baseline in its own process
(``Rates.paired_ratio``), raw httpx alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import peers
from .measure import first_problem, median, run
from .paths import BENCH, BUILD, OUR_PYTHON, ROOT

GENERATED = ROOT / "generated" / "leap"
OPERATIONS = ("find_one", "list_all")
FLOOR_LABELS = {
    "sync": "pydantic floor: raw httpx + validate_json into our models (sync)",
    "async": "pydantic floor: raw httpx + validate_json into our models (async)",
}
"""Raw httpx, then pydantic's ``validate_json`` of the body into the generated models: the
fastest any SDK that checks answers against those models can be (see ``sdk_client.py``)."""


@dataclass(frozen=True)
class Client:
    """A client to measure: ``label``, the :mod:`bench.sdk_client` kind, where it runs."""

    label: str
    kind: str
    python: Path
    pythonpath: Path | None = None
    module: str | None = None
    operations: tuple[str, ...] = ("find_one", "list_all")


@dataclass
class Rates:
    per_round: list[float] = field(default_factory=list)
    failure: str | None = None
    baseline_per_round: list[float] = field(default_factory=list)
    """Its baseline's rate in each round, timed in turns with it in the same process
    (``sdk_client.PAIRED``); empty for raw httpx, which is timed alone."""

    @property
    def median(self) -> float | None:
        return median(self.per_round)

    @property
    def paired_ratio(self) -> float | None:
        """Median over the rounds of this client's rate over its baseline's in the same round."""
        return median([mine / base for mine, base in zip(self.per_round, self.baseline_per_round)])


def clients(opc_package: tuple[Path, str] | None) -> list[Client]:
    """Ours, raw httpx and the pydantic floor in the project's venv (and our waiter and iterator
    against the calls they make); openapi-python-client's Leap client (and raw httpx again) in the peers' venv
    when it was generated."""
    found = [
        Client("raw httpx (sync)", "httpx-sync", OUR_PYTHON),
        Client(FLOOR_LABELS["sync"], "floor-sync", OUR_PYTHON, GENERATED),
        Client("leap (sync)", "leap-sync", OUR_PYTHON, GENERATED),
        Client("raw httpx (async)", "httpx-async", OUR_PYTHON),
        Client(FLOOR_LABELS["async"], "floor-async", OUR_PYTHON, GENERATED),
        Client("leap (async)", "leap-async", OUR_PYTHON, GENERATED),
        # A waiter whose first poll finds the job finished, against that one find_one call; the
        # iterator over a 100-item page and the empty page after it, against those two calls.
        Client("leap images.wait() (sync)", "leap-wait-sync", OUR_PYTHON, GENERATED, operations=("find_one",)),
        Client("leap list_all_iter() (sync)", "leap-iter-sync", OUR_PYTHON, GENERATED, operations=("list_all",)),
    ]
    if opc_package is not None:
        folder, module = opc_package
        found += [
            Client("raw httpx (sync, peers' venv)", "httpx-sync", peers.python()),
            Client("openapi-python-client (sync)", "opc-sync", peers.python(), folder, module),
            Client("raw httpx (async, peers' venv)", "httpx-async", peers.python()),
            Client("openapi-python-client (async)", "opc-async", peers.python(), folder, module),
        ]
    return found


def start_server() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [str(OUR_PYTHON), str(BENCH / "server.py")], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    port = proc.stdout.readline().strip()
    if not port.isdigit():
        proc.kill()
        raise RuntimeError("the bench server did not start")
    return proc, f"http://127.0.0.1:{port}"


def measure(targets: list[Client], calls: int, rounds: int, log=print) -> dict[str, dict[str, Rates]]:
    """``{operation: {client label: Rates}}``; ``list_all`` gets a tenth of the calls (each is 100 items)."""
    results = {op: {client.label: Rates() for client in targets if op in client.operations} for op in OPERATIONS}
    server, url = start_server()
    try:
        for op in OPERATIONS:
            count = calls if op == "find_one" else max(1, calls // 10)
            for round_no in range(rounds):
                for client in targets:
                    if op not in client.operations:
                        continue
                    rates = results[op][client.label]
                    if rates.failure is not None:
                        continue
                    env = dict(os.environ)
                    env.pop("PYTHONPATH", None)
                    if client.pythonpath is not None:
                        env["PYTHONPATH"] = str(client.pythonpath)
                    argv = [str(client.python), str(BENCH / "sdk_client.py"), client.kind, op, url, str(count)]
                    if client.module:
                        argv.append(client.module)
                    result = run(argv, cwd=BUILD, env=env, timeout=600)
                    if result.ok:
                        line = json.loads(result.stdout.strip().splitlines()[-1])
                        rate = line["calls_per_second"]
                        rates.per_round.append(rate)
                        paired = ""
                        if "baseline_calls_per_second" in line:
                            rates.baseline_per_round.append(line["baseline_calls_per_second"])
                            paired = f" (its baseline in turns: {line['baseline_calls_per_second']:.0f})"
                        log(f"  calls {op:<8} {client.label:<32} round {round_no + 1}: {rate:8.0f} calls/s{paired}")
                    else:
                        rates.failure = first_problem(result)
                        log(f"  calls {op:<8} {client.label:<32} failed: {rates.failure}")
    finally:
        server.kill()
        server.wait()
    return results


if __name__ == "__main__":  # a quick look by hand: python -m bench.sdk_calls [calls] [rounds]
    numbers = [int(a) for a in sys.argv[1:3]]
    measure(clients(None), *(numbers + [2000, 3][len(numbers) :]))
