"""Direct quotes found in paragraphs written for these tests: every shape of quote mark and
every way scraping or translation leaves them broken."""

from __future__ import annotations

import pytest

from newsweave.analyze import analyze
from newsweave.analyze.marks import quote_stretches
from newsweave.analyze.sentence_rules import sentence_pieces
from newsweave.model import Quote
from texts import article


def quotes(text: str, headline: bool = False) -> list[Quote]:
    found = list(analyze(article(text, headline)).quotes)
    for q in found:
        assert q.text == q.span.of(text)
    return found


def texts(text: str) -> list[str]:
    return [q.text for q in quotes(text)]


def stretches(text: str) -> list[str]:
    """What the mark pairing alone finds (no model run)."""
    a = article(text)
    return [s.span.of(text) for s in quote_stretches(text, a.paragraphs)]


@pytest.mark.parametrize(
    "text",
    [
        "“The ferry will not sail tonight,” harbourmaster Grace Okafor said.",
        '"The ferry will not sail tonight," harbourmaster Grace Okafor said.',
        "„The ferry will not sail tonight“, harbourmaster Grace Okafor said.",
        "«The ferry will not sail tonight», harbourmaster Grace Okafor said.",
    ],
)
def test_curly_straight_and_foreign_marks(text: str) -> None:
    (q,) = quotes(text)
    assert q.text.rstrip(",") == "The ferry will not sail tonight"
    assert q.speaker == "Grace Okafor"
    assert not q.partial


def test_the_quoted_words_are_what_stands_between_the_marks() -> None:
    # The comma that hands over to the reporter stays as printed (scorers and readers compare
    # what is between the marks); a comma outside the marks is the reporter's.
    assert texts("“We are ready,” Okafor said.") == ["We are ready,"]
    assert texts("„We are ready“, Okafor said.") == ["We are ready"]
    assert texts("“Are we ready?” Okafor asked.") == ["Are we ready?"]


def test_a_quote_split_by_its_attribution_is_two_quotes_of_one_speaker() -> None:
    found = quotes(
        "“The harbour is closed,” harbourmaster Grace Okafor said. “It will reopen on Monday.”"
    )
    assert [q.text for q in found] == ["The harbour is closed,", "It will reopen on Monday."]
    assert {q.speaker for q in found} == {"Grace Okafor"}


def test_a_quote_that_runs_over_paragraphs() -> None:
    text = (
        "“The first part of the plan is simple,” said engineer Tom Ellery. “We move the boats.\n\n"
        "“Then we move the cranes, and then we wait for the tide.”\n\n"
        "The council meets on Friday."
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "The first part of the plan is simple,",
        "We move the boats.",
        "Then we move the cranes, and then we wait for the tide.",
    ]
    assert {q.speaker for q in found} == {"Tom Ellery"}


def test_nested_single_quotes_stay_inside_the_quotation() -> None:
    (q,) = quotes("“They told us ‘stay indoors’ and we did,” said resident Ama Boateng.")
    assert q.text == "They told us ‘stay indoors’ and we did,"
    assert q.speaker == "Ama Boateng"


def test_single_quotes_outside_double_ones_are_quotations() -> None:
    assert stretches("Mayor says the town will ‘build back stronger’ after the flood") == [
        "build back stronger"
    ]
    # Apostrophes are not quote marks.
    assert stretches("The soldiers’ families and Iran’s envoy met in O’Hare’s lounge.") == []
    assert stretches("It’s the ’90s again, and rock ’n’ roll is back.") == []


