"""A real HTTP server on 127.0.0.1 for the SDK's runtime tests, scripted per test.

``LocalServer(handler)`` listens on a free port in a background thread. For each request
it calls ``handler(request)`` with the request as an :class:`httpx.Request` (so the
contract helpers can validate it against the spec) and does what the returned
:class:`Reply` says: answer, stall first, reset the connection, or send a body shorter
than its ``Content-Length``. Every request is recorded in ``server.requests``.

Stalls wait on an event that :meth:`LocalServer.close` sets, so no test can hang on one.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx


@dataclass
class Reply:
    """What the server does with one request."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stall: float = 0.0  # seconds to wait before answering
    reset: bool = False  # close the connection with a TCP reset instead of answering
    truncate: int | None = None  # send only this many bytes of the body (Content-Length stays whole)


def json_reply(status: int, body: Any, headers: dict[str, str] | None = None, **options: Any) -> Reply:
    return Reply(status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})}, **options)


def html_reply(status: int) -> Reply:
    page = f"<html><head><title>{status}</title></head><body><h1>{status} Bad Gateway</h1><hr>nginx</body></html>"
    return Reply(status, page.encode(), {"Content-Type": "text/html"})


Handler = Callable[[httpx.Request], Reply]


class LocalServer:
    """A threaded HTTP/1.1 server on 127.0.0.1; use it as a context manager."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []
        self.connections = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def __enter__(self) -> "LocalServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def count(self, method: str | None = None, path: str | None = None) -> int:
        """How many requests arrived (for a method and/or path)."""
        return sum(1 for r in self.requests if (method is None or r.method == method) and (path is None or r.url.path == path))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in separate writes: without this, Nagle's algorithm
                # and the client's delayed ACK hold the body back ~40 ms on every response.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with server._lock:
                    server.connections += 1

            def log_message(self, format: str, *args: Any) -> None:  # silence the default stderr log
                pass

            def _serve(self) -> None:
                body = self._body()
                request = httpx.Request(self.command, server.url + self.path, headers=list(self.headers.items()), content=body)
                with server._lock:
                    server.requests.append(request)
                reply = server.handler(request)
                if reply.stall and server._stop.wait(reply.stall):
                    return
                if reply.reset:
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                if reply.truncate is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(reply.body if reply.truncate is None else reply.body[: reply.truncate])
                if reply.truncate is not None:
                    self.close_connection = True

            def _body(self) -> bytes:
                if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
                    length = int(self.headers.get("Content-Length") or 0)
                    return self.rfile.read(length) if length else b""
                chunks = []  # a body of unknown length (a file that cannot seek)
                while size := int(self.rfile.readline().split(b";")[0], 16):
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)

            do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _serve

        return _Handler


def on_spec_server(request: httpx.Request) -> httpx.Request:
    """``request`` as if sent to the spec's server (openapi-core matches the server URL)."""
    from tests.sdk.contract.conftest import SERVER_URL  # here: the server alone needs no generated SDK

    url = httpx.URL(SERVER_URL).copy_with(raw_path=request.url.raw_path)
    return httpx.Request(request.method, url, headers=request.headers.multi_items(), content=request.content)


def open_sockets() -> int:
    """Sockets this process has open now (Linux: entries of /proc/self/fd that are sockets)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}").startswith("socket:"):
                count += 1
        except OSError:
            continue
    return count
