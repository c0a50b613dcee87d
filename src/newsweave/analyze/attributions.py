"""Who said what in one article: the parse's cues and the quotations joined into attributions.

Each cue (``clauses.py``) gives a source and, mostly, the clause it reports; a cue with no
clause of its own takes the quotation right before or after it ("“…,” said Jon Reyes";
"Okafor said: “…”"). A content that touches a quotation takes all of it. Quotations whose
sentence has no cue (a label "Mayor: “…”", a paragraph that carries a quotation on) take the
speaker the quote rules give them (``speakers.py``). A quotation that goes on after its cue
("“…,” Okafor said. “…”", or "…” he said" again) is one attribution with the part before.
Quoted words that no one is said to say (``notspeech.py``, scare quotes) make none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from newsweave.analyze.clauses import Cue
from newsweave.analyze.marks import Stretch, stop_before
from newsweave.analyze.sentence_rules import sentence_ends
from newsweave.analyze.speakers import Attribution as Said
from newsweave.analyze.speakers import Speakers
from newsweave.model import Attribution, AttributionKind, Span

_PUNCT = " ,;:—–-"
# A quotation goes on after its cue when at most this many words stand between the parts
# ("“…,” said Christopher Preble, vice president for defense studies at the Cato Institute.
# “…,” he said.").
JOIN_GAP_WORDS = 30
# Words after a cue that ends its sentence and introduces the next quotation: "Okafor spoke
# outside the town hall."
INTRO_TAIL_WORDS = 6
# Words between a cue and the quotation it introduces: "told reporters on Monday:".
ASIDE_WORDS = 4


@dataclass(slots=True)
class _Draft:
    """An attribution being assembled: its content grows as the parts of a quotation join."""

    content: Span
    who: Said
    cue: Cue | None
    quotes: list[int] = field(default_factory=list)


def full_span(s: Stretch) -> Span:
    """A stretch with its quote marks."""
    start = s.opened if s.opened is not None else s.span.start
    return Span(start, s.closed + 1 if s.closed is not None else s.span.end)


def _introduces(text: str, a: int, b: int) -> bool:
    """Whether the words between a cue and a quotation only hand over to it: punctuation and
    a few words of audience or time, ending in a colon or comma ("told reporters:")."""
    gap = text[a:b] if a <= b else ""
    if "\n" in gap or len(gap.split()) > ASIDE_WORDS:
        return False
    return not gap.strip() or gap.rstrip()[-1:] in ":,"


def adjacent(text: str, cue: Cue, quoted: Sequence[tuple[int, Span]], sentence: Span) -> list[int]:
    """The quotations a cue's clause follows ("“…,” said X") or introduces, with any listed
    after the first ("declaring: “…”, “…” and “…”")."""
    start, end = cue.clause.start, cue.clause.end
    after = [(k, q) for k, q in quoted if end <= q.start < sentence.end + 2]
    introduced = bool(after) and _introduces(text, end, after[0][1].start)
    # A quotation of several sentences may end in the sentence before ("… to lose!” Okafor
    # posted"): only the marks and punctuation may stand between it and the cue's clause.
    before = [(k, q) for k, q in quoted if sentence.start - 3 <= q.end <= start]
    if (
        before
        and not text[before[-1][1].end : start].strip(_PUNCT)
        and _stands_alone(text, before[-1][1])
    ):
        # "“… hold.” Mayor Marrant called it …" starts a new sentence; "“… hold?” she asked"
        # and "“…,” said Marrant" do not. A question or cry before a cue that hands over to
        # a quotation of its own ("“Why now?” Mills then writes back, “…”") is not its.
        last = stop_before(text, before[-1][1].end)
        opener = text[start : cue.clause.end]
        own = last in {"?", "!"} and introduced and opener[:1].isupper()
        # "“… not true.” He said Roe would not go far enough": a cue opening a new sentence
        # with a clause of its own reports that clause, not the quotation before it.
        own = own or (last == "." and cue.content is not None and cue.content.start > cue.cue.end)
        if not own and (
            last != "." or opener[:1].islower() or text[cue.cue.start : cue.cue.end] in opener[:12]
        ):
            return [before[-1][0]]
    if not introduced:
        return []
    out = [after[0][0]]
    for (_k, q), (k2, q2) in pairwise(after):
        if text[q.end : q2.start].strip(" ,;") not in {"", "and", "or"}:
            break
        out.append(k2)
    return out


def _stands_alone(text: str, q: Span) -> bool:
    """Whether a quotation opens its sentence, or follows a colon or comma, rather than being
    a fragment of the reporter's words ("happy to be Iowa’s “silver standard,” says …")."""
    lead = text[: q.start].rstrip()
    return not lead or lead[-1] in '.!?:,;\n”"’—–-('