def test_partial_quotes_inside_the_reporters_sentence() -> None:
    (q,) = quotes("Transport Minister Ruth Adeyemi said the response would be “multi-tiered.”")
    assert q.partial
    assert q.text == "multi-tiered."
    assert q.speaker == "Ruth Adeyemi"
    (q,) = quotes("Okafor said the pier was “not safe for anyone” until Monday.")
    assert q.partial and q.speaker == "Okafor"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "Governor Alan Brennan linked the closure to the storm, stating, "
            "“No ferry will sail tonight.”",
            "Alan Brennan",
            "stating",
        ),
        ("“The bridge stays shut until the inspection,” Brennan declared.", "Brennan", "declared"),
        (
            "Police chief Dana Whitcombe told reporters that the road was “too dangerous to open.”",
            "Dana Whitcombe",
            "told reporters",
        ),
        (
            "“The water is still rising,” according to engineer Priya Natarajan.",
            "Priya Natarajan",
            "according to",
        ),
    ],
)
def test_quotes_introduced_by_any_speech_verb(text: str, speaker: str, cue: str) -> None:
    (q,) = quotes(text)
    assert (q.speaker, q.cue) == (speaker, cue)


def test_headline_quotes() -> None:
    text = (
        "“We think the dam will hold”: Whitcombe\n\n"
        "Police chief Dana Whitcombe spoke to reporters at the dam on Tuesday."
    )
    (q,) = quotes(text, headline=True)
    assert q.text == "We think the dam will hold"
    assert (q.speaker, q.cue) == ("Dana Whitcombe", "headline")


def test_a_closing_mark_with_its_opener_lost() -> None:
    text = "He spoke for an hour. The roads are clear now,” Whitcombe said."
    (q,) = quotes(text)
    assert q.text == "The roads are clear now,"
    assert q.speaker == "Whitcombe"


def test_an_opening_glyph_that_closes() -> None:
    # Bad translation leaves an opening mark where the closing one belongs.
    text = "The shelter said: “We have no beds left for tonight, “ the statement read."
    assert stretches(text) == ["We have no beds left for tonight,"]


def test_doubled_single_marks_stand_for_double_ones() -> None:
    text = "“It was an attempt to mislead voters,’’ Dana Whitcombe said."
    (q,) = quotes(text)
    assert q.text == "It was an attempt to mislead voters,"
    assert q.speaker == "Dana Whitcombe"


def test_an_unclosed_quote_is_recovered() -> None:
    # A whole quotation that loses its closing mark runs to its paragraph's end...
    assert stretches("Okafor said: “The harbour stays closed. Nobody goes out.\n\nThe end.") == [
        "The harbour stays closed. Nobody goes out."
    ]
    # ...a partial one to its sentence's end.
    assert stretches("Okafor called it “a dark day. The council will meet on Friday.") == [
        "a dark day."
    ]


def test_two_openers_in_a_row_close_the_first_at_its_sentence() -> None:
    text = "Okafor said “we are ready. Ellery said “so are we” on Monday."
    assert stretches(text) == ["we are ready.", "so are we"]


def test_measures_are_not_quote_marks() -> None:
    assert stretches('A 12" pipe burst under the 5\' 11" wall.') == []


@pytest.mark.parametrize(
    "text",
    [
        "“",
        "”",
        '"',
        "“”",
        "“ ”",
        "‘’",
        "He said “",
        "” he said “",
        "“““”””",
        "'\"'\"'",
        "“a\n\n”b\n\n“",
        "Word “\n\n“\n\n” word",
        "" + "“x” " * 300,
    ],
)
def test_broken_marks_never_crash(text: str) -> None:
    for q in quotes(text):
        assert q.span.start < q.span.end


def test_sentence_pieces_know_abbreviations() -> None:
    text = "Lt. Gen. Ana Ruiz met U.S. officials. They left at 9 a.m. on Friday. “Yes.” Done."
    pieces = [text[s:e] for s, e in sentence_pieces(text)]
    assert pieces == [
        "Lt. Gen. Ana Ruiz met U.S. officials.",
        "They left at 9 a.m. on Friday.",
        "“Yes.”",
        "Done.",
    ]


