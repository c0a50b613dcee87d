"""What a refresh of a story changed: a pure function from its old brief to its new one.

``watch`` and ``ingest`` rebuild a story's brief when an article arrives or is revised; a
reader following the story wants to hear what that changed, not to read the brief again. The
two briefs (CONTRACT.md's JSON) are compared by what stays put between them: articles by
their store id (else their origin), claims by their measure (else the reports they share),
quotes by who said them in which article. Article ids ("a1") are only positions and move
when an earlier article arrives, so they are never compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

ChangeKind = Literal[
    "new_conflict", "figure_updated", "quote_changed", "new_outlet", "article_revised"
]
KINDS: tuple[ChangeKind, ...] = (
    "new_conflict",
    "figure_updated",
    "quote_changed",
    "new_outlet",
    "article_revised",
)

Brief = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a refresh changed, said in one line (``text``).

    ``article`` is the store id (or origin) of the article concerned, ``claim`` the measure,
    ``before``/``after`` the figure, quote or title as it was and as it is.
    """

    kind: ChangeKind
    text: str
    article: str | None = None
    claim: str | None = None
    before: str | None = None
    after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "article": self.article,
            "claim": self.claim,
            "before": self.before,
            "after": self.after,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        kind = data.get("kind")
        if kind not in KINDS:
            raise ValueError(f"not a kind of change: {kind!r}")
        return cls(
            kind,
            str(data.get("text") or ""),
            data.get("article"),
            data.get("claim"),
            data.get("before"),
            data.get("after"),
        )


SCHEMA = "newsweave/story-changes@1"


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """What one refresh of one story changed."""

    id: int
    story_id: str
    title: str | None
    at: datetime
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON a notification carries (``schema`` names its shape)."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            "story": {
                "id": self.story_id,
                "title": self.title,
                "path": f"/stories/{self.story_id}",
            },
            "at": self.at.isoformat(),
            "changes": [c.to_dict() for c in self.changes],
        }


def story_changes(old: Brief, new: Brief) -> list[Change]:
    """What changed from ``old`` to ``new``, two briefs of one story, in a reading order:
    new conflicts, updated figures, changed quotes, new outlets, revised articles."""
    old_keys, new_keys = _article_keys(old), _article_keys(new)
    names = _names(new, new_keys)
    names.update({k: v for k, v in _names(old, old_keys).items() if k not in names})
    versions = _Versions(old, new, old_keys, new_keys, names)
    claims = _claim_changes(versions)
    quotes = _quote_changes(versions)
    return [
        *[c for c in claims if c.kind == "new_conflict"],
        *[c for c in claims if c.kind == "figure_updated"],
        *quotes,
        *_new_outlets(old, new),
        *_revised(old, new),
    ]


@dataclass(frozen=True, slots=True)
class _Versions:
    """Two briefs of one story and what the claim and quote rules read them by: each brief's
    article ids to keys that stay put between briefs, and each key's outlet name."""

    old: Brief
    new: Brief
    old_keys: Mapping[str, str]
    new_keys: Mapping[str, str]
    names: Mapping[str, str]


# -- articles and outlets ------------------------------------------------------------------


def _key(article: Mapping[str, Any]) -> str:
    return str(article.get("store_id") or article.get("origin") or article.get("id"))


def _article_keys(brief: Brief) -> dict[str, str]:
    """Brief-local article id ("a1") -> a key that stays put between briefs."""
    return {str(a["id"]): _key(a) for a in _list(brief, "articles")}


def _outlet(article: Mapping[str, Any]) -> str:
    return str(article.get("outlet") or article.get("outlet_label") or article.get("origin"))


def _names(brief: Brief, keys: Mapping[str, str]) -> dict[str, str]:
    """Article key -> how a reader knows it (its outlet)."""
    return {keys[str(a["id"])]: _outlet(a) for a in _list(brief, "articles")}


def _new_outlets(old: Brief, new: Brief) -> list[Change]:
    before = {_outlet(a) for a in _list(old, "articles")}
    out: list[Change] = []
    for a in _list(new, "articles"):
        outlet = _outlet(a)
        if outlet not in before:
            before.add(outlet)
            title = a.get("title")
            said = f"“{title}”" if title else "an article"
            out.append(
                Change("new_outlet", f"{outlet} reports the story: {said}", _key(a), after=outlet)
            )
    return out


def _revised(old: Brief, new: Brief) -> list[Change]:
    before = {_key(a): a for a in _list(old, "articles")}
    out: list[Change] = []
    for a in _list(new, "articles"):
        was = before.get(_key(a))
        if was is None:
            continue
        if was.get("text") == a.get("text") and was.get("title") == a.get("title"):
            continue
        retitled = was.get("title") != a.get("title")
        what = f"retitled it “{a.get('title')}”" if retitled else f"revised “{a.get('title')}”"
        out.append(
            Change(
                "article_revised",
                f"{_outlet(a)} {what}",
                _key(a),
                before=was.get("title"),
                after=a.get("title"),
            )
        )
    return out


# -- claims ----------------------------------------------------------------------------------

_Report = tuple[str, str, Any, Any]  # article key, figure as written, low, high


def _reports(claim: Mapping[str, Any], keys: Mapping[str, str]) -> list[_Report]:
    return [
        (
            keys.get(str(r.get("article")), str(r.get("article"))),
            str(r.get("text")),
            r.get("low"),
            r.get("high"),
        )
        for r in claim.get("reports") or ()
    ]


def _match_claim(
    claim: Mapping[str, Any],
    olds: list[Mapping[str, Any]],
    keys: Mapping[str, str],
    old_keys: Mapping[str, str],
) -> Mapping[str, Any] | None:
    """The old claim that is this one: the same measure, else the most reports in common
    (the same article and figure), else the most articles in common."""
    same = [c for c in olds if c.get("measure") == claim.get("measure")]
    if same:
        return same[0]
    mine = set(_reports(claim, keys))
    articles = {r[0] for r in mine}

    def overlap(c: Mapping[str, Any]) -> tuple[int, int]:
        theirs = _reports(c, old_keys)
        return len(mine & set(theirs)), len(articles & {r[0] for r in theirs})

    best = max(olds, key=overlap, default=None)
    if best is None or overlap(best) == (0, 0):
        return None
    return best


def _claim_changes(v: _Versions) -> list[Change]:
    olds = list(_list(v.old, "claims"))
    out: list[Change] = []
    for claim in _list(v.new, "claims"):
        measure = str(claim.get("measure") or "a figure")
        was = _match_claim(claim, olds, v.new_keys, v.old_keys)
        if claim.get("verdict") == "conflict" and (was is None or was.get("verdict") != "conflict"):
            why = claim.get("why") or ""
            out.append(
                Change(
                    "new_conflict", f"new conflict on {measure}: {why}".rstrip(": "), claim=measure
                )
            )
        if was is None:
            continue
        edited = _edited_figure(claim, was, v, measure)
        if edited is not None:
            out.append(edited)
            continue
        trend = _trend_moved(claim, was, v, measure)
        if trend is not None:
            out.append(trend)
    return out


def _edited_figure(
    claim: Mapping[str, Any], was: Mapping[str, Any], v: _Versions, measure: str
) -> Change | None:
    """An article that gives another figure for the measure than it gave before."""
    before = {r[0]: r for r in _reports(was, v.old_keys)}
    for report in _reports(claim, v.new_keys):
        old = before.get(report[0])
        if old is not None and (old[1], old[2], old[3]) != (report[1], report[2], report[3]):
            who = v.names.get(report[0], report[0])
            return Change(
                "figure_updated",
                f"{measure}: {who} now gives {report[1]} (was {old[1]})",
                report[0],
                measure,
                old[1],
                report[1],
            )
    return None


def _trend_moved(
    claim: Mapping[str, Any], was: Mapping[str, Any], v: _Versions, measure: str
) -> Change | None:
    """A count over time whose latest figure is not what it was (a new, later report)."""
    trend = claim.get("trend") or []
    if not trend:
        return None
    latest = trend[-1]
    previous = _latest_value(was)
    if previous is None or previous == latest.get("value"):
        return None
    key = v.new_keys.get(str(latest.get("article")), str(latest.get("article")))
    who = v.names.get(key, key)
    value, before = _number(latest.get("value")), _number(previous)
    return Change(
        "figure_updated",
        f"{measure}: {value} ({who}, {latest.get('at')}), up from {before}"
        if _float(latest.get("value")) > _float(previous)
        else f"{measure}: {value} ({who}, {latest.get('at')}), was {before}",
        key,
        measure,
        before,
        value,
    )


def _latest_value(claim: Mapping[str, Any]) -> Any:
    trend = claim.get("trend") or []
    if trend:
        return trend[-1].get("value")
    values = {(r.get("low"), r.get("high")) for r in claim.get("reports") or ()}
    if len(values) != 1:
        return None
    low, high = next(iter(values))
    return low if low is not None else high


def _float(x: Any) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return 0.0


def _number(x: Any) -> str:
    value = _float(x)
    return f"{int(value):,}" if value == int(value) else f"{value:,}"


# -- quotes ----------------------------------------------------------------------------------


def _variants(brief: Brief, keys: Mapping[str, str]) -> list[tuple[str | None, str, str, str]]:
    """(speaker, article key, words, fidelity) of every direct quote variant."""
    out = []
    for group in _list(brief, "quotes"):
        for v in group.get("variants") or ():
            if v.get("kind", "direct") != "direct":
                continue
            key = keys.get(str(v.get("article")), str(v.get("article")))
            out.append((group.get("speaker"), key, str(v.get("text")), str(v.get("fidelity"))))
    return out


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _quote_changes(v: _Versions) -> list[Change]:
    """A quote an article rewords (same speaker, same article, other words), or a new
    wording of a quote that differs from the one most outlets give."""
    before = _variants(v.old, v.old_keys)
    had = {(k, _words(t)) for _, k, t, _ in before}
    by_speaker: dict[tuple[str | None, str], list[str]] = {}
    for speaker, key, text, _ in before:
        by_speaker.setdefault((speaker, key), []).append(text)
    out: list[Change] = []
    for speaker, key, text, fidelity in _variants(v.new, v.new_keys):
        if (key, _words(text)) in had:
            continue
        who = v.names.get(key, key)
        said = speaker or "someone"
        earlier = by_speaker.get((speaker, key))
        if earlier and speaker:
            out.append(
                Change(
                    "quote_changed",
                    f"{who} now quotes {said} as “{text}” (was “{earlier[0]}”)",
                    key,
                    before=earlier[0],
                    after=text,
                )
            )
        elif fidelity == "changed":
            out.append(
                Change(
                    "quote_changed",
                    f"{who} quotes {said} in other words: “{text}”",
                    key,
                    after=text,
                )
            )
    return out


def _list(brief: Brief, field: str) -> Iterable[Mapping[str, Any]]:
    items = brief.get(field)
    return [x for x in items if isinstance(x, Mapping)] if isinstance(items, list) else []
