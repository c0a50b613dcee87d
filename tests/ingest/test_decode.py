"""Encoding detection: each test pins the exact text and encoding name that come back."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import NotTextError
from newsweave.ingest.decode import declared_encoding, decode, normalize_newlines

POLISH = (
    "Zażółć gęślą jaźń. Minister powiedział w środę, że rząd przygotuje nową ustawę o źródłach "
    "energii. Ścisłe kryteria będą obowiązywać od przyszłego roku."
)
JAPANESE = "東京で地震が発生しました。被害の状況を確認しています。政府は対策本部を設置した。"


def page(charset_tag: str, body: str) -> str:
    return f"<html><head>{charset_tag}<title>t</title></head><body><p>{body}</p></body></html>"


def test_utf8() -> None:
    assert decode("Café “30” – naïve".encode()) == ("Café “30” – naïve", "utf-8")


def test_ascii_is_utf8() -> None:
    assert decode(b"plain words") == ("plain words", "utf-8")


def test_empty_bytes() -> None:
    assert decode(b"") == ("", "utf-8")


def test_utf8_bom_is_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + "Café".encode()) == ("Café", "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + "Grüße aus Köln\r\n".encode(codec)
    assert decode(data) == ("Grüße aus Köln\n", "utf-16")


def test_utf32_bom_is_not_taken_for_utf16() -> None:
    # The UTF-32-LE mark starts with the UTF-16-LE one.
    data = codecs.BOM_UTF32_LE + "Köln".encode("utf-32-le")
    assert decode(data) == ("Köln", "utf-32")


def test_cp1252_undeclared() -> None:
    data = "Café “quoted” costs 30 € — naïve résumé".encode("cp1252")
    assert decode(data) == ("Café “quoted” costs 30 € — naïve résumé", "cp1252")


def test_cp1252_preferred_over_equally_good_western_pages() -> None:
    text = "Der Bürgermeister sagte, die Straße bleibe gesperrt. Über 30 Verletzte."
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_central_european_text_keeps_its_codepage() -> None:
    assert decode(POLISH.encode("cp1250")) == (POLISH, "cp1250")


def test_shift_jis_detected() -> None:
    # cp932 is Microsoft's superset of Shift_JIS; it decodes this text identically.
    assert decode(JAPANESE.encode("shift_jis")) == (JAPANESE, "cp932")


def test_latin1_declared_by_meta_charset_reads_as_cp1252() -> None:
    # Browsers read a latin-1 label as cp1252, so 0x93/0x94 are curly quotes, not controls.
    html = page('<meta charset="iso-8859-1">', "Ça coûte “cher”")
    text, encoding = decode(html.encode("cp1252"), media_type_hint="text/html")
    assert (text, encoding) == (html, "cp1252")


def test_http_equiv_declaration() -> None:
    tag = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    html = page(tag, "Москва заявила о новых санкциях.")
    assert decode(html.encode("koi8-r"), media_type_hint="text/html") == (html, "koi8-r")


def test_declaration_wins_over_a_guess() -> None:
    # Declared cp1250: 0xE3 is "ă" there (it would be "ã" in cp1252); the page decides.
    html = page('<meta charset="windows-1250">', "S\xe3o")
    data = html.encode("latin-1")
    assert decode(data, media_type_hint="text/html") == (
        page('<meta charset="windows-1250">', "Săo"),
        "cp1250",
    )


def test_wrong_utf8_declaration_is_ignored() -> None:
    html = page('<meta charset="utf-8">', "Café “quoted” costs 30 € — naïve résumé")
    assert decode(html.encode("cp1252"), media_type_hint="text/html") == (html, "cp1252")


def test_declaration_that_does_not_decode_falls_back_to_detection() -> None:
    # 0x81 is undefined in cp1252 (the codec the latin-1 label maps to).
    html = page('<meta charset="latin-1">', JAPANESE)
    assert decode(html.encode("shift_jis"), media_type_hint="text/html") == (html, "cp932")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="ISO-8859-1">', "cp1252"),
        (b"<meta charset=us-ascii>", "cp1252"),
        (b"<META CHARSET='Shift_JIS'>", "cp932"),
        (b'<meta http-equiv="content-type" content="text/html;charset=gb2312">', "gb18030"),
        (b'<?xml version="1.0" encoding="windows-1251"?>', "cp1251"),
        (b'<meta charset="utf-16">', None),
        (b'<meta charset="no-such-codec">', None),
        (b"<p>no declaration</p>", None),
        (b" " * 2048 + b'<meta charset="koi8-r">', None),
    ],
)
def test_declared_encoding(head: bytes, expected: str | None) -> None:
    assert declared_encoding(b"<html><head>" + head) == expected


def test_newlines_normalized_and_nothing_else() -> None:
    raw = "a\r\nb\rc\n\u00a0ﬁ\u2028e"
    assert decode(raw.encode()) == ("a\nb\nc\n\u00a0ﬁ\u2028e", "utf-8")
    assert normalize_newlines("x\r\n\r\ny") == "x\n\ny"


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(NotTextError, match=r"^binary data \(NUL bytes\), not text$"):
        decode(b"GIF89a\x01\x00\x01\x00\x00\xff\xff")


def test_control_characters_are_binary() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 4 + b"some text after" * 2
    with pytest.raises(NotTextError, match=r"^binary data \(52% control characters\), not text$"):
        decode(data)


def test_a_few_control_characters_are_still_text() -> None:
    data = b"a form feed\x0c and a tab\t and one stray \x07 bell in a long enough sentence"
    assert decode(data)[1] == "utf-8"


def test_binary_after_a_bom_is_refused() -> None:
    with pytest.raises(NotTextError, match="NUL characters"):
        decode(codecs.BOM_UTF16_LE + b"\x00\x00" * 8)


def test_not_text_error_is_a_value_error() -> None:
    assert issubclass(NotTextError, ValueError)


def test_a_declared_codec_that_is_not_a_text_encoding_is_ignored() -> None:
    # rot13, zlib and base64 are Python codecs but bytes.decode refuses them
    for label in ("rot13", "zlib", "base64"):
        body = "Le café du port a rouvert après la tempête, a déclaré le maire."
        data = f"<html><meta charset={label}><p>{body}</p></html>".encode("cp1252")
        text, encoding = decode(data, media_type_hint="text/html")  # it used to raise LookupError
        assert body in text and encoding == "cp1252"


def test_a_charset_from_the_server_comes_before_a_guess() -> None:
    words = "Паром снова ходит после шторма".encode("cp1251")
    assert decode(words, charset="windows-1251") == ("Паром снова ходит после шторма", "cp1251")
    assert decode(words, charset="no-such-charset")[1] != "no-such-charset"
    assert decode("café".encode(), charset="iso-8859-1") == ("café", "utf-8")  # UTF-8 first


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(codec: str) -> None:
    text = "Harbour fire: 40 hurt, the café closed.\r\nFerries run again on Monday."
    assert decode(text.encode(codec)) == (text.replace("\r\n", "\n"), codec)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_called_binary(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except NotTextError as exc:
        assert "\n" not in str(exc)
    else:
        text.encode("utf-8", "surrogatepass")
