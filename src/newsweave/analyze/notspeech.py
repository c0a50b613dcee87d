"""Quoted words that are not speech: titles of works and shows, terms, subheads, link labels.

Quote marks do more than quote in news copy: they name a show ("the quiz “Harbour Lights”"),
flag a term ("a “blue card” scheme"), set off a subhead ("‘High tide’" alone on its line) or a
linked headline ("READ MORE: ‘The pier is gone’"). None of those is anyone's
words, so none may become a quote with a speaker. Each rule below is one such use, read off
the stretch and the few words around it.
"""

from __future__ import annotations

import re

from newsweave.analyze import nlp
from newsweave.analyze.cues import MUTE_NOUNS
from newsweave.analyze.marks import Stretch
from newsweave.model import Span

# Words a title leaves in lower case ("Meet the Press", "The Audacity of Hope").
_SMALL = frozenset(
    "a an and as at but by for from in into nor of on or the to up via with de la von".split()  # noqa: SIM905
)
# Labels that put a linked headline or a video after them, not a quotation.
_LINK_LABEL = re.compile(
    r"(?:^|\n)\s*(?:read more|read|more|related|see also|watch|listen|video|photos|opinion|"
    r"analysis|recommended|also read|must read|trending|latest)\s*[:|>»–—-]\s*$",
    re.IGNORECASE,
)
# Words that introduce a name or a term rather than someone's words.
_NAMING = re.compile(
    r"\b(?:so-called|so called|dubbed|known as|called|named|nicknamed|titled|entitled|"
    r"branded|labell?ed|termed|the term|the word|the words|the phrase|the slogan|hashtag)"
    r"(?:\s+(?:a|an|the))?\s*$",
    re.IGNORECASE,
)
# Kinds of works whose title a quotation right after them gives ("his latest film,
# “Harbour Lights,” opens on Friday"), even set off by a comma as speech is.
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|book|novel|memoir|autobiography|biography|song|album|single|hit|track|"
    r"anthem|show|series|sitcom|drama|programme|program|play|musical|opera|documentary|"
    r"painting|poem|episode|podcast|column|essay|report)s?"
    r"(?:\s*,?\s*(?:including|such as|like|called|titled|entitled))?\s*[,:]?\s*$",
    re.IGNORECASE,
)
_LIST_MARK = re.compile(r"(?:\d{1,2}[.)]|[-–—•*·])")
# A list of quotations: two or more, with only commas, "and" or "or" between them.
_LIST = re.compile(r"(?:[“\"][^“”\"]{1,80}[”\"][,;]?\s*(?:(?:and|or|&)\s+)?){2,}")
_ITEM = re.compile(r"[“\"]([^“”\"]{1,80})[”\"]")
# Words that follow a quotation that goes on the reporter's sentence without being a noun it
# names ("would “respond strongly” to", "“not safe” and").
_FUNCTION = frozenset(
    """to and or of in on at for with by that as is was are were be been but than from
    if when while after before because so which who whom whose this these those it its
    their there here""".split()  # noqa: SIM905
)
_DETERMINER = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "your", "my"})
# A title is short; a longer stretch in title case is a shouted sentence.
TITLE_WORDS = 8
TERM_WORDS = 3


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'&.-]+", text)


def is_title(words: str) -> bool:
    """Title case: every word but the small ones capitalised ("Harbour Lights at Night")."""
    ws = _words(words)
    if not 0 < len(ws) <= TITLE_WORDS or words.rstrip()[-1:] in "?!":
        return False
    big = [w for w in ws if w.lower() not in _SMALL or w is ws[0]]
    return bool(big) and all(w[:1].isupper() or w[:1].isdigit() for w in big)


# Things that carry words no one speaks, just before the quotation they carry ("holding
# signs with sayings such as “…”", "a banner reading “…”", "T-shirts that said “…”").
_ON_A_SIGN = re.compile(
    rf"\b(?:{'|'.join(sorted(MUTE_NOUNS, key=len, reverse=True))})\b(?:\s+\w+){{0,5}}?\s+"
    r"(?:reading|read|reads|that\s+read|"
    r"that\s+said|saying|with\s+(?:the\s+)?(?:words?|sayings?|slogans?|messages?)"
    r"(?:\s+such\s+as)?|such\s+as|bearing|emblazoned\s+with)\s*[,:]?\s*$",
    re.IGNORECASE,
)


