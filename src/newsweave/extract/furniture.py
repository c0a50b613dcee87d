"""Signals that one paragraph is page furniture rather than article text.

Each rule looks at a single paragraph and is true of news pages in general: widgets, captions,
credits and teaser stamps are worded the same way across outlets. A rule returns the reason
that ends up in ``Article.removed``; the reasons are short and plain so a reader can judge them.
"""

from __future__ import annotations

import re

from newsweave.extract.captions import caption_reason
from newsweave.text.stems import words

__all__ = ["caption_reason", "furniture_reason", "is_truncated"]

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
        # "Read or Share this story: https://…" closes regional US news pages.
        ("share widget", r"^read or share this story\b", 15),
        (
            "subscription prompt",
            r"\bsubscribe\b|\bsign up\b|\bnewsletters?\b|\bin your inbox\b|"
            r"\bto your inbox\b|\bstay informed\b|\bnews (alerts?|emails?)\b|"
            r"\bbecome a (member|subscriber)\b|\bby subscribing\b",
            25,
        ),
        # A newsletter box's small print runs long: "By signing up you agree to receive …".
        (
            "subscription prompt",
            r"\bby signing up,? you agree\b|\byou can unsubscribe at any time\b",
            80,
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
            r"\b(accept|consent)\b.*\bcookies?\b|^privacy (overview|settings|preferences)\W*$",
            40,
        ),
        # A consent banner's text runs long, but opens by saying it: "This website uses cookies
        # to …", "We use cookies and other tracking technologies to …".
        (
            "cookie notice",
            r"^(this (web)?site|our (web)?site|we|[\w.&' -]{2,40}) (uses?|may use) cookies\b",
            150,
        ),
        # Comment sections: "As you comment, please be respectful …".
        (
            "comment widget",
            r"\bcomment(s|ing|ers)?\b.{0,80}\b(be respectful|civil|submission guidelines)\b|"
            r"\bsubmission guidelines\b|\bcommunity (guidelines|standards)\b",
            60,
        ),
        (
            "advertisement",
            r"^(advertisement|advertising|advert|\[?ad\]?|"
            r"sponsored( content| articles?| stories| links)?|"
            r"promoted( content| stories)?|paid (content|post)|partner content|"
            r"story continues below|story continued below|"
            r"advertisement continue reading the main story)\W*$",
            4,
        ),
        (
            "link to more",
            r"^(read|see|show|load|view) (more|all|the (full|rest))\b|^click here\b|"
            r"^continue reading\b",
            12,
        ),
        ("link to more", r"^(more|related|recommended|trending|popular|latest)( \w+){0,2}\W*$", 3),
        ("link to more", r"^most (popular|read|viewed|shared|emailed|watched)\b\W*$", 3),
        # "Read next <headline> <headline>" (magazines print the teaser's title twice), "More
        # from Arts & Entertainment:", "For AP's complete coverage of …: https://…", a "►"
        # or "»" bullet before another story's headline.
        ("link to more", r"^read next\b|\bread more$", 45),
        # "Listen to the full interview:", "Watch the announcement:": a lead-in to a player.
        ("link to media", r"^(listen|watch)( to)?\b[^.]{0,100}:$", 20),
        ("link to more", r"^more from\b[^.]{0,60}:$", 8),
        (
            "link to more",
            r"^for (\S+ ){0,3}(more|complete|full|latest)\b[^.]{0,80}\bcoverage\b",
            25,
        ),
        ("link to more", r"^[►▶▸»›→]\s*\S", 30),
        # "[Forecast: rain likely for the Fourth]": a bracketed headline links to another story.
        ("link to more", r"^\[[^\[\]]{8,250}\]$", 45),
        ("bare link", r"^(https?://|www\.)\S+$", 60),
        # Wire taglines and contributor notes: "Associated Press writer Jane Roe contributed
        # to this report.", "Contributing: The Associated Press".
        (
            "credit line",
            r"\bcontributed (to )?(this|the) report\b|\bcontributing to this report\b|"
            r"^contributing\s*:",
            80,
        ),
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
        # "Page 1 of 1" on printable and paginated pages.
        ("page number", r"^page \d+ of \d+\W*$", 5),
        # "Story highlights …": the summary box above US broadcasters' and papers' articles
        # repeats what the article says.
        ("story highlights box", r"^story highlights\b", 80),
        (
            "reader-tip prompt",
            r"\bwe want to hear from you\b|\b(story idea|news tip|got a tip|send (us )?a tip)\b",
            20,
        ),
        (
            "copyright notice",
            r"©|\ball rights reserved\b|^copyright\b|\bsubject to copyright\b",
            30,
        ),
        (
            "follow prompt",
            r"^follow (us|@|the (author|writer|reporter)|this (author|writer|reporter))|"
            r"\bfollow us on\b|\bjoin us on\b",
            15,
        ),
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

