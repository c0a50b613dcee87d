"""Story updates as an Atom feed (RFC 4287), for any feed reader to follow a story.

One entry per refresh that changed something: its title says the story and how many things
changed, its content lists them, one line each, and it links to the story's page. Written
with ElementTree, so whatever an article said is escaped as XML text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from newsweave.changes.story import StoryUpdate

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(
    updates: Sequence[StoryUpdate],
    *,
    feed_id: str,
    title: str,
    self_url: str,
    site_url: str,
    now: datetime | None = None,
) -> bytes:
    """The feed's XML (UTF-8): ``updates`` newest first; ``site_url`` is where the web app
    is, without a trailing slash (links to stories are made from it)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(_tag("feed"))
    _text(feed, "id", feed_id)
    _text(feed, "title", title)
    newest = max((u.at for u in updates), default=None) or now or datetime.now(UTC)
    _text(feed, "updated", _when(newest))
    ET.SubElement(feed, _tag("link"), rel="self", href=self_url, type="application/atom+xml")
    ET.SubElement(feed, _tag("link"), rel="alternate", href=site_url + "/", type="text/html")
    author = ET.SubElement(feed, _tag("author"))
    _text(author, "name", "newsweave")
    ET.SubElement(feed, _tag("generator")).text = "newsweave"
    for update in updates:
        feed.append(_entry(update, site_url))
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return xml


def _entry(update: StoryUpdate, site_url: str) -> ET.Element:
    entry = ET.Element(_tag("entry"))
    _text(entry, "id", f"{site_url}/stories/{update.story_id}/changes/{update.id}")
    count = len(update.changes)
    what = update.changes[0].text if count == 1 else f"{count} changes"
    _text(entry, "title", f"{update.title or update.story_id}: {what}")
    _text(entry, "updated", _when(update.at))
    ET.SubElement(
        entry, _tag("link"), rel="alternate", href=f"{site_url}/stories/{update.story_id}"
    )
    for kind in dict.fromkeys(c.kind for c in update.changes):
        ET.SubElement(entry, _tag("category"), term=kind)
    _text(entry, "content", "\n".join(f"• {c.text}" for c in update.changes)).set("type", "text")
    return entry


def _tag(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    child = ET.SubElement(parent, _tag(name))
    child.text = value
    return child


def _when(at: datetime) -> str:
    """RFC 3339 with an offset (a store may give back a naive UTC time)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.isoformat(timespec="seconds")
