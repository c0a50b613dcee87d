"""Cues of attribution read off one parsed sentence: who is said to say what.

News copy attributes in a few shapes, and the dependency parse shows each the same way
whatever the words: a verb of saying (``cues.py``) whose subject is the source and whose
clausal complement is the content ("Okafor warned [that the pier could collapse]");
the content first with the cue as an aside ("The hashtag, he said, was popular"); "according
to X" beside a clause; a cue with no clause, next to a quotation ("“…,” said Jon Reyes"), whose
content the quotation supplies (``attributions.py``). Everything here reads one sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsweave.analyze import descriptions, lexicon
from newsweave.analyze.cues import (
    CAUSING,
    COMMIT,
    CONTENT_ONLY,
    FINDING_NOUNS,
    ISSUING,
    LEMMAS,
    MUTE_NOUNS,
    NAMING,
    NOT_YET,
    QUOTING,
    REPORTING,
    SPEECH,
    STANCE,
    STATEMENT_NOUNS,
)
from newsweave.analyze.speakers import BODY_NOUNS, NAME_LABELS, ORG_HEADS
from newsweave.model import Entity, Span

# Subjects that never report speech in the reporter's words: the reader ("you"), the writer
# ("I", "we"), placeholders ("That said") and relatives whose antecedent is read instead.
_NOT_SOURCES = frozenset(
    """you i we me us that this these those which what there who whom whoever something
    anything nothing everything""".split()  # noqa: SIM905
)
# Conjunctions and adverbs that open a sentence before its subject ("But he said").
_LEADING = frozenset({"but", "and", "so", "yet", "or", "then", "also", "still", "now"})
# Dependencies through which a participle or clause borrows its subject from its head: "…,
# adding that …", "said …, and added …", "was quoted as saying …".
_BORROWS = frozenset({"advcl", "conj", "xcomp", "pcomp"})
# Quote marks stay at the edges of a content; the reporter's punctuation goes.
_OPENING = "“\"‘'`"
_CLOSING = "”\"’'!?"


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue of attribution in a sentence. Offsets are into the article.

    ``cue`` is the attributing word ("said", "according to"); ``source`` the mention as written
    (a name, a pronoun, a description), None where the subject cannot speak (a placard);
    ``named`` whether that mention is a named entity; ``content`` the clause reported, None
    where only a quotation next to the cue can supply it; ``clause`` the cue with its subject,
    which a quotation right before or after it belongs to; ``antecedent`` the name a pronoun
    source stands for when the sentence itself binds it ("… Moor was treated when he said").
    """

    cue: Span
    word: str
    source: Span | None
    content: Span | None
    clause: Span
    named: bool = False
    antecedent: Span | None = None
    # the cue attributes only the quotation its content holds (a verb of praise or blame)
    quoted_only: bool = False
    # the cue attributes a view, not speech (``views.py``)
    view: bool = False


def _span(tokens: Sequence[Token], base: int) -> Span:
    first, last = tokens[0], tokens[-1]
    return Span(base + first.idx, base + last.idx + len(last.text))


def _trimmed(tokens: Iterable[Token], base: int) -> Span | None:
    """A run of tokens without the reporter's punctuation at its edges (quote marks kept)."""
    toks = [t for t in tokens if not t.is_space]
    while toks and toks[0].is_punct and toks[0].text not in _OPENING:
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in _CLOSING:
        toks = toks[:-1]
    return _span(toks, base) if toks else None


def lemma_of(t: Token) -> str:
    """A verb's lemma: the lemmatizer's, or the lexicon's where the sentence was parsed
    without it (``nlp.parse(lemmas=False)``)."""
    return t.lemma_.lower() if t.lemma_ else LEMMAS.get(t.lower_, t.lower_)


def _plain(noun: str) -> str:
    """A noun without its plural s ("statements", "families")."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _pronoun(t: Token) -> bool:
    return t.tag_ in {"PRP", "PRP$", "WP", "EX"}


def is_cue(t: Token) -> bool:
    """A verb of saying used as a verb (not "the said property"), or a verb of stance with a
    tense of its own ("believes", not "deserves to know")."""
    lemma = lemma_of(t)
    if not t.tag_.startswith("VB") or t.dep_ in {"amod", "compound", "auxpass"}:
        return False
    if t.i > 0 and t.nbor(-1).tag_ in {"DT", "PRP$", "JJ"} and t.tag_ == "VBG":
        return False  # "a warning", "his saying": a noun
    if (
        lemma in NAMING
        and t.tag_ in {"VBN", "VBD"}
        and t.dep_ in {"acl", "advcl"}
        and t.head.tag_ not in {"NNP", "NNPS"}  # the light parse sets tags, not pos
    ):
        # Rule "a name, not a saying": "a program called Safe Harbour". Not after a proper
        # noun: "Okafor called the plan “reckless”" is a saying the parse may read that way.
        return False
    if lemma == "point":
        # rule "point out": says only with its particle ("pointed out that …"), never
        # "pointed to the map"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children)
    if lemma in SPEECH:
        return True
    return lemma in STANCE and (t.tag_ in {"VBD", "VBZ", "VBP"} or _has_aux(t))


def _has_aux(t: Token) -> bool:
    """ "has found", "will show": a tense carried by an auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ != "to" for c in t.children)


