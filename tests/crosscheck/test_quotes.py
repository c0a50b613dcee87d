"""Quote variants grouped across outlets, on small stories written for these tests, and on the
bundled example story."""

from __future__ import annotations

import pytest

from newsweave import weave
from newsweave.analyze import analyze_articles
from newsweave.analyze.wording import compare, flips, words
from newsweave.brief.story import analysed_story
from newsweave.crosscheck.quotes import group_quotes
from newsweave.model import Article, Brief, QuoteGroup, QuoteVariant, Span
from paths import EXAMPLES


def story(*texts: str) -> list[QuoteGroup]:
    arts = []
    for i, t in enumerate(texts):
        spans, start = [], 0
        for part in t.split("\n\n"):
            spans.append(Span(start, start + len(part)))
            start += len(part) + 2
        arts.append(Article(origin=f"t{i}", text=t, paragraphs=tuple(spans)))
    return group_quotes(analysed_story(analyze_articles(arts)))


def group_with(groups: list[QuoteGroup], text: str) -> QuoteGroup:
    found = [g for g in groups if any(text in v.text for v in g.variants)]
    assert len(found) == 1, [g.canonical for g in groups]
    return found[0]


def variant(g: QuoteGroup, article: str, text: str = "") -> QuoteVariant:
    (v,) = [v for v in g.variants if v.article == article and text in v.text]
    return v


def test_a_reworded_quote_is_grouped_and_marked_changed() -> None:
    groups = story(
        "“If anyone harms our sailors, we will respond,” Admiral Selin Kaya said on Monday.",
        "“If anyone harms our sailors, we will strike back,” Admiral Selin Kaya said.",
        "Kaya spoke in the port. “If anyone harms our sailors, we will respond,” she said.",
    )
    g = group_with(groups, "harms our sailors")
    assert len(g.variants) == 3
    assert g.canonical == "If anyone harms our sailors, we will respond"
    assert [v.fidelity for v in g.variants] == ["faithful", "changed", "faithful"]
    changed = variant(g, "a2")
    assert [(d.op, d.word) for d in changed.diff if d.op != "="] == [
        ("-", "respond"),
        ("+", "strike"),
        ("+", "back"),
    ]
    assert g.speaker == "Selin Kaya"
    assert g.note is None  # reworded, not reversed


def test_every_variant_text_is_its_span() -> None:
    texts = (
        "“The pier is closed,” harbourmaster Grace Okafor said. “It will reopen on Monday.”",
        "“The pier is closed. It will reopen on Monday,” Okafor said.",
    )
    for g in story(*texts):
        for v in g.variants:
            assert texts[int(v.article[1:]) - 1][v.span.start : v.span.end] == v.text
            # The diff spells the variant word for word, with the canonical words it lacks
            # (the comma that hands over to the reporter is not a word of it).
            assert [d.word for d in v.diff if d.op != "-"] == v.text.rstrip(",").split()


def test_a_quote_split_by_its_attribution_groups_with_the_whole_one() -> None:
    groups = story(
        "“My crews worked all night in the cold,” chief Ian Moor said. "
        "“I could not be prouder of them.”",
        "“My crews worked all night in the cold. I could not be prouder of them,” Moor said.",
        "“My crews worked all night in the cold. I could not be prouder of them,” Moor said.",
    )
    g = group_with(groups, "My crews")
    assert len(groups) == 1
    assert [v.article for v in g.variants] == ["a1", "a1", "a2", "a3"]
    assert {v.fidelity for v in g.variants} == {"faithful"}
    assert g.canonical == "My crews worked all night in the cold. I could not be prouder of them"


def test_a_partial_quote_joins_the_fuller_one() -> None:
    groups = story(
        "“The fleet is ready to sail within the hour,” Admiral Selin Kaya said.",
        "Kaya said the fleet was “ready to sail within the hour.”",
    )
    g = group_with(groups, "ready to sail")
    assert len(g.variants) == 2
    assert variant(g, "a2").fidelity == "faithful"
    assert g.canonical == "The fleet is ready to sail within the hour"


