"""Turn a document's bytes into text, and say which encoding was used.

The order is from the strongest evidence to the weakest: a byte-order mark, then strict UTF-8
(a non-UTF-8 text almost never decodes as UTF-8 by chance), then what an HTML page declares
about itself, then a statistical guess, then cp1252 (the usual encoding of old Western pages).
Only newlines are normalized: the extractors do any other clean-up so that their offsets stay
consistent with the text they see.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from newsweave.errors import NotTextError

# Longest marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Browsers only look for a declaration near the top; a later one is usually in quoted text.
_DECLARATION_WINDOW = 2048
_DECLARATION = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""",
    re.IGNORECASE,
)

# Labels as browsers read them (WHATWG Encoding Standard): a page that says latin-1 or ASCII is
# in practice cp1252 (curly quotes in 0x80-0x9F), Shift_JIS pages use the Microsoft superset,
# and so on. Keys are Python's canonical codec names, or labels Python does not know.
_DECLARED_AS: dict[str, str] = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "shift_jis": "cp932",
    "windows-31j": "cp932",
    "x-sjis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    "windows-874": "cp874",
    "tis-620": "cp874",
}

# git and grep call a file binary when a NUL shows up in its first 8000 bytes; so do we.
_SNIFF_BYTES = 8000
# Text has next to no control characters; a file where they are this common is not text.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f")

_FALLBACK = "cp1252"
# In UTF-16 without a mark, at least this share of the pairs hold a NUL on one side (ASCII and
# Latin-1 letters, spaces, digits and punctuation all do).
_UTF16_NUL_SHARE = 0.6
# ... and next to none on the other side (a letter like U+0100 puts one there).
_UTF16_STRAY_SHARE = 0.01


def decode(
    data: bytes, *, media_type_hint: str | None = None, charset: str | None = None
) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data``, with newlines normalized to ``\\n``.

    ``media_type_hint`` "text/html" lets a page's own ``<meta charset>`` decide before a
    statistical guess does; ``charset``, the encoding a server named in its Content-Type,
    comes before both (as in browsers). Raises ``NotTextError`` for binary data.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        # A mark is stronger evidence than any guess; a few bad bytes should not cost the
        # whole article (the raw bytes are kept).
        text = data.decode(bom, errors="replace")
        encoding = bom
    elif (wide := _utf16_without_bom(data)) is not None:
        text = data.decode(wide, errors="replace")
        encoding = wide
    else:
        if b"\x00" in data[:_SNIFF_BYTES]:
            raise NotTextError("binary data (NUL bytes), not text")
        text, encoding = _decode_unmarked(data, media_type_hint, charset)
    _check_text(text)
    return normalize_newlines(text), encoding


def normalize_newlines(text: str) -> str:
    """Windows and old Mac line ends become ``\\n``, so offsets mean the same everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declared_encoding(data: bytes) -> str | None:
    """The Python codec an HTML/XML page declares in its first 2 KB, or None.

    Declarations of UTF-16/32 are ignored: a page whose declaration can be read as ASCII is
    not in UTF-16 (browsers do the same).
    """
    match = _DECLARATION.search(data[:_DECLARATION_WINDOW])
    if match is None:
        return None
    return codec_for_label((match.group(1) or match.group(2)).decode("ascii"))


def codec_for_label(label: str) -> str | None:
    """The Python codec for an encoding label as browsers read it ("latin-1" → cp1252), or
    None for an unknown label or one of UTF-16/32 (which a label readable as ASCII cannot be).
    """
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(label).name
        # rot13, base64, zlib… are codecs too, but not text encodings: bytes.decode refuses them
        "a".encode(name)
    except (LookupError, ValueError):
        return _DECLARED_AS.get(label)
    if name.startswith(("utf-16", "utf-32")):
        return None
    return _DECLARED_AS.get(name, name)


def _bom_encoding(data: bytes) -> str | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte-order mark, else None.

    Text in a Latin script saved as UTF-16 has a NUL as every other byte, always on the same
    side of each pair; binary data has NULs anywhere. (Windows tools write such files.)
    """
    sample = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= pairs * _UTF16_NUL_SHARE and even <= pairs * _UTF16_STRAY_SHARE:
        return "utf-16-le"
    if even >= pairs * _UTF16_NUL_SHARE and odd <= pairs * _UTF16_STRAY_SHARE:
        return "utf-16-be"
    return None


def _decode_unmarked(
    data: bytes, media_type_hint: str | None, charset: str | None = None
) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    named = codec_for_label(charset) if charset else None
    if named is not None and named != "utf-8":
        try:
            return data.decode(named), named
        except UnicodeDecodeError:
            pass
    if media_type_hint == "text/html":
        declared = declared_encoding(data)
        # A declaration of UTF-8 is wrong here (strict UTF-8 just failed); a wrong one of
        # anything else shows as a decoding error and we fall through to guessing.
        if declared is not None and declared != "utf-8":
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    guessed = _guess(data)
    if guessed is not None:
        try:
            return data.decode(guessed), guessed
        except UnicodeDecodeError:
            pass
    return data.decode(_FALLBACK, errors="replace"), _FALLBACK


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, preferring cp1252 among equally good ones.

    On short Western text it scores cp1250, cp1252 and others the same and picks cp1250 by
    table order, which turns "€" and curly quotes into other letters; cp1252 is far more
    common in news pages.
    """
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        as_good = match.chaos <= best.chaos and match.coherence >= best.coherence
        if as_good and _FALLBACK in match.could_be_from_charset:
            return _FALLBACK
    return codecs.lookup(best.encoding).name


def _check_text(text: str) -> None:
    sample = text[:_SNIFF_BYTES]
    if "\x00" in sample:
        raise NotTextError("binary data (NUL characters), not text")
    if not sample:
        return
    controls = sum(
        1 for ch in sample if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise NotTextError(
            f"binary data ({controls / len(sample):.0%} control characters), not text"
        )
