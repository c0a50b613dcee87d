"""What the human-facing formats share about claims."""

from __future__ import annotations

from newsweave.model import Claim


def by_article(claim: Claim) -> list[tuple[str, list[str]]]:
    """Each article's distinct wordings of the figure, quoted, with the source the article
    gives for it, in report order."""
    out: dict[str, list[str]] = {}
    for r in claim.reports:
        # The origin the article gives stands next to its figure ("“85” (US Central Command)").
        wording = f"“{r.text}”" + (f" ({r.source})" if r.source else "")
        if wording not in out.setdefault(r.article, []):
            out[r.article].append(wording)
    return list(out.items())
