"""Pages that are not news articles are refused with a one-line reason."""

from __future__ import annotations

from newsweave.extract.blocks import Block
from newsweave.extract.nonarticle import not_an_article

PROSE = (
    "The council voted on Tuesday to close the old swimming pool at the end of the summer, "
    "after engineers found cracks in the main tank and warned that repairs would cost more "
    "than a new building. Residents who spoke at the meeting asked for a temporary pool. "
)


def blocks(*texts: str) -> list[Block]:
    return [Block(t) for t in texts]


def test_a_saved_social_media_post_is_refused() -> None:
    page = blocks(
        "Tweet with a location",
        "You can add location information to your Tweets, such as your city or precise "
        "location, from the web and via third-party applications.",
        "The pool is closing, what a shame for the kids of this town.",
    )
    assert not_an_article(page) == "a social-media post or embed, not an article"


def test_an_article_that_embeds_a_post_is_kept() -> None:
    page = blocks(PROSE * 3, "Tweet with a location", PROSE * 2)
    assert not_an_article(page) is None


def test_a_web_archive_notice_is_refused() -> None:
    page = blocks(
        "This is a collection of press articles about a web archiving project.",
        "Browse the captures below by date.",
    )
    assert not_an_article(page) == "a web-archive notice, not an article"


def test_an_error_page_is_refused() -> None:
    page = blocks("Sorry, we can't find that page.", "Try the search box or go to the home page.")
    assert not_an_article(page) == "an error page ('page not found'), not an article"


def test_a_cookie_wall_is_refused() -> None:
    page = [Block("We use cookies to improve your experience.", "cookie notice")]
    assert not_an_article(page) == "a cookie or consent notice, not an article"


def test_a_stub_is_refused_but_a_long_page_of_short_lines_is_not() -> None:
    assert not_an_article(blocks("Pool to close."), min_words=25) is not None
    names = [Block(f"Judge Number{i} of Someplace, Court of Appeals", "after") for i in range(20)]
    assert not_an_article([*names, Block("A short kept line of text.")], min_words=25) is None


def test_an_article_is_not_refused() -> None:
    assert not_an_article(blocks(PROSE, PROSE), min_words=25) is None
