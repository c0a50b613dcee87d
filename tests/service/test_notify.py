"""Notifications: a JSON POST to a real local receiver (through the fetch guard) and a real
command with the update on its standard input."""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from localsite import Reply, Site, serve
from newsweave.changes.story import Change, StoryUpdate
from newsweave.options import DEFAULT, updated
from newsweave.service.notify import Notifier, check_target

UPDATE = StoryUpdate(
    3,
    "s1",
    "Storm floods Marrow Island harbour",
    datetime(2025, 6, 14, 18, 0, tzinfo=UTC),
    (
        Change(
            "figure_updated", "people: Courier now gives 15 (was 12)", "d1", "people", "12", "15"
        ),
    ),
)
LOOPBACK = updated(DEFAULT, {"fetch.allow_private": True, "fetch.timeout": 2})


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


def test_a_post_carries_the_update_as_json(site: Site) -> None:
    with Notifier(site("/hook"), options=LOOPBACK) as notifier:
        assert notifier.send(UPDATE) == []
    (post,) = site.posts
    assert post.content_type == "application/json"
    sent = json.loads(post.body)
    assert sent == {
        "schema": "newsweave/story-changes@1",
        "id": 3,
        "story": {"id": "s1", "title": UPDATE.title, "path": "/stories/s1"},
        "at": "2025-06-14T18:00:00+00:00",
        "changes": [c.to_dict() for c in UPDATE.changes],
    }


def test_a_refusing_receiver_is_one_problem(site: Site) -> None:
    site.routes["/hook"] = Reply("no", status=500, type="text/plain")
    with Notifier(site("/hook"), options=LOOPBACK) as notifier:
        (problem,) = notifier.send(UPDATE)
    assert problem.message == "notification refused: HTTP 500 Internal Server Error"


def test_loopback_is_refused_unless_allowed(site: Site) -> None:
    with Notifier(site("/hook"), options=updated(DEFAULT, {"fetch.timeout": 1})) as notifier:
        (problem,) = notifier.send(UPDATE)
    assert "refused: 127.0.0.1 is a loopback address" in problem.message
    assert site.posts == []
    allowed = updated(DEFAULT, {"fetch.timeout": 1, "fetch.allow_networks": ("127.0.0.0/8",)})
    with Notifier(site("/hook"), options=allowed) as notifier:
        assert notifier.send(UPDATE) == []
    assert len(site.posts) == 1


def test_redirects_are_not_followed(site: Site) -> None:
    site.redirect("/hook", "http://169.254.169.254/latest", status=307)
    with Notifier(site("/hook"), options=LOOPBACK) as notifier:
        (problem,) = notifier.send(UPDATE)
    assert problem.message.startswith("notification refused: HTTP 307")


def test_a_command_reads_the_update_on_stdin(tmp_path: Path) -> None:
    out = tmp_path / "got.json"
    script = f"import sys; open({str(out)!r}, 'wb').write(sys.stdin.buffer.read())"
    with Notifier(command=shlex.join([sys.executable, "-c", script])) as notifier:
        assert notifier.send(UPDATE) == []
    assert json.loads(out.read_bytes())["changes"][0]["after"] == "15"


def test_a_failing_command_is_one_problem() -> None:
    script = "import sys; sys.stderr.write('hook down\\n'); sys.exit(3)"
    with Notifier(command=shlex.join([sys.executable, "-c", script])) as notifier:
        (problem,) = notifier.send(UPDATE)
    assert problem.message == "notify command exited with 3: hook down"
    with Notifier(command="/no/such/hook") as notifier:
        (problem,) = notifier.send(UPDATE)
    assert problem.message == "notify command not found: /no/such/hook"


def test_bad_targets() -> None:
    assert check_target("ftp://example.test/hook") == (
        "only http and https URLs are fetched, not ftp:"
    )
    assert check_target("https://user:pw@example.test/") == (
        "refused: the URL holds a user name or password"
    )
    assert check_target("https://example.test/hook") is None
    with pytest.raises(ValueError, match="empty"):
        Notifier(command="  ")
