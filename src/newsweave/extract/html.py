"""HTML article extraction: trafilatura's main text, then cheap rules for the furniture it keeps.

trafilatura finds the article container well; what it lets through are paragraph-sized pieces
of page furniture that news pages put inside that container: related-link teasers, newsletter
and follow prompts, photo captions and credits, reporting credits, the headline printed again.
Those are worded alike across outlets, so plain text rules catch them for microseconds a page,
where a second extraction pass would cost as much as the first. Nothing is dropped silently:
each removed paragraph stays in ``HtmlPage.blocks`` with the reason.

trafilatura runs first in its fast mode, which skips comparing its result with readability's
and justext's; that comparison only matters when the main extractor finds little, so the full
cascade runs only on pages where the fast pass kept little text (see ``_passes``).

Page metadata (title, author, date, outlet, canonical URL, description) comes from the
``<meta>`` tags and JSON-LD that news pages publish for search engines and social cards: far
cheaper than trafilatura's own metadata pass. htmldate is asked only when those say nothing
about the date.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from newsweave.extract.blocks import Block
from newsweave.extract.text import BYLINE, CREDIT, DATELINE, HEADLINE, REPEAT_TITLE
from newsweave.options import DEFAULT, Options
from newsweave.text.sentences import ENDS_ON_STOP_OR_CLOSER

if TYPE_CHECKING:
    from lxml.etree import _Element

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What one HTML page holds: its paragraphs (kept and removed) and its metadata.

    ``published`` is the date or datetime string as the page metadata give it (ISO 8601).
    ``url`` is the canonical address the page states, made absolute, else None.
    """

    blocks: tuple[Block, ...]
    title: str | None
    author: str | None
    published: str | None
    outlet: str | None
    url: str | None
    description: str | None

    @property
    def text(self) -> str:
        """The kept paragraphs, one a line."""
        return "\n".join(b.text for b in self.blocks if b.reason is None)


EMPTY_PAGE = HtmlPage((), None, None, None, None, None, None)


class Piece(NamedTuple):
    """One line of trafilatura's text with the element it came from (p, head, list, table...)."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Meta:
    """Page metadata as the page states it; ``titles`` holds every title variant it gives."""

    title: str | None = None
    titles: tuple[str, ...] = ()
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    description: str | None = None


# ---------------------------------------------------------------------------------------------
# entry point


def extract_html(html: str, *, url: str | None = None, options: Options = DEFAULT) -> HtmlPage:
    """Article paragraphs and metadata of one HTML page; never raises on junk input."""
    if not isinstance(html, str) or not html.strip():
        return EMPTY_PAGE
    try:
        tree = _parse(html)
        if tree is None:
            return EMPTY_PAGE
        meta = page_metadata(tree, url)
        alts = image_alts(tree)
        blocks: tuple[Block, ...] = ()
        for fast, precision, below in _passes(options):
            if blocks and kept_chars(blocks) >= below:
                break
            pieces = run_trafilatura(tree, url, fast=fast, precision=precision)
            candidate = label_blocks(pieces, meta, options, alts)
            if not blocks or kept_chars(candidate) > kept_chars(blocks):
                blocks = candidate
    except Exception:  # one bad page must not stop a run (DESIGN.md, "Bad input")
        LOGGER.warning("HTML extraction failed: %s", url or "<no url>", exc_info=True)
        return EMPTY_PAGE
    return HtmlPage(blocks, meta.title, meta.author, meta.published, meta.outlet, meta.url,
                    meta.description)


# A news article rarely has fewer than ~80 words: below this many characters of kept text the
# fast pass has probably missed the body, and trafilatura's full cascade (which compares its
# result with readability's and justext's) is worth its cost. On AEB any value from 400 to 800
# gives the same result; 1000 and more re-run pages the fast pass read right, and lose one.
FULL_CASCADE_BELOW = 500
# trafilatura's own floor for an extraction (its MIN_EXTRACTED_SIZE): shorter, precision mode
# has likely dropped the body of a page it was unsure of, and the default mode reads it better.
RECALL_PASS_BELOW = 250


def _passes(options: Options) -> list[tuple[bool, bool, int]]:
    """(fast, favor precision, run only when the kept text so far is shorter than this).

    Each later pass runs only when the text kept so far is that short, and its result is
    kept only when it holds more text.
    """
    precise = options.extract.html_favor_precision
    passes = [(True, precise, 0), (False, precise, FULL_CASCADE_BELOW)]
    if precise:
        passes.append((False, False, max(RECALL_PASS_BELOW, options.extract.min_article_chars)))
    return passes


def _parse(html: str) -> _Element | None:
    """An lxml tree of the page, or None when the text is not HTML at all."""
    from trafilatura.utils import load_html

    tree: _Element | None = load_html(html)
    return tree


def kept_chars(blocks: tuple[Block, ...]) -> int:
    """Characters of article text in the blocks."""
    return sum(len(b.text) for b in blocks if b.reason is None)


# ---------------------------------------------------------------------------------------------
# trafilatura


def run_trafilatura(tree: _Element, url: str | None, *, fast: bool, precision: bool
                    ) -> list[Piece]:
    """trafilatura's main text of the page (it works on a copy of the tree)."""
    from trafilatura import bare_extraction

    document = bare_extraction(tree, url=url, fast=fast, favor_precision=precision,
                               include_comments=False)
    body: _Element | None = getattr(document, "body", None)
    return pieces_of(body) if body is not None else []


