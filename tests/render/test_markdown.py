import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.brief.story import make_brief
from newsweave.model import Article, Citation, Claim, Problem, Report, Span, SummarySentence
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


def test_markdown_opens_with_sources_and_what_disagrees() -> None:
    t1 = "Four firefighters were hurt."
    t2 = "Six *firefighters* were hurt."
    arts = [
        Article(origin="a.txt", text=t1, paragraphs=(Span(0, len(t1)),), outlet="Bay News"),
        Article(origin="b.txt", text=t2, paragraphs=(Span(0, len(t2)),), outlet="Post"),
    ]
    claim = Claim(
        "c1",
        "firefighters hurt",
        (Report("a1", Span(0, 4), "Four", 4, 4), Report("a2", Span(0, 3), "Six", 6, 6)),
        "conflict",
        "4 and 6 cannot both be true",
    )
    summary = [SummarySentence(t1, (Citation("a1", Span(0, len(t1))),))]
    md = render(make_brief(arts, claims=[claim], summary=summary))
    assert md.index("**Sources:** a1 Bay News · a2 Post") < md.index("## What disagrees")
    assert md.index("## What disagrees") < md.index("## Summary")
    assert "- **Conflict**: firefighters hurt: four [a1 Bay News] · six [a2 Post]" in md
    assert "- Four **\\[disputed: a2 says six\\]** firefighters were hurt. [a1 Bay News]" in md
    assert "| **conflict** | firefighters hurt |" in md
