"""Who said what: direct, mixed and indirect attributions on paragraphs written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsweave.analyze import analyze
from newsweave.analyze.clauses import is_cue, subject
from newsweave.analyze.nlp import pipeline
from newsweave.model import Attribution
from texts import article


def attributions(text: str) -> list[Attribution]:
    found = list(analyze(article(text)).attributions)
    for a in found:
        assert 0 <= a.span.start < a.span.end <= len(text)
        if a.source_span:
            assert 0 <= a.source_span.start < a.source_span.end <= len(text)
    return found


def one(text: str) -> tuple[str, str | None, str, str | None]:
    """(content, source, kind, source as written) of the text's only attribution."""
    (a,) = attributions(text)
    written = a.source_span.of(text) if a.source_span else None
    return a.span.of(text), a.source, a.kind, written


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # "X said (that) …"
        (
            "Mayor Delia Marrant said the ferry would not sail until Friday.",
            "the ferry would not sail until Friday",
            "Delia Marrant",
        ),
        (
            "Harbourmaster Grace Okafor warned that the pier could collapse in a storm.",
            "that the pier could collapse in a storm",
            "Grace Okafor",
        ),
        # a verb of saying after its clause
        (
            "The pumps will run all night, the Coastal Authority said on Monday.",
            "The pumps will run all night",
            "Coastal Authority",
        ),
        # "according to X, …"
        (
            "According to the Coastal Authority, the pumps ran for nine hours.",
            "the pumps ran for nine hours",
            "Coastal Authority",
        ),
        # the audience belongs to the cue
        (
            "Okafor told reporters that two boats had sunk.",
            "that two boats had sunk",
            "Okafor",
        ),
    ],
)
def test_indirect_speech(text: str, content: str, source: str) -> None:
    got_content, got_source, kind, _ = one(text)
    assert (got_content, got_source, kind) == (content, source, "indirect")


def test_an_aside_in_the_middle_reports_the_whole_sentence() -> None:
    text = "The damage, the engineer said, was worse than anyone had feared."
    content, source, kind, _ = one(text)
    assert "damage" in content and "feared" in content
    assert source == "the engineer" and kind == "indirect"


def test_direct_and_mixed_quotes() -> None:
    content, source, kind, _ = one("“We are ready,” Okafor said.")
    assert (content, source, kind) == ("“We are ready,”", "Okafor", "direct")
    content, source, kind, _ = one(
        "Transport Minister Ruth Adeyemi said the response would be “multi-tiered.”"
    )
    assert content == "the response would be “multi-tiered.”"
    assert (source, kind) == ("Ruth Adeyemi", "mixed")


def test_a_quote_split_around_its_cue_is_one_attribution() -> None:
    text = "“The harbour is closed,” harbourmaster Grace Okafor said. “It will reopen on Monday.”"
    content, source, kind, written = one(text)
    assert content == text
    assert (source, kind, written) == ("Grace Okafor", "direct", "Grace Okafor")


def test_a_pronoun_is_resolved_and_kept_as_written() -> None:
    text = (
        "Harbourmaster Grace Okafor inspected the pier on Monday.\n\n"
        "She said the boats would stay in port."
    )
    content, source, _, written = one(text)
    assert (content, source, written) == ("the boats would stay in port", "Grace Okafor", "She")


def test_a_description_is_kept_as_printed() -> None:
    _, source, _, written = one("A port official said the crane had been moved.")
    assert source == written == "A port official"


def test_a_definite_description_is_the_person_named_with_that_role() -> None:
    text = (
        "The skipper's lawyer, Ines Varga, met the court on Monday.\n\n"
        "The skipper's lawyer said her client would appeal."
    )
    (a,) = attributions(text)
    assert a.source == "Ines Varga" and a.named


def test_a_sentence_binds_its_pronoun() -> None:
    text = (
        "An officer says in the report that Bowden was treated for burns when he said the "
        "fire had been “an accident.”"
    )
    by_content = {a.span.of(text): a.source for a in attributions(text)}
    assert by_content["the fire had been “an accident.”"] == "Bowden"
    # a surname that ends like a plural is still one person
    text = text.replace("Bowden", "Rhodes")
    by_content = {a.span.of(text): a.source for a in attributions(text)}
    assert by_content["the fire had been “an accident.”"] == "Rhodes"


