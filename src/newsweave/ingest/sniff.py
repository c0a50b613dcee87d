"""What an input is before it is read (a URL or a path; an HTML page or plain text) and how
sizes are written in the messages that refuse one: shared by the file, web and feed readers,
so none of them imports another for it."""

from __future__ import annotations

import re

from newsweave.options import MB

# An input that opens like a URL is fetched, not looked for on disk.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# A page saved as .txt, or with no extension, that opens like this is HTML whatever its name.
_HTML_STARTS = ("<!doctype html", "<html")
# For a file with an unknown extension, these tags near the top also say HTML (fragments).
_HTML_TAGS = ("<head", "<body", "<article", "<div", "<p>", "<meta", "<title")
_SNIFF_CHARS = 1024


def is_url(name: str) -> bool:
    """Whether an input names a URL (``scheme://…``) rather than a local path."""
    return _SCHEME.match(name) is not None


def looks_like_html(text: str, *, loose: bool = False) -> bool:
    """Whether a text opens like an HTML page; ``loose`` also accepts common tags (fragments)."""
    head = text[:_SNIFF_CHARS].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(_HTML_STARTS):
        return True
    return loose and head.startswith("<") and any(tag in head for tag in _HTML_TAGS)


def opens_like_html(data: bytes) -> bool:
    """``looks_like_html`` of raw bytes, before their encoding is known."""
    return looks_like_html(data[:_SNIFF_CHARS].decode("latin-1").removeprefix("ï»¿"))


def size_text(n: int) -> str:
    """A size as messages write it: "512 bytes", "3.4 KB", "20.5 MB"."""
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def limit_text(n: int) -> str:
    """Like ``size_text`` but without a pointless ".0" ("the 20 MB limit")."""
    return size_text(n).replace(".0 ", " ")
