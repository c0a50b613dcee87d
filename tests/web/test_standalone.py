"""The standalone HTML export: the web templates, inline style, no script, escaped text."""

from __future__ import annotations

import pytest

from newsweave.contract.encode import brief_dict
from newsweave.options import DEFAULT, updated
from newsweave.pipeline import build_brief, read_articles, story_of
from newsweave.web.standalone import render
from paths import EXAMPLES


@pytest.fixture(scope="module")
def html() -> str:
    articles, problems = read_articles([EXAMPLES / "harbour-fire"])
    brief = brief_dict(build_brief(story_of(articles, problems)))
    brief["articles"][0]["text"] += "\n\n<script>alert(1)</script>"
    return render(brief)


def test_standalone_page_has_every_section_and_no_script(html: str) -> None:
    assert html.startswith("<!doctype html>")
    for section in ("summary", "claims", "quotes", "timeline", "entities", "coverage"):
        assert f'id="{section}"' in html
    assert "<style>" in html and 'rel="stylesheet"' not in html
    assert "<script" not in html and "&lt;script&gt;" in html


def test_citations_jump_within_the_page(html: str) -> None:
    assert 'class="cite" href="#article-a1"' in html or 'href="#article-a' in html
    assert 'id="article-a1"' in html


def test_views_have_their_own_section_only_when_asked(html: str) -> None:
    assert 'id="views"' not in html  # the brief was made without --views
    articles, problems = read_articles([EXAMPLES / "harbour-fire"])
    options = updated(DEFAULT, {"analysis.views": True})
    brief = brief_dict(build_brief(story_of(articles, problems), options=options))
    view = next(x for a in brief["articles"] for x in a["attributions"] if x["view"])
    view_html = render(brief)
    section = view_html.split('id="views"')[1].split("</section>")[0]
    assert "Views held (not quotations)" in section
    assert view["cue"] in section and 'class="cite"' in section