@pytest.mark.parametrize(
    "text",
    [
        # views and plans are not speech without a clause …
        "The council hopes to reopen the pier.",
        # … nor are words on a placard, nor the writer's own
        "Protesters carried placards declaring: “Save our pier”, “Ferries now” and “No cuts”.",
        "“Okay,” I said, and sat down.",
        # a verb of saying used as something else
        "The crew added two pumps to the barge. The said barge sank.",
        # scare quotes and titles
        "The so-called “storm of the century” arrived on Tuesday.",
        "She hosted the show “Harbour Lights” for a decade.",
    ],
)
def test_not_attributions(text: str) -> None:
    assert attributions(text) == []


def test_quoted_words_on_a_placard_are_not_quotes() -> None:
    text = "Protesters carried placards declaring: “Save our pier”, “Ferries now” and “No cuts”."
    assert analyze(article(text)).quotes == ()


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # speaker over a preposition: "after saying …", "began by saying …"
        (
            "After saying the tide was too high, the skipper kept the ferry in port.",
            "the tide was too high",
            "the skipper",
        ),
        (
            "In addition to stating that the crane was unsafe, Okafor has asked for an inquiry.",
            "that the crane was unsafe",
            "Okafor",
        ),
        # a that-clause the parse hangs on the noun of a phrase after the cue
        (
            "Okafor said in an interview with the radio station on Friday that the pier "
            "would reopen.",
            "that the pier would reopen",
            "Okafor",
        ),
        # an infinitive with "for" and its own subject
        (
            "Councillor Ada Brennan is calling for the harbour board to resign.",
            "the harbour board to resign",
            "Ada Brennan",
        ),
        # an indirect question
        (
            "Inspector Tom Hale asked the divers if they had seen the anchor.",
            "they had seen the anchor",
            "Tom Hale",
        ),
        # "as X noted" before or after the clause it reports
        (
            "As the Coastal Authority noted, the pier is older than the town hall.",
            "the pier is older than the town hall",
            "Coastal Authority",
        ),
        # "point out", with its particle
        (
            "Harbourmaster Grace Okafor pointed out that the pier was built in 1890.",
            "that the pier was built in 1890",
            "Grace Okafor",
        ),
        # "described X as Y"
        (
            "Okafor described the repairs as slow and costly.",
            "the repairs as slow and costly",
            "Okafor",
        ),
    ],
)
def test_clauses_the_parse_hangs_elsewhere(text: str, content: str, source: str) -> None:
    by_content = {a.span.of(text): a.source for a in attributions(text)}
    assert any(content in c and by_content[c] == source for c in by_content), by_content


def test_a_cue_after_its_clause_parsed_as_a_conjunct() -> None:
    text = (
        "Despite two storms in a week, the Marrant ferry service will keep its winter timetable, "
        "its operations chief, Lena Ostrova, told the local paper."
    )
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert any("winter timetable" in c and "Ostrova" in (s or "") for c, s in found.items())


@pytest.mark.parametrize(
    ("head_tag", "head_pos", "cue"),
    [("NNP", "PROPN", True), ("NNP", "", True), ("NN", "NOUN", False), ("NN", "", False)],
)
def test_a_naming_participle_is_a_name_after_a_noun_not_after_a_name(
    head_tag: str, head_pos: str, cue: bool
) -> None:
    """The parse sometimes reads "Okafor called Brennan a “stubborn sailor”" as "Okafor,
    called …" (a participle on the name, as in "a programme called Safe Harbour"); after a
    proper noun it is still a saying. The parse is given, as the tagger may produce it."""
    words = ["Okafor", "called", "Brennan", "a", "stubborn", "sailor", "."]
    doc = Doc(
        pipeline().vocab,
        words=words,
        heads=[0, 0, 1, 5, 5, 1, 0],
        deps=["ROOT", "acl", "dobj", "det", "amod", "oprd", "punct"],
        tags=[head_tag, "VBN", "NNP", "DT", "JJ", "NN", "."],
        pos=[head_pos, "VERB", "PROPN", "DET", "ADJ", "NOUN", "PUNCT"],
        lemmas=["Okafor", "call", "Brennan", "a", "stubborn", "sailor", "."],
    )
    assert is_cue(doc[1]) is cue