def test_straight_marks_pair_in_order_when_one_is_typed_against_the_next_word() -> None:
    # the closing mark sits against "Tom": it must not open a quotation of the reporter's words
    text = (
        '"The wall will hold, but the pumps are old, "Tom Ellery, the harbourmaster, said on '
        'Monday.\n\n"We need new ones before the winter."'
    )
    assert stretches(text) == [
        "The wall will hold, but the pumps are old,",
        "We need new ones before the winter.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Ellery said the aim was to rebuild the pier. “Containment” has been the council's"
        " policy since the storm.",
        "“The aim is to rebuild the pier,” Tom Ellery said.\n\n“Containment” has been the"
        " council's policy since the storm.",
    ],
)
def test_a_short_phrase_the_reporter_s_sentence_goes_on_from_is_no_one_s_words(
    text: str,
) -> None:
    assert "Containment" not in texts(text)


def test_a_quotation_the_sentence_goes_on_from_keeps_the_speaker_its_sentence_names() -> None:
    text = (
        "“The crowd was singing,” Sarah Collins said.\n\n“People were celebrating” before the"
        " fireworks, she said. “And it was so peaceful.”"
    )
    said = {q.text: q.speaker for q in quotes(text)}
    assert said["And it was so peaceful."] == "Sarah Collins"


def test_a_long_quotation_the_sentence_goes_on_from_is_still_the_speaker_s() -> None:
    text = (
        "Tom Ellery, the union's lawyer, says the crews did nothing wrong.\n\n“The council is"
        " alleging that asking people to come to the quay with flowers and candles” was a"
        " threat, he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Ellery"]


def test_a_phrase_opening_the_sentence_does_not_take_a_later_quotation_s_cue() -> None:
    text = (
        "The council launched the campaign on Monday. “Rust. We fix it” is running with TV ads"
        " and posters in which people say, “I fix rust.”"
    )
    assert [q.text for q in quotes(text)] == ["I fix rust."]


def test_comments_after_a_quotation_is_its_cue() -> None:
    text = '"We worked on the design of the pier," comments Robin Vale of the harbour board.'
    assert [q.speaker for q in quotes(text)] == ["Robin Vale"]


def test_a_pronoun_skips_a_possessor_for_the_person_named_as_such() -> None:
    text = (
        "After a song, Tom Ellery teed up Dana Long’s cameo. “You might remember her from her"
        " own band,” he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Ellery"]


def test_a_title_after_a_body_s_name_leads_to_the_person_who_speaks() -> None:
    text = (
        '"We have been working on the pier for years," explains Harbour Works Team Leader'
        ' Dana Long. "It is nearly done.\n\n"We aim to open it in May."'
    )
    assert {q.speaker for q in quotes(text)} == {"Dana Long"}


def test_the_statement_speaks_for_the_body_that_issued_it() -> None:
    text = (
        "Harbour Records flat-out denied the claims in a statement shared on its website.\n\n"
        "“We were shocked,” the statement read. “At no point did we stop the band.”"
    )
    assert {q.speaker for q in quotes(text)} == {"Harbour Records"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Tom Ellery sat down for an interview with Emily Vane. "Going to the pier is an'
            ' unusual thing for me," he said.',
            "Tom Ellery",
        ),
        ('Dana Long met Michael Vane at the quay. "We will rebuild it," she said.', "Dana Long"),
    ],
)
def test_a_given_name_tells_he_from_she_when_the_article_does_not(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes(text)] == [speaker]


@pytest.mark.parametrize("role", ["lawyer", "rep"])
def test_the_role_is_the_owner_s_role_met_before(role: str) -> None:
    text = (
        f"Dana Long has sued the label.\n\nLong's {role} told reporters that this was not the"
        f' whole truth. "The label is trying to deflect," the {role} said.'
    )
    assert [q.speaker for q in quotes(text)] == [f"Long's {role}"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ('Untreated, the fever is "always fatal", says WHO.', ["WHO"]),
        ("When a speaking gig comes up, you’re terrified to say “yes.”", []),
        (
            "The Port Authority rejected the claims as “patently false,” and both analysts and"
            " sources in the Calder camp agreed.",
            ["Port Authority"],
        ),
    ],
)
def test_speakers_are_names_not_pronouns_or_stops(text: str, speakers: list[str]) -> None:
    assert [q.speaker for q in quotes(text)] == speakers


