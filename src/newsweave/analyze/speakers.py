"""Who speaks each quotation: cues, subjects, pronouns and statements, read by rule.

News copy attributes a quotation in a handful of shapes: after it ("…,” Okafor said"; "…,” said
Jon Reyes of the Centre …), before it ("Okafor said: “…"; "Brennan …, stating, “…"), around a
partial quote ("Adeyemi said the response would be “multi-tiered.”"), in a headline ("“…”:
Okafor"), by pronoun ("he added") or by a statement ("the statement said"). These rules read
those shapes off the words and the named entities the analysis already found, so no sentence
has to be parsed; every name comes back with its titles stripped and in the fullest form the
article prints ("Okafor" → "Grace Okafor").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.analyze import descriptions, nlp
from newsweave.analyze.cues import MUTE_NOUNS
from newsweave.analyze.marks import PHRASE_WORDS, Stretch, runs_into_sentence, stop_before
from newsweave.analyze.sentence_rules import ABBREVIATIONS, sentence_ends
from newsweave.model import Entity, Span
from newsweave.text.casing import is_title_case
from newsweave.text.first_names import pronoun_of_given_name
from newsweave.text.names import HONORIFICS, SPEAKER_TITLES, short_form_of, strip_titles

# Verbs that introduce or follow a quotation, in the forms news copy uses them.
_FINITE = (
    "said|says|say|told|tells|added|adds|stated|states|declared|declares|announced|announces|"
    "continued|continues|concluded|concludes|noted|notes|wrote|writes|explained|explains|"
    "insisted|insists|warned|warns|asked|asks|replied|replies|responded|argued|argues|"
    "claimed|claims|confirmed|confirms|acknowledged|admitted|emphasized|emphasised|stressed|"
    "urged|predicted|recalled|remarked|reiterated|tweeted|posted|mentioned|highlighted|"
    "vowed|pledged|promised|described|labelled|labeled|called|read|reads|quipped|"
    "cautioned|observed|suggested|agreed|conceded|boasted|complained|shouted|whispered|"
    "commented|comments|recounted|recounts|recalls|remarks|observes|"
    # Verbs of manner that only follow a quotation: "“Stand back,” Okafor barked".
    "barked|snapped|quipped|joked|laughed|sighed|yelled|screamed|cried|exclaimed|retorted|"
    "countered|demanded|pleaded|mused|interjected|texted|emailed|shot back|fired back|"
    "opined|opines|responds|went on|goes on"
)
_GERUND = (
    "saying|telling|adding|stating|declaring|announcing|noting|writing|explaining|insisting|"
    "warning|asking|replying|responding|arguing|claiming|confirming|emphasizing|emphasising|"
    "stressing|urging|promising|vowing|pledging|describing|calling|labelling|labeling"
)
_VERB = re.compile(rf"\b(?:(?P<finite>{_FINITE})|(?P<gerund>{_GERUND}))\b")
# "told reporters", "told CNN": the audience belongs to the cue.
_TOLD = re.compile(r"\s+((?:reporters|journalists|the [A-Z][\w.]*|[A-Z][\w.]*)(?: [A-Z][\w.]*)?)")
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
# "read" and "continued" attribute only after a quotation ("the statement read"); before one
# they are ordinary verbs ("continued to fight").
_AFTER_ONLY = frozenset(
    {
        "read",
        "reads",
        "continued",
        "continues",
        "called",
        "described",
        "barked",
        "snapped",
        "laughed",
        "sighed",
        "cried",
        "demanded",
        "pleaded",
        "shot back",
        "fired back",
    }
)

PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})
# Nouns for a text an organisation issued: "the statement said" quotes whoever issued it.
STATEMENT_WORDS = frozenset({"statement", "release", "communique", "communiqué", "post", "tweet"})
# Labels of entities that can speak: people, organisations, places standing for governments.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Head nouns of a description that stands for an organisation met before ("the group").
BODY_NOUNS = frozenset(
    """organization organisation group agency company firm league association union charity
    foundation institute network""".split()  # noqa: SIM905
)
# Nouns that make a nationality an organisation ("the Kenyan government", "the Danish navy").
ORG_HEADS = frozenset(
    """government ministry military army navy forces police officials presidency cabinet
    parliament embassy administration authorities command""".split()  # noqa: SIM905
)
# Capitalised words that open a sentence without naming anyone.
_NOT_NAMES = frozenset(
    """the a an he she it they we i in on at but and or like after before as when while
    according meanwhile however speaking this that these those his her its their our
    if so yet still also then there here what who why how later earlier another monday
    tuesday wednesday thursday friday saturday sunday with without for from by of to into
    during despite since until through although though because unless whether where once
    now today yesterday tonight instead you you’re you're they’re they're we’re we're i’m
    i'm it’s it's he’s he's she’s she's ceo cfo coo cto cio""".split()  # noqa: SIM905
)
# Cues that carry on from the quotation before ("he added", "she continued").
_GOES_ON = frozenset(
    {"added", "adds", "adding", "continued", "continues", "concluded", "concludes"}
)
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "one", "two", "three"})
# Words that open a clause before its subject ("But he said", "When you look").
_OPENERS = frozenset({"but", "and", "so", "yet", "or", "then", "also", "when", "while", "as", "if"})
_CAP_WORD = re.compile(r"[A-Z][\w’'.-]*")
_CONNECTORS = frozenset({"of", "for", "the", "and", "al", "bin", "de", "van", "von", "der"})
_WORD = re.compile(r"[\w’'.-]+")
# How far back a pronoun or a statement looks for whom it stands for.
LOOKBACK_PARAGRAPHS = 4


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who speaks a stretch: the name (titles stripped), where it stands, and the cue."""

    speaker: str | None
    span: Span | None
    cue: str | None
    person: bool = False
    named: bool = False


NOBODY = Attribution(None, None, None)


@dataclass(frozen=True, slots=True)
class _Name:
    span: Span
    text: str
    person: bool
    label: str = ""


@dataclass
class _Context:
    """What the rules read besides the text: names, quotations, paragraphs, speakers so far."""

    text: str
    paragraphs: Sequence[Span]
    stretches: Sequence[Stretch]
    names: list[_Name]
    persons: dict[str, str]
    orgs: dict[str, str]
    quoted: list[tuple[int, Attribution]] = field(default_factory=list)
    # Sources named only by a description ("a Civil Aviation Authority spokesman"), in order.
    described: list[tuple[int, str]] = field(default_factory=list)
    # "he" or "she" for each person the article shows to be one (``_pronoun_of``), by name
    pronouns: dict[str, str | None] = field(default_factory=dict)
    _mentions: list[tuple[int, Attribution]] | None = None

    def said(self) -> list[tuple[int, Attribution]]:
        """Named speakers so far: quotations' speakers and subjects of speech verbs, in order
        (the speech verbs are read only when a pronoun or statement needs them)."""
        if self._mentions is None:
            self._mentions = _speech_mentions(self)
        return sorted([*self._mentions, *self.quoted], key=lambda x: x[0])

    def __post_init__(self) -> None:
        self._para_starts = [p.start for p in self.paragraphs]
        self._quote_starts = [s.span.start for s in self.stretches]
        self._quote_ends = sorted(s.span.end for s in self.stretches)

    def paragraph_of(self, at: int) -> int:
        return max(0, bisect_right(self._para_starts, at) - 1)

    def inside_quote(self, at: int) -> bool:
        k = bisect_right(self._quote_starts, at) - 1
        return k >= 0 and at < self.stretches[k].span.end

    def last_quote_end(self, start: int, at: int) -> int | None:
        """The end of the last quotation that ends in ``[start, at)``, if any."""
        k = bisect_left(self._quote_ends, at) - 1
        return self._quote_ends[k] if k >= 0 and self._quote_ends[k] >= start else None


