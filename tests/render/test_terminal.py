from rich.console import Console

from newsweave.brief.story import make_brief
from newsweave.model import Article, Problem, Span
from newsweave.render.terminal import render


def test_article_text_cannot_style_the_terminal() -> None:
    a = Article(
        origin="a.txt",
        text="Body.",
        paragraphs=(Span(0, 5),),
        title="[red]boom[/red]",
        outlet="[bold]Out",
    )
    console = Console(record=True, width=200)
    render(make_brief([a]), console)
    out = console.export_text()
    assert "[red]boom[/red]" in out
    assert "[bold]Out" in out


def test_control_sequences_from_articles_and_file_names_are_written_out() -> None:
    hostile = "Fire\x1b]0;pwned\x07 at the \x1b[2Jharbour\x9b31m"
    a = Article(
        origin="evil\x1b[31m.txt", text=hostile, paragraphs=(Span(0, len(hostile)),), title=hostile
    )
    console = Console(record=True, width=200)
    render(make_brief([a], [Problem("b\x1b]8;;x\x07.txt", "bad\rfile")]), console)
    out = console.export_text()
    assert not any(c in out for c in "\x1b\x07\x9b\r")
    assert "Fire\\x1b]0;pwned\\x07 at the \\x1b[2Jharbour" in out
    assert "b\\x1b]8;;x\\x07.txt" in out
