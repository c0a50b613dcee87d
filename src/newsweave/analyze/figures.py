"""What each figure counts, the event it belongs to, and where: read off the dependency parse.

"US forces struck more than 85 targets in Iraq": the number modifies "targets" (what is
counted), "targets" is the object of "struck" (the event), and "in Iraq" places it. "and
wounded 25 others" counts whatever the figure before it in the sentence counted. Three more
things tell one measure from another that shares its noun: whose figure it is (an age's
person, a possessor: "the Larkins' savings"), the time frame its clause names ("in 2015",
"this year") and the counted phrase with its modifiers ("state charges", "minor injuries").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsweave.analyze import descriptions, lexicon
from newsweave.analyze.quantities import AGO_AFTER, CURRENCIES, SCORE_WHY
from newsweave.analyze.units import dimension
from newsweave.model import Entity, Figure, Quantity, Span
from newsweave.text.names import NAME_TITLES

# How far up the tree the event verb may be ("the killing of at least 16 people": people →
# of → killing is two steps).
MAX_HOPS = 4
# Event words right after a bare figure ("16 killed and 25 wounded") when the parse gives no verb.
LOOKAHEAD = 3
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def _number_token(tokens: list[Token]) -> Token | None:
    """The token that carries the figure's value: the last numeric word of its span."""
    nums = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
    if nums:
        return nums[-1]
    return tokens[-1] if tokens else None


def _noun_phrase_lemma(noun: Token) -> str:
    """ "service members" → "service member": compounds kept, the head lemmatised."""
    parts = [
        c.lemma_.lower()
        for c in noun.children
        if c.dep_ == "compound"
        and c.i < noun.i
        and not c.like_num
        and c.ent_type_ not in lexicon.PLACE_LABELS | {"NORP"}
    ]
    return " ".join([*parts, noun.lemma_.lower()])


def counted_noun(num: Token, span_tokens: list[Token]) -> Token | None:
    """The noun a number counts, or None when the number stands alone ("injured 40")."""
    head = num
    # Climb through the figure's own words ("more than 85", "two hundred").
    while head.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod"} and head.head is not head:
        nxt = head.head
        if nxt in span_tokens and (nxt.like_num or nxt.pos_ == "NUM"):
            head = nxt
            continue
        if nxt.pos_ in {"NOUN", "PROPN"}:
            return nxt
        break
    if num.pos_ == "NOUN" and not num.like_num:
        # "dozens of troops": a vague plural counts the object of its "of".
        for child in num.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    # "25 wounded", "three dead": an adjective used as a noun right after the number.
    nxt_tok = num.nbor(1) if num.i + 1 < len(num.doc) else None
    if nxt_tok is not None and nxt_tok.pos_ in {"NOUN"} and nxt_tok not in span_tokens:
        return nxt_tok
    return None


def _lemma(tok: Token) -> str:
    """The lemma, except where the lemmatiser picks the wrong verb ("wound" is not "wind")."""
    lower = tok.lower_
    return lower if lexicon.event_class(lower) else tok.lemma_.lower()


def _top_number(num: Token) -> Token:
    """The first number of a range ("5-10"), which the parse makes the head of the rest."""
    for _ in range(MAX_HOPS):
        if not num.like_num or num.head is num or not num.head.like_num:
            break
        num = num.head
    return num


def _beside_name(num: Token) -> str | None:
    """The name a bare number stands beside, whose record or score it is ("the Jaguars
    (5-10)"), as written."""
    name = _top_number(num).head
    if _placed(num) != "beside" or name.pos_ != "PROPN":
        return None
    return " ".join(t.text for t in name.subtree if t.pos_ == "PROPN") or None


def _placed(num: Token) -> str | None:
    """Where a bare number stands: "beside" a noun it describes, a record, score or code ("the
    Jaguars (5-10) lost"), or a "level" a verb moves to or from ("Jacksonville fell to 5-10");
    None otherwise, and for any number with a noun of its own."""
    num = _top_number(num)
    if not num.like_num:
        return None
    if num.dep_ == "appos":
        return "beside"
    if num.dep_ == "pobj" and num.head.lower_ in {"to", "from"}:
        return "level"
    return None


