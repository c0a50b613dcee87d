"""The plain-text cleaner: a saved page's text, clutter and all, to article paragraphs.

Many inputs are text already pulled out of a page (copy-paste, a scraper's output, an archive's
text field) with the page furniture still in: a search box label, a "BREAKING NEWS" banner,
photo captions, share and comment widgets, a sidebar of unrelated stories. The cleaner works
paragraph by paragraph on general signals:

1. furniture phrases, captions and credits, "2 hours ago" stamps (``furniture.py``);
2. line shape: sentences with ordinary function words are text; short label-like lines are not;
3. repeats: a paragraph printed twice, or the headline printed again, is kept once;
4. coherence with the lead: a teaser for another story shares no words with the article's lead;
5. position: the article is the best-scoring contiguous run of paragraphs (the page header
   before it and the footer or sidebar after it are dropped), found like a maximum subarray.

Every removed paragraph carries its reason. The headline, byline and dateline found before the
article are taken out of the text too (they are metadata), with reasons that say so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newsweave.extract import datelines
from newsweave.extract.blocks import Block
from newsweave.extract.captions import split_credit
from newsweave.extract.furniture import WRITER_JOBS, furniture_reason, is_truncated
from newsweave.extract.liveblog import MIN_ENTRIES
from newsweave.extract.outlets import names_a_person
from newsweave.options import DEFAULT, Options
from newsweave.text.sentences import ENDS_SENTENCE_OR_QUOTE
from newsweave.text.stems import STOPWORDS, content_stems, words

HEADLINE = "headline (kept as the title)"
BYLINE = "byline (kept as metadata)"
DATELINE = "date stamp (kept as metadata)"
CREDIT = "credit line (kept as metadata)"
REPEAT = "repeats an earlier paragraph"
REPEAT_TITLE = "repeats the headline"
TRUNCATED_COPY = "cut-off copy of another paragraph"
BEFORE = "before the article (page header)"
AFTER = "after the article (page footer or sidebar)"
OFF_TOPIC = "off-topic: shares no words with the article's lead"
INNER_HEADING = "heading or link inside the article"
STAMP = "date or time stamp"
AUTHOR_NOTE = "note about the author"
# More headline-shaped lines than this above the first paragraph of prose make a list.
MAX_HEAD_CANDIDATES = 4
# Reasons that mark metadata rather than furniture: the block is out of the text but its
# content is used.
METADATA_REASONS = frozenset({HEADLINE, BYLINE, DATELINE, CREDIT})

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# "OAN's Sophia Flores": an outlet's possessive and a reporter's name, alone on a line.
_POSSESSIVE_BYLINE = re.compile(
    r"^(?P<outlet>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})[’']s? "
    r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})$"
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters".
_BY_BYLINE = re.compile(
    r"^by\s+(?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|de|van|von)){1,6})"
    r"(?:\s*[,|–—-]\s*(?P<outlet>[A-Z][\w&. ]{1,40}))?$",
    re.IGNORECASE,
)
# "– ABC News' Anne Flaherty", "-ABC News’ Fritz Farrow, Sarah Kolinovsky and Molly Nagel":
# a dash, an outlet's possessive and the reporters who contributed.
_DASH_CREDIT = re.compile(
    r"^[–—-]\s*(?P<outlet>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})"
    r"(?:[’']s? (?P<names>[A-Z].{2,120})|\W*$)"
)
# ``[text](url)``, ``**bold**``, ``_em_`` and ``# heading`` marks of Markdown.
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit found in the text: who wrote it and for which outlet."""

    outlet: str | None
    names: str | None


