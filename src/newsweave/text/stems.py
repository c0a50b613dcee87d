"""Words of a text, the function words of English, and content words cut to crude stems.

Several stages ask which content two texts share: the cleaner (a teaser shares no words with
the lead), the story split, the timeline, the summary and coverage. They share one tokenizer,
one stopword list and one stemmer, so "strikes" and "strike" meet in every one of them.
"""

from __future__ import annotations

import re

# A word: letters and digits, with inner apostrophes ("don't", "O’Neill"); no underscores.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# English function words: prose is full of them, labels and teaser headlines are not.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our out over own said same says
    she should so some such than that the their them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def words(text: str) -> list[str]:
    """The words of ``text`` as printed (see ``WORD``)."""
    return WORD.findall(text)


def content_stems(text: str) -> set[str]:
    """Content words cut to a crude stem, for comparing what texts are about (not for display)."""
    out = set()
    for w in words(text.lower()):
        w = w.replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if w in STOPWORDS or len(w) < 3 or w.isdigit():
            continue
        for suffix in ("ies", "es", "s", "ed", "ing"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return out
