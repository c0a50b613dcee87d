import numpy as np

from newsweave.analyze import analyze_articles
from newsweave.brief.story import analysed_story
from newsweave.brief.summary import (
    MAX_SENTENCES,
    MAX_WORDS,
    _candidates,
    _Picker,
    _quoting_alike,
    _readable,
    _Sentence,
    summarize,
)
from newsweave.model import (
    Article,
    Fidelity,
    QuoteGroup,
    QuoteVariant,
    Span,
    SummarySentence,
)
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
    # list items: no subject, or names and posts only
    assert not readable("• Asking the harbour board to inspect every ferry before the summer.")
    assert not readable("Dana Roe of Harbour County, Court of Appeals of Westshire (Ret.)")
    assert readable("Dana Roe of Harbour County said the Court of Appeals sat late.")


def test_a_sentence_inside_a_quotation_is_a_quotation_without_a_mark_of_its_own() -> None:
    text = (
        "The pier at Inish Point will reopen next week after repairs, the council said. "
        "Mayor Ana Ruiz said: “The pier has been shut for a month. "
        "Every boat will be checked by the harbour staff before it sails again.”"
    )
    (ann,) = analyze_articles([Article(origin="t", text=text, paragraphs=(Span(0, len(text)),))])
    flags = {s.text.split()[0]: s.quote for s in _candidates("a1", ann)}
    assert flags == {"The": False, "Mayor": False, "Every": True}


def test_sentences_quoting_one_utterance_are_alike_across_outlets_only() -> None:
    words = "“We will rebuild the wall before the winter storms come”"
    texts = [
        f"{words}, Mayor Ana Ruiz said on Monday.",
        f"Speaking to families outside the town hall late on Monday, Ruiz said: {words}.",
        f"Ruiz repeated it on Tuesday: {words}.",
        "The ferry will not sail before Friday.",
        f"She was quoted wrongly as saying {words.replace('will', 'will not')}.",
    ]
    articles = ["a1", "a2", "a2", "a3", "a4"]
    sents = [
        _Sentence(a, Span(0, len(t)), t, 0.0, False) for a, t in zip(articles, texts, strict=True)
    ]

    def variant(k: int, fidelity: Fidelity) -> QuoteVariant:
        start = texts[k].index("“")
        end = texts[k].index("”") + 1
        return QuoteVariant(articles[k], Span(start, end), texts[k][start:end], "Ana Ruiz", fidelity)

    variants = (*(variant(k, "faithful") for k in range(3)), variant(4, "changed"))
    group = QuoteGroup("q1", "Ana Ruiz", words, variants, None)
    alike = _quoting_alike(sents, articles, [group])
    # a changed wording (here the opposite) is not the same words
    assert alike == [{1, 2}, {0}, {0}, set(), set()]


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


def test_a_question_is_not_a_summary_line() -> None:
    def readable(text: str) -> bool:
        return _readable(_Sentence("a1", Span(0, len(text)), text, 0.0, False))

    assert not readable("“Who will pay for the repairs to the harbour wall?” residents asked.")
    assert not readable("Will the harbour wall be rebuilt before the winter storms arrive?")
    assert readable("Residents asked the council who would pay for the repairs to the wall.")
    out = _summary(
        "“Who will pay for the repairs to the harbour wall?” residents asked the council. "
        "The harbour wall collapsed in a storm on Sunday night.",
        "The harbour wall collapsed in a storm on Sunday night, the council said.",
    )
    assert out and all("?" not in s.text for s in out)


def _picker(texts: list[str], equivalents: list[set[int]], quotes: int = 0) -> _Picker:
    """A picker over one sentence per article, nothing alike by words, with the given
    equivalents (``quotes``: how many of the first sentences are quotations)."""
    sents = [
        _Sentence(f"a{k + 1}", Span(0, len(t)), t, 0.0, k < quotes) for k, t in enumerate(texts)
    ]
    n = len(texts)
    return _Picker(
        sents,
        np.eye(n),
        [frozenset()] * n,
        [frozenset(e) for e in equivalents],
        frozenset(range(n)),
    )


def test_a_fact_already_cited_is_not_said_again() -> None:
    # the second states the first's fact in other words (it is among its citations)
    summary = _picker(
        [
            "The council will rebuild the harbour wall this spring.",
            "Work on a new harbour wall starts in the spring, councillors confirmed.",
            "Fishing boats have moved to the next bay until the work is done.",
        ],
        [{1}, {0}, set()],
    )
    assert summary.take(0)
    assert not summary.take(1)
    assert summary.take(2)
    assert summary.picked == [0, 2]


def test_a_line_is_said_in_full_where_another_outlet_says_more() -> None:
    short = "The ferry company will replace its oldest boat on the island route."
    full = (
        "The ferry company will replace its oldest boat on the island route before the "
        "summer season, a spokeswoman said."
    )
    summary = _picker([short, full], [{1}, {0}])
    assert summary.take(0) and summary.picked == [1]
    # a longer passage that leaves out words of the line says something else: not taken
    other = "A spokeswoman said the company would buy two boats for the island route this year."
    summary = _picker([short, other], [{1}, {0}])
    assert summary.take(0) and summary.picked == [0]
    # nor a quotation for the reporter's words
    summary = _picker([full, short], [{1}, {0}], quotes=1)
    assert summary.take(1) and summary.picked == [1]
    # nor a passage fewer articles vouch for: the line cites two, the fuller one only one
    third = "The island route's oldest ferry is to be replaced by the ferry company."
    summary = _picker([short, full, third], [{1, 2}, {0}, {0}])
    assert summary.take(0) and summary.picked == [0]
    # end to end: the fuller wording is the line, and it cites both outlets
    out = _summary(
        short + " Engineers found rust in its hull last month.",
        full + " Tickets will cost the same.",
    )
    line = next(s for s in out if "ferry" in s.text)
    assert line.text == full
    assert {c.article for c in line.citations} == {"a1", "a2"}
