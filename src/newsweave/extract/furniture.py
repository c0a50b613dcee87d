"""Signals that one paragraph is page furniture rather than article text.

Each rule looks at a single paragraph and is true of news pages in general: widgets, captions,
credits and teaser stamps are worded the same way across outlets. A rule returns the reason
that ends up in ``Article.removed``; the reasons are short and plain so a reader can judge them.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# Widget and call-to-action phrases, each with the most words a paragraph may have for the
# phrase to mark it: a long paragraph that mentions "comments" or "subscribe" is a sentence about
# them, not the widget itself, and a one-word command ("Share") is only a widget when it stands
# nearly alone.
_PHRASES: tuple[tuple[str, re.Pattern[str], int], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE), max_words)
    for reason, pattern, max_words in (
        (
            "share widget",
            r"^(share|tweet|e-?mail|print|copy link|whatsapp|facebook|twitter|"
            r"linkedin|pin it)\b",
            6,
        ),
        ("share widget", r"\bshare (this|on|via)\b", 10),
        (
            "subscription prompt",
            r"\bsubscribe\b|\bsign up\b|\bnewsletters?\b|\bin your inbox\b|"
            r"\bto your inbox\b|\bstay informed\b|\bnews alerts?\b|"
            r"\bbecome a (member|subscriber)\b",
            25,
        ),
        (
            "comment widget",
            r"^(\d+\s+)?comments?\b|\bcomments?\s*\(\d+\)|\(\d+\)\s*comments?\b|"
            r"\bleave a (reply|comment)\b|\bpost a comment\b|email address will not be published|"
            r"\brequired fields\b|\bfill (in )?the fields\b|\bjoin the (conversation|discussion)\b",
            25,
        ),
        (
            "cookie notice",
            r"\bcookies?\b.*\b(use|accept|consent|policy|settings)\b|"
            r"\b(accept|consent)\b.*\bcookies?\b",
            40,
        ),
        (
            "advertisement",
            r"^(advertisement|advertising|\[?ad\]?|sponsored( content| articles?| stories| links)?|"
            r"promoted( content| stories)?|paid (content|post)|partner content|"
            r"story continues below)\W*$",
            4,
        ),
        (
            "link to more",
            r"^(read|see|show|load|view) (more|all|the (full|rest))\b|^click here\b|"
            r"^continue reading\b",
            12,
        ),
        ("link to more", r"^(more|related|recommended|trending|popular|latest)( \w+){0,2}\W*$", 3),
        (
            "link to more",
            r"^(related|also read|read also|see also|more on this|you may also like|"
            r"most read|further reading|watch|listen)\s*[:|]",
            25,
        ),
        (
            "app or browser prompt",
            r"\b(best experience|open in (the )?app|mobile browser|"
            r"download (our|the) app|enable javascript|update your browser)\b",
            15,
        ),
        ("site search", r"^search\b", 4),
        (
            "reader-tip prompt",
            r"\bwe want to hear from you\b|\b(story idea|news tip|got a tip|send (us )?a tip)\b",
            20,
        ),
        ("copyright notice", r"©|\ball rights reserved\b|^copyright\b", 30),
        ("follow prompt", r"^follow (us|@)|\bfollow us on\b|\bjoin us on\b", 15),
        (
            "site navigation",
            r"^(skip to (main )?content|back to top|home|menu|log ?in|sign ?in|register|"
            r"next article|previous article|next|previous)\W*$",
            4,
        ),
        (
            "section label",
            r"^(top stories|breaking( news)?|live( updates)?|developing( story)?|"
            r"exclusive|opinion|analysis|just in)\W*$",
            3,
        ),
    )
)

# A paragraph that reports speech is article text even when it names a widget ("He told
# readers to subscribe", "did not respond to a request for comment").
_REPORTED = re.compile(r"[\"“”]|\b(said|says|told|according to|asked)\b", re.IGNORECASE)

# "Photo: …", "Image: …", "Caption: …": the caption of an image or video, printed as text.
_CAPTION_PREFIX = re.compile(
    r"^(photo|photos|image|picture|caption|file photo|photograph|video|graphic|illustration|"
    r"gallery|pictured|above|top|main image)\s*(\(.{0,40}\))?\s*[:|]",
    re.IGNORECASE,
)
# "Credit: ASSOCIATED PRESS", "Photo credit: …".
_CREDIT_PREFIX = re.compile(r"^((photo|image) )?credits?\s*:", re.IGNORECASE)
# A photo credit at the end of a caption: "(AP Photo/Aaron Favila)", "(Joshua Roberts/Reuters)",
# "(Sgt. Adrian Cadiz/USAF, files)": a short parenthesis with a slash between name and agency.
_SLASH_CREDIT = re.compile(r"\((?:[^()/]{2,60})/(?:[^()/]{2,40})\)\W*$")
# "(Photo by … via Getty Images)", "(Getty Images)", "Reuters/File photo".
_PHOTO_BY = re.compile(
    r"\((photo|image|picture)s? (by|via|courtesy)\b[^()]*\)|\bvia getty images\b|"
    r"^\(?(getty images|shutterstock|afp|reuters|ap photo|epa|file photo)\b[^()]{0,60}\)?$",
    re.IGNORECASE,
)
# Teaser stamps in listings: "2 hours ago", "1 day ago", "Updated 5 min ago", "just now".
_RELATIVE_TIME = re.compile(
    r"^(updated:?\s*|published:?\s*)?((\d+|an?|one)\s+(sec(ond)?|min(ute)?|h(ou)?r|day|week|month|year)s?"
    r"\s+ago|just now)\W*$",
    re.IGNORECASE,
)
# A form-field label: "*code confirming note", "Name*", "Email *": the asterisk marks a required
# field of a comment or contact form.
_FORM_LABEL = re.compile(r"^\*\s*\w|\w\s*\*$")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def furniture_reason(paragraph: str) -> str | None:
    """Why this paragraph is page furniture, or None when nothing says it is."""
    text = paragraph.strip()
    if not text:
        return "empty"
    toks = words(text)
    if not any(ch.isalpha() for ch in text):
        return "no words (counter or symbols)"
    caption = caption_reason(text)
    if caption:
        return caption
    if _RELATIVE_TIME.match(text):
        return "relative time stamp of a teaser"
    if len(toks) <= 6 and _FORM_LABEL.search(text):
        return "form field label"
    reported = _REPORTED.search(text) is not None
    for reason, pattern, max_words in _PHRASES:
        if len(toks) <= max_words and not (reported and max_words > 6) and pattern.search(text):
            return reason
    return None


def caption_reason(text: str) -> str | None:
    """Photo captions and credits, which pages print as text next to the article."""
    if _CREDIT_PREFIX.match(text):
        return "photo credit"
    if _CAPTION_PREFIX.match(text):
        return "photo caption"
    if _PHOTO_BY.search(text) or _SLASH_CREDIT.search(text):
        return "photo caption"
    return None


def is_truncated(text: str) -> bool:
    """A teaser or image description cut off with an ellipsis ("… a Combined Joint ...")."""
    t = text.rstrip()
    return (t.endswith("...") or t.endswith("…")) and not t.rstrip(".… ").endswith(("”", '"', "’"))
