"""Month names as news copy prints them, for the rules that must not read a date as
something else ("Sept. 11" ends no sentence; "May" is no person)."""

from __future__ import annotations

# The abbreviations news copy writes before a day ("Jan. 5", "Sept. 11"); "may" needs none.
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())  # noqa: SIM905
MONTH_NAMES = frozenset(
    """january february march april may june july august september october november
    december""".split()  # noqa: SIM905
)
