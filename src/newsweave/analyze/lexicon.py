"""Small synonym maps that fold the words outlets use for one measure into one class.

Outlets say "soldiers", "troops" and "service members" for the same people, and "injured",
"wounded" and "hurt" for the same event. These maps are deliberately small and general: they
cover the measures news reports keep (deaths, injuries, people moved, things struck, weapons
used, attacks) and leave every other noun as its own class, so unknown words never merge.
"""

from __future__ import annotations

import re

# What is counted: lemma (or "compound lemma") → class.
NOUN_CLASSES: dict[str, str] = {
    # uniformed people
    **dict.fromkeys(
        [
            "soldier",
            "troop",
            "service member",
            "servicemember",
            "serviceman",
            "servicemen",
            "personnel",
            "marine",
            "sailor",
            "airman",
            "reservist",
            "army reservist",
            "service personnel",
            "military personnel",
        ],
        "troops",
    ),
    # people in general (victims, residents, civilians)
    **dict.fromkeys(
        [
            "people",
            "person",
            "civilian",
            "resident",
            "victim",
            "individual",
            "inhabitant",
            "martyr",
            "casualty",
            "fatality",
            "passenger",
            "villager",
            "citizen",
            "toll",
            "death toll",
        ],
        "people",
    ),
    **dict.fromkeys(["target"], "targets"),
    # the places struck or used: facilities, sites and locations are one thing in a strike
    **dict.fromkeys(["facility", "site", "location", "position", "installation"], "sites"),
    **dict.fromkeys(
        [
            "munition",
            "precision munition",
            "bomb",
            "missile",
            "rocket",
            "shell",
            "projectile",
            "precision-guided munition",
        ],
        "munitions",
    ),
    **dict.fromkeys(["attack", "assault", "raid"], "attacks"),
    **dict.fromkeys(["firefighter", "fire fighter", "firefighters"], "firefighters"),
}

# Nouns that already say what happened to what they count.
IMPLIED_EVENT: dict[str, str] = {
    "martyr": "killed",
    "fatality": "killed",
    # In news usage "casualties" set beside a separate count of wounded counts the dead.
    "casualty": "killed",
    "dead": "killed",
    "death": "killed",
    "target": "struck",
    "munition": "used",
    "precision munition": "used",
    "precision-guided munition": "used",
    "attack": "attacks",
    "assault": "attacks",
    "raid": "attacks",
    # "the toll stands at 9": a toll counts the dead
    "toll": "killed",
    "death toll": "killed",
}

# What happened: lemma of the governing verb or event noun → class.
EVENT_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        [
            "kill",
            "killing",
            "dead",
            "die",
            "death",
            "loss",
            "fall",
            "slay",
            "martyr",
            "claim",
            "fatality",
            "lose",
        ],
        "killed",
    ),
    **dict.fromkeys(
        [
            "wound",
            "injure",
            "injury",
            "hurt",
            "injured",
            "wounded",
            "harm",
            "hospitalize",
            "hospitalise",
            "treat",
        ],
        "wounded",
    ),
    **dict.fromkeys(
        ["strike", "hit", "target", "bomb", "airstrike", "raid", "pound", "shell", "attack"],
        "struck",
    ),
    **dict.fromkeys(
        ["use", "employ", "utilize", "utilise", "fire", "drop", "deploy", "launch"], "used"
    ),
    **dict.fromkeys(["evacuate", "evacuation", "displace", "flee", "move", "force"], "evacuated"),
    **dict.fromkeys(["arrest", "detain", "detention"], "arrested"),
    **dict.fromkeys(["last", "take", "continue", "burn", "rage"], "lasted"),
}

# Events that say what happened to the people counted: two different ones are two counts, and
# a bare number such a verb takes ("and injured 40") counts the people named before it.
FATES = frozenset({"killed", "wounded", "evacuated", "arrested"})

# Verbs that tell of deaths only when what they count is named as people: "lost 12 soldiers",
# "the quake claimed 40 lives", but "lost 5,000 jobs", "claimed three seats", "lost a
# 10-point lead", "fell to 36-3", and a bare "lost 3" is as often a score as a toll.
PEOPLE_ONLY_FATES = frozenset({"lose", "loss", "fall", "claim"})
# Heads of counted nouns that are people beside the classes "people" and "troops".
PERSON_WORDS = frozenset(
    """life man woman child adult boy girl baby infant teenager youth student worker employee
    officer policeman policemen member crew crewman miner firefighter guard journalist reporter
    pilgrim migrant refugee protester demonstrator fighter militant rebel soldier patient
    tourist hostage prisoner inmate driver pilot player fan spectator shopper customer""".split()  # noqa: SIM905
)
# "over 160 times": a count of occasions, which is a count of attacks when the verb says so.
OCCASIONS = frozenset({"time", "occasion"})

# Words that stand for an earlier noun ("25 others", "40 more"): they take the class of the
# figure before them in the sentence.
ANAPHORS = frozenset({"other", "others", "more", "additional", "further", "dozen"})

# Prepositions that put a figure in a place ("in Jordan", "across Iraq and Syria").
LOCATIVE = frozenset(
    {"in", "inside", "at", "near", "across", "throughout", "within", "outside", "around", "into"}
)

# A running total rather than one event's count: "since October", "so far this year", "to date".
CUMULATIVE = re.compile(
    r"\bsince (?:(?:early|late|mid-?)\s*)?(?:\d{1,2} )?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\bsince (?:the (?:start|beginning) of|last (?:year|month|week)|(?:19|20)\d\d)\b|"
    r"\bso far\b|\bto date\b|\bin total\b|\bcumulative\b|\bover the (?:past|last) \w+ "
    r"(?:years|months|weeks)\b",
    re.IGNORECASE,
)

# Place entity labels.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def noun_class(lemma: str | None) -> str | None:
    """The class of a counted noun; an unknown noun is its own class.

    Modifiers are dropped one by one until a known phrase is left ("us service member" →
    "service member" → troops), so "American troops" and "troops" are one class.
    """
    if not lemma:
        return None
    words = lemma.split()
    for i in range(len(words)):
        known = NOUN_CLASSES.get(" ".join(words[i:]))
        if known:
            return known
    return lemma


def implied_event(lemma: str | None) -> str | None:
    """The event a counted noun implies on its own ("16 martyrs" were killed)."""
    if not lemma:
        return None
    words = lemma.split()
    for i in range(len(words)):
        known = IMPLIED_EVENT.get(" ".join(words[i:]))
        if known:
            return known
    return None


def event_class(lemma: str | None) -> str | None:
    return EVENT_CLASSES.get(lemma) if lemma else None


def counts_people(noun: str | None) -> bool:
    """Whether a counted noun's lemma is people ("civilians", "US troops", "lives")."""
    if not noun:
        return False
    return noun_class(noun) in {"people", "troops"} or noun.split()[-1] in PERSON_WORDS
