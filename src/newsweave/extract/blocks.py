"""The unit every extractor hands on: a block of page text, kept or removed with a reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-sized piece of a page in reading order.

    ``reason`` is None for article text; otherwise it says why the block is page furniture
    (the reason ends up in ``Article.removed``).
    """

    text: str
    reason: str | None = None

    @property
    def kept(self) -> bool:
        return self.reason is None
