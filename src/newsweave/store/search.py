"""Full-text search over stored articles: FTS5 in SQLite, tsvector in PostgreSQL.

A query is cut down to its distinct words, at most ``Options.max_query_words`` of them, before
either database sees it: FTS5's time grows with the square of the terms (2,000 copies of one
word took over a minute), and a word said twice finds nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text

from newsweave.options import DEFAULT
from newsweave.store.db import Store

# Marks around matched words in a snippet; control characters no article text keeps, so the
# web app can split on them and escape every piece.
START, STOP = "\x02", "\x03"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    story_id: str | None
    title: str | None
    outlet: str | None
    snippet: str  # matched words between START and STOP

    def pieces(self) -> list[tuple[str, bool]]:
        """The snippet as (text, matched) pieces, for escaping piece by piece."""
        out: list[tuple[str, bool]] = []
        for i, part in enumerate(re.split(f"[{START}{STOP}]", self.snippet)):
            if part:
                out.append((part, i % 2 == 1))
        return out

    def highlighted(self) -> tuple[str, list[tuple[int, int]]]:
        """The snippet as plain text and the (start, end) offsets of its matched words in
        it: what the JSON API gives, so no client has to know the marker characters."""
        text: list[str] = []
        spans: list[tuple[int, int]] = []
        at = 0
        for part, matched in self.pieces():
            if matched:
                spans.append((at, at + len(part)))
            text.append(part)
            at += len(part)
        return "".join(text), spans


def query_words(query: str, max_words: int = DEFAULT.web.max_query_words) -> list[str]:
    """The query's distinct words (case aside), in order, the first ``max_words`` of them."""
    seen: dict[str, str] = {}
    for m in _WORD.finditer(query):
        seen.setdefault(m.group().casefold(), m.group())
        if len(seen) >= max_words:
            break
    return list(seen.values())


def fts5_query(words: list[str]) -> str:
    """Each word as a quoted FTS5 string: user input never reaches FTS5's own syntax."""
    return " ".join(f'"{w}"' for w in words)


def search(
    store: Store,
    query: str,
    limit: int = 20,
    max_words: int = DEFAULT.web.max_query_words,
    offset: int = 0,
) -> list[Hit]:
    """Articles matching every word of ``query`` (its first ``max_words``), best first,
    ``limit`` of them from ``offset`` on."""
    words = query_words(query, max_words)
    if not words:
        return []
    if store.dialect == "sqlite":
        sql = text(
            "SELECT f.article_id, a.story_id, a.title, a.outlet,"
            f" snippet(articles_fts, 2, '{START}', '{STOP}', '…', 16) AS snip"
            " FROM articles_fts f JOIN articles a ON a.id = f.article_id"
            " WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts, 0, 4, 1), f.article_id"
            " LIMIT :n OFFSET :o"
        )
        params: dict[str, object] = {"q": fts5_query(words), "n": limit, "o": offset}
    else:
        sql = text(
            "SELECT a.id AS article_id, a.story_id, a.title, a.outlet,"
            " ts_headline('english', a.text, q, :opts) AS snip"
            " FROM articles a, websearch_to_tsquery('english', :q) q"
            " WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.id LIMIT :n OFFSET :o"
        )
        params = {
            "q": " ".join(words),
            "n": limit,
            "o": offset,
            "opts": f'StartSel="{START}", StopSel="{STOP}", MaxWords=30, MinWords=12',
        }
    with store.read() as conn:
        return [
            Hit(r.article_id, r.story_id, r.title, r.outlet, r.snip)
            for r in conn.execute(sql, params)
        ]


def count_matches(store: Store, query: str, max_words: int = DEFAULT.web.max_query_words) -> int:
    """How many articles ``search`` finds for ``query`` in all (for paging)."""
    words = query_words(query, max_words)
    if not words:
        return 0
    if store.dialect == "sqlite":
        sql = text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q")
        params: dict[str, object] = {"q": fts5_query(words)}
    else:
        sql = text(
            "SELECT count(*) FROM articles a, websearch_to_tsquery('english', :q) q"
            " WHERE a.search @@ q"
        )
        params = {"q": " ".join(words)}
    with store.read() as conn:
        return int(conn.execute(sql, params).scalar_one())
