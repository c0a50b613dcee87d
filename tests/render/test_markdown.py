import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.brief.story import make_brief
from newsweave.model import Article, Problem, Span
from newsweave.render.escape import markdown_code, one_line, printable
from newsweave.render.markdown import escape, render


def test_escape_neutralises_markup() -> None:
    assert escape("<img src=x onerror=alert(1)>") == r"\<img src=x onerror=alert\(1\)\>"
    assert escape("a | b") == r"a \| b"


def test_render_lists_articles_and_problems() -> None:
    a = Article(
        origin="a.txt", text="Body text.", paragraphs=(Span(0, 10),), title="T [x](y)", outlet="Out"
    )
    md = render(make_brief([a], [Problem("b.bin", "binary file")]))
    assert md.startswith("# T \\[x\\]\\(y\\)\n")
    assert "| a1 | Out |" in md
    assert "- `b.bin`: binary file" in md


def test_control_characters_and_backticks_cannot_reach_the_note() -> None:
    hostile = "Fire\x1b]8;;http://evil.example\x07 at the \x1b[2Jharbour\r"
    a = Article(
        origin="a\x1b[31m.txt", text=hostile, paragraphs=(Span(0, len(hostile)),), title=hostile
    )
    md = render(make_brief([a], [Problem("x`` `y\nz\x9b.txt", "bad \x1b[1mfile")]))
    assert not any(c in md for c in "\x1b\x07\r\x9b")
    assert "Fire\\\\x1b\\]8;;http://evil.example\\\\x07 at the" in md
    assert "- ```x`` `y\\x0az\\x9b.txt```: bad \\\\x1b\\[1mfile" in md


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_text_holds_no_control_character(text: str) -> None:
    def controls(out: str, allowed: str = "") -> list[str]:
        return [c for c in out if c not in allowed and unicodedata.category(c) in ("Cc", "Cs")]

    assert controls(markdown_code(text)) == controls(one_line(text)) == []
    assert controls(escape(text), "\t") == controls(printable(text), "\t\n") == []
