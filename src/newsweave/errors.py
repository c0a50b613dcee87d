"""Typed errors that name the document they are about (STYLE.md, 12)."""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base of every error newsweave raises on purpose."""


class InputError(NewsweaveError):
    """A document could not be read: the message names it and says what to do."""

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


class ExtractionError(InputError):
    """A document was read but no article text could be taken from it."""


class NotAnArticleError(ExtractionError):
    """A page that is read fine but is not a news article (an embed, a notice, an error page)."""


class NoSuchStoryError(NewsweaveError, KeyError):
    """The store holds no brief for the story asked for; the message names its id."""

    def __init__(self, story_id: str) -> None:
        super().__init__(
            f"no story {story_id!r} in the store; `newsweave stories --db …` lists them"
        )
        self.story_id = story_id

    def __str__(self) -> str:  # KeyError would show the message quoted, as a repr
        return str(self.args[0])
