"""Titles before names and the acronym matchers: attribution, figures and the entity merge."""

from newsweave.text.names import (
    acronym_spans,
    initials_match,
    is_acronym,
    leading_titles,
    short_form_of,
    spells,
    strip_titles,
)


def test_strip_titles() -> None:
    assert strip_titles("Transport Minister Ruth Adeyemi") == "Ruth Adeyemi"
    assert strip_titles("Lt. Col. Maria Duarte") == "Maria Duarte"
    assert strip_titles("Chief Fire Officer Ian Moor") == "Ian Moor"
    # The last word is never a title: it is the surname.
    assert strip_titles("Jonathan Major") == "Jonathan Major"


def test_leading_titles_leave_the_last_word() -> None:
    assert leading_titles(["Lt.", "Gen.", "Douglas", "Sims"]) == 2
    assert leading_titles(["Major"]) == 0
    # roles of business, local office and sport are titles too
    assert leading_titles(["GM", "Ana", "Ruiz"]) == 1
    assert leading_titles(["Quarterback", "Tom", "Vail"]) == 1
    assert strip_titles("County Coroner Ben Hale") == "Ben Hale"


def test_acronyms_spell_initials_and_syllables() -> None:
    assert is_acronym("NRA") and is_acronym("U.K.") and not is_acronym("Nra")
    assert spells("NRA", ["national", "river", "authority"])
    assert spells("SOUTHCOM", ["southern", "command"])
    assert spells("DOD", ["department", "of", "defense"])
    assert spells("FRM", ["free", "river", "of", "marl"])
    assert not spells("FRM", ["free", "river"])
    assert not spells("NRA", ["national", "rail"])


def test_a_speaker_short_form_and_a_figure_initials() -> None:
    assert short_form_of("CPA", ["coastal", "port", "authority"])
    assert short_form_of("Marcom", ["us", "maritime", "command"])
    assert not short_form_of("Kenya", ["kenyan", "army"])
    assert initials_match("gdp", "gross domestic product")
    assert not initials_match("gdp", "gross national product")


def test_acronym_spans_find_the_word_alone() -> None:
    assert acronym_spans("The CPA said CPAs and CPA-led talks", "CPA") == [(4, 7)]