def pieces_of(body: _Element) -> list[Piece]:
    """Lines of trafilatura's text output (its paragraphs), each with its top element's tag."""
    from trafilatura.xml import xmltotxt

    pieces: list[Piece] = []
    for element in body:
        kind = str(element.tag)
        for line in xmltotxt(element, False).split("\n"):
            text = unicodedata.normalize("NFC", line.strip())
            if kind == "list" and text.startswith("- "):
                text = text[2:].lstrip()  # the list marker trafilatura adds, not page text
            if text:
                pieces.append(Piece(kind, text))
    return pieces


# ---------------------------------------------------------------------------------------------
# furniture rules


def label_blocks(pieces: list[Piece], meta: Meta, options: Options = DEFAULT,
                 alts: frozenset[str] = frozenset()) -> tuple[Block, ...]:
    """Blocks in reading order, each kept or removed with the reason of the first rule that fits.

    ``alts`` are the page's image descriptions (normalised by ``norm``), which captions repeat.
    """
    titles = frozenset(norm(t) for t in meta.titles)
    author = norm(meta.author) if meta.author and len(meta.author.split()) > 1 else ""
    blocks: list[Block] = []
    section: str | None = None  # reason given to the items under a heading like "Related"
    for index, piece in enumerate(pieces):
        text = piece.text
        words = word_count(text)
        short = norm(text) if words <= _CAPTION_WORDS else ""  # titles, bylines, captions
        reason: str | None
        if len(text) < options.extract.min_paragraph_chars:
            reason = "empty"
        elif short and short in titles:
            # the headline (kept as the title), or printed again further down
            reason = REPEAT_TITLE if any(b.kept for b in blocks) else HEADLINE
        elif short and piece.kind != "head" and short in alts:
            reason = "photo caption"  # a caption printed under a photo repeats its alt text
        else:
            reason = furniture_reason(text, words)
        if reason is None and author and words <= _BYLINE_WORDS and author in short:
            # one-word "authors" in metadata are brands and agencies that articles mention,
            # hence the two-word minimum on ``author`` above
            reason = BYLINE
        if reason is None and index == 1 and piece.kind == "head" and blocks[0].reason == HEADLINE:
            # a heading right under the (removed) headline is its subheadline
            reason = "subheadline"
        if reason is None and section is not None and _listed(text, words, section):
            reason = section
        if reason is not None and (opened := _section_opener(text)) is not None:
            section = opened
        elif reason is None:
            section = None
        blocks.append(Block(text, reason))
    return tuple(blocks)


_NON_WORD = re.compile(r"[\W_]+")


