"""The hostile corpus (``hostile.py``, small size) through brief and ingest: no exception, one
printable line for each bad input naming it, nothing dropped in silence, and the good story's
brief the same with the corpus as without it. bench/hostile.py runs the full-size corpus
through the commands and measures time and memory."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hostile import SMALL_LIMITS, Case, write_corpus
from newsweave.analyze.limits import Limits, notes
from newsweave.contract.encode import brief_dict
from newsweave.ingest.files import shown_path
from newsweave.model import Article, Problem
from newsweave.pipeline import brief_stories, read_articles
from newsweave.service.ingest import ingest
from newsweave.store import open_store
from newsweave.store.schema import articles, stories

# What each case must come to: a problem naming it (and saying this), or an article read from
# it (with a warning saying this, where a limit bites).
PROBLEM = {
    "deep.json": "--max-json-depth",
    "long-integer.json": "4300 digits",
    "bogus-length.warc": "record cut short",
    "truncated.warc": "record cut short",
    "bomb.warc.gz": "--max-mb",
    "gzip-bomb.txt.gz": "--max-mb",
    "empty.txt": "empty file",
    "binary.html": "binary data",
    "over-limit.txt": "--max-mb",
    "one-bad-line.jsonl": "line 2: JSON nested more than",
}
READ = {
    "long-paragraph.txt": "--max-paragraph-chars",
    "long-prose.txt": "--max-article-chars",
    "three-huge-paragraphs.html": "--max-article-chars",
    "huge-title.html": "--max-paragraph-chars",
    "surrogate.jsonl": "",
    "one-bad-line.jsonl": "",
    "not-utf8-name": "",
    "escape-name": "",
    "control-text.html": "",
    "year-edges.jsonl": "",
    "year-one-meta.html": "",
    "bad-url-hint.jsonl": "",
    "deep-json-ld.html": "",
    "utf16-no-bom.txt": "",
    "bogus-length.warc": "",
    "truncated.warc": "",
    "bomb.warc.gz": "",
    "5000-figures.txt": "",
    "quote-storm.txt": "",
    "truncated.html": "",
    "script.html": "",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, write_corpus(folder, full=False)


def printable(line: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cs") for c in line)


def the_good_story(briefs: list[Any], good: Path) -> dict[str, Any]:
    """The brief whose articles are the good files, without what depends on the other inputs
    (problems and the list of what was left out)."""
    found = [b for b in map(brief_dict, briefs) if str(good) in b["articles"][0]["origin"]]
    assert len(found) == 1
    found[0].pop("problems")
    found[0].pop("left_out", None)
    return found[0]


def from_case(item: Problem | Article, case: Case) -> bool:
    return item.origin.startswith(shown_path(str(case.path)))


def test_every_case_ends_in_an_article_or_a_problem_and_the_good_brief_holds(
    corpus: tuple[Path, list[Case]],
) -> None:
    folder, cases = corpus
    read, problems = read_articles([folder], SMALL_LIMITS)
    warnings = [w for a in read for w in notes(a, Limits.of(SMALL_LIMITS))]
    for line in [str(p) for p in problems + warnings]:
        assert "\n" not in line and printable(line), line
    for case in cases:
        said = [p.message for p in problems if from_case(p, case)]
        got = [a for a in read if from_case(a, case)]
        assert said or got, f"{case.name} came to nothing"
        if case.name in PROBLEM:
            assert any(PROBLEM[case.name] in m for m in said), (case.name, said)
        if case.name in READ:
            assert got, (case.name, said)
            flag = READ[case.name]
            assert not flag or any(flag in w.message for w in warnings if from_case(w, case))
    mixed = brief_stories(read, problems, every=True, options=SMALL_LIMITS)
    alone = brief_stories(read_articles([folder / "good"], SMALL_LIMITS)[0], every=True)
    assert the_good_story(mixed, folder / "good") == the_good_story(alone, folder / "good")


def test_ingest_stores_the_corpus_and_every_article_has_a_story(
    corpus: tuple[Path, list[Case]], tmp_path: Path
) -> None:
    folder, _ = corpus
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}")
    try:
        result = ingest(store, [folder], SMALL_LIMITS)
        with store.read() as conn:
            unplaced = conn.execute(select(articles.c.id).where(articles.c.story_id.is_(None)))
            assert unplaced.all() == []
            failed = conn.execute(
                select(stories.c.brief_error).where(stories.c.brief_error.is_not(None))
            )
            assert failed.all() == []
    finally:
        store.close()
    assert result.new_articles == len(result.articles) > 6
    assert all(printable(str(p)) for p in result.problems + result.warnings)
