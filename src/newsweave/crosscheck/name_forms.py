"""Other ways a story prints one name, found by rule: word order, spacing, regions, acronyms.

- "Justice Department" and "Department of Justice", "Koge Bay" and "Bay of Koge": English puts
  a kind word after a name or before it with "of";
- "Al Arabiya" and "Al-Arabiya": the same letters spaced or hyphenated;
- "Fargo, North Dakota", "Jonesboro, Ga.": a town printed with its state or country is the
  town (the longer form is kept as an alias);
- "Civil Aviation Authority (CAA)": an acronym the text defines names the organisation wherever
  it is printed, even where the tagger missed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newsweave.crosscheck.names import Key

# US state abbreviations as AP style prints them after a town ("Jonesboro, Ga.").
US_STATE_ABBREVIATIONS = frozenset(
    """
    Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich.
    Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C.
    S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo. D.C.
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_LIST_BEFORE = re.compile(r", $")
_LIST_AFTER = re.compile(r",\s+[A-Z]|\s+(and|or)\s+[A-Z]")
_AFTER_COMMA = re.compile(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")


def inverted(key: Key) -> Key | None:
    """ "department of justice" for "justice department": a two-word name turned round."""
    if len(key) == 2:
        return (key[1], "of", key[0])
    if len(key) == 3 and key[1] == "of":
        return (key[2], key[0])
    return None


def letters(key: Key) -> str:
    """A key's letters without the spaces between words ("al arabiya" → "alarabiya")."""
    return "".join(key)


def region_forms(text: str, start: int, end: int, regions: Iterable[str]) -> str | None:
    """ "Fargo, North Dakota" when the name at ``start:end`` is followed by a region: a place
    the story names (``regions``, as printed) or a US state's abbreviation."""
    m = _AFTER_COMMA.match(text, end)
    if m is None or _LIST_BEFORE.search(text, max(0, start - 2), start):
        return None
    tail = m.group(1)
    known = set(regions)
    for n in range(len(tail.split()), 0, -1):
        region = " ".join(tail.split()[:n])
        if region in known or region in US_STATE_ABBREVIATIONS:
            stop = m.start(1) + len(region)
            # "New York, Chicago, Houston and …": a list of places, not a town and its state.
            if _LIST_AFTER.match(text, stop):
                return None
            return text[start:stop]
    return None


def groups_by(keys: Iterable[Key], form: Mapping[Key, str]) -> list[list[Key]]:
    """Keys that share a form (``form`` maps each key to it), two or more to a list."""
    out: dict[str, list[Key]] = {}
    for k in keys:
        out.setdefault(form[k], []).append(k)
    return [ks for ks in out.values() if len(ks) > 1]