def _tokens(name: str) -> list[str]:
    return [w.strip(".,’'").lower() for w in name.split() if w.strip(".,’'")]


def _clean(name: str) -> str:
    """A name as printed, without a leading article, possessive or edge punctuation (a full
    stop too, unless it closes an initial or an abbreviation: "says WHO." is "WHO")."""
    name = re.sub(r"^(?:the|The)\s+", "", name.strip(" ,;:\"“”‘’'()[]"))
    name = re.sub(r"[’']s?$", "", name).strip()
    last = name.split()[-1] if name.split() else ""
    stop = last.endswith(".") and len(last) > 2 and "." not in last[:-1]
    if stop and last[:-1].lower() not in ABBREVIATIONS:
        name = name[:-1]
    return name



def _known_names(text: str, entities: Sequence[Entity]) -> tuple[dict[str, str], dict[str, str]]:
    """The fullest form of each person and organisation name in the article, by its last words.

    "Ellery" and "Port Authority spokesman Tom Ellery" are one person whose fullest name is
    "Tom Ellery"; the map goes from every tail of a name to the fullest name with it. spaCy
    tags one name differently from sentence to sentence (a country once as a person, five
    times as a place): a one-word name is a person's only when most of its mentions say so.
    """
    cleaned = {e.text: _clean(e.text) for e in entities if e.label in NAME_LABELS}
    votes: dict[str, Counter[bool]] = {}
    for e in entities:
        if e.label in NAME_LABELS:
            key = " ".join(_tokens(cleaned[e.text]))
            votes.setdefault(key, Counter())[e.label == "PERSON"] += 1
    persons: dict[str, str] = {}
    orgs: dict[str, str] = {}
    for e in entities:
        if e.label not in NAME_LABELS:
            continue
        name = cleaned[e.text]
        is_person = e.label == "PERSON"
        if is_person:
            name = strip_titles(name)
        toks = _tokens(name)
        if not toks:
            continue
        if is_person and len(toks) == 1:
            tally = votes.get(" ".join(toks), Counter())
            is_person = tally[True] >= tally[False]
        target = persons if is_person else orgs
        for k in range(len(toks)):
            key = " ".join(toks[k:])
            best = target.get(key)
            if best is None or len(name.split()) > len(best.split()):
                target[key] = name
    return persons, orgs


def _names(text: str, entities: Sequence[Entity], persons: dict[str, str]) -> list[_Name]:
    """Name mentions: the entities that can speak, whether each is a person."""
    out = []
    for e in entities:
        if e.label not in NAME_LABELS:
            continue
        cleaned = _clean(e.text)
        if cleaned.lower() in _NOT_NAMES:
            continue  # "CEO" tagged as an organisation: a role, not a name
        # spaCy tags one name differently from sentence to sentence (a surname as ORG and GPE
        # in one article): a name that is a person's anywhere in the article is a person's.
        key = " ".join(_tokens(strip_titles(cleaned)))
        person = key in persons and e.label != "NORP"
        out.append(_Name(e.span, cleaned, person, e.label))
    return sorted(out, key=lambda n: n.span.start)


_NUMBER_AFTER = re.compile(r"\.?\s*\d+")


def _numbered_end(text: str, name_end: int, words: str) -> int:
    """Where a name ends once its number is read: "Juror No. 12", "Patient No 3" (the number
    tells one juror from another); ``name_end`` itself for any other name."""
    number = _NUMBER_AFTER.match(text, name_end)
    return number.end() if number and words.rstrip(".").split()[-1:] == ["No"] else name_end


def _cap_runs(text: str, start: int, end: int, persons: dict[str, str]) -> list[_Name]:
    """Capitalised word runs the tagger missed ("Harbour Rescue said"), as name candidates."""
    out: list[_Name] = []
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        while run and run[-1][2].lower() in _CONNECTORS:
            run.pop()
        if run and not (len(run) == 1 and len(run[0][2].strip(".")) < 2):
            stop = min(end, _numbered_end(text, run[-1][1], run[-1][2]))
            name = _clean(text[run[0][0] : stop])
            key = " ".join(_tokens(strip_titles(name)))
            out.append(_Name(Span(run[0][0], stop), name, key in persons or _titled_name(name)))
        run.clear()

    for s, e, w in words:
        starts_or_goes_on = _CAP_WORD.fullmatch(w) and (run or w.lower() not in _NOT_NAMES)
        if starts_or_goes_on or (run and w.lower() in _CONNECTORS):
            run.append((s, e, w))
        else:
            flush()
    flush()
    return out


# Titles that stand only before a person's name ("Mayor Ivo Ellis", "Sen. Ana Ruiz"); not
# "General" or "Chief", which also open the names of firms and bodies.
_PERSONAL_TITLES = frozenset(
    """mayor sen senator gov governor rep representative congressman congresswoman mr mrs ms
    dr prof president judge sheriff councillor councilor ambassador lt sgt capt col""".split()  # noqa: SIM905
)


def _titled_name(name: str) -> bool:
    """Rule "a title makes a person": a run of capitalised words the tagger missed that opens
    with a personal title and goes on with one to three words, all capitalised, is a person's
    name (its titles are then stripped like any person's)."""
    words = name.split()
    rest = strip_titles(name).split()
    return (
        len(words) > len(rest)
        and words[0].strip(".").lower() in _PERSONAL_TITLES
        and 1 <= len(rest) <= 3
        and all(w[:1].isupper() for w in rest)
    )


def _names_in(ctx: _Context, start: int, end: int) -> list[_Name]:
    found = [n for n in ctx.names if start <= n.span.start and n.span.end <= end]
    if not found:
        found = _cap_runs(ctx.text, start, end, ctx.persons)
    return [n for n in found if not ctx.inside_quote(n.span.start)]


def _full(ctx: _Context, name: _Name) -> str:
    """The fullest form of a name in the article, titles stripped for people."""
    cleaned = strip_titles(name.text) if name.person else name.text
    key = " ".join(_tokens(cleaned))
    table = ctx.persons if name.person else ctx.orgs
    found = table.get(key)
    if name.person and " " not in key and (found is None or " " not in found):
        # A person named by a first name after the full one ("Sheikh Rashid" for Rashid bin
        # Amin): the one longer name that starts with it.
        longer = {v for v in ctx.persons.values() if _tokens(v)[:1] == [key] and " " in v}
        found = longer.pop() if len(longer) == 1 else found
    return found or cleaned


