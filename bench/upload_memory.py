"""``python -m bench.upload_memory``: the memory a large upload costs the generated SDK.

A sparse file of ``--size`` MiB (1 GiB by default; sparse, so the disk holds almost nothing)
is uploaded by the generated Leap SDK, in a fresh client process, to a server in another
process that reads the body in 64 KiB pieces and throws it away. Two uploads, each in its
own process: the multipart part of ``images`` ``train_model(image_sample_files=[path])``,
and a raw body (``binary_body(path)``, what a ``application/octet-stream`` operation sends),
each once with the blocking and once with the asyncio client.

The figure is the client's peak RSS (``ru_maxrss``) after the upload less its peak before it
(the SDK imported, the client made, the file's size known): what streaming the body costs.
The target is under 100 MiB; reading the file whole would cost its size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .paths import OUR_PYTHON, ROOT

TARGET_MIB = 100

#: The discarding server: prints its URL, answers every request 201 with a training job.
SERVER = r"""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL = json.loads(sys.argv[1])

class Discard(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        left = int(self.headers.get("Content-Length") or 0)
        received = 0
        while left:
            chunk = self.rfile.read(min(left, 65536))
            if not chunk:
                break
            left -= len(chunk)
            received += len(chunk)
        body = json.dumps(MODEL).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Received", str(received))
        self.end_headers()
        self.wfile.write(body)

server = ThreadingHTTPServer(("127.0.0.1", 0), Discard)
print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
"""

#: One upload in a fresh client process; prints the peak RSS before and after, in KiB.
CLIENT = r"""
import asyncio, json, resource, sys
from pathlib import Path

import leap
from leap._bodies import binary_body

url, path, kind, mode = sys.argv[1:5]
client = (leap.Leap if mode == "sync" else leap.AsyncLeap)(api_key="k", base_url=url, timeout=600)
sent = []

def progress(done, total):
    sent.append(done)

def call():
    if kind == "multipart":
        return client.image_models.with_raw_response.train_model(name="m", image_sample_files=[path], on_progress=progress)
    body = binary_body(Path(path), ("application/octet-stream",))
    return client.request(
        "POST", "/api/v2/images/models/new", cast_to=object, errors={}, body=body, on_progress=progress
    )

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

async def run_async():
    return await call()

before = peak()
result = call() if mode == "sync" else asyncio.run(run_async())
after = peak()
print(json.dumps({"before": before, "after": after, "sent": sent[-1] if sent else 0}))
"""


def _sparse_file(folder: Path, mib: int) -> Path:
    path = folder / "upload.bin"
    with path.open("wb") as file:
        file.truncate(mib * 1024 * 1024)
    return path


def measure(mib: int) -> list[dict[str, object]]:
    """One row per (body kind, client mode): peak RSS before and after the upload, in MiB."""
    server = subprocess.Popen([sys.executable, "-c", SERVER, json.dumps(_model())], stdout=subprocess.PIPE, text=True)
    rows = []
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        with tempfile.TemporaryDirectory() as folder:
            path = _sparse_file(Path(folder), mib)
            for kind in ("multipart", "raw"):
                for mode in ("sync", "async"):
                    rows.append(_one(url, path, kind, mode, mib))
    finally:
        server.terminate()
        server.wait()
    return rows


def _one(url: str, path: Path, kind: str, mode: str, mib: int) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "generated" / "leap")}
    done = subprocess.run([str(OUR_PYTHON), "-c", CLIENT, url, str(path), kind, mode], capture_output=True, text=True, timeout=1200, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} {mode} upload failed: {done.stderr.strip()[-2000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    grew = (found["after"] - found["before"]) / 1024
    return {"body": kind, "client": mode, "size_mib": mib, "rest_mib": round(found["before"] / 1024, 1), "peak_mib": round(found["after"] / 1024, 1), "grew_mib": round(grew, 1), "sent": found["sent"]}


def _model() -> dict[str, object]:
    import yaml

    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
    example: dict[str, object] = spec["components"]["schemas"]["ModelV2Entity"]["example"]
    return example


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| body | client | upload | bytes sent | peak RSS at rest | peak RSS after | grew | under 100 MiB |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        grew = float(row["grew_mib"])  # type: ignore[arg-type]
        lines.append(f"| {row['body']} | {row['client']} | {row['size_mib']} MiB | {row['sent']} | {row['rest_mib']} MiB | {row['peak_mib']} MiB | {grew} MiB | {'yes' if grew < TARGET_MIB else 'NO'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.upload_memory", description=__doc__)
    parser.add_argument("--size", type=int, default=1024, help="MiB to upload (default 1024: 1 GiB)")
    args = parser.parse_args(argv)
    rows = measure(args.size)
    print(table(rows))
    whole = args.size * 1024 * 1024
    met = all(float(r["grew_mib"]) < TARGET_MIB and int(r["sent"]) >= whole for r in rows)  # type: ignore[call-overload,arg-type]
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
