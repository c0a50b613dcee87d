"""Syndicated copies: the same wire story printed by several outlets.

Two articles are copies when most of the shorter one's word 5-grams appear in the longer one.
Shingles come from the cleaned text only (no headline, so a new headline does not matter; no
furniture, which extraction removed), with case, punctuation and quote marks dropped. The
test is containment, not Jaccard, because an outlet that trims the last paragraph still
reprints the story. MinHash LSH (datasketch) finds the candidate pairs without comparing every
pair; the exact containment of the shingle sets then decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime

from newsweave.model import Article
from newsweave.options import DEFAULT, CopyOptions

_TOKEN = re.compile(r"\w+")


def find_copies(
    articles: Sequence[Article], options: CopyOptions = DEFAULT.copies
) -> dict[int, int]:
    """Map the index of each copy to the index of the article it reprints.

    Articles that copy each other form a group; its original is the earliest published, then
    the fullest, then the first given, so the answer never depends on anything else.
    """
    shingles = [shingle_set(a.text, options.shingle_words) for a in articles]
    pairs = _candidate_pairs(shingles, options)
    parent = list(range(len(articles)))
    for i, j in sorted(pairs):
        if containment(shingles[i], shingles[j]) >= options.min_containment:
            _union(parent, i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(_find(parent, i), []).append(i)
    copies: dict[int, int] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda i: _original_key(articles[i], i))
        copies.update({i: original for i in members if i != original})
    return dict(sorted(copies.items()))


def shingle_set(text: str, size: int) -> frozenset[str]:
    """Word ``size``-grams of the lower-cased words (punctuation and quote style ignored)."""
    tokens = _TOKEN.findall(text.lower())
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the larger one."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small) if small else 0.0


# Up to this many articles every pair is checked exactly: cheaper than importing datasketch
# (about a second, through scipy) for the few articles of one brief.
ALL_PAIRS_UP_TO = 60


def _candidate_pairs(shingles: list[frozenset[str]], opts: CopyOptions) -> set[tuple[int, int]]:
    if len(shingles) <= ALL_PAIRS_UP_TO:
        big = [i for i, sh in enumerate(shingles) if len(sh) >= opts.min_shingles]
        return {(a, b) for k, a in enumerate(big) for b in big[k + 1 :]}
    from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]  # no py.typed

    lsh = MinHashLSH(threshold=opts.lsh_threshold, num_perm=opts.permutations)
    pairs: set[tuple[int, int]] = set()
    for i, shingle in enumerate(shingles):
        if len(shingle) < opts.min_shingles:
            continue
        # A fixed seed: the same text always gets the same signature.
        signature = MinHash(num_perm=opts.permutations, seed=1)
        signature.update_batch([s.encode("utf-8") for s in sorted(shingle)])
        for j in lsh.query(signature):
            pairs.add((int(j), i))
        lsh.insert(i, signature)
    return pairs


def _original_key(article: Article, index: int) -> tuple[datetime, int, int]:
    """Earliest published first (undated last), then the longest text, then input order."""
    published = article.published
    if isinstance(published, datetime):
        when = published.astimezone(UTC).replace(tzinfo=None) if published.tzinfo else published
    elif isinstance(published, date):
        when = datetime(published.year, published.month, published.day)
    else:
        when = datetime.max
    return when, -len(article.text), index


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
