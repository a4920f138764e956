"""Runs the audit rules as SQL in DuckDB over the canonical tables (see tables.py).

Two ways in, one set of rule SQL:
- `run_rules(con)` for one case: every rule's rows become Findings with messages.
- `audit_at_scale(con)` for a claims extract: all rules in one statement over `lines` and `bills`
  (DuckDB tables, views or Parquet), writing (rule, severity, source, lines, amount) rows to a
  table, with no Python per row.
`prepare(con)` defines what the rules read besides the caller's tables: `audit_lines` (each line
with its bill's facts, its date of service and its modifiers as text), `bill_sums` (each bill's line
totals, computed once for the rules that need them), `repeat_keys` (where a service repeats on a
date), `line_benchmarks`, the `audit_params`
thresholds, `pfs_cf_day` conversion factors and `ambulance_rates` (audit/ambulance.py) from the law, and the
reference views.
No I/O beyond the shipped and imported reference data; the caller reads the documents.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from ..law import law
from ..model import Finding
from ..reference import register
from .ambulance import ambulance_rates_sql
from .benchmarks_sql import LINE_BENCHMARKS_BY_ROW_SQL, LINE_BENCHMARKS_SQL
from .rule import Rule
from .rules import all_rules
from .sqltypes import group_key, modifiers_text
from .tables import empty_eobs

AUDIT_LINES_SQL = f"""
    SELECT l.source, l.line, l.service_date, coalesce(l.service_date, b.care_start) AS dos,
           l.code, l.revenue_code, l.description, l.units, l.charge, l.unit_price,
           {{mods}} AS mods, l.not_received,
           b.setting, b.care_start, b.care_end, b.insurance_status, b.pfs_mac, b.pfs_locality, b.state,
           b.price_key, b.price_plan,
           {group_key('l.source', 'coalesce(l.service_date, b.care_start)',
                      'coalesce(l.code, upper(trim(l.description)))')} AS service_day,
           {group_key('l.code', 'coalesce(l.service_date, b.care_start)', 'b.setting', 'b.state',
                      '{mods}', 'b.pfs_mac', 'b.pfs_locality')} AS price_day
    FROM {{lines}} l JOIN {{bills}} b ON b.source = l.source
