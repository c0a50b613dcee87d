"""Title case: a headline's capitals say nothing of which words are names.

Figures read "US Strikes 85 Targets" as a headline, not as a name and a number; speakers
read "Premier Calls Bank Workers' Deaths 'Murder'" as headline words, not as people.
"""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[A-Za-z]+")


def is_title_case(text: str) -> bool:
    """Whether ``text`` is a headline in Title Case: four words in five of more than three
    letters capitalised, and at least three such words."""
    long_words = [w for w in _LETTERS.findall(text) if len(w) > 3]
    capitals = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 3 and capitals >= 0.8 * len(long_words)
