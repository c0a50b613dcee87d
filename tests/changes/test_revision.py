"""The diff of two versions of an article: sentences, edited figures, quotes."""

from __future__ import annotations

from newsweave.changes.revision import diff_articles, diff_dict, sentences
from newsweave.model import Article, Span


def article(*paragraphs: str, title: str = "Harbour fire") -> Article:
    text = "\n\n".join(paragraphs)
    spans, at = [], 0
    for p in paragraphs:
        spans.append(Span(at, at + len(p)))
        at += len(p) + 2
    return Article("https://example.test/fire", text, tuple(spans), title=title)


OLD = article(
    "A fire at the Northgate warehouse killed 12 people on Tuesday, the fire service said.",
    "More than 40 firefighters fought the blaze for six hours.",
    'The mayor said: "We will rebuild the quay." Crews worked through the night.',
)


def test_same_text_is_no_change() -> None:
    assert diff_articles(OLD, OLD).is_empty()


def test_an_edited_figure_is_marked_in_its_sentence() -> None:
    new = article(
        "A fire at the Northgate warehouse killed 15 people on Tuesday, the fire service said.",
        "More than 40 firefighters fought the blaze for six hours.",
        'The mayor said: "We will rebuild the quay." Crews worked through the night.',
    )
    diff = diff_articles(OLD, new)
    assert not diff.added and not diff.removed and not diff.quotes
    (edit,) = diff.edited
    (figure,) = edit.figures
    assert (figure.before_text, figure.after_text) == ("12", "15")
    assert figure.after.of(new.text) == "15" and figure.before.of(OLD.text) == "12"
    assert (figure.before_interval, figure.after_interval) == ((12, 12), (15, 15))


def test_figures_are_paired_by_what_they_count() -> None:
    old = article("Crews rescued 3 children and 12 adults from the flats.")
    new = article("Crews rescued 4 children, a dog and 12 adults from the flats.")
    (edit,) = diff_articles(old, new).edited
    assert [(f.before_text, f.after_text) for f in edit.figures] == [("3", "4")]


def test_a_qualifier_is_an_edit_of_the_figure() -> None:
    old = article("More than 40 firefighters fought the blaze for six hours.")
    new = article("About 60 firefighters fought the blaze for six hours.")
    (edit,) = diff_articles(old, new).edited
    (figure,) = edit.figures
    assert (figure.before_text, figure.after_text) == ("More than 40", "About 60")
    assert figure.before_interval == (40, None)


def test_sentences_added_and_removed() -> None:
    new = article(
        "A fire at the Northgate warehouse killed 12 people on Tuesday, the fire service said.",
        "Police have opened an inquiry into the cause. The owner declined to comment.",
        'The mayor said: "We will rebuild the quay." Crews worked through the night.',
    )
    diff = diff_articles(OLD, new)
    assert [s.of(new.text) for s in diff.added] == [
        "Police have opened an inquiry into the cause.",
        "The owner declined to comment.",
    ]
    assert [s.of(OLD.text) for s in diff.removed] == [
        "More than 40 firefighters fought the blaze for six hours."
    ]
    assert not diff.edited


def test_a_reworded_quote_is_paired_with_the_one_it_replaced() -> None:
    new = article(
        "A fire at the Northgate warehouse killed 12 people on Tuesday, the fire service said.",
        "More than 40 firefighters fought the blaze for six hours.",
        'The mayor said: "We will rebuild the whole quay." Crews worked through the night.',
    )
    diff = diff_articles(OLD, new)
    (quote,) = diff.quotes
    assert quote.before is not None and quote.after is not None
    assert quote.before.of(OLD.text) == "We will rebuild the quay."
    assert quote.after.of(new.text) == "We will rebuild the whole quay."


def test_a_moved_paragraph_is_not_everything_changed() -> None:
    paragraphs = [p.of(OLD.text) for p in OLD.paragraphs]
    moved = article(paragraphs[0], paragraphs[2], paragraphs[1])
    diff = diff_articles(OLD, moved)
    assert len(diff.added) == len(diff.removed) == 1  # the moved sentence, once each way
    assert not diff.edited


def test_headline_change_and_json() -> None:
    new = article(*[p.of(OLD.text) for p in OLD.paragraphs], title="Fire kills 12")
    diff = diff_articles(OLD, new)
    assert not diff.is_empty()
    data = diff_dict(diff, OLD.text, new.text)
    assert data["title"] == {"before": "Harbour fire", "after": "Fire kills 12"}
    assert data["added"] == data["removed"] == data["edited"] == data["quotes"] == []


def test_sentences_are_spans_of_each_paragraph() -> None:
    spans = sentences(OLD)
    assert [s.of(OLD.text) for s in spans][-2:] == [
        'The mayor said: "We will rebuild the quay."',
        "Crews worked through the night.",
    ]
