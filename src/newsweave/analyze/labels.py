"""Headlines that credit their claim with a label: "Twelve boats lost in the storm: Coastal
Authority", "Mayor Marrant: the pier will reopen in a week".

Headline style drops the verb of saying and puts the source before or after a colon. Only a
headline-like line counts (short, no full stop at its end), and only a label that names a
speaker (a person, organisation or government the tagger found, or in the headline the
surname of a person the article names in full), so that a dateline ("Port Elm, March 3:") or
a rubric ("Live Updates:", "READ MORE:") is never taken for a source. A transcript's turns
("DANA ROE: …") are labels of the same kind, one per paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsweave.analyze import nlp
from newsweave.model import Entity, Span

# A headline is short; its label shorter.
HEADLINE_WORDS = 30
LABEL_WORDS = 6
CLAIM_WORDS = 3
_SPEAKING = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Outside a headline, only a person or organisation opens a line as its speaker (a place
# there is a dateline: "PORT ELM: …").
_LINE_LABELS = frozenset({"PERSON", "ORG"})
# First words of a line's rubric, which a name may follow but never speaks.
_RUBRICS = frozenset(
    """follow editor note update updated watch read listen photo photos video source sources
    credit contact related correction disclaimer subscribe sign""".split()  # noqa: SIM905
)
_COLON = re.compile(r":\s+")
# A transcript's turn: a name in capitals opening its paragraph ("DANA ROE: We will …").
_TURN = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


# Prepositions before a name make it their object: "Another problem for Ruiz: …", "The
# bottom line on Ruiz: …" (after a name they give the topic: "Ruiz on the pier: …").
_OBJECT_OF = frozenset({"for", "about", "on", "with", "against", "to", "from", "over", "at"})


def _names(entities: Sequence[Entity], span: Span) -> list[Entity]:
    return [e for e in entities if span.start <= e.span.start and e.span.end <= span.end]


def _said_of(text: str, span: Span, names: Sequence[Entity]) -> bool:
    """Whether a full name goes on with what is said of it: "Ana Ruiz Dead: …", "Ana Ruiz
    Resigns: …" quote nobody. A one-word name the tagger cut short ("Ana" of "Mayor Ana
    Ruiz") is not read so, since the words after it may be the rest of the name."""
    last = names[-1]
    rest = [w.strip(".,") for w in text[last.span.end : span.end].split()]
    if any(w[:1].isupper() and nlp.inflected_verb(w) for w in rest):
        return True  # "Ana Ruiz Resigns", "Ruiz Resigns"
    if " " not in last.span.of(text).strip():
        return False
    return any(nlp.adjective(w) for w in rest)


# What a headline's speaker says opens the part after the colon: a quotation, or words in
# the first person ("… : ‘This cannot go on’", "… : I am horrified by the plan").
_SPOKEN = re.compile(r"[‘“\"']|(?:I|We|My|Our)\b")


def _clause_speaker(text: str, head: Span, tail: Span, entities: Sequence[Entity]) -> Span | None:
    """Rule "a headline's subject speaks": in "Ana Ruiz Slams Pier Plan: ‘It is a disgrace’"
    the quotation after the colon is the subject's, the name before the verb."""
    if not _SPOKEN.match(tail.of(text)):
        return None
    first = next((e for e in _names(entities, head) if e.span.start == head.start), None)
    if first is None or first.label not in _SPEAKING:
        return None
    after = text[first.span.end : head.end].split()
    said = bool(after) and after[0][:1].isupper() and nlp.inflected_verb(after[0])
    return first.span if said else None


