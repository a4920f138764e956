"""The bill audit: every rule over an account's itemized lines, each finding with lines and dollars,
then one summary: total billed, total in dispute (each dollar counted once) and a fair-price estimate."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import duckdb
import pyarrow as pa

from ..model import Bill, Finding, Line
from ..reference import register
from . import opps_wage
from .dated_schedules import predated_edits_note, predated_stays_note
from .engine import audit_at_scale, prepare, run_rules_detailed
from .setting import infer_setting, left_out_note
from .summary import disputed_lines, fair_prices, in_dispute, merge_findings
from .tables import bills_table, lines_table

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}
# facts that only help find the locality and the hospital's price file (not columns of `bills`)
LOOKUP_FACTS = ("patient_address", "patient_zip", "provider_name", "provider_npi", "plan", "provider_ccn")

__all__ = ["AuditResult", "audit_bills", "audit_at_scale", "prepare", "lines_table", "bills_table"]


@dataclass
class AuditResult:
    lines: list[Line]
    total_charges: Decimal
    findings: list[Finding]
    bills: list[Bill] = field(default_factory=list)
    # the fair-price estimate: sum over lines of the benchmark price (see audit.summary.fair_prices)
    benchmark_total: Decimal | None = None
    # bill line number -> {"medicare", "cash_price", "negotiated", "gross", "fair", "basis", ...}
    benchmarks: dict[int, dict[str, Any]] = field(default_factory=dict)
    in_dispute: Decimal = Decimal(0)
    # lines whose whole charge a finding disputes (duplicate copies, bundled codes, not received ...)
    disputed_lines: set[int] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    # each finding with the lines its dollars sit on (the rules' stake_lines): what in_dispute_without counts
    stakes: list[tuple[Finding, dict[str, Any]]] = field(default_factory=list, repr=False)

    def in_dispute_without(self, rules: tuple[str, ...]) -> Decimal:
        """What the other rules' findings put in dispute, each dollar counted once as in_dispute counts it (a
        letter's billing errors apart from the hospital's financial-assistance finding)."""
        return in_dispute(self.lines, [(f, row) for f, row in self.stakes if f.rule not in rules], self.total_charges)

    def to_json(self) -> dict[str, Any]:
        return {
            "lines": [ln.model_dump(mode="json") for ln in self.lines],
            "total_charges": float(self.total_charges),
            "in_dispute": float(self.in_dispute),
            "disputed_lines": sorted(self.disputed_lines),
            "benchmark_total": None if self.benchmark_total is None else float(self.benchmark_total),
            "benchmarks": {str(k): v for k, v in sorted(self.benchmarks.items())},
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "notes": self.notes,
        }


def _lookups(con, facts: dict[str, Any], lookup: dict[str, Any]) -> list[str]:
    """Fill the locality and price-file facts from the reference data; returns notes."""
    from ..reference.locality import find_locality
    from ..reference.prices import match_price_file

    notes = []
    if facts.get("pfs_locality") is None:
        found, zip_unused = find_locality(con, facts.get("state"), lookup.get("patient_address"),
                                          lookup.get("patient_zip"))
        unused = f"; {zip_unused}" if zip_unused else ""
        if found:
            facts["pfs_mac"], facts["pfs_locality"] = found.mac, found.locality
            notes.append(f"Medicare amounts are for the fee-schedule locality {found.locality} "
                         f"{found.name.title()} (MAC {found.mac}), {found.how}{unused}.")
        else:
            notes.append(f"Medicare amounts are national (the patient's fee-schedule locality is unknown{unused}).")
    if facts.get("price_key") is None and lookup.get("provider_name"):
        match = match_price_file(con, lookup.get("provider_name"), lookup.get("provider_npi"), lookup.get("plan"))
        if match:
            facts["price_key"], facts["price_plan"], note = match
            notes.append(note)
    return notes


def unpriced_notes(benchmark_rows: list[dict[str, Any]], priced: set[int] = frozenset()) -> list[str]:
    """One note per reason a coded line has no Medicare yardstick: its prices were not judged (a
    line of a stay priced by its MS-DRG, `priced`, is judged with its stay)."""
    by_reason: dict[tuple[str, bool], list[int]] = {}
    for r in benchmark_rows:
        # a line dated before its schedule (basis medicare_later) is not judged, but the fair-price estimate
        # prices it at the schedule's earliest rates (audit/benchmarks_sql.py): said so
        later = r.get("basis") == "medicare_later"
        if r.get("no_yardstick") and (r.get("fair") is None or later) and int(r["line"]) not in priced:
            by_reason.setdefault((r["no_yardstick"], later), []).append(int(r["line"]))
    return [f"No Medicare price to compare for {'line' if len(ns) == 1 else 'lines'} "
            f"{', '.join(map(str, sorted(ns)))} ({reason}); {'its charge was' if len(ns) == 1 else 'their charges were'} "
            "not judged" + (", and the fair-price estimate uses that schedule's earliest rates" if later else "") + "."
            for (reason, later), ns in by_reason.items()]


def undated_note(lines: list[Line], facts: dict[str, Any], as_of: date) -> str | None:
    """Coded lines with no date of service (none on the line, no stay dates) are priced by the fee
    schedules in force on the as-of date (audit/benchmarks_sql.py): said, so the patient can check the
    dates on the bill and give them."""
    if facts.get("care_start") is not None:
        return None
    undated = [ln.line for ln in lines if ln.code and ln.date is None]
    if not undated:
        return None
    which = f"{'Line' if len(undated) == 1 else 'Lines'} {', '.join(map(str, undated))}"
    return (f"{which} {'has' if len(undated) == 1 else 'have'} no date of service on the bill: "
            f"{'its' if len(undated) == 1 else 'their'} Medicare amounts are those of the fee schedules in force on "
            f"{as_of.isoformat()} (an earlier year's schedule pays a little less, so the comparison errs toward the "
            "hospital). To compare with the right year, give the dates of care in the case (care.start, care.end) "
            "or audit with --as-of a day of the care.")


def several_patients_note(bills: list[Bill]) -> str | None:
    """When a file holds several patients' claims (Bill.patients, as its reader counted them), audited as
    one bill: what that does to the findings."""
    most = max((b.patients or 0 for b in bills), default=0)
    if most < 2:
        return None
    return (f"This file holds the claims of {most} patients, audited here as one bill: a duplicate, a code "
            "pair or a daily unit limit may join two people's care. Audit each patient's claims on their own.")


def _drg_stays(con, pairs: list[tuple[str, Line]]) -> list[dict[str, Any]]:
    """The stays Medicare pays by their MS-DRG, each with its lines (the fair-price estimate's yardstick)."""
    from .rules.bill_price_inpatient_drg import stay_payments_sql

    if not con.execute("SELECT EXISTS (SELECT 1 FROM bills WHERE ms_drg IS NOT NULL)").fetchone()[0]:
        return []
    cur = con.execute(f"SELECT source, ms_drg, fy, medicare, capital, capital_unconfirmed FROM ({stay_payments_sql()})")
    return [{"source": source, "ms_drg": drg, "fy": fy, "medicare": medicare, "capital": capital,
             "capital_unconfirmed": bool(unconfirmed), "lines": [ln.line for s, ln in pairs if s == source]}
            for source, drg, fy, medicare, capital, unconfirmed in cur.fetchall()]


def audit_bills(bills: list[Bill], *, facts: dict[str, Any] | None = None,
                not_received: set[int] = frozenset(), eobs: pa.Table | None = None,
                as_of: date | None = None) -> AuditResult:
    """Run every rule over the bills' lines; findings sorted by severity, then lines, rule and message."""
    as_of = as_of or date.today()
    facts = dict(facts or {})
    lookup = {k: facts.pop(k) for k in LOOKUP_FACTS if k in facts}
    pairs = [(b.source, ln) for b in bills for ln in b.lines]
    lines = [ln for _, ln in pairs]
    setting_notes = []
    periods = {(b.statement_from, b.statement_to) for b in bills}
    if facts.get("care_start") is None and len(periods) == 1 and bills and bills[0].statement_from:
        # the claim's own statement period stands for the care's dates (BILL.DATE_OUTSIDE_CARE)
        facts["care_start"], facts["care_end"] = bills[0].statement_from, bills[0].statement_to
        setting_notes.append(f"The care's dates are the claim's statement period, {facts['care_start']} to "
                             f"{facts['care_end']} (the case gives none).")
    if facts.get("setting") is None and bills:
        choice = infer_setting(bills, provider_name=lookup.get("provider_name"), provider_kind=facts.get("provider_kind"))
        facts["setting"] = choice.setting
        setting_notes.append(f"Setting: {choice.setting}, read from the bill ({choice.how})." if choice.setting else
                             f"Setting undecided ({choice.how}): the NCCI and MUE checks report only what the "
                             "practitioner and the outpatient hospital tables agree on.")
    con = duckdb.connect()
    try:
        register(con, only={"gpci", "zip_locality", "prices"})
        notes = setting_notes + _lookups(con, facts, lookup)
        con.register("lines", lines_table(pairs, set(not_received)))
        con.register("bills", bills_table(bills, facts))
        if eobs is not None:
            con.register("eobs_in", eobs)
        prepare(con, as_of=as_of, eobs="eobs_in" if eobs is not None else None, narrow=True)
        # the hospital's area: its outpatient lines' Medicare amounts wage-adjusted before the rules read them
        wage = opps_wage.adjust(con, lookup.get("provider_ccn"))
        notes += wage.notes if wage else []
        detailed = run_rules_detailed(con, as_of=as_of)
        if wage and wage.lines:
            for f, row in detailed:
                if f.rule == "BILL.PRICE_OUTLIER" and row.get("kind") == "medicare" and set(f.lines) & wage.lines:
                    f.citations += [c for c in wage.citations if c not in f.citations]
        if bills and facts.get("setting") is None:
            left_out = left_out_note(con)
            notes += [left_out] if left_out else []
        notes += [n for n in (predated_edits_note(con), predated_stays_note(con)) if n]
        benchmark_rows = con.execute("SELECT * FROM line_benchmarks ORDER BY line").fetchall()
        cols = [d[0] for d in con.description]
        stays = _drg_stays(con, pairs)
    finally:
        con.close()
    total = sum((ln.charge for ln in lines), Decimal(0))
    findings = merge_findings(detailed)
    # the same order on every run (the rules' rows come in any order from DuckDB's threads): severity,
    # then lines, rule and message, so two findings of one rule that share a first line keep their order
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.lines or [0], f.rule, f.message))
    benchmark_dicts = [dict(zip(cols, r)) for r in benchmark_rows]
    benchmarks, benchmark_total = fair_prices(lines, benchmark_dicts, detailed, stays)
    notes += unpriced_notes(benchmark_dicts, {n for s in stays for n in s["lines"]})
    undated = undated_note(lines, facts, as_of)
    notes += [undated] if undated else []
    several = several_patients_note(bills)
    notes += [several] if several else []
    return AuditResult(lines=lines, total_charges=total, findings=findings, bills=bills,
                       benchmark_total=benchmark_total, benchmarks=benchmarks,
                       in_dispute=in_dispute(lines, detailed, total), notes=notes,
                       disputed_lines=disputed_lines(lines, detailed),
                       stakes=[(f, {"stake_lines": row.get("stake_lines")}) for f, row in detailed])
