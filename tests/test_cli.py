import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from newsweave.cli import app
from paths import EXAMPLES

runner = CliRunner()
STORY = EXAMPLES / "harbour-fire"


def _page(tmp_path: Path) -> Path:
    p = tmp_path / "story.txt"
    p.write_text(
        "Lighthouse keeper rescues two kayakers off Gull Point\n\n"
        "A lighthouse keeper rescued two kayakers off Gull Point on Sunday after their boat "
        "capsized in rough water, the coastguard said.\n\n"
        "Both were treated for mild hypothermia at the scene and did not need hospital care.\n",
        encoding="utf-8",
    )
    return p


def test_json_to_stdout(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", "--format", "json", str(_page(tmp_path))])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert d["schema"] == "newsweave/brief@1"
    assert d["articles"][0]["title"] == "Lighthouse keeper rescues two kayakers off Gull Point"


def test_output_file_and_markdown(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["brief", "-f", "md", "-o", str(out), str(_page(tmp_path))])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Lighthouse keeper rescues")


def test_bad_input_is_named_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.html").write_bytes(b"\x00\x01\x02" * 100)
    _page(tmp_path)
    result = runner.invoke(app, ["brief", "-f", "json", str(tmp_path)])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["articles"]) == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsweave: error:")]
    assert len(errors) == 2
    assert any("empty.txt" in e for e in errors) and any("blob.html" in e for e in errors)


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["brief", str(tmp_path / "empty.txt"), str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "no article could be read" in result.stderr


def test_size_limit_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", "--max-mb", "0.0001", str(_page(tmp_path))])
    assert result.exit_code == 1
    assert "limit" in result.stderr


def test_terminal_format_on_the_example() -> None:
    result = runner.invoke(app, ["brief", str(STORY)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Harbour Herald" in result.stdout


def test_installed_command_runs() -> None:
    exe = Path(sys.executable).parent / "newsweave"
    run = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert run.stdout.startswith("newsweave ")


def test_odd_file_names_are_shown_escaped_everywhere(tmp_path: Path) -> None:
    # a name that is not UTF-8 and one that holds terminal control sequences
    page = _page(tmp_path).read_bytes()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "caf\udce9.txt").write_bytes(page)
    (folder / "x\x1b]0;pwned\x07.txt").write_bytes(page.replace(b"Sunday", b"Monday"))
    (folder / "y\x1b[2J.json").write_bytes(b"{oops")
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["brief", "-f", "md", "-o", str(out), str(folder)])
    assert result.exit_code == 0, result.output
    note = out.read_text(encoding="utf-8")
    assert "\x1b" not in note + result.stderr and "\x07" not in note + result.stderr
    assert "y\\x1b[2J.json: malformed JSON" in result.stderr
    db = f"sqlite:///{tmp_path / 'n.db'}"
    result = runner.invoke(app, ["ingest", "--db", db, str(folder)])
    assert result.exit_code == 0, result.output
    assert "2 articles (2 new), 1 story refreshed" in result.stdout


def test_limit_flags_reach_the_analysis_and_say_so(tmp_path: Path) -> None:
    page = tmp_path / "long.txt"
    page.write_text(
        "Harbour fire\n\n" + "The fire at the harbour hurt 40 people on Tuesday. " * 100,
        encoding="utf-8",
    )
    flags = ["--max-paragraph-chars", "1000", "--max-article-chars", "2000", "--max-figures", "3"]
    result = runner.invoke(app, ["brief", "-f", "json", *flags, str(page)])
    assert result.exit_code == 0, result.output
    warnings = [x for x in result.stderr.splitlines() if x.startswith("newsweave: warning:")]
    assert [w.split("(")[-1] for w in warnings] == [
        "--max-paragraph-chars)",
        "--max-article-chars 2,000)",
        "--max-figures)",
    ]
    assert all(str(page) in w for w in warnings)
    brief = json.loads(result.stdout)
    assert sum(len(c["reports"]) for c in brief["claims"]) <= 3


def test_views_flag_reads_views_beside_speech(tmp_path: Path) -> None:
    page = tmp_path / "pier.txt"
    page.write_text(
        "Pier plan divides Gull Point\n\n"
        "Mayor Delia Marrant backs the plan to rebuild the pier before the summer.\n\n"
        "The harbour board said the work would start in March.\n\n"
        "Fishing crews have used the old pier for more than a century, and a summer of "
        "building work would keep their boats out of the harbour for months.\n",
        encoding="utf-8",
    )

    def read(*flags: str) -> list[tuple[str, str]]:
        result = runner.invoke(app, ["brief", "-f", "json", *flags, str(page)])
        assert result.exit_code == 0, result.output
        (a,) = json.loads(result.stdout)["articles"]
        return [(x["cue"], x["source"]) for x in a["attributions"]]

    assert read() == [("said", "The harbour board")]
    assert read("--views") == [("backs", "Delia Marrant"), ("said", "The harbour board")]


def test_an_outlet_registry_names_and_describes_outlets(tmp_path: Path) -> None:
    page = _page(tmp_path)
    registry = tmp_path / "outlets.csv"
    registry.write_text(
        "key,name,country,owner,kind\nGull Point Times,Gull Point Times,Norland,,newspaper\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["brief", "-f", "json", "--outlets", str(registry), str(page)])
    assert result.exit_code == 0, result.output
    a = json.loads(result.stdout)["articles"][0]
    assert a["outlet_label"] == "unknown (story.txt)"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["brief", "--outlets", str(bad), str(page)])
    assert result.exit_code == 2 and "outlet registry" in result.stderr