def norm(text: str) -> str:
    """Text reduced to lower-case words, to compare paragraphs with titles and alt texts."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def word_count(text: str) -> int:
    """Words in the text; for scripts written without spaces (Chinese, Japanese) one word per
    eight characters, so that a long paragraph never passes for a short line."""
    return max(len(text.split()), len(text) // 8)


# captions are a sentence at most; a longer text equal to an alt text is the article's own
_CAPTION_WORDS = 40
# alt texts shorter than this are labels ("photo", "logo"), too common to mark a caption
_MIN_ALT_CHARS = 16
# a byline is a name with a few words around it ("By Jane Doe, Staff Writer")
_BYLINE_WORDS = 10


def image_alts(tree: _Element) -> frozenset[str]:
    """Normalised alt texts of the page's images."""
    return frozenset(
        n for img in tree.iter("img")
        if len(alt := img.get("alt") or "") >= _MIN_ALT_CHARS and (n := norm(alt)))


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_RELATED_LABEL = _rule(
    r"^(read more|related|related (posts|articles|stories|content|coverage)|see more|"
    r"more stories|more news|you (may|might) also like|recommended( for you)?|"
    r"most (read|popular|viewed|shared)( in [\w ]+)?|trending( now)?|don'?t miss|"
    r"popular (posts|stories|articles)|top stories|latest (news|stories)|more from [\w ]+|"
    r"leggi anche|lesen sie auch|veja também|leia também|à lire aussi)\W*$")
_TAGS_LABEL = _rule(r"^(tags|tagged|filed under|topics)\W*$")

