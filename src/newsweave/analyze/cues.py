"""The words that attribute speech: verbs of saying, and how to spot their sentences cheaply.

A sentence is parsed for attributions only when one of these words stands in it (a regex over
the surface forms), so the lexicon also decides how much of an article the parser reads.
Verbs of thinking and wanting ("believes", "hopes", "plans") are left out on purpose: they
attribute a belief, not words anyone said, and a quote tool that reports them misleads.
"""

from __future__ import annotations

import re

# Verbs whose subject says the content (a clause, or a quotation next to them). Lemmas.
SPEECH = frozenset(
    """say tell add state announce declare warn deny claim insist argue explain note write
    ask reply respond answer confirm acknowledge admit urge predict tweet post report vow
    promise pledge stress emphasize emphasise conclude continue recall reiterate remark
    observe concede contend maintain allege assert testify disclose reveal complain boast
    caution charge counter retort quip joke whisper shout yell scream mutter proclaim affirm
    assure threaten hint lament mention suggest indicate recount describe agree estimate
    inform advise tout brag cry exclaim plead demand propose recommend question wonder
    speculate specify clarify signal instruct order call label brand dub speak read record
    tally point comment opine""".split()  # noqa: SIM905
)
# Verbs that attribute a view or a finding rather than words: they count only with a clause
# as their object ("Marrant believes that …", "the survey found that …"), never alone.
STANCE = frozenset(
    """think believe hope fear worry expect know find show doubt acknowledge agree
    disagree contend predict conclude argue""".split()  # noqa: SIM905
)
# Verbs of promising and asking whose content is what is promised or asked, an infinitive:
# "pledged to take his campaign to the floor", "urged Congress to act", "called on him to quit".
COMMIT = frozenset(
    """promise pledge vow threaten urge ask tell warn demand agree""".split()  # noqa: SIM905
)
# Verbs that report a figure as their object: "reported at least 16 casualties", "confirmed
# three deaths" (the object is what is reported only when it holds a number). Not "record"
# or "tally": a team or player that "recorded an 89-79 win" or "tallied 20 points" did it.
REPORTING = frozenset(
    """report announce confirm estimate say claim tell state""".split()  # noqa: SIM905
)
# Verbs that name something as something: "called the plan “reckless”", "described it as".
NAMING = frozenset({"call", "describe", "label", "brand", "dub"})
# Of those, the ones that attribute only when a clause or quotation is their object: "added
# that …" is speech, "added 12 points" is not; "continued: “…”" is, "continued to fight" not.
CONTENT_ONLY = frozenset(
    """add continue note observe describe agree estimate question wonder order charge counter
    signal maintain post report answer conclude call speak read record tally point
    comment""".split()  # noqa: SIM905
)
# Nouns that name a text an organisation issued: its words are the issuer's.
STATEMENT_NOUNS = frozenset(
    """statement release communique communiqué post tweet letter memo email e-mail
    announcement notice filing complaint lawsuit affidavit""".split()  # noqa: SIM905
)
# Nouns of findings and counts someone made: "according to figures from the Harbour Board"
# names who made them; "according to information available now" names no one.
FINDING_NOUNS = frozenset(
    """figures data information statistics numbers estimates records results count tally
    analysis analyses poll polls survey surveys study studies report reports review research
    documents""".split()  # noqa: SIM905
)
# Things that carry words without speaking them (placards, headlines): no source.
MUTE_NOUNS = frozenset(
    """sign signs placard placards banner banners poster posters slogan slogans shirt shirts
    t-shirt t-shirts caption captions headline headlines title titles graffiti sticker stickers
    label labels chant chants hashtag hashtags billboard billboards""".split()  # noqa: SIM905
)
# Irregular past forms of the lexicon's verbs.
_IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
}


