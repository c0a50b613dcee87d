"""Who speaks each quotation, on paragraphs written for these tests."""

from __future__ import annotations

import pytest

from newsweave.analyze import analyze
from newsweave.analyze.marks import quote_stretches
from newsweave.analyze.speakers import attribute, same_speaker, speaker_key
from newsweave.model import Article, Entity, Span


def paragraphs_of(text: str) -> tuple[Span, ...]:
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append(Span(start, start + len(part)))
        start += len(part) + 2
    return tuple(spans)


def article_of(text: str) -> Article:
    return Article(origin="t", text=text, paragraphs=paragraphs_of(text))


def speakers(text: str) -> list[str | None]:
    spans = []
    start = 0
    for part in text.split("\n\n"):
        spans.append(Span(start, start + len(part)))
        start += len(part) + 2
    a = analyze(Article(origin="t", text=text, paragraphs=tuple(spans)))
    return [q.speaker for q in a.quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # after the quote, subject first
        ("“We are ready,” Okafor said.", "Okafor"),
        # after the quote, inverted, with what the speaker belongs to
        (
            "“The tide is the real danger,” said Jonathan Reyes of the Centre for Coastal Studies.",
            "Jonathan Reyes",
        ),
        # a name with its appositive before the verb
        (
            "“Crews are on their way,” Lt. Col. Maria Duarte, who leads the rescue teams, said.",
            "Maria Duarte",
        ),
        # before the quote, the name in the appositive
        (
            "A spokeswoman for the council, Hannah Price, said: “The shelter is open all night.”",
            "Hannah Price",
        ),
        # before the quote, a name and its role in the appositive
        (
            "Hannah Price, a spokeswoman for the council, said the shelter was “open all night.”",
            "Hannah Price",
        ),
        # the name nearest the verb is its subject
        (
            "Like Okafor, Ellery warned that the pier was “not safe for anyone.”",
            "Ellery",
        ),
        # an organisation speaking
        (
            "“We will review every permit,” the Coastal Authority said in a statement.",
            "Coastal Authority",
        ),
        ("“It will reopen,” according to Okafor.", "Okafor"),
    ],
)
def test_explicit_speakers(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_titles_are_stripped_and_the_fullest_name_kept() -> None:
    text = (
        "Transport Minister Ruth Adeyemi visited the port on Monday.\n\n"
        "“The line will reopen within a week,” Adeyemi said."
    )
    assert speakers(text) == ["Ruth Adeyemi"]


def test_pronouns_take_the_nearest_fitting_named_speaker() -> None:
    text = (
        "Harbourmaster Grace Okafor said the port was closed for the night.\n\n"
        "“We will reopen when it is safe,” she said."
    )
    assert speakers(text) == ["Grace Okafor"]
    text = (
        "“The quay is flooded,” Okafor said. “The road is next,” engineer Tom Ellery said.\n\n"
        "“We have pumps on the way,” he added."
    )
    assert speakers(text) == ["Okafor", "Tom Ellery", "Tom Ellery"]


def test_a_pronoun_skips_people_who_did_not_speak() -> None:
    text = (
        "Mayor Delia Voss, who met the ferry captain Ian Moor on Monday, said the town would "
        "recover.\n\n"
        "“Nobody was hurt, and we will rebuild,” she said."
    )
    assert speakers(text) == ["Delia Voss"]


def test_a_statement_speaks_for_whoever_issued_it() -> None:
    text = (
        "The Coastal Authority confirmed in a statement that the pier had been closed.\n\n"
        "“Inspectors will visit the site on Friday,” the statement said."
    )
    assert speakers(text) == ["Coastal Authority"]


def test_a_quotation_without_a_cue_carries_on_from_the_one_before() -> None:
    text = (
        "“We lost two boats,” said fisherman Ian Moor.\n\n"
        "“We will need help to get through the winter.”"
    )
    assert speakers(text) == ["Ian Moor", "Ian Moor"]


def test_a_headline_label_names_the_person_by_title() -> None:
    text = 'Mayor: "We are going to rebuild"\n\nMayor Delia Voss spoke at the town hall.'
    assert speakers(text) == ["Delia Voss"]


def test_a_description_is_kept_as_printed() -> None:
    assert speakers("“The pumps failed at midnight,” a council official said.") == [
        "a council official"
    ]


def test_a_scare_quote_is_not_a_quote() -> None:
    assert speakers("The so-called “storm of the century” arrived on Tuesday.") == []


def test_same_speaker() -> None:
    assert same_speaker("Okafor", "Grace Okafor") is True
    assert same_speaker("Harbourmaster Grace Okafor", "Grace Okafor") is True
    assert same_speaker("Okafor", "Ellery") is False
    # Short forms that spell an organisation's words.
    assert same_speaker("Marcom", "Maritime Command") is True
    assert same_speaker("Marcom", "US Maritime Command") is True
    assert same_speaker("CPA", "Coastal Port Authority") is True
    assert same_speaker("UK", "United Kingdom") is True
    # A nationality does not spell a body by its first letters alone.
    assert same_speaker("Kenya", "Kenyan Armed Forces") is False
    # A description is nobody in particular.
    assert same_speaker("a council official", "Okafor") is None
    assert same_speaker(None, "Okafor") is None
    assert speaker_key("Lt. Col. Maria Duarte") == ("maria", "duarte")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a description without the full stop that ends the sentence
        ("“It is the best bread in town,” said the cheerful baker.", "the cheerful baker"),
        # a conjunction is not part of the speaker, and the reader never speaks
        ("Okafor spoke first.\n\n“Nobody told us,” but she said it twice.", "Okafor"),
        ("When you see the pier, “it is shocking,” you know.", None),
    ],
)
def test_speakers_as_printed_are_cleaned(text: str, speaker: str | None) -> None:
    assert speakers(text) in ([speaker], [] if speaker is None else [speaker])


