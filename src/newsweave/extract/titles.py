"""A title for a page that prints no headline: the first clause of its lead sentence.

Pages scraped as text often lose their headline (it sat in markup the scraper dropped), and a
brief without titles shows file names. The lead sentence says what happened; its first clause,
without the dateline, reads as a headline ("A Dallas priest accused of taking $60,000 from his
parish is missing"). Such a title is marked inferred, and it is never a furniture line: only
a paragraph of prose is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.extract.blocks import Block
from newsweave.extract.text import is_sentence_like
from newsweave.text.sentences import SENTENCE_GAP
from newsweave.text.stems import words

# A lead's dateline: "DALLAS –", "LONDON (AP) —", "(CNN) —", "Port Calder, March 4 (Reuters) -".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .,'’-]{1,40}?\s*)?(?:\([A-Za-z .&'’-]{1,30}\)\s*)?[—–-]{1,2}\s+"
    r"|^\([A-Z][\w .&'’-]{1,30}\)\s+(?=[A-Z])"
    r"|^[A-Z][\w .,'’-]{1,30}:\s+(?=[A-Z])"
)
_ABBREVIATED = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Za-z]|\.[A-Za-z])\.$")
# Where a clause ends: a comma, semicolon, colon or dash after a few words.
_CLAUSE_END = re.compile(r"[,;:]\s|\s[—–-]{1,2}\s")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!]|[{}]")
MIN_WORDS = 4
MAX_WORDS = 20


def inferred_title(blocks: Sequence[Block]) -> str | None:
    """The first clause of the first kept paragraph of prose, or None when there is none."""
    lead = next((b.text for b in blocks if b.kept and is_sentence_like(b.text)), None)
    if lead is None:
        return None
    m = _DATELINE.match(lead)
    if m and len(words(lead[: m.end()])) <= 4:
        lead = lead[m.end() :]
    sentence = _first_sentence(lead).rstrip(" .")
    clause = sentence
    for cut in _CLAUSE_END.finditer(sentence):
        if len(words(sentence[: cut.start()])) >= MIN_WORDS + 1 and not _between_modifiers(
            sentence, cut.start(), cut.end()
        ):
            clause = sentence[: cut.start()]
            break
    toks = clause.split()
    if len(toks) > MAX_WORDS:
        clause = " ".join(toks[:MAX_WORDS]).rstrip(",;:") + " …"
    clause = clause.strip("“”\"' ")
    # A lead with markup in it (a page's script or tags left as text) makes no headline.
    if len(words(clause)) < MIN_WORDS or _MARKUP.search(clause):
        return None
    return clause[0].upper() + clause[1:]


def _between_modifiers(sentence: str, start: int, end: int) -> bool:
    """Whether a comma only separates modifiers of one noun ("a 60-year-old, retired
    skipper", "the 6-foot-9, 250-pound forward"): a compound modifier before it and a modifier
    after it, so cutting there would leave the title on "a 60-year-old"."""
    before = sentence[:start].split()
    after = sentence[end:].split()
    if sentence[start] != "," or not before or not after:
        return False
    return "-" in before[-1] and (after[0][:1].islower() or after[0][:1].isdigit())


def _first_sentence(text: str) -> str:
    # A sentence's end: a gap after a stop, unless the word before it is an initial or a short
    # abbreviation ("Sgt.", "St.", "Jan.", "U.S."): a small rule of its own, since extraction
    # sits below the analysis stage's splitter.
    for m in SENTENCE_GAP.finditer(text):
        before = text[: m.start()].rstrip("\"'”’")
        if not _ABBREVIATED.search(before):
            return text[: m.start()]
    return text