def normalize(text: str) -> str:
    """NFC, no invisible characters, one kind of space; line breaks are kept."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def _hard_wrapped(line: str, following: str) -> bool:
    """Whether ``following`` continues ``line`` (text wrapped at a fixed width)."""
    return (
        len(line) >= 55
        and not ENDS_SENTENCE_OR_QUOTE.search(line)
        and bool(following)
        and following[0].islower()
        and not following.startswith(("http://", "https://", "www."))  # a link on its own line
    )


def split_paragraphs(text: str, *, markdown: bool = False) -> list[str]:
    """Paragraphs of a text page: each line is one, except lines of hard-wrapped prose."""
    out: list[str] = []
    for line in normalize(text).split("\n"):
        if markdown:
            line = _markdown_inline(line)
        if not line:
            continue
        if out and out[-1] and _hard_wrapped(out[-1], line) and not markdown_heading(line):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


def _markdown_inline(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub(r"\2", line).strip()


def markdown_heading(line: str) -> bool:
    return bool(_MD_HEADING.match(line))


def _key(text: str) -> str:
    """What two printings of one paragraph share: its words, lower case."""
    return " ".join(words(text.lower()))


def is_sentence_like(text: str) -> bool:
    """Prose: long enough, ending like a sentence or built of ordinary function words."""
    toks = words(text)
    if len(toks) < 8:
        return False
    stop = sum(t.lower() in STOPWORDS for t in toks) / len(toks)
    # Without a full stop, only a long run of ordinary prose counts: headlines have function
    # words too, but rarely more than fifteen words.
    # A long line ending in a colon leads into a quote or a list: it is prose too.
    return (
        bool(ENDS_SENTENCE_OR_QUOTE.search(text))
        or text.rstrip().endswith(":")
        or (stop >= 0.3 and len(toks) >= 16)
    )


def is_title_shaped(text: str) -> bool:
    """A headline: a few words, no full stop or colon at the end (a colon hands over to what
    follows: "Courtesy of the Daily News:"), not a lower-case slug."""
    toks = words(text)
    return (
        3 <= len(toks) <= 30
        and not text.rstrip().endswith((".", ":"))
        and not text.islower()
        and text[0].isalnum()
    )


def credit(paragraph: str) -> Credit | None:
    """A credit line ("– ABC News' Anne Flaherty") anywhere in the page."""
    m = _DASH_CREDIT.match(paragraph)
    if m and len(words(paragraph)) <= 20:
        if not m["names"] and names_a_person(m["outlet"]):
            return Credit(None, m["outlet"])  # "— JANE ROE" closing an article is its writer
        return Credit(m["outlet"], m["names"].strip() if m["names"] else None)
    return None


def byline(paragraph: str) -> Credit | None:
    """A byline as pages print it above the article: "By …" or "Outlet's Reporter"."""
    if len(words(paragraph)) > 12:
        return None
    m = _BY_BYLINE.match(paragraph)
    if m:
        return Credit(m["outlet"].strip() if m["outlet"] else None, m["name"].strip())
    m = _POSSESSIVE_BYLINE.match(paragraph)
    if m:
        return Credit(m["outlet"], m["name"])
    return None


@dataclass(slots=True)
class _Para:
    text: str
    reason: str | None = None
    score: float = 0.0
    body: bool = False


def _shape_score(text: str) -> float:
    """Positive for prose (more for longer paragraphs), negative for labels and teasers."""
    toks = words(text)
    if is_sentence_like(text) or _EMBEDDED_POST.search(text):
        return min(len(toks), 60) / 15
    if is_truncated(text):
        return -1.0
    if len(toks) <= 4 and all(t[0].isupper() or t.isdigit() for t in toks):
        return -1.0  # a name or label: "Simone Seikaly", "Visit Bear Lake"
    return -0.5 if len(toks) < 8 else -0.3


def clean(
    text: str, *, markdown: bool = False, title_hint: str | None = None, options: Options = DEFAULT
) -> tuple[Block, ...]:
    """The blocks of a plain-text page, each kept or removed with its reason."""
    raw = [piece for p in split_paragraphs(text, markdown=markdown) for piece in _unglue(p)]
    paras = [_Para(p) for p in raw if len(p) >= options.extract.min_paragraph_chars]
    if not paras:
        return ()
    _mark_signals(paras)
    first_body = next((i for i, p in enumerate(paras) if p.body), len(paras))
    _mark_head(paras, first_body, markdown=markdown, title_hint=title_hint)
    _mark_repeats(paras)
    _mark_off_topic(paras, options.extract.lead_paragraphs)
    start, end = _best_run(paras)
    start = _entry_start(paras, start)
    _mark_inner_headings(paras, start, end)
    _mark_author_note(paras, start, end)
    # A stamp is no prose: on a live blog it opens an entry (kept with it), elsewhere it is
    # a teaser's or an update's date printed between paragraphs.
    live = _is_live(paras)
    blocks = []
    for i, p in enumerate(paras):
        reason = p.reason
        if reason is None and not live and _is_stamp(_MD_HEADING.sub("", p.text)):
            reason = STAMP
        elif reason is None and i < start:
            reason = BEFORE
        elif reason is None and i >= end:
            reason = AFTER
        elif reason == OFF_TOPIC and start <= i < end:
            reason = None  # inside the article, a paragraph on a side topic is still the article
        blocks.append(Block(p.text if not markdown else _MD_HEADING.sub("", p.text), reason))
    return tuple(blocks)


def _unglue(paragraph: str) -> list[str]:
    """A paragraph with a photographer's credit glued to its front, as two paragraphs."""
    split = split_credit(paragraph)
    return list(split) if split else [paragraph]