def test_a_cue_after_for_speaks_for_the_object_not_the_subject() -> None:
    """Precision: "criticized the board for suggesting …" — the board suggested it; the
    speaker-over-a-preposition rule must not give it to the subject."""
    text = "Okafor criticized the harbour board for suggesting the repairs were finished."
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert all(source != "Okafor" for c, source in found.items() if "repairs" in c), found


def test_a_second_cue_keeps_its_own_clause() -> None:
    text = "“We will sail on Friday,” Okafor said, adding that the crew was ready."
    found = {a.span.of(text): a.cue for a in attributions(text)}
    assert found == {"“We will sail on Friday,”": "said", "that the crew was ready": "adding"}


@pytest.mark.parametrize(
    "text",
    [
        # a name, not a saying
        "The charity runs a programme called Safe Harbour for retired sailors.",
        # "as" that tells when
        "As she spoke, the crowd fell silent.",
        # "point" without "out"
        "Okafor pointed to the old map of the harbour.",
    ],
)
def test_not_attributions_either(text: str) -> None:
    assert attributions(text) == []


def test_a_cue_in_the_infinitive_with_an_object_is_not_speech() -> None:
    # "voted to confirm the nominee" is a vote: the later "he said" is the senator who spoke.
    text = (
        "Senator Paul Brandt predicted that the committee would back the nominee, even "
        "though Rosa Quill voted to confirm the nominee.\n\n"
        "“The committee will do its job,” he said."
    )
    sources = [a.source for a in attributions(text) if a.kind == "direct"]
    assert sources == ["Paul Brandt"]


def test_the_subject_of_an_opening_clause_is_the_pronoun_s_antecedent() -> None:
    text = (
        "Inspector Dale Morrow said the search would go on.\n\n"
        "When Nadia Fenwick heard the recording, she insisted that the crews go back."
    )
    last = attributions(text)[-1]
    assert (last.source, last.span.of(text)) == ("Nadia Fenwick", "that the crews go back")


def test_an_opening_clause_with_the_pronoun_s_object_form_names_someone_else() -> None:
    # "When Fenwick asked her, she said": she is not Fenwick.
    text = "When Nadia Fenwick asked her about the boat, she said it had sunk."
    assert attributions(text)[-1].source != "Nadia Fenwick"


def test_the_organisation_a_description_stands_for_is_the_one_that_just_spoke() -> None:
    text = (
        "The flood was the worst in a century, the Harbour Trust said on Monday.\n\n"
        "“We have never seen water this high,” the conservation group said in a statement."
    )
    assert [a.source for a in attributions(text)] == ["Harbour Trust", "Harbour Trust"]


def test_a_description_stays_a_description_when_another_organisation_is_named_since() -> None:
    text = (
        "The flood was the worst in a century, the Harbour Trust said on Monday. The Calder "
        "Rowing Club lost its boathouse.\n\n"
        "“We have never seen water this high,” the group said."
    )
    assert attributions(text)[-1].source == "the group"


def test_a_surname_the_parser_takes_for_a_word_is_the_speaker() -> None:
    # "Long" parses as an adverb; the article names Dana Long in full.
    text = (
        "Rep. Dana Long, a councillor from the coast, toured the harbour on Monday.\n\n"
        "Long said he has worked with both parties on a bill to rebuild the pier."
    )
    (a,) = attributions(text)
    assert (a.source, a.source_span.of(text) if a.source_span else None) == ("Dana Long", "Long")


def test_finding_oneself_somewhere_is_not_a_finding() -> None:
    text = "Many farmers find themselves shut out of the new market, the report noted."
    assert all(a.cue != "find" for a in attributions(text))


def test_a_cue_after_a_clause_with_its_own_and_is_still_an_aside() -> None:
    # the parse joins "he told reporters" to the clause as a conjunct, after "and not toss"
    text = (
        "The minister rejected the charge on Monday.\n\n"
        "Critics should give proof of their charges and not toss around vague words like "
        "“possibly” and “perhaps”, he told reporters."
    )
    last = attributions(text)[-1]
    assert last.span.of(text).startswith("Critics should give proof")
    assert last.kind == "mixed"