def _nationality_body(ctx: _Context, name: _Name) -> str | None:
    """ "the Kenyan government": a nationality followed by a body that governs or fights."""
    if name.label not in {"NORP", "GPE"}:
        return None
    p = ctx.paragraphs[ctx.paragraph_of(name.span.start)]
    rest = ctx.text[name.span.end : min(p.end, name.span.end + 40)].split()
    if rest and rest[0].lower().strip(",") in ORG_HEADS:
        return f"{name.text} {rest[0].strip(',')}"
    return None


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of a stretch, as offsets."""
    out = []
    s = start
    for i in range(start, end):
        if text[i] in ",;":
            out.append((s, i))
            s = i + 1
    out.append((s, end))
    return out


def _subject(ctx: _Context, start: int, end: int) -> _Name | str | None:
    """The speaker named before a cue, a pronoun or description, or None.

    Without a comma before the verb the subject is the name nearest it ("… in the coming days;
    Transport Minister Ruth Adeyemi said", "Like Okafor, Ellery warned"). When appositives
    close with a comma before the verb, the subject is the first person among the name and its
    appositives ("Hannah Price, a spokeswoman for …, said"; "A spokeswoman for the council,
    Hannah Price, said"; "Ian Moor, 71, who has lived on Quay Street …, said").
    """
    segs = [(s, e) for s, e in _segments(ctx.text, start, end) if ctx.text[s:e].strip()]
    if not segs:
        return None
    appositive = ctx.text[start:end].rstrip().endswith(",")
    if appositive:
        found = [n for s, e in segs for n in _names_in(ctx, s, e)]
    else:
        found = _names_in(ctx, *segs[-1])[::-1]
    for n in found:
        if n.person:
            return n
    if found:
        return found[0]
    words = ctx.text[start:end].strip(" ,").split()
    lowered = [w.lower().strip(".,") for w in words]
    if any(w in STATEMENT_WORDS for w in lowered):
        return "statement"
    last = ctx.text[segs[0 if appositive else -1][0] : segs[0 if appositive else -1][1]]
    # "But he", "When you": the conjunction is not the speaker, and the reader never is.
    words = last.strip(" ,.").split()
    while words and words[0].lower() in _OPENERS:
        words = words[1:]
    last = " ".join(words)
    if last.lower() in {"you", "i", "we"}:
        return None
    if last.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return last.lower()
    # A description must read as a noun phrase ("a defense official"), not a clause ("and",
    # "An official looked at her and": a subject with the predicate joined to the cue).
    parts = last.split()
    first = parts[0] if parts else ""
    joined = bool(parts) and parts[-1].lower() in {"and", "but", "then", "or"}
    noun_phrase = first.lower() in _DETERMINERS or first[:1].isupper()
    if 0 < len(parts) <= 8 and noun_phrase and not joined:
        return last
    return None


def _title_holder(ctx: _Context, title: str) -> _Name | None:
    """The person the article names with a bare title ("Mayor" → "Mayor Delia Marrant")."""
    # (its abbreviation's full stop too: "Sgt. Dana Roe")
    # (the title in any case, the words between it and the name capitalised: "Rep. Dana
    # Roe", not "a rep for Okafor")
    pattern = re.compile(rf"\b(?i:{re.escape(title.rstrip('.'))})\.?\s+(?:[A-Z][\w.’'-]*\s+)*$")
    for n in ctx.names:
        if not n.person:
            continue
        if n.text.lower().startswith(title.lower() + " ") or pattern.search(
            ctx.text[max(0, n.span.start - 40) : n.span.start]
        ):
            return n
    return None


def _only_title(name: str) -> str | None:
    """The title when a name is nothing but one ("Mayor", "the Minister"), else None."""
    words = [w.strip(".,").lower() for w in name.split() if w.lower() not in _DETERMINERS]
    if 0 < len(words) <= 2 and all(w in SPEAKER_TITLES for w in words):
        return words[-1]
    return None


# Words printed right before a person's name (or its first names) that say whether the
# article calls them "he" or "she" ("Mr Brenner", "Ms Collins", "spokeswoman Ana Ruiz").
_HE_BEFORE = frozenset(
    """mr mr. sir lord king prince father brother son husband spokesman chairman congressman
    businessman actor uncle grandfather""".split()  # noqa: SIM905
)
_SHE_BEFORE = frozenset(
    """mrs mrs. ms ms. miss dame lady queen princess mother sister daughter wife spokeswoman
    chairwoman congresswoman businesswoman actress aunt grandmother""".split()  # noqa: SIM905
)


def _pronoun_of(ctx: _Context, name: str) -> str | None:
    """ "he" or "she" where the article's own words say which: a title or a role right before
    the person's full name ("Ms Sarah Collins", "his wife Sarah Collins"), or an honorific
    before the bare surname ("Ms Collins"); None where they say neither or both (two of one
    family: "Mr Collins" and "Mrs Collins"). Where they say nothing, a given name that is
    almost always one sex's says it (``text/first_names.py``)."""
    if name not in ctx.pronouns:
        found: set[str] = set()
        parts = name.split()
        full = rf"\b{re.escape(name)}\b" if len(parts) > 1 else None
        for pattern, reach in ((full, 2), (rf"\b{re.escape(parts[-1])}\b", 1)):
            if pattern is None:
                continue
            for m in re.finditer(pattern, ctx.text):
                words = ctx.text[max(0, m.start() - 30) : m.start()].split()[-reach:]
                word = words[-1].lower().strip(",;:") if words else ""
                if reach == 1 and word.rstrip(".") not in HONORIFICS:
                    continue  # a role before a bare surname may be a relative's
                for w in reversed(words):  # back over a title ("Rep.") to the word before
                    low = w.lower()
                    if low in _HE_BEFORE | _SHE_BEFORE:
                        found.add("he" if low in _HE_BEFORE else "she")
                        break
                    if w.endswith((",", ";", ":")) or not w[:1].isupper():
                        break
        if not found and (given := pronoun_of_given_name(name)) is not None:
            found.add(given)  # "Emily Roe": no title or role, but a given name that says
        ctx.pronouns[name] = found.pop() if len(found) == 1 else None
    return ctx.pronouns[name]


# Nouns of people that say "he" or "she" beside those of ``_HE_BEFORE`` / ``_SHE_BEFORE``.
_HE_NOUNS = frozenset("man men boy boys gentleman nephew grandson".split())  # noqa: SIM905
_SHE_NOUNS = frozenset("woman women girl girls niece granddaughter".split())  # noqa: SIM905


def _described_as(description: str) -> str | None:
    """ "he" or "she" where the description's own noun says which ("her father", "a woman
    who lives nearby"); None where it does not."""
    words = {w.lower().strip(".,;:") for w in description.split()}
    he, she = bool(words & (_HE_BEFORE | _HE_NOUNS)), bool(words & (_SHE_BEFORE | _SHE_NOUNS))
    return "he" if he and not she else "she" if she and not he else None


def _fits(ctx: _Context, a: Attribution, pronoun: str) -> bool:
    """Whether a named speaker may be the pronoun: a person for "he"/"she" (not one the
    article shows to be the other), a body for "it"/"they"."""
    if a.person != (pronoun in PERSON_PRONOUNS):
        return False
    return not (a.person and _other_sex(ctx, a, pronoun))


def _other_sex(ctx: _Context, a: Attribution, pronoun: str) -> bool:
    """Whether the article shows a named speaker to be of the other sex than "he" or "she"
    says (``_pronoun_of``)."""
    if pronoun not in {"he", "she"} or not a.speaker:
        return False
    known = _pronoun_of(ctx, a.speaker)
    return known is not None and known != pronoun


def _resolve_pronoun(ctx: _Context, pronoun: str, at: int, cue: str) -> Attribution | None:
    """The nearest earlier named speaker that fits the pronoun ("he" a person, "it" a body).

    Speakers of earlier quotations and subjects of speech verbs come first ("Okafor said …"), then
    any person the tagger found, within a few paragraphs.
    """
    here = ctx.paragraph_of(at)
    floor = ctx.paragraphs[max(0, here - LOOKBACK_PARAGRAPHS)].start
    want_person = pronoun in PERSON_PRONOUNS
    if ctx.quoted and cue in _GOES_ON:
        # "He added" / "he continued" right after a quotation goes on with its speaker, even
        # when the article named that speaker by a body ("the spokesman for the armed forces").
        pos, a = ctx.quoted[-1]
        if pos < at and ctx.paragraph_of(pos) >= here - 1:
            return a
    said = ctx.said()
    if want_person and (just := _just_named(ctx, pronoun, at, said)) is not None:
        return just
    # A person described, not named, may be the latest to speak ("the skipper's lawyer said …
    # She said"): then the pronoun is that description.
    latest_described = next(
        (
            (pos, d)
            for pos, d in reversed(ctx.described)
            if floor <= pos < at
            and want_person
            and descriptions.is_person(d)
            and _described_as(d) in {None, pronoun}
        ),
        None,
    )
    for pos, a in reversed(said):
        if pos < floor:
            break
        if pos < at and a.named and _fits(ctx, a, pronoun):
            if latest_described and latest_described[0] > pos:
                break
            return a
    if latest_described:
        return Attribution(latest_described[1], None, cue, True, False)
    if want_person:
        # A possessor ("teed up Long’s cameo") is rarely who speaks next: the nearest person
        # named otherwise comes first, a possessor only when there is none.
        candidates = [
            n
            for n in reversed(ctx.names)
            if floor <= n.span.start < at
            and n.person
            and not ctx.inside_quote(n.span.start)
            and not _headline_only(ctx, n)
        ]
        for possessors in (False, True):
            for n in candidates:
                if _possessive(ctx, n) is possessors:
                    found = Attribution(_full(ctx, n), n.span, None, True, True)
                    if _fits(ctx, found, pronoun):
                        return found
    return None


def _just_named(
    ctx: _Context, pronoun: str, at: int, said: Sequence[tuple[int, Attribution]]
) -> Attribution | None:
    """Rule "the subject just named": a person who opens the sentence right before the
    pronoun's, in its paragraph, and fits it, is who the pronoun means when no one has spoken
    since an earlier paragraph ("Elise Moore found him. “He looked surprised,” she wrote":
    not whoever spoke paragraphs before)."""
    p = ctx.paragraphs[ctx.paragraph_of(at)]
    ends = [p.start + e for e in sentence_ends(ctx.text[p.start : at] + " X")]
    ends = [e for e in ends if e <= at]
    if not ends:
        return None
    start = ends[-2] if len(ends) > 1 else p.start
    stop = ends[-1]
    if any(start <= pos < at for pos, _a in said):
        return None  # someone spoke since: the usual order decides
    own = [
        m.group().lower()
        for m in _WORD.finditer(ctx.text, stop, at)
        if not ctx.inside_quote(m.start())
    ]
    people = PERSON_PRONOUNS | {"him", "her", "his"}
    if set(own) & people or any(stop <= n.span.start < at for n in ctx.names if n.person):
        return None  # the pronoun's own sentence has its people ("After he …, she said")
    lead = ctx.text[start:stop].lstrip()
    opening = start + len(ctx.text[start:stop]) - len(lead)
    first = next((n for n in ctx.names if n.span.start == opening and n.person), None)
    if first is None or ctx.inside_quote(first.span.start):
        return None
    after = ctx.text[first.span.end : stop].split()
    if not after or not after[0].islower() or after[0] in descriptions.PERSON_ROLES:
        return None  # the name is not the whole subject ("Clinton spokeswoman Ana Ruiz …")
    found = Attribution(_full(ctx, first), first.span, None, True, True)
    return found if _fits(ctx, found, pronoun) else None


def _headline_only(ctx: _Context, n: _Name) -> bool:
    """A "person" the tagger found in a title-case line and nowhere else ("Calls Bank
    Workers" in "Premier Calls Bank Workers' Deaths 'Murder'"): headline words, not a name a
    pronoun in the story may go back to."""
    line = ctx.paragraphs[ctx.paragraph_of(n.span.start)].of(ctx.text)
    return is_title_case(line) and ctx.text.count(n.text) == 1


def _possessive(ctx: _Context, n: _Name) -> bool:
    """A name printed in the possessive ("Long’s", with or without the tagger's span)."""
    written = ctx.text[n.span.start : n.span.end]
    return written.endswith(("’s", "'s")) or ctx.text.startswith(("’s", "'s"), n.span.end)


# A statement's issuer printed after it: "a statement from the Harbour Authority".
_ISSUED_BY = re.compile(r"\s+(?:from|by|issued by|released by)\s+")


def _statement_issuer(ctx: _Context, mention: Span) -> _Name | str | None:
    """The issuer a statement's own mention names: inside it ("a Harbour Authority
    statement", "Okafor's statement") or after it ("a statement from the Harbour
    Authority"). A nationality alone ("the Danish statement") names no issuer."""
    # names the tagger found, not any capitalised word ("One tweet said")
    inside = [
        n
        for n in ctx.names
        if mention.start <= n.span.start
        and n.span.end <= mention.end
        and n.label != "NORP"
        and not ctx.inside_quote(n.span.start)
    ]
    if inside:
        return ([n for n in inside if n.person] or inside)[0]
    by = _ISSUED_BY.match(ctx.text, mention.end)
    if by is None:
        return None
    stop = ctx.paragraphs[ctx.paragraph_of(by.end())].end
    words = re.split(r"[,.;:]", ctx.text[by.end() : min(stop, by.end() + 60)])[0].split()
    after = _names_in(ctx, by.end(), by.end() + len(" ".join(words[:5])) + 1)
    if after and after[0].span.start - by.end() <= len("the "):
        # "from the Danish government": a nationality and its government issued it
        head = ctx.text[after[0].span.end : after[0].span.end + 20].split()[:1]
        body = head and head[0].strip(",.;:").lower() in ORG_HEADS
        return f"{after[0].text} {head[0].strip(',.;:')}" if body else after[0]
    noun = next((i for i, w in enumerate(words[:5]) if w.lower() in ORG_HEADS | BODY_NOUNS), None)
    if noun is None or set(_tokens(" ".join(words[:noun]).lower())) & STATEMENT_WORDS:
        return None
    return " ".join(words[: noun + 1])


# An earlier mention of a statement that a later "the statement said" goes back to.
_A_STATEMENT = re.compile(
    r"\ban? (?:[\w’'-]+ ){0,3}?(?:statement|release|communiqu[eé])\b", re.IGNORECASE
)


def _statement_before(ctx: _Context, at: int) -> _Name | str | None:
    """The issuer of the statement last mentioned before ``at`` in this paragraph or the one
    before, when its mention names one ("… according to a statement from the Harbour
    Authority. … the statement said")."""
    near = ctx.paragraphs[max(0, ctx.paragraph_of(at) - 1)].start
    found = [
        m for m in _A_STATEMENT.finditer(ctx.text, near, at) if not ctx.inside_quote(m.start())
    ]
    return _statement_issuer(ctx, Span(found[-1].start(), found[-1].end())) if found else None


def _resolve_statement(ctx: _Context, at: int) -> Attribution | None:
    """Whoever issued the statement: the issuer of the statement mentioned just before, else
    the nearest earlier organisation that spoke, else the speaker of the paragraph just
    before ("Okafor and Ellery said in a joint statement that … “…,” the written statement
    said")."""
    issuer = _statement_before(ctx, at)
    if issuer is not None:
        return _attribution(ctx, issuer, "", at)
    here = ctx.paragraph_of(at)
    floor = ctx.paragraphs[max(0, here - LOOKBACK_PARAGRAPHS)].start
    said = ctx.said()
    for pos, a in reversed(said):
        if floor <= pos < at and a.named and not a.person:
            return a
    near = ctx.paragraphs[max(0, here - 1)].start
    for pos, a in reversed(said):
        if near <= pos < at and a.named:
            return a
    # "Harbour Records denied the claims in a statement on its website. “…,” the statement
    # read": the organisation named before the statement was mentioned issued it.
    issued = [m.start() for m in _IN_A_STATEMENT.finditer(ctx.text, near, at)]
    if issued:
        bodies = [n for n in ctx.names if near <= n.span.start < issued[-1] and n.label == "ORG"]
        if bodies:
            n = bodies[-1]
            return Attribution(_full(ctx, n), n.span, None, False, True)
    return None


_IN_A_STATEMENT = re.compile(r"\b(?:in|issued|released|published) an? (?:\w+ )?statement\b")


def _body_that_spoke(ctx: _Context, at: int) -> Attribution | None:
    """The organisation a definite description of one stands for ("the League said …; the
    group said"): the last named organisation to speak, in this paragraph or the one before,
    when no other organisation is named since."""
    here = ctx.paragraph_of(at)
    near = ctx.paragraphs[max(0, here - 1)].start
    last = next(
        ((pos, a) for pos, a in reversed(ctx.said()) if near <= pos < at and a.named), None
    )
    if last is None or last[1].person:
        return None
    pos, a = last
    since = [n for n in ctx.names if pos < n.span.start < at and n.label == "ORG"]
    if any(_full(ctx, n) != a.speaker for n in since):
        return None
    return a


def _attribution(ctx: _Context, found: _Name | str | None, cue: str, at: int) -> Attribution | None:
    if found is None:
        return None
    if isinstance(found, _Name) and _only_title(found.text):
        # "King told the Harbour Times" where the article names Dana King: a surname, not
        # the title it spells
        full = ctx.persons.get(" ".join(_tokens(found.text)))
        if full and " " in full:
            return Attribution(full, found.span, cue, True, True)
        found = found.text
    if isinstance(found, _Name):
        body = None if found.person else _nationality_body(ctx, found)
        if body and found.text.split()[0][:1].isupper() and not found.text.endswith("s"):
            return Attribution(body, found.span, cue, False, True)
        return Attribution(_full(ctx, found), found.span, cue, found.person, True)
    if found in PERSON_PRONOUNS | GROUP_PRONOUNS:
        a = _resolve_pronoun(ctx, found, at, cue)
        return Attribution(a.speaker, a.span, cue, a.person, a.named) if a else None
    if found == "statement" or set(_tokens(found.lower())) & STATEMENT_WORDS:
        # "the statement read", "the company's statement continued": its issuer speaks
        a = _resolve_statement(ctx, at)
        return Attribution(a.speaker, a.span, cue, a.person, a.named) if a else None
    title = _only_title(found)
    if title:
        holder = _title_holder(ctx, title)
        if holder:
            return Attribution(_full(ctx, holder), holder.span, cue, True, True)
    if descriptions.is_definite(found):
        # "the skipper's lawyer" for the lawyer the article names; "the spokesman" for the fuller
        # description of that spokesman met before.
        # a name inside a quotation ("goes by the nickname “Jojo,” the source said") is
        # words quoted, never the holder of a role
        persons = [
            (n.span, _full(ctx, n))
            for n in ctx.names
            if n.person and not ctx.inside_quote(n.span.start)
        ]
        others = [(n.span, n.text) for n in ctx.names if not n.person and n.label == "ORG"]
        role = descriptions.head(found)
        name = (
            descriptions.role_holder(ctx.text, persons, role, at, others)
            if role in descriptions.PERSON_ROLES
            else None
        )
        if name:
            return Attribution(name, None, cue, True, True)
        if role in BODY_NOUNS:
            spoke = _body_that_spoke(ctx, at)
            if spoke is not None:
                return Attribution(spoke.speaker, None, cue, False, True)
        found = descriptions.fuller(ctx.described, found, at) or found
    # A description ("a defense official"): kept as printed, not a name to merge on.
    return Attribution(found, None, cue, descriptions.is_person(found), False)


def _cue_word(ctx: _Context, m: re.Match[str], base: int) -> str:
    verb = m.group()
    if verb in {"told", "tells", "telling"}:
        extra = _TOLD.match(ctx.text, base + m.end())
        if extra:
            return f"{verb} {extra.group(1).rstrip('.,')}"
    return verb


# Words before which a verb's form is a noun ("their claims", "the notes", "a call").
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|their|his|her|its|our|my|your|these|those)\s+$", re.I)


# A compound modifier or a figure before a gerund makes it a noun ("the two-minute warning",
# "a 24-hour warning"), not a cue.
_NOUN_GERUND_AFTER = re.compile(r"\S*[-\d]\S*(?<![,;:])\s+$")


def _first_verb(ctx: _Context, start: int, end: int, after: bool) -> re.Match[str] | None:
    text = ctx.text[start:end]
    for m in _VERB.finditer(text):
        if not after and m.group() in _AFTER_ONLY:
            continue
        if _NOUN_BEFORE.search(text, 0, m.start()):
            continue
        if m.group("gerund") and _NOUN_GERUND_AFTER.search(text, 0, m.start()):
            continue
        return m
    return None


# "to" before a verb: "to" and a lower-case word that no article or possessive is.
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that)\b)[a-z]")


