from newsweave.analyze import analyze_articles
from newsweave.brief.story import analysed_story
from newsweave.brief.summary import MAX_SENTENCES, MAX_WORDS, _readable, _Sentence, summarize
from newsweave.model import Article, Span, SummarySentence
from newsweave.pipeline import build_brief, read_articles, story_of
from paths import EXAMPLES


def test_the_example_summary_is_cited_and_short() -> None:
    arts, _ = read_articles([EXAMPLES / "harbour-fire"])
    brief = build_brief(story_of(arts))
    texts = {b.id: b.article.text for b in brief.articles}
    assert 3 <= len(brief.summary) <= MAX_SENTENCES
    assert sum(len(s.text.split()) for s in brief.summary) <= MAX_WORDS
    for s in brief.summary:
        first = s.citations[0]
        assert texts[first.article][first.span.start : first.span.end] == s.text
        assert len({c.article for c in s.citations}) == len(s.citations)
    # what most outlets say is in it: the fire, the injured firefighters
    joined = " ".join(s.text for s in brief.summary).lower()
    assert "firefighters" in joined and "warehouse" in joined


def _summary(*texts: str) -> list[SummarySentence]:
    arts = [
        Article(origin=f"t{i}", text=t, paragraphs=(Span(0, len(t)),)) for i, t in enumerate(texts)
    ]
    return summarize(analysed_story(analyze_articles(arts)))


def test_corroborated_sentences_win_and_cite_every_outlet() -> None:
    out = _summary(
        "A ferry ran aground off Inish Point on Sunday with 40 passengers aboard. "
        "The captain's dog was later found safe on the beach by a walker.",
        "The ferry ran aground off Inish Point on Sunday carrying 40 passengers. "
        "Local cafes reported a busy afternoon as onlookers gathered.",
        "A ferry carrying 40 passengers ran aground off Inish Point on Sunday, the coastguard said.",
    )
    top = out[0]
    assert "aground" in top.text
    assert len({c.article for c in top.citations}) == 3


def test_fragments_are_not_summary_lines() -> None:
    def readable(text: str) -> bool:
        return _readable(_Sentence("a1", Span(0, len(text)), text, 0.0, False))

    assert readable("The ferry ran aground off Inish Point on Sunday with 40 aboard.")
    assert not readable("“We will rebuild the harbour wall before the winter storms come,")
    assert not readable("and then the ferry sailed on into the night with all aboard.")
    assert not readable("Ferry runs aground off Inish Point with forty passengers aboard")
    assert not readable("Too short.")


def test_nothing_to_say() -> None:
    assert _summary("") == []


def test_an_embedded_posts_signature_is_not_part_of_its_sentence() -> None:
    post = (
        "We reran the best footage from earlier years for the viewers at home. "
        "It was the only honest choice we had tonight. #HarbourShow — Harbour Show "
        "(@HarbourShow) July 5, 2016"
    )
    out = _summary(post, "The Harbour Show reran footage from earlier years for viewers at home.")
    texts = [s.text for s in out]
    assert all("@HarbourShow" not in t for t in texts)
    assert any(t == "It was the only honest choice we had tonight." for t in texts)
