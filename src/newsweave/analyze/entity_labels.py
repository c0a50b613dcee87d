"""The tagger's entity labels corrected by what the article itself shows.

The small model tags a lawyer named after her role as an organisation ("the skipper's lawyer,
Ilse Varnholm, said"), so the speaker rules would take the role for the speaker and a
later "she said" would have no person to stand for. The story-level check of entity types
(``text/entity_types.py``) reads the same evidence for the brief's entity list; reading it
here as well lets the attribution rules see a person where the text shows one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newsweave.analyze import nlp
from newsweave.analyze.cues import CONTENT_ONLY, LEMMAS, SPEECH, TRIGGERS
from newsweave.model import Entity, Span
from newsweave.text.entity_types import evident_label, mention_context
from newsweave.text.first_names import pronoun_of_given_name
from newsweave.text.names import NAME_TITLES

# The labels of names; dates, numbers and nationalities keep theirs.
_NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"})


# A verb of saying in the third person or the past, as a title-case headline capitalises it;
# not one whose form is also a noun that ends names ("Harbour Records", "Consumer Reports").
_TOLD = frozenset(
    f
    for f in TRIGGERS
    if (f.endswith(("s", "ed")) or f in {"said", "told", "wrote"})
    and f != LEMMAS.get(f)  # "stress"
    and LEMMAS.get(f) in SPEECH - CONTENT_ONLY
)


def _cut_at_verb(text: str, e: Entity) -> Entity:
    """Rule "a name ends before its verb": in a title-case headline the tagger may run a
    name on into the verb after it ("Tom Ellery Tells Voters …" as one name); the name stops
    before a capitalised verb of saying ("Stevie Wonder" keeps its name: no such form)."""
    if e.label not in {"PERSON", "ORG"}:
        return e
    # title case goes on after the name, or the name runs past the verb: a headline
    after = text[e.span.end : e.span.end + 40].split()
    headline = bool(after) and after[0][:1].isupper()
    for m in re.finditer(r"\S+", e.text):
        word = m.group()
        runs_on = headline or m.end() < len(e.text)
        if m.start() > 0 and word[:1].isupper() and word.lower() in _TOLD and runs_on:
            end = e.span.start + len(e.text[: m.start()].rstrip())
            return replace(e, span=Span(e.span.start, end), text=text[e.span.start : end])
    return e


def _cut_headline_verb(text: str, e: Entity, persons: frozenset[str]) -> Entity:
    """Rule "a headline name ends before its verb", for any verb: "Yvonne Hiller Kills Two",
    "Yvonne Hiller Checks Out", "Yvonne Hiller Dead" become "Yvonne Hiller" when the longer
    form is printed nowhere else. The cut stands where the shorter name is printed elsewhere,
    or, before a verb in the third person or the past, where it keeps two words ("Maurice
    Cheeks", printed in full in the text, keeps his name). The tagger may take the whole
    line for an organisation ("Ruiz Slams Pier Plan"): cut before its verb to a person the
    article names, it is that person."""
    if e.label not in {"PERSON", "ORG"} or text.find("\n", 0, e.span.start) != -1:
        return e  # only in the first line, where the headline stands
    if text.count(e.text) > 1:
        return e
    words = list(re.finditer(r"\S+", e.text))
    for i, m in enumerate(words[1:], start=1):
        word = m.group()
        last = i == len(words) - 1
        said = nlp.verb_form(word) or nlp.adjective(word) if last else nlp.inflected_verb(word)
        if not said or not word[:1].isupper():
            continue
        shorter = e.text[: m.start()].rstrip()
        person = e.label == "PERSON" and i >= 2 and nlp.inflected_verb(word)
        if shorter in persons or person:
            end = e.span.start + len(shorter)
            return replace(e, span=Span(e.span.start, end), text=shorter, label="PERSON")
    return e


# Words no person's name holds: where the tagger ran a name on into the headline or
# sentence around it ("Chris Ivory on Injured Reserve", "Tom Vail To Start Sunday").
_NOT_IN_NAMES = frozenset("to on for in at with into from after over as by".split())  # noqa: SIM905


def _one_name(e: Entity) -> Entity:
    """Rule "a name holds no preposition": a PERSON mention is cut before a word no name
    holds, and a joining word left at its end goes ("Anthony Salerno and")."""
    if e.label != "PERSON":
        return e
    words = list(re.finditer(r"\S+", e.text))
    cut = next((m for m in words[1:] if m.group().lower() in _NOT_IN_NAMES), None)
    text = re.sub(r"\s+(?:and|or|&)$", "", e.text[: cut.start()].rstrip() if cut else e.text)
    if text == e.text:
        return e
    return replace(e, span=Span(e.span.start, e.span.start + len(text)), text=text)


def _office(e: Entity) -> Entity:
    """Rule "an office is no person": a PERSON of three words or more that ends on a title
    and holds no given name ("Harbour County Sheriff", "Elm Police Sgt", where the tagger
    stopped before the name) names a post, as an organisation does ("John Major" keeps his
    name)."""
    words = e.text.split()
    if e.label != "PERSON" or len(words) < 3 or words[-1].rstrip(".") not in NAME_TITLES:
        return e
    if any(pronoun_of_given_name(w) for w in words[:-1]):
        return e
    return replace(e, label="ORG")


def relabelled(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` of one article, each name cut before a verb the tagger ran it into and
    its label replaced where the text shows its type."""
    entities = [_office(_one_name(_cut_at_verb(text, e))) for e in entities]
    persons = frozenset(e.text for e in entities if e.label == "PERSON")
    entities = [_cut_headline_verb(text, e, persons) for e in entities]
    contexts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in entities:
        if e.label not in _NAMES:
            continue
        contexts[e.text].append(mention_context(text, e.span.start, e.span.end))
    evident = {surface: evident_label(surface, ctx) for surface, ctx in contexts.items()}
    return [
        replace(e, label=label)
        if e.label in _NAMES and (label := evident[e.text]) and label != e.label
        else e
        for e in entities
    ]
