"""What disagrees: conflicts, reversed and reworded quotations, differing figures, rising
counts, in that order, with copies folded under their original."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from rich.console import Console

from newsweave.brief.story import make_brief
from newsweave.model import (
    Article,
    Brief,
    Claim,
    QuoteGroup,
    QuoteVariant,
    Report,
    Span,
    TrendPoint,
    WordDiff,
)
from newsweave.render.disagree import FigureLine, QuoteLine, disagreements, sides_of, swaps_of
from newsweave.render.labels import fold


def _arts(n: int) -> list[Article]:
    return [
        Article(origin=f"{i}.txt", text="x" * 50, paragraphs=(Span(0, 50),), outlet=f"O{i}")
        for i in range(1, n + 1)
    ]


def _r(aid: str, text: str, lo: float | None, hi: float | None, at: int = 0) -> Report:
    return Report(aid, Span(at, at + len(text)), text, lo, hi)


def _diff(spec: str) -> tuple[WordDiff, ...]:
    """ "is -not at +x": a word-level difference written short."""
    out = []
    for w in spec.split():
        op = w[0] if w[0] in "-+" else "="
        out.append(WordDiff(op, w[1:] if op != "=" else w))  # type: ignore[arg-type]
    return tuple(out)


def _brief() -> Brief:
    conflict = Claim(
        "c1",
        "firefighters hurt",
        (
            _r("a1", "Four", 4, 4),
            _r("a2", "six", 6, 6),
            _r("a3", "4", 4, 4),
            _r("a4", "four", 4, 4),
        ),
        "conflict",
        "4 and 6 cannot both be true",
    )
    differ = Claim(
        "c2",
        "targets",
        (_r("a1", "85", 85, 85), _r("a2", "more than 85", 85, None)),
        "differ",
        "can all be true",
    )
    rising = Claim(
        "c3",
        "residents evacuated",
        (_r("a1", "more than 200", 200, None), _r("a2", "250", 250, 250)),
        "differ",
        "the count rose",
        trend=(
            TrendPoint("a1", 200, datetime(2025, 3, 11, 23, 35)),
            TrendPoint("a2", 250, datetime(2025, 3, 12, 14, 5)),
        ),
    )
    agree = Claim(
        "c4",
        "hours",
        (_r("a1", "14 hours", 14, 14), _r("a2", "14 hours", 14, 14)),
        "agree",
        "all agree",
    )
    flip = QuoteGroup(
        "q1",
        "Owen Braddock",
        "The building is not at risk",
        (
            QuoteVariant("a1", Span(0, 27), "The building is not at risk", "B", "faithful"),
            QuoteVariant(
                "a2",
                Span(0, 23),
                "The building is at risk",
                "B",
                "changed",
                _diff("The building is -not at risk"),
            ),
        ),
        "a2 drops “not”, which reverses the meaning",
    )
    reworded = QuoteGroup(
        "q2",
        "Joe Biden",
        "we will respond.",
        (
            QuoteVariant("a1", Span(0, 16), "we will respond.", "B", "faithful"),
            QuoteVariant(
                "a3",
                Span(0, 20),
                "we will strike back.",
                "B",
                "changed",
                _diff("we will -respond. +strike +back."),
            ),
            QuoteVariant(
                "a4",
                Span(0, 20),
                "we will strike back.",
                "B",
                "changed",
                _diff("we will -respond. +strike +back."),
            ),
            QuoteVariant(
                "a2",
                Span(0, 22),
                "we are going to respond",
                "B",
                "changed",
                _diff("we -will +are +going +to respond."),
            ),
        ),
    )
    return make_brief(
        _arts(4),
        claims=[agree, rising, differ, conflict],
        quotes=[reworded, flip],
        copies={"a4": "a3"},
    )


def test_lines_come_most_serious_first() -> None:
    kinds = [x.kind for x in disagreements(_brief())]
    assert kinds == ["conflict", "reversed", "differ", "reworded", "rose"]


def test_a_conflict_has_a_side_per_interval_most_articles_first() -> None:
    line = disagreements(_brief())[0]
    assert isinstance(line, FigureLine)
    assert [(s.wording, s.articles) for s in line.sides] == [
        ("four", ("a1", "a3", "a4")),
        ("six", ("a2",)),
    ]
    assert line.sides[1].cite.article == "a2"


def test_a_reversal_names_the_outlet_and_what_it_did() -> None:
    line = disagreements(_brief())[1]
    assert isinstance(line, QuoteLine)
    assert line.articles == ("a2",)
    assert line.what == "drops “not”, which reverses the meaning"


def test_a_swapped_word_is_reworded_and_copies_share_one_line() -> None:
    lines = [x for x in disagreements(_brief()) if x.kind == "reworded"]
    assert len(lines) == 1  # "are going to" for "will" changes no meaning
    line = lines[0]
    assert isinstance(line, QuoteLine)
    assert line.what == "has “strike back” for “respond”"
    assert line.articles == ("a3", "a4")
    assert fold(line.articles, {"a4": "a3"}).text() == "a3 +1 copy"


def test_a_rising_count_shows_its_steps() -> None:
    line = disagreements(_brief())[-1]
    assert isinstance(line, FigureLine)
    assert line.trend == "200 (a1, 11 Mar 23:35) → 250 (a2, 12 Mar 14:05)"


def test_agreement_and_single_reports_are_not_disagreements() -> None:
    assert all(x.kind != "agree" for x in disagreements(_brief()))
    one = Claim("c9", "x", (_r("a1", "3", 3, 3),), "single", "only a1")
    assert disagreements(make_brief(_arts(1), claims=[one])) == []


def test_moved_words_are_not_swaps_and_abbreviations_keep_their_stop() -> None:
    assert swaps_of(_diff("to -do +harm us -harm")) == []
    assert swaps_of(_diff("-U.S. +American forces")) == [("U.S.", "American")]
    assert swaps_of(_diff("we -will +are +going +to rebuild")) == []


def test_sides_fold_case_and_number_words_by_interval() -> None:
    claim = Claim("c1", "m", (_r("a1", "Four", 4, 4), _r("a2", "four", 4, 4)), "agree", "")
    assert [(s.wording, s.articles) for s in sides_of(claim)] == [("four", ("a1", "a2"))]


@pytest.mark.seeds
def test_on_the_seeds_every_conflict_and_reversal_is_listed_first(seeds_dir: Path) -> None:
    import newsweave
    from newsweave.render.terminal import render

    brief = newsweave.weave([seeds_dir])
    lines = disagreements(brief)
    conflicts = {c.id for c in brief.claims if c.verdict == "conflict"}
    assert conflicts == {
        x.claim.id for x in lines if isinstance(x, FigureLine) and x.kind == "conflict"
    }
    reversed_groups = {g.id for g in brief.quotes if g.note}
    assert reversed_groups <= {x.group.id for x in lines if x.kind == "reversed"}
    whats = " ".join(x.what for x in lines if isinstance(x, QuoteLine))
    assert "“unarmed” for “unmanned”" in whats  # a reversal
    assert "“strike back” for “respond”" in whats  # a shift
    console = Console(record=True, width=80, color_system=None)
    render(brief, console)
    out = console.export_text()
    assert out.index("What disagrees") < out.index("Summary")
    assert max(len(x) for x in out.splitlines()) <= 80
    assert len(out.splitlines()) < 712 // 2  # the 712 lines, at least halved
