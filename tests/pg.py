"""A throwaway PostgreSQL for the tests: initdb in a temp dir, 127.0.0.1 only, stopped after.

Uses Debian's server binaries (installing them when running as root and they are absent);
skips with the reason when that is not possible.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    dirs = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda d: int(d.parent.name))
    found = [d for d in dirs if (d / "initdb").exists()]
    return found[-1] if found else None


def _install() -> str | None:
    """Install Debian's postgresql without its default cluster; the reason if we cannot."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return "PostgreSQL is not installed (apt-get install postgresql) and we are not root"
    conf = Path("/etc/postgresql-common/createcluster.conf")
    conf.parent.mkdir(parents=True, exist_ok=True)
    if "create_main_cluster = false" not in (conf.read_text() if conf.exists() else ""):
        with conf.open("a") as f:
            f.write("\ncreate_main_cluster = false\n")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "install", "-y", "-q", "postgresql"], ["apt-get", "update", "-q"]):
        subprocess.run(cmd, env=env, capture_output=True, check=False)
        if _bin_dir():
            return None
    subprocess.run(["apt-get", "install", "-y", "-q", "postgresql"], env=env, capture_output=True)
    return None if _bin_dir() else "could not install PostgreSQL from Debian packages"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root: run the server as Debian's 'postgres' user then
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of a fresh, empty database on a private PostgreSQL server."""
    if _bin_dir() is None and (reason := _install()):
        pytest.skip(reason)
    bindir = _bin_dir()
    assert bindir is not None
    root = Path(tempfile.mkdtemp(prefix="newsweave-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    root.chmod(0o700)
    data, port = root / "data", _free_port()
    run = subprocess.run
    run(
        _as_owner(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root}"
        " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    run(
        _as_owner(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "server.log"),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        run(
            _as_owner(
                [
                    str(bindir / "createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "postgres",
                    "newsweave",
                ]
            ),
            check=True,
            capture_output=True,
        )
        yield f"postgresql://postgres@127.0.0.1:{port}/newsweave"
    finally:
        run(
            _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)
