"""A minimal HTTP/1.1 server on 127.0.0.1 answering fixed Leap payloads, for the per-call bench.

Run as its own process (``python bench/server.py``) so that it never shares a GIL with the
client being measured; it prints its port on the first line of stdout, then serves until
killed. Bodies are encoded once, at start: the server does as little as it can per request,
so the measured differences are the clients'.

- ``GET /api/v1/images/models/{modelId}/inferences/{inferenceId}``: one InferenceEntity
  with 4 images (``findOne``);
- ``GET /api/v1/images/models/{modelId}/inferences``: a JSON array of 100 of them (``listAll``),
  or an empty array when the query asks for a ``page`` other than 0 (so an iterator ends
  after one full page and one empty one);
- anything else: 404 with an error document.

It reads only the request line and headers (every request it answers is a GET without a
body) and keeps connections alive.
"""

from __future__ import annotations

import asyncio
import json
import sys


def inference(number: int) -> dict:
    """The InferenceEntity of the spec's example, finished, with 4 images."""
    job = f"a047df00-8bdd-4d57-a9bd-{number:012d}"
    return {
        "id": job,
        "createdAt": "2023-06-20T07:03:48.218Z",
        "prompt": "A photo of an astronaut riding a horse",
        "negativePrompt": "asymmetric, bad hands, bad hair",
        "seed": 4523184,
        "width": 1024,
        "height": 1024,
        "promptStrength": 7,
        "numberOfImages": 4,
        "steps": 50,
        "state": "finished",
        "status": "finished",
        "modelId": "26a1a203-3a46-42cb-8cfa-f4de075907d8",
        "upscalingOption": "x1",
        "images": [
            {
                "id": f"5a8b5e3c-7c43-4b0c-9a53-{number:08d}{index:04d}",
                "uri": f"https://static.tryleap.ai/image-gen-{job}/generated_images/{index}.png",
                "createdAt": "2023-06-20 07:04:01.634307+00",
            }
            for index in range(4)
        ],
    }


def _response(status: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


ONE = _response("200 OK", json.dumps(inference(0)).encode())
LIST = _response("200 OK", json.dumps([inference(n) for n in range(100)]).encode())
EMPTY = _response("200 OK", b"[]")
MISSING = _response("404 Not Found", b'{"statusCode": 404, "message": "Not Found", "error": "Not Found"}')


def answer(request_line: bytes) -> bytes:
    parts = request_line.split(b" ")
    if len(parts) < 2 or parts[0] != b"GET":
        return MISSING
    target = parts[1].split(b"?", 1)
    path = target[0].rstrip(b"/").split(b"/")
    query = target[1].split(b"&") if len(target) > 1 else []
    # ['', 'api', 'v1', 'images', 'models', modelId, 'inferences', (inferenceId)]
    if path[1:5] == [b"api", b"v1", b"images", b"models"] and len(path) >= 7 and path[6] == b"inferences":
        if len(path) == 7:
            later = any(item.startswith(b"page=") and item != b"page=0" for item in query)
            return EMPTY if later else LIST
        if len(path) == 8:
            return ONE
    return MISSING


class _Protocol(asyncio.Protocol):
    def connection_made(self, transport):  # type: ignore[no-untyped-def]
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            self.transport.write(answer(head.split(b"\r\n", 1)[0]))


async def _serve() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Protocol, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(_serve())
    except KeyboardInterrupt:
        sys.exit(0)