# (reason, pattern, most words a block may have for the pattern to mark it). The limit keeps
# a paragraph that merely mentions a newsletter or Getty Images in the article: furniture is
# short and formulaic, sentences about those things are not.
_PATTERNS: tuple[tuple[str, re.Pattern[str], int], ...] = (
    # teasers for other articles lead with a label and a colon ("Read more: …", "[Related: …]")
    ("related links", _rule(
        r"^\W{0,2}(read more|related( posts?| articles?| stories| content| coverage)?|see more|"
        r"see also|also read|read also|more( on this| from \w+)?|recommended|watch|listen|"
        r"leggi anche|lesen sie auch|veja também|leia também|lire aussi|à lire aussi|lee también|"
        r"lea también)\s*[:|]"), 30),
    # a label standing alone heads a list of teasers (also a section opener, see below)
    ("related links", _RELATED_LABEL, 8),
    # "Also on example.com <headline>": a teaser naming its own site
    ("related links", _rule(r"^also on [\w-]+\.[a-z]{2,}\b"), 30),
    # "Get the latest updates right in your inbox. Subscribe to our newsletters."
    ("newsletter sign-up", _rule(
        r"\bnewsletters?\b.*\b(sign ?up|subscribe|inbox|deliver|free)\b|"
        r"\b(sign ?up|subscribe)\b.*\bnewsletters?\b|"
        r"\b(get|delivered|sent|straight|right|directly)\b[^.]{0,40}\b(in|to) your inbox\b|"
        r"^subscribe\b|\bsubscribe (now|today|here)\b"), 40),
    # paywall and membership pitches ("If you enjoyed this article … Join", "12 issues for £12")
    ("subscription offer", _rule(
        r"\bif you (enjoyed|liked|value) (this|our)\b|\bbecome a (member|subscriber|supporter)\b|"
        r"\bsupport (our|independent|quality) journalism\b|\b\d+ issues for\b|"
        r"\bsubscriptions? (service|offer)\b|\bstart your free trial\b|"
        r"\bunlimited (digital )?access\b|\bdelivered (through|to) your (letterbox|door)\b"), 60),
    # "Like this story? Share it with a friend!"
    ("share prompt", _rule(
        r"\bshare (this|it|the) (story|article|post|page)?\b.*\b(friend|facebook|twitter|email)\b|"
        r"^share (this|on|via)\b|^like this (story|article)\?"), 15),
    # social follow lines close articles ("Follow Newsbeat on Instagram, Facebook …")
    ("follow prompt", _rule(
        r"\bfollow ([\w'’@.-]+\s){0,8}on (twitter|facebook|instagram|linkedin|youtube|tiktok)\b|"
        r"\bfollow (him|her|us|them|me) @\w+"), 40),
    # a paragraph that opens with "Follow us"/"Follow @handle" is the prompt however long
    ("follow prompt", _rule(r"^follow (us|@\w+)"), 80),
    # "Have a tip? … may be reached at …", "Write to Al Root at al.root@example.com"
    ("contact line", _rule(
        r"^have a (news )?tip\b|\bmay be reached at\b|"
        r"^(e-?mail|reach|contact|write to|tweet)\b.{0,60}\b(at|on|via)\b.{0,30}(@|https?://)|"
        r"^[\w.+-]+@[\w-]+\.[\w.]+$|^(https?://)?(www\.)?twitter\.com/\w+/?$"), 40),
    # "Follow AP's coverage at https://…", "Listen: http://…": a prompt pointing at a link
    ("link prompt", _rule(
        r"^(follow|more|read|listen|download|watch|visit|click|itunes|get)\b[^.!?]*"
        r"(https?://|www\.)\S+"), 25),
    # messages of the page's scripts, frozen mid-action in the saved copy
    ("site message", _rule(
        r"^(an error (has )?occurred|something went wrong|please try again( later)?|"
        r"this (article|story) has been sent to|loading\W*$|please enable javascript)"), 12),
    ("tag list", _rule(r"^(tags|tagged|filed under|topics)\s*(:|\||$)"), 40),
    # "05/10/2018 - Posted by: … - Category: … - Tags: …": the post's filing details
    ("post details", _rule(
        r"\b(tags|categor(y|ies|ia|ie|ía)|filed under|posted in|publicado por|posted by)\s*:"), 25),
    # WordPress shortcodes ("[button link=…]Send us …[/button]") that the site failed to render
    ("unrendered shortcode", _rule(r"\[(\w+)\b[^\]]*\].*\[/\1\]"), 60),
    # "(AP Photo/Evan Vucci)", "Photo: …", "(credit: NASA)", "… via Getty Images": a credit
    # opens a caption or closes it, where a sentence about an agency would not
    ("photo credit", _rule(
        r"\((ap|afp|reuters|epa|getty|ansa|dpa|xinhua)( photo)?\s*/|\bap photo/|"
        r"\(?(photo|image|picture) (credit|courtesy)\b|\(credit:|\bphotos? ©|"
        r"^(photo|photograph|image|picture|caption|credit|pictured)s?\s*:|"
        r"\b(getty images|shutterstock)\W*$|/(getty|reuters|afp|ap|epa)( images)?\)\W*$"), 45),
    # "This copy is for your personal, non-commercial use only …"; Korean papers' "no
    # unauthorised reproduction" (무단전재) line
    ("reprint notice", _rule(
        r"\bpersonal,? non-?commercial use\b|\bpresentation-ready copies\b|"
        r"\bmay not be (re)?published, broadcast\b|무단\s*전재"), 60),
    ("copyright notice", _rule(r"^(©|\(c\)\s|copyright\b)|\ball rights reserved\b"), 40),
    # wire and staff credits at the foot of a story ("(Reporting by …; Editing by …)")
    (CREDIT, _rule(
        r"^\W?(additional )?(reporting|writing|editing|research|compiled) by\b|"
        r"\bcontributed (to )?(this )?(report|reporting|story)\b|^contributing( writers?)?:|"
        r"^with (post )?wires?\b|^staff reports?\W*$"), 50),
    ("advertisement", _rule(
        r"^(advertisement|advertising|ad|sponsored( content)?|promoted|"
        r"story continues below( advertisement)?|continue reading below)\W*$"), 4),
    ("comments prompt", _rule(
        r"^(\d+\s+)?comments?\W*$|^(show|view|load|hide) comments\b|^tell us what you think\b|"
        r"^leave a (comment|reply)\b|^join the (conversation|discussion)\b|^comments are closed\b"),
     12),
    ("reading time", _rule(
        r"^(\d+\s*min(ute)?s?\s*read|(estimated )?reading time|tempo de leitura|lesezeit|"
        r"temps de lecture|tiempo de lectura)\b"), 8),
    ("gallery link", _rule(r"^(see|view) (more|all|the) (photos|pictures|images|gallery)\W*$"), 4),
)

