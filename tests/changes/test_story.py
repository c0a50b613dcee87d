"""What a refresh of a story changed, from two briefs written by hand (CONTRACT.md's shape)."""

from __future__ import annotations

import copy
from typing import Any

from newsweave.changes.story import Change, story_changes


def art(aid: str, store_id: str, outlet: str, text: str = "…", title: str = "T") -> dict[str, Any]:
    return {
        "id": aid,
        "store_id": store_id,
        "origin": f"https://{outlet.lower()}.test/x",
        "outlet": outlet,
        "title": title,
        "text": text,
    }


def report(article: str, text: str, value: float | None) -> dict[str, Any]:
    return {"article": article, "text": text, "low": value, "high": value}


def claim(measure: str, verdict: str, *reports: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": "c1",
        "measure": measure,
        "verdict": verdict,
        "why": extra.get("why", ""),
        "trend": extra.get("trend", []),
        "reports": list(reports),
    }


def brief(
    articles: list[dict[str, Any]], claims: list[dict[str, Any]], quotes=()
) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {"articles": articles, "claims": claims, "quotes": list(quotes)}


BEFORE = brief(
    [art("a1", "d1", "Courier"), art("a2", "d2", "Herald")],
    [claim("people killed", "agree", report("a1", "12", 12), report("a2", "12", 12))],
)


def kinds(changes: list[Change]) -> list[str]:
    return [c.kind for c in changes]


def test_no_change_is_nothing() -> None:
    assert story_changes(BEFORE, copy.deepcopy(BEFORE)) == []


def test_a_new_outlet_with_a_clashing_figure_is_a_new_conflict_and_a_new_outlet() -> None:
    # a new outlet sorts first by date, so article ids move: a1 is now the Gazette
    after = brief(
        [art("a1", "d3", "Gazette"), art("a2", "d1", "Courier"), art("a3", "d2", "Herald")],
        [
            claim(
                "people killed",
                "conflict",
                report("a1", "21", 21),
                report("a2", "12", 12),
                report("a3", "12", 12),
                why="a1 “21” (21) and a2 “12” (12) cannot both be true",
            )
        ],
    )
    changes = story_changes(BEFORE, after)
    assert kinds(changes) == ["new_conflict", "new_outlet"]
    assert changes[0].text.startswith("new conflict on people killed: a1 “21”")
    assert changes[1].after == "Gazette" and changes[1].article == "d3"


def test_a_revised_article_with_another_figure_is_a_figure_update() -> None:
    after = copy.deepcopy(BEFORE)
    after["articles"][1]["text"] = "changed"
    after["claims"][0]["reports"][1] = report("a2", "15", 15)
    after["claims"][0]["verdict"] = "differ"
    changes = story_changes(BEFORE, after)
    assert kinds(changes) == ["figure_updated", "article_revised"]
    figure = changes[0]
    assert (figure.article, figure.claim, figure.before, figure.after) == (
        "d2",
        "people killed",
        "12",
        "15",
    )
    assert figure.text == "people killed: Herald now gives 15 (was 12)"
    assert changes[1].text == "Herald revised “T”"


def test_a_rising_count_moves_the_trend() -> None:
    before = brief(
        [art("a1", "d1", "Courier"), art("a2", "d2", "Herald")],
        [
            claim(
                "people injured",
                "differ",
                report("a1", "12", 12),
                report("a2", "15", 15),
                trend=[
                    {"article": "a1", "value": 12, "at": "2025-03-01T06:00:00"},
                    {"article": "a2", "value": 15, "at": "2025-03-01T11:00:00"},
                ],
            )
        ],
    )
    after = copy.deepcopy(before)
    after["articles"].append(art("a3", "d3", "Herald"))
    after["claims"][0]["reports"].append(report("a3", "21", 21))
    after["claims"][0]["trend"].append({"article": "a3", "value": 21, "at": "2025-03-01T18:00:00"})
    (change,) = story_changes(before, after)
    assert change.kind == "figure_updated"
    assert change.text == "people injured: 21 (Herald, 2025-03-01T18:00:00), up from 15"
    assert (change.before, change.after, change.article) == ("15", "21", "d3")


def test_a_reworded_quote_in_the_same_article() -> None:
    def quotes(words: str) -> list[dict[str, Any]]:
        variant = {"article": "a1", "text": words, "fidelity": "faithful", "kind": "direct"}
        return [{"speaker": "Ada Mayor", "variants": [variant]}]

    before = brief([art("a1", "d1", "Courier")], [], quotes("We will rebuild the quay"))
    after = brief([art("a1", "d1", "Courier")], [], quotes("We will rebuild the whole quay"))
    (change,) = story_changes(before, after)
    assert change.kind == "quote_changed"
    assert change.text == (
        "Courier now quotes Ada Mayor as “We will rebuild the whole quay” "
        "(was “We will rebuild the quay”)"
    )


def test_changes_round_trip_as_json() -> None:
    after = copy.deepcopy(BEFORE)
    after["articles"][1]["text"] = "changed"
    changes = story_changes(BEFORE, after)
    assert changes and [Change.from_dict(c.to_dict()) for c in changes] == changes
