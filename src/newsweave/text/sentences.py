"""How a sentence ends, in the few shapes the stages test for.

A sentence closes on a full stop, question or exclamation mark or ellipsis, maybe inside
closing quotes or brackets. Each stage asks a slightly different question (does this text end
like a sentence, where inside it may a piece end), so each shape has a name; they live here so
the family is written once and read side by side.
"""

from __future__ import annotations

import re

# A mark that closes a sentence, and the closing quotes or brackets that may follow it.
_STOP = "[.!?…]"
_CLOSERS = r"""["'”’)\]]*"""

# Text that ends like a sentence, trailing white space allowed: a piece of a paragraph that
# ends here is whole (the sentence joiners of analysis and coverage).
ENDS_SENTENCE = re.compile(rf"{_STOP}{_CLOSERS}\s*$")
# The same with nothing after the mark: a sentence whose last character closes it (the
# summary's candidates).
ENDS_SENTENCE_AT_LAST_CHAR = re.compile(rf"{_STOP}{_CLOSERS}$")
# A line that ends like a sentence, or on a closing double quote (a quotation that ends
# without a stop): prose rather than a label, and not hard-wrapped (the plain-text cleaner).
ENDS_SENTENCE_OR_QUOTE = re.compile(rf"""{_STOP}{_CLOSERS}$|["”]$""")
# A line whose last mark is a stop or a closing mark, white space after allowed: not a
# headline-like list item (the HTML cleaner's "Related" and "Tags" sections).
ENDS_ON_STOP_OR_CLOSER = re.compile(r"[.!?…\"”’)]\s*$")
# A sentence end before white space, inside a text: where a long piece may be cut.
SENTENCE_BREAK = re.compile(rf"{_STOP}{_CLOSERS}(?=\s)")
# The same after a run of marks ("?!", "..."): a candidate sentence end for the rule splitter.
SENTENCE_BREAK_RUN = re.compile(rf"{_STOP}+{_CLOSERS}(?=\s)")
# The white space after a stop (and maybe one closing quote) before a capital, digit or
# opening quote: the gap between two sentences of a first paragraph (extraction's titles).
SENTENCE_GAP = re.compile(r"""(?<=[.!?])["'”’]?\s+(?=["“‘A-Z0-9])""")
