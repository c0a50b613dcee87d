"""Writing a run's tables as Parquet files, with fixed schemas (an empty table keeps its
columns, and a column that is null in every row keeps its type)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", _S),
            ("story_id", _S),
            ("article", _S),
            ("origin", _S),
            ("copy_of", _S),
            ("outlet", _S),
            ("title", _S),
            ("url", _S),
            ("published", _S),
            ("published_inferred", _B),
            ("byline", _S),
            ("kind", _S),
            ("chars", _I),
            ("removed", _I),
            ("text", _S),
        ]
    ),
    "claims": pa.schema(
        [
            ("story_id", _S),
            ("claim", _S),
            ("measure", _S),
            ("verdict", _S),
            ("why", _S),
            ("article", _S),
            ("article_id", _S),
            ("origin", _S),
            ("text", _S),
            ("low", _F),
            ("high", _F),
            ("unit", _S),
            ("start", _I),
            ("end", _I),
        ]
    ),
    "quotes": pa.schema(
        [
            ("story_id", _S),
            ("quote", _S),
            ("speaker", _S),
            ("canonical", _S),
            ("note", _S),
            ("article", _S),
            ("article_id", _S),
            ("origin", _S),
            ("text", _S),
            ("start", _I),
            ("end", _I),
            ("fidelity", _S),
        ]
    ),
    "stories": pa.schema(
        [
            ("id", _S),
            ("title", _S),
            ("first_published", _S),
            ("last_published", _S),
            ("articles", _I),
            ("copies", _I),
            ("outlets", _I),
            ("claims", _I),
            ("conflicts", _I),
            ("quotes", _I),
            ("changed_quotes", _I),
            ("origins", pa.list_(_S)),
        ]
    ),
    "problems": pa.schema([("seq", _I), ("stage", _S), ("origin", _S), ("message", _S)]),
}


def write_table(out: Path, name: str, rows: Sequence[dict[str, Any]]) -> Path:
    """``out/NAME.parquet`` from ``rows`` (dicts keyed by the schema's column names)."""
    schema = SCHEMAS[name]
    table = pa.Table.from_pylist(list(rows), schema=schema)
    path = out / f"{name}.parquet"
    pq.write_table(table, path)
    return path
