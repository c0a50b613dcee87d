from newsweave.extract.text import (
    AFTER,
    AUTHOR_NOTE,
    BEFORE,
    BYLINE,
    CREDIT,
    DATELINE,
    HEADLINE,
    INNER_HEADING,
    OFF_TOPIC,
    REPEAT,
    REPEAT_TITLE,
    STAMP,
    byline,
    clean,
    credit,
    is_sentence_like,
    is_title_shaped,
    normalize,
    split_paragraphs,
)

# A page written for this test: a ferry strike story with the clutter of a saved page.
PAGE = """\
Search

BREAKING

Ferry workers walk out over new rosters, halting crossings to Inish Mor

Harbour Times' Niamh Kelly

Mar 4, 2025, 8:10 AM | Updated: 9:45 am

Passengers queue at the terminal on Tuesday morning. (Photo by Sean Burke/Harbour Times)

Ferry workers on the Inish Mor route walked out on Tuesday morning in a dispute over new\u00a0rosters, halting all crossings to the island.

The union said 140 crew members joined the strike, and that talks with the ferry company had broken down on Monday night.

Advertisement

"We did not want this, but the new rosters are unsafe," union organiser Brid Walsh told reporters at the pier.

The ferry company said it regretted the disruption and would run a replacement service for island residents needing hospital care.

Island shopkeepers said deliveries of fresh food would run out by Thursday if the strike went on.

The union said 140 crew members joined the strike, and that talks with the ferry company had broken down on Monday night.

Share this article

Comments (3)

More from the Times

Town council approves new skate park for Ballyfarnan

Councillors voted eight to one for the design, which includes a beginners' bowl and floodlights.

2 hours ago

Local choir heads to national final in Cork

Forty singers will travel on Saturday for the competition, their first final since 2009.

5 hours ago

Ferry workers walk out over new rosters, halting crossings to Inish Mor
"""


def _by_reason(blocks):  # type: ignore[no-untyped-def]
    return {b.text: b.reason for b in blocks}


def test_article_paragraphs_are_kept_and_clutter_removed() -> None:
    blocks = clean(PAGE)
    kept = [b.text for b in blocks if b.kept]
    assert kept[0].startswith("Ferry workers on the Inish Mor route walked out")
    assert kept[-1].startswith("Island shopkeepers said")
    assert len(kept) == 5
    reasons = _by_reason(blocks)
    assert reasons["Search"] == "site search"
    assert reasons["BREAKING"] == "section label"
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Share this article"] == "share widget"
    assert reasons["Comments (3)"] == "comment widget"
    assert reasons["2 hours ago"] == "relative time stamp of a teaser"
    assert (
        reasons[
            "Passengers queue at the terminal on Tuesday morning. (Photo by Sean Burke/Harbour Times)"
        ]
        == "photo caption"
    )


def test_sidebar_teasers_are_removed_as_footer_or_off_topic() -> None:
    reasons = _by_reason(clean(PAGE))
    teaser = (
        "Councillors voted eight to one for the design, which includes a beginners' bowl "
        "and floodlights."
    )
    assert reasons[teaser] in {AFTER, OFF_TOPIC}
    assert reasons["Local choir heads to national final in Cork"] in {AFTER, OFF_TOPIC}


def test_metadata_lines_are_labelled() -> None:
    blocks = clean(PAGE)
    reasons = _by_reason(blocks)
    assert reasons["Ferry workers walk out over new rosters, halting crossings to Inish Mor"] in {
        HEADLINE,
        REPEAT_TITLE,
    }
    assert [b.reason for b in blocks].count(HEADLINE) == 1
    assert blocks[-1].reason == REPEAT_TITLE
    assert reasons["Harbour Times' Niamh Kelly"] == BYLINE
    assert reasons["Mar 4, 2025, 8:10 AM | Updated: 9:45 am"] == DATELINE


def test_a_repeated_paragraph_is_kept_once() -> None:
    blocks = clean(PAGE)
    repeated = [b for b in blocks if b.text.startswith("The union said 140 crew")]
    assert [b.reason for b in repeated] == [None, REPEAT]


def test_non_breaking_spaces_are_plain_spaces() -> None:
    kept = [b.text for b in clean(PAGE) if b.kept]
    assert "new rosters" in kept[0]
    assert "\u00a0" not in "".join(kept)


