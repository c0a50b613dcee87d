"""Discrepancies first, on a desktop (1366 px) and a phone (390 px), in Debian's Chromium.

Each new element of the story page (what disagrees, summary flags, the folded claim matrix with
its sticky column, the timeline strip, the coverage bars, one heading per speaker) and the home
and article pages are drawn at both widths; screenshots go to ``$NEWSWEAVE_SHOTS`` (default: a
temp dir) for a person to look at. A story of 150 articles, 145 of them syndicated copies, is
built here from the example story (no fixture committed) and must render small.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsweave.pipeline import read_articles
from newsweave.service.ingest import ingest
from newsweave.store import Store, open_store
from newsweave.web.app import create_app
from paths import EXAMPLES

from .conftest import Stored
from .test_browser import ARGS, CHROMIUM

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
COPIES = 145
PAGE_LIMIT = 300_000  # bytes for the 150-article story page


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("NEWSWEAVE_SHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("shots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    profile = tempfile.mkdtemp(prefix="nw-chromium-")
    with playwright.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS
        )
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


def _page(chromium: Any, width: str) -> Any:
    page = chromium.new_page()
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    return page


def _inside(box: dict[str, float] | None, width: int) -> bool:
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5


def _ids(live_server: str, story: str) -> dict[str, str]:
    """Outlet → article id in the stored brief (the web numbers a story's articles oldest
    first; the CLI in the order given)."""
    import httpx

    brief = httpx.get(f"{live_server}/api/stories/{story}/brief").json()
    return {a["outlet_label"]: a["id"] for a in brief["articles"]}


def _no_sideways_scroll(page: Any, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1


@pytest.mark.parametrize("width", WIDTHS)
def test_what_disagrees_comes_first_with_the_summary_flagged(
    chromium: Any, live_server: str, stored: Stored, shots: Path, width: str
) -> None:
    page = _page(chromium, width)
    page.goto(f"{live_server}/stories/{stored.story}")
    page.screenshot(path=str(shots / f"story-{width}.png"))
    page.screenshot(path=str(shots / f"story-{width}-full.png"), full_page=True)
    block = page.locator("#disagree")
    summary = page.locator("#summary")
    assert block.bounding_box()["y"] < summary.bounding_box()["y"]  # type: ignore[index]
    conflict = block.locator("li.kind-conflict").first
    text = conflict.inner_text()
    assert "four" in text and "six" in text
    assert "drops “not”" in block.locator("li.kind-reversed").first.inner_text()
    post = _ids(live_server, stored.story)["Calder Evening Post"]
    flag = summary.locator(".flag-disputed").first
    assert flag.inner_text() == f"[disputed: {post} says six]"
    assert flag.evaluate("f => getComputedStyle(f).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert "[Owen Braddock]" in summary.inner_text()
    _no_sideways_scroll(page, WIDTHS[width][0])
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_conflicting_figure_and_its_verdict_fit_the_screen(
    chromium: Any, live_server: str, stored: Stored, shots: Path, width: str
) -> None:
    page = _page(chromium, width)
    page.goto(f"{live_server}/stories/{stored.story}")
    row = page.locator("#claims tr.verdict-conflict").first
    row.scroll_into_view_if_needed()
    verdict = row.locator("summary.badge")
    six = row.locator("td.sides a.fig", has_text="six")
    four = row.locator("td.sides a.fig", has_text="four")
    w = WIDTHS[width][0]
    for element in (verdict, six, four):
        assert element.is_visible()
        assert _inside(element.bounding_box(), w), element.inner_text()
    assert verdict.inner_text() == "conflict"
    page.locator("#claims").screenshot(path=str(shots / f"claims-{width}.png"))
    _no_sideways_scroll(page, w)
    page.close()


def test_the_measure_column_stays_while_the_outlets_scroll(
    chromium: Any, live_server: str, stored: Stored, shots: Path
) -> None:
    page = _page(chromium, "phone")
    page.goto(f"{live_server}/stories/{stored.story}")
    measure = page.locator("#claims tr.verdict-conflict th.sticky")
    measure.scroll_into_view_if_needed()
    before = measure.bounding_box()
    scroller = page.locator("#claims .scroll")
    assert scroller.evaluate("s => s.scrollWidth > s.clientWidth")  # the outlets go on
    scroller.evaluate("s => { s.scrollLeft = 400; }")
    after = measure.bounding_box()
    assert before is not None and after is not None
    assert abs(after["x"] - before["x"]) < 1
    columns = page.locator("#claims thead th").count()
    assert columns == 3 + 5  # measure, verdict, figures, then the five originals
    page.locator("#claims").screenshot(path=str(shots / "claims-phone-scrolled.png"))
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_strip_and_coverage_bars_are_drawn(
    chromium: Any, live_server: str, stored: Stored, shots: Path, width: str
) -> None:
    page = _page(chromium, width)
    page.goto(f"{live_server}/stories/{stored.story}")
    strip = page.locator("figure.strip svg")
    strip.scroll_into_view_if_needed()
    assert strip.is_visible()
    w = WIDTHS[width][0]
    assert _inside(strip.bounding_box(), w)
    events = page.locator("#timeline ol.timeline li").count()
    assert strip.locator("circle.event").count() == events
    labels = [t.text_content() for t in strip.locator("g.pub text").all()]
    ids = _ids(live_server, stored.story)
    assert ids["Calder Evening Post"] in labels
    assert ids["Coastline Press"] not in labels  # a copy: its original's mark stands for it
    bars = page.locator("figure.bars tbody tr")
    assert bars.count() == 5
    fill = bars.first.locator("rect.fill-claims")
    assert float(fill.get_attribute("width") or 0) > 0
    assert fill.evaluate("r => getComputedStyle(r).fill") not in ("none", "rgb(0, 0, 0)")
    page.locator("#sources").screenshot(path=str(shots / f"pictures-{width}.png"))
    _no_sideways_scroll(page, w)
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_one_heading_per_speaker_and_changed_words_marked(
    chromium: Any, live_server: str, stored: Stored, shots: Path, width: str
) -> None:
    page = _page(chromium, width)
    page.goto(f"{live_server}/stories/{stored.story}")
    quotes = page.locator("#quotes")
    heads = quotes.locator("h3").all_inner_texts()
    assert heads.count("Owen Braddock") == 1
    deleted = quotes.locator("li.fidelity-changed del", has_text="not").first
    deleted.scroll_into_view_if_needed()
    assert deleted.is_visible()
    assert "line-through" in deleted.evaluate("d => getComputedStyle(d).textDecorationLine")
    assert "faithful" in quotes.locator("li.fidelity-faithful").first.inner_text()
    quotes.screenshot(path=str(shots / f"quotes-{width}.png"))
    _no_sideways_scroll(page, WIDTHS[width][0])
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_home_page_shows_event_dates_and_disagreements(
    chromium: Any, live_server: str, stored: Stored, shots: Path, width: str
) -> None:
    page = _page(chromium, width)
    page.goto(f"{live_server}/?sort=disagreements")
    page.screenshot(path=str(shots / f"home-{width}.png"), full_page=True)
    item = page.locator("ul.stories li").filter(
        has=page.locator(f'a[href="/stories/{stored.story}"]')
    )
    assert "2025-03-11 22:05 – 2025-03-13" in item.locator(".when").inner_text()
    tally = item.locator(".tally").inner_text()
    assert "1 figure in conflict" in tally and "1 changed quote" in tally
    assert "5 outlets" in item.locator(".meta").first.inner_text()
    # most disagreements first: the counts shown never rise down the list
    counts = [
        sum(int(n) for n in re.findall(r"(\d+) (?:figures?|changed)", t))
        for t in page.locator("ul.stories .tally").all_inner_texts()
    ]
    assert counts == sorted(counts, reverse=True) and len(counts) == 2
    page.click("nav.sort a")  # back to latest activity
    assert page.locator("nav.sort b").inner_text() == "latest activity"
    _no_sideways_scroll(page, WIDTHS[width][0])
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_article_page_reads_on_both_screens(
    chromium: Any, live_server: str, stored: Stored, shots: Path, width: str
) -> None:
    page = _page(chromium, width)
    page.goto(f"{live_server}/stories/{stored.story}")
    page.locator("#summary a.cite").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("mark#cited").is_visible()
    page.screenshot(path=str(shots / f"article-{width}.png"))
    _no_sideways_scroll(page, WIDTHS[width][0])
    page.close()


# -- a story of 150 articles, 145 of them syndicated copies ----------------------------------


def _wire_story(folder: Path) -> Path:
    """The example story's five originals and 145 reprints of them by other outlets, as one
    JSON Lines file (each reprint its own outlet and address, the text as the original's)."""
    articles, _ = read_articles([EXAMPLES / "harbour-fire"])
    originals = [a for a in articles if "bayline" not in a.origin]  # bayline is a5's copy
    rows = []
    for i, a in enumerate(originals):
        rows.append((f"orig-{i}", f"https://outlet{i}.example/fire", a, a.outlet))
    for n in range(COPIES):
        a = originals[n % len(originals)]
        rows.append((f"copy-{n}", f"https://reprint{n}.example/fire", a, f"Reprint Daily {n}"))
    later = {rid: n for n, (rid, *_) in enumerate(rows)}
    path = folder / "wire.jsonl"
    lines = [
        json.dumps(
            {
                "id": rid,
                "url": url,
                "title": a.title,
                # a reprint runs after its original
                "published": (
                    (a.published + timedelta(minutes=later[rid])).isoformat()
                    if a.published and rid.startswith("copy")
                    else a.published.isoformat()
                    if a.published
                    else None
                ),
                "outlet": outlet,
                "text": a.text,
            }
        )
        for rid, url, a, outlet in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, str]]:
    root = tmp_path_factory.mktemp("wire")
    store = open_store(f"sqlite:///{root / 'wire.db'}")
    story = ingest(store, [_wire_story(root)]).stories[0]
    yield store, story
    store.close()


