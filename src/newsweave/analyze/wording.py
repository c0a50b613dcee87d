"""How a quotation is worded: its words folded for comparison, and two wordings compared.

Outlets print one utterance with different quote marks, capitals, punctuation, U.S./US,
British or American spelling ("centres"/"centers"), contractions ("don't"/"do not") and editors'
insertions in square brackets: none of that changes the words said. ``words`` keeps each printed
word with its folded form; ``compare`` lines two wordings up word by word (difflib), leaving
out the edges only one of them quotes, so a partial quote is not a change; ``flips`` names the
changes that reverse the meaning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

# Words whose presence or absence in a transcription leaves the words said intact: articles and
# the complementiser "that" ("we believe that the pumps" / "we believe the pumps").
NEUTRAL = frozenset({"the", "a", "an", "that"})
# Spelling likeness (difflib ratio) above which two different words look alike ("unmanned" /
# "unarmed" is 0.67; words of unrelated spelling are under 0.45).
LOOKALIKE = 0.6
# Words that make a statement negative: one outlet having more of them reverses the meaning.
NEGATORS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without"}
)
# Prefixes that turn a word into its opposite ("armed" / "unarmed").
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis")
# Common opposites in reported speech, both ways; inflected forms listed where they are common.
_OPPOSITES = [
    ("more", "less"),
    ("more", "fewer"),
    ("increase", "decrease"),
    ("increased", "decreased"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("before", "after"),
    ("up", "down"),
    ("win", "lose"),
    ("won", "lost"),
    ("guilty", "innocent"),
    ("allow", "ban"),
    ("accept", "reject"),
    ("accepted", "rejected"),
    ("support", "oppose"),
    ("always", "never"),
    ("all", "none"),
    ("true", "false"),
    ("yes", "no"),
    ("open", "closed"),
    ("confirm", "deny"),
    ("confirmed", "denied"),
    ("higher", "lower"),
    ("above", "below"),
    ("success", "failure"),
    ("safe", "dangerous"),
]
OPPOSITES = frozenset({*_OPPOSITES, *((b, a) for a, b in _OPPOSITES)})
# Words so common that sharing them says nothing about two sentences being one utterance.
STOP = frozenset(
    """the a an and or but of to in on at for with by from that this these those is are was were
    be been it its we our us you your they their he his she her i my me will would can could
    has have had not no as if so do does did all any""".split()  # noqa: SIM905
)

# British spellings folded into American ones, by ending ("centres" → "centers",
# "defence" → "defense", "organised" → "organized", "honour" → "honor"), and whole words
# the endings do not catch.
_SPELLING_ENDINGS = [
    ("tres", "ters"),
    ("tre", "ter"),
    ("ence", "ense"),
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
]
_SPELLING_WORDS = {
    "programme": "program",
    "programmes": "programs",
    "judgement": "judgment",
    "ageing": "aging",
    "aluminium": "aluminum",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "labelled": "labeled",
    "labelling": "labeling",
    "modelled": "modeled",
    "signalled": "signaled",
    "signalling": "signaling",
    "fuelled": "fueled",
    "levelled": "leveled",
    "counselling": "counseling",
    "jewellery": "jewelry",
    "cheque": "check",
    "kerb": "curb",
    "draught": "draft",
    "plough": "plow",
    "percent": "%",
    "pc": "%",
    "okay": "ok",
}
_NUMBER_WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
}
# Contractions spelled out, so "don't" and "do not" are one wording.
_CONTRACTIONS = {
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "not"),
    "let's": ("let", "us"),
}
_SUFFIXES = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "would"}
# "'s" is "is" after these words; after a noun it is a possessive ("Iran's") and stays.
_IS_AFTER = frozenset({"it", "he", "she", "that", "there", "what", "who", "here", "where"})
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_EDGE_PUNCT = "\"'“”‘’«»„()[]{}.,;:!?…—–-*/"


@dataclass(frozen=True, slots=True)
class Word:
    """One printed word of a quotation and what it counts as when wordings are compared.

    ``norm`` is empty for an editor's insertion in square brackets ("the [Coastal] Guard"),
    which is nobody's words; a contraction counts as two words ("don't").
    """

    shown: str
    norm: tuple[str, ...]


def _fold(word: str) -> str:
    """One word with case, edge punctuation, dots of initialisms and British spelling folded."""
    w = word.lower().strip(_EDGE_PUNCT)
    if re.fullmatch(r"[a-z](?:\.[a-z])+", w):
        w = w.replace(".", "")  # initialisms: "u.s." → "us", "u.k." → "uk"
    if w in _SPELLING_WORDS:
        return _SPELLING_WORDS[w]
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    if len(w) > 5:
        for brit, amer in _SPELLING_ENDINGS:
            if w.endswith(brit):
                return w[: -len(brit)] + amer
    return w


@lru_cache(maxsize=1 << 16)
def _norm(word: str) -> tuple[str, ...]:
    w = unicodedata.normalize("NFKC", word).translate(_QUOTES).lower().strip(_EDGE_PUNCT)
    if not w:
        return ()
    if w in _CONTRACTIONS:
        return _CONTRACTIONS[w]
    for suffix, full in _SUFFIXES.items():
        if w.endswith(suffix) and len(w) > len(suffix):
            return (_fold(w[: -len(suffix)]), full)
    if w.endswith("'s") and w[:-2] in _IS_AFTER:
        return (w[:-2], "is")
    # A hyphenated compound counts as its parts ("long-range" / "long range").
    parts = [p for p in re.split(r"[-–/]", w) if p]
    return tuple(f for f in (_fold(p) for p in parts) if f)


def words(text: str) -> list[Word]:
    """The words of a quotation, bracketed insertions marked as nobody's words."""
    out = []
    depth = 0
    for raw in text.split():
        opens, closes = raw.count("["), raw.count("]")
        inside = depth > 0 or opens > 0
        depth = max(0, depth + opens - closes)
        out.append(Word(raw, () if inside else _norm(raw)))
    return out


