"""Escaping of untrusted article text for the human-facing formats."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def markdown(text: str) -> str:
    """Article text is untrusted: no Markdown or HTML of its own survives into the note."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))
