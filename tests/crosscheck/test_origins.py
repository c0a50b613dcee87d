"""Origins of figures, on articles written for these tests."""

from __future__ import annotations

from newsweave.analyze import analyze_articles
from newsweave.analyze.limits import Limits
from newsweave.brief.story import analysed_story
from newsweave.crosscheck.origins import distinct, figure_source, origins_why, with_origins
from newsweave.model import AnnotatedArticle, Article, Claim, Report, Span


def analysed(*texts: str) -> list[tuple[str, AnnotatedArticle]]:
    arts = []
    for i, t in enumerate(texts):
        spans, start = [], 0
        for part in t.split("\n\n"):
            spans.append(Span(start, start + len(part)))
            start += len(part) + 2
        arts.append(Article(origin=f"t{i}", text=t, paragraphs=tuple(spans)))
    return [(f"a{i + 1}", a) for i, a in enumerate(analyze_articles(arts))]


def report(aid: str, ann: AnnotatedArticle, figure: str) -> Report:
    at = ann.article.text.index(figure)
    return Report(aid, Span(at, at + len(figure)), figure, 85, None)


def test_the_attribution_that_holds_a_figure_is_its_source() -> None:
    ((_, a),) = analysed("Coastal Command said its boats rescued more than 85 people.")
    assert (
        figure_source(
            a,
            report(
                "a1",
                a,
                "more than 85",
            ).span,
        )
        == "Coastal Command"
    )
    ((_, b),) = analysed("The boats rescued more than 85 people, according to Coastal Command.")
    assert figure_source(b, report("a1", b, "more than 85").span) == "Coastal Command"


def test_a_paragraph_goes_on_with_its_one_source() -> None:
    ((_, a),) = analysed(
        "Coastal Command said its boats had rescued more than 85 people. The crews used 12 boats."
    )
    assert figure_source(a, report("a1", a, "12").span) == "Coastal Command"


def test_an_unattributed_figure_has_no_source() -> None:
    ((_, a),) = analysed("The boats rescued more than 85 people on Sunday.")
    assert figure_source(a, report("a1", a, "more than 85").span) is None


def test_a_view_held_gives_no_figure_its_origin() -> None:
    text = "Coastal Command backs the plan to buy 12 new lifeboats before the winter."
    a = analyze_articles(
        [Article(origin="t", text=text, paragraphs=(Span(0, len(text)),))], Limits(views=True)
    )[0]
    assert [x.view for x in a.attributions] == [True]  # the view is read ...
    assert figure_source(a, report("a1", a, "12").span) is None  # ... and says where from


def test_spellings_of_one_source_are_one_origin() -> None:
    assert distinct(["CCOM", "Coastal Command", "the harbour police"]) == [
        "Coastal Command",
        "the harbour police",
    ]
    assert distinct(["Coastal Command", "Coastcom"]) == ["Coastal Command"]


def test_the_verdict_counts_outlets_and_origins() -> None:
    arts = analysed(
        "Coastal Command said its boats rescued more than 85 people.",
        "More than 85 people were rescued, Coastal Command said on Monday.",
        "More than 85 people were rescued, the harbour police said.",
        "More than 85 people were rescued on Sunday.",
        "More than 85 people were rescued on Sunday.",
    )
    reports = tuple(
        report(aid, ann, ann.article.text[:12] if i else "more than 85")
        for i, (aid, ann) in enumerate(arts)
    )
    claim = Claim("c1", "people rescued", reports, "agree", "all 5 reports give at least 85")
    (out,) = with_origins([claim], analysed_story([ann for _, ann in arts], {"a5": "a4"}))
    assert out.origins == ("Coastal Command", "the harbour police")
    assert [r.source for r in out.reports] == [
        "Coastal Command",
        "Coastal Command",
        "the harbour police",
        None,
        None,
    ]
    # a5 copies a4: the two count as one outlet's own figure.
    assert out.why.endswith(
        "5 outlets, 3 origins: Coastal Command (a1, a2); the harbour police (a3); a4 names none."
    )


def test_one_origin_for_every_outlet() -> None:
    reports = [
        Report(f"a{i}", Span(0, 2), "85", 85, 85, None, "US Central Command") for i in (1, 2, 3)
    ]
    assert (
        origins_why(reports, ["US Central Command"], {})
        == "3 outlets, 1 origin: US Central Command"
    )


def test_a_bare_head_noun_and_the_fuller_description_are_one_origin() -> None:
    assert distinct(["union", "the firefighters' union"]) == ["the firefighters' union"]


def test_a_bare_head_noun_does_not_join_two_different_bodies() -> None:
    assert len(distinct(["the harbour police", "police", "the city police"])) == 2


def test_a_figure_beside_the_source_in_its_own_sentence_is_the_reporter_s() -> None:
    ((_, a),) = analysed("“We have waited four days,” said Ana Ruiz, 45, a harbour resident.")
    assert figure_source(a, report("a1", a, "four days").span) == "Ana Ruiz"
    assert figure_source(a, report("a1", a, "45").span) is None


def test_a_finding_with_no_maker_is_no_origin() -> None:
    ((_, a),) = analysed(
        "Coastal Command said the crews were safe. The ship was 150 miles out, according to "
        "information available now."
    )
    assert figure_source(a, report("a1", a, "150").span) is None
    ((_, b),) = analysed(
        "The ship was 150 miles out, according to information available with Coastal Command."
    )
    assert figure_source(b, report("a1", b, "150").span) == "Coastal Command"
