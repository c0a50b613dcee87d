"""Nothing the user gave is dropped in silence: what a brief leaves out is listed, with why."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsweave.cli import app

runner = CliRunner()

# Three reports of one (made-up) event, a saved social-media post and a web-archive notice.
PAGES = {
    "a.txt": "Flood closes Marrow Bridge for a week\n\n"
    "Floodwater closed Marrow Bridge in Easthaven on Monday, and the county engineer Ruth "
    "Okafor said the bridge would stay shut for at least a week while divers checked its "
    "piers. Buses between Easthaven and Stillford are being sent the long way round.\n\n"
    "The river rose two metres overnight after three days of heavy rain, Okafor said.\n",
    "b.txt": "Marrow Bridge shut after river floods Easthaven\n\n"
    "Marrow Bridge in Easthaven was closed on Monday after the river burst its banks, county "
    "engineer Ruth Okafor said, adding that divers would inspect the piers before it reopens. "
    "Commuters to Stillford face long detours by bus.\n\n"
    "Three days of rain pushed the river two metres higher overnight.\n",
    "c.txt": "Easthaven bridge closed by flood\n\n"
    "The county closed Marrow Bridge in Easthaven on Monday as floodwater rose around it. "
    "Ruth Okafor, the county engineer, said the bridge would stay closed for a week while "
    "divers examine its piers, and buses to Stillford will take a detour.\n\n"
    "Residents near the river were told to move their cars to higher ground.\n",
    "tweet.txt": "Tweet with a location\n\n"
    "You can add location information to your Tweets, such as your city or precise location, "
    "from the web and via third-party applications.\n\n"
    "Bridge is shut again, great start to the week\n",
    "archive.txt": "This is a collection of press articles about a web archiving project.\n\n"
    "Captures are listed by date below; each one opens the page as it was archived.\n",
}


def _folder(tmp_path: Path) -> Path:
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_three_reports_briefed_and_two_non_articles_listed(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", "-f", "json", str(_folder(tmp_path))])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert sorted(Path(a["origin"]).name for a in d["articles"]) == ["a.txt", "b.txt", "c.txt"]
    left = {Path(x["origin"]).name: x for x in d["left_out"]}
    assert set(left) == {"tweet.txt", "archive.txt"}
    assert left["tweet.txt"]["reason"].startswith("not an article: a social-media post")
    assert left["archive.txt"]["reason"].startswith("not an article: a web-archive notice")
    assert all(x["story"] is None for x in left.values())
    assert list(d)[:3] == ["schema", "story", "left_out"]


def test_left_out_opens_the_markdown_brief(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", "-f", "md", str(_folder(tmp_path))])
    assert result.exit_code == 0, result.output
    head = result.stdout.split("## ")[1]
    assert head.startswith("Left out of this brief") and "tweet.txt" in head
