"""Entities merged across a story's articles: one group per person, organisation or place.

spaCy tags each mention on its own, so one story holds "Lloyd Austin", "Austin" and "Defense
Secretary Lloyd Austin"; "IRGC", "Islamic Revolutionary Guard Corps" and "Iran’s Revolutionary
Guard Corps"; "Kata’ib Hezbollah" tagged NORP in one outlet and "Kataib Hezbollah" tagged PERSON
in another. Mentions are reduced to keys (``names.py``), then keys are joined by rules that hold
for news in general, each one only where it is unambiguous in the story:

1. same key: case, apostrophes, dots, hyphens and plurals aside ("Kata’ib" / "Kataib");
2. same name after a leading place or nationality ("US Central Command" / "Central Command"),
   unless the story has that name for two different countries;
3. acronyms: defined in parentheses ("Guard Corps (IRGC)"), or spelled by a name's initials or
   syllables ("CENTCOM" from "Central Command");
4. a surname for the one full name in the story that ends with it ("Austin", "Lloyd Austin"),
   and that surname wherever else the text prints it and spaCy missed it;
5. shortened organisation names ("Islamic Resistance" for "Islamic Resistance in Iraq").

The type of a group is the label most of its mentions carry, which fixes spaCy's slips ("Kirby"
tagged GPE once and PERSON everywhere else). Aliases keep every surface form as printed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsweave.crosscheck.name_forms import (
    groups_by,
    inverted,
    letters,
    region_forms,
)
from newsweave.crosscheck.names import (
    Key,
    clean_bounds,
    is_generic_org_word,
    is_name_like,
    name_key,
    place_prefix,
    same_place,
    word_key,
)
from newsweave.model import AnnotatedArticle, Entity, EntityGroup, Span, Story
from newsweave.text.entity_types import evident_label, mention_context
from newsweave.text.first_names import pronoun_of_given_name
from newsweave.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES
from newsweave.text.names import (
    FUNCTION_WORDS,
    LOWER_CASE_TITLES,
    NAME_TITLES,
    acronym_spans,
    is_acronym,
    leading_titles,
    spells,
)

# People, organisations, places and named things; dates and numbers are other stages' work.
KEPT_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Ties in the vote go to the label listed first: a name is more often a person or an
# organisation mislabelled as a place than the other way round.
LABEL_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW")
# Prepositions that open a place phrase at the end of an organisation's name ("… in Iraq").
_NAME_PREPOSITIONS = frozenset({"in", "of", "for", "on", "at"})
_WORD = re.compile(r"\S+")
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
# A possessive inside one entity ("Iranian Revolutionary Guard Corps’ Quds Force") joins two
# names: the possessor and the thing possessed.
_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s?\s+(?=[A-Z])")
# Days and months are capitalised but never part of a title.
_CALENDAR = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today tonight yesterday
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# How English nationality words end ("Iraqi", "Norlandian", "Chinese", "British").
_DEMONYM = re.compile(r"\w\w(?:ian|an|ese|i|ish)$")
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Z.&]{1,9})\s*\)")
_HYPHEN_AFTER = re.compile(r"-[A-Za-z]")
_MONTHS = MONTH_ABBREVIATIONS | MONTH_NAMES
_DAY_AFTER = re.compile(r"\.?\s+\d{1,2}\b")
_KIND_AFTER = re.compile(
    r" (?:straits?|bay|river|islands?|lake|sea|gulf|channel|mountains|valley|reservoir|canal|"
    r"peninsula)\b"
)
_HYPHEN_BEFORE = re.compile(r"[A-Za-z]-$")
_HANDLE_AFTER = re.compile(r"\s*\((@\w{1,15})\)")
_PLACE_JOINT = re.compile(r"(?:['’]s)? $")
_OPEN_QUOTES = '“"‘('
# "A" opens a title in quotes, or after a dash when the title ends there ("— A Capitol Fourth
# (@…)"), not a noun phrase ("2016 - A British Airways plane").
_TITLE_ARTICLE = re.compile(r"(?:[“\"‘(]|— )(An? )$")
_TITLE_END = re.compile(r"\s*[(”\"’.,;:]")
_PAREN_WORD = re.compile(r"[\w’'.&-]+")


@dataclass(frozen=True, slots=True)
class Mention:
    """One name as printed in one article; ``titled`` adds the title printed before it."""

    article: str
    span: Span
    surface: str
    label: str
    key: Key
    titled: str | None = None
    # The name with the region printed after it ("Fargo, North Dakota"), kept as an alias.
    qualified: str | None = None


@dataclass(frozen=True, slots=True)
class _Story:
    """What the merge rules look at: mentions by key, the story's place words, the texts."""

    nodes: Mapping[Key, tuple[Mention, ...]]
    places: frozenset[str]
    texts: Mapping[str, str]

    def bare(self, key: Key) -> Key:
        return key[place_prefix(key, self.places) :]


