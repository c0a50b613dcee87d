"""Web fixtures: a SQLite store holding the example story and a hostile one, and a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import uvicorn

from newsweave.service.ingest import ingest
from newsweave.store import Store, open_store
from newsweave.store.queries import list_stories
from newsweave.web.app import create_app
from paths import EXAMPLES

# Untrusted article text with the usual payloads; each would change the page title or set a
# global if it ever ran.
HOSTILE_TEXT = """Harbour officials <script>document.title='pwned';window.pwned=1</script> said on Monday that the ferry terminal would reopen.

The statement <img src=x onerror="document.title='pwned';window.pwned=1"> was posted at noon, and a link <a href="javascript:window.pwned=1">click me</a> followed it.

Officials said 12 people were evacuated from the terminal after the alarm, and 3 were treated for smoke. The ferry company said services would resume on Tuesday morning.
"""
HOSTILE_HTML = """<!doctype html><html><head><title>Ferry terminal &lt;script&gt;alert(1)&lt;/script&gt; reopens</title>
<script>window.pwned=1</script></head><body><article><h1>Ferry terminal reopens &lt;img src=x onerror=alert(1)&gt;</h1>
<p>Harbour officials said on Monday that the ferry terminal would reopen &lt;script&gt;window.pwned=1&lt;/script&gt; after the alarm.</p>
<p onclick="window.pwned=1">Officials said 14 people were evacuated from the terminal, and 2 were treated for smoke inhalation at the scene by paramedics.</p>
<p><a href="javascript:window.pwned=1">More</a> The ferry company said services would resume on Tuesday morning after checks by the fire brigade.</p>
<img src=x onerror="window.pwned=1"></article></body></html>
"""


@dataclass(frozen=True, slots=True)
class Stored:
    store: Store
    story: str
    hostile: str


@pytest.fixture(scope="session")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stored]:
    root = tmp_path_factory.mktemp("web")
    hostile = root / "hostile"
    hostile.mkdir()
    (hostile / "statement.txt").write_text(HOSTILE_TEXT)
    (hostile / "page.html").write_text(HOSTILE_HTML)
    store = open_store(f"sqlite:///{root / 'web.db'}")
    story = ingest(store, [EXAMPLES / "harbour-fire"]).stories[0]
    bad = ingest(store, [hostile]).stories[0]
    assert {s.id for s in list_stories(store)} == {story, bad}
    yield Stored(store, story, bad)
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(stored: Stored) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1, in a thread, for the browser tests."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(stored.store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's Chromium with Playwright")