def _after_cue(ctx: _Context, close: int, end: int) -> Attribution | None:
    """An attribution right after a quotation, up to the end of its sentence."""
    raw = ctx.text[close:end]
    stripped = raw.lstrip(" \t,;—–-")
    base = close + len(raw) - len(stripped)
    cut = sentence_ends(stripped)
    clause_end = base + (cut[0] if cut else len(stripped))
    clause = ctx.text[base:clause_end].rstrip(" .")
    if not clause:
        return None
    if clause.startswith(":"):
        # A headline or label: "“We think the dam will hold”: Whitcombe".
        name = clause[1:].strip()
        if 0 < len(name.split()) <= 6 and not _VERB.search(name):
            span = Span(base + clause.index(name), base + clause.index(name) + len(name))
            found = _names_in(ctx, span.start, span.end)
            return _attribution(ctx, found[0] if found else name, "headline", span.start)
        return None
    m = _ACCORDING.match(clause)
    if m:
        found = _names_in(ctx, base + m.end(), clause_end)
        return _attribution(ctx, found[0] if found else None, "according to", base)
    words = clause.split()
    v = _first_verb(ctx, base, clause_end, after=True)
    if v is None or len(ctx.text[base : base + v.start()].split()) > 15:
        return None
    cue = _cue_word(ctx, v, base)
    if _hands_over(ctx, base + v.end(), clause_end):
        return None
    if v.start() == 0:
        # Inverted: "said Jon Reyes of the Centre …", "said he".
        return _inverted(ctx, base + v.end(), clause_end, cue, base)
    if len(words) > 20 or _INFINITIVE.search(ctx.text, base, base + v.start()):
        # ("a “Southern strategy” for the party to recapture Southern states": an
        # infinitive before the word is no subject's, and the word no verb of saying)
        return None
    return _attribution(ctx, _subject(ctx, base, base + v.start()), cue, base)


