"""The canonical tables the audit rules read, as Arrow schemas, and their builders from the model.

  lines  one row per charge line: (source, line, service_date, code, revenue_code, description,
         units, charge, unit_price, modifiers VARCHAR[], ndc, provider, claim_id, not_received)
  bills  one row per bill (or claim): what it states about itself (stated_total, payments,
         adjustments, stated_balance, ms_drg) and the case facts the rules need (FACT_COLUMNS)
  eobs   one row per EOB claim (level 'claim'), per denied EOB line (level 'line') and per line not
         denied of a claim not denied (level 'service', with its code), repeated for each bill of the
         account (source): billed, allowed, paid, patient_responsibility, denied, reason codes, and
         the bill lines it is for: those of the same code and date, else the one the matcher pairs with it
         (ingest/match.py: a line the EOB prints by revenue code only, a code one character apart)
At scale (`batch audit`), a caller brings its own `lines` and `bills` with these columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import pyarrow as pa

from ..model import Bill, Line

MONEY = pa.decimal128(14, 2)
PERCENT = pa.decimal128(8, 2)

LINES_SCHEMA = pa.schema([
    ("source", pa.string()), ("line", pa.int64()), ("service_date", pa.date32()),
    ("code", pa.string()), ("revenue_code", pa.string()), ("description", pa.string()),
    ("units", pa.decimal128(12, 3)), ("charge", MONEY),
    ("unit_price", MONEY), ("modifiers", pa.list_(pa.string())),
    ("ndc", pa.string()), ("provider", pa.string()), ("claim_id", pa.string()),
    ("not_received", pa.bool_()),
])

# case facts, one column each (None when unknown); review.audit_facts gives them by these names
FACT_COLUMNS: list[tuple[str, pa.DataType]] = [
    ("care_start", pa.date32()), ("care_end", pa.date32()), ("setting", pa.string()),
    ("emergency", pa.bool_()), ("insurance_status", pa.string()), ("provider_kind", pa.string()),
    ("in_network", pa.bool_()), ("facility_in_network", pa.bool_()), ("state", pa.string()),
    ("balance", MONEY), ("gfe_total", MONEY), ("nonprofit", pa.bool_()),
    ("fap_agb_percent", PERCENT), ("fap_free_fpl", PERCENT), ("fap_discount_fpl", PERCENT),
    ("fpl_percent", PERCENT), ("has_eob", pa.bool_()),
    ("pfs_mac", pa.string()), ("pfs_locality", pa.string()),
    ("price_key", pa.string()), ("price_plan", pa.string()),
    ("medicare_participating", pa.bool_()), ("oop_max", MONEY), ("plan_deductible", MONEY),
    ("ambulance", pa.string()),  # ground | air, for an ambulance ride (the NSA protects air only)
    ("care_scheduled", pa.date32()), ("self_pay", pa.bool_()),  # NSA.GFE_MISSING
    ("gfe_given", pa.bool_()), ("gfe_date", pa.date32()),
]
FACT_NAMES = {name for name, _ in FACT_COLUMNS}

BILLS_SCHEMA = pa.schema([
    ("source", pa.string()), ("stated_total", MONEY), ("payments", MONEY), ("adjustments", MONEY),
    ("stated_balance", MONEY), ("ms_drg", pa.string()), *FACT_COLUMNS,
])

EOBS_SCHEMA = pa.schema([
    ("source", pa.string()), ("eob", pa.string()), ("level", pa.string()), ("claim_id", pa.string()),
    ("service_date", pa.date32()), ("billed", MONEY), ("allowed", MONEY), ("paid", MONEY),
    ("patient_responsibility", MONEY), ("denied", pa.bool_()), ("reason_codes", pa.string()),
    ("lines", pa.list_(pa.int64())), ("deductible", MONEY), ("code", pa.string()),
    # the claim's network status and kind (institutional: a facility), its provider, and the line's modifiers
    ("in_network", pa.bool_()), ("claim_kind", pa.string()), ("provider", pa.string()),
    ("modifiers", pa.list_(pa.string())),
])


def _money(v) -> Decimal | None:
    return None if v is None else Decimal(str(v)).quantize(Decimal("0.01"))


def lines_table(lines: Iterable[tuple[str, Line]], not_received: set[int] = frozenset()) -> pa.Table:
    rows: dict[str, list] = {name: [] for name in LINES_SCHEMA.names}
    for source, ln in lines:
        rows["source"].append(source)
        rows["line"].append(ln.line)
        rows["service_date"].append(ln.date)
        rows["code"].append(ln.code)
        rows["revenue_code"].append(ln.revenue_code)
        rows["description"].append(ln.description)
        rows["units"].append(Decimal(ln.units))
        rows["charge"].append(_money(ln.charge))
        rows["unit_price"].append(_money(ln.unit_price))
        rows["modifiers"].append([m.upper() for m in ln.modifiers])
        rows["ndc"].append(ln.ndc)
        rows["provider"].append(ln.provider)
        rows["claim_id"].append(ln.claim_id)
        rows["not_received"].append(ln.line in not_received)
    return pa.table(rows, schema=LINES_SCHEMA)


def _fact(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if pa.types.is_decimal(kind):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    if pa.types.is_date(kind):
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    if pa.types.is_boolean(kind):
        return bool(value)
    return str(value)


def bills_table(bills: Iterable[Bill], facts: Mapping[str, Any] | None = None) -> pa.Table:
    """One row per bill, carrying the case facts (unknown fact names are refused: a typo)."""
    facts = dict(facts or {})
    unknown = set(facts) - FACT_NAMES
    if unknown:
        raise KeyError(f"unknown audit facts {sorted(unknown)}; known: {sorted(FACT_NAMES)}")
    rows: dict[str, list] = {name: [] for name in BILLS_SCHEMA.names}
    for b in bills:
        rows["source"].append(b.source)
        for name in ("stated_total", "payments", "adjustments", "stated_balance"):
            rows[name].append(_money(getattr(b, name)))
        rows["ms_drg"].append(b.ms_drg)  # the stay's MS-DRG (BILL.PRICE_INPATIENT_DRG)
        for name, kind in FACT_COLUMNS:
            rows[name].append(_fact(facts.get(name), kind))
    return pa.table(rows, schema=BILLS_SCHEMA)


def empty_eobs() -> pa.Table:
    return pa.Table.from_batches([], schema=EOBS_SCHEMA)  # Schema.empty_table() imports pandas (0.26 s)


def _reasons(adjustments) -> str | None:
    keys = []
    for a in adjustments:
        text = a.key + (f" ({a.meaning})" if a.meaning else "")
        if text not in keys:
            keys.append(text)
    return "; ".join(keys) or None


def _claim_deductible(c) -> Decimal | None:
    """What the claim applied to the deductible: the claim's figure, else the sum of its lines'."""
    if c.deductible is not None:
        return c.deductible
    parts = [el.deductible for el in c.lines if el.deductible is not None]
    return sum(parts, Decimal(0)) if parts else None


def _exact_lines(bill: Bill) -> dict[tuple, list[int]]:
    """The bill's coded lines by (code, date of service)."""
    by_code_date: dict[tuple, list[int]] = {}
    for ln in bill.lines:
        if ln.code:
            by_code_date.setdefault((ln.code, ln.date), []).append(ln.line)
    return by_code_date


