"""The package's shipped reference releases, as tests read them: a release's manifest entry and a value
read straight from its Parquet file (so an expected price is computed from the shipped rows)."""

from __future__ import annotations

import json

import duckdb

from billadvocate.reference.store import SHIPPED_DIR

MANIFEST = json.loads((SHIPPED_DIR / "manifest.json").read_text())["releases"]


def release(table: str, start: str) -> dict:
    (r,) = [r for r in MANIFEST if r["table"] == table and r["effective_from"] == start]
    return r


def shipped(table: str, start: str, where: str, column: str):
    file = SHIPPED_DIR / release(table, start)["file"]
    ((value,),) = duckdb.sql(f"SELECT {column} FROM read_parquet('{file}') WHERE {where}").fetchall()
    return value
