"""Send what a refresh changed: a JSON POST to a URL, or a command run with it on stdin.

The URL is configured by the user but is still a URL newsweave connects to from wherever it
runs, so it goes through the same guard as fetching (``ingest/guard.py``): private, loopback
and link-local addresses are refused unless ``--allow-private`` (or an allowed network) says
otherwise, redirects are not followed, and the wait is bounded. A command is run without a
shell (its words split as a shell would, nothing expanded), with a time limit. A failed
delivery is a problem line naming the target; it never stops ``watch``.
"""

from __future__ import annotations

import json
import shlex
import subprocess

import httpx

from newsweave import __version__
from newsweave.changes.story import StoryUpdate
from newsweave.closable import Closable
from newsweave.errors import AddressRefused, FetchError
from newsweave.ingest.guard import Resolver, guarded_client, system_resolver
from newsweave.ingest.web import check_url
from newsweave.model import Problem
from newsweave.options import DEFAULT, Options

USER_AGENT = f"newsweave/{__version__} (notifications)"
# A command that has not finished by then is stopped: a stuck hook must not hold up watch.
COMMAND_TIMEOUT = 60.0


class Notifier(Closable):
    """Delivers story updates to a URL, a command, or both. Use it as a context manager."""

    def __init__(
        self,
        url: str | None = None,
        command: str | None = None,
        options: Options = DEFAULT,
        *,
        resolve: Resolver = system_resolver,
    ) -> None:
        self.url = str(check_url(url)) if url else None
        self.command = shlex.split(command) if command else None
        if command is not None and not self.command:
            raise ValueError("the notify command is empty")
        self._client = guarded_client(options.fetch, resolve, USER_AGENT)

    def close(self) -> None:
        self._client.close()

    def send(self, update: StoryUpdate) -> list[Problem]:
        """Deliver one update; the problems, one per target that failed."""
        body = json.dumps(update.to_dict(), ensure_ascii=False).encode("utf-8")
        problems: list[Problem] = []
        if self.url is not None:
            problem = self._post(self.url, body)
            if problem:
                problems.append(Problem(self.url, problem))
        if self.command is not None:
            problem = self._run(self.command, body)
            if problem:
                problems.append(Problem(shlex.join(self.command), problem))
        return problems

    def _post(self, url: str, body: bytes) -> str | None:
        try:
            response = self._client.post(
                url, content=body, headers={"Content-Type": "application/json"}
            )
        except AddressRefused as exc:
            return f"notification not sent: {exc}"
        except httpx.HTTPError as exc:
            return f"notification not sent: {type(exc).__name__}: {exc}"
        if response.status_code >= 300:
            reason = response.reason_phrase or ""
            return f"notification refused: HTTP {response.status_code} {reason}".rstrip()
        return None

    def _run(self, command: list[str], body: bytes) -> str | None:
        try:
            done = subprocess.run(
                command, input=body, capture_output=True, timeout=COMMAND_TIMEOUT, check=False
            )
        except FileNotFoundError:
            return f"notify command not found: {command[0]}"
        except subprocess.TimeoutExpired:
            return f"notify command still running after {COMMAND_TIMEOUT:g} s; stopped"
        except OSError as exc:
            return f"notify command could not run: {exc}"
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
            tail = f": {said[-1][:200]}" if said else ""
            return f"notify command exited with {done.returncode}{tail}"
        return None


def check_target(url: str) -> str | None:
    """Why a ``--notify`` URL cannot be used (not http(s), credentials, no host), or None."""
    try:
        check_url(url)
    except FetchError as exc:
        return exc.message
    return None