# what a line that only dates the page is made of: month and weekday names (English and
# Portuguese), am/pm, time zones, "updated/published … at/on", digits and punctuation
_STAMP_WORDS = _rule(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b[ap]\.?m\b\.?|\b(updated|published|posted|"
    r"last|modified|on|at|de|às|um|le|el|am|the)\b|(?-i:\b[A-Z]{2,4}\b)|"
    r"\b(segunda|terça|quarta|quinta|sexta)-feira\b|\b(sábado|domingo)\b|"
    r"\b(janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|"
    r"dezembro)\b|[\d\W_]+")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_STAMP_LEAD = _rule(r"^(updated|published|posted|last (updated|modified))\b")
# two dates or times joined like this are a period ("29 November | 20 January"): content
_RANGE = re.compile(r"[|~]| / | to | until |\b(19|20)\d\d\b.*\b(19|20)\d\d\b")


def _is_stamp(text: str, words: int) -> bool:
    """A line that only dates the page ("November 20, 2019 - 11:28 AMT", "Updated at 1:23 p.m."):
    it names a year or says updated/published, holds nothing but date words, and is no range.
    A bare clock time ("4:14 p.m.") is left alone: live blogs head their entries with one."""
    return (words <= 12 and bool(_YEAR.search(text) or _STAMP_LEAD.search(text))
            and not _RANGE.search(text) and not _STAMP_WORDS.sub("", text).strip())


# prompts speak to the reader; a line that reports speech ("she said", "told") is the
# article talking about newsletters, sharing or following, not the widget itself
_PROMPTS = frozenset({"newsletter sign-up", "subscription offer", "share prompt",
                      "follow prompt", "contact line"})
_REPORTED = _rule(r"\b(said|says|told|according to|asked)\b")


def furniture_reason(text: str, words: int) -> str | None:
    """Why one block is page furniture, judged on its own text; None when nothing says so."""
    if not any(ch.isalnum() for ch in text):
        return "separator"  # "___", "***": rules between sections carry no text
    reported: bool | None = None
    for reason, pattern, max_words in _PATTERNS:
        if words <= max_words and pattern.search(text):
            if reason in _PROMPTS:
                if reported is None:
                    reported = _REPORTED.search(text) is not None
                if reported:
                    continue
            return reason
    if _is_stamp(text, words):
        return DATELINE
    return None


# a heading that opens a list of teasers or tags, with the reason its items get
_SECTION_OPENERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_RELATED_LABEL, "related links"),
    (_TAGS_LABEL, "tag list"),
)


def _section_opener(text: str) -> str | None:
    return next((reason for pattern, reason in _SECTION_OPENERS if pattern.search(text)), None)


def _listed(text: str, words: int, section: str) -> bool:
    """Whether a line under a "Related"/"Tags" heading is one of its items: a headline-like
    line (short, no closing full stop), or for tags a comma-separated line of any length."""
    if ENDS_ON_STOP_OR_CLOSER.search(text):
        return False
    return words <= 25 or (section == "tag list" and text.count(",") >= 2)


# ---------------------------------------------------------------------------------------------
# metadata

# meta keys news pages use for each field, most trusted first
_TITLE_KEYS = ("og:title", "twitter:title", "title", "sailthru.title", "parsely-title")
_AUTHOR_KEYS = ("author", "article:author", "sailthru.author", "parsely-author", "byl",
                "dc.creator", "dcterms.creator", "article_author", "analytics:author")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "article:published",
              "datepublished", "date.published", "article.published", "pubdate", "pub_date",
              "publishdate", "publish-date", "published", "published_at", "parsely-pub-date",
              "sailthru.date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date",
              "dcterms.created", "datecreated", "article_date_original", "og:pubdate", "date")
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher")
_DESCRIPTION_KEYS = ("description", "og:description", "twitter:description")
_URL_KEYS = ("og:url", "twitter:url")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# JSON-LD types of an article: NewsArticle, BlogPosting, ReportageNewsArticle, …
_ARTICLE_TYPES = ("article", "posting", "report", "blog")


def page_metadata(tree: _Element, url: str | None) -> Meta:
    """Title, author, date, outlet, canonical URL and description as the page states them."""
    metas = _meta_tags(tree)
    ld = _json_ld_article(tree)
    outlet = _ld_name(ld.get("publisher")) or _first(metas, _SITE_KEYS)
    raw = [_ld_str(ld.get("headline")), *(metas.get(k) for k in _TITLE_KEYS),
           _element_text(next(tree.iter("h1"), None)),
           _element_text(next(tree.iter("title"), None))]
    found = [" ".join(_unescaped(t).split()) for t in raw if t]
    titles = tuple(dict.fromkeys([*found, *(_strip_site(t, outlet) for t in found)]))
    title = _strip_site(found[0], outlet) if found else None
    author = _ld_authors(ld.get("author")) or _clean_author(_first(metas, _AUTHOR_KEYS))
    published = (_date(_ld_str(ld.get("datePublished"))) or _meta_date(metas)
                 or _time_date(tree) or _htmldate(tree, url))
    description = _first(metas, _DESCRIPTION_KEYS) or _ld_str(ld.get("description"))
    canonical = _absolute(_canonical(tree) or _first(metas, _URL_KEYS), url)
    return Meta(title, titles, author, published, outlet, canonical, description)