Pairs = list[tuple[Key, Key]]
Groups = Mapping[Key, Key]  # node key → its group's root key
Rule = Callable[[_Story, Groups], Pairs]


def merge_entities(story: Story) -> list[EntityGroup]:
    """People, organisations and places of an analysed story, aliases merged, most widely
    named first."""
    return merge_mentions(story.analysed())[0]


def merge_mentions(
    articles: Sequence[tuple[str, AnnotatedArticle]],
) -> tuple[list[EntityGroup], list[Mention]]:
    """The merged groups and the mentions they were built from (coverage reads both)."""
    mentions = story_mentions(articles)
    if not mentions:
        return [], []
    nodes: dict[Key, list[Mention]] = defaultdict(list)
    for m in mentions:
        nodes[m.key].append(m)
    story = _Story(
        {k: tuple(v) for k, v in nodes.items()},
        _place_keys(mentions),
        {aid: a.article.text for aid, a in articles},
    )
    parent = {k: k for k in story.nodes}
    rules: tuple[Rule, ...] = (
        _same_letters,
        _inverted_names,
        _same_bare_name,
        _acronyms,
        _person_names,
        _shortened_org_names,
    )
    # Twice: a join made by a later rule can make an earlier one's match unique ("House" once
    # "House of Representatives" and its long form are one).
    for rule in rules + rules:
        for a, b in rule(story, _roots(parent)):
            _union(parent, a, b)
    members: dict[Key, list[Mention]] = defaultdict(list)
    for key, root in _roots(parent).items():
        members[root].extend(story.nodes[key])
    for ms in members.values():
        ms.extend(_missed_surnames(ms, members.values(), story, mentions))
    order = {aid: i for i, (aid, _) in enumerate(articles)}
    groups = [_group(ms, order) for ms in members.values()]
    kept = [g for g in groups if g is not None]
    return sorted(kept, key=lambda g: (-len(g.articles), -g.mentions, g.name)), mentions


# -- mentions ------------------------------------------------------------------------------


def story_mentions(articles: Sequence[tuple[str, AnnotatedArticle]]) -> list[Mention]:
    """Every cleaned name mention of the story, cut-short names extended to the full form."""
    first = [
        (aid, a.article.text, m)
        for aid, a in articles
        for e in a.entities
        if e.label in KEPT_LABELS
        for m in entity_mentions(aid, a.article.text, e)
    ]
    longer = _surfaces_by_first_word(m for _, _, m in first)
    extended = [(aid, _extend(text, m, longer)) for aid, text, m in first]
    texts = {aid: a.article.text for aid, a in articles}
    mentions = _drop_covered(extended)
    mentions += _acronym_mentions(mentions, texts)
    mentions += _inverted_mentions(mentions, texts)
    mentions += _handle_mentions(mentions, texts)
    return _with_places(_with_regions(_retyped(mentions, texts), texts), texts)


def _handle_mentions(mentions: Sequence[Mention], texts: Mapping[str, str]) -> list[Mention]:
    """ "A Capitol Fourth (@July4thPBS)": an embedded post's handle after a name is that
    name's account, another name for the same person or organisation."""
    out: list[Mention] = []
    for m in mentions:
        hit = _HANDLE_AFTER.match(texts[m.article], m.span.end)
        if hit:
            span = Span(hit.start(1), hit.end(1))
            out.append(Mention(m.article, span, hit.group(1), m.label, m.key))
    return out


