from rich.console import Console

from newsweave.brief.story import make_brief
from newsweave.model import Article, Brief, Citation, Claim, Problem, Report, Span, SummarySentence
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


def _conflict_brief() -> Brief:
    t1 = "Four firefighters were hurt."
    t2 = "Six firefighters were hurt."
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
    return make_brief(arts, claims=[claim], summary=summary)


def test_what_disagrees_comes_first_and_the_summary_flags_the_figure() -> None:
    console = Console(record=True, width=80, color_system=None)
    render(_conflict_brief(), console)
    out = console.export_text()
    assert out.index("Sources") < out.index("What disagrees") < out.index("Summary")
    assert "CONFLICT firefighters hurt: four (a1) · six (a2)" in out
    assert "Four [disputed: a2 says six] firefighters" in out
    assert "conflict firefighters hurt: four (a1) · six (a2)" in out  # verdict first


def test_lines_fit_80_columns_and_wrap_between_words() -> None:
    stamp = "2025-03-12T14:15:00"
    long = " ".join(["investigators"] * 30) + " " + stamp
    a = Article(origin="a.txt", text=long, paragraphs=(Span(0, len(long)),), title=long)
    console = Console(record=True, width=80, color_system=None)
    render(make_brief([a]), console)
    lines = console.export_text().splitlines()
    assert max(len(x) for x in lines) <= 80
    assert any(stamp in x for x in lines)  # not cut "2025-03-12T1 / 4:15:00"
    assert not any(x.rstrip().endswith("investigator") for x in lines)
