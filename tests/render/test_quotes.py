"""Quote groups in the terminal and in Markdown: differences marked, article text escaped."""

from __future__ import annotations

from rich.console import Console

from newsweave.brief.story import make_brief
from newsweave.model import Article, Brief, QuoteGroup, QuoteVariant, Span, WordDiff
from newsweave.render.quotes import diff_markdown, diff_markup, quotes_markdown, quotes_table


def _brief() -> Brief:
    a1 = "“The wall is not at risk [red]tonight[/red],” she said."
    a2 = "“The wall is at risk *tonight*,” she said."
    arts = [
        Article(origin="a.txt", text=a1, paragraphs=(Span(0, len(a1)),), outlet="Bay [bold]News"),
        Article(origin="b.txt", text=a2, paragraphs=(Span(0, len(a2)),), outlet="Post"),
    ]
    canonical = "The wall is not at risk [red]tonight[/red]"
    same = tuple(WordDiff("=", w) for w in canonical.split(" "))
    changed = (
        WordDiff("=", "The"),
        WordDiff("=", "wall"),
        WordDiff("=", "is"),
        WordDiff("-", "not"),
        WordDiff("=", "at"),
        WordDiff("=", "risk"),
        WordDiff("-", "[red]tonight[/red]"),
        WordDiff("+", "*tonight*"),
    )
    group = QuoteGroup(
        "q1",
        "Ana <b>Ruiz</b>",
        canonical,
        (
            QuoteVariant("a1", Span(1, 42), a1[1:42], "Ruiz", "faithful", same),
            QuoteVariant("a2", Span(1, 30), a2[1:30], "Ruiz", "changed", changed),
        ),
        "a2 drops “not”, which reverses the meaning",
    )
    return make_brief(arts, quotes=[group])


def test_terminal_marks_deleted_and_inserted_words() -> None:
    markup = diff_markup([WordDiff("=", "at"), WordDiff("-", "not"), WordDiff("+", "[b]x")])
    assert markup == "at [strike red]not[/] [underline green]\\[b]x[/]"


def test_terminal_table_escapes_article_text() -> None:
    console = Console(record=True, width=200)
    console.print(quotes_table(_brief()))
    out = console.export_text()
    assert "[red]tonight[/red]" in out  # printed, not applied
    assert "Bay [bold]News" in out
    assert "changed" in out and "reverses the meaning" in out
    assert "Ana <b>Ruiz</b>" in out


def test_markdown_marks_deleted_and_inserted_words() -> None:
    md = diff_markdown([WordDiff("=", "at"), WordDiff("-", "not"), WordDiff("+", "*x*")])
    assert md == r"at ~~not~~ **\*x\***"


def test_markdown_section_escapes_article_text() -> None:
    lines = quotes_markdown(_brief())
    text = "\n".join(lines)
    assert "## Who said what" in text
    assert r"Ana \<b\>Ruiz\</b\>" in text
    assert r"~~\[red\]tonight\[/red\]~~" in text
    assert r"**\*tonight\***" in text
    assert "~~not~~" in text
    assert "Meaning changed" in text
    assert "<b>" not in text and "[red]" not in text


def test_no_quotes_no_section() -> None:
    a = Article(origin="a.txt", text="Body.", paragraphs=(Span(0, 5),))
    assert quotes_markdown(make_brief([a])) == []


def test_a_reported_variant_is_shown_in_the_outlets_own_words() -> None:
    a1 = "“We will rebuild the wall,” Ruiz said."
    a2 = "Ruiz said the town would rebuild the *wall*."
    arts = [
        Article(origin="a.txt", text=a1, paragraphs=(Span(0, len(a1)),)),
        Article(origin="b.txt", text=a2, paragraphs=(Span(0, len(a2)),)),
    ]
    group = QuoteGroup(
        "q1",
        "Ana Ruiz",
        "We will rebuild the wall",
        (
            QuoteVariant("a1", Span(1, 25), a1[1:25], "Ruiz", "faithful"),
            QuoteVariant("a2", Span(10, 43), a2[10:43], "Ruiz", "changed", (), "reported"),
        ),
    )
    brief = make_brief(arts, quotes=[group])
    md = "\n".join(quotes_markdown(brief))
    assert r"*reported*: the town would rebuild the \*wall\*" in md
    console = Console(record=True, width=200)
    console.print(quotes_table(brief))
    assert "reported: the town would rebuild the *wall*" in console.export_text()