def _inverted_mentions(mentions: Sequence[Mention], texts: Mapping[str, str]) -> list[Mention]:
    """ "Diocese of Dallas" where the story tags "Dallas Diocese": the turned-round form
    wherever it is printed and the tagger missed it (``_inverted_names`` then joins them)."""
    taken: dict[str, list[Span]] = defaultdict(list)
    for m in mentions:
        taken[m.article].append(m.span)
    keys = {m.key for m in mentions}
    out: list[Mention] = []
    done: set[Key] = set()
    for m in mentions:
        words = m.surface.split()
        if len(words) != 2 or m.label == "PERSON" or m.key in done:
            continue
        done.add(m.key)
        turned = inverted(m.key)
        if turned is None or turned in keys:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(words[1])} of {re.escape(words[0])}(?![\w-])")
        for aid, text in texts.items():
            for hit in pattern.finditer(text):
                span = Span(hit.start(), hit.end())
                if not any(x.start <= span.start < x.end for x in taken[aid]):
                    out.append(Mention(aid, span, hit.group(), m.label, turned))
    return out


def _with_places(mentions: Sequence[Mention], texts: Mapping[str, str]) -> list[Mention]:
    """Names printed right after a place ("U.S. Capitol", "London's Metropolitan Police"), and
    models after their maker ("Airbus A320"), keep that form as an alias, where the story puts
    the name after one place only (with "US Army" and "Iraqi Army" in one story, "Army" is
    neither)."""
    place_at = {(m.article, m.span.end): m.surface for m in mentions if m.label in ("GPE", "NORP")}
    # A model printed after its maker ("Airbus A320") keeps the maker's name the same way.
    maker_at = {(m.article, m.span.end): m.surface for m in mentions if m.label == "ORG"}
    forms: dict[Key, set[str]] = defaultdict(set)
    found: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if m.label in ("GPE", "NORP", "PERSON"):
            continue
        before = texts[m.article][max(0, m.span.start - 4) : m.span.start]
        joint = _PLACE_JOINT.search(before)
        if joint is None:
            continue
        at = (m.article, m.span.start - len(joint.group()))
        place = place_at.get(at) or (maker_at.get(at) if m.label == "PRODUCT" else None)
        if place is not None:
            forms[m.key].add(place)
            found[i] = place + joint.group() + m.surface
    return [
        replace(m, qualified=found[i]) if i in found and len(forms[m.key]) == 1 else m
        for i, m in enumerate(mentions)
    ]


def _retyped(mentions: Sequence[Mention], texts: Mapping[str, str]) -> list[Mention]:
    """Mentions relabelled where the story's text shows the name's type (``entity_types``)."""
    contexts: dict[Key, list[tuple[str, str]]] = defaultdict(list)
    surfaces: dict[Key, str] = {}
    for m in mentions:
        text = texts[m.article]
        contexts[m.key].append(mention_context(text, m.span.start, m.span.end))
        surfaces.setdefault(m.key, m.surface)
    evident = {k: evident_label(surfaces[k], contexts[k]) for k in contexts}
    return [replace(m, label=label) if (label := evident[m.key]) else m for m in mentions]


def _with_regions(mentions: Sequence[Mention], texts: Mapping[str, str]) -> list[Mention]:
    """Places printed with their state or country ("Fargo, North Dakota") keep that form."""
    regions = {m.surface for m in mentions if m.label in PLACE_LABELS}
    out = []
    for m in mentions:
        form = None
        if m.label in PLACE_LABELS:
            form = region_forms(texts[m.article], m.span.start, m.span.end, regions)
        out.append(replace(m, qualified=form) if form else m)
    return out


def _acronym_mentions(mentions: Sequence[Mention], texts: Mapping[str, str]) -> list[Mention]:
    """ "Civil Aviation Authority (CAA)": the acronym wherever the story prints it, as a
    mention of the same kind as the name it stands for, where the tagger did not mark it."""
    taken: dict[str, list[Span]] = defaultdict(list)
    for m in mentions:
        taken[m.article].append(m.span)
    labels = {m.key: m.label for m in mentions}
    split = {m.key: hyphens_split(m.surface) for m in mentions}
    out: list[Mention] = []
    seen: set[str] = set()
    for text in texts.values():
        for hit in _ACRONYM_IN_PARENS.finditer(text):
            acronym = hit.group(1)
            line = text[max(0, hit.start() - 160) : hit.start()].rsplit("\n", 1)[-1]
            expansion = _expansion(acronym, _PAREN_WORD.findall(line.replace("-", " "))[-12:])
            named = next((k for k in labels if expansion in (k, split[k])), None)
            if named is None or acronym in seen:
                continue
            seen.add(acronym)
            for aid, body in texts.items():
                for a, b in acronym_spans(body, acronym):
                    if not any(s.start <= a < s.end for s in taken[aid]):
                        span = Span(a, b)
                        out.append(Mention(aid, span, acronym, labels[named], name_key(acronym)))
                        taken[aid].append(span)
    return out