def test_a_statement_put_out_introduces_the_quotation_in_the_next_paragraph() -> None:
    text = (
        "In response to the storm, Mayor Delia Marrant issued the following statement:\n\n"
        "“Our thoughts are with everyone who lost a home tonight.”"
    )
    (a,) = attributions(text)
    assert (a.source, a.kind) == ("Delia Marrant", "direct")
    assert a.span.of(text).startswith("“Our thoughts")


def test_a_statement_mentioned_without_a_colon_introduces_nothing() -> None:
    text = (
        "Mayor Delia Marrant issued a statement on Monday.\n\n"
        "“Our thoughts are with everyone who lost a home tonight.”"
    )
    assert all(a.cue != "issued" for a in attributions(text))


def test_quoted_words_in_the_object_of_praise_or_blame_are_the_subject_s() -> None:
    text = "Mayor Delia Marrant mocked the board for “losing the plot” after the vote."
    (a,) = attributions(text)
    assert (a.source, a.cue, a.kind) == ("Delia Marrant", "mocked", "mixed")
    assert "“losing the plot”" in a.span.of(text)


def test_praise_or_blame_without_quoted_words_is_not_an_attribution() -> None:
    text = (
        "Mayor Delia Marrant praised the crews on Monday. Critics praised the film "
        "“Harbour Lights” at the festival."
    )
    assert attributions(text) == []


def test_he_s_said_is_he_has_said() -> None:
    text = "Tom Ellery met the crew on Monday. He's said the pier is safe. He's said to be angry."
    (a,) = attributions(text)
    assert (a.source, a.span.of(text)) == ("Tom Ellery", "the pier is safe")


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # the parse hangs the quotation on the relative clause's object
        (
            "In somber comments, Mayor Delia Marrant called the fire that destroyed five homes "
            '"a blow to every family here," but she also noted the crews.',
            '"a blow to every family here,"',
        ),
        # the parse makes "called" a participle on the name before it
        (
            "At a rally on Wednesday, Tom Ellery called Delia Marrant, his rival, a harbour "
            "“wrecker.”",
            "“wrecker.”",
        ),
    ],
)
def test_a_naming_verb_names_in_the_quotation_its_object_holds(text: str, quoted: str) -> None:
    (a,) = [a for a in attributions(text) if a.cue == "called"]
    assert a.kind == "mixed" and quoted in a.span.of(text)


def test_an_aside_hung_on_an_auxiliary_reports_the_whole_clause() -> None:
    text = (
        "Tom Ellery has built piers for years. Even then, he said, he’s learned enough about"
        " tides that he’s sure the pier will hold."
    )
    content, source, _, _ = one(text)
    assert content.endswith("he’s sure the pier will hold")
    assert source == "Tom Ellery"


@pytest.mark.parametrize(
    "text",
    [
        "Sarah Collins is a builder who said the pier was safe.",
        "Sarah Collins is a liar and a bully who has promised to close the harbour.",
    ],
)
def test_who_after_what_a_copula_says_someone_is_stands_for_that_someone(text: str) -> None:
    _, source, _, _ = one(text)
    assert source == "Sarah Collins"


def test_who_after_a_plain_noun_stands_for_that_noun() -> None:
    _, source, _, _ = one("Voters who said the pier was unsafe stayed home.")
    assert source == "Voters"


def test_the_agent_of_a_passive_cue_is_the_speaker() -> None:
    content, source, _, _ = one("The pier is unsafe, as reported by the coastguard.")
    assert (content, source) == ("The pier is unsafe", "the coastguard")


def test_a_clause_before_a_colon_is_not_what_the_cue_after_it_reports() -> None:
    text = "The deal came together quickly: the council threatened to close the pier."
    assert all("deal" not in a.span.of(text) for a in attributions(text))