def _kind(
    text: str, content: Span, quoted: Sequence[Span], cue: Span | None = None
) -> AttributionKind:
    """``direct`` when the content is quotations only (its cue may stand between two parts),
    ``mixed`` when the reporter's words frame quoted ones or stand between them ("admitted
    “one or two lapses” where funds had “slipped through”"), ``indirect`` when none is
    quoted."""
    inside = [q for q in quoted if content.start <= q.start and q.end <= content.end]
    if not inside:
        return "indirect"
    lead = text[content.start : inside[0].start].strip(_PUNCT + "\n")
    tail = text[inside[-1].end : content.end].strip(_PUNCT + ".\n")
    between = any(
        text[a.end : b.start].strip(_PUNCT + ".\n")
        and not (cue is not None and a.end <= cue.start < b.start)
        for a, b in pairwise(inside)
    )
    return "mixed" if lead or tail or between else "direct"


def _as_printed(text: str, cue: Cue) -> Said:
    """A source the article does not resolve ("they", with no one named before): as written,
    unless it is an article alone ("The also said …", where an editor dropped the noun)."""
    assert cue.source is not None
    if cue.source.of(text).strip().lower() in {"the", "a", "an"}:
        return Said(None, None, cue.word)
    return Said(cue.source.of(text), cue.source, cue.word)