def test_outlets_cutting_a_statement_differently_group_as_the_whole_statement() -> None:
    # a2 quotes the two sentences apart: each is a partial variant of the statement a1 prints.
    (g,) = story(
        "“The harbour is shut. Ferries will not run before Friday,” Okafor said.",
        "“The harbour is shut,” Okafor said.\n\nShe added: “Ferries will not run before Friday.”",
    )
    assert sorted(v.article for v in g.variants) == ["a1", "a2", "a2"]
    assert variant(g, "a1").text.startswith("The harbour is shut. Ferries will not run")
    assert {v.fidelity for v in g.variants} == {"faithful"}


def test_sentences_quoted_with_others_elsewhere_stay_apart() -> None:
    # a1 quotes S1 with S2, a2 quotes S1 with S3: S1 belongs to neither statement alone.
    groups = story(
        "“The harbour is shut. Ferries will not run before Friday,” Okafor said.",
        "“The harbour is shut. Fishing boats may leave at dawn,” Okafor said.",
    )
    shut = group_with(groups, "harbour is shut")
    assert {v.text for v in shut.variants} == {"The harbour is shut."}
    assert len(groups) == 3


def test_one_formula_from_two_speakers_stays_apart() -> None:
    groups = story(
        "“We will act at a time and place of our choosing,” Admiral Selin Kaya said.",
        "“Talks will resume at a time and place of our choosing,” Minister Tom Ellery said.",
    )
    assert len(groups) == 2


def test_folded_spelling_is_faithful() -> None:
    groups = story(
        "“U.S. crews don’t leave the centres before dawn,” Okafor said.",
        "“US crews do not leave the centers before dawn,” Okafor said.",
    )
    (g,) = groups
    assert {v.fidelity for v in g.variants} == {"faithful"}


def test_a_dropped_article_or_that_is_faithful_but_shown() -> None:
    groups = story(
        "“We believe that the pumps will hold,” Okafor said.",
        "“We believe the pumps will hold,” Okafor said.",
        "“We believe that the pumps will hold,” Okafor told reporters.",
    )
    (g,) = groups
    assert {v.fidelity for v in g.variants} == {"faithful"}
    assert ("-", "that") in [(d.op, d.word) for d in variant(g, "a2").diff]


def test_a_dropped_not_is_called_out() -> None:
    groups = story(
        "“The sea wall is not at risk of breaking tonight,” engineer Tom Ellery said.",
        "“The sea wall is not at risk of breaking tonight,” Ellery said.",
        "“The sea wall is at risk of breaking tonight,” engineer Tom Ellery said.",
    )
    (g,) = groups
    assert variant(g, "a3").fidelity == "changed"
    assert g.note is not None
    assert "a3" in g.note and "“not”" in g.note and "reverses the meaning" in g.note


def test_a_lookalike_word_is_called_out() -> None:
    groups = story(
        "“The drones in the hangar were unmanned and grounded,” Kaya said.",
        "“The drones in the hangar were unarmed and grounded,” Kaya said.",
        "“The drones in the hangar were unmanned and grounded,” Kaya said.",
    )
    (g,) = groups
    assert variant(g, "a2").fidelity == "changed"
    assert g.note is not None and "“unarmed” for “unmanned”" in g.note


def test_the_meaning_flips_found() -> None:
    def f(a: str, b: str) -> list[str]:
        return flips(words(a), words(b))

    assert f("we will not raise the fee", "we will raise the fee") == [
        "drops “not”, which reverses the meaning"
    ]
    assert f("there are more boats", "there are fewer boats") == [
        "has “fewer” for “more”, its opposite"
    ]
    assert f("the guards were armed", "the guards were unarmed") == [
        "has “unarmed” for “armed”, the word negated by its prefix"
    ]
    # Forms of one word and plain rewording reverse nothing.
    assert f("our inquiry began today", "our inquiry begins today") == []
    assert f("we will respond", "we will strike back") == []
    assert f("ammunition stores", "munition stores") == []