@pytest.mark.parametrize(
    "text",
    [
        "The harbour has also made it possible for people with boats, if small ones, to fish"
        " and trade all winter, Sarah Collins said.",
        'Those who do take on heavy repair bills struggle, even with a "safe" boat, Sarah Collins said.',
    ],
)
def test_a_closing_aside_reports_what_comes_before_it_whatever_the_parse(text: str) -> None:
    content, source, _, _ = one(text)
    assert text.startswith(content) and text[len(content)] == ","
    assert source == "Sarah Collins"


def test_a_cue_before_a_colon_is_no_closing_aside() -> None:
    text = "Speaking to reporters, Sarah Collins said: the pier is safe."
    content, _, _, _ = one(text)
    assert content == "the pier is safe"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The crews gathered at the quay. Tom Ellery, they said, ordered them to stay ashore.",
            "Tom Ellery, they said, ordered them to stay ashore",
        ),
        (
            "Overall, Sarah Collins said, island voters are finding themselves alienated.",
            "Overall, Sarah Collins said, island voters are finding themselves alienated",
        ),
    ],
)
def test_an_aside_reports_a_clause_whose_verb_is_a_cue_of_another_kind(
    text: str, content: str
) -> None:
    assert any(a.span.of(text) == content for a in attributions(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to Sarah Collins's statement, the pier is safe.", "Sarah Collins"),
        ("According to Tom Ellery's “The Fixers of the Harbour,” the job was hard.", "Tom Ellery"),
        ("According to the mayor's office, the pier is old.", "the mayor's office"),
    ],
)
def test_according_to_a_named_author_s_text_is_the_author(text: str, source: str) -> None:
    assert one(text)[1] == source


def test_whom_tell_tells_is_not_the_speaker_even_parsed_as_a_subject() -> None:
    """ "“…,” Roe, an editor, tells The Harbour Times.": the parse may make the paper a second
    subject of "tells", the nearer one; the parse is given, as the parser may produce it."""
    words = ["Roe", ",", "an", "editor", ",", "tells", "The", "Harbour", "Times", "."]
    doc = Doc(
        pipeline().vocab,
        words=words,
        heads=[5, 0, 3, 0, 0, 5, 8, 8, 5, 5],
        deps=["nsubj", "punct", "det", "appos", "punct", "ROOT", "det", "compound", "nsubj",
              "punct"],
        tags=["NNP", ",", "DT", "NN", ",", "VBZ", "DT", "NNP", "NNP", "."],
        lemmas=["Roe", ",", "an", "editor", ",", "tell", "the", "Harbour", "Times", "."],
    )
    who = subject(doc[5])
    assert who is not None and who.text == "Roe"


@pytest.mark.parametrize(
    "text",
    [
        "The firm declined to say how many jobs would go.",
        "Tom Ellery promised to say more about the pier on Friday.",
        "The mayor is expected to announce that the pier will close.",
    ],
)
def test_what_someone_refuses_promises_or_is_expected_to_say_is_not_said(text: str) -> None:
    assert all(a.cue not in {"say", "announce"} for a in attributions(text))


def test_whom_a_cause_leads_to_speak_is_the_speaker() -> None:
    text = "Weak demand led the harbour board to announce it would close the pier."
    assert one(text)[1] == "the harbour board"


def test_the_subject_of_an_opening_passive_clause_is_the_pronoun_s_antecedent() -> None:
    text = (
        "Sarah Collins, his lawyer, said he meant no harm. When Ellery was approached, he told"
        " police he had been at the quay."
    )
    assert attributions(text)[-1].source == "Ellery"


@pytest.mark.parametrize(
    "text",
    [
        # an aside that reports no clause: he phoned
        "The prize had gone to others for years. Then, last week, Tom Ellery called.",
        # a day before "called" (he phoned); "on" is not "called on"
        "On Friday night, Ellery called a council candidate, Dana Roe, to apologise.",
        # "speak" with a clause of how, not what
        "Ellery spoke with so much force it sounded as though he were shouting.",
    ],
)
def test_a_cue_with_nothing_said_attributes_nothing(text: str) -> None:
    assert attributions(text) == []


def test_a_reply_of_one_word_is_still_said() -> None:
    assert one("Sorry, Ellery said.")[:2] == ("Sorry", "Ellery")


