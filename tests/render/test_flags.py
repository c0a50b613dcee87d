"""Summary sentences keep their words; a disputed figure and a pronoun's speaker get a note."""

from __future__ import annotations

from newsweave.brief.story import make_brief
from newsweave.model import (
    Article,
    Attribution,
    Brief,
    Citation,
    Claim,
    Report,
    Span,
    SummarySentence,
)
from newsweave.render.flags import pieces, summary_flags

A1 = "Four firefighters were hurt. “It is safe,” he said."
A2 = "Six firefighters were hurt, the union said."
A3 = "Four firefighters were hurt."


def _brief(copies: dict[str, str] | None = None) -> Brief:
    arts = [
        Article(origin=f"{i}.txt", text=t, paragraphs=(Span(0, len(t)),), outlet=f"O{i}")
        for i, t in enumerate((A1, A2, A3, A2), start=1)
    ]
    claim = Claim(
        "c1",
        "firefighters hurt",
        (
            Report("a1", Span(0, 4), "Four", 4, 4),
            Report("a2", Span(0, 3), "Six", 6, 6),
            Report("a3", Span(0, 4), "Four", 4, 4),
            Report("a4", Span(0, 3), "Six", 6, 6),
        ),
        "conflict",
        "cannot both be true",
    )
    he = A1.index("he said")
    said = Attribution(
        Span(A1.index("“") + 1, A1.index("”") - 1),
        "direct",
        "Owen Braddock",
        Span(he, he + 2),
        "said",
        named=True,
    )
    summary = [
        SummarySentence(A1[:28], (Citation("a1", Span(0, 28)), Citation("a3", Span(0, 28)))),
        SummarySentence(A1[29:], (Citation("a1", Span(29, len(A1))),)),
    ]
    return make_brief(
        arts, claims=[claim], summary=summary, attributions={"a1": (said,)}, copies=copies
    )


def test_a_disputed_figure_is_noted_after_it() -> None:
    b = _brief()
    flags = summary_flags(b, b.summary[0])
    assert [(f.at, f.kind, f.note) for f in flags] == [(4, "disputed", "disputed: a2, a4 say six")]
    text = "".join(t if f is None else f" [{f.note}]" for t, f in pieces(b.summary[0].text, flags))
    assert text == "Four [disputed: a2, a4 say six] firefighters were hurt."


def test_a_copy_is_counted_not_named() -> None:
    b = _brief(copies={"a4": "a2"})
    assert summary_flags(b, b.summary[0])[0].note == "disputed: a2 +1 copy say six"


def test_a_pronoun_names_its_speaker() -> None:
    b = _brief()
    flags = summary_flags(b, b.summary[1])
    assert [(f.kind, f.note) for f in flags] == [("speaker", "Owen Braddock")]
    text = "".join(t if f is None else f" [{f.note}]" for t, f in pieces(b.summary[1].text, flags))
    assert text == "“It is safe,” he [Owen Braddock] said."


def test_no_flags_when_nothing_conflicts() -> None:
    t = "Four firefighters were hurt."
    a = Article(origin="a.txt", text=t, paragraphs=(Span(0, len(t)),))
    claim = Claim("c1", "m", (Report("a1", Span(0, 4), "Four", 4, 4),), "single", "")
    b = make_brief(
        [a], claims=[claim], summary=[SummarySentence(t, (Citation("a1", Span(0, 28)),))]
    )
    assert summary_flags(b, b.summary[0]) == []
    assert pieces(t, []) == [(t, None)]
