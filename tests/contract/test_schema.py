"""The brief's JSON, its schema (contract/schema.py, published at /api/openapi.json) and
docs/contract.md say the same: every key the code writes is in the schema, every field the
schema names is written, and the document describes exactly the schema's fields."""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest
from pydantic import TypeAdapter

from newsweave.contract.schema import Brief
from newsweave.extract.outlets import parse_registry
from newsweave.options import DEFAULT, updated
from paths import EXAMPLES, ROOT

CONTRACT = ROOT / "docs" / "contract.md"
Schema = dict[str, Any]


@pytest.fixture(scope="module")
def schema() -> Schema:
    return TypeAdapter(Brief).json_schema(by_alias=True, mode="serialization")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The example story's brief, with what it lacks added: an unreadable input (problems,
    left_out) and an outlet registry entry (outlet_info)."""
    import newsweave

    folder = tmp_path_factory.mktemp("story")
    for page in (EXAMPLES / "harbour-fire").iterdir():
        shutil.copy(page, folder / page.name)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    registry = "key,name,country,owner,kind\nHarbour Herald,Harbour Herald,Norland,,newspaper\n"
    options = updated(DEFAULT, {"extract.outlets": parse_registry(registry, "csv")})
    return newsweave.weave([folder], options).to_dict()


def _resolve(node: Schema, root: Schema) -> Schema:
    """The object schema ``node`` stands for: through $ref, arrays, and X-or-null."""
    while True:
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif node.get("type") == "array" and isinstance(node.get("items"), dict):
            node = node["items"]
        elif "anyOf" in node:
            options = [n for n in node["anyOf"] if n.get("type") != "null"]
            if len(options) != 1:
                return node
            node = options[0]
        else:
            return node


def _check(value: Any, node: Schema, root: Schema, path: str, problems: list[str]) -> None:
    node = _resolve(node, root)
    if isinstance(value, list):
        for item in value:
            _check(item, node, root, path + "[]", problems)
        return
    if not isinstance(value, dict) or "properties" not in node:
        return
    props = node["properties"]
    for key in value.keys() - props.keys():
        problems.append(f"{path}.{key} is written but not in contract/schema.py")
    for key in set(node.get("required", ())) - value.keys():
        problems.append(f"{path}.{key} is in contract/schema.py but not written")
    for key, item in value.items():
        if key in props:
            _check(item, props[key], root, f"{path}.{key}", problems)


def _covered(value: Any, node: Schema, root: Schema, path: str, seen: set[str]) -> None:
    """Every object path the brief fills, so the test knows it saw each object at least once."""
    node = _resolve(node, root)
    if isinstance(value, list):
        for item in value:
            _covered(item, node, root, path, seen)
    elif isinstance(value, dict) and "title" in node:
        seen.add(node["title"])
        for key, item in value.items():
            if key in node.get("properties", {}):
                _covered(item, node["properties"][key], root, path, seen)


def test_every_key_written_is_in_the_schema_and_back(
    written: dict[str, Any], schema: Schema
) -> None:
    problems: list[str] = []
    _check(written, schema, schema, "brief", problems)
    assert problems == []
    seen: set[str] = set()
    _covered(written, schema, schema, "", seen)
    # every object the schema defines was in the brief checked, so none went unchecked
    assert seen == set(schema["$defs"]) | {"Brief"}


def _documented() -> dict[str, set[str]]:
    """docs/contract.md's tables: object name (the heading's first word) to its fields."""
    out: dict[str, set[str]] = {}
    current = None
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### (\w+)", line)
        if heading:
            current = out.setdefault(heading.group(1), set())
        elif current is not None and line.startswith("| `"):
            first = line.split("|")[1]
            current.update(re.findall(r"`([a-z_]+)`", first))
    return out


def test_the_contract_document_describes_every_field(schema: Schema) -> None:
    documented = _documented()
    models = {"Brief": schema, **schema["$defs"]}
    assert set(documented) == set(models)
    for name, model in models.items():
        fields = set(model["properties"])
        assert documented[name] == fields, f"docs/contract.md, {name}"
        for field, spec in model["properties"].items():
            assert spec.get("description"), f"contract/schema.py: {name}.{field} has no description"


def test_the_readme_links_the_contract_inside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/contract.md)" in readme
    assert "../shared" not in readme  # a link out of the repository breaks in every clone
