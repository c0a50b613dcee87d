"""Clustering: syndicated copies, then stories (incremental, time-windowed, two-stage)."""

from newsweave.cluster.copies import find_copies
from newsweave.cluster.stories import (
    Cluster,
    StoryClusterer,
    cluster_stories,
    stories_dict,
)
from newsweave.options import StoryOptions

__all__ = [
    "Cluster",
    "StoryClusterer",
    "StoryOptions",
    "cluster_stories",
    "find_copies",
    "stories_dict",
]
