"""Real Chromium (Debian's, driven by Playwright): click a citation, see it; payloads stay inert.

Screenshots go to ``$NEWSWEAVE_SHOTS`` (default: the test's temp dir) for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Stored

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("NEWSWEAVE_SHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("shots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    profile = tempfile.mkdtemp(prefix="nw-chromium-")
    with playwright.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport={"width": 390, "height": 844},  # a phone screen
        )
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


def test_click_citation_highlights_passage(
    browser: object, live_server: str, stored: Stored, shots: Path
) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(live_server + "/")
    page.click(f'a[href="/stories/{stored.story}"]')
    page.wait_for_url(f"**/stories/{stored.story}")
    page.screenshot(path=str(shots / "story.png"), full_page=True)
    cite = page.locator("#summary a.cite").first
    hover = cite.get_attribute("title") or ""
    cite.click()
    page.wait_for_url("**/articles/**")
    mark = page.locator("mark#cited")
    assert mark.is_visible()
    # the highlighted passage is the one the hover text previewed
    assert hover.split(": ", 1)[1][:40].rstrip("…") in mark.inner_text()
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    # the browser scrolled to it (#cited in the URL)
    box = mark.bounding_box()
    assert box is not None and -2 <= box["y"] < 844
    page.screenshot(path=str(shots / "article-cited.png"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, "the article page must not scroll sideways on a phone"
    page.close()


def test_hostile_payloads_do_not_run(
    browser: object, live_server: str, stored: Stored, shots: Path
) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{live_server}/stories/{stored.hostile}")
    page.screenshot(path=str(shots / "hostile-story.png"), full_page=True)
    urls = [a.get_attribute("href") for a in page.locator("ul.sources a").all()]
    assert urls
    for url in [f"/stories/{stored.hostile}", *urls, "/search?q=script+pwned"]:
        page.goto(live_server + str(url))
        page.wait_for_load_state("load")
        assert page.evaluate("window.pwned") is None
        assert "pwned" not in page.title()
        assert page.locator("script").count() == 0
    # the payload is shown as text, for the reader to see
    page.goto(live_server + str(urls[0]))
    page.screenshot(path=str(shots / "hostile-article.png"), full_page=True)
    assert "<script>" in page.inner_text("article") or "onerror" in page.inner_text("article")
    assert dialogs == []
    page.close()


def test_tapping_a_verdict_shows_its_reason_on_a_phone(
    browser: object, live_server: str, stored: Stored, shots: Path
) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(f"{live_server}/stories/{stored.story}")
    why = page.locator("#claims details.why").first
    reason = why.get_attribute("open")
    assert reason is None  # folded until asked
    summary = why.locator("summary")
    hover = summary.get_attribute("title") or ""
    assert hover
    summary.click()  # a tap: no hover on a phone
    assert why.get_attribute("open") is not None
    assert hover in why.inner_text()
    box = why.bounding_box()
    assert box is not None and box["height"] > 0
    page.locator("#claims").screenshot(path=str(shots / "verdict-why.png"))
    page.close()


def test_the_api_docs_open_and_describe_the_brief(
    browser: object, live_server: str, shots: Path
) -> None:
    """Swagger UI runs from the app's own files under the pages' script policy, offline."""
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(live_server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/brief"} <= {
        p.replace("\u200b", "") for p in paths
    }
    # the brief's schema is there, field by field, with the descriptions
    title = page.locator(".json-schema-2020-12__title", has_text=re.compile("^Brief$"))
    brief = page.locator("section.models article.json-schema-2020-12").filter(has=title).first
    brief.scroll_into_view_if_needed()
    brief.locator(".json-schema-2020-12-expand-deep-button").first.click()
    page.wait_for_timeout(300)
    text = brief.inner_text()
    for field in ("schema", "story", "left_out", "articles", "claims", "quotes", "summary"):
        assert field in text
    assert "The story's title and dates." in text
    page.screenshot(path=str(shots / "api-docs.png"), full_page=False)
    assert errors == []
    page.close()
