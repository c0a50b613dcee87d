from datetime import date, datetime

from newsweave.analyze import analyze, analyze_articles
from newsweave.brief.story import analysed_story
from newsweave.brief.timeline import build_timeline
from newsweave.model import Article, Span, TimelineEntry


def timeline(*items: tuple[str, date]) -> list[TimelineEntry]:
    arts = [
        Article(origin=f"t{i}", text=t, paragraphs=(Span(0, len(t)),), published=p)
        for i, (t, p) in enumerate(items)
    ]
    return build_timeline(analysed_story(analyze_articles(arts)))


FRI = datetime(2025, 3, 14, 9, 0)
SAT = datetime(2025, 3, 15, 9, 0)


def test_one_event_from_two_outlets_is_one_entry() -> None:
    entries = timeline(
        ("The bridge in Carrow collapsed on Tuesday after days of heavy rain.", FRI),
        ("Heavy rain made the Carrow bridge collapse on Tuesday, engineers said.", SAT),
    )
    assert len(entries) == 1
    (e,) = entries
    assert e.date == date(2025, 3, 11)
    assert {c.article for c in e.citations} == {"a1", "a2"}


def test_oldest_first_and_cited_exactly() -> None:
    texts = (
        "The council voted on Thursday to close the bridge. Repairs began on Monday.",
        FRI,
    )
    entries = timeline(texts)
    assert [e.date for e in entries] == [date(2025, 3, 10), date(2025, 3, 13)]
    for e in entries:
        for c in e.citations:
            assert texts[0][c.span.start : c.span.end] == e.text


def test_a_date_inside_a_quote_is_not_an_event() -> None:
    entries = timeline(("“We will decide on Monday,” the mayor said.", FRI))
    assert entries == []


def test_full_dates_feed_the_timeline_without_a_publication_date() -> None:
    text = "The pier opened on March 30, 2012, after two years of work."
    a = Article(origin="t", text=text, paragraphs=(Span(0, len(text)),))
    entries = build_timeline(analysed_story([analyze(a)]))
    assert [e.date.isoformat() for e in entries] == ["2012-03-30"]


def test_a_posts_date_is_not_an_event() -> None:
    text = "Great show tonight — Jane Roe (@janeroe) July 5, 2016"
    a = Article(origin="t", text=text, paragraphs=(Span(0, len(text)),))
    assert build_timeline(analysed_story([analyze(a)])) == []