def test_a_title_hint_picks_the_headline() -> None:
    page = "Daily Bugle | All the news\n\nA short headline here\n\n" + "Body text is here. " * 10
    blocks = clean(page, title_hint="A short headline here")
    assert _by_reason(blocks)["A short headline here"] == HEADLINE


def test_a_stamp_in_figures_under_the_headline_is_not_the_headline() -> None:
    page = (
        "Ferry fares frozen for the winter\n\n9:41 AM PDT 3/4/2021\n\n"
        "The harbour board froze ferry fares for the winter on Friday, after a year in which "
        "they rose three times, the board's chairwoman said.\n"
    )
    reasons = _by_reason(clean(page))
    assert reasons["Ferry fares frozen for the winter"] == HEADLINE
    assert reasons["9:41 AM PDT 3/4/2021"] == DATELINE


def test_a_line_ending_in_a_colon_is_no_headline() -> None:
    assert not is_title_shaped("Courtesy of the Harbour Times:")
    assert is_title_shaped("Ferry fares frozen for the winter")


def test_masthead_is_not_the_headline() -> None:
    page = (
        "Bayside Daily | News for the bay\n\nTrawler runs aground off the north pier at low tide\n\n"
        "A fishing trawler ran aground off the north pier at low tide on Sunday, the harbour "
        "master said, and was refloated six hours later without injury to its crew.\n"
    )
    blocks = clean(page)
    assert _by_reason(blocks)["Trawler runs aground off the north pier at low tide"] == HEADLINE
    assert _by_reason(blocks)["Bayside Daily | News for the bay"] == BEFORE


def test_credit_lines_inside_a_page() -> None:
    page = (
        "Crews worked through the night to clear the line, the operator said on Monday.\n\n"
        "– Rail Daily's Amy Chen and Ben Ortiz\n\n"
        "Services are expected to resume on Tuesday morning, the operator added.\n"
    )
    reasons = _by_reason(clean(page))
    assert reasons["– Rail Daily's Amy Chen and Ben Ortiz"] == CREDIT
    c = credit("– Rail Daily's Amy Chen and Ben Ortiz")
    assert c is not None and c.outlet == "Rail Daily" and c.names == "Amy Chen and Ben Ortiz"
    c = credit("– Coastline Press")
    assert c is not None and c.outlet == "Coastline Press" and c.names is None
    assert credit("Officials say more strikes are likely") is None


def test_bylines() -> None:
    c = byline("By Jo Hale, The Tidewater Record")
    assert c is not None and (c.names, c.outlet) == ("Jo Hale", "The Tidewater Record")
    c = byline("OAN’s Sophia Flores")
    assert c is not None and (c.outlet, c.names) == ("OAN", "Sophia Flores")
    assert byline("By the end of the day the fire was out.") is None


def test_a_live_blog_keeps_its_entries_whole() -> None:
    entries = []
    for hour in (11, 10, 9):
        entries += [
            f"March 3, {hour}:15 a.m.",
            f"Update number {hour} from the harbour",
            f"Crews at the harbour reported progress at {hour} o'clock, the fire service said "
            "in a statement on its website.",
        ]
    page = "Live: harbour fire latest\n\n" + "\n\n".join(entries) + "\n\nLeave a reply\n"
    blocks = clean(page)
    kept = [b.text for b in blocks if b.kept]
    assert kept[0] == "March 3, 11:15 a.m."
    assert len(kept) == 9
    assert blocks[-1].reason == "comment widget"


def test_hard_wrapped_text_is_joined() -> None:
    text = (
        "The committee met on Tuesday to discuss the proposal for a new harbour wall and\n"
        "agreed to commission a study.\n\nSecond paragraph."
    )
    assert split_paragraphs(text) == [
        "The committee met on Tuesday to discuss the proposal for a new harbour wall and "
        "agreed to commission a study.",
        "Second paragraph.",
    ]


def test_markdown_marks_are_removed() -> None:
    md = "# The headline\n\nSome **bold** text with a [link](https://example.org) in it."
    assert split_paragraphs(md, markdown=True) == [
        "# The headline",
        "Some bold text with a link in it.",
    ]


