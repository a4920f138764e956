"""`billadvocate batch audit INPUT... --out DIR`: audit claim extracts of any size."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ...errors import BadInput
from ...util import dollars
from ..options import as_of_option, json_option, parse_as_of, print_json

COMMANDS = ["batch"]


@click.group()
def batch() -> None:
    """Audit whole claim extracts (millions of lines) with the same rules as `audit`."""


def _progress_bar(enabled: bool):
    if not enabled:
        return None, None
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    bar = Progress(TextColumn("auditing"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]} lines/s"), TimeElapsedColumn(), TimeRemainingColumn(),
                   transient=True)
    task = bar.add_task("lines", total=None, rate="-")
    import time

    started = time.perf_counter()

    def update(done: int, total: int) -> None:
        elapsed = max(time.perf_counter() - started, 1e-6)
        bar.update(task, completed=done, total=total, rate=f"{done / elapsed:,.0f}")

    return bar, update


@batch.command("audit")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path), metavar="DIR",
              help="Folder for findings.parquet, summary.json and summary.html.")
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb", show_default=True,
              help="DuckDB on this machine, or Apache Spark (extra [spark]) for a cluster.")
@click.option("--setting", type=click.Choice(["professional", "outpatient", "inpatient"]),
              help="Where the care was given, when the input has no `setting` column.")
@click.option("--memory-limit", default="3GB", show_default=True, help="DuckDB's memory ceiling.")
@click.option("--threads", type=click.IntRange(1, 1024), help="DuckDB threads (default: all cores).")
@click.option("--csv", "write_csv", is_flag=True, help="Also write findings.csv.")
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL (--engine spark).")
@as_of_option
@json_option
def batch_audit(inputs: tuple[str, ...], out_dir: Path, engine: str, setting: str | None, memory_limit: str,
                threads: int | None, write_csv: bool, master: str, as_of: str | None, as_json: bool) -> None:
    """Audit CSV/Parquet claim lines (files or folders) and write findings and a summary.

    Each input needs the columns patient_id, claim_id, line, service_date, code, units and charge;
    modifiers, revenue_code, description, unit_price, provider and per-claim facts (care_start,
    care_end, setting, ...) are used when present. An interrupted run resumes where it stopped.

    Example: billadvocate batch audit claims/ --out results/ --setting professional
    """
    from datetime import date

    when = parse_as_of(as_of) or date.today()
    if engine == "spark":
        try:
            from ...batch.spark import run_batch_spark
        except ImportError:
            raise BadInput("--engine spark needs PySpark: pip install 'billadvocate[spark]'")
        run = run_batch_spark(list(inputs), out_dir, as_of=when, setting=setting, master=master,
                              write_csv=write_csv)
    else:
        from ...batch.run import run_batch

        bar, update = _progress_bar(sys.stderr.isatty() and not as_json)
        if bar:
            with bar:
                run = run_batch(list(inputs), out_dir, as_of=when, setting=setting, memory_limit=memory_limit,
                                threads=threads, write_csv=write_csv, progress=update)
        else:
            run = run_batch(list(inputs), out_dir, as_of=when, setting=setting, memory_limit=memory_limit,
                            threads=threads, write_csv=write_csv)
    import json

    summary = json.loads((Path(out_dir) / "summary.json").read_text())
    if as_json:
        print_json(summary)
        return
    click.echo(f"{summary['lines']:,} lines audited in {summary['seconds']} s "
               f"({summary['lines_per_second']:,} lines/s): {summary['findings']:,} findings, "
               f"{dollars(summary['dollars'])} at stake.")
    for row in summary["by_rule"]:
        click.echo(f"  {row['key']:<28} {row['findings']:>10,}  {dollars(row['dollars']):>16}")
    for path in run.files:
        click.echo(f"wrote {path}")