def test_called_for_is_the_verb_with_for_right_after_it() -> None:
    # "called a “rough week” for the mayor" names the week; it calls for nothing
    text = "Amid what two papers called a “rough week” for the mayor, the polls moved."
    assert all("rough" in a.span.of(text) for a in attributions(text))
    assert one("Ellery called for a ban on the boats.")[0] == "a ban on the boats"


def test_a_name_in_a_title_case_headline_stops_at_its_verb() -> None:
    # the tagger reads "Tom Ellery Tells" as one name
    text = (
        "Tom Ellery Tells Voters They Need To Change Course.\n\n"
        "Councillor Tom Ellery told supporters on Monday that the party must change."
    )
    first = attributions(text)[0]
    assert first.source == "Tom Ellery"
    assert first.source_span is not None and first.source_span.of(text) == "Tom Ellery"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Those surveyed say the harbour should reopen by June.", "Those surveyed"),
        ("Those who voted for the plan said it would save the pier.", "Those who voted for the plan"),
        ("Those close to the mayor say she will run again.", "Those close to the mayor"),
    ],
)
def test_those_with_words_saying_who_speak(text: str, source: str) -> None:
    assert one(text)[3] == source


def test_an_infinitive_far_from_said_is_not_what_was_said() -> None:
    text = "He found no taker, he said, on condition of anonymity to speak freely about it."
    assert one(text)[:2] == ("He found no taker", "he")


def test_those_who_said_something_are_no_one_in_particular() -> None:
    assert attributions("Those who said the tax was too high voted against the plan.") == []


def test_a_quotation_in_the_object_of_a_verb_of_saying_is_said_with_it() -> None:
    text = "Ellery admitted “one or two lapses” where funds may have “slipped through the cracks.”"
    content, source, kind, _ = one(text)
    assert (content, source, kind) == (text[len("Ellery admitted ") :], "Ellery", "mixed")


def test_what_someone_expects_another_to_announce_is_not_announced() -> None:
    text = "Roe expects Mayor Tom Ellery to announce an “intensification” of the repairs."
    assert all(a.cue != "announce" for a in attributions(text))


def test_a_title_in_what_a_verb_gathers_is_not_said() -> None:
    text = 'The band added sea shanties, including "Sea Song" and "Tierra Madre (Oye)."'
    assert attributions(text) == []


def test_a_statement_speaks_for_the_issuer_its_mention_names() -> None:
    assert one("A Harbour Authority statement said the pier would reopen on Friday.")[1] == (
        "Harbour Authority"
    )
    text = (
        "The ferries stopped at noon, according to a statement from the Danish government.\n\n"
        "Crews boarded the ferry and seized 12 crates, the statement said."
    )
    # "the statement" goes back to the statement mentioned, not to whoever spoke last
    assert [a.source for a in attributions(text)] == ["Danish government", "Danish government"]


def test_an_article_alone_is_no_source() -> None:
    # a copy editor dropped the noun: the content is attributed, to no one named
    assert one("The also said that the pier had been closed four times.")[1] is None


def test_a_team_that_records_a_win_reports_nothing() -> None:
    assert attributions("The Harbour Hawks recorded an 89-79 win over the Gulls.") == []


def test_what_a_thing_made_says_is_its_maker_s() -> None:
    # a participle on a noun for no one: whoever made the response speaks
    text = "Later that day, Okafor fired back a response saying he would not support the plan."
    assert one(text)[1] == "Okafor"
    # a person or a body on it speaks for itself
    assert one("Reporters interviewed a farmer saying the harvest was lost.")[1] == "a farmer"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The broadcast drew 32 million viewers, according to figures from Harbour Media "
            "Research.",
            "Harbour Media Research",
        ),
        (
            "The ship was 150 miles out, according to information available with the navy.",
            "the navy",
        ),
        (
            "Only 28 percent approve, according to a poll conducted by the Harbour Times.",
            "Harbour Times",
        ),
        # a poll "of voters" asks them: they made no finding
        ("Only 28 percent approve, according to a poll of harbour voters.", "a poll of harbour voters"),
    ],
)
def test_findings_speak_for_whoever_made_them(text: str, source: str) -> None:
    assert one(text)[1] == source


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # a participle the parse hangs on a reported clause about a thing: the reporter's
        # subject says it, not the thing
        (
            "Mara Dunn argued that a register would keep people from cheating, saying it is "
            "“all about management.”",
            "it is “all about management.”",
            "Mara Dunn",
        ),
        # a name the parse took for an object, right before its verb
        (
            "Prosecutors charged the guard with theft and Mayor Ivo Ellis fired his deputy, "
            "acknowledging that many residents have lost trust in the office.",
            "that many residents have lost trust in the office",
            "Ivo Ellis",
        ),
        # an infinitive on a thing: whoever held the briefing brags
        (
            "Mayor Ivo Ellis on Friday held an impromptu press briefing to brag that the "
            "jobless rate has fallen below 5 percent.",
            "that the jobless rate has fallen below 5 percent",
            "Ivo Ellis",
        ),
    ],
)
def test_a_thing_the_parse_offers_does_not_speak(text: str, content: str, source: str) -> None:
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found[content] == source


