"""Quote groups in the terminal and in Markdown: differences marked, article text escaped."""

from __future__ import annotations

from rich.console import Console

from newsweave.brief.story import make_brief
from newsweave.model import Article, Brief, QuoteGroup, QuoteVariant, Span, WordDiff
from newsweave.render.quotes import (
    diff_markdown,
    diff_markup,
    diff_plain,
    quotes_block,
    quotes_markdown,
)


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


def test_terminal_block_escapes_article_text() -> None:
    console = Console(record=True, width=200)
    console.print(quotes_block(_brief()))
    out = console.export_text()
    assert "[red]tonight[/red]" in out  # printed, not applied
    assert "Bay [bold]News" in out
    assert "changed" in out and "reverses the meaning" in out
    assert "Ana <b>Ruiz</b>" in out


def test_markdown_marks_deleted_and_inserted_words() -> None:
    md = diff_markdown([WordDiff("=", "at"), WordDiff("-", "not"), WordDiff("+", "*x*")])
    assert md == r"at <del>not</del> <ins>\*x\*</ins>"


def test_markdown_section_escapes_article_text() -> None:
    lines = quotes_markdown(_brief())
    text = "\n".join(lines)
    assert "## Who said what" in text
    assert r"Ana \<b\>Ruiz\</b\>" in text
    assert r"<del>\[red\]tonight\[/red\]</del>" in text
    assert r"<ins>\*tonight\*</ins>" in text
    assert "<del>not</del>" in text
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
    console.print(quotes_block(brief))
    assert "reported: the town would rebuild the *wall*" in console.export_text()


def test_plain_text_marks_dropped_and_added_words_as_wdiff_does() -> None:
    diff = [WordDiff("=", "is"), WordDiff("-", "not"), WordDiff("=", "at")]
    assert diff_plain(diff) == "is [-not-] at"
    swap = [WordDiff("-", "to"), WordDiff("-", "include"), WordDiff("+", "including")]
    assert diff_plain(swap) == "[-to include-] {+including+}"
    assert diff_plain([WordDiff("+", "\x1b[2Jx")]) == "{+\\x1b[2Jx+}"


def test_without_colour_the_dropped_not_still_shows() -> None:
    console = Console(record=True, width=80, color_system=None)
    console.print(quotes_block(_brief(), plain=True))
    out = console.export_text()
    assert "[-not-]" in out
    assert "{+*tonight*+}" in out


def test_faithful_wordings_fold_into_one_row_under_one_speaker_heading() -> None:
    text = "“We will rebuild,” Ruiz said."
    arts = [
        Article(origin=f"{i}.txt", text=text, paragraphs=(Span(0, len(text)),), outlet=f"O{i}")
        for i in range(3)
    ]
    same = (WordDiff("=", "We"), WordDiff("=", "will"), WordDiff("=", "rebuild"))
    groups = [
        QuoteGroup(
            f"q{n}",
            "Ana Ruiz",
            "We will rebuild",
            tuple(
                QuoteVariant(f"a{i}", Span(1, 16), "We will rebuild", "Ruiz", "faithful", same)
                for i in (1, 2, 3)
            ),
        )
        for n in (1, 2)
    ]
    brief = make_brief(arts, quotes=groups)
    md = "\n".join(quotes_markdown(brief))
    assert md.count("**Ana Ruiz**") == 1
    assert "a1, a2, a3: faithful" in md
    console = Console(record=True, width=80)
    console.print(quotes_block(brief))
    out = console.export_text()
    assert out.count("Ana Ruiz") == 1
    assert "a1, a2, a3: faithful" in out