def _event_of(start: Token) -> tuple[str | None, Token]:
    """The event lemma, the nearest verb or event noun above the counted phrase, and its token
    (the figure's own phrase when there is none).

    What a verb of fate does to someone does not happen to a number beside a noun, nor to a
    level: "the Jaguars (5-10) lost", "Jacksonville fell to 5-10" count no dead."""
    # "25 others wounded", "16 people killed": a participle hanging off the counted phrase.
    for child in start.children:
        if child.dep_ in {"acl", "amod", "relcl"} and lexicon.event_class(_lemma(child)):
            return _lemma(child), child
    placed = _placed(start)
    if placed == "beside":
        return None, start
    lemma, tok = _event_above(start)
    if placed == "level" and lexicon.event_class(lemma) in lexicon.FATES:
        return None, start
    return lemma, tok


# Nouns of people who stand in a relation to what a figure after them counts: "the mother of
# three was killed", "a father to two boys died", "two of the five soldiers were hurt".
_RELATING = descriptions.PERSON_ROLES | lexicon.PERSON_WORDS | frozenset(
    "parent grandmother grandfather grandparent mom dad stepfather stepmother".split()  # noqa: SIM905
)


def _event_above(start: Token) -> tuple[str | None, Token]:
    tok = start
    for _ in range(MAX_HOPS):
        if tok.head is tok:
            break
        tok = tok.head
        lemma = _lemma(tok)
        if tok.pos_ in {"VERB", "AUX"} or lexicon.event_class(lemma):
            if lexicon.event_class(lemma):
                return lemma, tok
            # "left three soldiers dead": the state is a complement of the verb.
            for child in tok.children:
                if child.dep_ in {"oprd", "acomp", "xcomp"} and lexicon.event_class(_lemma(child)):
                    return _lemma(child), tok
            if tok.pos_ == "VERB":
                return lemma, tok
    return None, start


def _relates(head: Token) -> bool:
    """A person, or a share of a set ("two of the five"), that a phrase after it belongs to."""
    if lexicon.event_class(_lemma(head)):
        return False  # "the deaths of 12 people" is their event
    return head.lemma_.lower() in _RELATING or head.pos_ in {"NUM", "PRON"} or head.like_num


def _figure_event(own: Token, num: Token) -> tuple[str | None, Token]:
    """The event above the figure's phrase, else an event word just after it (not for a
    number beside a noun: "the Hawks, 5-10, lost" counts no one lost)."""
    if own.dep_ == "pobj" and own.head.dep_ == "prep" and _relates(own.head.head):
        # what happens to the mother, or to two of the five, is not the figure's
        return None, own
    lemma, tok = _event_of(own)
    if lemma is None and _placed(own) != "beside":
        lemma = _event_after(num)
    return lemma, tok


def _event_after(num: Token) -> str | None:
    """ "At least 16 killed": an event word just after a figure the parser left unattached."""
    for tok in num.doc[num.i + 1 : num.i + 1 + LOOKAHEAD]:
        if lexicon.event_class(_lemma(tok)):
            return _lemma(tok)
    return None


def _clause(anchor: Token) -> set[int]:
    """The token positions of ``anchor``'s own clause: its subtree less the clauses joined to
    it ("spent 19 seasons … and was promoted in 2003": 2003 dates the promotion)."""
    inside = {t.i for t in anchor.subtree}
    for child in anchor.children:
        if child.dep_ in {"conj", "advcl", "parataxis"} and child.pos_ in {"VERB", "AUX"}:
            inside -= {t.i for t in child.subtree}
    return inside


