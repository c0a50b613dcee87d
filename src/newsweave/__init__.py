"""newsweave: what many outlets' reports of one event agree on, and where they differ.

>>> import newsweave
>>> brief = newsweave.weave(["examples/harbour-fire/"])  # doctest: +SKIP
"""

from newsweave.model import (
    Article,
    Brief,
    BriefArticle,
    LiveEntry,
    Problem,
    RawDocument,
    Removed,
    Span,
)
from newsweave.options import Options
from newsweave.pipeline import read_articles, weave

__all__ = [
    "Article",
    "Brief",
    "BriefArticle",
    "LiveEntry",
    "Options",
    "Problem",
    "RawDocument",
    "Removed",
    "Span",
    "read_articles",
    "weave",
]
__version__ = "0.1.0"
