"""The outlet registry, credits that name people, and how an unnamed outlet is shown."""

from __future__ import annotations

import pytest

from newsweave.extract import extract_article
from newsweave.extract.outlets import (
    STARTER,
    RegistryError,
    identify,
    names_a_person,
    parse_registry,
)
from newsweave.model import Article, Hints, OutletInfo, RawDocument, Span
from newsweave.options import DEFAULT, updated

BODY = (
    "The harbour master closed the pier on Monday after divers found cracks in two of its "
    "piers, and said it would stay shut for at least a week while repairs are planned.\n\n"
)


def _raw(text: str, url: str | None = None) -> RawDocument:
    return RawDocument("x/page.txt", text.encode(), text, "text/plain", "utf-8", Hints(url=url))


def test_csv_and_json_registries() -> None:
    csv_text = (
        "key,name,country,owner,kind\n"
        "bay.example,Bay Post,Norland,Bay Media,newspaper\n"
        "The Bay,Bay Post,,,\n"
    )
    (post,) = parse_registry(csv_text, "csv")
    assert post == OutletInfo(
        "Bay Post", ("Bay Post", "bay.example", "The Bay"), "Norland", "Bay Media", "newspaper"
    )
    json_text = '{"harbour.example": {"name": "Harbour TV", "kind": "public broadcaster"}}'
    (tv,) = parse_registry(json_text, "json")
    assert tv.name == "Harbour TV" and tv.kind == "public broadcaster"
    assert parse_registry('[{"key": "k.example", "name": "K News"}]', "json")[0].name == "K News"


@pytest.mark.parametrize(
    ("text", "fmt"), [("name,country\nX,Y\n", "csv"), ("{not json", "json"), ("[1, 2]", "json")]
)
def test_a_bad_registry_says_why(text: str, fmt: str) -> None:
    with pytest.raises(RegistryError):
        parse_registry(text, fmt)


def test_outlets_are_found_by_name_or_domain_user_registry_first() -> None:
    mine = OutletInfo("My Wire", ("My Wire", "reuters.com"), "Norland", None, "wire")
    assert identify("Reuters", None) is not None
    assert identify(None, "https://www.reuters.com/world/x") in STARTER
    assert identify(None, "https://www.reuters.com/world/x", [mine]) is mine
    assert identify(None, "https://edition.cnn.com/x") is not None
    assert identify("Bay Post", "https://bay.example/x") is None


@pytest.mark.parametrize("credit", ["JANE ROE", "Jane Roe", "Staff Writer", "Ola Venn-Holt"])
def test_credits_that_name_people(credit: str) -> None:
    assert names_a_person(credit)


@pytest.mark.parametrize("credit", ["Example News", "CNN", "Reuters", "BBC NI", "Bay Herald"])
def test_credits_that_name_outlets(credit: str) -> None:
    assert not names_a_person(credit)


def test_a_closing_credit_naming_a_person_is_a_byline_not_an_outlet() -> None:
    a = extract_article(_raw(BODY + "— JANE ROE\n"))
    assert a.outlet is None and a.byline == "JANE ROE"


def test_the_domain_names_the_outlet_through_the_registry() -> None:
    a = extract_article(_raw(BODY, url="https://www.bay.example/news/1"))
    assert a.outlet == "bay.example" and a.outlet_info is None
    reg = parse_registry("key,name,country,owner,kind\nbay.example,Bay Post,Norland,,\n", "csv")
    a = extract_article(
        _raw(BODY, url="https://www.bay.example/news/1"), updated(DEFAULT, {"extract.outlets": reg})
    )
    assert a.outlet == "Bay Post" and a.outlet_info == reg[0]


def test_an_unnamed_outlet_is_shown_by_domain_else_as_unknown() -> None:
    plain = Article(origin="dir/story.txt", text="t", paragraphs=(Span(0, 1),))
    assert plain.outlet_label() == "unknown (story.txt)"
    web = Article(origin="u", text="t", paragraphs=(Span(0, 1),), url="https://www.bay.example/1")
    assert web.outlet_label() == "bay.example"
    named = Article(origin="u", text="t", paragraphs=(Span(0, 1),), outlet="Bay Post")
    assert named.outlet_label() == "Bay Post"