def _forms(lemma: str) -> set[str]:
    """The inflected forms of a regular verb (over-generating is harmless: the parse decides)."""
    forms = {
        lemma,
        lemma + "s",
        lemma + "ed",
        lemma + "d",
        lemma + "ing",
        *_IRREGULAR.get(lemma, ()),
    }
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("sh", "ch", "ss", "x")):
        forms.add(lemma + "es")
    if re.fullmatch(r"\w*[^aeiou][aeiou][pgtb]", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "quipped", "admitted"
    return forms


_IRREGULAR.update(
    {"think": ("thought",), "know": ("knew", "known"), "find": ("found",), "show": ("shown",)}
)
# Forms that are far more often a noun, or a verb in the speaker's own words ("the state",
# "a call", "I think", "as we know"), than the reporter's cue. Measured on the AEB pages: a
# sentence they alone bring in yields a cue less than one time in seven, and the parse of
# those sentences is the cost of attribution (bench/analyze.py).
NOT_TRIGGERS = frozenset(
    """state states call order orders report post posts label labels question questions
    charge charges charging note notes demand demands hope hopes fear fears finding know
    known think find feel answer answers signal signals counter estimate estimates promise
    promises tweet tweets continue agree show expect expected point points comment
    comments""".split()  # noqa: SIM905
)
TRIGGERS = frozenset({f for lemma in SPEECH | STANCE for f in _forms(lemma)}) - NOT_TRIGGERS
# The lemma of each form of the lexicon's verbs, for sentences parsed without the lemmatizer.
LEMMAS = {
    f: lemma
    for lemma in sorted(SPEECH | STANCE | COMMIT | NAMING | {"quote"}, reverse=True)
    for f in _forms(lemma)
}
# Verbs that put out a text, in every form: "issued the following statement:" introduces the
# quotation after it, though the verb says nothing itself.
ISSUING = frozenset(
    f for lemma in ("issue", "release", "publish", "post", "send", "share") for f in _forms(lemma)
) | frozenset({"sent", "put", "puts", "putting"})
# Verbs whose infinitive is not yet said, in every form: what someone means, promises, is
# asked or refuses to say ("promised to say more on Friday", "declined to say how many",
# "urged the council to announce", "is expected to announce"). Trying is doing: "tried to
# explain why" is said.
NOT_YET = frozenset(
    f
    for lemma in """promise plan want hope expect intend urge ask decline refuse vow pledge
    threaten wish need schedule encourage invite""".split()  # noqa: SIM905
    for f in _forms(lemma)
) | frozenset({"set", "due"})
# Verbs that make their object do what the infinitive says ("led the maker to announce"), in
# every form.
CAUSING = frozenset(
    f
    for lemma in ("lead", "prompt", "force", "cause", "push", "spur", "drive", "compel")
    for f in _forms(lemma)
) | frozenset({"led", "drove", "driven", "compelled"})
# Verbs of praise, blame and mockery: speech acts whose words are quoted in their object
# ("mocked the council for “losing the plot”", "praised the pilot as “a man who never
# gave up”"). They attribute only the quoted words they hold, never a bare object ("praised
# the pilot" is not a quotation).
QUOTING = frozenset(
    f
    for lemma in """mock praise lament criticize criticise slam blast hail deride denounce condemn
    decry ridicule chant cite reference applaud thank blame dismiss scold rebuke
    reject""".split()  # noqa: SIM905
    for f in _forms(lemma)
)
_QUOTE_MARKS = ("“", '"', "‘")
_WORD = re.compile(r"[a-z]+")


def has_cue(sentence: str) -> bool:
    """Whether a sentence holds a word that may attribute speech (then it is worth parsing):
    a cue, "according to", a verb of praise or blame with a quotation, or a text put out
    that the sentence hands over to (a colon)."""
    low = sentence.lower()
    words = _WORD.findall(low)
    if not TRIGGERS.isdisjoint(words) or "according to" in low:
        return True
    if any(m in sentence for m in _QUOTE_MARKS) and not QUOTING.isdisjoint(words):
        return True
    return low.rstrip().endswith(":") and not STATEMENT_NOUNS.isdisjoint(words)
