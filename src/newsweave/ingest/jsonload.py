"""JSON from untrusted files, with every way the parser can fail turned into one error.

``json.loads`` raises more than ``JSONDecodeError``: ``RecursionError`` for deep nesting,
``ValueError`` for an integer of over 4,300 digits; and it accepts a lone ``"\\ud800"`` escape,
which no UTF-8 encoder will write back. Here each is a ``JSONError`` with a one-line message,
nesting is bounded by an option, and lone surrogates become U+FFFD.
"""

from __future__ import annotations

import json
import re
from typing import Any

from newsweave.errors import JSONError

# A UTF-16 surrogate left alone by a "\ud800" escape (paired escapes are joined by json).
_SURROGATE = re.compile("[\ud800-\udfff]")


def load_json(text: str, max_depth: int, *, line: bool = False) -> Any:
    """The value ``text`` holds (``line``: one line of a JSON Lines file); raises
    ``JSONError``."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if line else f"line {exc.lineno}, column {exc.colno}"
        raise JSONError(f"malformed JSON at {at}: {exc.msg}") from exc
    except RecursionError as exc:
        raise JSONError(_too_deep(max_depth)) from exc
    except ValueError as exc:  # an integer too long to convert, and the like
        raise JSONError(f"unreadable JSON: {_first_line(exc)}") from exc
    # Counting brackets is cheap; walking the value only when they could nest that deep.
    if text.count("[") + text.count("{") > max_depth and depth(value) > max_depth:
        raise JSONError(_too_deep(max_depth))
    return value


def depth(value: Any) -> int:
    """How deeply arrays and objects nest in ``value`` (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        level += 1
        deepest = max(deepest, level)
        stack.extend((child, level) for child in children)
    return deepest


def unpaired_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it can be encoded."""
    return _SURROGATE.sub("\ufffd", text)


def _too_deep(max_depth: int) -> str:
    return f"JSON nested more than {max_depth} levels deep (--max-json-depth)"


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    line = line.split(";", 1)[0]  # Python adds advice on its own settings after a ";"
    return line[:1].lower() + line[1:200]