def test_people_in_a_reported_clause_still_speak_for_themselves() -> None:
    text = "Ana Ruiz said many harbour voters felt ignored, calling the plan a “land grab.”"
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert "Ana Ruiz" in found.values()
    assert all(s in {"Ana Ruiz", "many harbour voters"} for s in found.values())


def test_the_reporter_speaks_again_before_a_new_quotation() -> None:
    # a quotation in a later sentence, with the reporter's words before it, is not the
    # earlier cue's quotation carried on
    text = '"We are ready," Ana Ruiz said. Jeff Lamb, her deputy: "The pumps are new."'
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found == {'"We are ready,"': "Ana Ruiz", '"The pumps are new."': "Jeff Lamb"}
    text = '"We are ready," Ana Ruiz said. Jeff Lamb called the claim "beyond the pale."'
    assert {a.source for a in attributions(text)} == {"Ana Ruiz"}
    assert [a.span.of(text) for a in attributions(text)] == ['"We are ready,"']
    # a quotation that opens its own sentence goes on
    text = '"We are ready," Ana Ruiz said. "The pumps are new."'
    (a,) = attributions(text)
    assert a.span.of(text) == text and a.source == "Ana Ruiz"


def test_a_relative_clause_binds_its_pronoun_to_the_sentence_s_subject() -> None:
    text = (
        "Ivo Pratt warned that the port would suffer, a harbour official said. At a rally on "
        "Friday, Nora Quist put the port on a list of places she said had lost jobs."
    )
    by_content = {a.span.of(text): a.source for a in attributions(text)}
    assert by_content["had lost jobs"] == "Nora Quist"
    # not where the article shows the name to be the other sex's
    text = "Ms. Nora Quist praised the workers he said had saved the pier."
    assert one(text)[1] != "Nora Quist"
    # not a name in a clause someone else is said to say
    text = (
        "Msgr. Tom Farmer praised her. He said it was remarkable that Dr. Ada Benjamin has done "
        "her work in the bayou, which he described as a poor community."
    )
    by_content = {a.span.of(text): a.source for a in attributions(text)}
    assert by_content["as a poor community"] != "Ada Benjamin"


def test_a_cue_that_hands_over_to_its_own_quotation_leaves_the_one_before() -> None:
    text = (
        "Dana Roe responds to Mills with, “Why now? That was on my way to Lima?” Mills then "
        "writes back, “You look cute.”"
    )
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found["“You look cute.”"] == "Mills"
    assert found.get("“Why now? That was on my way to Lima?”") != "Mills"
    # a question before a cue with nothing after it is still that cue's
    assert one("“Why now?” Jeff Lamberton asked.")[:2] == ("“Why now?”", "Jeff Lamberton")


