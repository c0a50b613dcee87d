"""Word stems: what the cleaner, the story split, the timeline, the summary and coverage compare."""

from newsweave.text.stems import content_stems, words


def test_content_stems_fold_plurals_and_possessives() -> None:
    assert content_stems("The firefighters' union's strikes") == {"firefighter", "union", "strik"}


def test_words_keep_inner_apostrophes_and_drop_underscores() -> None:
    assert words("O’Neill didn't_see it") == ["O’Neill", "didn't", "see", "it"]