def hyphens_split(surface: str) -> Key:
    """The key of a name with its hyphenated words taken apart ("Anti-Defamation League" →
    "anti defamation league"), which is how an acronym spells it ("ADL")."""
    return name_key(surface.replace("-", " ").replace("‐", " "))


_JOINT = re.compile(r"\s+(?:and|&)\s+|\s*/\s*")


def people(e: Entity) -> list[Entity]:
    """Rule "one person a name": two names joined by "and" or a slash in one PERSON mention
    are two people ("Locke and Salazar"). Here, for the story's list of entities, and not in
    the analysis: a joint statement's speakers stay as printed."""
    if e.label != "PERSON" or not _JOINT.search(e.text):
        return [e]
    out = []
    start = 0
    for part in [*_JOINT.finditer(e.text), None]:
        end = part.start() if part else len(e.text)
        piece = e.text[start:end]
        if piece[:1].isupper():
            at = e.span.start + start
            out.append(replace(e, span=Span(at, at + len(piece)), text=piece))
        start = part.end() if part else start
    return out or [e]


def entity_mentions(aid: str, text: str, entity: Entity) -> list[Mention]:
    """The names one spaCy entity holds: cleaned, titles set apart, possessives split, two
    people joined by "and" apart."""
    return [m for e in people(entity) for m in _entity_mentions(aid, text, e)]


def _entity_mentions(aid: str, text: str, entity: Entity) -> list[Mention]:
    raw = entity.text
    out: list[Mention] = []
    pieces = _INNER_POSSESSIVE.split(raw)
    offset = 0
    for piece in pieces:
        at = raw.index(piece, offset)
        offset = at + len(piece)
        a, b = clean_bounds(piece)
        if not is_name_like(piece[a:b]):
            continue
        start = entity.span.start + at
        m = _mention(aid, text, Span(start + a, start + b), entity.label)
        if m is not None:
            out.append(m)
    return out


def _mention(aid: str, text: str, span: Span, label: str) -> Mention | None:
    """A mention with its title set apart, or None for a word that is part of a title."""
    # "Mar 13", "Sept. 4": a month before a day is a date, whatever the tagger thought.
    if span.of(text).rstrip(".").lower() in _MONTHS and _DAY_AFTER.match(text, span.end):
        return None
    # "Mar" of "Mar-a-Lago": a piece of a hyphenated word is not a name.
    if _HYPHEN_AFTER.match(text, span.end) or _HYPHEN_BEFORE.search(
        text, max(0, span.start - 2), span.start
    ):
        return None
    # "the Oresund strait": a place's kind word printed in lower case is still its name.
    kind = _KIND_AFTER.match(text, span.end) if label != "PERSON" else None
    if kind:
        span = Span(span.start, kind.end())
    # "— A Capitol Fourth (@…)": a capital "A" inside a sentence opens the title of a work.
    lead = _TITLE_ARTICLE.search(text, max(0, span.start - 6), span.start)
    if lead and (lead.group().startswith(tuple(_OPEN_QUOTES)) or _TITLE_END.match(text, span.end)):
        span = Span(lead.start(1), span.end)
    surface = span.of(text)
    words = [(w.start(), w.end()) for w in _WORD.finditer(surface)]
    # "Defense" in "Defense Secretary Lloyd Austin" is a word of a title, not an organisation.
    if len(words) == 1 and _next_word(text, span.end).rstrip(".") in NAME_TITLES:
        return None
    n = leading_titles(surface.split()) if label == "PERSON" else 0
    name = Span(span.start + words[n][0], span.end)
    title_at = _title_start(text, name.start)
    key = name_key(name.of(text))
    if not key:
        return None
    titled = text[title_at : name.end] if title_at < name.start else None
    return Mention(aid, name, name.of(text), label, key, titled)


def _next_word(text: str, end: int) -> str:
    m = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return m.group() if m else ""


