"""The README's commands, run as a newcomer would: every command of a block the README says
"runs as written" is run, in order, in a temporary folder holding a copy of examples/, and
must exit 0 with the output its comment promises. A command added to those blocks without a
check here fails the test, so the README cannot drift from what the commands do."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from paths import EXAMPLES, ROOT

pytestmark = pytest.mark.slow
EXE = Path(sys.executable).parent / "newsweave"
Check = Callable[[subprocess.CompletedProcess[str], Path], None]


def readme_commands() -> list[str]:
    """The commands of the README's "runs as written" blocks, comments cut, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"Runs as written[^\n]*\n+```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            command = re.split(r"\s+#", line, maxsplit=1)[0].strip()
            if command:
                commands.append(command)
    return commands


def _json(run: subprocess.CompletedProcess[str]) -> dict[str, object]:
    data = json.loads(run.stdout)  # one JSON document, nothing else on stdout
    assert isinstance(data, dict)
    return data


def _brief_json(run: subprocess.CompletedProcess[str], _: Path) -> None:
    assert _json(run)["schema"] == "newsweave/brief@1"


def _all_json(run: subprocess.CompletedProcess[str], _: Path) -> None:
    data = _json(run)
    assert data["schema"] == "newsweave/briefs@1" and data["briefs"]


def _file(name: str, start: str) -> Check:
    def check(_: subprocess.CompletedProcess[str], where: Path) -> None:
        assert (where / name).read_text(encoding="utf-8").lstrip().lower().startswith(start)

    return check


def _prints(*words: str) -> Check:
    def check(run: subprocess.CompletedProcess[str], _: Path) -> None:
        for word in words:
            assert word.lower() in run.stdout.lower(), word

    return check


def _ingested(run: subprocess.CompletedProcess[str], where: Path) -> None:
    assert re.match(r"7 documents \(7 new\), 7 articles \(7 new\), \d+ stor", run.stdout)
    assert (where / "nw.db").is_file()  # a plain path is a SQLite file, made here


def _conflicts(run: subprocess.CompletedProcess[str], _: Path) -> None:
    data = _json(run)
    assert data["stories"] and all(s["conflicts"] > 0 for s in data["stories"])  # type: ignore[union-attr, index]


def _a_page(run: subprocess.CompletedProcess[str], _: Path) -> None:
    data = _json(run)
    assert data["offset"] == 2 and 0 < len(data["hits"]) <= 2  # type: ignore[arg-type]


CHECKS: dict[str, Check] = {
    ".venv/bin/newsweave brief examples/harbour-fire/": _prints("Harbour Herald"),
    ".venv/bin/newsweave brief --format json examples/harbour-fire/": _brief_json,
    ".venv/bin/newsweave brief --format md -o brief.md examples/harbour-fire/": _file(
        "brief.md", "# "
    ),
    ".venv/bin/newsweave brief --format html -o brief.html examples/harbour-fire/": _file(
        "brief.html", "<!doctype html>"
    ),
    "newsweave stories examples/": _prints("Stories", "harbour-fire/"),
    "newsweave brief --all --format json examples/": _all_json,
    "newsweave ingest --db nw.db examples/": _ingested,
    "newsweave stories --db nw.db": _prints("Stored stories", "Harbour Herald"),
    "newsweave stories --db nw.db --verdict conflict --json": _conflicts,
    'newsweave search --db nw.db "warehouse fire"': _prints("[warehouse]", "[fire]"),
    'newsweave search --db nw.db "warehouse fire" --limit 2 --offset 2 --json': _a_page,
    "newsweave export --db nw.db --story ID --format md -o story.md": _file("story.md", "# "),
    "newsweave serve --db nw.db": _prints(),  # run apart: see _serve
}


def _argv(command: str, story: str) -> list[str]:
    words = shlex.split(command.replace(" ID ", f" {story} "))
    assert words[0] in ("newsweave", ".venv/bin/newsweave")
    return [str(EXE), *words[1:]]


def _serve(argv: list[str], where: Path) -> None:
    """``serve`` runs until stopped: it must print its address and answer there."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [*argv, "--port", str(port)], cwd=where, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "/docs" in line
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories") as r:
                    assert json.load(r)["total"] >= 1
                break
            except OSError:
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_every_command_the_readme_shows_has_a_check() -> None:
    assert readme_commands() == list(CHECKS)


def test_the_readme_commands_run_as_written(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "newsweave").symlink_to(EXE)
    story = ""
    for command in readme_commands():
        argv = _argv(command, story)
        if argv[1] == "serve":
            _serve(argv, tmp_path)
            continue
        run = subprocess.run(
            argv, cwd=tmp_path, capture_output=True, text=True, env={**_env(), "COLUMNS": "200"}
        )
        assert run.returncode == 0, f"{command}\n{run.stderr}"
        CHECKS[command](run, tmp_path)
        if command.startswith("newsweave stories --db") and "--json" in command:
            story = _json(run)["stories"][0]["id"]  # type: ignore[index]
    assert story, "no story id for the export command"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "NEWSWEAVE_DB"}
