"""A real HTTP server on 127.0.0.1 for the fetching and feed tests (STYLE.md, 11).

Tests set ``site.routes[path]`` to a ``Reply`` (or a list of them, served in turn, the last
one repeated) and read ``site.hits`` to see what was asked, ``site.posts`` what was posted
(a POST is answered 204 unless a route says otherwise). HTTP/1.0: one connection per
request, so every request goes through the client's connection code.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Settings for fetching from this server: loopback allowed, no pacing, short timeouts, no
# retries (a test that needs them says so). Tests pass them to ``options.updated``.
FETCH_LOCAL: dict[str, object] = {
    "fetch.allow_private": True,
    "fetch.host_interval": 0,
    "fetch.timeout": 0.5,
    "fetch.retries": 0,
}


@dataclass
class Reply:
    """One response. ``stream`` (chunks, sent without a length) replaces ``body``; ``delay``
    waits before the status line, ``drip`` between chunks."""

    body: bytes | str = b""
    status: int = 200
    type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream: Callable[[], Iterable[bytes]] | None = None
    drip: float = 0.0


@dataclass
class Hit:
    path: str
    host: str
    user_agent: str


@dataclass
class Post:
    """A POST the site received (a webhook receiver's view)."""

    path: str
    content_type: str
    body: bytes


class Site:
    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.port = server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.routes: dict[str, Reply | list[Reply]] = {}
        self.hits: list[Hit] = []
        self.posts: list[Post] = []
        self.lock = threading.Lock()

    def __call__(self, path: str) -> str:
        """The URL of a path on this site."""
        return self.url + path

    def page(self, path: str, body: bytes | str, **kw: object) -> str:
        self.routes[path] = Reply(body, **kw)  # type: ignore[arg-type]
        return self(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Reply(status=status, headers={"Location": to}, type=None)
        return self(path)

    def hits_on(self, path: str) -> int:
        return sum(h.path == path for h in self.hits)

    def next_reply(self, path: str) -> Reply | None:
        with self.lock:
            route = self.routes.get(path)
            if isinstance(route, list):
                return route.pop(0) if len(route) > 1 else route[0]
            return route


def _handler(site_ref: list[Site]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            site = site_ref[0]
            site.hits.append(
                Hit(self.path, self.headers.get("Host", ""), self.headers.get("User-Agent", ""))
            )
            reply = site.next_reply(self.path) or Reply("not here", status=404, type="text/plain")
            with suppress(BrokenPipeError, ConnectionResetError):
                self._send(reply)

        def do_POST(self) -> None:
            site = site_ref[0]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            site.posts.append(Post(self.path, self.headers.get("Content-Type", ""), body))
            reply = site.next_reply(self.path) or Reply(b"", status=204, type=None)
            with suppress(BrokenPipeError, ConnectionResetError):
                self._send(reply)

        def _send(self, reply: Reply) -> None:
            time.sleep(reply.delay)
            self.send_response(reply.status)
            if reply.type:
                self.send_header("Content-Type", reply.type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
            if reply.stream is None and "Content-Length" not in reply.headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if reply.stream is None:
                self.wfile.write(body)
                return
            for chunk in reply.stream():
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(reply.drip)

    return Handler


@contextmanager
def serve() -> Iterator[Site]:
    """A site on 127.0.0.1 and a free port, shut down afterwards."""
    ref: list[Site] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(ref))
    server.daemon_threads = True  # a slow reply still sleeping does not hold up the test
    ref.append(Site(server))
    # a short poll: shutdown() waits for one, and every test stops a server
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield ref[0]
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port that nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def article(title: str, *paragraphs: str, published: str = "2025-06-14") -> str:
    """A small news page, the way outlets mark one up."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head>"
        f"<title>{title}</title>"
        f'<meta property="article:published_time" content="{published}">'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )
