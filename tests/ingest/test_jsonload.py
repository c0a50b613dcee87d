"""JSON from untrusted files: every failure is one ``JSONError`` line, never another exception."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import JSONError
from newsweave.ingest.files import parse
from newsweave.ingest.jsonload import depth, load_json, unpaired_surrogates
from newsweave.model import Problem, RawDocument

ARTICLE = (
    "The harbour fire burned for six hours on Tuesday; 40 people were treated, officials said."
)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[" * 5000 + "]" * 5000, "nested more than 64 levels deep (--max-json-depth)"),
        ('{"a":' * 100 + "1" + "}" * 100, "nested more than 64 levels deep"),
        ("1" * 5000, "exceeds the limit (4300 digits)"),
        ('{"text": "a', "malformed JSON at line 1, column 10"),
    ],
    ids=["deep-list", "deep-object", "long-integer", "unterminated"],
)
def test_each_failure_is_one_line(text: str, says: str) -> None:
    with pytest.raises(JSONError) as caught:
        load_json(text, 64)
    message = str(caught.value)
    assert says in message and "\n" not in message and "sys." not in message


def test_nesting_within_the_limit_is_read() -> None:
    assert depth(load_json('{"a": [[1]]}', 3)) == 3
    assert depth(1) == 0 and depth([]) == 1


def test_lone_surrogates_become_replacement_characters() -> None:
    value = load_json('{"text": "ok \\ud800 \\ud83d\\ude00"}', 8)
    assert unpaired_surrogates(value["text"]) == "ok \ufffd \U0001f600"


def test_one_bad_line_of_json_lines_is_one_problem_and_the_others_come() -> None:
    good = json.dumps({"text": ARTICLE, "id": "ok"})
    lines = [
        good,
        "[" * 3000 + "]" * 3000,
        '{"text": ' + "9" * 5000 + "}",
        '{"text": "' + ARTICLE + ' \\udfff", "id": "\\ud800"}',
        "{broken",
        good.replace('"ok"', '"ok2"'),
    ]
    items = list(parse("feed.jsonl", "jsonl", "\n".join(lines).encode()))
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.origin for d in docs] == ["feed.jsonl#ok", "feed.jsonl#\ufffd", "feed.jsonl#ok2"]
    assert docs[1].text.endswith("\ufffd") and docs[1].data.decode("utf-8").endswith("\ufffd")
    assert [p.message.split(":")[0] for p in problems] == ["line 2", "line 3", "line 5"]


def test_a_json_file_deeper_than_the_option_is_refused() -> None:
    data = json.dumps({"text": ARTICLE, "extra": [[[["deep"]]]]}).encode()
    assert isinstance(next(parse("a.json", "json", data)), RawDocument)
    (item,) = parse("a.json", "json", data, max_json_depth=3)
    assert isinstance(item, Problem) and "--max-json-depth" in item.message


# Any text at all: the reader gives documents and problems, and raises nothing.
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300) | st.from_regex(r"[\[\]{}\"\\:,0-9a-z ud]{0,200}", fullmatch=True))
def test_any_json_lines_text_gives_documents_or_problems(text: str) -> None:
    for kind in ("json", "jsonl"):
        for item in parse("x", kind, text.encode("utf-8", "surrogatepass")):  # type: ignore[arg-type]
            assert isinstance(item, RawDocument | Problem)
            if isinstance(item, Problem):
                assert "\n" not in item.message
            else:
                item.text.encode("utf-8")  # always encodable


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.integers() | st.text(), lambda c: st.lists(c) | st.dictionaries(st.text(), c)
    )
)
def test_depth_matches_a_recursive_count(value: object) -> None:
    def count(v: object) -> int:
        if isinstance(v, dict):
            return 1 + max((count(x) for x in v.values()), default=0)
        if isinstance(v, list):
            return 1 + max((count(x) for x in v), default=0)
        return 0

    assert depth(value) == count(value)