def subject(v: Token) -> Token | None:
    """The cue's speaker: its subject, or the one it borrows from the verb it hangs on."""
    if _infinitive(v) and v.head.lower_ in CAUSING:
        made = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
        if made is not None:
            return made  # "led the French maker to announce …": the maker announced
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if by is not None:
        return by  # "as reported by the coastguard", "was described by engineers as …"
    at = v
    for _ in range(4):
        subj = _nearest_subject(at)
        if subj is not None and subj.tag_ in {"WP", "WDT"} and at.dep_ == "relcl":
            return _predicated(at.head)  # "voters who said …": the antecedent speaks
        if subj is not None and at is not v and _reported_thing(at, subj):
            at = at.head
            continue
        if subj is not None:
            return subj
        if (name := _name_before(at)) is not None:
            return name
        if at is not v and v.dep_ == "conj" and at.i == v.head.i:
            # Rule "a passive's subject goes on": "Roe was joined on stage by Sen. Al Tull and
            # joked, …" is Roe's joke, not the agent's
            passive = next((c for c in at.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                # a thing speaks only if it is a text ("the report was finalised and denied
                # …"), else no one does ("the deaths were caused by … and called on …")
                texts = STATEMENT_NOUNS | FINDING_NOUNS
                return passive if not _thing(passive) or _plain(passive.lower_) in texts else None
        if at is v and (has := _has_said(v)) is not None:
            return has
        if at is v and any(c.dep_ in {"nsubjpass", "expl"} for c in at.children):
            return None  # "it is said that …": no one in particular
        if (issuer := _issuer(at)) is not None:
            return issuer
        if at.dep_ in {"relcl", "acl"}:
            return at.head  # "Okafor, who said …"; "a statement saying …"
        over = _over_preposition(at) if at.dep_ == "pcomp" else None
        if over is not None:
            at = over
            continue
        if at.dep_ not in _BORROWS or at.head.i == at.i:
            return _subject_before(v) if at is v else None
        passive = next((c for c in at.head.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and lemma_of(at.head) == "quote":
            return passive  # "X was quoted as saying"
        at = at.head
    return None


def _nearest_subject(at: Token) -> Token | None:
    """Of two subjects the parser gives one verb, the nearer speaks: the other is a dateline
    it took in ("PORT ELM — Four boats sank …, the coastguard said")."""
    subjects = [c for c in at.children if c.dep_ == "nsubj"]
    if lemma_of(at) == "tell" and any(c.i < at.i for c in subjects):
        # "…,” Jack Roe, director of games, tells The Example Reporter": after "tell" comes
        # whom it tells, which the parse may take for a second subject
        subjects = [c for c in subjects if c.i < at.i]
    return min(subjects, key=lambda c: abs(c.i - at.i), default=None)


def _issuer(at: Token) -> Token | None:
    """Whoever issued the statement or thing a participle or infinitive hangs on: "The
    Coastal Authority released a statement saying …", "Okafor fired back a response saying
    …", "held a briefing to announce …"."""
    if not (at.dep_ == "acl" or (at.dep_ == "relcl" and _to(at))):
        return None
    if _plain(at.head.lower_) not in STATEMENT_NOUNS and not _thing(at.head):
        return None
    issuer = next((c for c in at.head.head.children if c.dep_ == "nsubj"), None)
    return issuer if at.head.dep_ in {"dobj", "pobj"} else None


def _reported_thing(at: Token, subj: Token) -> bool:
    """Rule "a thing reported speaks for no one": a participle or conjunct that the parse
    hangs on a clause someone reports ("Dunn argued that a register would stop fraud, saying
    …") is not said by that clause's subject when it is a thing; the reporter's subject says
    it. A person there may ("said the mayor quit, citing her health")."""
    if at.dep_ != "ccomp" or not is_cue(at.head):
        return False
    reporter = next((c for c in at.head.children if c.dep_ == "nsubj"), None)
    if reporter is not None and _thing(reporter):
        return False  # "The affidavit says calls came in, reporting …": the calls report
    return subj.lower_ == "it" or (_thing(subj) and _plain(subj.lower_) not in _GROUP_NOUNS)


def _name_before(v: Token) -> Token | None:
    """Rule "a name the parse took for an object": a verb in a series with no subject of its
    own, right after "and" and a name ("charged the guard with theft and Mayor Ellis fired
    his deputy"), has that name for its subject, which the parse hung on the word before."""
    if v.dep_ not in {"conj", "ROOT"} or v.i == 0 or not v.tag_.startswith("VB"):
        return None
    name = v.doc[v.i - 1]
    start = name.left_edge.i
    if name.tag_ != "NNP" or name.head.i == v.i or start == 0 or v.doc[start - 1].lower_ != "and":
        return None
    return name


def _to(v: Token) -> bool:
    """An infinitive: "to" before it ("a briefing to announce …")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)


_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re"})


# Nouns of groups of people: in a reported clause they may say what follows it ("said many
# voters felt ignored, calling …"), as a person there may.
_GROUP_NOUNS = frozenset(
    """people person voter supporter critic opponent lawmaker legislator parent family citizen
    american republican democrat conservative liberal advocate investor consumer user customer
    participant respondent viewer listener reader audience crowd public community""".split()  # noqa: SIM905
)
# Nouns of those who speak for themselves: "a group saying …", "a farmer saying …".
_SPEAKING_NOUNS = descriptions.PERSON_ROLES | lexicon.PERSON_WORDS | BODY_NOUNS | ORG_HEADS


def _thing(noun: Token) -> bool:
    """A common noun for no one ("a response", "a reference", "a third attempt"): what a
    participle on it says, whoever made it says."""
    # (the light parse sets tags, not lemmas: the plain form stands for the lemma)
    forms = {noun.lower_, _plain(noun.lower_)}
    return noun.tag_ in {"NN", "NNS"} and not forms & _SPEAKING_NOUNS


def _predicated(noun: Token) -> Token:
    """Rule "X is a Y who said": a relative clause on a noun that a copula says its subject
    is (one of several: "is a builder and a bully who promised …") is that subject's."""
    attr = noun
    while attr.dep_ == "conj":
        attr = attr.head
    if attr.dep_ != "attr" or attr.head.lower_ not in _COPULAS:
        return noun
    return next((c for c in attr.head.children if c.dep_ == "nsubj"), noun)


def _has_said(v: Token) -> Token | None:
    """ "He's said the pier is safe": the parse reads "'s" as "is", a passive, where news means
    "has"; with a clause of its own after the cue (not "he's said to be"), the subject
    speaks."""
    aux = [c for c in v.children if c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"}]
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if not aux or subj is None or subj.lower_ in {"it", "this", "that"}:
        return None
    return subj if any(c.dep_ == "ccomp" and c.i > v.i for c in v.children) else None


# Prepositions after which a cue speaks for the verb's object, not its subject ("thanked the
# crew for saying", "accused the board of hiding"): there the rule above does not apply.
_OBJECT_SPEAKS = frozenset({"for", "of"})


def _over_preposition(v: Token) -> Token | None:
    """Rule "speaker over a preposition": a cue that is the object of a preposition ("after
    saying …", "began by saying …", "in addition to stating …") speaks with the subject of the
    verb the preposition hangs on, across a complex preposition ("in addition to") but never
    across a noun that is not a preposition's object ("his habit of saying": his, not ours)."""
    at = v.head
    for _ in range(2):
        if at.dep_ != "prep":
            return None
        if at.head.tag_.startswith("VB"):
            if at.lower_ in _OBJECT_SPEAKS and any(c.dep_ == "dobj" for c in at.head.children):
                return None  # "criticized the board for saying": the board said it
            return at.head
        if at.head.dep_ != "pobj":
            return None
        at = at.head.head
    return None


def _subject_before(v: Token) -> Token | None:
    """The subject of the clause before a cue that has none of its own, in a sentence with no
    quotation before the cue ("Ellery thanked the crews, then says he'll need more pumps")."""
    before = v.doc[: v.i]
    if any(t.text in _OPENING + _CLOSING and t.is_punct for t in before):
        return None
    subjects = [t for t in before if t.dep_ == "nsubj" and t.head.i < v.i]
    return subjects[-1] if subjects else None


# What the parser makes of a surname that is also a word ("Long said …", "Swift said …").
_MISPARSED_AS = frozenset({"advmod", "npadvmod", "amod", "compound", "dep", "nmod", "intj"})


def surnames(entities: Sequence[Entity]) -> frozenset[str]:
    """The last words of the people an article names in full ("Long" of "Dana Long")."""
    return frozenset(
        e.text.split()[-1] for e in entities if e.label == "PERSON" and " " in e.text.strip()
    )


def _surname_misparsed(v: Token, known: frozenset[str]) -> Token | None:
    """Rule "surname taken for a word": a cue with no subject, opening its sentence after a
    capitalised word the parser took for an adverb or modifier, which is the surname of a
    person the article names in full ("Rep. Dana Long …" then "Long said he …")."""
    if v.i != 1 or v.doc[0].head.i != v.i or v.doc[0].dep_ not in _MISPARSED_AS:
        return None
    first = v.doc[0]
    return first if first.text[:1].isupper() and first.text in known else None


def mention(
    subj: Token, base: int, names: Sequence[Entity], known: frozenset[str] = frozenset()
) -> tuple[Span, bool]:
    """The source as written, and whether it is a name: the named entity the subject stands
    in, a person in apposition to it ("a spokeswoman, Anna White, said"), or its noun phrase
    ("a spokesman for the ministry")."""
    if subj.dep_ in _MISPARSED_AS and subj.text in known:
        return _span([subj], base), True  # "Long said": a surname the parse took for a word
    at = base + subj.idx
    edge = subj.right_edge
    for e in names:
        if e.span.start <= at < e.span.end:
            # Rule "a name ends with its subject": the tagger may run a name on past it ("Todd
            # asked Pence" as one name; in a headline "Dana Roe Says She …", which
            # ``entity_labels`` cuts for every use, but not every run-on is a verb of saying);
            # the source stops where the parse's subject does.
            return Span(e.span.start, min(e.span.end, base + edge.idx + len(edge.text))), True
    # "a spokeswoman, Anna White, said"; "said a spokeswoman for the council, Anna White"
    # (the parse hangs her on the council)
    of = [c for c in subj.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}]
    inner = [  # (not "a friend of the mayor, Ana Roe": she may be the mayor)
        o
        for p in of
        for o in p.children
        if o.dep_ == "pobj" and _plain(o.lower_) not in descriptions.PERSON_ROLES
    ]
    for c in [*subj.children, *(x for o in inner for x in o.children)]:
        if c.dep_ == "appos":
            for e in names:
                if e.label == "PERSON" and e.span.start <= base + c.idx < e.span.end:
                    return e.span, True
    left = [c for c in subj.lefts if c.dep_ not in {"punct", "cc", "preconj"}]
    start = left[0].left_edge if left else subj
    right = [c for c in subj.rights if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}]
    if _described(subj):  # "those who voted for the plan", "those close to the mayor"
        right = [c for c in subj.rights if c.dep_ in {"acl", "relcl", "prep", "amod"}][-1:]
    end = right[0].right_edge if right else subj
    toks = list(subj.doc[start.i : end.i + 1])
    while len(toks) > 1 and (toks[0].lower_ in _LEADING or toks[0].is_punct):
        toks = toks[1:]
    if subj.tag_ in {"NNP", "NNPS"} and subj.text[:1].isupper():
        # A name the tagger missed ("Adeyemi said"): its proper nouns, for the name rules
        # (a word in lower case is no name, whatever its tag: "the rep said").
        names_toks = [t for t in toks if t.tag_ in {"NNP", "NNPS"} and t.i <= subj.i]
        return _span([names_toks[0], subj], base), True
    return _span(toks, base), False


def content(v: Token, base: int) -> Span | None:
    """What the cue reports: its clausal complements, or the clause it is an aside to.

    Reported speech after its cue runs to the end of the cue's clause ("said the news came as
    a shock, and the government will fight on"); before its cue, it is the complement alone.
    """
    lemma = lemma_of(v)
    comps = [
        c
        for c in v.children
        if c.dep_ == "ccomp" and not _beyond_colon(c, v) and not _manner(c, lemma)
    ]
    comps = comps or _in_statement(v) or _misparsed(v)
    if not comps and (lemma == "say" or lemma in COMMIT):
        comps = [c for c in v.children if c.dep_ == "xcomp" and c.i > v.i]
        if lemma not in COMMIT:
            # "said to expect a vote", not "said, on condition of anonymity to speak freely"
            comps = [c for c in comps if c.left_edge.i == v.i + 1]
        objects = [c for c in v.children if c.dep_ == "dobj" and c.i > v.i]
        if comps and objects and lemma in COMMIT:
            comps = [objects[0], *comps]  # "urged Congress to act": who is urged, and to do what
    if not comps and lemma == "call":
        comps = _called_for(v)
    if comps:
        first = min(c.left_edge.i for c in comps)
        last = max(c.right_edge.i for c in comps)
        if first > v.i:
            last = v.right_edge.i
        return _trimmed(list(v.doc[first : last + 1]), base)
    if lemma in NAMING:
        # "called the plan “reckless”": whom it names and what it calls them.
        # Rule "described as": "described the plan as “reckless”" names it through "as".
        named_as = [
            c
            for c in v.children
            if c.i > v.i
            and (c.dep_ in {"oprd", "xcomp", "attr"} or (c.dep_ == "prep" and c.lower_ == "as"))
            and not _infinitive(c)  # "called a friend to apologise": he phoned
        ]
        if named_as:
            first = min(
                [c.left_edge.i for c in v.children if c.dep_ == "dobj" and c.i > v.i]
                or [named_as[0].left_edge.i]
            )
            return _trimmed(list(v.doc[first : v.right_edge.i + 1]), base)
    objects = [c for c in v.children if c.dep_ == "dobj" and c.i > v.i and not _pronoun(c)]
    if lemma in REPORTING and objects and any(t.like_num for t in objects[0].subtree):
        # "The Coastal Authority has reported at least 12 injuries": a figure is reported.
        return _trimmed(list(objects[0].subtree), base)
    if lemma == "say" and objects:
        # "said families of victims file lawsuits": what "say" takes as its object is said.
        return _trimmed(list(v.doc[objects[0].left_edge.i : v.right_edge.i + 1]), base)
    return _aside_content(v, base)


def _called_for(v: Token) -> list[Token]:
    """What "called for" or "called on" asks: "called for a ban", "called on Congress to
    act"; the preposition right after the verb ("called the week a “rough week” for the
    mayor" is a naming)."""
    preps = [
        c
        for c in v.children
        if c.dep_ == "prep"
        and c.lower_ in {"for", "on"}
        and c.i > v.i
        and all(t.tag_ in {"RB", "RP"} for t in v.doc[v.i + 1 : c.i])
    ]
    comps = [x for p in preps for x in p.children if x.dep_ == "pobj"]
    return comps + [c for c in v.children if c.dep_ == "xcomp" and c.i > v.i and comps]


def _manner(comp: Token, lemma: str) -> bool:
    """Rule "spoke so fast it sounded …": "speak" and "talk" take no clause of what was said
    but one with "that"; another clause on them tells how they spoke."""
    return lemma in {"speak", "talk"} and not any(
        m.dep_ == "mark" and m.lower_ == "that" for m in comp.children
    )


def _says_something(toks: Sequence[Token]) -> bool:
    """Rule "an aside reports a clause": what a cue set aside reports has a verb, a figure or
    a quotation, or is one word of reply ("Sorry, she said."); "Then, last week, the mayor
    called." reports nothing (he phoned)."""
    words = [t for t in toks if not t.is_punct]
    if len(words) == 1 and words[0].tag_ not in {"RB", "IN", "CC", "DT"}:
        return True
    return any(
        t.tag_.startswith("VB") or t.tag_ == "MD" or t.like_num or t.text in _OPENING
        for t in toks
    )


def _aside_content(v: Token, base: int) -> Span | None:
    """What a cue set aside in a clause reports: that clause ("The hashtag, he said, was
    popular"; "“…,” he said"; "…, she said." closing a sentence)."""
    comma = _closing_aside(v)
    if comma is not None:
        before = list(v.doc[v.sent.start : comma])
        return _trimmed(before, base) if _says_something(before) else None
    head = v.head
    if v.dep_ == "parataxis" and head.dep_ in {"aux", "auxpass"}:
        # "…, he said, he's learned …": the parse may hang the aside on the clause's
        # auxiliary; what was said is the clause of the verb it helps.
        head = head.head
    aside = (
        v.dep_ == "parataxis"
        or (v.dep_ == "ccomp" and v.i > head.i and v.doc[v.left_edge.i - 1].text == ",")
        or _inverted(v)
        or _as_aside(v)
    )
    # A head that is itself a cue of speech with its own clause ("He said the pier is safe,
    # she added") reports on its own; any other head is what the aside reports ("Bob, they
    # said, ordered them to wait"; "Overall, she said, voters are finding themselves …").
    if not aside or (lemma_of(head) in SPEECH and any(c.dep_ == "ccomp" for c in head.children)):
        return None
    inside = v.left_edge.i > head.left_edge.i and v.right_edge.i < head.right_edge.i - 1
    toks = [t for t in head.subtree if inside or not (v.left_edge.i <= t.i <= v.right_edge.i)]
    return _trimmed(toks, base) if _says_something(toks) else None


# Verbs that report what is so in "As the coastguard noted, …"; "As she spoke, …" and "as he
# testified" tell when, not what.
_AS_ASIDE = frozenset(
    """say note observe report explain write mention predict argue claim suggest acknowledge
    state remark recall warn insist announce confirm concede indicate tell add point reveal
    stress emphasize emphasise contend assert conclude allege disclose""".split()  # noqa: SIM905
)


def _beyond_colon(comp: Token, v: Token) -> bool:
    """A clause before its cue with a colon or semicolon between ("The deal came quickly:
    a ballot initiative threatened to …") is not what the cue reports: what follows the
    colon explains it."""
    return comp.i < v.i and any(t.text in {":", ";"} for t in v.doc[comp.right_edge.i + 1 : v.i])


def _closing_aside(v: Token) -> int | None:
    """Rule "…, she said." whatever the parse: a bare cue closing its sentence after a comma,
    with its own subject right after that comma, reports all that comes before the comma.
    The parse may hang such a cue anywhere (an adverbial clause of the first verb, with a
    "for" of the sentence as its conjunction); the words say it is an aside. Returns the
    comma's index."""
    doc = v.doc
    after = doc[v.i + 1 : v.sent.end]
    # (not before a colon: "Speaking to reporters, he said:" introduces what follows)
    if v.dep_ == "parataxis" or not all(t.is_punct and t.text != ":" for t in after):
        return None
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.right_edge.i == v.i - 1), None)
    if subj is None or subj.left_edge.i - 1 <= v.sent.start:
        return None
    comma = subj.left_edge.i - 1
    return comma if doc[comma].text == "," else None


def _as_aside(v: Token) -> bool:
    """Rule "as X said": "As the coastguard noted, the pier is old" / "The pier is old, as
    the coastguard noted." — a bare cue in a clause opened by "as" reports the clause it
    hangs on (never one with an object of its own: "as he said goodbye" tells when)."""
    if v.dep_ != "advcl" or lemma_of(v) not in _AS_ASIDE:
        return False
    if not any(m.dep_ == "mark" and m.lower_ == "as" for m in v.children):
        return False
    return not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in v.children if c.i > v.i)


