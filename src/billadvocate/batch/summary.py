"""The batch summary: findings and dollars by rule, by provider and by month, as JSON and HTML."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import duckdb

from ..util import atomic_write, dollars
from .parquet_concat import concat
from .sqltext import literal

TOP = 25
# an empty findings table, written when no bucket found anything
EMPTY_FINDINGS = ("SELECT NULL::VARCHAR AS rule, NULL::VARCHAR AS severity, NULL::VARCHAR AS patient_id, "
                  "NULL::VARCHAR AS claim_id, NULL::BIGINT[] AS lines, NULL::DECIMAL(14,2) AS amount, "
                  "NULL::VARCHAR AS message, NULL::VARCHAR[] AS citations, NULL::VARCHAR AS provider, "
                  "NULL::VARCHAR AS month WHERE false")
SORTED_UP_TO = 250_000  # findings: sorted below this, written as the buckets made them above it


def summarise(con: duckdb.DuckDBPyConnection, findings: str, run) -> dict[str, Any]:
    """Findings and dollars by rule, by provider (top TOP) and by month, and in all: one pass over
    the findings (grouping sets), the groups ordered by dollars then name (months by month)."""
    rows = con.execute(
        "SELECT GROUPING(rule), GROUPING(provider), GROUPING(month), "
        "coalesce(CAST(CASE WHEN GROUPING(rule) = 0 THEN rule WHEN GROUPING(provider) = 0 THEN provider "
        "ELSE month END AS VARCHAR), '(unknown)') AS k, count(*) AS n, "
        "CAST(coalesce(sum(amount), 0) AS DOUBLE) AS dollars "
        f"FROM read_parquet({literal(findings)}) GROUP BY GROUPING SETS ((rule), (provider), (month), ())").fetchall()
    found: dict[int, list[tuple[float, str, int]]] = {0: [], 1: [], 2: []}
    total_n, total_d = 0, 0.0
    for by_rule, by_provider, by_month, k, n, d in rows:
        flags = (by_rule, by_provider, by_month)
        if 0 in flags:
            found[flags.index(0)].append((d, k, n))
        else:
            total_n, total_d = n, d

    def listed(items: list[tuple[float, str, int]], *, by_name: bool = False) -> list[dict]:
        items = sorted(items, key=(lambda x: x[1]) if by_name else (lambda x: (-x[0], x[1])))
        return [{"key": k, "findings": n, "dollars": round(d, 2)} for d, k, n in items]

    return {
        "lines": run.lines,
        "claims_buckets": run.buckets,
        "seconds": round(run.seconds, 3),
        "lines_per_second": round(run.lines_per_second),
        "findings": total_n,
        "dollars": round(total_d, 2),
        "by_rule": listed(found[0]),
        "by_provider": listed(found[1])[:TOP],
        "by_month": listed(found[2], by_name=True),
        "inputs": [str(f.path) for f in run.inputs],
    }


def _bars(title: str, rows: list[dict], value: str = "dollars") -> str:
    """A horizontal bar chart as inline SVG (no scripts, no external resources)."""
    if not rows:
        return f"<h2>{html.escape(title)}</h2><p>None.</p>"
    width, bar_h, label_w = 760, 22, 240
    top = max(r[value] for r in rows) or 1
    parts = [f'<svg role="img" aria-label="{html.escape(title)}" width="{width}" '
             f'height="{bar_h * len(rows) + 10}" xmlns="http://www.w3.org/2000/svg">']
    for i, r in enumerate(rows):
        w = (width - label_w - 140) * r[value] / top
        y = i * bar_h + 4
        shown = dollars(r[value]) if value == "dollars" else f"{r[value]:,}"
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{html.escape(str(r["key"]))[:34]}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 6}" fill="#2b6cb0"/>'
                     f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" font-size="13">{shown} ({r["findings"]:,})</text>')
    parts.append("</svg>")
    return f"<h2>{html.escape(title)}</h2>" + "".join(parts)


def render_html(summary: dict[str, Any]) -> str:
    head = (f"<p>{summary['lines']:,} claim lines audited in {summary['seconds']} s "
            f"({summary['lines_per_second']:,} lines/s): {summary['findings']:,} findings, "
            f"{dollars(summary['dollars'])} at stake.</p>")
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>billadvocate batch audit</title>"
            "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
            "h2{border-bottom:1px solid #999}</style></head><body><h1>Batch audit</h1>" + head
            + _bars("Dollars at stake by rule", summary["by_rule"])
            + _bars(f"Top {TOP} providers by dollars at stake", summary["by_provider"])
            + _bars("Dollars at stake by month of service", summary["by_month"])
            + "</body></html>")


def write_summary(summary: dict[str, Any], out: Path) -> list[Path]:
    return [atomic_write(out / "summary.json", json.dumps(summary, indent=2)),
            atomic_write(out / "summary.html", render_html(summary))]


def write_results(con: duckdb.DuckDBPyConnection, parts: list[Path], out: Path, run, *, write_csv: bool,
                  started: float) -> None:
    """Put the findings parts together as OUT/findings.parquet, then the optional CSV and the summary;
    each file appears whole or not at all. Up to SORTED_UP_TO findings are sorted by patient, claim,
    rule and lines; beyond that one part is moved into place and several are joined one after the
    other, in order, their pages copied as they are (a global sort of millions of findings would
    cost more than the audit)."""
    import time

    final = out / "findings.parquet"
    parts = sorted(parts)
    source = f"({EMPTY_FINDINGS})" if not parts else "read_parquet([" + ", ".join(literal(p) for p in parts) + "])"
    count = con.execute(f"SELECT count(*) FROM {source}").fetchall()[0][0]  # from the Parquet footers
    if count <= SORTED_UP_TO:  # small enough to sort cheaply: the same order on every run
        con.execute(f"COPY (SELECT * FROM {source} ORDER BY patient_id, claim_id, rule, lines) "
                    f"TO {literal(f'{final}.part')} (FORMAT parquet, COMPRESSION zstd)")
        Path(f"{final}.part").replace(final)
    elif len(parts) == 1:
        parts[0].replace(final)
    elif concat(parts, Path(f"{final}.part")):  # the parts' pages copied as they are, one footer
        Path(f"{final}.part").replace(final)
    else:  # parts of different schemas: their row groups decoded and written again, part after part
        # (a third faster than a COPY through DuckDB; one row group in memory at a time)
        import pyarrow as pa
        import pyarrow.parquet as pq

        # every column nullable: DuckDB writes a column as required in a part without a null in it
        schema = pa.schema([f.with_nullable(True) for f in pq.ParquetFile(parts[0]).schema_arrow])
        with pq.ParquetWriter(f"{final}.part", schema, compression="zstd") as writer:
            for part in parts:
                f = pq.ParquetFile(part)
                for i in range(f.num_row_groups):
                    writer.write_table(f.read_row_group(i).cast(schema))
        Path(f"{final}.part").replace(final)
    run.files.append(final)
    if write_csv:
        csv_path = out / "findings.csv"
        con.execute(f"COPY (SELECT * REPLACE (array_to_string(lines, ' ') AS lines, "
                    f"array_to_string(citations, '; ') AS citations) FROM read_parquet({literal(final)})) "
                    f"TO {literal(f'{csv_path}.part')} (FORMAT csv, HEADER true)")
        Path(f"{csv_path}.part").replace(csv_path)
        run.files.append(csv_path)
    run.findings = con.execute(f"SELECT count(*) FROM read_parquet({literal(final)})").fetchall()[0][0]
    run.seconds = time.perf_counter() - started
    run.files.extend(write_summary(summarise(con, str(final), run), out))