@pytest.mark.slow
def test_a_story_of_150_articles_with_145_copies_renders_small(
    wire: tuple[Store, str], chromium: Any, tmp_path: Path, shots: Path
) -> None:
    store, story = wire
    client = TestClient(create_app(store))
    brief = client.get(f"/api/stories/{story}/brief").json()
    assert len(brief["articles"]) == 150
    assert sum(1 for a in brief["articles"] if a["copy_of"]) == COPIES
    html = client.get(f"/stories/{story}").text
    size = len(html.encode("utf-8"))
    assert size < PAGE_LIMIT, f"{size:,} bytes"
    # shown the way a browser shows it: one matrix column per original, no page-wide scroll
    link = '<link rel="stylesheet" href="/static/style.css">'
    css = client.get("/static/style.css").text
    assert link in html
    (tmp_path / "story.html").write_text(html.replace(link, f"<style>{css}</style>"), "utf-8")
    page = _page(chromium, "phone")
    page.goto((tmp_path / "story.html").as_uri())
    assert page.locator("#claims thead th").count() == 3 + 5
    assert "+29 copies" in page.locator("#claims thead").inner_text()
    row = page.locator("#claims tbody tr").first  # the most serious verdict comes first
    row.scroll_into_view_if_needed()
    assert _inside(row.locator("summary.badge").bounding_box(), 390)
    assert _inside(row.locator("td.sides a.fig").first.bounding_box(), 390)
    page.screenshot(path=str(shots / "story-150-phone.png"))
    _no_sideways_scroll(page, 390)
    page.close()
