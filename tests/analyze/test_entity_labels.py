"""Entity labels corrected by the article's own evidence, on text written for these tests."""

from __future__ import annotations

from newsweave.analyze.entity_labels import relabelled
from newsweave.model import Entity, Span


def entity(text: str, surface: str, label: str) -> Entity:
    start = text.index(surface)
    return Entity(Span(start, start + len(surface)), label, surface)


def test_a_name_after_a_role_is_a_person() -> None:
    text = "The skipper's lawyer, Ilse Varnholm, said the boat had sunk on 12 March."
    found = relabelled(
        text,
        [entity(text, "Ilse Varnholm", "ORG"), entity(text, "12 March", "DATE")],
    )
    assert [e.label for e in found] == ["PERSON", "DATE"]


def test_every_mention_of_a_name_takes_the_evidence_of_any() -> None:
    text = "Lawyer Ilse Varnholm spoke first. Ilse Varnholm then left the court."
    first = entity(text, "Ilse Varnholm", "PERSON")
    second_start = text.rindex("Ilse Varnholm")
    second = Entity(Span(second_start, second_start + 13), "ORG", "Ilse Varnholm")
    assert [e.label for e in relabelled(text, [first, second])] == ["PERSON", "PERSON"]


def test_a_name_without_evidence_keeps_its_label() -> None:
    text = "Varn Holdings bought the yard."
    assert relabelled(text, [entity(text, "Varn Holdings", "ORG")])[0].label == "ORG"


def test_a_platform_is_an_organisation() -> None:
    text = "Twitter removed the post."
    assert relabelled(text, [entity(text, "Twitter", "PERSON")])[0].label == "ORG"


def test_a_name_run_on_into_a_headline_s_verb_stops_before_it() -> None:
    text = "Tom Ellery Tells Voters They Need To Change Course"
    (found,) = relabelled(text, [entity(text, "Tom Ellery Tells", "PERSON")])
    assert (found.text, found.span) == ("Tom Ellery", Span(0, 10))


def test_a_name_that_ends_in_a_verb_s_bare_form_keeps_it() -> None:
    text = "Stevie Wonder sang on Friday."
    (found,) = relabelled(text, [entity(text, "Stevie Wonder", "PERSON")])
    assert found.text == "Stevie Wonder"


def test_a_name_ending_in_a_word_like_a_verb_in_running_text_keeps_it() -> None:
    # "Claims" ends the court's name; the sentence goes on in lower case
    text = "The Court of Federal Claims ruled on Friday."
    (found,) = relabelled(text, [entity(text, "Court of Federal Claims", "ORG")])
    assert found.text == "Court of Federal Claims"


def test_a_headline_name_ends_before_its_verb() -> None:
    text = "Dock Worker Mira Tolland Sues Port Authority\n\nMira Tolland filed suit on Monday."
    head = entity(text, "Mira Tolland Sues", "PERSON")
    body = Entity(Span(text.rindex("Mira"), text.rindex("Mira") + 12), "PERSON", "Mira Tolland")
    assert [e.text for e in relabelled(text, [head, body])] == ["Mira Tolland", "Mira Tolland"]


def test_a_surname_that_is_also_a_verb_stays_when_printed_in_full() -> None:
    text = "Coach Tom Banks Returns\n\nTom Banks returned on Monday. Tom said he was glad."
    head = entity(text, "Tom Banks", "PERSON")
    tom = Entity(Span(text.rindex("Tom"), text.rindex("Tom") + 3), "PERSON", "Tom")
    assert [e.text for e in relabelled(text, [head, tom])] == ["Tom Banks", "Tom"]


def test_a_name_holds_no_preposition() -> None:
    text = "Tom Vail on Injured List\n\nTom Vail hurt his knee."
    head = entity(text, "Tom Vail on Injured List", "PERSON")
    assert [e.text for e in relabelled(text, [head])] == ["Tom Vail"]
    text = "Ana Ruiz and the mayor met."
    assert [e.text for e in relabelled(text, [entity(text, "Ana Ruiz and", "PERSON")])] == [
        "Ana Ruiz"
    ]


def test_a_headline_name_ends_before_what_is_said_of_it() -> None:
    text = "Ana Ruiz Dead: Harbour Swim Star Dies\n\nAna Ruiz swam across the bay in 1952."
    at = text.index("Ana Ruiz s")
    found = relabelled(
        text,
        [entity(text, "Ana Ruiz Dead", "PERSON"), Entity(Span(at, at + 8), "PERSON", "Ana Ruiz")],
    )
    assert [e.text for e in found] == ["Ana Ruiz", "Ana Ruiz"]


def test_an_office_is_no_person() -> None:
    text = "The Harbour County Sheriff said the road was shut. John Major spoke later."
    found = relabelled(
        text,
        [entity(text, "Harbour County Sheriff", "PERSON"), entity(text, "John Major", "PERSON")],
    )
    assert [e.label for e in found] == ["ORG", "PERSON"]


def test_a_headline_name_ends_before_a_verb_inside_it() -> None:
    text = "Dana Marrant Checks Out Of Harbour Clinic"
    (found,) = relabelled(text, [entity(text, "Dana Marrant Checks Out", "PERSON")])
    assert found.text == "Dana Marrant"


def test_a_headline_taken_for_an_organisation_is_its_subject_when_the_story_names_them() -> None:
    text = "Marrant Slams Pier Plan: ‘This Cannot Go On’\n\nMarrant spoke on Friday."
    at = text.index("Marrant spoke")
    found = relabelled(
        text,
        [
            entity(text, "Marrant Slams Pier Plan", "ORG"),
            Entity(Span(at, at + len("Marrant")), "PERSON", "Marrant"),
        ],
    )
    assert [(e.text, e.label) for e in found] == [("Marrant", "PERSON"), ("Marrant", "PERSON")]
    # an organisation whose name holds a verb's form keeps it when no person is named so
    text = "Harbour Records Signs New Band\n\nThe label said on Friday it had signed them."
    (found_org,) = relabelled(text, [entity(text, "Harbour Records", "ORG")])
    assert found_org.text == "Harbour Records"
