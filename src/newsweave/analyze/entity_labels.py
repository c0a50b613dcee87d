"""The tagger's entity labels corrected by what the article itself shows.

The small model tags a lawyer named after her role as an organisation ("the skipper's lawyer,
Ilse Varnholm, said"), so the speaker rules would take the role for the speaker and a
later "she said" would have no person to stand for. The story-level check of entity types
(``text/entity_types.py``) reads the same evidence for the brief's entity list; reading it
here as well lets the attribution rules see a person where the text shows one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newsweave.model import Entity
from newsweave.text.entity_types import evident_label, mention_context

# The labels of names; dates, numbers and nationalities keep theirs.
_NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"})


def relabelled(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` of one article, each name's label replaced where the text shows its type."""
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
