from datetime import date, datetime

from newsweave.brief.story import make_brief, story_title
from newsweave.model import Article, Span


def _a(title: str | None, published: date | None = None) -> Article:
    return Article(origin="x", text="t", paragraphs=(Span(0, 1),), title=title, published=published)


def test_story_title_is_the_most_shared_headline() -> None:
    arts = [
        _a("Warehouse fire injures four firefighters"),
        _a("Four firefighters injured in warehouse fire in Port Calder"),
        _a("Port Calder fire: mayor promises inquiry"),
    ]
    assert story_title(arts) == "Warehouse fire injures four firefighters"
    assert story_title([_a(None)]) is None


def test_time_span_mixes_dates_and_datetimes() -> None:
    b = make_brief([_a("x", date(2025, 3, 13)), _a("y", datetime(2025, 3, 12, 9, 0)), _a("z")])
    assert b.first_published == datetime(2025, 3, 12, 9, 0)
    assert b.last_published == date(2025, 3, 13)
    assert [x.id for x in b.articles] == ["a1", "a2", "a3"]
