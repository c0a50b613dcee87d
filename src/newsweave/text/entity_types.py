"""Entity types checked against the story's own text, where spaCy's guess is often wrong.

The small model tags by shape and context, so one story shows "Twitter" as a person, a lawyer
as an organisation ("Ilse Varnholm" after "lawyer"), a street or a newspaper as a
person ("Calder Road", "Harbour Herald"). The text usually says which it is: a title or a
role before a name ("lawyer", "Mr", "Sgt."), "Jr." after it, the kind word that ends it
("Road", "Herald"), or a well-known platform's or agency's name. Each rule here reads one such
piece of evidence; a name without evidence keeps the label its mentions vote for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsweave.text.names import NAME_TITLES

# Platforms, companies and agencies that news names every day and the small model often
# takes for people or places (a short gazetteer: the names, not their spellings in one story).
KNOWN_ORGS = frozenset(
    """
    twitter facebook instagram youtube tiktok whatsapp telegram snapchat reddit linkedin
    google apple amazon microsoft netflix uber airbnb spotify wikipedia gofundme
    fbi cia nsa nasa dhs doj irs faa fda cdc nhtsa ntsb epa sec fcc ftc pentagon nato un
    unesco unicef who imf interpol europol reuters bloomberg
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Last words that make a name a street, a building or a place of a kind ("Calder Road").
PLACE_HEADS = frozenset(
    """
    road street avenue lane drive boulevard way square place terrace crescent highway
    motorway bridge quay pier harbour harbor park
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Last words of institutions' names ("Calder Leisure Centre", "Quayside Primary School",
# "Port Calder Harbour Authority": a place's name first does not make it a place).
ORG_HEADS = frozenset(
    """
    centre center school academy college university hospital clinic club church museum
    library council committee authority service services department agency commission board
    trust ministry court
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# First words of towns' and places' names ("Port Calder", "Fort Worth", "Lake Tarsk").
PLACE_FIRSTS = frozenset("port fort mount lake cape".split())  # noqa: SIM905
# Last words of newspapers', broadcasters' and agencies' names ("Harbour Herald").
OUTLET_HEADS = frozenset(
    """
    herald times post news gazette journal tribune record chronicle telegraph guardian
    observer express mirror courier inquirer examiner independent standard daily
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Roles printed before a person's name ("lawyer Ilse Varnholm", "Ms Holt").
_ROLE_BEFORE = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|sir|dame|sgt|lt|capt|gen|col|gov|sen|rep|rev|"
    r"lawyer|attorney|prosecutor|judge|spokesman|spokeswoman|spokesperson|minister|"
    r"president|chairman|chairwoman|director|officer|detective|inspector|sheriff|professor|"
    r"reporter|journalist|correspondent|editor|author|inventor|actor|actress|singer|"
    r"player|coach|ceo|founder|host|anchor|father|mother|son|daughter|wife|husband|brother|sister|"
    r"girlfriend|boyfriend|uncle|aunt|teen|teenager|student)\.?,?\s+$",
    re.IGNORECASE,
)
# "Tomas Brenner Jr.", "Jane Doe, 33,": a generational suffix or an age in apposition.
# A title written as part of a bare surname, capitalised: only a person carries it.
_TITLE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(NAME_TITLES))})\.?\s+$")
_PERSON_AFTER = re.compile(r"^(?:,?\s+(?:Jr|Sr|III|II)\b|,\s+\d{1,3},)")
_WORDS = re.compile(r"[\w’'-]+")
_GENERATIONS = frozenset({"jr", "sr", "iii"})
_MODEL = re.compile(r"^(?:[A-Z]|[A-Z]{0,3}\d{2,4}[A-Za-z]{0,3})$")


# How much text around a mention the evidence reads: a role before it, "Jr." or an age after.
_BEFORE, _AFTER = 30, 12


def mention_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The text before and after a mention at ``start``:``end`` that ``evident_label`` reads."""
    return text[max(0, start - _BEFORE) : start], text[end : end + _AFTER]


def evident_label(surface: str, contexts: Iterable[tuple[str, str]]) -> str | None:
    """The type the text shows for a name, or None when it shows none.

    ``contexts`` are (text before, text after) each mention of the name, a few dozen
    characters each.
    """
    words = [w.lower() for w in _WORDS.findall(surface)]
    if not words:
        return None
    if len(words) == 1 and words[0] in KNOWN_ORGS:
        return "ORG"
    if len(words) >= 2 and words[-1] in PLACE_HEADS:
        return "FAC"
    if len(words) >= 2 and words[-1] in OUTLET_HEADS:
        return "ORG"
    if len(words) >= 2 and words[-1] in _GENERATIONS:
        return "PERSON"
    # "Model S", "Airbus A320", "Boeing 737": a model's letter or number closes a product.
    if len(words) >= 2 and _MODEL.match(surface.split()[-1]):
        return "PRODUCT"
    if len(words) >= 2 and words[-1] in ORG_HEADS:
        return "ORG"
    if len(words) >= 2 and words[0] in PLACE_FIRSTS:
        return "GPE"
    if 2 <= len(words) <= 4 and any(_person_evidence(b, a) for b, a in contexts):
        return "PERSON"
    if len(words) == 1 and any(_TITLE_BEFORE.search(b) for b, _ in contexts):
        return "PERSON"  # "Chairman Schiff", "Mr Roe": a title printed as part of the name
    return None


def _person_evidence(before: str, after: str) -> bool:
    return bool(_ROLE_BEFORE.search(before) or _PERSON_AFTER.match(after))
