"""Quote marks paired into quoted stretches, with recovery where scraping or translation broke them.

A mark's glyph says little on scraped pages: straight marks have no direction, and bad
translation leaves ``, “ The statement read`` (an opening glyph that closes). So a mark's role
comes first from its state (inside or outside a quotation) and then from its flanks (a word on
its right opens, a word on its left closes); the glyph only breaks ties. Doubles are the
quotations; single marks count only outside them, where headlines use them ("Mayor says
town will ‘build back stronger’ after the flood"), and are nested quotes inside.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsweave.analyze.sentence_rules import sentence_ends
from newsweave.model import Span

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
DOUBLES = DOUBLE_OPEN + DOUBLE_CLOSE + '"'
# Characters after which an opening mark may stand: a quotation starts after a space, a dash or
# a bracket, or glued to a comma or colon on pages that drop spaces ("said,“We").
_OPENERS_AFTER = " \t\n([{—–-/:,;"
# Characters a closing mark may stand before besides space: punctuation that ends a clause.
_CLOSERS_BEFORE = " \t\n.,;:!?)]}—–-…"
# Doubled single marks stand for a double one on pages typed without curly doubles
# ("… voters,’’ Will Moy said", "``Yes''").
_PAIRED_SINGLES = {"’’": "”", "‘‘": "“", "''": '"', "``": "“"}
_DOUBLE_RE = re.compile("|".join([*map(re.escape, _PAIRED_SINGLES), f"[{DOUBLES}]"]))
_SINGLE_OPEN_RE = re.compile(f"[{SINGLE_OPEN}']")
_SINGLE_CLOSE_RE = re.compile(f"[{SINGLE_CLOSE}'\n]")
# An unclosed quotation runs at most this far before we cut it at a sentence end.
MAX_QUOTE = 2000


@dataclass(frozen=True, slots=True)
class Stretch:
    """Words between a pair of quote marks (marks excluded).

    ``opened``/``closed`` are the offsets of the marks, None where a mark was missing and the
    stretch was recovered; ``continues`` marks a quotation carried on from the paragraph
    before (an opening mark with no closing one, then a paragraph that opens with a mark).
    """

    span: Span
    paragraph: int
    opened: int | None
    closed: int | None
    single: bool = False
    continues: bool = False


# A quoted phrase is short; a longer quotation the reporter's sentence goes on from is still
# someone's words ("“The council is alleging that … peacefully” were the charges").
PHRASE_WORDS = 6


def runs_into_sentence(text: str, s: Stretch) -> bool:
    """Whether the reporter's sentence goes on from a short quotation with no stop or comma
    ("“Containment” has been the policy since 1950"): the quoted words are a phrase of the
    reporter's clause, not a speaker's sentence, which ends on a comma or a stop."""
    words = text[s.span.start : s.span.end].rstrip()
    if len(words.split()) > PHRASE_WORDS:
        return False
    closed = s.closed + 1 if s.closed is not None else s.span.end
    after = text[closed : closed + 2]
    ends = bool(words) and words[-1] in ",.!?…;:—–-"
    return bool(words) and not ends and after[:1] == " " and after[1:].islower()


@dataclass(frozen=True, slots=True)
class _Mark:
    at: int
    char: str
    can_open: bool
    can_close: bool
    width: int = 1

    @property
    def last(self) -> int:
        """Offset of the mark's last character."""
        return self.at + self.width - 1


def _mark(text: str, i: int, start: int, end: int, width: int = 1) -> _Mark:
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    # A word (or an opening bracket) on the right and a space or clause mark on the left opens.
    can_open = not after.isspace() and after not in ".,;:!?)]}" and before in _OPENERS_AFTER
    can_close = not before.isspace() and before not in "([{" and after in _CLOSERS_BEFORE + "\"“”’'"
    if before.isalnum() and after.isalnum():
        # Glued on both sides ("word"word): let the state decide.
        can_open = can_close = True
    char = _PAIRED_SINGLES.get(text[i : i + width], text[i])
    return _Mark(i, char, can_open, can_close, width)