def test_a_pull_quote_credit_names_its_speaker() -> None:
    text = (
        "“The river has never come this high,” said Tom Ellery, the harbourmaster.\n\n"
        "“We knocked on every door before midnight.” Sgt. Wren Halloway, Calder Police "
        "Department"
    )
    assert speakers(text) == ["Tom Ellery", "Wren Halloway"]


def test_a_name_after_a_quotation_with_a_verb_is_not_a_credit() -> None:
    # The name that follows begins the next sentence; the quotation keeps its paragraph's speaker.
    text = (
        "Tom Ellery, the harbourmaster, spoke first.\n\n"
        "“We knocked on every door.” Wren Halloway arrived an hour later."
    )
    assert speakers(text)[0] != "Wren Halloway"


def test_a_verb_form_after_a_determiner_is_a_noun_not_a_cue() -> None:
    # "their claims" is not "Critics claims": the scare quote after it has no speaker.
    text = "Critics want proof for their claims, not words like “perhaps” in every answer."
    assert speakers(text) in ([], [None])


def test_a_pronoun_skips_a_person_the_article_shows_is_the_other() -> None:
    # "Mr John Miller" was named last, but "she" is Ms Collins
    text = (
        "Ms Sarah Collins, a reporter, had boarded the boat. Mr John Miller, the skipper, was "
        "arrested on Friday.\n\n“I was just taking a trip,” she said.\n\n“It was an accident,” "
        "he said."
    )
    assert speakers(text) == ["Sarah Collins", "John Miller"]


def test_a_role_before_a_relative_s_name_says_nothing_of_another() -> None:
    # "wife" is Melania's, not Donald's: the pronoun still finds him
    text = (
        "Donald Trump spoke at the rally with his wife Melania Trump beside him.\n\n"
        "“We will win,” he said."
    )
    assert speakers(text) == ["Donald Trump"]


def test_a_gerund_after_a_compound_modifier_is_a_noun_and_with_is_no_name() -> None:
    # "the two-minute warning" is no cue, and "With" opening the sentence names no one
    text = (
        "With 90 seconds to go (plus the two-minute warning) the Harriers ran the same "
        "“winning” play again."
    )
    assert speakers(text) in ([], [None])


def test_a_name_quoted_as_a_nickname_holds_no_role() -> None:
    text = (
        "A police source said the youth was in both videos.\n\n"
        "In one video, he goes by the nickname “Jojo,” the source said."
    )
    assert {a.source for a in analyze(article_of(text)).attributions} == {"A police source"}


def test_a_pronoun_passes_over_names_only_a_title_case_headline_holds() -> None:
    text = (
        "Mayor Calls Harbour Workers' Deaths 'Tragedy'\n\n"
        "“It is a tragedy for all of us,” he said on Friday."
    )
    stretches = quote_stretches(text, paragraphs_of(text))
    at = text.index("Calls Harbour")
    name = "Calls Harbour Workers"
    headline = Entity(Span(at, at + len(name)), "PERSON", name)
    said = attribute(text, paragraphs_of(text), stretches, [headline])
    assert said[-1].speaker is None
    # the same name printed in the story too is a person the pronoun may mean
    text += "\n\nCalls Harbour Workers was there."
    stretches = quote_stretches(text, paragraphs_of(text))
    said = attribute(text, paragraphs_of(text), stretches, [headline])
    assert said[-1].speaker == "Calls Harbour Workers"


def test_a_bare_title_is_not_held_by_whom_the_role_serves() -> None:
    text = (
        "Dana Ruiz's rep told the Harbour Times that this was not the whole truth.\n\n"
        "“They are trying to deflect,” the rep said.\n\n"
        "A rep for Okafor did not respond."
    )
    assert speakers(text) == ["Dana Ruiz's rep"]