def _links(bill: Bill, eobs: list[Any], exact: dict[tuple, list[int]], paired) -> dict[int, list[int]]:
    """Each EOB line's bill lines on `bill` (by the EOB line's id()): those of its code and date (all of them,
    as before), else the one line the matcher pairs with it when no exact pair took that line."""
    links = {id(el): exact.get((el.code, el.date or c.start), []) if el.code else []
             for e in eobs for c in e.claims for el in c.lines}
    if paired is None or all(links.values()):
        return links
    taken = {n for lines in links.values() for n in lines}
    near = {(m.eob_source, m.claim_id, m.eob_line): m.bill_line for m in paired.lines
            if m.bill_source == bill.source and m.bill_line not in taken}
    for e in eobs:
        for c in e.claims:
            for el in c.lines:
                n = near.get((e.source, c.claim_id, el.line))
                if not links[id(el)] and n is not None:
                    links[id(el)] = [n]
                    taken.add(n)
    return links


def eobs_table(eobs: Iterable[Any], bills: Iterable[Bill], paired: Any = None) -> pa.Table:
    """The account's EOBs (ingest.eob_model.Eob) as rows for each of its bills. `paired` is the bill and EOB
    lines' match (ingest.match.match) when the caller has it; else it is made here when an EOB line has no exact
    code and date on a bill."""
    rows: dict[str, list] = {name: [] for name in EOBS_SCHEMA.names}

    def add(source, eob, level, claim, when, billed, allowed, paid, resp, denied, reasons, lines,
            deductible=None, code=None, modifiers=()):
        for name, value in zip(EOBS_SCHEMA.names, (source, eob, level, claim.claim_id, when, _money(billed),
                                                     _money(allowed), _money(paid), _money(resp), denied,
                                                     reasons, lines, _money(deductible), code, claim.in_network,
                                                     claim.kind, claim.provider, [m.upper() for m in modifiers])):
            rows[name].append(value)

    bills, eobs = list(bills), list(eobs)
    exact = {id(b): _exact_lines(b) for b in bills}
    if paired is None and any(not (el.code and (el.code, el.date or c.start) in exact[id(b)])
                              for b in bills if b.lines for e in eobs for c in e.claims for el in c.lines):
        from ..ingest.match import match  # pair the lines as `audit --eob` does (here: rules run without EOBs too)

        paired = match(bills, eobs)
    for bill in bills:
        links = _links(bill, eobs, exact[id(bill)], paired)
        for eob in eobs:
            for c in eob.claims:
                if c.status == "reversed":
                    continue
                matched = sorted({n for el in c.lines for n in links[id(el)]})
                denied = c.denied or c.status == "denied"
                add(bill.source, eob.source, "claim", c, c.start, c.billed, c.allowed, c.paid,
                    c.adjudicated_patient_responsibility, denied, _reasons(c.all_adjustments()), matched,
                    _claim_deductible(c))
                if denied:
                    continue
                for el in c.lines:
                    add(bill.source, eob.source, "line" if el.denied else "service", c,
                        el.date or c.start, el.billed, el.allowed, el.paid, el.patient_responsibility, el.denied,
                        _reasons(el.adjustments) if el.denied else None,
                        links[id(el)], code=el.code, modifiers=el.modifiers)
    return pa.table(rows, schema=EOBS_SCHEMA)