def stop_before(text: str, end: int) -> str:
    """The character that ends the words before ``end``, closing marks and spaces passed over
    ("… will hold.”" gives "."): whether a quotation ended its sentence."""
    i = end
    while i > 0 and text[i - 1] in "”\"’' ":
        i -= 1
    return text[i - 1] if i > 0 else ""


def _is_inch(text: str, i: int, start: int) -> bool:
    """A straight mark after a figure may be a measure (a 12" pipe, 5' 11"), not a quotation."""
    return text[i] in "\"'" and i > start and text[i - 1].isdigit()


def _without_inches(text: str, found: Iterable[re.Match[str]], start: int) -> list[re.Match[str]]:
    """Rule "a figure closes a quotation": a straight mark after a figure is a measure only
    where no straight quotation is open before it. One that is ends it ("accepted "about
    $200,000" from banks"), as a quotation of a figure is far commoner in news than inches."""
    out = []
    open_straight = False
    for m in found:
        straight = m.group() == '"'
        if straight and _is_inch(text, m.start(), start) and not open_straight:
            continue
        out.append(m)
        if straight:
            open_straight = not open_straight
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch without surrounding white space (what the quotation says, marks excluded)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut_at_sentence(text: str, start: int, limit: int) -> int:
    """Where an unclosed quotation opened at ``start`` most likely ends: its first sentence end."""
    ends = sentence_ends(text[start:limit])
    return start + ends[0] if ends else limit


def _unclosed_end(text: str, p: Span, opened: int, limit: int) -> int:
    """Where a quotation whose closing mark was lost most likely ends.

    One that opens its paragraph or follows a colon or comma ("said: “…") is a whole
    quotation and runs on to ``limit``; one opened inside the reporter's sentence is a
    partial quote and ends with that sentence.
    """
    lead = text[p.start : opened].rstrip()
    if not lead or lead[-1] in ":,":
        return limit
    return _cut_at_sentence(text, opened + 1, limit)


def _doubles(text: str, p: Span, pi: int, carried: bool) -> tuple[list[Stretch], bool]:
    """Double-quoted stretches of one paragraph, and whether a quotation is still open at its end.

    ``carried`` says the paragraph before ended inside a quotation; a paragraph that then opens
    with a mark continues it (the news convention for a quotation that runs over paragraphs).
    """
    out: list[Stretch] = []
    marks = [
        _mark(text, m.start(), p.start, p.end, len(m.group()))
        for m in _without_inches(text, _DOUBLE_RE.finditer(text, p.start, p.end), p.start)
    ]
    open_at: int | None = None
    open_w = 1
    continues = False
    last_close = p.start
    # Straight marks only, an even count: they pair in order, whatever their flanks say. A
    # closing mark typed against the next word ("… the pumps are old, "Tom Ellery said")
    # would otherwise open a quotation that swallows the reporter's words.
    in_pairs = len(marks) % 2 == 0 and all(m.char == '"' for m in marks)

    def emit(start: int, end: int, opened: int | None, closed: int | None, cont: bool) -> None:
        s, e = _trim(text, start, end)
        if e > s and any(c.isalnum() for c in text[s:e]):
            out.append(Stretch(Span(s, e), pi, opened, closed, False, cont))

    for k, m in enumerate(marks):
        if open_at is None:
            if in_pairs or m.can_open or (not m.can_close and m.char not in DOUBLE_CLOSE):
                open_at, open_w = m.at, m.width
                continues = carried and k == 0 and not text[p.start : m.at].strip()
            else:
                # A closing mark with no opening one: the opener was lost in scraping or
                # translation. Recover the words back to the last mark or sentence start.
                back = max(last_close, _sentence_start(text, p, m.at))
                emit(back, m.at, None, m.last, False)
                last_close = m.last + 1
        elif in_pairs or m.can_close or not m.can_open or m.char in DOUBLE_CLOSE:
            emit(open_at + open_w, m.at, open_at, m.last, continues)
            open_at, continues, last_close = None, False, m.last + 1
        else:
            # An opening mark while one is open: the first was never closed. End it at its
            # first sentence end (or just before this mark) and open anew.
            end = _cut_at_sentence(text, open_at + open_w, m.at)
            emit(open_at + open_w, end, open_at, None, continues)
            open_at, open_w, continues = m.at, m.width, False
    if open_at is None:
        return out, False
    # Still open at the paragraph's end: either the quotation goes on in the next paragraph
    # (decided by the caller) or its closing mark was lost.
    limit = min(p.end, open_at + open_w + MAX_QUOTE)
    emit(open_at + open_w, limit, open_at, None, continues)
    return out, True


