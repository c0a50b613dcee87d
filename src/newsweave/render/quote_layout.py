"""Quote groups laid out for reading, the same in every format: one heading per speaker, and
under each quotation one row per distinct wording.

Six outlets printing a quotation the same way are one row ("a1, a3, a4, a5, a6: faithful"),
not six; a changed wording is a row of its own with the articles that print it, so the one
outlet that dropped "not" stands out instead of scrolling past.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newsweave.model import Brief, QuoteGroup, QuoteVariant, WordDiff
from newsweave.render.labels import Folded, copy_of, fold

RowKind = Literal["faithful", "changed", "reported"]


@dataclass(frozen=True, slots=True)
class Row:
    """One wording of a quotation and the articles that print it."""

    kind: RowKind
    variant: QuoteVariant  # the first article's, for its text, diff and citation
    articles: Folded
    note: str = ""  # what reverses the meaning, for a changed row


@dataclass(frozen=True, slots=True)
class Quotation:
    group: QuoteGroup
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    quotations: tuple[Quotation, ...]


def by_speaker(brief: Brief, groups: Sequence[QuoteGroup]) -> list[Speaker]:
    """``groups`` under one heading per speaker, speakers in the order they first appear."""
    copies = copy_of(brief)
    heads: dict[str, tuple[str | None, list[Quotation]]] = {}
    for g in groups:
        key = (g.speaker or "").casefold()
        heads.setdefault(key, (g.speaker, []))[1].append(Quotation(g, rows(g, copies)))
    return [Speaker(name, tuple(qs)) for name, qs in heads.values()]


def rows(group: QuoteGroup, copies: dict[str, str]) -> tuple[Row, ...]:
    """Faithful wordings folded into one row; each distinct changed or reported wording a row."""
    flips: dict[str, list[str]] = {}
    for part in (group.note or "").split("; "):
        aid, _, what = part.partition(" ")
        if what:
            flips.setdefault(aid, []).append(what)
    buckets: dict[tuple[RowKind, str], list[QuoteVariant]] = {}
    for v in group.variants:
        kind: RowKind = "reported" if v.kind == "reported" else v.fidelity
        key = (kind, "" if kind == "faithful" else _folded(v.text))
        buckets.setdefault(key, []).append(v)
    out = []
    for (kind, _), vs in buckets.items():
        note = "; ".join(dict.fromkeys(w for v in vs for w in flips.get(v.article, [])))
        out.append(Row(kind, vs[0], fold([v.article for v in vs], copies), note))
    order = {"changed": 0, "faithful": 1, "reported": 2}
    return tuple(sorted(out, key=lambda r: order[r.kind]))


def runs(diff: Sequence[WordDiff]) -> list[tuple[str, str]]:
    """A word-level difference as runs of one operation: ``[("=", "is"), ("-", "not"), …]``,
    so a format marks ``to include`` as one deletion rather than two."""
    out: list[tuple[str, list[str]]] = []
    for d in diff:
        if out and out[-1][0] == d.op:
            out[-1][1].append(d.word)
        else:
            out.append((d.op, [d.word]))
    return [(op, " ".join(words)) for op, words in out]


def _folded(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