def _title_start(text: str, start: int) -> int:
    """Where the titles printed just before a name begin ("Defense Secretary" in "U.S. Defense
    Secretary Lloyd Austin"); ``start`` when there are none.

    Titles are capitalised words from the title list; up to two capitalised qualifiers may stand
    before a title ("Defense", "Senate Majority" in "Senate Majority Leader"), but not initials
    ("U.S.") or a day ("Thursday President …").
    """
    at = start
    pos = start
    after_title = False
    qualifiers = 0  # "Senate Majority Leader": two qualifiers before a title at most
    one_qualifier = start
    m: re.Match[str] | None = None
    for _ in range(6):
        m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        word = m.group(1)
        if pos == start and word in LOWER_CASE_TITLES:
            return m.start(1)  # a title in lower case stands alone next to the name
        if word.rstrip(".") in NAME_TITLES:
            at = pos = m.start(1)
            after_title, qualifiers = True, 0
        elif after_title and qualifiers < 2 and _is_qualifier(word):
            at = pos = m.start(1)
            qualifiers += 1
            if qualifiers == 1:
                one_qualifier = at
        else:
            break
    else:
        return at
    # A run of capitals longer than two qualifiers ("Clayton County Police Chief") is a place
    # or an organisation before the title; keep the title with its nearest qualifier.
    if qualifiers == 2 and m is not None and _is_qualifier(m.group(1)):
        return one_qualifier
    return at


def _is_qualifier(word: str) -> bool:
    """A capitalised word that may stand before a title ("Defense", "Majority")."""
    return (
        word.isalpha()
        and word[0].isupper()
        and not word.isupper()
        and word.lower() not in FUNCTION_WORDS
        and word.lower() not in _CALENDAR
    )


def _surfaces_by_first_word(mentions: Iterable[Mention]) -> dict[str, list[str]]:
    """Every several-word surface in the story, by its first word, longest first."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if " " in m.surface:
            out[m.surface.split()[0]].add(m.surface)
    # alphabetical among equal lengths: a set's own order changes with the hash seed
    return {w: sorted(s, key=lambda x: (-len(x), x)) for w, s in out.items()}


def _extend(text: str, m: Mention, longer: Mapping[str, list[str]]) -> Mention:
    """The mention grown to a longer name the story prints elsewhere, where the text goes on
    with it: spaCy sometimes cuts a name short ("Kata’ib" | "Hezbollah")."""
    for surface in longer.get(m.surface.split()[0], ()):
        if (
            len(surface) > len(m.surface)
            and surface.startswith(m.surface + " ")
            and text.startswith(surface, m.span.start)
        ):
            span = Span(m.span.start, m.span.start + len(surface))
            titled = m.titled + surface[len(m.surface) :] if m.titled else None
            return Mention(m.article, span, surface, m.label, name_key(surface), titled)
    return m


def _drop_covered(mentions: Sequence[tuple[str, Mention]]) -> list[Mention]:
    """Mentions without those inside a longer one of the same article, or on the same span as
    an earlier one (after extension, two pieces of one name become the same name)."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, (aid, _) in enumerate(mentions):
        by_article[aid].append(i)
    kept: set[int] = set()
    for idx in by_article.values():
        # Longest first among those starting together: a span ending no later than one that
        # started before it lies inside that one.
        reach = -1
        for i in sorted(idx, key=lambda i: (mentions[i][1].span.start, -mentions[i][1].span.end)):
            if mentions[i][1].span.end > reach:
                kept.add(i)
                reach = mentions[i][1].span.end
    return [m for i, (_, m) in enumerate(mentions) if i in kept]


