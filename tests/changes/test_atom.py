"""Story updates as an Atom feed: ids, links, escaping."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from newsweave.changes.atom import atom_feed
from newsweave.changes.story import Change, StoryUpdate

NS = {"a": "http://www.w3.org/2005/Atom"}


def feed(*updates: StoryUpdate) -> ET.Element:
    xml = atom_feed(
        list(updates),
        feed_id="http://nw.test/changes.atom",
        title="changes",
        self_url="http://nw.test/changes.atom",
        site_url="http://nw.test",
        now=datetime(2025, 1, 1, tzinfo=UTC),
    )
    assert xml.startswith(b"<?xml")
    return ET.fromstring(xml)


def test_one_entry_per_update_escaped_and_linked() -> None:
    at = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    changes = (
        Change("article_revised", "Herald revised “Fire <kills> & more”", "d2"),
        Change("figure_updated", "people killed: Herald now gives 15 (was 12)", "d2"),
    )
    root = feed(StoryUpdate(7, "s1", "Fire <kills> 12", at, changes))
    assert root.findtext("a:updated", namespaces=NS) == "2025-03-01T12:00:00+00:00"
    (entry,) = root.findall("a:entry", NS)
    assert entry.findtext("a:id", namespaces=NS) == "http://nw.test/stories/s1/changes/7"
    assert entry.findtext("a:title", namespaces=NS) == "Fire <kills> 12: 2 changes"
    link = entry.find("a:link", NS)
    assert link is not None and link.get("href") == "http://nw.test/stories/s1"
    terms = [c.get("term") for c in entry.findall("a:category", NS)]
    assert terms == ["article_revised", "figure_updated"]
    content = entry.findtext("a:content", namespaces=NS) or ""
    assert content.splitlines()[0] == "• Herald revised “Fire <kills> & more”"


def test_an_empty_feed_is_valid_and_dated_now() -> None:
    root = feed()
    assert root.findall("a:entry", NS) == []
    assert root.findtext("a:updated", namespaces=NS) == "2025-01-01T00:00:00+00:00"
    assert root.findtext("a:id", namespaces=NS) == "http://nw.test/changes.atom"


def test_a_naive_time_from_the_store_is_utc() -> None:
    update = StoryUpdate(1, "s2", None, datetime(2025, 3, 1, 9, 30), (Change("new_outlet", "x"),))
    (entry,) = feed(update).findall("a:entry", NS)
    assert entry.findtext("a:updated", namespaces=NS) == "2025-03-01T09:30:00+00:00"
    assert entry.findtext("a:title", namespaces=NS) == "s2: x"