"""


def audit_lines_sql(lines: str = "lines", bills: str = "bills", mods_column: str | None = None) -> str:
    """AUDIT_LINES_SQL over the caller's tables. `mods_column`: a column of `lines` that already holds
    the modifiers as ' 25 59 ' text (a claims extract's staged lines, batch/stage.py), instead of the
    canonical `modifiers` list."""
    mods = f"l.{mods_column}" if mods_column else modifiers_text("l.modifiers")
    return AUDIT_LINES_SQL.format(lines=lines, bills=bills, mods=mods)


BILL_SUMS_SQL = """
    SELECT source, sum(charge) AS total, count(*) AS line_count, count(code) AS coded,
           count(revenue_code) AS revenue_coded, min(dos) AS first_date
    FROM audit_lines GROUP BY source
"""

# `price_day` (audit_lines): one 64-bit key of what a line's Medicare yardstick depends on (code, date,
# setting, state, modifiers, PFS locality): line_benchmarks prices each key once, then the lines.
# `service_day` (audit_lines): one 64-bit key of a line's bill, date of service and service (its code,
# else its description). `repeat_keys`: the keys held by more than one line, the only places a
# duplicate or a per-date MUE total over several lines can be. One cheap pass over the lines serves
# both rules; a hash collision only adds a candidate (the rules then group by the real columns).
REPEAT_KEYS_SQL = """
    SELECT service_day AS k FROM audit_lines GROUP BY 1 HAVING count(*) > 1
"""

# what prepare() derives from the caller's tables, in order: (name, SQL, materialised at scale?)
DERIVED_VIEWS = (
    ("audit_lines", None, True),  # AUDIT_LINES_SQL over the caller's table names
    ("bill_sums", BILL_SUMS_SQL, True),
    ("repeat_keys", REPEAT_KEYS_SQL, True),
    ("line_benchmarks", LINE_BENCHMARKS_SQL, False),
)

# law parameter -> audit_params column (the value in force on the as-of date)
PARAMS = {
    "gfe_threshold": "federal.nsa_audit.gfe_dispute_threshold",
    "nsa_from": "federal.nsa_audit.effective",
    "price_multiple": "federal.audit_benchmarks.medicare_outlier_multiple",
    "cash_multiple": "federal.audit_benchmarks.cash_price_outlier_multiple",
    "limiting_charge": "federal.medicare.limiting_charge_percent",
    "nonpar_fee": "federal.medicare.nonparticipating_fee_percent",
    "gfe_short_ahead": "federal.nsa_audit.gfe_timing.short_ahead_days",
    "gfe_short_due": "federal.nsa_audit.gfe_timing.short_due_days",
    "gfe_long_ahead": "federal.nsa_audit.gfe_timing.long_ahead_days",
    "gfe_long_due": "federal.nsa_audit.gfe_timing.long_due_days",
}
GFE_DAYS = ("gfe_short_ahead", "gfe_short_due", "gfe_long_ahead", "gfe_long_due")


def param(name: str, as_of: date):
    """A threshold the rules use, as the DatedValue in force on `as_of` (with its citation)."""
    return law().at(PARAMS[name], as_of)


def _law_tables(con: duckdb.DuckDBPyConnection, as_of: date) -> None:
    values = {k: param(k, as_of).value for k in PARAMS}
    con.execute("CREATE OR REPLACE TEMP TABLE audit_params AS SELECT ?::DECIMAL(14,2) AS gfe_threshold, "
                "?::DATE AS nsa_from, ?::DOUBLE AS price_multiple, ?::DOUBLE AS cash_multiple, "
                "?::DOUBLE AS limiting_charge, ?::DOUBLE AS nonpar_fee, "
                + ", ".join(f"?::INTEGER AS {k}" for k in GFE_DAYS) + ", ?::DATE AS as_of",
                [values["gfe_threshold"], str(values["nsa_from"]), values["price_multiple"], values["cash_multiple"],
                 values["limiting_charge"], values["nonpar_fee"], *(int(values[k]) for k in GFE_DAYS), str(as_of)])
    con.execute("CREATE OR REPLACE TEMP TABLE pfs_cf_day AS " + pfs_cf_day_sql(as_of))
    con.execute("CREATE OR REPLACE TEMP TABLE ambulance_rates AS " + ambulance_rates_sql())


def pfs_cf_day_sql(as_of: date) -> str:
    """The PFS conversion factor for each day, so the rules find a line's factor by an equi-join on
    its date of service (a range join over millions of lines is several times slower). The days run
    from the first factor's start to a year past the later of the last start and `as_of`; a later
    date takes the last day's factor (the last factor stays in force until a new one is published)."""
    cf = law().parameter("federal.cms_pfs.conversion_factor").values
    last_day = max(cf[-1].start, as_of).replace(month=12, day=31)
    last_day = last_day.replace(year=last_day.year + 1)
    rows = ", ".join(f"(DATE '{v.start}', DATE '{(cf[i + 1].start if i + 1 < len(cf) else last_day)}', {float(v.value)!r})"
                     for i, v in enumerate(cf))
    return f"""
        SELECT CAST(d.day AS DATE) AS day, f.cf
        FROM (VALUES {rows}) AS f(applies_from, until, cf),
             generate_series(f.applies_from, f.until, INTERVAL 1 DAY) AS d(day)
        WHERE d.day < f.until OR f.until = DATE '{last_day}'
    """


NO_BUSINESS_DAYS = "SELECT CAST(NULL AS DATE) AS day, CAST(NULL AS BOOLEAN) AS business, CAST(NULL AS INTEGER) AS ord WHERE false"


def _business_days(con: duckdb.DuckDBPyConnection, as_of: date) -> None:
    """The business-day calendar, only when a bill has a booking day (NSA.GFE_MISSING): the federal
    holidays cost ~0.1 s to compute, a tenth of a bill's audit, and most cases never need them."""
    needed = con.execute("SELECT count(*) FROM bills WHERE care_scheduled IS NOT NULL").fetchone()[0]
    con.execute("CREATE OR REPLACE TEMP TABLE business_days AS "
                + (business_days_sql(as_of) if needed else NO_BUSINESS_DAYS))


def business_days_sql(as_of: date) -> str:
    """Each day from 2021 to the end of the year after `as_of`: whether it is a business day (Monday to
    Friday, not a federal legal public holiday: calendar.py) and `ord`, the business days up to and
    including it. A day D is at least n business days after S when D.ord >= S.ord + n; the business day
    n business days after S is the one whose ord is S.ord + n (the rules join on it, no range join)."""
    from ..calendar import holidays_between

    first, last = date(2021, 1, 1), date(as_of.year + 1, 12, 31)
    off = ", ".join(f"(DATE '{d}')" for d, _ in holidays_between(first - timedelta(days=1), last))
    return f"""
        SELECT day, business, CAST(sum(CASE WHEN business THEN 1 ELSE 0 END) OVER (ORDER BY day) AS INTEGER) AS ord
        FROM (SELECT CAST(d.day AS DATE) AS day,
                     isodow(d.day) < 6 AND CAST(d.day AS DATE) NOT IN (SELECT h FROM (VALUES {off}) AS v(h)) AS business
              FROM generate_series(DATE '{first}', DATE '{last}', INTERVAL 1 DAY) AS d(day)) AS days
    """


def _plan_joins(con: duckdb.DuckDBPyConnection) -> None:
    """Keep the planner's own build side: its cardinality guess for a claim's line pairs is far too
    low, and flipping the NCCI join to build on millions of pairs made it 2.5x slower."""
    try:
        con.execute("SET disabled_optimizers = 'build_side_probe_side'")
    except duckdb.Error:  # an older DuckDB without that optimizer
        pass


def prepare(con: duckdb.DuckDBPyConnection, *, as_of: date, lines: str = "lines", bills: str = "bills",
            eobs: str | None = None, materialize: bool = True, imported: Path | None = None,
            narrow: bool = False, mods_column: str | None = None) -> None:
    """Define audit_lines, line_benchmarks, eobs, the law tables and the reference views in `con`.
    `narrow` (one bill): keep only the reference rows of the bill's codes. `mods_column`: see
    audit_lines_sql."""
    codes = None
    if narrow:
        codes = {c for (c,) in con.execute(f"SELECT DISTINCT code FROM {lines} WHERE code IS NOT NULL").fetchall()}
        codes |= {c for rule in all_rules() for c in rule.reference_codes}
    register(con, imported, codes=codes)
    _plan_joins(con)
    _law_tables(con, as_of)
    if eobs is None:
        con.register("eobs", empty_eobs())
    elif eobs != "eobs":
        con.execute(f"CREATE OR REPLACE VIEW eobs AS SELECT * FROM {eobs}")
    if bills != "bills":
        con.execute(f"CREATE OR REPLACE VIEW bills AS SELECT * FROM {bills}")
    _business_days(con, as_of)
    for name, sql, at_scale in DERIVED_VIEWS:
        # one bill: every derived table is computed once (line_benchmarks is read by several rules)
        kind = "TEMP TABLE" if materialize and (at_scale or narrow) else "VIEW"
        body = audit_lines_sql(lines, bills, mods_column) if sql is None else sql
        if sql is LINE_BENCHMARKS_SQL and materialize:  # audit_lines is a table: its row ids find each key
            body = LINE_BENCHMARKS_BY_ROW_SQL
        con.execute(f"CREATE OR REPLACE {kind} {name} AS {body}")


def connect(lines: pa.Table, bills: pa.Table, eobs: pa.Table | None = None, *, as_of: date,
            imported: Path | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one case's tables registered and prepared."""
    con = duckdb.connect()
    con.register("lines", lines)
    con.register("bills", bills)
    if eobs is not None:
        con.register("eobs_in", eobs)
    prepare(con, as_of=as_of, eobs="eobs_in" if eobs is not None else None, imported=imported, narrow=True)
    return con


def run_rules_detailed(con: duckdb.DuckDBPyConnection, *, as_of: date, rules: list[Rule] | None = None
                       ) -> list[tuple[Finding, dict]]:
    """Every rule over the prepared tables: each row rendered as a Finding, kept with its row."""
    out: list[tuple[Finding, dict]] = []
    present: dict[str, bool] = {}

    def has(need: str) -> bool:
        if need not in present:
            where = "" if need == "eobs" else f" WHERE {need} IS NOT NULL"
            table = "eobs" if need == "eobs" else "bills"
            present[need] = con.execute(f"SELECT EXISTS (SELECT 1 FROM {table}{where})").fetchone()[0]
        return present[need]

    for rule in rules if rules is not None else all_rules():
        if not all(has(n) for n in rule.needs):
            continue
        cur = con.execute(rule.sql)
        cols = [d[0] for d in cur.description]
        for values in cur.fetchall():
            row = dict(zip(cols, values))
            out.append((rule.finding(row, as_of=as_of), row))
    return out


def run_rules(con: duckdb.DuckDBPyConnection, *, as_of: date, rules: list[Rule] | None = None) -> list[Finding]:
    """Every rule over the prepared tables, each row rendered as a Finding."""
    return [f for f, _ in run_rules_detailed(con, as_of=as_of, rules=rules)]


def scale_sql(rules: list[Rule] | None = None, constants=None) -> str:
    """One statement: every rule's (rule, severity, source, lines, amount) rows. `constants(rule)`, if
    given, adds columns that are the same on every row of a rule (SQL text ", x AS name, ..."): a constant
    costs nothing per row where a join to a table of rules copies it into each row."""
    parts = []
    for rule in rules if rules is not None else all_rules():
        severity = "severity" if rule.severity_column else f"'{rule.severity}'"
        extra = constants(rule) if constants else ""
        parts.append(f"SELECT '{rule.id}' AS rule, {severity} AS severity, source, lines, "
                     f"CAST(amount AS DECIMAL(14,2)) AS amount{extra} "
                     f"FROM ({rule.sql}) AS r_{rule.id.replace('.', '_')}")
    return "\nUNION ALL\n".join(parts)


def audit_at_scale(con: duckdb.DuckDBPyConnection, *, as_of: date, lines: str = "lines", bills: str = "bills",
                   out: str = "findings", rules: list[Rule] | None = None) -> int:
    """Audit a whole table of claim lines; writes the findings to table `out`; returns their count."""
    prepare(con, as_of=as_of, lines=lines, bills=bills, materialize=True)
    con.execute(f"CREATE OR REPLACE TABLE {out} AS {scale_sql(rules)}")
    return con.execute(f"SELECT count(*) FROM {out}").fetchone()[0]