def _sentence_start(text: str, p: Span, at: int) -> int:
    """Start of the sentence holding offset ``at`` within its paragraph (by rule)."""
    start = p.start
    for e in sentence_ends(text[p.start : at]):
        start = p.start + e
    return start


def _within(spans: Sequence[Span], at: int, pad: int = 0) -> bool:
    """Whether ``at`` falls in one of ``spans`` (sorted, not overlapping), widened by ``pad``."""
    k = bisect_right([sp.start - pad for sp in spans], at) - 1
    return k >= 0 and at <= spans[k].end + pad


def _singles(text: str, p: Span, pi: int, taken: Sequence[Span]) -> list[Stretch]:
    """Single-quoted stretches outside double quotations, paired strictly.

    Single marks double as apostrophes ("Iran’s", "soldiers’ deaths", "’90s"), so a pair needs
    an opening mark with a space or bracket on its left and a word on its right, and a closing
    one with no letter on its right, in the same paragraph, not too far apart.
    """
    out: list[Stretch] = []
    i = p.start
    while (m := _SINGLE_OPEN_RE.search(text, i, p.end)) is not None:
        i = m.start()
        before = text[i - 1] if i > p.start else " "
        after = text[i + 1] if i + 1 < p.end else " "
        if (
            (before.isspace() or before in "([{—–-:")
            and after.isalnum()
            and not _within(taken, i, 2)
        ):
            j = _single_close(text, i + 1, min(p.end, i + 400))
            if j is not None and not _within(taken, j):
                s, e = _trim(text, i + 1, j)
                if sum(c.isalpha() for c in text[s:e]) >= 2:
                    out.append(Stretch(Span(s, e), pi, i, j, True))
                i = j + 1
                continue
        i += 1
    return out


def _single_close(text: str, start: int, limit: int) -> int | None:
    j = start
    while (m := _SINGLE_CLOSE_RE.search(text, j, limit)) is not None:
        j = m.start()
        if text[j] == "\n":
            return None
        after = text[j + 1] if j + 1 < limit else " "
        # "soldiers’ deaths" inside a pair would end it early: a closing mark is followed by
        # punctuation, or by a space and then not by a lower-case noun it possesses.
        possessive = after.isspace() and text[j - 1] == "s" and text[j + 2 : j + 3].islower()
        if not after.isalnum() and not text[j - 1].isspace() and not possessive:
            return j
        j += 1
    return None


def quote_stretches(text: str, paragraphs: Sequence[Span]) -> list[Stretch]:
    """Every quoted stretch of the text, in order, recovered where marks are unbalanced."""
    out: list[Stretch] = []
    carried = False
    for pi, p in enumerate(paragraphs):
        doubles, still_open = _doubles(text, p, pi, carried)
        if carried and not (doubles and doubles[0].continues) and out and out[-1].closed is None:
            _close_lost(text, paragraphs, out)
        singles = _singles(text, p, pi, [d.span for d in doubles])
        out.extend(sorted([*doubles, *singles], key=lambda s: s.span.start))
        carried = still_open
    if carried and out and out[-1].closed is None:
        _close_lost(text, paragraphs, out)
    return out


def _close_lost(text: str, paragraphs: Sequence[Span], out: list[Stretch]) -> None:
    """The paragraph before ended inside a quotation that the next one does not carry on: its
    closing mark was lost, so the last stretch is cut where such a quotation most likely ends."""
    last = out[-1]
    if last.opened is None:
        return
    p = paragraphs[last.paragraph]
    s, e = _trim(text, last.span.start, _unclosed_end(text, p, last.opened, last.span.end))
    if e > s:
        out[-1] = Stretch(Span(s, e), last.paragraph, last.opened, None, False, last.continues)