def _places(doc: Doc, entities: Sequence[Entity], offset: int, anchor: Token) -> tuple[str, ...]:
    """Places the figure's own clause puts it in: place names after "in", "across", "near"…

    Only the subtree of the figure's event (or noun) counts: a sentence often tells two events
    ("strikes in Iraq … in retaliation for an attack that killed three"), and the place of one
    is not the place of the other.
    """
    out: list[str] = []
    clause = _clause(anchor)
    for ent in entities:
        if ent.label not in lexicon.PLACE_LABELS:
            continue
        start, end = ent.span.start - offset, ent.span.end - offset
        toks = _tokens_in(doc, start, end)
        if not toks or any(t.i not in clause for t in toks):
            continue
        if not toks:
            continue
        root = toks[-1]
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ in lexicon.LOCATIVE:
            name = ent.text.removeprefix("the ").strip()
            if name not in out:
                out.append(name)
    return tuple(out)


# Modifiers that say which of a noun's things are counted ("state charges", "minor
# injuries"); determiners, numbers and place names say nothing about what is counted.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_RELATIVE_YEAR = re.compile(r"\b(this|last|next|previous|past|coming)\s+year\b", re.IGNORECASE)
# Between a name and its age in apposition ("Pell, 71"), or an age and the name it comes
# before ("44-year-old Tomas Brenner Sr.").
_NAME_THEN_AGE = re.compile(r"^,\s*$")
_AGE_THEN_NAME = re.compile(r"^\s*$")
_THEN_BEFORE = re.compile(r"\bthen[\s-]*$", re.IGNORECASE)
_NAME_BEFORE_AGE = re.compile(r"((?:[A-Z][\w'’-]+\.?\s)*[A-Z][\w'’-]+),\s*$")


def _of_object(tok: Token) -> Token | None:
    """The object of an "of" hanging off ``tok``: "gallons of water", "per cent of GDP"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def counted_phrase(noun: Token, *, with_of: bool = True) -> str:
    """The counted noun with the words that narrow it, lemmatised: "federal count",
    "gallon of drinking water" (an "of" that follows the noun is kept, one level deep)."""
    mods = [
        c.lower_  # as written: "politically motivated attacks", not "motivate attack"
        for c in noun.children
        if c.dep_ in _MODIFIER_DEPS
        and c.i < noun.i
        and c.is_alpha
        and c.ent_type_ not in lexicon.PLACE_LABELS
        and not c.like_num
    ]
    words = [*mods, noun.lemma_.lower()]
    obj = _of_object(noun) if with_of else None
    if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
        inner = [
            c.lower_
            for c in obj.children
            if c.dep_ in _MODIFIER_DEPS and c.i < obj.i and c.is_alpha
        ]
        words += ["of", *inner, obj.lemma_.lower() if obj.pos_ == "NOUN" else obj.text]
    return " ".join(words)


def _owner_of_amount(tok: Token) -> Token | None:
    """ "a shortfall of 40 million euros or 3 per cent of revenue": the noun whose "of" takes
    the amount (through the "or" and brackets that restate it)."""
    for _ in range(3):
        if tok.dep_ in {"conj", "appos"} and tok.head is not tok:
            tok = tok.head
            continue
        break
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok.head.head
    return None


# Verbs that move a figure: the figure they take is the change ("rose 19%", "fell by 5").
MOVES = frozenset(
    {"rise", "fall", "increase", "decrease", "jump", "climb", "drop", "grow", "decline"}
    | {"surge", "soar", "slump", "plunge", "dip", "gain", "shrink", "cut", "raise", "lower"}
)


def _is_change(doc: Doc, toks: list[Token], verb: Token) -> bool:
    """ "rose 19%", "rose by 19%": a change; "rose to 19%", "from 16", "($2 trillion)" after
    a level: a level; "the fall of 16 martyrs": no verb of movement at all."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in MOVES or not toks:
        return False
    # (spaCy makes a new Token object at each access: compare positions, not identities)
    inside = {t.i for t in toks}
    top = toks[-1]
    while top.head.i != top.i and top.head.i in inside:
        top = top.head
    if top.head.i == verb.i:
        return top.dep_ in {"dobj", "npadvmod", "advmod", "obj", "nummod"}
    prep = top.head
    return prep.lower_ == "by" and prep.head.i == verb.i and top.dep_ == "pobj"