def _meta_tags(tree: _Element) -> dict[str, str]:
    """``<meta>`` contents by lower-cased property/name/itemprop, the first of each kept;
    social handles ("@outlet") are left out, they name accounts, not things."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = " ".join((element.get("content") or "").split())
        if key and content and not content.startswith("@"):
            found.setdefault(key.strip().lower(), content)
    return found


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[k] for k in keys if k in metas), None)


def _json_ld_article(tree: _Element) -> dict[str, Any]:
    """The first JSON-LD object typed as an article, else the first one with a headline."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        try:
            objects.extend(_ld_objects(json.loads(script.text)))
        # broken JSON-LD is common, and nesting a thousand deep is an attack; either way the
        # page's other metadata remain
        except (ValueError, RecursionError):
            continue
    for obj in objects:
        types = obj.get("@type")
        names = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and any(a in t.lower() for a in _ARTICLE_TYPES) for t in names):
            return obj
    return next((o for o in objects if "headline" in o), {})


def _ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object at the top of a JSON-LD document, through lists and ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _ld_objects(data["@graph"])


def _ld_str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return _ld_str(value.get("name")) if isinstance(value, dict) else None


def _ld_authors(value: Any) -> str | None:
    items = value if isinstance(value, list) else [value]
    names = (_clean_author(_ld_name(i) or _ld_str(i)) for i in items)
    return ", ".join(dict.fromkeys(n for n in names if n)) or None


_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


def _clean_author(value: str | None) -> str | None:
    """A person's name, not a profile URL, without a leading "By"."""
    if not value or "://" in value or value.startswith("www."):
        return None
    return _BY.sub("", value).strip() or None


def _date(value: str | None) -> str | None:
    """The value if it reads as an ISO date, the form news pages' date metadata use."""
    return value.strip() if value and _ISO_DATE.match(value.strip()) else None


def _meta_date(metas: dict[str, str]) -> str | None:
    return next((d for k in _DATE_KEYS if (d := _date(metas.get(k)))), None)


def _time_date(tree: _Element) -> str | None:
    """``<time datetime>`` marked as the publication time."""
    for element in tree.iter("time"):
        if element.get("itemprop") == "datePublished" or element.get("pubdate") is not None:
            return _date(element.get("datetime"))
    return None


def _htmldate(tree: _Element, url: str | None) -> str | None:
    """htmldate's reading of the page: slower, so asked only when the metadata say nothing."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:  # htmldate reads arbitrary page text, and a date is optional
        return None
    return found if isinstance(found, str) else None


def _canonical(tree: _Element) -> str | None:
    for element in tree.iter("link"):
        href = (element.get("href") or "").strip()
        if (element.get("rel") or "").lower() == "canonical" and href:
            return href
    return None


def _absolute(link: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL, resolving a relative one against the page's address."""
    if not link:
        return None
    try:
        if base and not urlsplit(link).scheme:
            link = urljoin(base, link)
        return link if urlsplit(link).scheme in ("http", "https") else None
    except ValueError:  # "http://[::1": not a URL at all
        return None


def _element_text(element: _Element | None) -> str | None:
    if element is None:
        return None
    return " ".join("".join(str(t) for t in element.itertext()).split()) or None


_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def _strip_site(title: str, outlet: str | None) -> str:
    """A title without the outlet's name that pages add to it ("Headline | Outlet")."""
    if not outlet:
        return title
    site = _squeezed(outlet)  # "TheHill" for The Hill
    for sep in _SITE_SEPARATORS:
        head, _, tail = title.rpartition(sep)
        if head.strip() and _squeezed(tail) == site:
            return head.strip()
        first, _, rest = title.partition(sep)
        if rest.strip() and _squeezed(first) == site:
            return rest.strip()
    return title


def _squeezed(name: str) -> str:
    return norm(name).replace(" ", "")


# An entity left in a title that a page escaped twice ("&amp;#8216;" in its markup).
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")


def _unescaped(title: str) -> str:
    """A title with the entities a doubly escaped page leaves in it decoded
    ("&#8216;Harbour Lights&#8217;" shows as ‘Harbour Lights’)."""
    return unescape(title) if _ENTITY.search(title) else title
