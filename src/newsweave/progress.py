"""How a long job says where it is, without knowing who listens (a terminal bar, a test, nobody).

Library functions take an optional ``Report`` and call it with a ``Step`` as they go; the CLI
turns steps into a rich progress bar on a terminal and ignores them when piped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    """A job is at ``done`` of ``total`` (None: not known) in ``stage``, last on ``item``."""

    stage: str
    done: int
    total: int | None = None
    item: str = ""


Report = Callable[[Step], None]


def silent(_: Step) -> None:
    """A report that listens to nothing, for callers that do not ask."""


def count(n: int, one: str, many: str | None = None) -> str:
    """ "1 article", "2 articles", "1 story", "3 stories": a count with its noun agreeing."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