def _inverted(
    ctx: _Context, rest_start: int, clause_end: int, cue: str, base: int
) -> Attribution | None:
    """The speaker after an inverted cue ("said Jon Reyes of the Centre …", "said he")."""
    rest_words = ctx.text[rest_start:clause_end].split()
    if rest_words and rest_words[0].lower().strip(",") in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return _attribution(ctx, rest_words[0].lower().strip(","), cue, base)
    # Rule "the name right after the cue": a name there ends at its comma ("said Skelly,
    # explaining he worked with Chrabaszcz" is Skelly's); only a description there ("said
    # a spokeswoman for the council, Hannah Price") lets the name after it speak.
    comma = ctx.text.find(",", rest_start, clause_end)
    found = [  # (not "said the candidate could win states like Ohio": a clause, no name)
        n
        for n in _names_in(ctx, rest_start, clause_end if comma < 0 else comma)
        if not _clause_between(ctx.text[rest_start : n.span.start])
    ]
    if not found and not (rest_words and rest_words[0][:1].isupper()):
        found = [
            n
            for n in _names_in(ctx, rest_start, min(clause_end, rest_start + 60))
            if not _clause_between(ctx.text[rest_start : n.span.start])
        ]
    if len(found) > 1 and ctx.text[found[0].span.end :].startswith(("'s", "’s")):
        found = found[1:]  # "opined Cleveland's Plain Dealer": the paper, not the city
    if found:
        return _attribution(ctx, _titled_person(ctx, found), cue, base)
    desc = ctx.text[rest_start:clause_end].split(",")[0].strip().rstrip(".")
    if _no_description(desc):
        return None  # "said in an interview …", "said the plan would fail": no one named
    return _attribution(ctx, desc or None, cue, base)


