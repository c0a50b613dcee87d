"""Entity merging on small stories written for these tests, names normalisation, the example
story, and the entities section of the terminal and Markdown formats."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from rich.console import Console

from newsweave.analyze import analyze_articles
from newsweave.brief.story import analysed_story, make_brief
from newsweave.crosscheck.entities import merge_entities, people, shortens
from newsweave.crosscheck.names import (
    clean_surface,
    is_name_like,
    name_key,
    place_prefix,
    same_place,
    word_key,
)
from newsweave.model import AnnotatedArticle, Article, Entity, EntityGroup, Span
from newsweave.pipeline import read_articles
from newsweave.render.sections import entities_markdown, entities_table
from paths import EXAMPLES

Tag = tuple[str, str] | tuple[str, str, int]


def article(text: str, tags: Sequence[Tag]) -> AnnotatedArticle:
    """An article whose entities are the given (surface, label[, nth occurrence]) tags, as
    spaCy would give them; without nth, every occurrence is tagged."""
    entities: list[Entity] = []
    for tag in tags:
        surface, label = tag[0], tag[1]
        starts = [i for i in range(len(text)) if text.startswith(surface, i)]
        assert starts, f"{surface!r} is not in the text"
        if len(tag) == 3:
            starts = [starts[tag[2]]]  # type: ignore[misc]
        for s in starts:
            entities.append(Entity(Span(s, s + len(surface)), label, surface))
    a = Article(origin="t", text=text, paragraphs=(Span(0, len(text)),))
    return AnnotatedArticle(a, (Span(0, len(text)),), tuple(entities), ())


def merged(*arts: AnnotatedArticle) -> list[EntityGroup]:
    return merge_entities(analysed_story(arts))


def group_of(groups: list[EntityGroup], form: str) -> EntityGroup:
    found = [g for g in groups if form == g.name or form in g.aliases]
    assert len(found) == 1, f"{form!r} in {len(found)} groups: {groups}"
    return found[0]


# -- names ---------------------------------------------------------------------------------


def test_keys_fold_case_apostrophes_dots_and_plurals() -> None:
    assert name_key("Liwa’ al-Fajr") == name_key("Liwa al-Fajr") == name_key("LIWA AL-FAJR")
    assert name_key("Harbour Guards Corps") == name_key("Harbour Guard Corps")
    assert name_key("U.S.") == name_key("US")
    assert word_key("Militias") == "militia"
    assert word_key("Congress") == "congress"


def test_surfaces_lose_edges_articles_and_possessives() -> None:
    assert clean_surface("the “Free Rivers Movement") == "Free Rivers Movement"
    assert clean_surface("NRA)") == "NRA"
    assert clean_surface("Norland’s") == "Norland"
    assert clean_surface("The Tarsk Council") == "Tarsk Council"


def test_what_a_name_looks_like() -> None:
    assert is_name_like("al-Qasr")
    assert not is_name_like("pro-Norland")
    assert not is_name_like("x")


def test_places_and_nationalities_match_their_country() -> None:
    assert same_place("norland", "norlandian")
    assert same_place("us", "united state")
    assert not same_place("iran", "iraq")
    places = {"us", "united state", "norlandian"}
    assert place_prefix(("united", "state", "coastal", "command"), places) == 2
    assert place_prefix(("us",), places) == 0  # never the whole name


def test_short_forms_of_organisation_names() -> None:
    assert shortens(("coastal", "command"), ("northern", "coastal", "command"))
    assert shortens(("brightwater",), ("brightwater", "logistic"))
    assert shortens(("free", "river"), ("free", "river", "in", "marl"))
    assert not shortens(("river",), ("free", "river"))  # one word is too little to go on
    assert not shortens(("brightwater",), ("brightwater", "harbour"))


# -- merging -------------------------------------------------------------------------------


def test_surname_joins_the_one_full_name_and_titles_are_set_apart() -> None:
    a1 = article(
        "Defence Minister Rosa Vell said the talks would resume. Vell did not give a date.",
        [("Defence", "ORG"), ("Rosa Vell", "PERSON"), ("Vell", "PERSON", 1)],
    )
    a2 = article("Rosa Vell later met the mayor.", [("Rosa Vell", "PERSON")])
    groups = merged(a1, a2)
    vell = group_of(groups, "Vell")
    assert vell.name == "Rosa Vell"
    assert vell.type == "PERSON"
    assert "Defence Minister Rosa Vell" in vell.aliases
    assert vell.articles == ("a1", "a2")
    assert not [g for g in groups if g.name == "Defence"]  # a word of a title, not an entity


def test_a_surname_two_people_share_stays_apart() -> None:
    a1 = article(
        "Anna Reyes and Tom Reyes both spoke. Reyes said the port would reopen.",
        [("Anna Reyes", "PERSON"), ("Tom Reyes", "PERSON"), ("Reyes", "PERSON", 2)],
    )
    groups = merged(a1)
    assert group_of(groups, "Reyes").name == "Reyes"
    assert group_of(groups, "Anna Reyes") != group_of(groups, "Tom Reyes")


def test_a_surname_spacy_missed_is_found() -> None:
    a1 = article(
        "Mayor Delia Crane opened the hall. “We will rebuild,” Crane said.",
        [("Delia Crane", "PERSON")],
    )
    crane = group_of(merged(a1), "Delia Crane")
    assert "Crane" in crane.aliases
    assert "Mayor Delia Crane" in crane.aliases
    assert crane.mentions == 2


def test_acronym_defined_in_parentheses_and_by_syllables() -> None:
    a1 = article(
        "The National River Authority (NRA) closed the weir. Northern Command said it would help.",
        [("National River Authority", "ORG"), ("NRA", "ORG"), ("Northern Command", "ORG")],
    )
    a2 = article(
        "The NRA said the weir was safe. NORTHCOM sent engineers; Northcom did not comment.",
        [("NRA", "GPE"), ("NORTHCOM", "ORG"), ("Northcom", "ORG")],
    )
    groups = merged(a1, a2)
    nra = group_of(groups, "NRA")
    assert nra.name == "National River Authority"  # spelled out rather than initials
    assert nra.type == "ORG"
    north = group_of(groups, "NORTHCOM")
    assert {"Northern Command", "NORTHCOM", "Northcom"} <= {north.name, *north.aliases}


def test_apostrophe_variants_keep_both_spellings() -> None:
    a1 = article("Fighters of Liwa’ al-Fajr withdrew.", [("Liwa’ al-Fajr", "NORP")])
    a2 = article("Liwa al-Fajr denied it.", [("Liwa al-Fajr", "PERSON")])
    g = group_of(merged(a1, a2), "Liwa al-Fajr")
    assert {g.name, *g.aliases} == {"Liwa’ al-Fajr", "Liwa al-Fajr"}


def test_a_name_cut_short_is_grown_to_the_full_name() -> None:
    a1 = article("Ansar Brigade fighters left.", [("Ansar Brigade", "ORG")])
    a2 = article("Ansar Brigade said so.", [("Ansar", "NORP"), ("Brigade", "ORG")])
    groups = merged(a1, a2)
    g = group_of(groups, "Ansar Brigade")
    assert g.articles == ("a1", "a2")
    assert not [x for x in groups if x.name in ("Ansar", "Brigade")]


def test_leading_place_joins_unless_two_countries() -> None:
    a1 = article(
        "US Coastal Command and the Norlandian Armed Forces met. US Armed Forces watched. The US agreed.",
        [
            ("US Coastal Command", "ORG"),
            ("US", "GPE", 2),
            ("Norlandian Armed Forces", "ORG"),
            ("Norlandian", "NORP"),
            ("US Armed Forces", "ORG"),
        ],
    )
    a2 = article(
        "United States Coastal Command confirmed it. The United States agreed.",
        [("United States Coastal Command", "ORG"), ("United States", "GPE", 1)],
    )
    groups = merged(a1, a2)
    command = group_of(groups, "United States Coastal Command")
    assert "US Coastal Command" in {command.name, *command.aliases}
    assert group_of(groups, "US Armed Forces") != group_of(groups, "Norlandian Armed Forces")
    assert group_of(groups, "US") == group_of(groups, "United States")


def test_short_organisation_names() -> None:
    a1 = article(
        "The Free River Movement in Marl took the bridge. Brightwater Logistics owns it.",
        [("Free River Movement in Marl", "ORG"), ("Brightwater Logistics", "ORG")],
    )
    a2 = article(
        "The Free River Movement denied it. Brightwater said the bridge was closed.",
        [("Free River Movement", "ORG"), ("Brightwater", "PERSON")],
    )
    groups = merged(a1, a2)
    assert group_of(groups, "Free River Movement").name == "Free River Movement in Marl"
    brightwater = group_of(groups, "Brightwater")
    assert brightwater.name == "Brightwater Logistics"
    assert brightwater.type == "ORG"


def test_type_by_story_wide_vote() -> None:
    a1 = article("Kelso said it. Kelso left.", [("Kelso", "PERSON")])
    a2 = article("Kelso arrived.", [("Kelso", "GPE")])
    assert group_of(merged(a1, a2), "Kelso").type == "PERSON"


def test_no_entities_no_groups() -> None:
    assert merged(article("Nothing here.", [])) == []


def test_groups_named_by_most_outlets_come_first() -> None:
    a1 = article("Norland and Marl.", [("Norland", "GPE"), ("Marl", "GPE")])
    a2 = article("Norland again.", [("Norland", "GPE")])
    assert [g.name for g in merged(a1, a2)] == ["Norland", "Marl"]


# -- with spaCy, on the example story ------------------------------------------------------


@pytest.fixture(scope="module")
def example_groups() -> list[EntityGroup]:
    arts, _ = read_articles([EXAMPLES / "harbour-fire"])
    return merge_entities(analysed_story(analyze_articles(arts)))


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Owen Braddock", {"Chief Fire Officer Owen Braddock", "Braddock"}),
        ("Delia Marrant", {"Mayor Delia Marrant", "Marrant"}),
        ("Meridale Logistics", {"Meridale"}),
    ],
)
def test_example_story_aliases(
    example_groups: list[EntityGroup], name: str, forms: set[str]
) -> None:
    g = group_of(example_groups, name)
    assert g.name == name
    assert forms <= set(g.aliases)


def test_example_story_people(example_groups: list[EntityGroup]) -> None:
    assert group_of(example_groups, "Owen Braddock").type == "PERSON"
    assert len(group_of(example_groups, "North Quay").articles) == 6


# -- rendering -----------------------------------------------------------------------------


def _brief_with(groups: Sequence[EntityGroup]):  # type: ignore[no-untyped-def]
    a = Article(origin="a.txt", text="Body.", paragraphs=(Span(0, 5),))
    from dataclasses import replace

    return replace(make_brief([a]), entities=tuple(groups))


def test_entities_table_escapes_names() -> None:
    brief = _brief_with(
        [EntityGroup("[red]Rosa Vell[/red]", "PERSON", ("Vell", "[bold]x"), ("a1",), 3)]
    )
    console = Console(record=True, width=200)
    console.print(entities_table(brief))
    out = console.export_text()
    assert "[red]Rosa Vell[/red]" in out
    assert "[bold]x" in out


def test_entities_markdown() -> None:
    brief = _brief_with([EntityGroup("Rosa *Vell*", "PERSON", ("Vell",), ("a1", "a2"), 3)])
    lines = entities_markdown(brief)
    assert "| Rosa \\*Vell\\* | PERSON | Vell | a1, a2 |" in lines
    assert entities_markdown(_brief_with([])) == []


# -- issue 13: types from the text, fragments, name forms --------------------------------


def test_types_follow_the_texts_evidence() -> None:
    groups = merged(
        article(
            "Port lawyer Ann Brell said the crane fell. Mirek Dowd Jr. saw it from Calder Road, "
            "and the Harbour Herald posted a video on Twitter.",
            [
                ("Ann Brell", "ORG"),
                ("Mirek Dowd Jr.", "ORG"),
                ("Calder Road", "PERSON"),
                ("Harbour Herald", "PERSON"),
                ("Twitter", "PERSON"),
            ],
        )
    )
    types = {g.name: g.type for g in groups}
    assert types["Ann Brell"] == "PERSON"
    assert types["Mirek Dowd Jr."] == "PERSON"
    assert types["Calder Road"] == "FAC"
    assert types["Harbour Herald"] == "ORG"
    assert types["Twitter"] == "ORG"


def test_an_institution_named_after_its_town_is_an_organisation() -> None:
    # "Port …" names a town, but "… Harbour Authority" says what the whole name is
    text = "The Port Calder Harbour Authority closed Port Calder quay, near Fort Elm."
    groups = merged(
        article(
            text,
            [
                ("Port Calder Harbour Authority", "GPE"),
                ("Port Calder", "GPE"),
                ("Fort Elm", "GPE"),
            ],
        )
    )
    types = {g.name: g.type for g in groups}
    assert types["Port Calder Harbour Authority"] == "ORG"
    assert types["Fort Elm"] == "GPE"


def test_a_piece_of_a_hyphenated_word_is_not_a_name() -> None:
    groups = merged(article("He flew to Mar-a-Lago on Friday.", [("Mar", "PERSON")]))
    assert groups == []


def test_a_glued_verse_number_is_not_part_of_the_name() -> None:
    assert clean_surface("Jesus Christ.14") == "Jesus Christ"


def test_name_forms_are_merged() -> None:
    groups = merged(
        article(
            "The Tarsk Diocese said the Justice Ministry had the file. The Ministry of Justice "
            "and the Diocese of Tarsk did not comment. Al Qasr TV and Al-Qasr TV ran it.",
            [
                ("Tarsk Diocese", "ORG"),
                ("Justice Ministry", "ORG"),
                ("Ministry of Justice", "ORG"),
                ("Al Qasr TV", "ORG"),
                ("Al-Qasr TV", "ORG"),
            ],
        )
    )
    assert group_of(groups, "Ministry of Justice") is group_of(groups, "Justice Ministry")
    assert group_of(groups, "Diocese of Tarsk") is group_of(groups, "Tarsk Diocese")
    assert group_of(groups, "Al-Qasr TV") is group_of(groups, "Al Qasr TV")


def test_accents_and_abbreviations_fold() -> None:
    assert name_key("Køge Bay") == name_key("Koge Bay")
    assert name_key("Öresund Strait") == name_key("Oresund strait")
    assert name_key("Mt. Tabor") == name_key("Mount Tabor")
    assert name_key("A Harbour Fourth") == name_key("Harbour Fourth")


def test_a_defined_acronym_is_found_where_the_tagger_missed_it() -> None:
    groups = merged(
        article(
            "A Port Safety Authority (PSA) inspector came. The PSA said it would report.",
            [("Port Safety Authority", "ORG", 0)],
        ),
        article("The Port Safety Authority closed the pier.", [("Port Safety Authority", "ORG")]),
    )
    assert "PSA" in group_of(groups, "Port Safety Authority").aliases


def test_an_acronym_spells_hyphenated_words() -> None:
    groups = merged(
        article(
            "The Anti-Piracy League said so. The APL will report.",
            [("Anti-Piracy League", "ORG"), ("APL", "ORG")],
        )
    )
    assert group_of(groups, "APL") is group_of(groups, "Anti-Piracy League")


def test_towns_keep_their_region_and_places_their_prefix() -> None:
    text = (
        "The ferry left Calder, Norland, at noon. It reached Tarsk, Ga. later. "
        "Crews from Tarsk, Brill, Ostry and Velm helped. Norland's Coast Guard said so, "
        "and the Coast Guard will report."
    )
    groups = merged(
        article(
            text,
            [
                ("Calder", "GPE"),
                ("Norland", "GPE"),
                ("Tarsk", "GPE"),
                ("Brill", "GPE"),
                ("Ostry", "GPE"),
                ("Velm", "GPE"),
                ("Coast Guard", "ORG"),
            ],
        )
    )
    assert "Calder, Norland" in group_of(groups, "Calder").aliases
    assert "Tarsk, Ga." in group_of(groups, "Tarsk").aliases
    assert not any("," in a for a in group_of(groups, "Brill").aliases)
    assert "Norland's Coast Guard" in group_of(groups, "Coast Guard").aliases


def test_titles_with_two_qualifiers_and_lower_case_titles() -> None:
    groups = merged(
        article(
            "Senate Majority Leader Ann Brell spoke. Tarsk County Police Chief Ola Venn agreed, "
            "and justice Mira Holt ruled.",
            [("Ann Brell", "PERSON"), ("Ola Venn", "PERSON"), ("Mira Holt", "PERSON")],
        )
    )
    assert "Senate Majority Leader Ann Brell" in group_of(groups, "Ann Brell").aliases
    assert "Police Chief Ola Venn" in group_of(groups, "Ola Venn").aliases
    assert "justice Mira Holt" in group_of(groups, "Mira Holt").aliases


def test_a_handle_after_a_name_is_its_alias_and_a_model_keeps_its_maker() -> None:
    groups = merged(
        article(
            "Great show — Harbour Fourth (@HarbourFourth) July 5. The Skyline X200 jet landed; "
            "the X200 was fine.",
            [("Harbour Fourth", "ORG"), ("Skyline", "ORG"), ("X200", "PRODUCT")],
        )
    )
    assert "@HarbourFourth" in group_of(groups, "Harbour Fourth").aliases
    assert "Skyline X200" in group_of(groups, "X200").aliases


def test_a_single_word_shortens_a_name_with_a_place_phrase() -> None:
    assert shortens(("charter",), ("charter", "of", "norland"))
    assert not shortens(("bank",), ("bank", "of", "norland"))
    assert not shortens(
        ("united", "state", "of", "norland"),
        ("house", "of", "the", "united", "state", "of", "norland"),
    )


def test_kind_words_and_months_settle_types() -> None:
    groups = merged(
        article(
            "Crews reached Port Tarsk and the Tarsk Leisure Centre on Mar 13.",
            [("Port Tarsk", "PERSON"), ("Tarsk Leisure Centre", "PERSON"), ("Mar", "PERSON")],
        )
    )
    types = {g.name: g.type for g in groups}
    assert types == {"Port Tarsk": "GPE", "Tarsk Leisure Centre": "ORG"}


def test_a_title_written_with_a_bare_surname_makes_it_a_person_s() -> None:
    a1 = article(
        "Rosa Vell opened the hearing. Chairman Vell said it would last a week.",
        [("Rosa Vell", "PERSON"), ("Vell", "LOC", 1)],
    )
    a2 = article("Chairman Vell closed the hearing.", [("Vell", "GPE")])
    vell = group_of(merged(a1, a2), "Vell")
    assert (vell.name, vell.type) == ("Rosa Vell", "PERSON")


def test_a_place_glued_before_a_full_name_neither_types_nor_names_the_person() -> None:
    a1 = article(
        "The envoy to Calder Tomas Brenner testified in Calder. Brenner said he was not told."
        " Brenner left.",
        [("Calder Tomas Brenner", "ORG"), ("Calder", "GPE", 1), ("Brenner", "ORG", 1),
         ("Brenner", "ORG", 2)],
    )
    a2 = article(
        "Tomas Brenner spoke. Brenner left. Brenner came back.",
        [("Tomas Brenner", "PERSON"), ("Brenner", "ORG", 1), ("Brenner", "ORG", 2)],
    )
    a3 = article("Tomas Brenner was there.", [("Tomas Brenner", "PERSON")])
    brenner = group_of(merged(a1, a2, a3), "Brenner")
    assert (brenner.name, brenner.type) == ("Tomas Brenner", "PERSON")


def test_a_heading_verb_taken_into_a_name_is_no_second_person() -> None:
    a1 = article(
        "Tomas Brenner testified on Monday. Questioning Brenner's judgment. Brenner left.",
        [("Tomas Brenner", "PERSON"), ("Questioning Brenner", "PERSON"), ("Brenner", "ORG", 2)],
    )
    brenner = group_of(merged(a1), "Tomas Brenner")
    assert "Brenner" in brenner.aliases


def test_two_people_joined_by_and_are_two() -> None:
    text = "Roe and Vail signed the letter."
    found = people(Entity(Span(0, 12), "PERSON", "Roe and Vail"))
    assert [(e.text, e.span.of(text)) for e in found] == [("Roe", "Roe"), ("Vail", "Vail")]
    # an organisation keeps its "and"
    assert len(people(Entity(Span(0, 20), "ORG", "Harbour and Quay Ltd"))) == 1
