"""The web app over a real SQLite store: pages, JSON API, escaping and security headers."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from newsweave.web.app import create_app

from .conftest import Stored


@pytest.fixture(scope="module")
def client(stored: Stored) -> TestClient:
    return TestClient(create_app(stored.store))


def test_story_list_page_and_api(client: TestClient, stored: Stored) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert f'href="/stories/{stored.story}"' in page.text
    api = client.get("/api/stories").json()
    assert {s["id"] for s in api["stories"]} == {stored.story, stored.hostile}
    assert api["total"] == 2
    assert {"id", "title", "articles", "outlets", "conflicts"} <= set(api["stories"][0])


def test_brief_api_is_the_contract(client: TestClient, stored: Stored) -> None:
    r = client.get(f"/api/stories/{stored.story}/brief")
    assert r.headers["content-type"] == "application/json"
    brief = r.json()
    assert brief["schema"] == "newsweave/brief@1"
    for key in ("story", "articles", "summary", "claims", "quotes", "timeline", "entities"):
        assert key in brief
    assert client.get("/api/stories/nope/brief").status_code == 404


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}/brief", "/api/search"} <= set(paths)


def test_story_page_links_citations_to_passages(client: TestClient, stored: Stored) -> None:
    html = client.get(f"/stories/{stored.story}").text
    for section in ("summary", "claims", "quotes", "timeline", "entities", "coverage"):
        assert f'id="{section}"' in html
    link = re.search(r'class="cite" href="([^"]+)"', html)
    assert link
    article = client.get(link.group(1).replace("&amp;", "&"))
    assert article.status_code == 200
    assert '<mark id="cited">' in article.text


def test_article_page_shows_removed_furniture_folded(client: TestClient, stored: Stored) -> None:
    brief = client.get(f"/api/stories/{stored.story}/brief").json()
    with_removed = [a for a in brief["articles"] if a["removed"]]
    assert with_removed
    html = client.get(f"/articles/{with_removed[0]['store_id']}").text
    assert '<details class="removed"><summary>Removed: ' in html


def test_security_headers(client: TestClient, stored: Stored) -> None:
    for url in ("/", f"/stories/{stored.story}", "/api/stories"):
        h = client.get(url).headers
        assert "script-src 'self'" in h["content-security-policy"]
        assert "unsafe-inline" not in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"
        assert h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "no-referrer"


class _Active(HTMLParser):
    """Collects every tag a browser would treat as script: <script>, on* handlers, javascript:."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"{tag} {name}={value}")


def active_markup(html: str) -> list[str]:
    parser = _Active()
    parser.feed(html)
    return parser.found


def test_hostile_text_is_escaped_everywhere(client: TestClient, stored: Stored) -> None:
    brief = client.get(f"/api/stories/{stored.hostile}/brief").json()
    assert any("<script>" in a["text"] for a in brief["articles"])  # kept as text…
    pages = [client.get(f"/stories/{stored.hostile}").text, client.get("/").text]
    pages += [client.get(f"/articles/{a['store_id']}").text for a in brief["articles"]]
    pages.append(client.get("/search", params={"q": "script pwned"}).text)
    for html in pages:  # …and never as markup
        assert "<script" not in html.lower()
        assert active_markup(html) == []
    assert "&lt;script&gt;" in pages[0] or "&lt;script&gt;" in pages[2]


def test_search_page_and_api(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "warehouse"}).json()["hits"]
    assert hits
    page = client.get("/search", params={"q": "warehouse"}).text
    assert "<mark>" in page


def test_a_cited_span_that_is_no_passage_is_a_bad_request(
    client: TestClient, stored: Stored
) -> None:
    brief = client.get(f"/api/stories/{stored.story}/brief").json()
    aid = brief["articles"][0]["store_id"]
    length = len(brief["articles"][0]["text"])
    good = client.get(f"/articles/{aid}", params={"start": 0, "end": 10})
    assert good.status_code == 200 and '<mark id="cited">' in good.text
    for bad in (
        {"start": 9_999_999, "end": 1},
        {"start": 10**9, "end": 10**9 + 5},
        {"start": 5, "end": 5},
        {"start": 0, "end": length + 1},
        {"start": -1, "end": 3},
        {"start": 5},
    ):
        r = client.get(f"/articles/{aid}", params=bad)
        assert r.status_code == 400, bad
        assert r.headers["content-type"].startswith("text/html")
        assert f"0 ≤ start &lt; end ≤ {length:,}" in r.text
    assert json.loads(client.get(f"/api/articles/{aid}").text)["story_id"] == stored.story


@pytest.mark.parametrize(
    "url",
    [
        "/?page=9223372036854775808",
        "/api/stories?offset=9223372036854775808",
        "/api/search?q=" + "fire " * 400,
        "/search?q=" + "x" * 5000,
    ],
    ids=["page", "offset", "api-query", "page-query"],
)
def test_requests_past_the_bounds_are_refused_not_failed(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 422


def test_a_query_of_one_word_repeated_is_one_word(client: TestClient) -> None:
    once = client.get("/api/search", params={"q": "warehouse"}).json()["hits"]
    many = client.get("/api/search", params={"q": "warehouse " * 90}).json()["hits"]
    assert many == once
