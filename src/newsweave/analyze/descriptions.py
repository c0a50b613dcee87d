"""Speakers named by what they are ("the lawyer", "a Port Authority spokesman").

News copy names a source once and then describes it: "Ines Varga, the skipper's lawyer, …"
then "the skipper's lawyer said"; "a Port Authority spokesman said" then "the spokesman
added". A definite description whose head is a role stands for the person the
article names with that role; one with no named holder stands for the fullest earlier
description with the same head. An indefinite one ("a police officer") is a new source and
stays as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.analyze.sentence_rules import sentence_ends
from newsweave.model import Span

# Head nouns that describe a person (so "he" or "she" may stand for the source).
PERSON_ROLES = frozenset(
    """lawyer attorney barrister solicitor counsel spokesman spokeswoman spokesperson official
    officer witness resident neighbour neighbor friend mother father wife husband son daughter
    brother sister relative owner founder executive chief analyst expert economist aide
    adviser advisor student teacher doctor nurse victim survivor driver pilot passenger man
    woman representative prosecutor judge researcher scientist professor author historian
    minister secretary president governor mayor senator director manager chairman chairwoman
    commander general captain sergeant detective inspector ambassador envoy leader candidate
    source insider colleague partner employee worker farmer fisherman activist campaigner
    protester organiser organizer boss coach player priest bishop pastor rabbi imam rep
    publicist agent""".split()  # noqa: SIM905
)
_POSSESSIVE = re.compile(r"^(?:the|his|her|their|its|our|[\w.’'-]+[’']s?)\s", re.IGNORECASE)
_WORD = re.compile(r"[\w’'.-]+")
# How near a role word stands to the name it describes: "defence lawyer Ines Varga",
# "Ines Varga, the skipper's lawyer".
ROLE_BEFORE_WORDS = 4
ROLE_AFTER_WORDS = 6


def head(description: str) -> str:
    """The description's head noun, lower-cased ("a Port Authority spokesman" →
    "spokesman"; "the spokesman for the ministry" → "spokesman")."""
    words = description.split()
    for cut in (" for ", " of ", " at ", " with ", " from "):
        lowered = f" {description.lower()} "
        if cut in lowered:
            words = lowered[: lowered.index(cut)].split()
            break
    return words[-1].strip(".,;:’'").lower() if words else ""


def is_definite(description: str) -> bool:
    """ "the spokesman", "his lawyer", "the skipper's lawyer": someone the reader already met."""
    return bool(_POSSESSIVE.match(description.strip()))


def is_person(description: str) -> bool:
    return head(description) in PERSON_ROLES


def role_holder(
    text: str,
    persons: Sequence[tuple[Span, str]],
    role: str,
    at: int,
    others: Sequence[tuple[Span, str]] = (),
) -> str | None:
    """The person the article names with a role ("lawyer Ines Varga", "Varga, the skipper's
    lawyer"), the mention nearest before ``at`` first; None when no name has it.
    ``others`` are names the tagger did not call people: they hold a role only in apposition
    right after it ("the skipper's lawyer, Ines Varga,"), since "the spokesman for Acme"
    does not make Acme a spokesman."""
    found: list[tuple[int, str]] = []
    for span, name in persons:
        before_text = text[max(0, span.start - 60) : span.start]
        before = _titled(_WORD.findall(before_text)[-ROLE_BEFORE_WORDS:], before_text)
        after_text = text[span.end : span.end + 80]
        # the role in apposition stays in the name's sentence: "… the city of Harbourton,
        # state media said. The governor …" makes no governor of the city
        after_text = after_text[: ([*sentence_ends(after_text), len(after_text)])[0]]
        after = _WORD.findall(after_text)[:ROLE_AFTER_WORDS] if after_text.startswith(",") else []
        if role in {w.lower() for w in before} or role in {w.lower() for w in after}:
            found.append((span.start, name))
    for span, name in others:
        if text[: span.start].lower().endswith(f"{role}, "):
            found.append((span.start, name))
    found.sort()
    if not found:
        return None
    earlier = [f for f in found if f[0] < at]
    return (earlier[-1] if earlier else found[0])[1]


# Words that may stand between a role and the name it titles: "the base chief known as Ben".
# Not "of" or "for": "a rep for Okafor", "a friend of Ana Ruiz" name whom the role serves.
_TITLE_LINKS = frozenset({"the", "known", "as", "named", "called"})


def _titled(words: list[str], before_text: str) -> list[str]:
    """The words before a name that may title it: all of them when the name follows a comma
    (an apposition), else those from the last lower-case word that is no link on ("defence
    lawyer"), since a verb between ("the source said Ines Varga …") titles no one."""
    if before_text.rstrip().endswith(","):
        return words
    last = max(
        (i for i, w in enumerate(words) if w[:1].islower() and w not in _TITLE_LINKS), default=0
    )
    return words[last:]


def fuller(described: Sequence[tuple[int, str]], description: str, at: int) -> str | None:
    """The latest earlier description with the same head ("a Port Authority
    spokesman" for "the spokesman", "Long's lawyer" for "the lawyer"), when it says more."""
    want = head(description)
    bare = _BARE.match(description.strip()) is not None
    for pos, earlier in reversed(described):
        if pos >= at or head(earlier) != want:
            continue
        # more words, or as many with an owner where the later one has "the" ("Long's
        # lawyer" for "the lawyer")
        more = len(earlier.split()) - len(description.split())
        if more > 0 or (more == 0 and bare and not _BARE.match(earlier.strip())):
            return earlier
    return None


_BARE = re.compile(r"^(?:the|a|an)\s", re.IGNORECASE)