# What a writer's job is called, in a byline ("Jane Roe, Technology editor") and in the note
# about the writer that closes a page ("Jane Roe is a senior reporter at …").
WRITER_JOBS = (
    "editor|correspondent|reporter|writer|columnist|contributor|producer|journalist|"
    "blogger|publisher|host"
)

# Rules where capitals matter, each with the most words a paragraph may have.
_CASED: tuple[tuple[str, re.Pattern[str], int], ...] = tuple(
    (reason, re.compile(pattern), max_words)
    for reason, pattern, max_words in (
        # "Roe reported from Raleigh, and Doe reported from Paris.": a wire story's last line.
        (
            "credit line",
            r"^(?!(He|She|It|They|We|I) )[A-Z][a-z'’-]+(?: and [A-Z][a-z'’-]+)? "
            r"reported from [A-Z]",
            30,
        ),
        # "TESLA STOCK: Shares rise despite probe", "OPINION: …", "PREVIOUS STORIES:": a label
        # in capitals before another story's headline (a dateline is followed by a sentence).
        ("link to more", r"^[A-Z][A-Z'’&.]+(?: [A-Z][A-Z'’&.]+){0,2}:(?:\s+\S.*[^.])?$", 22),
        # "Jane Roe, Technology editor": a byline with the writer's job instead of a "By".
        (
            "byline",
            r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}, (?:[A-Z][\w&]+ ){0,3}"
            rf"(?i:{WRITER_JOBS})$",
            10,
        ),
        # A comment section's heading, which quotes the article's title: "6 thoughts on “…”".
        ("comment widget", r"^\d+ (?i:thoughts|responses|replies|comments) (?i:on|to)\b", 40),
        # A pull quote: quoted words and the speaker's name and post, with no "said" — the
        # article prints the quote again where it belongs.
        (
            "pull quote",
            r"^[“\"][^“”\"]{10,300}[”\"]\s+[A-Z][\w.'’-]*(?:\s[A-Z(][\w.'’()-]*){1,6}"
            r"(?:,\s[^!?]{1,80}[^.!?])?$",
            70,
        ),
    )
)

# A paragraph that reports speech is article text even when it names a widget ("He told
# readers to subscribe", "did not respond to a request for comment").
_REPORTED = re.compile(r"[\"“”]|\b(said|says|told|according to|asked)\b", re.IGNORECASE)

# Teaser stamps in listings: "2 hours ago", "1 day ago", "Updated 5 min ago", "just now".
_RELATIVE_TIME = re.compile(
    r"^(updated:?\s*|published:?\s*)?((\d+|an?|one)\s+(sec(ond)?|min(ute)?|h(ou)?r|day|week|month|year)s?"
    r"\s+ago|just now)\W*$",
    re.IGNORECASE,
)
# A form-field label: "*code confirming note", "Name*", "Email *": the asterisk marks a required
# field of a comment or contact form.
_FORM_LABEL = re.compile(r"^\*\s*\w|\w\s*\*$")


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
    for reason, pattern, max_words in _CASED:
        if len(toks) <= max_words and pattern.search(text):
            return reason
    return None


def is_truncated(text: str) -> bool:
    """A teaser or image description cut off with an ellipsis ("… a Combined Joint ...")."""
    t = text.rstrip()
    return (t.endswith("...") or t.endswith("…")) and not t.rstrip(".… ").endswith(("”", '"', "’"))
