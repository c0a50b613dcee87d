"""Escaping of untrusted article text and file names for the human-facing formats.

Two dangers: markup of the format itself (Markdown, rich's ``[style]`` tags) and control
characters. A terminal obeys ESC sequences wherever they come from: an article or a file name
holding ``ESC ]0;…BEL`` retitles the window, ``ESC [2J`` clears the screen, OSC 8 writes a
link that shows one address and opens another, and a carriage return overwrites the line
shown. So every control character except tab and newline is written out visibly (``\\x1b``),
in the terminal, in Markdown and in the lines on standard error.
"""

from __future__ import annotations

import re

from rich.markup import escape as rich_markup

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
# C0 controls but tab and newline, DEL, C1 controls, and lone surrogates (which cannot even
# be encoded for output)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_BACKTICKS = re.compile("`+")


def printable(text: str) -> str:
    """``text`` with each control character but tab and newline written as ``\\xNN``."""
    return _CONTROL.sub(_visible, text)


def one_line(text: str) -> str:
    """``text`` with every control character written as ``\\xNN``, line breaks too: a file
    name or a message cannot start a line of its own (and pass for another message)."""
    return _CONTROL_OR_BREAK.sub(_visible, text)


def terminal(text: str) -> str:
    """Text from an article or a file name, for rich: no markup, no control sequences."""
    return rich_markup(printable(text))


def markdown(text: str) -> str:
    """Article text is untrusted: no Markdown or HTML of its own survives into the note."""
    return _MD_SPECIAL.sub(r"\\\1", printable(text).replace("\n", " "))


def markdown_code(text: str) -> str:
    """A file name as a Markdown code span that nothing in it can close early: the fence is
    longer than any run of backticks inside, and controls are written out."""
    text = one_line(text)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
