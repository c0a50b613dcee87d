"""Lists of article ids as every format prints them: copies folded under their original, long
lists cut.

A wire story reprinted 145 times is one report, not 145: a list of outlets that names its
copies one by one buries the one outlet that says something else (and made a 150-article
story page 1.9 MB). So an article whose original is in the same list is counted, not named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsweave.model import Brief

# Ids named before "+N more": enough to see who says what, short enough for one line.
IDS_SHOWN = 8


@dataclass(frozen=True, slots=True)
class Folded:
    """Ids to name, copies counted under them, and how many more were cut."""

    shown: tuple[str, ...]
    copies: int = 0
    more: int = 0

    def text(self, sep: str = ", ") -> str:
        """``"a3, a4, a5 +1 copy +2 more"``: the plain form every text format uses."""
        return sep.join(self.shown) + self.tail()

    def tail(self) -> str:
        out = ""
        if self.copies:
            out += f" +{self.copies} {'copy' if self.copies == 1 else 'copies'}"
        if self.more:
            out += f" +{self.more} more"
        return out

    @property
    def one(self) -> str | None:
        """The only id named, when exactly one is (to print its outlet beside it)."""
        return self.shown[0] if len(self.shown) == 1 and not self.more else None

    def named(self, outlets: dict[str, str]) -> str:
        """``"a2 Calder Evening Post"`` for one article (``"a5 Southshore Gazette +1 copy"``),
        else the ids alone; unescaped."""
        if self.one is None:
            return self.text()
        return f"{self.one} {outlets.get(self.one, '')}".rstrip() + self.tail()


def copy_of(brief: Brief) -> dict[str, str]:
    """Each syndicated copy's original."""
    return {b.id: b.copy_of for b in brief.articles if b.copy_of}


def fold(ids: Iterable[str], copies: Mapping[str, str], limit: int = IDS_SHOWN) -> Folded:
    """``ids`` once each, in order, a copy counted (not named) when its original is listed."""
    unique = list(dict.fromkeys(ids))
    present = set(unique)
    named = [a for a in unique if copies.get(a) not in present]
    counted = len(unique) - len(named)
    return Folded(tuple(named[:limit]), counted, max(0, len(named) - limit))


def outlet_names(brief: Brief) -> dict[str, str]:
    """Each article id's outlet as every format names it (``Article.outlet_label``)."""
    return {b.id: b.article.outlet_label() for b in brief.articles}
