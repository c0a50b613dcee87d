from newsweave.brief.story import make_brief
from newsweave.model import Article, Problem, Span
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