_AUXILIARIES = frozenset(
    """is are was were be been has have had will would can could may might should must do
    does did""".split()  # noqa: SIM905
)


# Prepositions after an inverted cue put the name after them in a phrase, not as the
# speaker ("said in an interview with the Harbour Times").
_PHRASE_OPENERS = frozenset("in with at on to during after before from by about".split())  # noqa: SIM905


def _clause_between(words: str) -> bool:
    """Whether words after an inverted cue make a clause ("said the candidate could win …")
    or a phrase ("said in an interview with …") rather than lead up to a name ("said the
    council's chief engineer …")."""
    split = words.split()
    if split and split[0].lower() in _PHRASE_OPENERS:
        return True  # (but "said an editorial in the daily X": X made it)
    lower = [w for w in split if w.islower()]  # ("Harbour Works Team Leader": a name)
    return any(w in _AUXILIARIES or nlp.inflected_verb(w) for w in lower)


def _no_description(words: str) -> bool:
    """Whether the words after an inverted cue are a phrase or a clause, not someone ("in an
    interview with …", "the plan would fail"; "residents who were there" describes some)."""
    low = words.lower().split()
    if not low or low[0] in _PHRASE_OPENERS:
        return bool(low)
    aux = next((i for i, w in enumerate(low) if w in _AUXILIARIES), None)
    rel = next((i for i, w in enumerate(low) if w in {"who", "that", "which"}), None)
    return aux is not None and (rel is None or rel > aux)


def _hands_over(ctx: _Context, start: int, end: int) -> bool:
    """Rule "a cue holds one quotation": a cue after a quotation that hands over, by a comma
    or colon, to a quotation of its own ("“Why now?” Mills then writes back, “You look
    cute.”") says that one, not the one before it."""
    for s in ctx.stretches:
        opened = _open_at(s)
        if start <= opened < end:
            gap = ctx.text[start:opened].rstrip()
            short = len(gap.split()) <= 4 and not _VERB.search(gap)  # not "…, and added:"
            return short and gap[-1:] in {",", ":"}
    return False


def _titled_person(ctx: _Context, found: Sequence[_Name]) -> _Name:
    """Of the names after an inverted cue, the person a body's name and a title lead up to
    ("explains Example Team Leader Jane Roe": the body is where the person works), or a title
    the tagger took for a name on its own ("said Sgt. Dana Roe")."""
    first = found[0]
    title_only = _only_title(first.text) is not None  # "said Sgt. Dana Roe"
    if first.person and not title_only:
        return first
    for n in found[1:]:
        gap = [w for w in ctx.text[first.span.end : n.span.start].split() if w.strip(",.")]
        titles = all(w.lower().strip(",.") in SPEAKER_TITLES for w in gap)
        if n.person and titles and (gap or title_only):
            return n
    return first


# Words that open a clause before the main one ("When Tull spoke, Roe said: …").
_SUBORDINATORS = frozenset(
    {"when", "after", "as", "while", "if", "although", "though", "because", "since", "before"}
)


def _before_cue(ctx: _Context, start: int, opened: int) -> Attribution | None:
    """An attribution before a quotation in its sentence ("Okafor said: “…", "stating, “…")."""
    clause = ctx.text[start:opened]
    if not clause.strip():
        return None
    stripped = clause.rstrip()
    is_label = stripped.endswith(":") and 0 < len(stripped[:-1].split()) <= 6
    if is_label and not _VERB.search(stripped):
        # A label before a quotation: "Mayor: “We are going to rebuild”".
        name_end = start + len(stripped) - 1
        found = _names_in(ctx, start, name_end)
        label = ctx.text[start:name_end].strip()
        return _attribution(ctx, found[0] if found else label, "headline", start)
    m = _ACCORDING.search(clause)
    if m:
        found = _names_in(ctx, start + m.end(), opened)
        if found:
            return _attribution(ctx, found[0], "according to", start)
    words = clause.split(maxsplit=1)
    comma = clause.find(",")
    if words and words[0].lower() in _SUBORDINATORS and comma > 0:
        # Rule "an opening clause is not the cue": "When Tull suggested that …, Roe fired
        # back: “…”" is Roe's; the verb of the clause before the comma is no cue of it.
        return _before_cue(ctx, start + comma + 1, opened)
    v = _first_verb(ctx, start, opened, after=False)
    if v is None and stripped.endswith(":"):
        # a verb that else only follows a quotation introduces one by a colon ("Roe fired
        # back: “…”", "The statement read: “…”"), but not what signs read ("Banners read:")
        words_before = {w.lower().strip(",") for w in clause.split()}
        v = None if words_before & MUTE_NOUNS else _first_verb(ctx, start, opened, after=True)
    if v is None:
        return None
    cue = _cue_word(ctx, v, start)
    if v.group("gerund") and ctx.text[start : start + v.start()].rstrip().endswith(","):
        # "Brennan linked the closure to …, stating, “…": the sentence's subject speaks.
        found = _names_in(ctx, start, start + v.start())
        persons = [n for n in found if n.person]
        if persons or found:
            return _attribution(ctx, (persons or found)[0], cue, start)
    return _attribution(ctx, _subject(ctx, start, start + v.start()), cue, start)