def _since_last_quotation(before: str) -> str:
    """The text before a quotation back to the last one's closing mark."""
    cut = max(before.rfind(m) for m in ("”", '"', "’"))
    return before[cut + 1 :] if cut >= 0 else before


def _in_list_of_titles(text: str, s: Stretch, paragraph: Span) -> bool:
    """An item of a list of quotations that are all in title case ("including “Harbour
    Lights,” “Low Tide” and “Gulls”"): speech comes in sentences, titles in lists. One item
    in sentence case ("“Free Love”, “Trial at home”" on placards) says the list is words."""
    for m in _LIST.finditer(text, paragraph.start, paragraph.end):
        if m.start() <= s.span.start < m.end():
            return all(is_title(i.group(1).rstrip(" ,;")) for i in _ITEM.finditer(m.group(0)))
    return False


def not_speech(text: str, s: Stretch, paragraph: Span, partial: bool) -> str | None:
    """Why a quoted stretch is not anyone's words, or None when it may be speech."""
    words = s.span.of(text)
    opened = s.opened if s.opened is not None else s.span.start
    closed = s.closed + 1 if s.closed is not None else s.span.end
    before = text[paragraph.start : opened]
    after = text[closed : paragraph.end]
    if _LINK_LABEL.search(before):
        return "link label"
    if _ON_A_SIGN.search(_since_last_quotation(before)):
        return "words on a sign"
    # alone on its line, or after a list's number or bullet ("3. “The pier problem”")
    marked = not before.strip() or _LIST_MARK.fullmatch(before.strip()) is not None
    alone = marked and not after.strip(" .")
    if alone and len(_words(words)) <= TITLE_WORDS and words.rstrip()[-1:] not in ".!?…":
        return "subhead"
    if is_title(words) and (_WORK_BEFORE.search(before) or _in_list_of_titles(text, s, paragraph)):
        return "title"
    if is_title(words) and _names_a_noun(words, after):
        return "title"  # "the “Harbour Lights” actress": a work's name modifying a noun
    if not partial:
        return None
    if is_title(words):
        return "title"
    if _NAMING.search(before):
        return "term"
    nxt = _words(after[:30])
    prev = _words(before[-20:])
    if (
        len(_words(words)) <= TERM_WORDS
        and words.rstrip()[-1:] not in ",.;:!?"  # ("allies,” specifically naming": a clause ends)
        and prev
        and (prev[-1].lower() in _DETERMINER or _name_before(before) or _modifier(prev[-1]))
        and nxt
        and after[:1] == " "
        and nxt[0][:1].islower()
        and nxt[0].lower() not in _FUNCTION
    ):
        # "a “blue card” scheme", "the Kestrel “gold pass” holder": the quoted words name the
        # noun after them
        return "term"
    return None


def _names_a_noun(words: str, after: str) -> bool:
    """Quoted words with no closing punctuation, then a lower-case noun: "“Harbour Lights”
    actress", "“Sea Change” tour" (not "“Yes” he said", "“Go” was all")."""
    nxt = _words(after[:30])
    if words.rstrip()[-1:] in ",.;:!?" or after[:1] != " " or not nxt:
        return False
    w = nxt[0]
    return (
        w[:1].islower()
        and w.lower() not in _FUNCTION | _PRONOUNS
        and not nlp.verb_form(w)
        and not nlp.adjective(w)
    )


_PRONOUNS = frozenset("i you he she we they it who him her them us me".split())  # noqa: SIM905


def _modifier(word: str) -> bool:
    """A number or an adjective before the quotation, which with the noun after it makes the
    quoted words a modifier too: "its $500,000 “genius” grants", "its prestigious “genius”
    grants"."""
    if word.replace(",", "").isdigit():
        return True
    # an adjective that is no verb form: "said", "crying" and "open" also head a clause
    return word.islower() and nlp.adjective(word) and not nlp.verb_form(word)


def _name_before(before: str) -> bool:
    """A capitalised word inside the sentence just before the quotation ("MacArthur “genius
    grant” fellow"), which modifies what follows as a name does."""
    words = before.rsplit(maxsplit=2)[-2:]
    return len(words) == 2 and words[1][:1].isupper() and words[0][-1:] not in ".!?"