def _subject_noun(num: Token) -> Token | None:
    """ "The toll stands at 9", "thefts accounted for 212": a number with no noun of
    its own counts the subject of the verb that takes it."""
    tok = num
    for _ in range(2):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            if num.dep_ == "dobj" and lexicon.event_class(_lemma(tok)) in lexicon.FATES:
                return None  # "the storm killed 11": the subject did it, the 11 are people
            for child in tok.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ == "NOUN" and child != num:
                    # ("thousands gathered": the figure is its own subject); "a climber has
                    # fallen 2 …" is one climber, whatever the 2 counts
                    return None if _one_of(child) else child
            return None
        if tok.dep_ != "prep" and tok.pos_ != "ADP":
            return None
    return None


def _one_of(noun: Token) -> bool:
    """A singular noun with "a", "an", "one", "each" or "every": one thing, never counted."""
    return noun.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in {"a", "an", "one", "each", "every"} for c in noun.children
    )


# Verbs whose subject owns or achieves what the figure counts ("Okafor posted 23 points",
# "Acme sold 10 million phones"); verbs of saying are left out: the outlet or official who
# "reported 12 dead" owns nothing.
_AGENT_VERBS = frozenset(
    {"have", "score", "post", "add", "tally", "win", "earn", "own", "hold", "make", "spend"}
    | {"sell", "buy", "collect", "grab", "rush", "throw", "catch", "lose", "employ", "produce"}
    | {"finish", "chip", "contribute", "net", "pull"}
)
# Words that pick one set out of a noun's things: "two other rifles", "one final chance",
# "the first three days" count something beside the rifles, chances or days counted elsewhere.
SELECTIVE = frozenset(
    {"other", "additional", "further", "extra", "more", "remaining", "final", "last", "first"}
    | {"next", "previous", "initial", "latest", "earlier", "later", "new"}
)


def _agent(verb: Token) -> str | None:
    """The named subject of a verb of owning or achieving, as written."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _AGENT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.pos_ == "PROPN":
            words = [t.text for t in child.subtree if t.pos_ == "PROPN"]
            return " ".join(words) or None
    return None


def _selective(noun: Token) -> str | None:
    """ "two other rifles", "one final chance": the word that picks a set out, if any."""
    return next(
        (c.lower_ for c in noun.children if c.dep_ == "amod" and c.lower_ in SELECTIVE), None
    )


def _possessor(noun: Token) -> str | None:
    """Whose things are counted: "the Larkins' savings" (a name, as written), "the woman's
    three children" (a common noun, lemmatised)."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return " ".join(t.text for t in child.subtree if t.dep_ != "case" and t.is_alpha)
        if child.dep_ == "poss" and child.pos_ == "NOUN":
            return child.lemma_.lower()
    return None


def _age_holder(
    text: str, offset: int, q: Quantity, entities: Sequence[Entity], after: list[Token]
) -> str | None:
    """The person an age belongs to: the name beside it, else the noun it qualifies."""
    qs, qe = q.span.start - offset, q.span.end - offset
    for ent in entities:
        if ent.label != "PERSON":
            continue
        s, e = ent.span.start - offset, ent.span.end - offset
        if e <= qs and _NAME_THEN_AGE.match(text[e:qs]):
            return ent.text
        if s >= qe and _AGE_THEN_NAME.match(text[qe:s]):
            return ent.text
    # a name the tagger missed: the capitalised words the age stands beside
    before = _NAME_BEFORE_AGE.search(text, 0, qs)
    if before:
        return before.group(1)
    names: list[str] = []
    for tok in after:
        if tok.text.rstrip(".") in NAME_TITLES or (names == [] and tok.text == "."):
            continue  # "the 51-year-old Capt. Tom Tennant": the title is no name
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            break
        names.append(tok.text)
    if names:
        return " ".join(names)
    if after and after[0].pos_ == "NOUN":
        return after[0].lemma_.lower()
    return None


