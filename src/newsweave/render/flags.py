"""Notes written into summary sentences where the sentence alone would mislead.

The summary copies sentences verbatim, so "The four injured firefighters were taken to
hospital" reads as settled even when another outlet says six, and "…,” he said" names no one
once the sentence stands alone. The sentence itself is never changed; each format shows the
note beside the words it is about: "four [disputed: a2 says six]", "he [Owen Braddock] said".
Both come from what the brief already holds (claims' report spans, articles' attributions),
located through the summary sentence's citations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsweave.model import Brief, BriefArticle, Claim, Report, SummarySentence
from newsweave.render.labels import copy_of, fold

# Sources written as a bare pronoun: the sentence names no one without its article.
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})


@dataclass(frozen=True, slots=True)
class Flag:
    """A note to show right after ``sentence.text[:at]``."""

    at: int
    kind: Literal["disputed", "speaker"]
    note: str


Piece = tuple[str, Flag | None]


def summary_flags(brief: Brief, sentence: SummarySentence) -> list[Flag]:
    """The notes for one summary sentence, in reading order."""
    arts = {b.id: b for b in brief.articles}
    copies = copy_of(brief)
    flags: dict[tuple[int, str], Flag] = {}
    for c in sentence.citations:
        b = arts.get(c.article)
        if b is None:
            continue
        found = b.article.text.find(sentence.text, c.span.start, c.span.end)
        if found < 0:  # an equivalent sentence, not this one verbatim: offsets would not hold
            continue
        end = found + len(sentence.text)
        for claim in brief.claims:
            if claim.verdict != "conflict":
                continue
            for r in claim.reports:
                if r.article == c.article and found <= r.span.start and r.span.end <= end:
                    note = disputed_note(claim, r, copies)
                    if note:
                        at = r.span.end - found
                        flags.setdefault((at, "disputed"), Flag(at, "disputed", note))
        for at, name in _pronoun_speakers(b, found, end):
            flags.setdefault((at, "speaker"), Flag(at, "speaker", name))
    return sorted(flags.values(), key=lambda f: f.at)


def disputed_note(claim: Claim, report: Report, copies: dict[str, str]) -> str:
    """ "disputed: a2 says six": the figures of the claim that cannot be true with ``report``."""
    others: dict[str, list[str]] = {}
    for r in claim.reports:
        if r.article != report.article and not _meet(r, report):
            others.setdefault(r.text.casefold(), []).append(r.article)
    if not others:
        return ""
    parts = []
    for wording, ids in others.items():
        folded = fold(ids, copies)
        verb = "says" if len(folded.shown) == 1 and not folded.copies and not folded.more else "say"
        parts.append(f"{folded.text()} {verb} {wording}")
    return "disputed: " + "; ".join(parts)


def _meet(a: Report, b: Report) -> bool:
    lo = max(x for x in (a.low, b.low, float("-inf")) if x is not None)
    hi = min(x for x in (a.high, b.high, float("inf")) if x is not None)
    return a.unit == b.unit and lo <= hi


def _pronoun_speakers(b: BriefArticle, start: int, end: int) -> list[tuple[int, str]]:
    """(offset after the pronoun, the speaker's name) for each attribution in the sentence
    whose source is written as a pronoun but known by name."""
    out = []
    for x in b.attributions:
        s = x.source_span
        if s is None or not x.source or not (start <= s.start and s.end <= end):
            continue
        written = b.article.text[s.start : s.end]
        if written.casefold() in PRONOUNS and x.source.casefold() not in PRONOUNS:
            out.append((s.end - start, x.source))
    return out


def pieces(text: str, flags: list[Flag]) -> list[Piece]:
    """The sentence cut at its flags: text pieces (with None) and flag pieces (text "")."""
    out: list[Piece] = []
    last = 0
    for f in flags:
        if f.at > last:
            out.append((text[last : f.at], None))
            last = f.at
        out.append(("", f))
    if last < len(text):
        out.append((text[last:], None))
    return out
