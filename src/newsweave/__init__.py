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

TYPE_CHECKING = False
if TYPE_CHECKING:
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


def __getattr__(name: str) -> object:
    # The pipeline loads spaCy (over a second): only when asked for, not for ``--version``.
    if name in ("read_articles", "weave"):
        from newsweave import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