def _frames(doc: Doc, entities: Sequence[Entity], offset: int, anchor: Token) -> tuple[str, ...]:
    """Years and relative years the figure's clause names ("in 2015", "last year").

    When the parse gives the figure no clause of its own, a sentence that names one year
    only dates all its figures ("In 2019 it ran a shortfall of … or 3 per cent of revenue").
    """
    clause = _clause(anchor)
    inside: list[str] = []
    anywhere: list[str] = []
    for ent in entities:
        if ent.label != "DATE":
            continue
        start, end = ent.span.start - offset, ent.span.end - offset
        found = _YEAR.findall(ent.text) or [
            m.group(0).lower() for m in _RELATIVE_YEAR.finditer(ent.text)
        ]
        anywhere += [f for f in found if f not in anywhere]
        toks = _tokens_in(doc, start, end)
        if toks and all(t.i in clause for t in toks):
            inside += [f for f in found if f not in inside]
    if not inside and len(anywhere) == 1 and anchor.pos_ not in {"VERB", "AUX"}:
        return tuple(anywhere)
    return tuple(inside)


def _context(tokens: Iterable[Token]) -> frozenset[str]:
    return frozenset(
        t.lemma_.lower()
        for t in tokens
        if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha and len(t) > 2
    )


# Words on each side of a figure that make its near context: its own clause, roughly, in
# long sentences that tell several things.
NEAR = 8


@dataclass(frozen=True, slots=True)
class _Counted:
    """What a figure counts, as the parse shows it (before the sentence's earlier figures
    lend it a noun)."""

    noun_tok: Token | None
    noun: str | None
    owner: bool  # the noun is what the amount belongs to ("a shortfall of 3 per cent")
    own: Token  # where the search for the figure's event starts


def _counted(q: Quantity, toks: list[Token], num: Token) -> _Counted:
    """The counted noun of one figure: its own, the noun an amount belongs to or measures,
    or the subject of the verb that takes a bare number."""
    if q.why == SCORE_WHY:
        return _Counted(None, None, False, num)  # "an 89-79 win" counts no wins
    noun_tok = counted_noun(num, toks)
    if q.unit and noun_tok is not None and noun_tok in toks:
        noun_tok = None  # "1.5-kilometre": the unit word is part of the figure
    own = noun_tok if noun_tok is not None else num
    owner = False
    if q.unit and q.unit != "age" and noun_tok is None and toks:
        # "a shortfall of 3 per cent of revenue", "a term of up to 12 years": the noun the
        # amount belongs to; else "40 million litres of fuel": what the unit measures
        noun_tok = _owner_of_amount(toks[-1])
        owner = noun_tok is not None
        if noun_tok is None and dimension(q.unit) != "length":
            # ("within 1.5 km of the warehouse": a distance's "of" is where from)
            noun_tok = _of_object(toks[-1])
        if noun_tok is not None and noun_tok.pos_ not in {"NOUN", "PROPN"}:
            noun_tok = None  # "5 percent of it" says nothing of what
    if noun_tok is None and not q.unit:
        noun_tok = _subject_noun(num)
    elif noun_tok is None and q.unit == "%" and toks:
        noun_tok = _subject_noun(toks[-1])  # "thefts rose almost 40%"
    noun = _noun_phrase_lemma(noun_tok) if noun_tok is not None else None
    return _Counted(noun_tok, noun, owner, own)


@dataclass(frozen=True, slots=True)
class _Reading:
    """A figure's noun, class and event once the sentence's earlier figures are known."""

    noun: str | None
    kind: str | None
    event: str | None
    inherited: bool