def test_a_short_title_case_quotation_no_one_says_is_a_name() -> None:
    text = "The service has shows from Calder Studios, “Harbour Nights,” Gull Films and more."
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"He tried to help the crew," said Sgt. Dana Roe with the Calder police.',
            "Dana Roe",
        ),
        (
            "A neighbour, Dana King, saw the fire. “I’m certain no one was inside,” King told"
            " the Harbour Times.",
            "Dana King",
        ),
    ],
)
def test_a_title_is_its_holder_and_a_surname_that_spells_a_title_is_a_surname(
    text: str, speaker: str
) -> None:
    assert [q.speaker for q in quotes(text)] == [speaker]


def _said(text: str, headline: bool = False) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(text, headline)]


def test_a_plural_noun_after_a_term_is_no_verb_of_saying() -> None:
    # "states" here counts places; nobody stated the quoted term
    text = (
        "In the 1960s she helped shape a \u201cCoastal strategy\u201d for the party to win "
        "Northern states from its rivals."
    )
    assert _said(text) == []


def test_a_numbered_juror_keeps_the_number() -> None:
    assert _said("\u201cWe were tired,\u201d Juror No. 12 said.\n\nThe panel rose.") == [
        ("We were tired,", "Juror No. 12")
    ]
    text = "\u201cEveryone was calm,\u201d said Juror No. 8, one of six women on the panel."
    assert _said(text) == [("Everyone was calm,", "Juror No. 8")]


def test_a_quotation_over_two_paragraphs_has_one_speaker() -> None:
    text = (
        "An officer looked at her and said: \u201cI am very sorry.\n\n"
        "The boat is gone.\u201d\n\nShe went home."
    )
    assert [s for _, s in _said(text)] == ["An officer", "An officer"]


def test_a_title_that_opens_a_sentence_takes_no_speaker_from_the_paragraph_before() -> None:
    text = (
        "The Harbour Gazette said on Friday that Roe would direct \u201cLow Tide.\u201d\n\n"
        "\u201cTide,\u201d like \u201cGulls,\u201d is based on a novel."
    )
    assert _said(text) == []


def test_terms_are_not_speech() -> None:
    text = (
        "Roe said she won a Halden Fellowship in 2019, commonly known as the \u201cgold "
        "pass.\u201d\n\nRuiz said the Halden \u201cgold pass\u201d holder came on Monday."
    )
    assert _said(text) == []


def test_a_headline_clause_is_no_speaker_label() -> None:
    text = (
        "Ana Ruiz names harbour chief: Halden \u201cgold pass\u201d holder Dana Roe\n\n"
        "The mayor named Dana Roe on Monday."
    )
    assert _said(text, headline=True) == []
    found = analyze(article(text, headline=True)).attributions
    assert [a.cue for a in found if a.cue == "headline"] == []


def test_she_is_not_a_description_of_a_man() -> None:
    text = (
        "His daughter Ana Roe said her father ate breakfast before saying he was tired.\n\n"
        "He died at noon on Thursday at his home, the Washington Post reported.\n\n"
        "\u201cHe slipped away,\u201d she said."
    )
    assert _said(text) == [("He slipped away,", "Ana Roe")]


def test_a_figure_closes_a_quotation_opened_before_it() -> None:
    # a straight mark after a figure ends a quotation that is open; with none open it is a
    # measure ("a 12" pipe")
    text = 'Ana Ruiz said Ben Tull had accepted "about $200,000" from banks. Lamb disagreed.'
    assert stretches(text) == ["about $200,000"]
    text = 'The crew fitted a 12" pipe. "It will hold," Ana Ruiz said.'
    assert stretches(text) == ["It will hold,"]