def test_the_name_right_after_an_inverted_cue_speaks() -> None:
    text = (
        "Bill Skelly vouched for Ana Braynard and Ben Chrabaszcz.\n\n"
        "“Having access to the file is valuable,” said Skelly, explaining he worked more "
        "closely with Chrabaszcz."
    )
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found["“Having access to the file is valuable,”"] == "Bill Skelly"
    text = '"Gun owners should stay home," opined the Harbour Plain Dealer.'
    assert one(text)[1] == "Harbour Plain Dealer"
    # a name in a phrase after the cue is not the speaker
    text = "“We were ready,” said in a 1996 interview with the Harbour Times."
    assert "Harbour Times" not in {a.source for a in attributions(text)}
    # a possessor before the name is not the one speaking
    text = '"Gun owners should stay home," opined Harbourton\'s Plain Dealer.'
    assert one(text)[1] == "Plain Dealer"


def test_a_sentence_of_the_reporter_s_own_ends_a_quotation_s_attribution() -> None:
    text = (
        "Dana Kelly responded with a smile: “Can happen when you’re 45.” She is 45. “You "
        "know, it happens, right?” Kurt Vale went on, as if he had not heard her."
    )
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found["“Can happen when you’re 45.”"] == "Dana Kelly"
    assert found["“You know, it happens, right?”"] == "Kurt Vale"


def test_a_passive_s_subject_speaks_for_the_verb_joined_to_it() -> None:
    text = (
        "Ana Silverstone was joined on stage by Sen. Al Franken and joked, “Holdouts, you are "
        "being ridiculous.”"
    )
    assert one(text)[1] == "Ana Silverstone"


def test_an_opening_clause_s_verb_is_not_the_cue_of_the_quotation_after_the_main_one() -> None:
    text = (
        "When Ben Tull suggested that the city would sue the state, Ana Ruiz fired back "
        "forcefully: “If they sue us in court, they are going to lose.”"
    )
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found["“If they sue us in court, they are going to lose.”"] == "Ana Ruiz"


def test_a_person_named_after_a_body_is_the_description_s_holder() -> None:
    # the parse hangs the name on the body; a body is no person, so she is the spokeswoman
    text = "“We are ready,” said a spokeswoman for the council, Hannah Price."
    assert one(text)[1:4:2] == ("Hannah Price", "Hannah Price")


def test_a_cue_followed_by_its_clause_is_not_inverted() -> None:
    # "said the candidate could …" reports a clause; the place named in it says nothing
    text = (
        "Looking ahead, Dale Marrow was joined by Rick Wiley to lay out a case.\n\n"
        "Dale Marrow, citing ''the unique magic of the candidate,'' said the candidate could "
        "be in a very competitive situation in states like Ohio, Iowa and Maine."
    )
    assert "Ohio" not in {a.source for a in attributions(text)}


def test_a_phrase_quoted_in_a_later_sentence_of_the_reporter_s_is_no_one_s() -> None:
    text = (
        "Elise Moore found him. “He looked a little surprised,” she wrote in an email. “Sort of "
        "quizzical.” Although he had written a will, it was never witnessed. The two had "
        "“married,” but in a ceremony of their own."
    )
    assert "“married,”" not in {a.span.of(text) for a in attributions(text)}
    # also where the quotation before ended the sentence
    text = (
        "Reed said the merger would help: “We will invest for growth.” It is not easy to "
        "reconcile dividends with “investing for growth.”"
    )
    assert "“investing for growth.”" not in {a.span.of(text) for a in attributions(text)}
    # a sentence that names the speaker again carries the speaker on
    text = "“We are ready,” Ana Ruiz said. Ruiz also railed at the “new rules,” again."
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found["“new rules,”"] == "Ana Ruiz"
    # a quotation opening its own sentence goes on with the speaker before it
    text = "“We are ready,” Ana Ruiz said. She paused. “Really.”"
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found["“Really.”"] == "Ana Ruiz"


def test_a_pronoun_means_the_subject_just_named_when_no_one_spoke_since() -> None:
    text = (
        "Beth Meacham said the book was good. “It was his best,” she said.\n\n"
        "Two months later, he died. Elise Moore found him. “He looked a little surprised,” "
        "she wrote in an email."
    )
    found = {a.span.of(text): a.source for a in attributions(text)}
    assert found["“He looked a little surprised,”"] == "Elise Moore"


def test_what_banners_read_is_no_one_s_speech() -> None:
    text = (
        'Banners in the main square read: "The state kills" and "Down with the murderers".\n\n'
        '"The murder was the last straw."'
    )
    assert attributions(text) == []
