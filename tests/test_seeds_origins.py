"""Origins of figures on the reference case: the strike figures come from one US Central
Command statement however many outlets repeat them, and the Iraqi toll from the Iraqi
government (issue 14). Skipped when ../shared/seeds is absent."""

from __future__ import annotations

import pytest

from newsweave import weave
from newsweave.model import Brief, Claim
from paths import SEEDS


@pytest.fixture(scope="module")
def brief() -> Brief:
    if not SEEDS.is_dir():
        pytest.skip("the reference case (../shared/seeds) is not here")
    return weave([SEEDS])


def _claim(brief: Brief, low: float, words: tuple[str, ...]) -> Claim:
    """The claim with the most outlets among those that give ``low`` and whose measure says
    every one of ``words``."""
    found = [
        c
        for c in brief.claims
        if any(r.low == low for r in c.reports) and all(w in c.measure for w in words)
    ]
    assert found, [c.measure for c in brief.claims]
    return max(found, key=lambda c: len({r.article for r in c.reports}))


def _is_centcom(name: str) -> bool:
    return "central command" in name.lower() or "centcom" in name.lower()


@pytest.mark.seeds
def test_targets_struck_come_from_central_command(brief: Brief) -> None:
    c = _claim(brief, 85, ("targets",))
    assert [o for o in c.origins if _is_centcom(o)], c.origins
    assert len({r.article for r in c.reports}) >= 4
    assert "origin" in c.why


@pytest.mark.seeds
def test_munitions_come_from_central_command(brief: Brief) -> None:
    c = _claim(brief, 125, ("munitions",))
    assert any(_is_centcom(o) for o in c.origins), c.origins
    centcom = [r for r in c.reports if r.source and _is_centcom(r.source)]
    assert len({r.article for r in centcom}) >= 3


@pytest.mark.seeds
def test_the_iraqi_toll_comes_from_the_iraqi_government(brief: Brief) -> None:
    c = _claim(brief, 16, ("killed",))
    assert c.origins and all("iraqi government" in o.lower() for o in c.origins), c.origins
