"""The settings tree: every setting documented, changed by its dotted name, and reaching the
stage that reads it."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass

import pytest

from newsweave.options import DEFAULT, HELP, MB, Options, help_texts, undocumented, updated
from newsweave.pipeline import weave
from paths import EXAMPLES


def test_every_setting_and_section_is_documented() -> None:
    assert undocumented() == []
    assert all(text.strip() for text in HELP.values())
    assert {"read.max_bytes", "fetch.timeout", "stories.weights.names", "batch.engine"} <= set(HELP)


def test_a_setting_without_help_is_found() -> None:
    @dataclass(frozen=True)
    class Bare:
        size: int = 1

    assert help_texts(Bare) == {"size": ""}


def test_options_is_a_tree_of_sections() -> None:
    for section in fields(Options):
        assert is_dataclass(getattr(DEFAULT, section.name)), section.name


def test_defaults() -> None:
    assert DEFAULT.read.max_bytes == 20 * MB
    # Two different leads, named apart: the off-topic test's and the embedded one.
    assert DEFAULT.extract.lead_paragraphs == 3
    assert DEFAULT.stories.embed_paragraphs == 4


def test_updated_changes_settings_by_dotted_name_and_nothing_else() -> None:
    changed = updated(DEFAULT, {"fetch.timeout": 2.5, "stories.weights.names": 1.0})
    assert changed.fetch.timeout == 2.5
    assert changed.stories.weights.names == 1.0
    assert changed.stories.weights.terms == DEFAULT.stories.weights.terms
    assert changed.read == DEFAULT.read
    assert DEFAULT.fetch.timeout == 10.0
    with pytest.raises(TypeError):
        updated(DEFAULT, {"fetch.no_such_setting": 1})


def test_the_copies_section_reaches_the_brief() -> None:
    """build_brief reads the options it is given: a copy needs more than all its text shared
    when min_containment is above 1, so the example's reprint is no copy then."""
    story = [str(EXAMPLES / "harbour-fire")]
    usual = weave(story)
    strict = weave(story, updated(DEFAULT, {"copies.min_containment": 1.01}))
    assert any(a.copy_of for a in usual.articles)
    assert not any(a.copy_of for a in strict.articles)