def flat(ws: Sequence[Word]) -> list[str]:
    """The compared words, in order."""
    return [n for w in ws for n in w.norm]


def matched(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """Words that line up between two wordings, and the longest contiguous run of them."""
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks), max((b.size for b in blocks), default=0)


@dataclass(frozen=True, slots=True)
class Comparison:
    """How one wording reads against another on the words both quote.

    ``ops`` is the word-level difference (edges that only one side quotes trimmed away: a
    partial quote is not a change); ``same`` says no word differs but articles and "that".
    """

    ops: tuple[tuple[str, Word], ...]
    same: bool


Opcode = tuple[str, int, int, int, int]


def _is_anchor(code: Opcode, a: Sequence[str]) -> bool:
    """An aligned stretch that places one wording on the other: two words, or one that is not
    a common function word (a lone "the" lines up anywhere)."""
    tag, i1, i2, _j1, _j2 = code
    return tag == "equal" and (i2 - i1 >= 2 or a[i1] not in STOP)


def _one_sided(codes: Sequence[Opcode], a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether only one side has words here, besides articles and "that"."""
    left = {t for _tag, i1, i2, _j1, _j2 in codes for t in a[i1:i2]}
    right = {t for _tag, _i1, _i2, j1, j2 in codes for t in b[j1:j2]}
    return left <= NEUTRAL or right <= NEUTRAL


def _trim_edges(codes: Sequence[Opcode], a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """The alignment without the edges that only one wording quotes.

    A partial quote starts and ends where the fuller one goes on: those words are not a
    change. Up to the first anchor, a stretch that only one side has is dropped whole; where
    both sides have words there, only what precedes the first aligned word is.
    """
    anchors = [k for k, c in enumerate(codes) if _is_anchor(c, a)]
    if not anchors:
        return list(codes)
    first, last = anchors[0], anchors[-1]
    lead, tail = list(codes[:first]), list(codes[last + 1 :])
    lead = [] if _one_sided(lead, a, b) else lead
    while lead and lead[0][0] in {"delete", "insert"}:
        lead = lead[1:]
    tail = [] if _one_sided(tail, a, b) else tail
    while tail and tail[-1][0] in {"delete", "insert"}:
        tail = tail[:-1]
    return [*lead, *codes[first : last + 1], *tail]


def compare(canonical: Sequence[Word], variant: Sequence[Word]) -> Comparison:
    """Word-level difference of a variant from the canonical wording.

    Every word of the variant appears once, in order, as "=" or "+"; the canonical wording's
    words the variant lacks appear as "-" where they stand. Words only one side quotes at the
    edges (a partial quote) and editors' bracketed insertions are not changes: the variant's
    show as "=", the canonical wording's are left out.
    """
    a = [(w, n) for w in canonical for n in w.norm]
    b = [(w, n) for w in variant for n in w.norm]
    codes = _trim_edges(
        SequenceMatcher(None, [n for _, n in a], [n for _, n in b], autojunk=False).get_opcodes(),
        [n for _, n in a],
        [n for _, n in b],
    )
    core: list[tuple[str, Word]] = []
    same = bool(codes)
    for tag, i1, i2, j1, j2 in codes:
        if tag != "equal":
            changed = {n for _, n in a[i1:i2]} | {n for _, n in b[j1:j2]}
            # An article or "that" dropped or added in transcription leaves the words said intact.
            if tag == "replace" or not changed <= NEUTRAL:
                same = False
            core.extend(("-", w) for w, _n in a[i1:i2])
        core.extend(("=" if tag == "equal" else "+", w) for w, _n in b[j1:j2])
    return Comparison(_interleave(core, variant), same)


def _interleave(
    core: Sequence[tuple[str, Word]], variant: Sequence[Word]
) -> tuple[tuple[str, Word], ...]:
    """The compared steps with the variant's other words put back in place as "=", each
    printed word once (a contraction is two compared words: "don't")."""
    out: list[tuple[str, Word]] = []
    position = {id(w): k for k, w in enumerate(variant)}
    done = 0  # variant words emitted so far
    for op, w in core:
        if op == "-":
            if not (out and out[-1][0] == "-" and out[-1][1] is w):
                out.append((op, w))
            continue
        k = position[id(w)]
        if k < done:
            continue  # the second half of a contraction
        out.extend(("=", x) for x in variant[done:k])
        out.append((op, w))
        done = k + 1
    out.extend(("=", x) for x in variant[done:])
    return tuple(out)


def flips(canonical: Sequence[Word], variant: Sequence[Word]) -> list[str]:
    """Changes that reverse what was said: a negation dropped or added, an opposite, a
    prefix that negates ("armed"/"unarmed"), or a word that looks alike but means another
    thing ("unmanned"/"unarmed", as mistranslation and autocorrect leave)."""
    cmp_ = compare(canonical, variant)
    gone = [w for op, w in cmp_.ops if op == "-"]
    new = [w for op, w in cmp_.ops if op == "+"]
    out = []
    neg_gone = [w for w in gone if set(w.norm) & NEGATORS]
    neg_new = [w for w in new if set(w.norm) & NEGATORS]
    if len(neg_gone) > len(neg_new):
        out.append(f"drops “{neg_gone[0].shown.strip(_EDGE_PUNCT)}”, which reverses the meaning")
    elif len(neg_new) > len(neg_gone):
        out.append(f"adds “{neg_new[0].shown.strip(_EDGE_PUNCT)}”, which reverses the meaning")
    for x, y in substitutions(cmp_.ops):
        kind = opposite_kind(x, y)
        if kind:
            out.append(f"has “{y}” for “{x}”, {kind}")
    return out


def substitutions(ops: Sequence[tuple[str, Word]]) -> list[tuple[str, str]]:
    """One-for-one word swaps in a diff: a run of deletions followed by as many insertions."""
    out = []
    i = 0
    while i < len(ops):
        if ops[i][0] != "-":
            i += 1
            continue
        j = i
        while j < len(ops) and ops[j][0] == "-":
            j += 1
        k = j
        while k < len(ops) and ops[k][0] == "+":
            k += 1
        dels, adds = ops[i:j], ops[j:k]
        if len(dels) == len(adds):
            for (_o1, d), (_o2, a) in zip(dels, adds, strict=True):
                out.append((" ".join(d.norm), " ".join(a.norm)))
        i = max(k, i + 1)
    return out


def opposite_kind(x: str, y: str) -> str | None:
    if (x, y) in OPPOSITES:
        return "its opposite"
    for p in NEGATING_PREFIXES:
        if x == p + y or y == p + x:
            return "the word negated by its prefix"
    if x in y or y in x:
        return None  # one word inside the other: a form of it ("munition"/"ammunition")
    prefix = len(_common_prefix(x, y))
    if prefix >= 3:
        return None  # a form of one word ("begins"/"began")
    if (
        min(len(x), len(y)) >= 5
        and abs(len(x) - len(y)) <= 2
        and SequenceMatcher(None, x, y).ratio() >= LOOKALIKE
    ):
        return "a word that looks alike but means another thing"
    return None


def _common_prefix(x: str, y: str) -> str:
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return x[:n]
