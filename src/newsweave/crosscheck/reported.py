"""Outlets that report an utterance in their own words, joined to the group of its quotations.

One outlet quotes "We will rebuild the harbour wall before winter," Marrant said; another
writes Marrant said the town would rebuild the wall before the winter. The second is the same
utterance, reported: the group lists it as a ``reported`` variant, so a reader sees every
outlet that carries the statement, and which of them quote it. A reported variant needs the
same named speaker and most of its content words in the quotation (compared by stem, since
reported speech shifts tense and person: "will rebuild" / "would rebuild").
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.analyze.speakers import is_name, same_speaker
from newsweave.analyze.wording import STOP, flat, words
from newsweave.model import AnnotatedArticle, QuoteGroup, QuoteVariant

# Content words a report must share with the quotation, and the share of its own.
MIN_SHARED = 3
MIN_SHARE = 0.5
# Words that say nothing of what was said (reported speech adds them freely).
_FILLER = STOP | frozenset(
    """would should might may must shall also said says say told tell about there which who
    what when then than more most very just been being""".split()  # noqa: SIM905
)


def _stems(text: str) -> frozenset[str]:
    """Content words cut to a stem ("responded" and "respond" alike)."""
    return frozenset(w[:5] for w in flat(words(text)) if w not in _FILLER and len(w) > 2)


def _fits(report: frozenset[str], quoted: frozenset[str]) -> float:
    shared = len(report & quoted)
    if shared < MIN_SHARED or shared < MIN_SHARE * len(report):
        return 0.0
    return shared / len(report)


def add_reported(
    groups: Sequence[QuoteGroup], articles: Sequence[tuple[str, AnnotatedArticle]]
) -> list[QuoteGroup]:
    """The groups, each with the reported-speech variants of articles that do not quote it."""
    stems = [_stems(g.canonical) for g in groups]
    found: dict[int, list[tuple[float, QuoteVariant]]] = {}
    for aid, ann in articles:
        for a in ann.attributions:
            if a.kind != "indirect" or a.view or not a.named or not is_name(a.source):
                continue  # (a view held, "backs the plan", reports no utterance)
            report = _stems(a.span.of(ann.article.text))
            best: tuple[float, int] | None = None
            for gi, g in enumerate(groups):
                if any(v.article == aid for v in g.variants):
                    continue  # the article quotes it: its own wording is there already
                if same_speaker(a.source, g.speaker) is not True:
                    continue
                fit = _fits(report, stems[gi])
                if fit and (best is None or fit > best[0]):
                    best = (fit, gi)
            if best is None:
                continue
            text = a.span.of(ann.article.text)
            variant = QuoteVariant(aid, a.span, text, a.source, "changed", (), "reported")
            found.setdefault(best[1], []).append((best[0], variant))
    out = []
    for gi, g in enumerate(groups):
        extra: dict[str, QuoteVariant] = {}
        for _fit, v in sorted(found.get(gi, []), key=lambda fv: -fv[0]):
            extra.setdefault(v.article, v)  # one report an article, its closest
        variants = g.variants + tuple(sorted(extra.values(), key=lambda v: v.article))
        out.append(QuoteGroup(g.id, g.speaker, g.canonical, variants, g.note))
    return out
