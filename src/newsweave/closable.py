"""A resource that a ``with`` block closes: the one ``__enter__``/``__exit__`` pair.

The fetcher, the notifier, the spill archive, the store's ``Database`` and the local batch
engine each hold something to let go of (an HTTP client, a SQLite file, a connection, a
process pool). Each says how in ``close``; this base makes each a context manager, so the
boilerplate is written once.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self


class Closable(ABC):
    """Closed at the end of a ``with`` block, whatever ends it."""

    __slots__ = ()

    @abstractmethod
    def close(self) -> None:
        """Let go of what the object holds."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
