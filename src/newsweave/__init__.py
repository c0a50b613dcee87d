"""newsweave: what many outlets' reports of one event agree on, and where they differ.

The library mirrors the command line:

>>> import newsweave
>>> brief = newsweave.weave(["examples/harbour-fire/"])  # doctest: +SKIP   (newsweave brief)
>>> data = brief.to_dict()  # doctest: +SKIP                 (brief --format json)
>>> every = newsweave.brief_all(["saved-pages/"])  # doctest: +SKIP   (brief --all)
>>> with newsweave.open_store("nw.db") as db:  # doctest: +SKIP
...     db.ingest(["saved-pages/"])                            # newsweave ingest --db nw.db
...     rows = db.stories(verdict="conflict")                  # newsweave stories --db nw.db
...     hits = db.search("ferry timetable")                    # newsweave search
...     page = db.export(rows[0].id, "html")                   # newsweave export
"""

from newsweave.errors import NewsweaveError, NoSuchStoryError, StoreError
from newsweave.model import (
    Article,
    Brief,
    BriefArticle,
    CrossCheck,
    LiveEntry,
    Problem,
    RawDocument,
    Removed,
    Span,
    Story,
)
from newsweave.options import Options, updated
from newsweave.progress import Step

TYPE_CHECKING = False
if TYPE_CHECKING:
    from newsweave.pipeline import brief_all, read_articles, weave
    from newsweave.service.database import Database, open_store

__all__ = [
    "Article",
    "Brief",
    "BriefArticle",
    "CrossCheck",
    "Database",
    "LiveEntry",
    "NewsweaveError",
    "NoSuchStoryError",
    "Options",
    "Problem",
    "RawDocument",
    "Removed",
    "Span",
    "Step",
    "StoreError",
    "Story",
    "brief_all",
    "open_store",
    "read_articles",
    "updated",
    "weave",
]
__version__ = "0.1.0"

# Loaded when first asked for: the pipeline loads spaCy (over a second) and the store the
# extraction stack, which ``newsweave --version`` and ``import newsweave`` should not pay for.
_LAZY = {
    "read_articles": "newsweave.pipeline",
    "weave": "newsweave.pipeline",
    "brief_all": "newsweave.pipeline",
    "open_store": "newsweave.service.database",
    "Database": "newsweave.service.database",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
