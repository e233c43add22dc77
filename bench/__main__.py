"""``python -m bench``: run every measurement, print the report, write ``bench/RESULTS.md``.

Run it from the project's venv (``make bench`` does). ``--quick`` is the smoke mode the
tests use: the Leap spec only, one run, no peers (no installs), few calls, no plot.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from . import generation, import_time, peers, sdk_calls, specs
from .measure import Series, first_problem, run
from .paths import BENCH, BUILD, OUR_PYTHON, ROOT
from .machine import cpu_model, load_average, versions
from .options import SECTIONS, options
from .report import Results, markdown
from .tools import OURS, PEERS

def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Bench:
    """One run of the bench: what was asked, what is measured, and the results so far."""

    args: argparse.Namespace
    results: Results
    chosen: list
    with_peers: bool

    @property
    def by_key(self) -> dict:
        return {spec.key: spec for spec in self.chosen}

    def runs(self, key: str) -> int:
        return self.args.stripe_runs if key == "stripe" else self.args.runs

    def ours_ok(self, key: str) -> bool:
        outcome = self.results.generation.get(key, {}).get("ours")
        return outcome is not None and outcome.series.median is not None

    def peer_package(self, key: str, needs_import: bool) -> Path | None:
        """openapi-python-client's package generated from ``key`` in this run, when there is one."""
        opc = self.results.generation.get(key, {}).get("opc") if self.with_peers else None
        if opc is None or not (opc.imports == "yes" if needs_import else opc.series.median):
            return None
        return generation.package_of(PEERS[0], generation.out_dir(PEERS[0], self.by_key[key]))


def main(argv: list[str] | None = None) -> int:
    args = options(argv, description=__doc__)
    unknown = [key for key in args.wanted if key not in specs.ALL]
    if unknown:
        _log(f"unknown spec(s): {', '.join(unknown)}")
        return 2
    if not OUR_PYTHON.exists():
        _log("no .venv: run `make bench` (it creates it)")
        return 2
    BUILD.mkdir(exist_ok=True)
    bench = _start(args)
    for section, measure in SECTION_STEPS.items():
        if section not in args.skip:
            measure(bench)
    bench.results.header["load_end"] = load_average()
    bench.results.header["versions"] = versions(bench.with_peers)
    text = markdown(bench.results)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    _log(f"wrote {args.out}")
    return 0


