"""The command line: each command calls one library function and formats its result.

One module per command or family (``brief``, ``stories``, ``store``, ``watch``, ``batch``);
``common`` holds the options they share, ``listing`` the formats of listing commands and
``progress`` the bar long jobs draw on a terminal.
"""

from __future__ import annotations

import sys

from newsweave.cli import batch, brief, store, stories, watch
from newsweave.cli.app import app
from newsweave.errors import NewsweaveError
from newsweave.render.escape import one_line

# Registered here, in the order ``newsweave --help`` lists them: from one folder to a store.
for command in (
    brief.brief,
    stories.stories,
    store.ingest,
    store.serve,
    store.search,
    store.export,
    watch.watch,
    batch.batch,
):
    app.command()(command)

__all__ = ["app", "main"]


def main() -> None:
    """The ``newsweave`` command. An error newsweave raises on purpose that no command caught
    (a database lost mid-run) ends in one line, not a traceback."""
    try:
        app()
    except NewsweaveError as err:
        print(f"newsweave: error: {one_line(str(err))}", file=sys.stderr)
        sys.exit(1)