def test_shapes() -> None:
    assert is_sentence_like("The union said 140 crew members joined the strike on Tuesday.")
    assert not is_sentence_like("Visit Bear Lake")
    assert is_title_shaped("Ferry workers walk out over new rosters")
    assert not is_title_shaped("ferry workers walk out over new rosters")
    assert not is_title_shaped("The union said it would strike.")


def test_normalize_keeps_lines_and_drops_invisible_characters() -> None:
    assert normalize("a\u00a0\u00a0b\u200b\r\nc  d") == "a b\nc d"


def test_a_page_of_short_lines_is_not_emptied() -> None:
    blocks = clean("Line one here\n\nLine two here\n\nLine three here")
    assert any(b.kept for b in blocks)


def test_empty_text() -> None:
    assert clean("") == ()
    assert clean("\n \n\u00a0\n") == ()


# An article with a subheading and a related link between its paragraphs, a photographer's
# credit glued to a paragraph, an embedded post and a link on its own line (written for the test).
INNER = """\
Ferry workers walked out on Tuesday morning in a dispute over new rosters, halting crossings to \
the island for the first time since the route opened, and the company cancelled every sailing.

The union said 140 crew members joined the strike after talks broke down on Monday night, and \
that its members would stay out until the new rosters were withdrawn or put to an independent \
review.

Island shops run short

Jane Roe/Getty Images Island shopkeepers said deliveries of fresh food would run out by Thursday.

The rules for sailing in a gale

Passengers posted their anger online as the queues grew at the terminal on Tuesday morning:

No ferry again, third time this month — Ann Lee (@annlee) March 4, 2025
https://example.org/status/12345

The ferry company said it regretted the disruption and would run a replacement service.
"""


def test_headings_inside_the_article_are_removed() -> None:
    reasons = _by_reason(clean(INNER))
    assert reasons["Island shops run short"] == INNER_HEADING
    assert reasons["The rules for sailing in a gale"] == INNER_HEADING


def test_a_glued_credit_is_removed_and_its_paragraph_kept() -> None:
    reasons = _by_reason(clean(INNER))
    assert reasons["Jane Roe/Getty Images"] == "photo credit"
    assert (
        reasons["Island shopkeepers said deliveries of fresh food would run out by Thursday."]
        is None
    )


def test_an_embedded_post_is_kept_and_a_link_line_is_not_joined_to_it() -> None:
    reasons = _by_reason(clean(INNER))
    assert (
        reasons["No ferry again, third time this month — Ann Lee (@annlee) March 4, 2025"] is None
    )
    assert reasons["https://example.org/status/12345"] == "bare link"


ARTICLE_WITH_NOTES = """Pier to reopen in May after repairs

Crews have finished the main repairs to the Port Calder pier, the harbour board said on Tuesday, and the pier will reopen to walkers in May.

Mar 4, 2025 10:02 AM EST

The board said the work cost 2.4 million euros, most of it for new pilings under the western end.

Jane Roe is a senior reporter at the Harbour Times covering transport and the port.
"""


def test_a_stamp_between_paragraphs_is_removed() -> None:
    reasons = _by_reason(clean(ARTICLE_WITH_NOTES))
    assert reasons["Mar 4, 2025 10:02 AM EST"] == STAMP


def test_the_writer_s_note_at_the_end_is_removed() -> None:
    blocks = clean(ARTICLE_WITH_NOTES)
    reasons = _by_reason(blocks)
    note = "Jane Roe is a senior reporter at the Harbour Times covering transport and the port."
    assert reasons[note] == AUTHOR_NOTE
    assert [b.text for b in blocks if b.kept][-1].startswith("The board said the work cost")


def test_a_reporter_named_inside_the_story_is_news() -> None:
    text = (
        "Reporter detained at the port\n\n"
        "Jane Roe is a senior reporter at the Harbour Times who was detained at the port on"
        " Tuesday while filming the ferry strike.\n\n"
        "Police said she was released after two hours without charge, and the paper said it"
        " would complain to the harbour board.\n\n"
        "The union said the strike would go on until Friday at the earliest."
    )
    assert all(b.kept for b in clean(text) if b.text.startswith("Jane Roe"))
