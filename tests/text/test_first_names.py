from newsweave.text.first_names import HE, SHE, pronoun_of_given_name


def test_a_listed_given_name_says_he_or_she() -> None:
    assert pronoun_of_given_name("Emily Vane") == "she"
    assert pronoun_of_given_name("Michael Vane") == "he"


def test_a_name_not_listed_says_nothing() -> None:
    assert pronoun_of_given_name("Jordan Vane") is None
    assert pronoun_of_given_name("Vane") is None
    assert pronoun_of_given_name("") is None


def test_no_name_is_on_both_lists() -> None:
    assert not HE & SHE