def _reading(
    q: Quantity,
    counted: _Counted,
    event_lemma: str | None,
    previous: tuple[str | None, str | None],
) -> _Reading:
    """ "25 others" stands for the noun before it; so does a bare number that a verb of fate
    takes ("killed three soldiers and injured 40"), but not any bare number ("forces 250")."""
    if q.why == SCORE_WHY:
        return _Reading(None, None, None, False)  # one side of a score counts nothing
    noun = counted.noun
    anaphor = noun is not None and noun.split()[-1] in lexicon.ANAPHORS
    # ("lost 3", "fell to 36-3", "claimed 40": a score, a record, seats; only a verb that
    # tells of nothing but deaths takes people for a bare number)
    fate = (
        noun is None
        and lexicon.event_class(event_lemma) in lexicon.FATES
        and event_lemma not in lexicon.PEOPLE_ONLY_FATES
    )
    inherited = not q.unit and (anaphor or fate)
    if inherited or anaphor:
        # a fate borrows only a noun something happened to: in "armed with three
        # handguns, he killed 11", the 11 are not handguns
        borrow = inherited and (anaphor or previous[1] in lexicon.FATES)
        noun = previous[0] if borrow else None
    # A noun that says what happened ("martyrs") speaks for itself only, not for the
    # "25 others" that borrow it.
    told = lexicon.event_class(event_lemma)
    if event_lemma in lexicon.PEOPLE_ONLY_FATES and not lexicon.counts_people(noun):
        told = None  # "lost 5,000 jobs", "claimed three seats": no one died ("deaths fell" did)
    event = (None if inherited else lexicon.implied_event(noun)) or told
    if event is None and inherited:
        event = previous[1]
    # "killed 11" with no noun before it: a verb of fate counts people
    kind = q.unit or lexicon.noun_class(noun) or ("people" if fate and not q.unit else None)
    tok = counted.noun_tok
    picked = _selective(tok) if kind and not q.unit and tok is not None else None
    if picked:
        kind = f"{picked} {kind}"  # "seven assault rifles, two other rifles": another set
    if noun and noun.split()[-1] in lexicon.OCCASIONS and event in {"struck", "attacks"}:
        kind, event = "attacks", "attacks"
    if q.unit and event in lexicon.FATES:
        event = None  # "fell from a peak of $115": amounts have no fate
    return _Reading(noun, kind, event, inherited)


def sentence_figures(
    doc: Doc, sentence: Span, quantities: Sequence[Quantity], entities: Sequence[Entity]
) -> list[Figure]:
    """Figures of one parsed sentence; quantity and entity spans are in article offsets."""
    offset = sentence.start
    context = _context(doc)
    cumulative = bool(lexicon.CUMULATIVE.search(doc.text))
    figures: list[Figure] = []
    previous: tuple[str | None, str | None] = (None, None)
    for q in quantities:
        toks = _tokens_in(doc, q.span.start - offset, q.span.end - offset)
        num = _number_token(toks)
        if num is None:
            continue
        counted = _counted(q, toks, num)
        event_lemma, event_tok = _figure_event(counted.own, num)
        r = _reading(q, counted, event_lemma, previous)
        event, frames = r.event, _frames(doc, entities, offset, event_tok)
        if q.unit == "age":
            after = doc[toks[-1].i + 1 :] if toks else doc[0:0]
            holder = _age_holder(doc.text, offset, q, entities, list(after[:4]))
            phrase, event = None, None
            if _THEN_BEFORE.search(doc.text, 0, q.span.start - offset):
                frames = ("then",)  # "then-15-year-old Brenner": an age at an earlier time
        else:
            tok = counted.noun_tok
            holder = _possessor(tok) if tok is not None else None
            if holder is None and not q.unit:
                # "Okafor posted 23 points", "the Jaguars (5-10)"
                holder = _agent(event_tok) or _beside_name(counted.own)
            phrase = (
                counted_phrase(tok, with_of=not counted.owner)
                if tok is not None and not r.inherited
                else None
            )
        near = _context(doc[max(0, toks[0].i - NEAR) : toks[-1].i + 1 + NEAR]) if toks else context
        change = (q.unit == "%" or q.unit in CURRENCIES) and _is_change(doc, toks, event_tok)
        places = _places(doc, entities, offset, event_tok)
        figures.append(
            Figure(
                q,
                sentence,
                r.noun,
                r.kind,
                event,
                places,
                context,
                cumulative,
                event_lemma,
                holder,
                frames,
                phrase,
                near,
                change,
                ago=bool(AGO_AFTER.match(doc.text, q.span.end - offset)),
            )
        )
        if r.noun and not q.unit:
            previous = (r.noun, event)
    return figures
