"""The standalone HTML export: the web templates, inline style, no script, escaped text."""

from __future__ import annotations

import pytest

from newsweave.contract.encode import brief_dict
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
