"""Article id lists: copies counted under their original, long lists cut."""

from newsweave.render.labels import fold


def test_a_copy_is_counted_when_its_original_is_listed() -> None:
    f = fold(["a1", "a2", "a3", "a2"], {"a3": "a1"})
    assert f.shown == ("a1", "a2") and f.copies == 1
    assert f.text() == "a1, a2 +1 copy"


def test_a_copy_without_its_original_is_named() -> None:
    assert fold(["a3"], {"a3": "a1"}).text() == "a3"


def test_long_lists_are_cut() -> None:
    f = fold([f"a{i}" for i in range(1, 13)], {}, limit=8)
    assert f.text() == "a1, a2, a3, a4, a5, a6, a7, a8 +4 more"
    assert f.one is None


def test_one_article_is_named_with_its_outlet() -> None:
    f = fold(["a2", "a9"], {"a9": "a2"})
    assert f.named({"a2": "Calder Evening Post"}) == "a2 Calder Evening Post +1 copy"
