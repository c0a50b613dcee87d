"""One options object with documented defaults, instead of flags threaded through calls."""

from __future__ import annotations

from dataclasses import dataclass, fields

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for a run; every field has a help text in ``HELP``."""

    max_bytes: int = 20 * MB
    follow_symlinks: bool = False
    min_paragraph_chars: int = 1
    lead_paragraphs: int = 3
    html_favor_precision: bool = True
    min_article_chars: int = 40


HELP: dict[str, str] = {
    "max_bytes": "Largest input file or row read, in bytes; bigger ones are refused with an error.",
    "follow_symlinks": "Follow symbolic links when walking folders "
    "(off: a link loop cannot hang a run).",
    "min_paragraph_chars": "Paragraphs shorter than this (after trimming) are dropped as empty.",
    "lead_paragraphs": "How many body paragraphs after the headline form the lead that the "
    "off-topic test compares the rest of the page with.",
    "html_favor_precision": "Ask trafilatura to prefer precision over recall on HTML pages.",
    "min_article_chars": "An extracted text shorter than this is reported as 'no article text'.",
}

DEFAULT = Options()


def undocumented() -> list[str]:
    """Names of options that lack a help text (a test keeps this empty)."""
    return [f.name for f in fields(Options) if f.name not in HELP]