def _inverted(v: Token) -> bool:
    """Rule "cue after its content, parsed as a conjunct": "The pier will reopen, the
    harbourmaster's deputy, Ana Ruiz, told reporters." The parse may join the cue to the
    clause before it as a second conjunct; with no "and" or "but" between them, a subject of
    its own and nothing after it, the cue is an aside to that clause, as "…, X said" is."""
    head, doc = v.head, v.doc
    if v.dep_ != "conj" or v.i < head.i:
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    # the aside opens at its subject (the parse may hang stray marks before it on the cue)
    if subj is None or subj.left_edge.i < 1 or doc[subj.left_edge.i - 1].text != ",":
        return False
    # An "and" or "but" that joins another conjunct of the clause ("should provide … and not
    # wave …, he told reporters") is that conjunct's; one with no conjunct after it is the cue's.
    ccs = [t.i for t in doc[head.i : v.i] if t.dep_ == "cc" and t.head.i == head.i]
    others = [c.i for c in head.children if c.dep_ == "conj" and c.i < v.i]
    if ccs and not (others and max(others) > max(ccs)):
        return False
    return all(t.is_punct for t in doc[v.right_edge.i + 1 :])


def _in_statement(v: Token) -> list[Token]:
    """The clause a cue reports through a text it names: "confirmed in a statement that …",
    where the parse hangs the clause on the noun."""
    for prep in v.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _plain(noun.lower_) in STATEMENT_NOUNS:
                return [
                    c
                    for c in noun.children
                    if c.dep_ in {"acl", "relcl", "ccomp"} and c.left_edge.lower_ == "that"
                ]
    return []


