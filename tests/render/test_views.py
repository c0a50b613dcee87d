"""The views section of the Markdown and terminal briefs, on briefs built for these tests."""

from rich.console import Console

from newsweave.brief.story import make_brief
from newsweave.model import Article, Attribution, Brief, Span
from newsweave.render.markdown import render as markdown
from newsweave.render.terminal import render as terminal
from newsweave.render.views import HeldView, held_views

TEXT = "Mayor Dana Roe backs the [plan](http://x) to rebuild the pier. Roe said it was safe."
VIEW = "the [plan](http://x) to rebuild the pier"


def _brief(view: bool) -> Brief:
    a = Article(origin="a.txt", text=TEXT, paragraphs=(Span(0, len(TEXT)),), outlet="Gull Post")
    at = TEXT.index(VIEW)
    found = (
        Attribution(
            Span(at, at + len(VIEW)), "indirect", "Dana Roe", Span(6, 14), "backs", None, True, view
        ),
    )
    return make_brief([a], attributions={"a1": found})


def _terminal(brief: Brief) -> str:
    console = Console(width=80, record=True, color_system=None)
    terminal(brief, console)
    return console.export_text()


def test_views_are_listed_apart_from_speech_and_escaped() -> None:
    brief = _brief(view=True)
    at = TEXT.index(VIEW)
    (view,) = [HeldView("backs", VIEW, "a1", Span(at, at + len(VIEW)))]
    assert held_views(brief) == [("Dana Roe", [view])]
    md = markdown(brief)
    assert "## Views held (not quotations)" in md
    assert "- **Dana Roe**: backs the \\[plan\\]\\(http://x\\) to rebuild the pier \\[a1\\]" in md
    assert "Views held (not quotations)" in _terminal(brief)


def test_no_views_no_section() -> None:
    brief = _brief(view=False)  # the same attribution as speech
    assert held_views(brief) == []
    assert "Views held" not in markdown(brief)
    assert "Views held" not in _terminal(brief)
