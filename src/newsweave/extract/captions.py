"""Captions, photo credits and media-player text that saved pages print as paragraphs.

A scraped page keeps the words around its pictures and players: a caption ending in an
agency's credit, a "Media playback is unsupported on your device" notice, a gallery's "1 of 14
Full Screen Autoplay", an embed box's "Copy this code to your website". They are worded
alike across outlets, so each rule below names the kind of page it was seen on and matches the
wording, not the outlet.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Agencies and picture desks that close a photo credit ("REUTERS/Steve Dipaola",
# "Justin Sullivan/Getty Images", "(Associated Press)").
AGENCY = (
    r"(?:Getty Images|GETTY IMAGES|AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Shutterstock|Bloomberg|"
    r"NurPhoto|ZUMA(?: Press| Wire)?|SIPA|Sipa|Alamy|Polaris|Redux|Pool|Associated Press|"
    r"Handout|PA|PA Wire|Rex Features|Getty|AAP|ANP|dpa|Xinhua|Anadolu(?: Agency)?)"
)

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, flags))
    for reason, pattern, flags in (
        # "Credit: ASSOCIATED PRESS", "Photo credit: …".
        ("photo credit", r"^((photo|image) )?credits?\s*:", re.IGNORECASE),
        # "Photo: …", "Image: …", "Caption: …": a caption printed as text.
        (
            "photo caption",
            r"^(photo|photos|image|picture|caption|file photo|photograph|video|graphic|"
            r"illustration|gallery|pictured|above|top|main image)\s*(\(.{0,40}\))?\s*[:|]",
            re.IGNORECASE,
        ),
        # "(Photo by … via Getty Images)", "(Getty Images)", "Reuters/File photo".
        (
            "photo caption",
            r"\((photo|image|picture)s? (by|via|courtesy)\b[^()]*\)|\bvia getty images\b|"
            r"^\(?(getty images|shutterstock|afp|reuters|ap photo|epa|file photo)\b[^()]{0,60}\)?$",
            re.IGNORECASE,
        ),
        # A credit in brackets closing a caption: "(AP Photo/Aaron Favila)", "(Photo: WXIA-TV,
        # Atlanta)" on news-agency and regional US pages.
        (
            "photo caption",
            r"\((?:[^()/]{2,60})/(?:[^()/]{2,40})\)(?:\s*\([^()/]{2,40}\))?\W*$",
            0,
        ),
        (
            "photo caption",
            r"\((photo|image|video|file photo|pictured|credit)s?\s*:[^()]{1,80}\)\W*$",
            re.IGNORECASE,
        ),
        # Public broadcasters' players: "Image copyright AFP Image caption …", "Media
        # playback is unsupported on your device", "Enlarge this image toggle caption …".
        ("photo caption", r"^(image|media) (copyright|caption)\b|^enlarge this image\b", re.I),
        ("photo caption", r"\btoggle caption\b", re.IGNORECASE),
        ("video player text", r"^media playback is unsupported\b", re.IGNORECASE),
        # "“Quote,” he said. | Jane Roe/Getty Images Headline": a magazine's lead block of pull
        # quote, photo credit and headline, joined by bars.
        (
            "photo caption",
            rf"\s\|\s+(?:[A-Z][\w.'’-]*\s){{1,4}}?[A-Z][\w.'’-]*\s?/\s?{AGENCY}\b",
            0,
        ),
        # Embed boxes and video rails of US networks: "Embed … 2:49 autoplay autoplay Copy this
        # code to your website or blog", "JUST WATCHED … Replay More Videos", a "CLOSE"
        # button and a "VPC" (video production credit) around a video's caption.
        (
            "video player text",
            r"\bcopy this code to your (website|site|blog)\b|^embed\b.{0,160}\bautoplay\b|"
            r"\bautoplay autoplay\b|^(just watched|must watch)\b|\breplay more videos\b",
            re.IGNORECASE,
        ),
        ("video player text", r"^CLOSE\s+\S|\sVPC$", 0),
        # Galleries: "1 of 14 Full Screen Autoplay Close Skip Ad", "Slideshow (6 Images)",
        # "View Photos", "Buy Photo", "Wait 1 second to continue".
        # A gallery's counter alone: "1 of 6", "Image 1 of 4", "Photo 3/12".
        (
            "photo gallery",
            r"^((image|photo|picture|slide)\s*)?\d+\s*(of|/)\s*\d+\W*$|"
            r"^(image|photo|caption|gallery)\W*$",
            re.IGNORECASE,
        ),
        (
            "photo gallery",
            r"^\d+ of \d+\b.{0,40}\b(full screen|autoplay|skip ad|close)\b|"
            r"^slideshow\s*\(\d+ (images?|photos?)\)$|\bview photos\b|\bbuy photo\b|"
            r"\bwait \d+ seconds? to continue\b",
            re.IGNORECASE,
        ),
        # A credit label closing a caption: "… on Thursday, 13 March 2025. Photo: Jane Roe/Example
        # Record", "… the harbour. Credit: Example Agency", and a newspaper's "… at
        # dawn.Credit...Jane Roe/The Example Times" (the label's dots glued to the caption).
        (
            "photo caption",
            r"[.!?”\"’)]\s*(photo|picture|image|video)s?\s*:\s*[^.:]{2,80}$|"
            r"[.!?”\"’)]\s*(photo |image )?credits?\s*(:|\.\.\.|…)\s*[^:]{2,80}$",
            re.I,
        ),
        # "This March 4, 2021, file photo provided by the Example Police shows …", "This undated
        # image shows …": the agencies' other caption opener.
        (
            "photo caption",
            r"^this\b[\w ,.'’-]{0,60}\b(photo|image|picture|photograph|frame grab)s?\b"
            r"[^.]{0,120}\bshows?\b",
            re.IGNORECASE,
        ),
        # Audio players: "Listen · 22:57 22:57".
        ("audio player text", r"\blisten\s*[·•|]\s*\d{1,2}:\d\d\b", re.IGNORECASE),
        # "In this Wednesday, Nov. 6, 2013 photo provided by …": the agencies' caption opener.
        (
            "photo caption",
            r"^in this [\w ,.]{0,60}\b(photo|image|picture|photograph|video|frame grab)s?\b",
            re.IGNORECASE,
        ),
        # "An image from …", "A still from …": a caption naming what the picture is.
        (
            "photo caption",
            r"^an? (image|photo|still|screenshot|screengrab|picture) (from|of)\b",
            re.IGNORECASE,
        ),
    )
)
# A bare credit that closes a caption after its last sentence: "… National Mall. AP",
# "… the reservoir. REUTERS/Jane Roe", "… at dawn.Jane Roe/Example Times/Getty Images" (prose
# never ends on an agency's name without a stop).
_TRAILING_CREDIT = re.compile(
    rf"[.!?…”\"’]\s*(?:{AGENCY}(?:\s*/[^/]{{1,60}}){{0,3}}|"
    rf"(?:[A-Z][^/.!?]{{1,40}}/\s*){{1,3}}{AGENCY})$"
)
# "Tom Bergeron, host of “A Capitol Fourth.” (Capital Concerts)", "… The ruling...
# (Associated Press)": a closing bracket of a few capitalised words right after a sentence's
# end or a cut-off, on a short paragraph, is a picture desk's credit under a caption; inside
# prose a bracket follows a word ("the Islamic State group (IS)"), and a wire story's last
# paragraph with a "(Reuters)" tag is longer than a caption.
_BRACKET_CREDIT = re.compile(r"[.…”\"’]\s*\((?:[A-Z][\w&'’.-]*\s?){1,5}\)$")
_CUT_BEFORE_BRACKET = re.compile(r"(\.\.\.|…)\s*\([^()]*\)$")
CAPTION_WORDS = 15
# A line that is only a credit: "Getty Images / JANE ROE / Contributor", "REUTERS/Jane Roe",
# "Jane Roe/Getty Images".
_CREDIT_LINE = re.compile(rf"^(?:[^/]{{1,60}}/\s*)?{AGENCY}(?:\s*/[^/]{{1,60}}){{0,3}}$")
# Newsroom initials and agencies closing an article: "mkg/msh (AFP, dpa, AP)".
_INITIALS_CREDIT = re.compile(r"^[a-z]{2,4}(?:/[a-z]{2,4})+\s*(?:\([^()]{1,60}\))?$")


def caption_reason(text: str) -> str | None:
    """Why a paragraph is a caption, a credit or a player's text; None when nothing says so."""
    for reason, pattern in _RULES:
        if pattern.search(text):
            return reason
    if len(words(text)) <= 12 and (_CREDIT_LINE.match(text) or _INITIALS_CREDIT.match(text)):
        return "photo credit"
    if _TRAILING_CREDIT.search(text):
        return "photo caption"
    if _BRACKET_CREDIT.search(text) and (
        len(words(text)) <= CAPTION_WORDS or _CUT_BEFORE_BRACKET.search(text)
    ):
        return "photo caption"
    return None


# A photographer's credit glued to the paragraph after it, as scrapes join a caption's last
# line to the text: "Jane Roe/Getty Images There is no question …".
_CREDIT_PREFIX = re.compile(
    rf"^((?:[A-Z][\w.'’-]*\s){{1,4}}?[A-Z][\w.'’-]*\s?/\s?{AGENCY})\s+(?=[A-Z“\"‘'])"
)


def split_credit(paragraph: str) -> tuple[str, str] | None:
    """(credit, rest) when a paragraph opens with a photographer's credit and goes on as text."""
    m = _CREDIT_PREFIX.match(paragraph)
    if m is None or len(words(paragraph[m.end() :])) < 4:
        return None
    return m.group(1), paragraph[m.end() :]
