"""Views: what a source is said to back, condemn, want or believe, beside what it is said to say.

Attribution corpora such as PolNeAR and PARC count more than speech: "Roe backs the plan",
"Roe criticised the council's budget", "Roe thinks the vote will fail" each attribute a view
to Roe. A quote tool must not report those as things said (no one said "the plan"), so they
are read only when a user asks (``--views``, for the media researcher who studies whose
positions a story reports). Then a verb of ``VIEW_OBJECTS`` with a noun phrase as its object,
or of ``VIEW_CLAUSES`` with a clause, attributes that object or clause to its subject, as an
indirect attribution; a verb the speech rules already read with content of their own is left
to them, and views are read after all speech (``attributions.add_view``), so that asking for
them changes nothing of what was said or who said it.

The two lists were read off PolNeAR's training split (never its dev split): the verbs whose
object, or clause, where the speech rules find nothing, is an annotated attribution at least 6
times in 10 over 5 or more uses; of those, the verbs that tell of saying, judging or believing
(the corpus's wider sense also matched "allow", "require" and "violate", which were left out).
"attack" and "knock" were dropped too, read off the seeds and ECB+ briefs: in reports of
violence they are deeds ("militants attacked a convoy", "crews knocked down the fire"), not
views, whatever they mean in the political copy PolNeAR is made of.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsweave.analyze.clauses import (
    _NOT_SOURCES,
    Cue,
    _clause,
    _not_yet_said,
    _pronoun,
    _trimmed,
    content,
    mention,
    subject,
)
from newsweave.analyze.cues import _WORD, _forms
from newsweave.analyze.speakers import NAME_LABELS
from newsweave.model import Entity, Span

# Verbs whose object is the view attributed: "accused the mayor of misleading voters",
# "backed the plan", "voiced concern". Lemmas, British spellings beside American.
VIEW_OBJECTS = frozenset(
    """accuse acknowledge announce applaud back blame blast cheer cite condemn
    confirm congratulate credit criticize criticise decry defend demand denounce deny describe
    disclose discuss dismiss emphasize emphasise endorse explain express favor favour
    highlight invoke lament mention mock note oppose outline pledge praise predict
    prefer propose question recall recount reference reiterate reject repeat report reveal
    slam stress suggest support thank threaten tout tweet urge voice want expect
    show""".split()  # noqa: SIM905
)
# Verbs whose clause is the view attributed: "thinks the vote will fail", "fears that …".
VIEW_CLAUSES = frozenset(
    """agree ask assume demonstrate discuss estimate expect fear guess hope imply learn note
    point realize realise recognize recognise remember rule show think understand
    consider""".split()  # noqa: SIM905
)
# Irregular forms that ``cues._forms`` does not know (it knows "thought", "shown").
_MORE_IRREGULAR = {"understand": ("understood",), "learn": ("learnt",)}
# Each form of those verbs and its lemma: sentences read only for attributions are parsed
# without the lemmatizer (``nlp.parse(lemmas=False)``).
VIEW_LEMMAS = {
    f: lemma
    for lemma in sorted(VIEW_OBJECTS | VIEW_CLAUSES, reverse=True)
    for f in _forms(lemma) | set(_MORE_IRREGULAR.get(lemma, ()))
}
# The parse's tags of a verb with a tense or a participle; not "the backed plan".
_NOT_VERBAL = frozenset({"amod", "compound", "auxpass"})
# Objects that carry no view of their own: "backed it", "denied that", "wants more".
_EMPTY_OBJECTS = frozenset({"DT", "PRP", "PRP$", "WP", "WDT", "EX", "JJR", "RBR"})


def has_view(sentence: str) -> bool:
    """Whether a sentence holds a verb of ``VIEW_LEMMAS`` (then it is worth parsing when views
    are read), its words found as ``cues.has_cue`` finds them."""
    return any(w in VIEW_LEMMAS for w in _WORD.findall(sentence.lower()))


def _object(v: Token, base: int, times: Sequence[Span]) -> Span | None:
    """The object a view verb takes, with what the verb says of it after it ("accused the
    mayor of misleading voters", "praised the crew for their calm"), but not when ("on
    Monday": a date or time the tagger marks)."""
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None or _pronoun(obj) or (obj.tag_ in _EMPTY_OBJECTS and obj.n_lefts == 0):
        return None
    last = obj.right_edge.i
    for c in v.children:
        if c.dep_ == "prep" and c.i > obj.i and not _when(c, base, times):
            last = max(last, c.right_edge.i)
    return _trimmed(list(v.doc[obj.left_edge.i : last + 1]), base)


def _when(prep: Token, base: int, times: Sequence[Span]) -> bool:
    """A preposition whose object is a date or time ("on Monday", "in March")."""
    at = base + prep.right_edge.idx
    return any(t.start <= at < t.end for t in times)


def _view(v: Token, base: int, lemma: str, times: Sequence[Span]) -> Span | None:
    """What a view verb attributes: its object, or its clause; None where it has neither."""
    said = _object(v, base, times) if lemma in VIEW_OBJECTS else None
    if said is not None or lemma not in VIEW_CLAUSES:
        return said
    return content(v, base) if any(c.dep_ == "ccomp" and c.i > v.i for c in v.children) else None


def sentence_views(
    doc: Doc,
    base: int,
    entities: Sequence[Entity],
    known: frozenset[str] = frozenset(),
) -> list[Cue]:
    """The views attributed in one parsed sentence, as cues with content (offsets into the
    article, as ``clauses.sentence_cues``); where the speech rules read a verb too, the
    caller keeps theirs (``analyze._with_views``)."""
    names = [e for e in entities if e.label in NAME_LABELS]
    times = [e.span for e in entities if e.label in {"DATE", "TIME"}]
    out = []
    for v in doc:
        lemma = VIEW_LEMMAS.get(v.lower_)
        if lemma is None or not v.tag_.startswith("VB") or v.dep_ in _NOT_VERBAL:
            continue
        if _not_yet_said(v):
            continue
        if any(c.dep_ == "nsubjpass" for c in v.children):
            continue  # "was criticised for …": what is held against someone, not by whom
        said = _view(v, base, lemma, times)
        subj = subject(v)
        if said is None or subj is None or subj.lower_ in _NOT_SOURCES:
            continue
        source, named = mention(subj, base, names, known)
        cue = _trimmed([v], base)
        if cue is not None:
            clause = _clause(v, subj, base)
            out.append(Cue(cue, v.text, source, said, clause, named, view=True))
    return out
