"""Sentence ends found by rule, for short stretches where running the model would cost more.

The quote stages need sentence cuts inside a quotation ("The pier is shut. It will reopen
…") and in the few words around one ("…,” Lt. Col. Maria Duarte said."). The model's
sentences (``AnnotatedArticle.sentences``) cover whole paragraphs and may not cut inside quote
marks; these rules are cheap, predictable and know the abbreviations of news copy.
"""

from __future__ import annotations

import re

from newsweave.text.months import MONTH_ABBREVIATIONS
from newsweave.text.sentences import SENTENCE_BREAK_RUN

# Words that end with a full stop without ending a sentence: titles and ranks before names,
# and the dotted country abbreviations of news copy ("Lt. Col. Maria Duarte", "U.S. forces").
ABBREVIATIONS = frozenset(
    {
        "adm",
        "brig",
        "capt",
        "cmdr",
        "co",
        "col",
        "const",
        "corp",
        "cpl",
        "cst",
        "det",
        "dr",
        "gen",
        "gov",
        "inc",
        "insp",
        "jr",
        "lt",
        "maj",
        "mr",
        "mrs",
        "ms",
        "no",
        "prof",
        "pvt",
        "rep",
        "rev",
        "sen",
        "sgt",
        "sr",
        "st",
        "supt",
        "vs",
    }
)

# Abbreviations that stand before a name or a number and never close a sentence in news copy:
# ranks, titles, months and "No.", "St.", "Mt." ("Sgt. Joanne Roe", "Jan. 5", "No. 10").
BEFORE_NAME = frozenset(
    """
    adm brig capt cmdr col const cpl cst det dr gen gov insp lt maj mr mrs ms prof rep rev sen
    sgt supt
    pvt sr jr st mt ft no jan feb aug sept sep oct nov dec ave blvd
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_LAST_WORD = re.compile(r"(?:^|[\s(“\"‘'])([A-Za-z]+)\.$")


def ends_with_title(text: str) -> bool:
    """Whether ``text`` ends on a title or month abbreviation ("… Police Sgt."), after which
    a statistical splitter often cuts a sentence in two."""
    m = _LAST_WORD.search(text.rstrip())
    if m is None:
        return False
    # Abbreviations are capitalised: "No. 10" is one, "he said no." is not.
    return m.group(1)[0].isupper() and m.group(1).lower() in BEFORE_NAME


_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation rather than a sentence."""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, 0, dot)
    if not m:
        return False
    word = m.group(1)
    # Single capitals and dotted initialisms: "J. Smith", "U.S.", "U.N.".
    if len(word) == 1 and word.isupper():
        return True
    if "." in word:
        return True
    return word.lower() in ABBREVIATIONS


def _month_before(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes a month's abbreviation ("Sept.")."""
    m = _WORD_BEFORE.search(text, 0, dot)
    word = m.group(1) if m else ""
    return word[:1].isupper() and word.lower() in MONTH_ABBREVIATIONS


def sentence_ends(text: str) -> list[int]:
    """Offsets just past the end of each sentence of ``text`` but the last."""
    ends: list[int] = []
    for m in SENTENCE_BREAK_RUN.finditer(text):
        after = text[m.end() :].lstrip()
        # A sentence ends where the next one starts with a capital, a digit or a quote mark;
        # "a.m. on Friday" and "e.g. this" go on.
        if not after or not (after[0].isupper() or after[0].isdigit() or after[0] in "\"“‘'(["):
            continue
        if _is_abbreviation(text, m.start()) and not text[m.start() + 1 : m.end()].strip():
            continue
        if after[0].isdigit() and _month_before(text, m.start()):
            continue  # "the attacks of Sept. 11, 2001": a date, not a sentence end
        ends.append(m.end())
    return ends


def sentence_pieces(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, white space trimmed."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for end in [*sentence_ends(text), len(text)]:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            pieces.append((s, e))
        start = end
    return pieces