def _start(args: argparse.Namespace) -> Bench:
    header = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_start": load_average(),
    }
    _log(f"load average at start: {header['load_start']} (on {header['cpus']} CPUs)")
    with_peers = not args.no_peers and peers.ensure(log=_log)
    notes = []
    if not args.no_peers and not with_peers:
        notes.append("The peers could not be installed here; only ours was measured (see the log).")
    tools = [OURS] + (list(PEERS) if with_peers else [])
    chosen = specs.find(args.wanted, log=_log)
    settings = {
        "runs per spec": args.runs,
        "runs on Stripe": args.stripe_runs,
        "findOne calls per round": args.calls,
        "listAll calls per round": max(1, args.calls // 10),
        "rounds of calls": args.rounds,
        "fresh processes per import": args.import_runs,
    }
    results = Results(header=header, settings=settings, specs=chosen, tools=[tool.key for tool in tools], notes=notes)
    return Bench(args, results, chosen, with_peers)


def _generation(bench: Bench) -> None:
    _log("generation ...")
    tools = [OURS] + (list(PEERS) if bench.with_peers else [])
    runs = {spec.key: bench.runs(spec.key) for spec in bench.chosen}
    bench.results.generation = generation.measure(
        bench.chosen, tools, runs, bench.args.timeout, log=_log, warm_up=not bench.args.quick
    )


def _edit_loop(bench: Bench) -> None:
    _log("edit loop ...")
    for key in ("leap", "stripe"):
        if key in bench.by_key and (key == "leap" or bench.ours_ok(key)):
            bench.results.edit_loop[key] = generation.edit_loop(bench.by_key[key], bench.runs(key), bench.args.timeout, log=_log)


def _calls(bench: Bench) -> None:
    _log("SDK calls ...")
    results, args = bench.results, bench.args
    opc_leap = bench.peer_package("leap", needs_import=True)
    results.call_clients = sdk_calls.clients(opc_leap)
    if bench.with_peers:
        results.calls_note = _unmeasured_peers_note(results, opc_leap)
    results.calls = sdk_calls.measure(results.call_clients, args.calls, args.rounds, log=_log)
    _log("where a call's time goes (one process, mock transport) ...")
    env = dict(os.environ, PYTHONPATH=str(sdk_calls.GENERATED))
    command = [str(OUR_PYTHON), "-m", "bench.call_cost", str(args.calls), str(max(3, args.rounds))]
    done = run(command, cwd=ROOT, env=env, timeout=args.timeout)
    if done.ok:
        results.call_cost = json.loads(done.stdout.strip().splitlines()[-1])
    else:
        results.call_cost_failure = first_problem(done)


def _unmeasured_peers_note(results: Results, opc_leap: Path | None) -> str:
    note = "" if opc_leap is not None else "openapi-python-client's Leap client was not measured: it was not generated, or did not import, in this run."
    oag = results.generation.get("leap", {}).get("oag")
    why = f"its package does not import ({oag.imports[4:]})" if oag and oag.imports and oag.imports != "yes" else "no adapter for its client is written yet"
    return f"{note} OpenAPI Generator's Leap client was not measured: {why}.".strip()


def _imports(bench: Bench) -> None:
    _log("import time ...")
    results, args = bench.results, bench.args
    stripe = bench.by_key.get("stripe")
    ours_stripe = generation.out_dir(OURS, stripe) if stripe is not None and bench.ours_ok("stripe") else None
    opc_stripe = bench.peer_package("stripe", needs_import=False) if stripe is not None else None
    snippets = import_time.snippets(bench.peer_package("leap", needs_import=True), ours_stripe, opc_stripe)
    results.import_floors = {snippet.label: snippet.floor for snippet in snippets if snippet.floor}
    results.imports = import_time.measure(snippets, args.import_runs, log=_log)
    if ours_stripe is not None:
        _log("the first call of ours from Stripe, step by step ...")
        call = "delete_customers_customer(customer='cus_1')"
        results.first_call = import_time.breakdown(ours_stripe, "customers", call, import_time.STRIPE_ANSWER, args.import_runs)


def _profile(bench: Bench) -> None:
    for spec in _profiled(bench):
        _log(f"profile of ours on {spec.key} ...")
        command = [str(OUR_PYTHON), "-m", "bench.profile", str(spec.path), str(BUILD / "bench" / "profile-out"), "25"]
        done = run(command, cwd=ROOT, timeout=bench.args.timeout * 3)
        if done.ok:
            bench.results.profiles.append((spec, json.loads(done.stdout)))
        else:
            why = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.code
            bench.results.notes.append(f"The profile on {spec.key} failed: {why}")


def _profiled(bench: Bench) -> list:
    """Every spec ours generates (each generation target has its own bound), smallest first; then the
    scaling series' whole spec, and the biggest spec asked for (up to where ours stops on it)."""
    chosen = bench.chosen
    handled = [spec for spec in chosen if bench.ours_ok(spec.key)] or [spec for spec in chosen if spec.key == "leap"]
    targets = sorted(handled, key=lambda item: item.bytes)
    scaling = bench.results.scaling
    if scaling and scaling[-1][1].median is not None and all(scaling[-1][0].path != spec.path for spec in targets):
        targets.append(scaling[-1][0])  # the 100% point: the synthetic spec while ours handles no big one
    if chosen and max(chosen, key=lambda item: item.bytes) not in targets:
        targets.append(max(chosen, key=lambda item: item.bytes))
    return targets


def _scaling(bench: Bench) -> None:
    """Ours on the same spec cut to 10%, 25%, 50%, 100% of its operations (Stripe, else Spotify)."""
    results, args = bench.results, bench.args
    source = _scaling_source(bench)
    if source is None:
        return
    _log(f"scaling series on {source.key} ...")
    runs = args.stripe_runs if source.key != "spotify" else min(args.runs, 3)
    cuts = specs.cut(source, [0.1, 0.25, 0.5, 1.0])
    series = {cut.key: Series() for cut in cuts}
    for round_no in range(runs):
        for cut in cuts:
            result = generation.generate_once(OURS, cut, args.timeout)
            series[cut.key].add(result)
            _log(
                f"  scaling {cut.key:<14} ({cut.operations} ops) run {round_no + 1}: {result.seconds:.2f} s {result.peak_mib:.0f} MiB {'' if result.ok else 'failed'}"
            )
    results.scaling = [(cut, series[cut.key]) for cut in cuts]
    if bench.with_peers:
        _scaling_plot(bench, source.key)


def _scaling_source(bench: Bench):
    """The spec the series cuts, with the note that says why it is that one (``None``: no series)."""
    by_key, results = bench.by_key, bench.results
    source = next((by_key[key] for key in ("stripe", "spotify") if key in by_key and bench.ours_ok(key)), None)
    failed = [key for key in ("stripe", "spotify") if key in by_key and not bench.ours_ok(key)]
    if source is not None:
        if failed:
            results.scaling_note = f"Series on {source.key}, because ours failed on {', '.join(failed)}."
        return source
    if "leap" not in by_key:
        results.scaling_note = "No scaling series: ours did not generate Stripe or Spotify, and the Leap spec was not measured."
        return None
    size = by_key["stripe"].operations if "stripe" in by_key else 468
    source = specs.synthetic(by_key["leap"], size)
    results.scaling_note = (
        f"Ours does not generate {' or '.join(failed) or 'Stripe or Spotify'} yet, so the series runs on a synthetic spec: "
        f"the Leap spec's paths copied until it has {source.operations} operations (about Stripe's count; "
        "its 12 schemas are not copied), then cut like a real one. It shows how our cost grows with operations; "
        "once ours generates Stripe, the harness uses Stripe instead."
    )
    return source


def _scaling_plot(bench: Bench, spec_key: str) -> None:
    """Draws the series with matplotlib from the peers' venv (ours has no plotting library)."""
    results, args = bench.results, bench.args
    points = [{"operations": cut.operations, "seconds": s.median, "peak_mib": s.peak} for cut, s in results.scaling if s.median is not None]
    if len(points) < 2:
        return
    data = BUILD / "bench" / "scaling.json"
    data.write_text(json.dumps({"spec": spec_key, "points": points}), encoding="utf-8")
    done = run([str(peers.python()), str(BENCH / "plot.py"), str(data), str(args.plot)], cwd=ROOT, timeout=300)
    if not done.ok:
        results.notes.append(f"The scaling plot failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.code}")
        return
    try:
        results.plot = str(args.plot.resolve().relative_to(args.out.resolve().parent))
    except ValueError:
        results.plot = args.plot.name


#: The sections in the order they run (later ones use what earlier ones generated).
SECTION_STEPS = {"generation": _generation, "edit": _edit_loop, "scaling": _scaling, "calls": _calls, "imports": _imports, "profile": _profile}
assert tuple(SECTION_STEPS) == SECTIONS

if __name__ == "__main__":
    sys.exit(main())