def _is_label(
    text: str,
    span: Span,
    entities: Sequence[Entity],
    speaking: frozenset[str] = _SPEAKING,
    known: frozenset[str] = frozenset(),
) -> bool:
    """``known``: surnames of the people the article names in full, a label by themselves
    ("Ruiz: the pier will reopen", where the tagger rarely sees a name before a colon)."""
    words = span.of(text).split()
    if not 0 < len(words) <= LABEL_WORDS or not words[0][:1].isupper():
        return False
    if any(c.isdigit() for c in span.of(text)) or "," in span.of(text):
        return False  # a dateline: "Port Elm, March 3"
    if re.sub(r"[’']s$", "", words[0].lower()) in _RUBRICS:
        return False  # "Follow Ana Ruiz: @…", "Editor's note: …"
    inside = _names(entities, span)
    if any(e.label == "DATE" for e in inside):
        return False
    if any(w.islower() and nlp.inflected_verb(w) for w in words[1:]):
        return False  # a clause, not a name: "Obama nominates new surgeon general: …"
    if any(m in span.of(text) for m in "\"“”‘"):  # (’ is an apostrophe as often)
        return False  # a name is not quoted: "… general: MacArthur “genius grant” fellow …"
    if any(e.label in speaking for e in inside):
        first = min(e.span.start for e in inside if e.label in speaking)
        if set(text[span.start : first].split()) & _OBJECT_OF:
            return False  # "Another problem for Ruiz: …" is about Ruiz, not by Ruiz
        return not _said_of(text, span, [e for e in inside if e.label in speaking])
    # Rule "a surname for a label": a name the article gives in full, printed by its
    # surname alone (after a title or not), all in capitals as a headline may be.
    return words[-1] in known and all(w[:1].isupper() for w in words) and not inside


def _turns(text: str, paragraphs: Sequence[Span]) -> frozenset[str]:
    """Rule "a transcript's turns": names in capitals that open paragraphs with a colon
    ("DANA ROE: …" … "ROE: …"), where one of them does so twice or three do, are speakers
    taking turns; one such line alone may be a dateline ("LONDON: …"). Returns the labels,
    as printed."""
    found = [m.group(1) for p in paragraphs if (m := _TURN.match(text, p.start, p.end))]
    found = [
        f
        for f in found
        if f.split()[0].lower().strip(".") not in _RUBRICS
        and all(sum(c.isalpha() for c in w) >= 2 for w in f.split())  # not "Q." and "A."
    ]
    last = Counter(f.split()[-1] for f in found)
    # a transcript: some speaker takes two turns, or three turns are taken
    transcript = max(last.values(), default=0) >= 2 or len(found) >= 3
    return frozenset(found) if transcript else frozenset()


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t.":
        end -= 1
    return Span(start, end)


def headline_labels(
    text: str,
    paragraphs: Sequence[Span],
    entities: Sequence[Entity],
    known: frozenset[str] = frozenset(),
) -> list[tuple[Span, Span]]:
    """Each (claim, label) of a headline-like line that credits its claim to a speaker, and
    of a transcript's turns (``known``: the surnames of people named in full)."""
    out = []
    turns = _turns(text, paragraphs)
    for n, p in enumerate(paragraphs):
        line = p.of(text)
        colons = list(_COLON.finditer(text, p.start, p.end))
        if "\n" in line or not colons:
            continue
        headline = (
            not line.rstrip().endswith(".")
            and len(line.split()) <= HEADLINE_WORDS
            and len(colons) == 1
        )
        m = colons[0]
        head, tail = _trim(text, p.start, m.start()), _trim(text, m.end(), p.end)
        # Rule "speaker's label opens the line": beyond headlines, a line (a headline with
        # its full stop, a transcript's turn "Okafor: Well, the pier …") that opens with a
        # person or organisation and a colon is theirs.
        speaking = _SPEAKING if headline else _LINE_LABELS
        turn = head.start == p.start and head.of(text) in turns
        # a surname alone only in the headline: in the body, "Roe: A closing surge" is the
        # subhead of a section about Roe
        surnames = known if n == 0 else frozenset()
        subject = _clause_speaker(text, head, tail, entities) if headline else None
        if subject is not None:
            out.append((tail, subject))
        elif turn or (
            len(tail.of(text).split()) >= CLAIM_WORDS
            and _is_label(text, head, entities, speaking, surnames)
        ):
            out.append((tail, head))
        elif (
            headline
            and len(head.of(text).split()) >= CLAIM_WORDS
            and _is_label(text, tail, entities, known=surnames)
        ):
            out.append((head, tail))
    return out
