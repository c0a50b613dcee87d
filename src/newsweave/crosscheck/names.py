"""Name normalisation for merging entities: surface clean-up, keys, places and initials.

Outlets spell one name many ways: with or without a title ("President Joe Biden"), with a
curly, straight or no apostrophe in a transliteration ("Kata’ib" / "Kataib"), in capitals or
not ("CENTCOM" / "Centcom"), singular or plural ("Guard" / "Guards Corps"), as initials
("IRGC"). These functions reduce a surface form to a comparable key and tell whether an
acronym spells a name, without touching the surface forms themselves (aliases keep them).
Titles and the acronym rules themselves are in ``newsweave.text.names``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from newsweave.text.names import spells

Key = tuple[str, ...]

# Apostrophes and their look-alikes: transliterations carry them or drop them ("Kata’ib").
APOSTROPHES = "'’‘ʼ`´ʻ"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
# Possessive endings ("Iran’s", "Corps’"): the name is the possessor without them.
_POSSESSIVE_RE = re.compile(f"[{APOSTROPHES}]s?$")
# Quote marks, brackets and punctuation that spaCy leaves at an entity's edges ("IRGC)").
_EDGE_LEAD = "\"“”„«»‘’'([{—–-•*"
_EDGE_TRAIL = "\"“”„«»‘’'()[]{},;:!?—–-•*"
# A leading article is not part of a name ("the White House").
_LEADING_ARTICLE_RE = re.compile(r"(?:the|The|THE)\s+")

# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "đ": "d"}
)
# Words that names abbreviate ("Mt. Tabor" is "Mount Tabor", "Ft. Worth" "Fort Worth").
_ABBREVIATED_WORDS = {"mt": "mount", "ft": "fort"}
# A verse or footnote number glued to a name's last word ("Christ.14").
_GLUED_NUMBER_RE = re.compile(r"(?<=[a-z])\.\d{1,3}$")

# Lower-case particles that open Arabic, Dutch, German, French and other names ("al-Awadi").
NAME_PARTICLES = frozenset(
    "al el ad ar as ash at az ibn bin bint abu van von der den de da di du la le".split()  # noqa: SIM905
)

# Words that name the kind of organisation rather than which one: a short form often drops
# them ("the Revolutionary Guard" for "the Revolutionary Guard Corps", "Meridale" for
# "Meridale Logistics").
GENERIC_ORG_WORDS = frozenset(
    """
    corps force group party movement organisation organization army brigade militia council
    committee agency department ministry command company co inc ltd llc plc corporation corp
    holdings logistics service authority association union foundation institute network
    bank fund front alliance coalition federation league office bureau club society trust
    school college university hospital motors airport station church cathedral
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def clean_bounds(text: str) -> tuple[int, int]:
    """Where the name lies in an entity's text: without edge punctuation, a leading "the" or a
    possessive ending. Offsets, so the name stays the exact characters printed."""
    a, b = 0, len(text)
    prev = (-1, -1)
    while (a, b) != prev and a < b:
        prev = (a, b)
        while a < b and (text[a].isspace() or text[a] in _EDGE_LEAD):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in _EDGE_TRAIL):
            b -= 1
        m = _LEADING_ARTICLE_RE.match(text, a, b)
        if m:
            a = m.end()
        m = _POSSESSIVE_RE.search(text, a, b)
        if m and b - a > 3:
            b = m.start()
        m = _GLUED_NUMBER_RE.search(text, a, b)
        if m:
            b = m.start()
    return a, b


def clean_surface(text: str) -> str:
    """The name as printed, without edge punctuation, a leading "the" or a possessive ending."""
    a, b = clean_bounds(text)
    return text[a:b]


def is_name_like(surface: str) -> bool:
    """Whether a cleaned surface can be a proper name: it starts with a capital, or with a
    lower-case name particle before one ("al-Qaim", "van Gogh"), and is more than one letter."""
    if len(surface) < 2 or not any(c.isalpha() for c in surface):
        return False
    if surface[0].isupper():
        return True
    # "pro-Iran" and "anti-war" are words built on a name, not names.
    particle = re.split(r"[-\s]", surface, maxsplit=1)[0]
    return particle in NAME_PARTICLES and any(c.isupper() for c in surface)


def fold_accents(text: str) -> str:
    """Letters without their accents ("Køge" → "Koge", "Öresund" → "Oresund"): outlets print
    foreign names with and without them."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_key(word: str) -> str:
    """A word as names compare: lower case, no apostrophes, dots, hyphens or accents, singular,
    "Mt." read as "Mount"."""
    w = _POSSESSIVE_RE.sub("", word) if len(word) > 3 else word
    w = _APOSTROPHE_RE.sub("", w).replace(".", "").replace("-", "").replace("‐", "").lower()
    w = fold_accents(w)
    w = _ABBREVIATED_WORDS.get(w, w)
    # Plural folding ("Guards" and "Guard", "Forces" and "Force"); "-ss", "-us", "-is" endings
    # are not plurals ("Congress", "Cyprus", "Tunis" stay as they are).
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
        if w.endswith("ie") and len(w) > 4:  # "Militias" → "militia", "Agencies" → "agency"
            w = w[:-2] + "y"
    return w


def is_generic_org_word(key: str) -> bool:
    """Whether a word key ("logistic", "corp") names a kind of organisation."""
    return key in _GENERIC_ORG_KEYS


def name_key(surface: str) -> Key:
    """The comparable form of a name: one key per word, empty words dropped, and a leading
    "A" or "An" of a title ("A Capitol Fourth") left out."""
    key = tuple(k for k in (word_key(w) for w in surface.split()) if k)
    if len(key) >= 3 and key[0] in ("a", "an"):
        return key[1:]
    return key


def same_place(a: str, b: str) -> bool:
    """Whether two place or nationality keys name one country ("iran" / "iranian", "us" /
    "united state")."""
    if a == b:
        return True
    if is_initials_of(a, b) or is_initials_of(b, a):
        return True
    short, long = sorted((a, b), key=len)
    # Demonyms are built on the country's name: "Iran" → "Iranian", "Syria" → "Syrian",
    # "Iraq" → "Iraqi". Four letters keep "Iran" apart from "Iraq".
    stem = short[:-1] if short.endswith("a") and len(short) > 4 else short
    return len(stem) >= 4 and long.startswith(stem) and " " not in short + long


def is_initials_of(acronym: str, name: str) -> bool:
    """Whether a one-word key is the initials of a several-word key ("us", "united state")."""
    return " " not in acronym and " " in name and spells(acronym, name.split())


def place_prefix(key: Key, places: Collection[str]) -> int:
    """How many leading words of a name are a place or nationality ("US Central Command" → 1,
    "United States Central Command" → 2); never the whole name."""
    for n in range(min(3, len(key) - 1), 0, -1):
        if " ".join(key[:n]) in places:
            return n
    return 0


_GENERIC_ORG_KEYS = frozenset(word_key(w) for w in GENERIC_ORG_WORDS)
