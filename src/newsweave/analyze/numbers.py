"""Numbers written in words: "three", "twenty-five", "two hundred and fifty", "half a dozen".

``WORD_NUMBER`` is a regex fragment (no groups, case-insensitive inside) that
``analyze/quantities.py`` splices into its one compiled pattern; ``word_value`` turns what it
matched into a number. Ordinals ("third", "twenty-first") are not numbers here: a figure is a
count or a measure, never a rank.
"""

from __future__ import annotations

import re

ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,  # a common misspelling in hurried copy
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Words that multiply what stands before them; "dozen" is one because "two dozen" is 24.
SCALES = {
    "dozen": 12.0,
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Ordinal and fraction words that, glued on with a hyphen ("twenty-first", "two-thirds"), make
# the number in front of them a rank or a share rather than a figure.
ORDINAL_TAIL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\w+teenth|\w+ieth|hundredth|thousandth|millionth|half|halves|quarters?|thirds|fifths|"
    r"sixths|sevenths|eighths|ninths|tenths)"
)


def _alternation(words: list[str]) -> str:
    """Longest first, so that "seventeen" is tried before "seven"."""
    return "|".join(sorted(words, key=len, reverse=True))


_ONE = r"(?:" + _alternation(list(ONES)) + r")\b"
_TEN = r"(?:" + _alternation(list(TENS)) + r")\b"
# 1 to 99: "seven", "forty", "twenty-five", "twenty five".
_SMALL = r"(?:" + _TEN + r"(?:[-\s]" + _ONE + r")?|" + _ONE + r")"
# 1 to 999: "a hundred", "two hundred and fifty".
_GROUP = (
    r"(?:(?:" + _SMALL + r"|an?)\s+hundred\b(?:\s+(?:and\s+)?" + _SMALL + r")?|" + _SMALL + r")"
)
_BIG = r"(?:thousand|million|billion|trillion)\b"

WORD_NUMBER = (
    # a quick look at the first word, so that the many words that start no number fail fast
    r"(?=(?i:" + _alternation([*ONES, *TENS, "a", "an", "half"]) + r")\b)"
    r"(?i:half\s+an?\s+(?:dozen|hundred|thousand|million|billion)\b"
    # "two million", "a thousand", "three thousand five hundred"
    r"|(?:"
    + _GROUP
    + r"|an?)\s+"
    + _BIG
    + r"(?:,?\s+(?:and\s+)?"
    + _GROUP
    + r"(?!\s+"
    + _BIG
    + r"))?"
    r"|(?:" + _GROUP + r"|an?)\s+dozen\b"
    r"|" + _GROUP + r")"
)

_TOKEN = re.compile(r"[a-z]+")


def word_value(words: str) -> float | None:
    """The number that ``words`` (a ``WORD_NUMBER`` match) spells, or None if it spells none.

    The usual left-to-right reading: small words add up, "hundred" and "dozen" multiply the
    group so far, "thousand" and larger close a group into the total.
    """
    total = 0.0
    current = 0.0
    seen = False
    after_half = False
    for token in _TOKEN.findall(words.lower()):
        if token == "and":
            continue
        if token in ("a", "an"):
            # "a hundred" is one hundred; in "half a dozen" the "a" is already counted by half.
            if not after_half:
                current += 1
            after_half = False
            seen = True
            continue
        after_half = False
        if token == "half":
            current += 0.5
            after_half = True
        elif token in ONES:
            current += ONES[token]
        elif token in TENS:
            current += TENS[token]
        elif token in ("hundred", "dozen"):
            current = (current or 1) * SCALES[token]
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None
