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