def _clause_start(ctx: _Context, p: Span, floor: int, at: int) -> int:
    """Start of the sentence that holds ``at``, not before ``floor`` (the last closing mark)."""
    start = max(p.start, floor)
    for e in sentence_ends(ctx.text[start:at]):
        start_candidate = start + e
        if start_candidate <= at:
            start = start_candidate
    return start


def _phrase_opening(ctx: _Context, s: Stretch) -> bool:
    """A phrase in quotation marks that opens the reporter's sentence and runs into it
    ("“Containment” has been the policy since 1950"): no one's words, so neither a cue in the
    sentence before nor the quotation before is its speaker's."""
    if not runs_into_sentence(ctx.text, s):
        return False
    p = ctx.paragraphs[s.paragraph]
    opened = _open_at(s)
    # the opening mark is read with the text before it, so that a sentence ending right
    # before it counts
    start = _clause_start(ctx, p, p.start, min(opened + 1, p.end))
    if ctx.text[start:opened].strip():
        return False
    # (unless its own sentence says who spoke: "“People were celebrating” before the
    # fireworks, she said"; a verb that introduces a later quotation is that one's)
    closed = _close_at(s)
    ends = sentence_ends(ctx.text[closed : p.end])
    end = closed + ends[0] if ends else p.end
    later = next(
        (x for x in ctx.stretches if x.paragraph == s.paragraph and x.span.start > closed), None
    )
    if later is not None and _open_at(later) < end:
        return True
    return _VERB.search(ctx.text, closed, end) is None


def _speech_mentions(ctx: _Context) -> list[tuple[int, Attribution]]:
    """Named subjects of speech verbs outside quotations ("Mayor Delia Marrant … said the town
    would recover"): whom a later "she said" or "the statement said" most likely means."""
    out: list[tuple[int, Attribution]] = []
    for p in ctx.paragraphs:
        for m in _VERB.finditer(ctx.text, p.start, p.end):
            if m.group("gerund") or m.group() in _AFTER_ONLY or ctx.inside_quote(m.start()):
                continue
            end = ctx.last_quote_end(p.start, m.start())
            start = _clause_start(ctx, p, p.start if end is None else end + 1, m.start())
            found = _subject(ctx, start, m.start())
            # Only names count: a pronoun subject stands for someone already in the list.
            if isinstance(found, _Name):
                a = _attribution(ctx, found, m.group(), m.start())
                if a and a.named:
                    out.append((m.start(), a))
    return out


class Speakers:
    """The names of one article and the speakers found so far, for the quote rules and for the
    parse reader (``attributions.py``), so that a pronoun resolves against both."""

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[Span],
        stretches: Sequence[Stretch],
        entities: Sequence[Entity],
        mentions: bool = True,
    ) -> None:
        persons, orgs = _known_names(text, entities)
        self.ctx = _Context(text, paragraphs, stretches, [], persons, orgs)
        self.ctx.names = _names(text, entities, persons)
        if not mentions:
            # The parse reports who spoke where (``heard``); no speech verbs by pattern.
            self.ctx._mentions = []

    def other_sex(self, a: Attribution, pronoun: str) -> bool:
        """Whether the article shows a named speaker to be of the other sex (``_other_sex``)."""
        return _other_sex(self.ctx, a, pronoun)

    def of_stretches(self) -> list[Attribution]:
        """The attribution of each stretch by rule, in order (``NOBODY`` where none is found)."""
        ctx = self.ctx
        out: list[Attribution] = []
        for k, s in enumerate(ctx.stretches):
            out.append(_own(ctx, k, s) or NOBODY)
            if out[-1].named:
                ctx.quoted.append((s.span.start, out[-1]))
        # Second pass: stretches with no cue of their own take their neighbour's speaker.
        for k, s in enumerate(ctx.stretches):
            if out[k].speaker is None:
                out[k] = _inherited(ctx, k, s, out) or out[k]
        return out

    def of_mention(self, mention: Span, cue: str, named: bool) -> Attribution | None:
        """Who a source mention the parse found stands for: a name in its fullest form, a
        pronoun or a statement resolved, a title to the person holding it, or a description
        as printed ("a defense official"). ``named``: the mention is a named entity."""
        ctx = self.ctx
        mention = Span(mention.start, _numbered_end(ctx.text, mention.end, mention.of(ctx.text)))
        words = mention.of(ctx.text).strip(" ,;:")
        low = words.lower()
        found: _Name | str | None
        if low in PERSON_PRONOUNS | GROUP_PRONOUNS:
            found = low
        else:
            names = _names_in(ctx, mention.start, mention.end) if named else []
            persons = [n for n in names if n.person]
            if names:
                found = _widened(ctx, (persons or names)[0], mention)
            elif set(_tokens(low)) & STATEMENT_WORDS:
                found = _statement_issuer(ctx, mention) or "statement"
            else:
                found = _clean_description(words)
        return _attribution(ctx, found, cue, mention.start) if found else None

    def heard(self, at: int, a: Attribution) -> None:
        """A speaker at ``at``: whom a later pronoun or description may stand for."""
        if a.named:
            self.ctx.quoted.append((at, a))
            self.ctx.quoted.sort(key=lambda x: x[0])
        elif a.speaker:
            self.ctx.described.append((at, a.speaker))
            self.ctx.described.sort(key=lambda x: x[0])


def _widened(ctx: _Context, name: _Name, mention: Span) -> _Name:
    """A name the tagger cut short ("Delia" of "Mayor Delia Marrant") widened to the run of
    capitalised words around it in the mention."""
    for run in _cap_runs(ctx.text, mention.start, mention.end, ctx.persons):
        inside = run.span.start <= name.span.start and name.span.end <= run.span.end
        if inside and run.span != name.span:
            return _Name(run.span, run.text, name.person, name.label)
    return name


def _clean_description(words: str) -> str:
    """A description as printed, without the conjunction or punctuation around it ("But
    officials" → "officials")."""
    parts = words.strip(" ,;:.").split()
    while parts and parts[0].lower() in {"but", "and", "so", "yet", "or", "then", "also"}:
        parts = parts[1:]
    # an article alone is no one: "The also said …", where a copy editor dropped the noun
    return "" if [p.lower() for p in parts] in (["the"], ["a"], ["an"]) else " ".join(parts)


def attribute(
    text: str,
    paragraphs: Sequence[Span],
    stretches: Sequence[Stretch],
    entities: Sequence[Entity],
) -> list[Attribution]:
    """The attribution of each stretch, in order (``NOBODY`` where none is found)."""
    return Speakers(text, paragraphs, stretches, entities).of_stretches()


def _open_at(s: Stretch) -> int:
    """Where a stretch starts, its opening mark included."""
    return s.opened if s.opened is not None else s.span.start


def _close_at(s: Stretch) -> int:
    """Just past a stretch, its closing mark included."""
    return s.closed + 1 if s.closed is not None else s.span.end


