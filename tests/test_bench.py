"""The bench harness (bench/, ``make bench``) in its smoke mode, so it does not rot.

``python -m bench --quick`` measures our generator on the Leap spec once, our SDK against raw
httpx on the bench server, import time and the profile, with no peers (no installs, no
network). The full run is ``make bench``, not part of the tests.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest

from bench import report, server
from bench.measure import run

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_quick_run_prints_and_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert done.stdout.strip() == text.strip()
    assert "| target (issue 5) | measured | met? |" in text
    assert "Load average (1, 5, 15 min) at start:" in text
    # ours generated the Leap spec, and its output imports
    assert re.search(
        r"\| leap \(8 ops, \d+ schemas, [\d.]+ MB\) \| ours \| \d+\.\d\d s \| 1 \| \d+ MiB \| – \| yes \|", text
    ), text
    # every SDK client made its calls
    for client in ("raw httpx (sync)", "leap (sync)", "raw httpx (async)", "leap (async)"):
        assert re.search(rf"\| find_one \| {re.escape(client)} \| \d+ \|", text), client
        assert re.search(rf"\| list_all \| {re.escape(client)} \| \d+ \|", text), client
    assert re.search(r"\| waiter adds no overhead: .* \| \d+ vs \d+ per second = \d+\.\d\d× \|", text)
    assert re.search(r"\| iterator adds no overhead: .* \| \d+ vs \d+ per second = \d+\.\d\d× \|", text)
    assert re.search(
        r"\| `import leap; leap.Leap\(api_key='k'\)` \| \d\.\d{3} s \| \d+\.\d\d× of `import httpx, pydantic` \| \d+ ms \|",
        text,
    )
    for stage in ("load", "validate", "build", "render", "format", "write"):
        assert re.search(rf"\| {stage} \| \d+\.\d{{3}} s \| \d+\.\d{{3}} s \| \d+% \|", text), stage
    assert re.search(r"Bound: the stages take \d+\.\d\d s of CPU in all\..* no run can take less than about \d+\.\d\d s", text)
    assert re.search(r"Black alone takes \d+\.\d\d s of it for [\d,]+ lines in \d+ files \(\d+ µs a line\)", text)
    assert str(ROOT) not in text and tempfile.gettempdir() not in text  # no path of this machine


def test_a_failing_generation_is_a_result_not_a_crash(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 9.9.9\ninfo: {title: x, version: '1'}\npaths: {}\n", encoding="utf-8")  # a version no generator reads
    from bench import generation
    from bench.specs import describe

    spec = describe("broken", broken)
    results = generation.measure(
        [spec], [generation.OURS], {"broken": 2}, timeout=120, log=lambda _: None, warm_up=False
    )
    outcome = results["broken"]["ours"]
    assert outcome.series.seconds == []
    assert outcome.series.failure and "error" in outcome.series.failure
    rows = report.targets(report.Results(header={}, settings={}, specs=[spec], generation=results))
    assert rows[0][2].startswith("not compared") or "missed" in rows[0][2]
    assert rows[0][1].startswith("failed: ")


def test_measure_reports_exit_time_and_peak_memory() -> None:
    done = run([sys.executable, "-c", "import sys; b = bytearray(64 * 1024 * 1024); sys.exit(3)"])
    assert done.code == 3
    assert done.peak_mib >= 64
    assert 0 < done.seconds < 60


def test_server_answers_the_fixed_payloads() -> None:
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "server.py")], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        base = f"http://127.0.0.1:{proc.stdout.readline().strip()}/api/v1/images/models/m/inferences"
        with urllib.request.urlopen(base + "/j") as response:
            one = json.load(response)
        with urllib.request.urlopen(base + "?page=0") as response:
            many = json.load(response)
        assert len(one["images"]) == 4 and one["state"] == "finished"
        assert len(many) == 100 and len({item["id"] for item in many}) == 100
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base.replace("/inferences", "/other"))
        assert missing.value.code == 404
    finally:
        proc.kill()
        proc.wait()
    assert server.answer(b"POST /api/v1/images/models/m/inferences HTTP/1.1") is server.MISSING


def test_linear_fit_and_cut_specs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    intercept, slope, r2 = report.linear_fit([(10, 1.1), (20, 2.1), (40, 4.1)])
    assert abs(slope - 0.1) < 1e-9 and abs(intercept - 0.1) < 1e-9 and r2 > 0.999
    from bench import specs

    monkeypatch.setattr(specs, "BUILD", tmp_path)
    source = specs.describe("leap", ROOT / "spec" / "openapi.yaml")
    cuts = specs.cut(source, [0.25, 0.5, 1.0])
    assert [cut.operations for cut in cuts][-1] == source.operations
    assert cuts[0].operations < cuts[1].operations <= source.operations
    smaller = specs.load(cuts[0].path)
    assert smaller["components"] == specs.load(source.path)["components"]  # components kept whole
