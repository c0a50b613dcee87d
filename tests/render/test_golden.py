"""The example story in the terminal (no colour), Markdown, HTML and JSON, against golden files.

When a rendering changes on purpose, run ``.venv/bin/python tests/golden/regenerate.py`` and
read ``git diff tests/golden/`` before committing.
"""

from __future__ import annotations

import difflib

import pytest

from golden.regenerate import FILES, HERE, renderings


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    return renderings()


@pytest.mark.parametrize("name", FILES)
def test_rendering_matches_its_golden_file(rendered: dict[str, str], name: str) -> None:
    expected = (HERE / name).read_text(encoding="utf-8")
    got = rendered[name]
    if got != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                got.splitlines(keepends=True),
                f"tests/golden/{name}",
                "rendered now",
                n=2,
            )
        )
        pytest.fail(
            f"{name} differs from its golden file (regenerate with "
            f"`.venv/bin/python tests/golden/regenerate.py` if meant):\n{diff[:6000]}"
        )


def test_golden_files_show_what_the_issue_asks(rendered: dict[str, str]) -> None:
    """The Calder Evening Post's dropped "not" is visible without colour and in Markdown, and
    the disputed firefighter count is flagged in the summary."""
    text, md, html = (rendered[n] for n in FILES[:3])
    assert text.index("What disagrees") < text.index("Summary")
    assert "[-not-]" in text
    assert "<del>not</del>" in md
    assert "<del>not</del>" in html
    for out in (text, md, html):
        assert "disputed: a5 says six" in out  # a5: the Calder Evening Post, fifth by time
    # the summary's "he said" names its speaker
    assert "he [Owen Braddock] said" in text
    assert "he **\\[Owen Braddock\\]** said" in md
    assert "[Owen Braddock]</span> said" in html
    assert max(len(line) for line in text.splitlines()) <= 80
