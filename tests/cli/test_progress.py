"""Long jobs on a terminal show where they are (a pseudo-terminal stands in for one); piped,
they print nothing but their result."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from paths import EXAMPLES

pytestmark = pytest.mark.slow
EXE = Path(sys.executable).parent / "newsweave"
FILES = 200
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _notes(folder: Path, n: int = FILES) -> Path:
    """``n`` short reports of one event in different towns, one file each."""
    folder.mkdir()
    for i in range(n):
        town = f"Alderford{i}"
        (folder / f"note-{i:03}.txt").write_text(
            f"{town} library reopens after repairs\n\n"
            f"The public library in {town} reopened on Monday after three months of repairs "
            f"to its roof, the town council said. About {i + 20} readers visited on the first "
            "morning, and the librarian said the children's room would open again next week "
            "once the new shelves arrive from the supplier in the county town.\n",
            encoding="utf-8",
        )
    return folder


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSWEAVE_DB", "NO_COLOR")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}


def on_terminal(argv: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``argv`` with a pseudo-terminal as its stdin, stdout and stderr; its exit code
    and everything it wrote, escape sequences removed."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        argv, stdin=child, stdout=child, stderr=child, cwd=cwd, env=_env(), close_fds=True
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed its side
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    code = proc.wait(timeout=300)
    return code, ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))


def test_ingest_shows_progress_on_a_terminal_and_nothing_when_piped(tmp_path: Path) -> None:
    folder = _notes(tmp_path / "in")
    code, shown = on_terminal([str(EXE), "ingest", "--db", "tty.db", str(folder)], tmp_path)
    assert code == 0, shown
    assert "reading" in shown and f"/{FILES}" in shown and "ETA" in shown
    assert re.search(rf"\b{FILES}/{FILES}\b", shown)  # the count reached its total
    assert "briefing stories" in shown
    assert "note-1" in shown  # the file at hand
    assert f"{FILES} documents ({FILES} new), {FILES} articles ({FILES} new)" in shown

    piped = subprocess.run(
        [str(EXE), "ingest", "--db", "pipe.db", str(folder)],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert piped.returncode == 0
    assert piped.stderr == ""  # no bar, no escape sequences
    assert re.fullmatch(
        rf"{FILES} documents \({FILES} new\), {FILES} articles \({FILES} new\), "
        r"\d+ stor(y|ies) refreshed in [\d.]+ s\n",
        piped.stdout,
    )


def test_quiet_draws_nothing_even_on_a_terminal(tmp_path: Path) -> None:
    folder = _notes(tmp_path / "in", 12)
    code, shown = on_terminal([str(EXE), "ingest", "-q", "--db", "q.db", str(folder)], tmp_path)
    assert code == 0
    assert shown.strip() == ""


def test_brief_shows_its_analysis_and_a_summary_line(tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    code, shown = on_terminal(
        [str(EXE), "brief", "-f", "json", "-o", str(out), str(EXAMPLES / "harbour-fire")],
        tmp_path,
    )
    assert code == 0, shown
    assert "reading" in shown and "analysing" in shown and "ETA" in shown
    assert re.search(r"newsweave: 6 articles read, 1 story briefed, 0 problems in [\d.]+ s", shown)
