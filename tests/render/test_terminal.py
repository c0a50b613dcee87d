from rich.console import Console

from newsweave.brief.story import make_brief
from newsweave.model import Article, Span
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
