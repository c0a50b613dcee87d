"""Reading a brief back from its JSON gives the same brief (the store renders from it)."""

from __future__ import annotations

import json

from newsweave.contract.decode import brief_from_dict
from newsweave.contract.encode import brief_dict
from newsweave.pipeline import weave
from newsweave.render import markdown
from paths import EXAMPLES


def test_brief_json_round_trips_and_renders_the_same_markdown() -> None:
    brief = weave([EXAMPLES / "harbour-fire"])
    data = json.loads(json.dumps(brief_dict(brief)))  # as stored: through text
    again = brief_from_dict(data)
    assert brief_dict(again) == data
    assert again == brief
    assert markdown.render(again) == markdown.render(brief)