# An embedded social-media post as scrapes print it: the post, then "— Name (@handle) July 5,
# 2016". The article quotes it, so it scores as prose rather than as a short label.
_EMBEDDED_POST = re.compile(r"[—–-]\s*[^—–()]{1,60}\(@\w{1,15}\)\s+\w+\.? \d{1,2}, \d{4}$")
# How a short line inside the article may end and still be a heading: a word, a figure or a
# question mark; a full stop, comma, colon or closing quote belongs to prose or a lead-in.
_HEADING_END = re.compile(r"[\w?)]$")


def _mark_inner_headings(paras: list[_Para], start: int, end: int) -> None:
    """Short headline-shaped lines between the article's paragraphs: subheadings ("Saudis
    react on social media") and links to related stories ("The rules for flying drones").

    Live blogs are left alone: their entries open with a stamp and a heading that belongs to
    the entry.
    """
    if _is_live(paras):
        return
    for i in range(start + 1, end - 1):
        p = paras[i]
        text = _MD_HEADING.sub("", p.text)
        if (
            p.reason is None
            and len(words(text)) <= 12
            and _HEADING_END.search(text)
            and not is_sentence_like(text)
            and not _is_stamp(text)
            and not _is_stamp(paras[i - 1].text)
            and not _EMBEDDED_POST.search(text)
            and is_title_shaped(text)
        ):
            p.reason = INNER_HEADING


# "Jane Roe is a senior reporter at The Example Times covering courts.", "Jane Roe (@jroe) is
# the editor of …": the writer's note that closes a page. Only the article's last paragraphs
# are read so: inside a story, "X is a reporter for Y" is news about a reporter.
_AUTHOR_NOTE = re.compile(
    r"^(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+(?: \([^()]{2,60}\))?,? (?:is|was|has been) "
    rf"(?:a|an|the) (?:[\w&-]+ ){{0,5}}(?i:{WRITER_JOBS})s?\b(?:(?! said\b)[^“”\"])*$"
)
AUTHOR_NOTE_WORDS = 80


def _mark_author_note(paras: list[_Para], start: int, end: int) -> None:
    """The writer's note in the last paragraphs of the article (``_AUTHOR_NOTE``)."""
    for p in paras[max(start + 1, end - 2) : end]:
        if (
            p.reason is None
            and len(words(p.text)) <= AUTHOR_NOTE_WORDS
            and _AUTHOR_NOTE.match(p.text)
        ):
            p.reason = AUTHOR_NOTE


def _mark_signals(paras: list[_Para]) -> None:
    for p in paras:
        text = _MD_HEADING.sub("", p.text)
        p.reason = furniture_reason(text)
        if p.reason is None and credit(text):
            p.reason = CREDIT
        # Furniture inside an article (a caption, an ad marker) must not split it in two, so one
        # piece weighs little; a header or footer is many pieces in a row and adds up.
        if p.reason == CREDIT:
            p.score = 0.0  # a reporter's credit closes an entry of the article
        elif p.reason:
            p.score = -1.0
        elif _is_stamp(text):
            p.score = 0.0  # live blogs print a time stamp between entries: neither text nor junk
        else:
            p.score = _shape_score(text)
        p.body = p.reason is None and is_sentence_like(text)


def _is_live(paras: list[_Para]) -> bool:
    """A live blog: enough stamps to open entries."""
    return sum(1 for p in paras if _is_stamp(p.text)) >= MIN_ENTRIES


def _is_stamp(text: str) -> bool:
    return (
        datelines.is_stamp_line(text)
        or datelines.clock_stamp(text) is not None
        or datelines.is_dateline_line(text)
    )