# Nouns that take a "that" clause of their own ("news that the ferry sank"): a clause on them
# is theirs, not the cue's.
_CONTENT_NOUNS = frozenset(
    """news fact claim report idea belief hope fear concern evidence suggestion allegation
    notion possibility word assurance promise argument view rumor rumour speculation sign
    indication assertion theory charge accusation warning threat question doubt""".split()  # noqa: SIM905
)
# Verbs that ask: an "if" clause after them is the question asked, not a condition.
_ASKING = frozenset({"ask", "wonder", "question", "inquire", "enquire"})


def _misparsed(v: Token) -> list[Token]:
    """Complements the parse hangs elsewhere than on the cue as a clausal complement:

    - rule "that-clause on a noun": "said during a news conference that …" — the parse makes
      the "that" clause a relative clause of the noun in a prepositional phrase after the
      cue; a "that" that is the clause's conjunction (mark), not a relative pronoun, says
      it is the cue's complement;
    - rule "infinitive with for": "called for the board to resign" — the clause with its
      own subject comes as an adverbial clause opened by "for";
    - rule "indirect question": "asked the crew whether the pier was safe", "asked them if
      …" — an adverbial clause opened by "whether" (or by "if" after a verb that asks).
    """
    out = []
    for c in v.children:
        if c.i < v.i:
            continue
        if c.dep_ == "advcl":
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            asks = "whether" in marks or ("if" in marks and lemma_of(v) in _ASKING)
            infinitive = "for" in marks and any(a.lower_ == "to" for a in c.children)
            if asks or infinitive:
                out.append(c)
        elif c.dep_ == "prep" and not any(o.dep_ == "dobj" for o in v.children):
            # the noun of the phrase, or of one phrase inside it ("in an interview with
            # the BBC on Friday that …")
            nouns = [n for n in c.children if n.dep_ == "pobj"]
            nouns += [n for x in nouns for p in x.children if p.dep_ == "prep" for n in p.children]
            out += [
                r
                for noun in nouns
                if noun.dep_ == "pobj" and not {noun.lower_, _plain(noun.lower_)} & _CONTENT_NOUNS
                for r in noun.children
                if r.dep_ in {"relcl", "acl", "ccomp"}
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in r.children)
            ]
    return out[:1]


