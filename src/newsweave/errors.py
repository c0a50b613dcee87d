"""Typed errors that name the document they are about (STYLE.md, 12).

Every error newsweave raises on purpose is a ``NewsweaveError`` and is defined here, so one
``except NewsweaveError`` catches them all and this file lists them all
(``tests/test_errors.py`` keeps it so). Those that were ``ValueError`` or ``RuntimeError``
before they joined the family still are, so code that catches those goes on catching them.
"""

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


class FetchError(InputError):
    """A URL could not be fetched. ``transient`` failures (the server was down, slow or asked us
    to wait) may succeed later; the others (404, refused address, wrong type) will not."""

    def __init__(
        self, origin: str, message: str, *, transient: bool = False, status: int | None = None
    ) -> None:
        super().__init__(origin, " ".join(message.split()))  # one line, whatever httpx said
        self.transient = transient
        self.status = status


class AddressRefused(NewsweaveError):  # noqa: N818 (it is a refusal, not a bug: the message says why)
    """The host resolves to an address newsweave will not connect to; the message says which."""


class NotTextError(NewsweaveError, ValueError):
    """The bytes are binary data, not text in any encoding; the message says why."""


class JSONError(NewsweaveError, ValueError):
    """The text is not JSON newsweave reads; the message is one line saying why."""


class DamagedRecordError(NewsweaveError):
    """The bytes under a WARC record are not what a WARC record is made of (raised by the
    streams ``ingest/warc.py`` hands warcio and by the checks after each record, and caught
    there: the reader reports the damage and looks for the next record)."""


class RegistryError(NewsweaveError, ValueError):
    """A registry file that cannot be read as outlets; the message says what is wrong."""


class StoreError(NewsweaveError):
    """The database could not be opened or used; the message names the URL."""


class NoSuchStoryError(NewsweaveError, KeyError):
    """The store holds no brief for the story asked for; the message names its id."""

    def __init__(self, story_id: str) -> None:
        super().__init__(
            f"no story {story_id!r} in the store; `newsweave stories --db …` lists them"
        )
        self.story_id = story_id

    def __str__(self) -> str:  # KeyError would show the message quoted, as a repr
        return str(self.args[0])


class EngineError(NewsweaveError):
    """A batch engine could not start (a missing extra, a scheduler that does not answer)."""


class ModelMissingError(NewsweaveError, RuntimeError):
    """A packaged model or tokenizer is not installed: the install is broken, not the input."""