class _Assembly:
    """The drafts of one article, and which draft holds each quotation."""

    def __init__(self, text: str, stretches: Sequence[Stretch], speech: Sequence[bool]) -> None:
        self.text = text
        self.stretches = stretches
        self.full = [full_span(s) for s in stretches]
        self.quoted = [(k, self.full[k]) for k in range(len(stretches)) if speech[k]]
        self.drafts: list[_Draft] = []
        self.owner: dict[int, _Draft] = {}
        self.vetoed: set[int] = set()
        self.mute: set[int] = set()
        self.intros: list[tuple[Span, Cue]] = []

    def inside_quote(self, at: int) -> bool:
        return any(q.start < at < q.end for _k, q in self.quoted)

    def add_cue(self, cue: Cue, sentence: Span, speakers: Speakers) -> None:
        if cue.source is not None and not any(c.isalnum() for c in cue.source.of(self.text)):
            return  # a stray mark taken for the subject ("Juror No. 12": "."): the rules read it
        listed = adjacent(self.text, cue, self.quoted, sentence)
        content = cue.content
        if listed and self._second_cue(cue, listed[0]):
            listed = []
        before = bool(listed) and self.full[listed[0]].end <= cue.clause.start
        colon = bool(listed) and ":" in self.text[cue.clause.end : self.full[listed[0]].start]
        if listed and (content is None or before or colon):
            # A quotation right before its cue ("“…,” he told the Times") or after its colon
            # ("he warned: “…”") is what was said, whatever clause the parse hung on the cue.
            content = Span(self.full[listed[0]].start, self.full[listed[-1]].end)
        if content is None:
            self.intros.append((sentence, cue))
            if cue.source is not None and cue.named:
                # "Harbourmaster Okafor had this to say …": whom a later "she replied" means.
                who = speakers.of_mention(cue.source, cue.word, True)
                if who is not None:
                    speakers.heard(cue.cue.start, who)
            return
        touched = [k for k, q in self.quoted if q.start < content.end and content.start < q.end]
        if cue.quoted_only and not touched:
            return  # praise or blame with no one's words quoted in it
        for k in touched:
            q = self.full[k]
            content = Span(min(content.start, q.start), max(content.end, q.end))
        if cue.source is None:
            self.vetoed.update(touched)
            self.mute.update(touched)
            return
        if any(d.content == content for d in self.drafts):
            return  # two cues of one attribution ("said, noting …" around one quotation)
        who = None
        if cue.antecedent is not None:
            who = speakers.of_mention(cue.antecedent, cue.word, True)
            pronoun = cue.source.of(self.text).lower().split()[-1]  # "even she"
            if who is not None and speakers.other_sex(who, pronoun):
                who = None  # "he" bound to a name the article shows to be a woman's
        who = who or speakers.of_mention(cue.source, cue.word, cue.named)
        who = who or _as_printed(self.text, cue)
        speakers.heard(cue.cue.start, who)
        self.drafts.append(_Draft(content, who, cue))

    def _second_cue(self, cue: Cue, k: int) -> bool:
        """Rule "a second cue keeps its clause": in "“…,” she said, adding that …" the
        quotation is the first cue's, and "adding" reports its own clause after it."""
        if cue.content is None or cue.content.start < cue.cue.end:
            return False
        q = self.full[k]
        return q.end <= cue.cue.start and any(
            d.cue is not None and q.end <= d.cue.cue.start < cue.cue.start for d in self.drafts
        )

    def cut_at_next(self) -> None:
        """A content ends where the next sentence's attribution begins: the model's sentence
        may run on past a closing quote mark (“…” Okafor says, “…”)."""
        for d in self.drafts:
            for d2 in self.drafts:
                if d2 is d or d2.cue is None:
                    continue
                at = min(d2.cue.clause.start, d2.content.start)
                if not d.content.start < at < d.content.end:
                    continue
                before = self.text[d.content.start : at].rstrip()
                if before and before[-1] in '.!?”"’' and at > (d.cue.cue.end if d.cue else 0):
                    d.content = Span(d.content.start, d.content.start + len(before))

    def add_label(self, content: Span, label: Span, speakers: Speakers) -> None:
        """A headline's label ("…: Coastal Authority") credits its claim."""
        if any(d.content.start <= content.start < d.content.end for d in self.drafts):
            return
        who = speakers.of_mention(label, "headline", True)
        if who is None or not who.named:
            return
        for _k, q in self.quoted:
            if q.start < content.end and content.start < q.end:
                content = Span(min(content.start, q.start), max(content.end, q.end))
        speakers.heard(label.start, who)
        cue = Cue(label, "headline", label, content, label, True)
        self.drafts.append(_Draft(content, who, cue))

    def add_view(self, cue: Cue, speakers: Speakers) -> None:
        """A view held (``views.py``), read after all speech so that it changes none of it: it
        owns no quotation, ends no content, and no later pronoun is resolved by it; a view
        whose words an attribution of speech already gives is that attribution."""
        content = cue.content
        if content is None or cue.source is None or self.inside_quote(cue.cue.start):
            return
        if any(d.content == content for d in self.drafts):
            return  # "praised the pilot as “…”": the quotation's speech says it
        who = speakers.of_mention(cue.source, cue.word, cue.named) or _as_printed(self.text, cue)
        self.drafts.append(_Draft(content, who, cue))

    def settle_owners(self) -> None:
        """Each quotation belongs to the narrowest attribution whose content holds it: in
        "police say that Moor told them the fire was “…”", Moor's."""
        for k, q in self.quoted:
            holders = [
                d for d in self.drafts if d.content.start <= q.start and q.end <= d.content.end
            ]
            if holders:
                d = min(holders, key=lambda d: d.content.end - d.content.start)
                self.owner[k] = d
                d.quotes.append(k)

    def introduced(self, speakers: Speakers) -> None:
        """A quotation that opens right after a sentence whose cue said nothing of its own
        ("After the vote, Okafor spoke outside the town hall. “We are grateful …”") is what that
        cue introduced."""
        for sentence, cue in self.intros:
            if len(self.text[cue.clause.end : sentence.end].split()) > INTRO_TAIL_WORDS:
                continue  # the cue is not what the sentence ends on
            rest = self.text[sentence.end :]
            nxt = next(
                (k for k, q in self.quoted if q.start >= sentence.end and k not in self.owner),
                None,
            )
            if nxt is None or cue.source is None:
                continue
            gap = rest[: self.full[nxt].start - sentence.end]
            if gap.strip() or gap.count("\n") > 2:
                continue
            who = speakers.of_mention(cue.source, cue.word, cue.named)
            if who is None or not who.named:
                continue
            d = _Draft(self.full[nxt], who, cue, [nxt])
            self.owner[nxt] = d
            self.drafts.append(d)

    def by_rule(self, said: Sequence[Said]) -> None:
        """Quotations no cue holds: joined to the part before, or the quote rules' speaker."""
        for k, q in self.quoted:
            if k in self.owner or k in self.vetoed:
                continue
            prev = self.owner.get(k - 1)
            if prev is not None and self._goes_on(prev, k, said[k]):
                self._join(prev, k)
            elif prev is not None and said[k].speaker is None and self._carried_over(k):
                # a quotation carried over a paragraph break is the same speaker's words
                self._join(prev, k)
            elif said[k].speaker is not None:
                d = _Draft(q, said[k], None, [k])
                self.owner[k] = d
                self.drafts.append(d)

    def _carried_over(self, k: int) -> bool:
        """Quotation ``k`` goes on from the one before over a paragraph break: marked so, or
        the one before has no closing mark and this one no opening mark."""
        a, b = self.stretches[k - 1], self.stretches[k]
        if b.continues:
            return True
        return a.closed is None and b.opened is None and b.paragraph == a.paragraph + 1

    def _goes_on(self, prev: _Draft, k: int, rule: Said | None) -> bool:
        """Whether quotation ``k`` carries on the attribution that holds the one before it."""
        a, b = self.stretches[k - 1], self.stretches[k]
        if a.paragraph != b.paragraph or prev.content.end != self.full[k - 1].end:
            return False
        gap = Span(self.full[k - 1].end, self.full[k].start)
        if len(gap.of(self.text).split()) > JOIN_GAP_WORDS:
            return False
        if sentence_ends(gap.of(self.text)):
            # Rule "the reporter speaks again": the next quotation sits in a later sentence
            # with the reporter's words before it ("…,” Ruiz said. Lamb, her deputy: “…”"),
            # so the cue before it carries no further (a quotation that opens its own
            # sentence leaves no words there, and no sentence end is found).
            return False
        if any(d is not prev and gap.start <= d.content.start < gap.end for d in self.drafts):
            return False
        cue_between = prev.cue is not None and gap.start <= prev.cue.cue.start < gap.end
        ended = stop_before(self.text, self.full[k - 1].end) in {".", "?", "!"}
        if ended and not cue_between and any(c.isalnum() for c in gap.of(self.text)):
            # ("“Can happen when you’re 45.” She is 45. “You know …”": a sentence of the
            # reporter's own stands between, and no cue of this attribution is in it)
            return False
        if rule is None:
            return True
        return cue_between or rule.speaker == prev.who.speaker

    def _join(self, d: _Draft, k: int) -> None:
        d.content = Span(d.content.start, max(d.content.end, self.full[k].end))
        d.quotes.append(k)
        self.owner[k] = d

    def records(self) -> tuple[Attribution, ...]:
        spans = [q for _k, q in self.quoted]
        out = [
            Attribution(
                d.content,
                _kind(self.text, d.content, spans, d.cue.cue if d.cue else None),
                d.who.speaker,
                d.cue.source if d.cue else d.who.span,
                d.cue.word if d.cue else d.who.cue,
                d.cue.cue if d.cue else None,
                d.who.named,
                d.cue is not None and d.cue.view,
            )
            for d in self.drafts
        ]
        return tuple(sorted(out, key=lambda a: (a.span.start, a.span.end)))