def _place_keys(mentions: Iterable[Mention]) -> frozenset[str]:
    """Keys of the story's places and nationalities, as leading modifiers of other names.

    A name most of whose mentions are something else ("Tesla" tagged NORP twice and ORG a
    dozen times) is not a place.
    """
    votes: dict[Key, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        votes[m.key][m.label] += 1
    return frozenset(
        " ".join(k) for k, v in votes.items() if len(k) <= 3 and majority(v) in ("GPE", "NORP")
    )


# -- union-find ----------------------------------------------------------------------------


def _find(parent: dict[Key, Key], k: Key) -> Key:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def _union(parent: dict[Key, Key], a: Key, b: Key) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _roots(parent: dict[Key, Key]) -> dict[Key, Key]:
    return {k: _find(parent, k) for k in parent}


def _labels(story: _Story, groups: Groups) -> dict[Key, str]:
    """Each group's majority label (ties by ``LABEL_ORDER``)."""
    votes: dict[Key, Counter[str]] = defaultdict(Counter)
    for key, root in groups.items():
        votes[root].update(m.label for m in story.nodes[key])
    return {root: majority(c) for root, c in votes.items()}


def majority(votes: Counter[str]) -> str:
    """The label most mentions carry; a tie goes to the label listed first in LABEL_ORDER."""
    rank = {lab: i for i, lab in enumerate(LABEL_ORDER)}
    return min(votes, key=lambda lab: (-votes[lab], rank.get(lab, len(rank)), lab))


# -- rules ---------------------------------------------------------------------------------


def _same_bare_name(story: _Story, groups: Groups) -> Pairs:
    """Names equal once a leading place or nationality is dropped ("US Central Command",
    "United States Central Command"): joined unless two of them name different countries
    ("Iraqi Armed Forces", "US Armed Forces"), when only same-country ones are joined."""
    by_bare: dict[Key, list[tuple[Key, str | None]]] = defaultdict(list)
    for key in story.nodes:
        n = place_prefix(key, story.places)
        # Two words at least: one generic word ("Army") is too weak to join on.
        if len(key) - n >= 2:
            by_bare[key[n:]].append((key, " ".join(key[:n]) if n else None))
    pairs: Pairs = []
    for members in by_bare.values():
        classes = _place_classes([mod for _, mod in members if mod])
        if len(classes) <= 1:
            pairs += [(members[0][0], k) for k, _ in members[1:]]
            continue
        for cls in classes:
            same = [k for k, mod in members if mod in cls]
            pairs += [(same[0], k) for k in same[1:]]
    return pairs


def _same_letters(story: _Story, groups: Groups) -> Pairs:
    """Names with the same letters spaced or hyphenated apart ("Al Arabiya", "Al-Arabiya")."""
    keys = list(story.nodes)
    return [(ks[0], k) for ks in groups_by(keys, {k: letters(k) for k in keys}) for k in ks[1:]]


def _inverted_names(story: _Story, groups: Groups) -> Pairs:
    """ "Justice Department" and "Department of Justice", "Koge Bay" and "Bay of Koge": a kind
    word after the name or before it with "of", both printed in the story."""
    labels = _labels(story, groups)
    return [
        (k, turned)
        for k in story.nodes
        if (turned := inverted(k)) is not None
        and turned in story.nodes
        and "PERSON" not in (labels[groups[k]], labels[groups[turned]])
    ]


def _place_classes(mods: Sequence[str]) -> list[set[str]]:
    """Place modifiers grouped by the country they name ("us", "united state", "american")."""
    classes: list[set[str]] = []
    for mod in dict.fromkeys(mods):
        home = next((c for c in classes if any(same_place(mod, o) for o in c)), None)
        if home is None:
            classes.append({mod})
        else:
            home.add(mod)
    return classes


def _acronyms(story: _Story, groups: Groups) -> Pairs:
    """Acronyms joined to their expansions: those the text defines in parentheses first, then
    those a name's initials or syllables spell, where only one group's name does."""
    pairs = _defined_acronyms(story)
    defined = {a for a, _ in pairs}
    for key, ms in story.nodes.items():
        if len(key) != 1 or key in defined or not any(is_acronym(m.surface) for m in ms):
            continue
        found = {
            groups[other]
            for other in story.nodes
            if groups[other] != groups[key]
            and len(other) >= 2
            and (
                spells(key[0], other)
                or spells(key[0], story.bare(other))
                or spells(key[0], hyphens_split(story.nodes[other][0].surface))
            )
        }
        if len(found) == 1:
            pairs.append((key, found.pop()))
    return pairs


def _defined_acronyms(story: _Story) -> Pairs:
    """ "Islamic Revolutionary Guard Corps (IRGC)": the shortest run of capitalised words before
    the brackets that spells the acronym is its expansion."""
    pairs: Pairs = []
    for text in story.texts.values():
        for m in _ACRONYM_IN_PARENS.finditer(text):
            acronym = name_key(m.group(1))
            if acronym not in story.nodes:
                continue
            line = text[max(0, m.start() - 160) : m.start()].rsplit("\n", 1)[-1]
            expansion = _expansion(m.group(1), _PAREN_WORD.findall(line)[-12:])
            if expansion is None:
                continue
            pairs += [
                (acronym, k)
                for k in story.nodes
                if k != acronym and expansion in (k, story.bare(k))
            ]
    return pairs


def _expansion(acronym: str, words: Sequence[str]) -> Key | None:
    """The key of the shortest run of words ending the list that spells ``acronym``."""
    for n in range(2, len(words) + 1):
        run = words[-n:]
        first = run[0]
        if not first[0].isupper() and first.lower() not in FUNCTION_WORDS:
            return None  # a lower-case content word ends the name
        if first.lower() in FUNCTION_WORDS:
            continue
        key = tuple(word_key(w) for w in run)
        if spells(acronym, key):
            return key
    return None


def _shortened_org_names(story: _Story, groups: Groups) -> Pairs:
    """A shorter organisation name joined to the one longer name of the story it shortens.

    English names put the head last, so a short form keeps the end ("Revolutionary Guard
    Corps" for "Islamic Revolutionary Guard Corps"), drops a generic head ("Revolutionary
    Guard", "Meridale" for "Meridale Logistics") or a closing place phrase ("Islamic Resistance"
    for "Islamic Resistance in Iraq"). Places and people's full names are left to their rules.
    """
    labels = _labels(story, groups)
    people = {r for k, r in groups.items() if len(k) >= 2 and labels[r] == "PERSON"}
    longs = [
        (story.bare(k), k)
        for k in story.nodes
        if labels[groups[k]] not in PLACE_LABELS and labels[groups[k]] != "PERSON"
    ]
    # A short form may carry a wrong PERSON tag ("Meridale said …"), but never one that is
    # already a person's surname.
    shorts = [
        (story.bare(k), k)
        for k in story.nodes
        if labels[groups[k]] not in PLACE_LABELS and groups[k] not in people
    ]
    pairs: Pairs = []
    for short, skey in shorts:
        found = {
            groups[lkey]
            for long, lkey in longs
            if groups[lkey] != groups[skey]
            and shortens(short, long)
            and not any(_national(w, story.places) for w in long[: len(long) - len(short)])
        }
        if len(found) == 1:
            pairs.append((skey, found.pop()))
    return pairs


def _national(word: str, places: frozenset[str]) -> bool:
    """Whether a leading word ties a name to one country ("Iraqi Armed Forces"): then the
    short form ("Armed Forces") may be another country's."""
    return word in places or bool(_DEMONYM.search(word))


def shortens(short: Key, long: Key) -> bool:
    """Whether ``short`` is a usual short form of the organisation name ``long``."""
    n = len(short)
    if n >= len(long) or not short:
        return False
    if n >= 2 and long[-n:] == short:
        # Leading modifiers dropped, unless what is left closes a phrase ("House of
        # Representatives of the" + "United States of America"): then it is another name.
        return long[-n - 1] not in FUNCTION_WORDS
    if long[:n] != short:
        return False
    rest = long[n:]
    if all(is_generic_org_word(w) for w in rest):
        return True  # generic head dropped
    # A closing place phrase dropped ("Islamic Resistance" for "… in Iraq"); one word will do
    # when it is not a kind of organisation ("Constitution", "House", but not "Bank").
    return (n >= 2 or not is_generic_org_word(short[0])) and rest[0] in _NAME_PREPOSITIONS


def _person_names(story: _Story, groups: Groups) -> Pairs:
    """A surname joined to the one full name of the story that ends with it, and a full name
    to the one other with the same first and last names ("Michael Kurella", "Michael Eric
    Kurella"). A surname shared by two people in the story stays apart."""
    labels = _labels(story, groups)
    full = [(k, groups[k]) for k in story.nodes if len(k) >= 2 and labels[groups[k]] == "PERSON"]
    # A heading's verb the tagger took into a name once ("Questioning Brenner's judgment")
    # is no second person with that surname.
    full = [(k, r) for k, r in full if not _verb_led(k, story)] or full
    pairs: Pairs = []
    for key in story.nodes:
        root = groups[key]
        if len(key) == 1 and labels[root] not in PLACE_LABELS | {"NORP"}:
            found = {r for k, r in full if k[-1] == key[0] and r != root}
        elif len(key) >= 2 and labels[root] == "PERSON":
            found = {
                r for k, r in full if k != key and k[0] == key[0] and k[-1] == key[-1] and r != root
            }
        else:
            continue
        if len(found) == 1:
            pairs.append((key, found.pop()))
    return pairs


def _verb_led(key: Key, story: _Story) -> bool:
    """A two-word name printed once whose first word is a verb's -ing or -ed form (and no
    given name the pronoun lists know)."""
    first = key[0]
    once = len(story.nodes[key]) == 1
    verb_like = first.endswith(("ing", "ed")) and len(first) > 5
    return len(key) == 2 and once and verb_like and pronoun_of_given_name(first) is None


def _missed_surnames(
    group: Sequence[Mention],
    groups: Iterable[Sequence[Mention]],
    story: _Story,
    mentions: Sequence[Mention],
) -> list[Mention]:
    """Bare surnames of the group's person that spaCy did not tag ("… we will rebuild,"
    Marrant said"), where no other person of the story has that surname."""
    if majority(Counter(m.label for m in group)) != "PERSON":
        return []
    surnames = {m.surface.split()[-1] for m in group if len(m.key) >= 2}
    if len(surnames) != 1:
        return []
    surname = surnames.pop()
    key = name_key(surname)
    if not key or key[0] in story.places or surname.lower() in FUNCTION_WORDS:
        return []
    for other in groups:
        if other is not group and any(len(m.key) >= 2 and m.key[-1] == key[0] for m in other):
            return []
    taken: dict[str, list[Span]] = defaultdict(list)
    for m in mentions:
        taken[m.article].append(m.span)
    pattern = re.compile(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])")
    out: list[Mention] = []
    for aid, text in story.texts.items():
        for hit in pattern.finditer(text):
            span = Span(hit.start(), hit.end())
            if not any(s.start <= span.start < s.end for s in taken[aid]):
                out.append(Mention(aid, span, surname, "PERSON", key))
    return out


