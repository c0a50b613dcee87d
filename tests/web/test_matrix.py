"""The claim matrix folds syndicated copies into their original's column."""

from __future__ import annotations

from newsweave.brief.story import make_brief
from newsweave.model import Article, Claim, Report, Span
from newsweave.web.matrix import matrix_rows, originals


def _brief() -> tuple[object, object]:
    arts = [
        Article(origin=f"{i}.txt", text="Four and six.", paragraphs=(Span(0, 13),), outlet=f"O{i}")
        for i in range(1, 6)
    ]
    agree = Claim("c1", "hours", (Report("a1", Span(0, 4), "14 h", 14, 14),), "single", "")
    conflict = Claim(
        "c2",
        "hurt",
        (
            Report("a1", Span(0, 4), "Four", 4, 4),
            Report("a2", Span(9, 12), "six", 6, 6),
            Report("a3", Span(0, 4), "Four", 4, 4),  # a copy of a1 saying what a1 says
            Report("a4", Span(9, 12), "six", 6, 6),  # a copy of a1 saying something else
        ),
        "conflict",
        "4 and 6 cannot both be true",
    )
    return make_brief(arts, claims=[agree, conflict], copies={"a3": "a1", "a4": "a1"}), conflict


def test_copies_fold_into_their_originals_column_and_conflicts_come_first() -> None:
    brief, _ = _brief()
    assert originals(brief) == ["a1", "a2", "a5"]  # type: ignore[arg-type]
    rows = matrix_rows(brief, lambda aid, s, e: (aid, s, e))  # type: ignore[arg-type]
    assert [r.claim.id for r in rows] == ["c2", "c1"]
    first = rows[0].cells[0]
    assert first.copies == 2
    assert first.texts == ["Four", "six"]  # the copy that differs is shown, the other counted
    assert first.cites == [("a1", 0, 4), ("a4", 9, 12)]
    assert [(s.wording, s.articles.text()) for s in rows[0].sides] == [
        ("four", "a1 +1 copy"),
        ("six", "a2, a4"),
    ]
