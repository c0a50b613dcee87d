"""What the story clusterer knows about one article: words, names, years and a vector.

Everything here is a pure function of the article's text, so a feature can be recomputed from
the stored record at any time. Weights that depend on the whole collection (IDF) are applied
later, by ``similarity.py``, against counts that grow as articles arrive.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from newsweave.model import Article

Vector = npt.NDArray[np.float32]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words and numbers of two characters or more: figures (an age, a toll, a magnitude) tell
# apart two events of one kind as well as names do.
_WORD = re.compile(r"\b\w\w+\b")
# A run of capitalised words ("Port Calder", "Wladimir Klitschko"), joined by a few
# lower-case particles that live inside names ("Bank of England", "Leonardo da Vinci").
_NAME = re.compile(
    r"\b[A-Z][\w'’.\-]*[A-Za-z](?:\s+(?:(?:of|de|da|del|la|van|von|al|bin)\s+)?[A-Z][\w'’.\-]*[A-Za-z])*"
)
# Years a report mentions: "the 2008 quake" and "the 2013 quake" are different events.
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")

# Capitalised only because they start a sentence or are calendar words: not names.
_NOT_NAMES = _word_set(
    """a an and as at but by for from he her his i if in it its mr mrs ms dr on or our she so
    that the their them then there these they this those to we what when where which while who
    why with you your after before during since until about also however meanwhile
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow"""
)

# Common English function words, dropped from the lexical profile (a short list is enough:
# IDF already discounts the rest).
STOP_WORDS = _word_set(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own said same says she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves one two new told say according"""
)


@dataclass(frozen=True, slots=True)
class DocFeatures:
    """The clusterer's view of one article.

    ``terms`` and ``lead_terms`` map words and word pairs to sublinear counts; ``names`` maps
    lower-cased names (a full name and each of its words) to sublinear counts; ``key_scores``
    says how much the report is about each name, before IDF; ``vector`` is a unit-length
    embedding of headline and lead (empty when none was computed).
    """

    terms: dict[str, float] = field(default_factory=dict)
    lead_terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    key_scores: dict[str, float] = field(default_factory=dict)
    years: frozenset[int] = frozenset()
    day: date | None = None
    vector: Vector = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    title: str | None = None


def lead_text(article: Article, paragraphs: int = 2) -> str:
    """Headline and first paragraphs: where a report says who, what, where and when."""
    body = _body_paragraphs(article)
    parts = [article.title] if article.title and _printed_title(article) else []
    parts.extend(body[:paragraphs])
    return "\n".join(parts) if parts else article.text[:1000]


def full_text(article: Article) -> str:
    body = "\n\n".join(_body_paragraphs(article))
    return f"{article.title}\n{body}" if _printed_title(article) else body


def _printed_title(article: Article) -> bool:
    """A headline the page printed; a title inferred from the lead is already in the text and
    would count its words twice."""
    return bool(article.title) and not article.title_inferred


def _body_paragraphs(article: Article) -> list[str]:
    """Paragraphs without a leading copy of the headline (some extractions keep it in the
    text), so the headline is counted once."""
    texts = article.paragraph_texts() or [article.text]
    title = (article.title or "").strip()
    if title and texts and texts[0].strip() == title:
        return texts[1:]
    return texts


def words(text: str) -> list[str]:
    """Lower-cased content words and numbers, stop words dropped."""
    return [w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in STOP_WORDS]


def term_counts(text: str, pairs: bool = True) -> dict[str, float]:
    """Sublinear counts of words and, with ``pairs``, adjacent word pairs (pairs keep
    "North Quay" apart from a quay and a north wind)."""
    toks = words(text)
    counts = Counter(toks)
    if pairs:
        counts.update(f"{a} {b}" for a, b in itertools.pairwise(toks))
    return _sublinear(counts)


def name_counts(text: str) -> Counter[str]:
    """Names (runs of capitalised words) and each of their words, lower-cased.

    A full name and its surname both count, so "Tony Thompson" and a later bare "Thompson"
    meet; words that are capitalised only by position or calendar are dropped.
    """
    counts: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        parts = [p for p in match.group(0).split() if p.lower().strip(".") not in _NOT_NAMES]
        if not parts:
            continue
        lowered = [p.lower().rstrip(".") for p in parts]
        if len(lowered) > 1:
            counts[" ".join(lowered)] += 1
        counts.update(w for w in lowered if len(w) > 1)
    return counts


def years_in(text: str) -> frozenset[int]:
    return frozenset(int(y) for y in _YEAR.findall(text))


def key_name_scores(names: Counter[str], lead: Counter[str]) -> dict[str, float]:
    """How much a report is about each single-word name: repeated, and in the lead.

    Only words of names count (a surname recurs where a full name appears once). IDF is
    applied by the caller, which knows the collection.
    """
    scores: dict[str, float] = {}
    for name, count in names.items():
        if " " in name:
            continue
        in_lead = lead.get(name, 0) > 0
        # A name met once, outside the lead, is a passing mention, not what the report is about.
        if count >= 2 or in_lead:
            scores[name] = count * (2.0 if in_lead else 1.0)
    return scores


def article_features(article: Article, vector: Vector | None = None) -> DocFeatures:
    """Every feature of one article but the vector, which the caller computes in batches."""
    text = full_text(article)
    lead = lead_text(article)
    names = name_counts(text)
    return DocFeatures(
        terms=term_counts(text),
        # Single words only: a lead is short, and pairs would make two leads rarely meet.
        lead_terms=term_counts(lead, pairs=False),
        names=_sublinear(names),
        key_scores=key_name_scores(names, name_counts(lead)),
        years=years_in(text),
        day=article.published,
        vector=vector if vector is not None else np.zeros(0, dtype=np.float32),
        title=article.title,
    )


def _sublinear(counts: Counter[str]) -> dict[str, float]:
    # 1 + log(tf): the tenth "fire" in a report says less than the first.
    return {t: 1.0 + math.log(c) for t, c in counts.items()}