def _clause(v: Token, subj: Token | None, base: int) -> Span:
    """The cue with its subject's words ("Ms. Okafor asked", "said harbour engineer Tom
    Carville"), without the clause it reports."""
    toks = [v]
    if subj is not None:
        asides = [c for c in subj.children if c.dep_ in {"relcl", "acl"}]
        toks += [
            t
            for t in subj.subtree
            if not any(c.left_edge.i <= t.i <= c.right_edge.i for c in asides)
        ]
    toks += [c for c in v.children if c.dep_ in {"prt", "advmod", "npadvmod", "aux", "neg"}]
    first = min(t.i for t in toks)
    last = max(t.i for t in toks)
    return _span(list(v.doc[first : last + 1]), base)


def _according(doc: Doc, base: int, names: Sequence[Entity]) -> Iterator[Cue]:
    """ "According to X, …": X speaks the clause the phrase hangs on (the rest of the
    sentence)."""
    for t in doc:
        if t.lower_ != "according":
            continue
        to = next((c for c in t.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if to is None or obj is None:
            continue
        first, last = t.left_edge.i, max(obj.right_edge.i, to.i)
        rest = _trimmed([x for x in doc if not first <= x.i <= last], base)
        if rest is None or len(doc) - (last - first + 1) < 3:
            continue
        source, named = mention(_author(obj, base, names), base, names)
        phrase = _span(list(doc[first : last + 1]), base)
        yield Cue(_span([t, to], base), "according to", source, rest, phrase, named)


def _maker(obj: Token) -> Token | None:
    """Rule "figures from X": who made the findings named ("according to figures from the
    Harbour Board", "according to information available with the navy")."""
    if obj.lower_ not in FINDING_NOUNS:
        return None
    holders = [obj, *(c for c in obj.children if c.dep_ in {"amod", "acl"})]
    for h in holders:
        # ("a poll of voters" asks them; "an analysis of filings" reads them: not "of")
        makers = {"from", "by"} if h is obj else {"from", "by", "with"}
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ in makers:
                found = next((c for c in p.children if c.dep_ == "pobj"), None)
                if found is not None and found.tag_ not in {"PRP", "DT"}:
                    return found
        agent = next((c for c in h.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if by is not None:
            return by  # "a poll conducted by the Harbour Times"
    return None


def _author(obj: Token, base: int, names: Sequence[Entity]) -> Token:
    """Rule "according to X's statement": a text a named person or body put out (a statement
    noun, or a work's title in quotation marks) speaks for its author."""
    maker = _maker(obj)
    if maker is not None:
        return maker
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is None or not any(e.span.start <= base + owner.idx < e.span.end for e in names):
        return obj
    quoted = any(t.tag_ == "``" for t in obj.doc[owner.i + 1 : obj.i])
    return owner if quoted or _plain(obj.lower_) in STATEMENT_NOUNS else obj


def _audience(v: Token) -> list[Token]:
    """Whom a "told" addresses, when it is a short name or noun ("told reporters", "told
    the BBC"): part of the cue as news copy words it."""
    if lemma_of(v) != "tell":
        return []
    for c in v.children:
        if c.dep_ in {"dobj", "dative"} and c.i > v.i and not _pronoun(c):
            toks = list(c.subtree)
            if len(toks) <= 3 and toks[0].i == v.i + 1:
                return toks
    return []


def _carried(v: Token) -> bool:
    """ "placards declaring: …", "a sign reading …": words a thing carries, whoever the
    parse makes the subject."""
    return v.tag_ == "VBG" and v.i > 0 and v.nbor(-1).lower_ in MUTE_NOUNS


def _bare(v: Token) -> bool:
    """Whether a cue ends its clause with nothing it does or says ("Okafor spoke outside the
    town hall.", "he added:"), so that a quotation after it is what it introduces; "continued to
    fight" and "added 12 points" are not speech."""
    if v.i + 1 < len(v.doc) and v.nbor(1).text == ":":
        return True
    return not any(c.dep_ in {"dobj", "xcomp", "ccomp", "attr", "oprd"} for c in v.children)


def _statement_intro(
    v: Token, base: int, names: Sequence[Entity], known: frozenset[str]
) -> list[Cue]:
    """Rule "statement introduced": a sentence that ends on its subject putting out a text
    ("Mayor Marrant issued the following statement:") introduces the quotation after it,
    usually the next paragraph; a cue with no content of its own, as "Okafor said:" is."""
    if v.lower_ not in ISSUING or not v.tag_.startswith("VB"):
        return []
    if not any(c.dep_ == "dobj" and _plain(c.lower_) in STATEMENT_NOUNS for c in v.children):
        return []
    last = next((t for t in reversed(v.doc) if not t.is_space), None)
    if last is None or last.text != ":" or v.right_edge.i < last.i - 1:
        return []
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _NOT_SOURCES or subj.lower_ in MUTE_NOUNS:
        return []
    source, named = mention(subj, base, names, known)
    return [Cue(_span([v], base), v.text, source, None, _clause(v, subj, base), named)]


def _quoted_object(v: Token, base: int) -> Span | None:
    """What follows a verb up to the end of the last of its dependents that holds an opening
    quotation mark, or None when none does."""
    right = [c for c in v.children if c.i > v.i and c.dep_ not in {"punct", "cc", "conj"}]
    holding = [c for c in right if any(t.text in _OPENING for t in c.subtree)]
    if not holding:
        return None
    return _span([right[0].left_edge, holding[-1].right_edge], base)


def _quoting(v: Token, base: int, names: Sequence[Entity], known: frozenset[str]) -> list[Cue]:
    """Rule "quoted in the object": a verb of praise or blame whose object holds a quotation
    ("Okafor mocked the board for “losing the plot”") attributes those words to its
    subject; the content is the object with the quotation (``Cue.quoted_only``)."""
    if v.lower_ not in QUOTING or not v.tag_.startswith("VB") or v.dep_ in {"amod", "compound"}:
        return []
    said = _quoted_object(v, base)
    subj = subject(v) or _surname_misparsed(v, known)
    if said is None or subj is None or subj.lower_ in _NOT_SOURCES | MUTE_NOUNS:
        return []
    source, named = mention(subj, base, names, known)
    clause = _clause(v, subj, base)
    return [Cue(_span([v], base), v.text, source, said, clause, named, quoted_only=True)]


# Verbs of saying that also gather things: a quotation in their object is a title or a count
# ("added hits including “Sea Song”"), not words they say.
_COLLECTING = frozenset({"add", "record", "tally"})


def _reflexive_object(v: Token) -> bool:
    """ "voters find themselves alienated", "he sees himself as …": a view of oneself is a
    state the sentence reports, not a finding or a view anyone stated."""
    after = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    # the parse makes it the object, or the subject of the clause that follows
    return after is not None and after.lower_.endswith(("self", "selves")) and after.tag_ == "PRP"


def _infinitive_with_object(v: Token) -> bool:
    """ "voted to confirm the nominee": a cue in the infinitive with a noun for its object is
    something its subject did or meant to do, not something said, so it introduces no
    quotation and makes its subject no one's antecedent ("he said" after it is someone else)."""
    return (
        v.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)
        and any(c.dep_ == "dobj" for c in v.children)
    )


def _infinitive(v: Token) -> bool:
    return v.dep_ in {"xcomp", "advcl"} and _to(v)


def _not_yet_said(v: Token) -> bool:
    """A cue in the infinitive under a verb of meaning, asking or refusing (``NOT_YET``),
    with a subject of its own or not ("expects the mayor to announce …"), or under a noun ("a
    request to confirm the figure", "the decision to announce it": no one has said it)."""
    to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)
    if to and v.dep_ == "acl" and v.head.tag_.startswith("NN"):
        return True
    infinitive = _infinitive(v) or (v.dep_ == "ccomp" and to)
    return infinitive and v.head.i != v.i and v.head.lower_ in NOT_YET


def sentence_cues(
    doc: Doc, base: int, entities: Sequence[Entity], known: frozenset[str] = frozenset()
) -> list[Cue]:
    """Every cue of attribution in one parsed sentence (``base``: the sentence's offset in the
    article; ``entities``: the sentence's, since the parse pass does not tag names;
    ``known``: the surnames of people the article names in full, ``surnames``)."""
    names = [e for e in entities if e.label in NAME_LABELS]
    out = list(_according(doc, base, names))
    for v in doc:
        if not is_cue(v):
            out.extend(_statement_intro(v, base, names, known))
            out.extend(_quoting(v, base, names, known))
            continue
        if _not_yet_said(v):
            continue
        said = content(v, base)
        lemma = lemma_of(v)
        # "called the fire that destroyed five homes “a blow to every family here”": a naming verb
        # whose complement the parse lost still names in the quotation its object holds; any
        # verb of saying with a quotation in its object says those words ("admitted “one or
        # two lapses” in the audit", "warned of “a long winter”").
        quoted_only = False
        if said is None and (lemma in NAMING or (lemma in SPEECH and lemma not in _COLLECTING)):
            said = _quoted_object(v, base)
            quoted_only = said is not None
        # A view ("believes") counts only with its clause; "added 12 points" is not speech.
        if said is None and (lemma not in SPEECH or (lemma in CONTENT_ONLY and not _bare(v))):
            continue
        if said is None and _infinitive_with_object(v):
            continue
        if lemma in STANCE and _reflexive_object(v):
            continue
        subj = subject(v) or _surname_misparsed(v, known)
        if subj is None:
            continue
        # ("those who said the tax was too high voted no": no one in particular)
        described = _described(subj) and not subj.left_edge.i <= v.i <= subj.right_edge.i
        if subj.lower_ in _NOT_SOURCES and not described:
            if subj.lower_ in {"i", "we"} and said is None:
                # "“Okay,” I said": the writer's own words, which the rules must not credit.
                out.append(Cue(_span([v], base), v.text, None, None, _clause(v, subj, base)))
            continue
        prt = [c for c in v.children if c.dep_ == "prt"]
        word = " ".join(x.text for x in [v, *prt, *_audience(v)])
        cue = _span([v, *prt], base)
        clause = _clause(v, subj, base)
        if subj.lower_ in MUTE_NOUNS or _carried(v):
            # Words on a placard or a sign: quoted, but no one's speech.
            out.append(Cue(cue, word, None, said, clause))
            continue
        source, named = mention(subj, base, names, known)
        # a closing aside hangs on what it reports, whose subject is not the speaker
        bound = _antecedent(v, subj) if _closing_aside(v) is None else None
        antecedent = mention(bound, base, names)[0] if bound is not None else None
        if antecedent is not None and _a_place(antecedent, names):
            antecedent = None  # "he" is neither a place nor a people ("… Americans …, he")
        out.append(Cue(cue, word, source, said, clause, named, antecedent, quoted_only))
    return out


def _described(subj: Token) -> bool:
    """Rule "those surveyed": a demonstrative with words that say who is meant ("those
    polled", "those who voted", "those close to the mayor") is a description of people."""
    return subj.lower_ in {"those", "these"} and any(
        c.dep_ in {"acl", "relcl", "prep", "amod"} for c in subj.children
    )


def _a_place(mention: Span, names: Sequence[Entity]) -> bool:
    """Whether the tagger found a place or a people at a mention."""
    return any(
        e.label in lexicon.PLACE_LABELS | {"NORP"} and e.span.start <= mention.start < e.span.end
        for e in names
    )


def _verb_over(noun: Token) -> Token | None:
    """The nearest verb with a subject above a noun, through objects, prepositions and verbs
    with none ("put the port on a list of places": places → … → put; "rallied voters with
    calls to end the economy": economy → end → calls → with → rallied)."""
    at = noun
    for _ in range(10):
        if at.tag_.startswith("VB") and any(c.dep_ in {"nsubj", "nsubjpass"} for c in at.children):
            return at
        if at.head.i == at.i:
            return None
        at = at.head
    return None


def _reported(v: Token) -> bool:
    """Whether a verb stands in a clause someone is said to say ("said that Roe worked …")."""
    at = v
    for _ in range(10):
        if at.dep_ == "ccomp" and is_cue(at.head):
            return True
        if at.head.i == at.i:
            return False
        at = at.head
    return False


def _antecedent(v: Token, subj: Token) -> Token | None:
    """The name a "he" or "she" stands for when the cue hangs in a clause of a sentence
    whose governing clause has a named subject: "Moor was being treated when he said …" (he
    is Moor), "Ellery said …, and he added" (he is Ellery), or whose opening clause has one
    ("When Moor arrived, he said …")."""
    if subj.lower_ not in {"he", "she"}:
        return None
    # "When Fenwick heard the call, she insisted …": the subject of a clause opening the
    # sentence before the pronoun; not where that clause also holds the pronoun's object
    # form ("When Moor asked her, she said"): then the pronoun is someone else.
    other = {"he": "him", "she": "her"}[subj.lower_]
    for c in v.children:
        if c.dep_ == "advcl" and c.i < subj.i and all(x.lower_ != other for x in c.subtree):
            # ("When Ellery was approached, he told police": a passive's subject too)
            named = next((x for x in c.children if x.dep_ in {"nsubj", "nsubjpass"}), None)
            if named is not None and named.tag_ in {"NNP", "NNPS"} and not _pronoun(named):
                return named
    at = v
    for _ in range(3):
        if at.dep_ == "relcl":
            # "Quist included the port on a list of places she said had lost jobs": from the
            # noun the relative clause is on to the verb it hangs on
            over = _verb_over(at.head)
            if over is None or _reported(over):
                return None  # not in a reported clause ("said that Roe worked in a bayou,
            at = over  # which he described as …": he is who said it, not Roe)
        elif at.dep_ not in {"advcl", "conj", "ccomp", "xcomp"} or at.head.i == at.i:
            return None
        else:
            at = at.head
        named = next((c for c in at.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if named is not None:
            capitalised = named.i > 0 and named.text[:1].isupper() and named.tag_.startswith("NN")
            proper = named.tag_ in {"NNP", "NNPS"} or capitalised  # not "“This is …,” he said"
            return named if proper and not _pronoun(named) else None
    return None
