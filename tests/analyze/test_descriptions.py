"""Speakers named by what they are: which named person holds a role, on lines written here."""

from __future__ import annotations

from newsweave.analyze.descriptions import role_holder
from newsweave.model import Span


def holder(text: str, name: str, role: str) -> str | None:
    at = text.index(name)
    return role_holder(text, [(Span(at, at + len(name)), name)], role, len(text))


def test_a_role_before_the_name_titles_it() -> None:
    assert holder("Defence lawyer Ana Ruiz left the court.", "Ana Ruiz", "lawyer") == "Ana Ruiz"
    assert holder("The base chief known as Ben spoke first.", "Ben", "chief") == "Ben"
    assert holder("The mayor's lawyer, Ana Ruiz, spoke first.", "Ana Ruiz", "lawyer") == "Ana Ruiz"


def test_a_verb_between_role_and_name_titles_no_one() -> None:
    # the source is whoever said it; Ruiz is what the source spoke of
    assert holder("The source said Ana Ruiz had left the harbour.", "Ana Ruiz", "source") is None


def test_a_role_in_the_next_sentence_is_no_apposition() -> None:
    text = "Crews reached the farm of Ana Ruiz, police said. The governor toured it later."
    assert holder(text, "Ana Ruiz", "governor") is None
    text = "Crews reached Ana Ruiz, the county governor, on Friday."
    assert holder(text, "Ana Ruiz", "governor") == "Ana Ruiz"


def test_a_role_for_someone_is_not_theirs() -> None:
    # the rep serves Okafor: Okafor is not the rep
    assert holder("A rep for Okafor did not respond.", "Okafor", "rep") is None
    assert holder("She is a friend of Ana Ruiz.", "Ana Ruiz", "friend") is None
