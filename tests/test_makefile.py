"""`make test` runs what CI runs: without Chromium or PostgreSQL it stops and says what to
install, instead of skipping those tests and passing with fewer."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from paths import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make")


def _make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", "--no-print-directory", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_no_chromium_stops_make_test_with_what_to_install() -> None:
    run = _make("need-system", "CHROMIUM=/nonexistent/chromium")
    assert run.returncode != 0
    assert "apt-get install chromium" in run.stderr and ".ci/run" in run.stderr


def test_no_postgresql_stops_make_test_with_what_to_install() -> None:
    run = _make("need-system", "PG_INITDB=")
    assert run.returncode != 0
    assert "apt-get install postgresql" in run.stderr


def test_the_check_comes_before_anything_is_installed_or_run() -> None:
    plan = _make("-n", "test").stdout.splitlines()  # what make would run, in order
    check = next(i for i, line in enumerate(plan) if "apt-get install chromium" in line)
    sync = next(i for i, line in enumerate(plan) if "uv sync" in line)
    tests = next(i for i, line in enumerate(plan) if "bin/pytest" in line)
    assert check < sync < tests
