import json
from datetime import date, datetime

from newsweave.brief.story import make_brief
from newsweave.contract.encode import SCHEMA, brief_dict, dumps
from newsweave.model import Article, Problem, Removed, Span


def _article(**kw: object) -> Article:
    text = "First paragraph.\n\nSecond one."
    base: dict[str, object] = {
        "origin": "x/a.txt",
        "text": text,
        "paragraphs": (Span(0, 16), Span(18, 29)),
        "removed": (Removed("Share", "share widget", 16),),
        "title": "A title",
        "outlet": "Outlet",
        "published": datetime(2025, 3, 12, 14, 5),
    }
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def test_contract_fields() -> None:
    brief = make_brief(
        [_article(), _article(published=date(2025, 3, 13), title="Other")],
        [Problem("bad.txt", "file is empty")],
    )
    d = json.loads(dumps(brief))
    assert d["schema"] == SCHEMA
    assert d["story"] == {
        "title": "A title",
        "first_published": "2025-03-12T14:05:00",
        "last_published": "2025-03-13",
    }
    for key in ("summary", "claims", "quotes", "timeline", "entities", "coverage"):
        assert d[key] == []
    a = d["articles"][0]
    assert a["id"] == "a1" and d["articles"][1]["id"] == "a2"
    assert {"id", "origin", "outlet", "title", "published", "kind", "text", "removed"} <= set(a)
    assert a["removed"] == [{"text": "Share", "reason": "share widget", "at": 16}]
    for start, end in a["paragraphs"]:
        assert a["text"][start:end] in {"First paragraph.", "Second one."}
    assert d["problems"] == [
        {"origin": "bad.txt", "message": "file is empty", "kind": "unreadable"}
    ]


def test_text_is_not_escaped_in_json() -> None:
    brief = make_brief([_article(text="<script>alert(1)</script>", paragraphs=(Span(0, 25),))])
    assert brief_dict(brief)["articles"][0]["text"] == "<script>alert(1)</script>"


def test_attributions_field() -> None:
    from newsweave.contract.decode import brief_from_dict
    from newsweave.model import Attribution

    text = "“We are ready,” Okafor said.\n\nShe said the pier would reopen."
    said = Attribution(
        Span(0, 15), "direct", "Grace Okafor", Span(16, 22), "said", Span(23, 27), True
    )
    told = Attribution(
        Span(39, 61), "indirect", "Grace Okafor", Span(30, 33), "said", Span(34, 38), True
    )
    brief = make_brief(
        [_article(text=text, paragraphs=(Span(0, 28), Span(30, 62)))],
        attributions={"a1": (said, told)},
    )
    d = json.loads(dumps(brief))
    first, second = d["articles"][0]["attributions"]
    assert first["kind"] == "direct" and second["kind"] == "indirect"
    assert (
        first["source"] == "Grace Okafor"
        and text[first["source_start"] : first["source_end"]] == "Okafor"
    )
    assert text[second["source_start"] : second["source_end"]] == "She"
    for x in (first, second):
        assert x["text"] == text[x["start"] : x["end"]]
        assert text[x["cue_start"] : x["cue_end"]] == x["cue"]
    assert brief_from_dict(d).articles[0].attributions == (said, told)