@dataclass(frozen=True, slots=True)
class Reading:
    """What an article's speech comes to: its attributions, each stretch's speaker (None where
    no one is said to speak it), and the stretches that are quoted but no one's speech
    (words on a placard, the writer's own)."""

    attributions: tuple[Attribution, ...]
    speakers: tuple[Said | None, ...]
    mute: frozenset[int]


def attributions(
    text: str,
    stretches: Sequence[Stretch],
    speech: Sequence[bool],
    partial: Sequence[bool],
    speakers: Speakers,
    cues: Sequence[tuple[Span, Cue]],
    parsed: Sequence[Span] = (),
    labels: Sequence[tuple[Span, Span]] = (),
) -> Reading:
    """The article's attributions and who speaks each quoted stretch.

    ``speech`` marks the stretches that may be speech (not titles or subheads), ``partial``
    those inside the reporter's sentence; ``cues`` are the parse's cues, each with its
    sentence, in text order, and ``parsed`` every sentence read for them; ``labels`` the
    headlines' (claim, label) pairs (``labels.py``). The cues are read
    first, so that the quote rules resolve a pronoun against the speakers the parse found;
    a fragment in a parsed sentence is attributed by the parse alone, since the rules read
    its sentence by pattern and the parse has read it whole.
    """
    work = _Assembly(text, stretches, speech)
    for sentence, cue in cues:
        if cue.view:
            continue  # views are read last (``add_view``)
        if not work.inside_quote(cue.cue.start):  # a speaker's own "they said": not the reporter's
            work.add_cue(cue, sentence, speakers)
    for content, label in labels:
        work.add_label(content, label, speakers)
    work.cut_at_next()
    work.settle_owners()
    work.introduced(speakers)
    said = speakers.of_stretches()
    starts = sorted(p.start for p in parsed)
    ends = {p.start: p.end for p in parsed}
    for k, s in enumerate(stretches):
        i = bisect_right(starts, s.span.start) - 1
        if partial[k] and i >= 0 and s.span.start < ends[starts[i]] and not said[k].named:
            # A fragment the parse has read whole and not attributed: the rules may name
            # its speaker, not describe one from a pattern ("The closure follows a warning …").
            work.vetoed.add(k)
    work.by_rule(said)
    speaker: list[Said | None] = [None] * len(stretches)
    for k, d in work.owner.items():
        speaker[k] = d.who
    for _sentence, cue in cues:
        if cue.view:
            work.add_view(cue, speakers)
    return Reading(work.records(), tuple(speaker), frozenset(work.mute))
