"""The JSON API as a developer meets it: typed schema, one story, filters, paged search,
errors a browser can read, HEAD, and the docs page, over a real SQLite store."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsweave.web.app import create_app

from .conftest import Stored


@pytest.fixture(scope="module")
def client(stored: Stored) -> TestClient:
    return TestClient(create_app(stored.store))


def _ids(client: TestClient, **params: str) -> set[str]:
    r = client.get("/api/stories", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["stories"])
    return {s["id"] for s in body["stories"]}


def test_one_story_with_its_articles(client: TestClient, stored: Stored) -> None:
    r = client.get(f"/api/stories/{stored.story}")
    assert r.status_code == 200
    d = r.json()
    assert d["story"]["id"] == stored.story and d["story"]["articles"] == 6
    assert "conflict" in d["verdicts"]
    assert len(d["articles"]) == 6
    dates = [a["published"] for a in d["articles"] if a["published"]]
    assert dates == sorted(dates)  # oldest first
    assert d["brief_url"] == f"/api/stories/{stored.story}/brief"
    first = client.get(d["articles"][0]["url"]).json()
    assert first["story_id"] == stored.story and first["text"]
    missing = client.get("/api/stories/nope")
    assert missing.status_code == 404 and missing.json() == {"detail": "no story 'nope'"}


def test_stories_filtered_by_outlet_dates_and_verdict(client: TestClient, stored: Stored) -> None:
    both = {stored.story, stored.hostile}
    assert _ids(client) == both
    assert _ids(client, outlet="harbour herald") == {stored.story}  # case aside
    assert _ids(client, outlet="Harbour") == set()  # whole names only
    assert _ids(client, since="2025-03-12") == {stored.story}  # it runs into the 13th
    assert _ids(client, until="2025-03-10") == set()
    assert _ids(client, since="2025-03-11", until="2025-03-11") == {stored.story}
    assert _ids(client, since="2030-01-01") == set()
    assert _ids(client, verdict="conflict") == both  # the hostile pages say 12 and 14
    assert _ids(client, verdict="differ") == {stored.story}
    paged = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert paged["total"] == 2 and len(paged["stories"]) == 1
    assert (paged["offset"], paged["limit"]) == (1, 1)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"since": "2025-03-13", "until": "2025-03-11"}, 400),
        ({"since": "last week"}, 422),
        ({"verdict": "maybe"}, 422),
        ({"limit": 0}, 422),
    ],
)
def test_bad_filters_say_what_is_wrong(
    client: TestClient, params: dict[str, str], status: int
) -> None:
    r = client.get("/api/stories", params=params)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert r.json()["detail"]


def test_search_pages_and_marks_matches_by_offset(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "fire", "limit": 2}).json()
    assert first["total"] > 2 and len(first["hits"]) == 2
    rest = client.get("/api/search", params={"q": "fire", "limit": 50, "offset": 2}).json()
    assert len(rest["hits"]) == first["total"] - 2
    seen = [h["article_id"] for h in first["hits"] + rest["hits"]]
    assert len(set(seen)) == len(seen)  # pages do not overlap
    for hit in first["hits"] + rest["hits"]:
        assert "\x02" not in hit["snippet"] and "\x03" not in hit["snippet"]
        assert hit["highlights"]
        for h in hit["highlights"]:
            assert hit["snippet"][h["start"] : h["end"]].lower().startswith("fire")


def test_openapi_describes_every_answer(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path, item in spec["paths"].items():
        ok = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, f"{path} has an untyped answer"
    brief = spec["paths"]["/api/stories/{story_id}/brief"]["get"]["responses"]["200"]
    assert brief["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Brief"}
    fields = spec["components"]["schemas"]["Brief"]["properties"]
    assert {"schema", "story", "articles", "claims", "quotes", "timeline", "summary"} <= set(fields)
    search = spec["components"]["schemas"]["SearchHit"]["properties"]["highlights"]
    assert "snippet[h.start:h.end]" in search["description"]


@pytest.mark.parametrize(
    "url", ["/stories/nope", "/articles/nope", "/no/such/page", "/?page=0", "/static/nope.css"]
)
def test_a_browser_gets_an_html_error_page(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (404, 422)
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1>" in r.text and 'href="/"' in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_the_api_answers_errors_in_json(client: TestClient) -> None:
    for url in ("/api/stories/nope/brief", "/api/articles/nope", "/api/nothing"):
        r = client.get(url)
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/json"


def test_head_answers_like_get(client: TestClient, stored: Stored) -> None:
    for url in ("/", f"/stories/{stored.story}", "/search?q=fire", "/docs"):
        head = client.head(url)
        assert head.status_code == 200, url
        assert head.content == b""
        assert head.headers["content-type"].startswith("text/html")


def test_the_docs_page_is_served_by_the_app_itself(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") for s in sources), "nothing from elsewhere"
    for src in sources:
        assert client.get(src).status_code == 200, src
    assert "<script>" not in page.text  # no inline script: the policy would block it