# -- groups --------------------------------------------------------------------------------


def _group(mentions: Sequence[Mention], order: Mapping[str, int]) -> EntityGroup | None:
    """The record of one merged group: its fullest name, its type by vote, every alias."""
    label = group_label(mentions)
    name = pick_name(mentions, label)
    if not is_name_like(name):
        return None
    forms = (
        Counter(m.surface for m in mentions)
        + Counter(m.titled for m in mentions if m.titled)
        + Counter(m.qualified for m in mentions if m.qualified)
    )
    aliases = tuple(f for f, _ in forms.most_common() if f != name)
    arts = sorted({m.article for m in mentions}, key=lambda a: order.get(a, len(order)))
    return EntityGroup(name, label, aliases, tuple(arts), len(mentions))


def group_label(mentions: Sequence[Mention]) -> str:
    """The label most mentions carry; in a tie, the label of the longest form, which gave
    spaCy the most to go on ("Brightwater Logistics" ORG over "Brightwater" PERSON)."""
    # A full name tagged as a person with its bare surname tagged as something else ("Sgt.
    # Wren Halloway", "Halloway said") is a person.
    # So is one whose longer forms hold the full name ("Calder Tomas Brenner" from "envoy to
    # Calder Tomas Brenner").
    full = [m.key for m in mentions if len(m.key) >= 2 and m.label == "PERSON"]
    if full and all(
        m.label == "PERSON"
        or m.key in full
        or any(m.key[-1] == k[-1] and (len(m.key) == 1 or set(k) <= set(m.key)) for k in full)
        for m in mentions
    ):
        return "PERSON"
    votes = Counter(m.label for m in mentions)
    top = max(votes.values())
    tied = {lab for lab, n in votes.items() if n == top}
    if len(tied) > 1:
        longest = max(len(m.key) for m in mentions if m.label in tied)
        votes = Counter(m.label for m in mentions if m.label in tied and len(m.key) == longest)
    return majority(votes)


def pick_name(mentions: Sequence[Mention], label: str) -> str:
    """The name a reader knows the group by: a spelled-out form rather than initials; for a
    person the fullest name two outlets print (else the fullest), for others the form the
    most outlets print."""
    counts = Counter(m.surface for m in mentions)
    outlets: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        outlets[m.surface].add(m.article)

    def rank(s: str) -> tuple[int, ...]:
        spelled = int(not is_acronym(s))
        if label == "PERSON":
            # the fullest name, but one form of it at least two outlets print comes before
            # a longer one only one prints ("Tomas Brenner", not "Calder Tomas Brenner" of
            # "envoy to Calder Tomas Brenner")
            shared = int(len(s.split()) >= 2 and len(outlets[s]) >= 2)
            return (spelled, shared, len(s.split()), len(outlets[s]), counts[s])
        return (spelled, len(outlets[s]), counts[s], len(s.split()))

    return max(counts, key=lambda s: (rank(s), s))
