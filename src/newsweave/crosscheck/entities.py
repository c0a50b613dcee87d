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
from dataclasses import dataclass

from newsweave.crosscheck.names import (
    FUNCTION_WORDS,
    TITLE_WORDS,
    Key,
    clean_bounds,
    is_acronym,
    is_generic_org_word,
    is_name_like,
    name_key,
    place_prefix,
    same_place,
    spells,
    strip_title,
    word_key,
)
from newsweave.model import AnnotatedArticle, Entity, EntityGroup, Span

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


def merge_entities(articles: Sequence[tuple[str, AnnotatedArticle]]) -> list[EntityGroup]:
    """People, organisations and places of the story, aliases merged, most widely named first."""
    return merge_mentions(articles)[0]


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
    rules: tuple[Rule, ...] = (_same_bare_name, _acronyms, _person_names, _shortened_org_names)
    for rule in rules:
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
    return _drop_covered(extended)


def entity_mentions(aid: str, text: str, entity: Entity) -> list[Mention]:
    """The names one spaCy entity holds: cleaned, titles set apart, possessives split."""
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
    surface = span.of(text)
    words = [(w.start(), w.end()) for w in _WORD.finditer(surface)]
    # "Defense" in "Defense Secretary Lloyd Austin" is a word of a title, not an organisation.
    if len(words) == 1 and _next_word(text, span.end).rstrip(".") in TITLE_WORDS:
        return None
    n = strip_title(surface.split()) if label == "PERSON" else 0
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

    Titles are capitalised words from the title list; one capitalised qualifier may stand before
    a title ("Defense", "Fire" in "Chief Fire Officer"), but not initials ("U.S.") or a day
    ("Thursday President …").
    """
    at = start
    pos = start
    after_title = False
    for _ in range(5):
        m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        word = m.group(1)
        if word.rstrip(".") in TITLE_WORDS:
            at = pos = m.start(1)
            after_title = True
        elif (
            after_title
            and word.isalpha()
            and word[0].isupper()
            and not word.isupper()
            and word.lower() not in FUNCTION_WORDS
            and word.lower() not in _CALENDAR
        ):
            at = pos = m.start(1)
            after_title = False
        else:
            break
    return at


def _surfaces_by_first_word(mentions: Iterable[Mention]) -> dict[str, list[str]]:
    """Every several-word surface in the story, by its first word, longest first."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if " " in m.surface:
            out[m.surface.split()[0]].add(m.surface)
    return {w: sorted(s, key=len, reverse=True) for w, s in out.items()}


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
    """Keys of the story's places and nationalities, as leading modifiers of other names."""
    return frozenset(
        " ".join(m.key) for m in mentions if m.label in ("GPE", "NORP") and len(m.key) <= 3
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
            and (spells(key[0], other) or spells(key[0], story.bare(other)))
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
        return True  # leading modifiers dropped
    if long[:n] != short:
        return False
    rest = long[n:]
    if all(is_generic_org_word(w) for w in rest):
        return True  # generic head dropped
    return n >= 2 and rest[0] in _NAME_PREPOSITIONS  # closing place phrase dropped


def _person_names(story: _Story, groups: Groups) -> Pairs:
    """A surname joined to the one full name of the story that ends with it, and a full name
    to the one other with the same first and last names ("Michael Kurella", "Michael Eric
    Kurella"). A surname shared by two people in the story stays apart."""
    labels = _labels(story, groups)
    full = [(k, groups[k]) for k in story.nodes if len(k) >= 2 and labels[groups[k]] == "PERSON"]
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
    forms = Counter(m.surface for m in mentions) + Counter(m.titled for m in mentions if m.titled)
    aliases = tuple(f for f, _ in forms.most_common() if f != name)
    arts = sorted({m.article for m in mentions}, key=lambda a: order.get(a, len(order)))
    return EntityGroup(name, label, aliases, tuple(arts), len(mentions))


def group_label(mentions: Sequence[Mention]) -> str:
    """The label most mentions carry; in a tie, the label of the longest form, which gave
    spaCy the most to go on ("Brightwater Logistics" ORG over "Brightwater" PERSON)."""
    votes = Counter(m.label for m in mentions)
    top = max(votes.values())
    tied = {lab for lab, n in votes.items() if n == top}
    if len(tied) > 1:
        longest = max(len(m.key) for m in mentions if m.label in tied)
        votes = Counter(m.label for m in mentions if m.label in tied and len(m.key) == longest)
    return majority(votes)


def pick_name(mentions: Sequence[Mention], label: str) -> str:
    """The name a reader knows the group by: a spelled-out form rather than initials; for a
    person the fullest name, for others the form the most outlets print."""
    counts = Counter(m.surface for m in mentions)
    outlets: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        outlets[m.surface].add(m.article)

    def rank(s: str) -> tuple[int, ...]:
        spelled = int(not is_acronym(s))
        if label == "PERSON":
            return (spelled, len(s.split()), len(outlets[s]), counts[s])
        return (spelled, len(outlets[s]), counts[s], len(s.split()))

    return max(counts, key=lambda s: (rank(s), s))