def _own(ctx: _Context, k: int, s: Stretch) -> Attribution | None:
    """The attribution a stretch's own sentence gives it."""
    p = ctx.paragraphs[s.paragraph]
    nxt = next(
        (x for x in ctx.stretches[k + 1 :] if x.paragraph == s.paragraph and not x.single),
        None,
    )
    after_from = _close_at(s)
    after_to = _open_at(nxt) if nxt else p.end
    prev = next(
        (x for x in reversed(ctx.stretches[:k]) if x.paragraph == s.paragraph and not x.single),
        None,
    )
    floor = _close_at(prev) if prev else p.start
    opened = _open_at(s)
    start = _clause_start(ctx, p, floor, opened)
    content = ctx.text[s.span.start : s.span.end].rstrip()
    after_text = ctx.text[after_from:after_to].lstrip()
    # The reporter's sentence goes on after the quotation ("…,” Okafor said): its cue comes first.
    attached = bool(content) and (
        content[-1] in ",—–-:;"
        or (after_text[:1].islower())
        or after_text.startswith(":")
        or content[-1] not in ".!?…"
    )
    # A phrase opening the sentence ("“Rust. We fix it” is running with ads in which
    # people say, “…”") does not take the cue of a quotation later in its sentence.
    handed_on = (
        nxt is not None
        and not sentence_ends(ctx.text[after_from : after_to + 1])
        and _phrase_opening(ctx, s)
    )
    if attached and not handed_on:
        a = _after_cue(ctx, after_from, after_to)
        if a:
            return a
    a = _before_cue(ctx, start, opened) if opened > start else None
    if a and not _phrase_opening(ctx, s):
        return a
    if not attached and len(after_text.split()) <= 12:
        return _after_cue(ctx, after_from, after_to) or _credit(ctx, after_from, after_to)
    return None


def _credit(ctx: _Context, start: int, end: int) -> Attribution | None:
    """A pull quote's credit: a person's name, titles and an affiliation after it at most,
    closing the quotation's paragraph with no verb ("“…” Sgt. Ana Ruiz, Calder Police")."""
    if end < ctx.paragraphs[ctx.paragraph_of(start)].end or _VERB.search(ctx.text, start, end):
        return None
    persons = [n for n in _names_in(ctx, start, end) if n.person]
    if not persons:
        return None
    lead = ctx.text[start : persons[0].span.start].strip(" —–-")
    rest = ctx.text[persons[0].span.end : end].strip()
    if (lead and strip_titles(lead + " X") != "X") or (rest and not rest.startswith(",")):
        return None
    return _attribution(ctx, persons[0], "credit", persons[0].span.start)


# Words by which a reporter's sentence goes on from a quoted phrase, as no attribution does.
_RUNS_ON = frozenset(
    """like as and or but is was are were has had have will would can could in on at for with
    from of by which""".split()  # noqa: SIM905
)


def _inherited(ctx: _Context, k: int, s: Stretch, out: Sequence[Attribution]) -> Attribution | None:
    """The speaker of the quotation this one carries on, if any.

    A quotation split by its attribution ("“…,” Okafor said. “…”"), one right after another, and
    a paragraph that is only a quotation after a paragraph quoting someone, are all the same
    speaker's words; a quotation right before an attributed one takes its attribution.
    """
    prev = ctx.stretches[k - 1] if k > 0 else None
    if prev and out[k - 1].speaker and not s.single and not _phrase_opening(ctx, s):
        same_paragraph = prev.paragraph == s.paragraph
        p = ctx.paragraphs[s.paragraph]
        opens_paragraph = not ctx.text[p.start : _open_at(s)].strip()
        # (not a short one the reporter's sentence runs on from with no cue: "“Moon,” like “Dusk,”
        # is based on the novels" names a film)
        after = ctx.text[_close_at(s) : p.end].split(maxsplit=1)
        short = len(s.span.of(ctx.text).split()) <= PHRASE_WORDS
        runs_on = short and bool(after) and after[0] in _RUNS_ON
        next_paragraph = opens_paragraph and not runs_on and prev.paragraph == s.paragraph - 1
        between = (_close_at(prev), _open_at(s))
        carried = same_paragraph and not (
            _new_person(ctx, *between, out[k - 1]) or _new_phrase(ctx, s, *between, out[k - 1])
        )
        if carried or s.continues or next_paragraph:
            return out[k - 1]
    nxt = ctx.stretches[k + 1] if k + 1 < len(ctx.stretches) else None
    if nxt and out[k + 1].speaker and nxt.paragraph == s.paragraph and not _phrase_opening(ctx, s):
        # Two quotations in one sentence ("used “…” and “…”, according to the navy") share the
        # attribution that follows them.
        gap = ctx.text[_close_at(s) : _open_at(nxt)]
        if not gap.strip(" .,;—–-") or not sentence_ends(gap + " X"):
            return out[k + 1]
    return None


def _new_phrase(ctx: _Context, s: Stretch, closed: int, opened: int, before: Attribution) -> bool:
    """Rule "a phrase in a later sentence": a few words quoted inside a later sentence of the
    reporter's ("… legally invalid. The two had “married,” but …") are no one's words carried
    on; the reporter's term, or someone's the sentence does not name. A sentence that names
    the speaker before ("Trump also railed on the “new leader”") carries them on."""
    if len(s.span.of(ctx.text).split()) > PHRASE_WORDS:
        return False
    start = _own_start(ctx, closed, opened)
    if start is None or not ctx.text[start:opened].strip():
        return False  # (a quotation opening its sentence leaves no words before it)
    names = [*_names_in(ctx, start, opened), *_cap_runs(ctx.text, start, opened, ctx.persons)]
    return not any(same_speaker(_full(ctx, n), before.speaker) for n in names)


def _new_person(ctx: _Context, closed: int, opened: int, before: Attribution) -> bool:
    """Rule "a new sentence's own person": a quotation in a later sentence than the one before
    it, with a person named ahead of it in its own sentence ("Lamb called the claim “beyond
    the pale”"), is not the earlier speaker's carried on, though no cue the rules know ties it
    to that person."""
    start = _own_start(ctx, closed, opened)
    if start is None:
        return False
    names = _names_in(ctx, start, opened)
    return any(n.person and same_speaker(n.text, before.speaker) is False for n in names)


def _own_start(ctx: _Context, closed: int, opened: int) -> int | None:
    """Where the sentence of a quotation opened at ``opened`` starts, when a sentence ends
    after the quotation before it (closed at ``closed``) or that quotation ended its own
    ("… revenues.” It …"); None when both stand in one sentence."""
    ends = sentence_ends(ctx.text[closed:opened] + " X")
    if ends:
        return closed + ends[-1]
    return closed if stop_before(ctx.text, closed) in {".", "?", "!"} else None


def speaker_key(name: str | None) -> tuple[str, ...]:
    """A name's words without titles, lower-cased: what two spellings of one name share."""
    if not name:
        return ()
    return tuple(w.lower().strip(".,’'") for w in strip_titles(name).split() if w.strip(".,’'"))


def is_name(name: str | None) -> bool:
    """A name rather than a description ("a defense official", "officials")."""
    return name is not None and name[:1].isupper()


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True when two names can be one speaker, False when they cannot, None when unknown."""
    if not (is_name(a) and is_name(b)):
        return None
    ka, kb = speaker_key(a), speaker_key(b)
    if not ka or not kb:
        return None
    if ka[-1] == kb[-1] or set(ka) <= set(kb) or set(kb) <= set(ka):
        return True
    raw_a, raw_b = strip_titles(a or "").strip(".,"), strip_titles(b or "").strip(".,")
    if len(ka) == 1 and short_form_of(raw_a, kb):
        return True
    if len(kb) == 1 and short_form_of(raw_b, ka):
        return True
    # "United States Maritime Command" / "US Maritime Command": one spelled-out word apart.
    return len(set(ka) & set(kb)) >= 2