def test_compare_trims_what_only_one_side_quotes() -> None:
    full = words("This is a hard day, but nobody was hurt, and we will rebuild")
    assert compare(full, words("and we will rebuild")).same
    assert not compare(full, words("We are going to rebuild")).same
    ops = compare(full, words("We are going to rebuild")).ops
    assert [(op, w.shown) for op, w in ops] == [
        ("=", "We"),
        ("-", "will"),
        ("+", "are"),
        ("+", "going"),
        ("+", "to"),
        ("=", "rebuild"),
    ]
    # An editor's insertion is nobody's words.
    assert compare(
        words("hold the Guard accountable"), words("hold the [Coastal] Guard accountable")
    ).same


def test_the_most_common_wording_is_canonical() -> None:
    groups = story(
        "“Our inquiry began today,” Kaya said.",
        "“Our inquiry begins today,” Kaya said.",
        "“Our inquiry began today,” Kaya said.",
    )
    (g,) = groups
    assert g.canonical == "Our inquiry began today"
    assert variant(g, "a2").fidelity == "changed"


def test_a_tie_goes_to_the_outlet_that_agrees_with_the_others_elsewhere() -> None:
    # a2 rewords two quotations that three outlets print alike; where only a1 and a2 print a
    # third quotation, each differently, a1's wording is the likelier verbatim one.
    groups = story(
        "“The storm wall held,” Kaya said. “The pumps ran all night,” Kaya said. "
        "“Repairs start in the spring,” Kaya said.",
        "“The storm barrier held,” Kaya said. “The pumps worked all night,” Kaya said. "
        "“Repairs begin in the spring,” Kaya said.",
        "“The storm wall held,” Kaya said. “The pumps ran all night,” Kaya said.",
        "“The storm wall held,” Kaya said. “The pumps ran all night,” Kaya said.",
    )
    g = group_with(groups, "in the spring")
    assert g.canonical.endswith("Repairs start in the spring")
    assert variant(g, "a2", "Repairs").fidelity == "changed"


def test_scare_quotes_are_not_groups() -> None:
    assert story("The so-called “storm of the century” reached the coast on Tuesday.") == []


def test_no_quotes_no_groups() -> None:
    assert story("The ferry did not sail.", "The harbour stayed closed.") == []


# The bundled example story (examples/README.md, "Quotes").


@pytest.fixture(scope="module")
def example() -> Brief:
    return weave([EXAMPLES / "harbour-fire"])


def _outlet(brief: Brief, name: str) -> str:
    (aid,) = [b.id for b in brief.articles if b.article.origin.endswith(name)]
    return aid


def test_example_reworded_quote_is_grouped_and_changed(example: Brief) -> None:
    g = group_with(list(example.quotes), "nobody was killed, and we are going to rebuild")
    live = _outlet(example, "harbour-herald-live.txt")
    assert "we will rebuild" in g.canonical
    assert {v.fidelity for v in g.variants if v.article == live} == {"changed"}
    assert {v.fidelity for v in g.variants if v.article != live} == {"faithful"}
    assert len({v.article for v in g.variants}) == 4
    assert g.speaker == "Delia Marrant"


def test_example_meaning_flip_is_grouped_changed_and_called_out(example: Brief) -> None:
    g = group_with(list(example.quotes), "The building is at risk of collapse")
    post = _outlet(example, "calder-evening-post.txt")
    assert {v.article: v.fidelity for v in g.variants}[post] == "changed"
    assert sum(v.fidelity == "faithful" for v in g.variants) == 5
    assert g.note is not None and post in g.note and "“not”" in g.note
    assert g.speaker == "Owen Braddock"


def test_example_split_quote_groups_with_the_wire_copy(example: Brief) -> None:
    g = group_with(list(example.quotes), "I could not be prouder of them")
    herald = _outlet(example, "harbour-herald.html")
    assert sum(v.article == herald for v in g.variants) == 2
    assert len({v.article for v in g.variants}) == 3
    assert {v.fidelity for v in g.variants} == {"faithful"}


def test_example_pronoun_attributions(example: Brief) -> None:
    g = group_with(list(example.quotes), "Every family that had to leave home")
    assert g.speaker == "Delia Marrant"