def _mark_head(
    paras: list[_Para], first_body: int, *, markdown: bool, title_hint: str | None
) -> None:
    """Headline, byline and stamps before the first paragraph of prose."""
    hint = _key(title_hint) if title_hint else None
    # On a live blog the stamps above the first entry open entries; they are not the page's.
    live = _is_live(paras)
    candidates: list[_Para] = []
    closed = False  # pages print the headline above the stamp and byline, not below
    for p in paras[:first_body]:
        if p.reason is not None:
            continue
        text = _MD_HEADING.sub("", p.text)
        if _is_stamp(text):
            if not live:
                p.reason, p.score = DATELINE, 0.0
            closed = closed or bool(candidates)
        elif byline(text):
            p.reason, p.score = BYLINE, 0.0
            closed = closed or bool(candidates)
        elif not closed and (
            _key(text) == hint
            or (hint is None and (markdown_heading(p.text) if markdown else is_title_shaped(text)))
        ):
            candidates.append(p)
    # Many headline-shaped lines above the prose are a list or a menu, not one headline over
    # an article (a page listing judges' names and courts, a site's section links).
    if len(candidates) > MAX_HEAD_CANDIDATES and hint is None:
        return
    if candidates:
        title = max(candidates, key=lambda p: _title_score(p, paras, hint))
        title.reason, title.score = HEADLINE, 0.0


def _title_score(p: _Para, paras: list[_Para], hint: str | None) -> float:
    """Which head line is the headline: the given title, else the fullest line that the page
    prints again (pages repeat their headline in a slug or at the foot), and not a masthead
    ("Site | Slogan") or a short section name."""
    key = _key(p.text)
    if hint is not None:
        return 100.0 if key == hint else 0.0
    repeated = sum(_key(o.text) == key for o in paras) > 1
    return len(words(p.text)) + 5 * repeated - 10 * ("|" in p.text)


def _mark_repeats(paras: list[_Para]) -> None:
    seen: set[str] = set()
    title = next((_key(p.text) for p in paras if p.reason == HEADLINE), None)
    texts = [p.text for p in paras]
    for p in paras:
        k = _key(p.text)
        if p.reason == HEADLINE or not k:
            continue
        if k == title:
            p.reason, p.score = REPEAT_TITLE, -1.0
        elif p.reason is None and k in seen:
            p.reason = REPEAT  # its score stays: a repeat inside the article is still article
        elif p.reason is None and is_truncated(p.text):
            stem = _key(p.text.rstrip(".… "))
            if any(_key(o).startswith(stem) for o in texts if len(o) > len(p.text)):
                p.reason, p.score = TRUNCATED_COPY, -1.0
        seen.add(k)


def _mark_off_topic(paras: list[_Para], lead_size: int) -> None:
    """Prose that shares no content word with the headline and lead is someone else's story.

    Only a complete miss counts: later paragraphs of an article drift from its lead (a quote,
    background), but they still share a name or a place with it, while a teaser for another
    story shares nothing.
    """
    lead = [p.text for p in paras if p.reason == HEADLINE]
    lead += [p.text for p in paras if p.body][:lead_size]
    vocab = set().union(*(content_stems(t) for t in lead)) if lead else set()
    if not vocab:
        return
    for p in paras:
        if p.reason is not None or p.text in lead:
            continue
        stems = content_stems(p.text)
        if len(stems) >= 6 and not stems & vocab:
            p.reason, p.score = OFF_TOPIC, -1.0


def _entry_start(paras: list[_Para], start: int) -> int:
    """Move the start of the article back over a live-blog entry's stamp and heading.

    A stamp weighs nothing and a heading a little less, so the best run begins at the first
    entry's prose; the stamp and heading above it belong to that entry.
    """
    i = start
    while i > 0 and paras[i - 1].reason is None:
        if _is_stamp(paras[i - 1].text):
            i -= 1
        elif i >= 2 and paras[i - 2].reason is None and _is_stamp(paras[i - 2].text):
            i -= 2
        else:
            break
    return i


def _best_run(paras: list[_Para]) -> tuple[int, int]:
    """The contiguous run of paragraphs with the highest total score (Kadane's algorithm).

    Returns (start, end) with end exclusive; when no paragraph scores above zero the whole
    page is the run, so a page of short lines is not emptied.
    """
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, p in enumerate(paras):
        if total <= 0:
            total, start = 0.0, i
        total += p.score
        if total > best:
            best, best_start, best_end = total, start, i + 1
    if best <= 0:
        return 0, len(paras)
    return best_start, best_end
