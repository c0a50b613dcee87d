"""The brief: what a set of articles about one story says, cited passage by passage."""

from __future__ import annotations

from newsweave.brief.story import make_brief
from newsweave.brief.summary import summarize
from newsweave.brief.timeline import build_timeline
from newsweave.model import Brief, CrossCheck, Story

__all__ = ["write_brief"]


def write_brief(story: Story, check: CrossCheck) -> Brief:
    """The brief of an analysed, cross-checked story: its timeline and cited summary written
    here, the cross-check's sections as they are."""
    return make_brief(
        story.articles,
        story.problems,
        claims=check.claims,
        quotes=check.quotes,
        entities=check.entities,
        coverage=check.coverage,
        timeline=build_timeline(story),
        summary=summarize(story, check.claims, check.quotes),
        copies=story.copies,
        left_out=story.left_out,
        attributions={aid: ann.attributions for aid, ann in story.analysed()},
    )
