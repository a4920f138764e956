"""Bill lines matched to EOB lines (by claim, code, date and charge), so the audit can compare them.

Each possible pair gets a score from what agrees: the claim id (+4), the code or revenue code (+3),
the charge (+3), the date (+2 exact, +1 within the claim's dates), the units (+0.5). A pair needs
the code, or the charge and the date, to agree; codes one character apart ('72126' on the bill, '72125' on
the EOB: a misread or a recode) count (+2) when the revenue code and the charge agree too. Pairs are taken best first, each line once, so the
result does not depend on file order. EOB claims without lines (a hospital claim paid as a whole)
are matched to the bill lines that fall within their dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ..model import Bill, Line
from .eob_model import Eob, EobClaim, EobLine


@dataclass
class LineMatch:
    bill_source: str
    bill_line: int
    eob_source: str
    claim_id: str
    eob_line: int
    how: list[str]  # what agreed: claim, code, revenue_code, charge, date, units
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"bill_source": self.bill_source, "bill_line": self.bill_line, "eob_source": self.eob_source,
                "claim_id": self.claim_id, "eob_line": self.eob_line, "how": self.how, "score": self.score}


@dataclass
class ClaimMatch:
    eob_source: str
    claim_id: str
    bill_lines: list[int]  # bill line numbers this claim covers
    billed_on_bill: Decimal  # what the bill charges for those lines
    how: str  # "lines" (matched line by line) or "dates" (a claim without lines, matched by its dates)

    def to_json(self) -> dict[str, Any]:
        return {"eob_source": self.eob_source, "claim_id": self.claim_id, "bill_lines": self.bill_lines,
                "billed_on_bill": float(self.billed_on_bill), "how": self.how}


@dataclass
class MatchResult:
    lines: list[LineMatch] = field(default_factory=list)
    claims: list[ClaimMatch] = field(default_factory=list)
    unmatched_bill_lines: list[int] = field(default_factory=list)  # no EOB line or claim covers them
    unmatched_eob_lines: list[tuple[str, int]] = field(default_factory=list)  # (claim id, line)

    def for_bill_line(self, line: int) -> LineMatch | None:
        return next((m for m in self.lines if m.bill_line == line), None)

    def to_json(self) -> dict[str, Any]:
        return {"lines": [m.to_json() for m in self.lines], "claims": [c.to_json() for c in self.claims],
                "unmatched_bill_lines": self.unmatched_bill_lines,
                "unmatched_eob_lines": [{"claim_id": c, "line": n} for c, n in self.unmatched_eob_lines]}


def _within(d: date | None, claim: EobClaim) -> bool:
    if d is None or claim.start is None:
        return False
    return claim.start <= d <= (claim.end or claim.start)


def _same_revenue(line: Line, eob_line: EobLine) -> bool:
    return bool(line.revenue_code and eob_line.revenue_code
                and line.revenue_code.zfill(4) == eob_line.revenue_code.zfill(4))


def _one_apart(a: str, b: str) -> bool:
    """Two codes of one length that differ in one character ('72126' read for '72125')."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def score(line: Line, claim: EobClaim, eob_line: EobLine) -> tuple[float, list[str]]:
    """How well a bill line and an EOB line agree (0 when they cannot be the same service)."""
    how: list[str] = []
    points = 0.0
    if line.claim_id and line.claim_id in (claim.claim_id, claim.payer_claim_id):
        points, how = points + 4, [*how, "claim"]
    codes = {c for c in (eob_line.code, eob_line.billed_code) if c}
    if line.code and line.code in codes:
        points, how = points + 3, [*how, "code"]
    elif _same_revenue(line, eob_line) and not (line.code and codes):
        points, how = points + 3, [*how, "revenue_code"]
    elif line.code and _same_revenue(line, eob_line) and line.charge == eob_line.billed \
            and any(_one_apart(line.code, c) for c in codes):
        points, how = points + 2, [*how, "code_near"]  # one character apart: a misread (OCR) or the payer's recode
    if eob_line.billed is not None and line.charge == eob_line.billed:
        points, how = points + 3, [*how, "charge"]
    line_day = eob_line.date or (claim.start if claim.start == claim.end else None)
    if line.date and line_day and line.date == line_day:
        points, how = points + 2, [*how, "date"]
    elif line.date and eob_line.date is None and _within(line.date, claim):
        points, how = points + 1, [*how, "date"]
    elif line.date and line_day and line.date != line_day and not (eob_line.date_end and line_day <= line.date <= eob_line.date_end):
        return 0.0, []  # a different day is a different service
    if eob_line.units is not None and Decimal(line.units) == eob_line.units:
        points, how = points + 0.5, [*how, "units"]
    if not ({"code", "revenue_code", "code_near"} & set(how) or {"charge", "date"} <= set(how)):
        return 0.0, []
    return points, how


def match(bills: list[Bill], eobs: list[Eob]) -> MatchResult:
    """Match every bill line to at most one EOB line, best agreement first."""
    result = MatchResult()
    bill_lines = [(b.source, ln) for b in bills for ln in b.lines]
    eob_lines = [(e.source, c, el) for e in eobs for c in e.claims for el in c.lines]
    candidates = []
    for bi, (_, ln) in enumerate(bill_lines):
        for ei, (_, claim, el) in enumerate(eob_lines):
            points, how = score(ln, claim, el)
            if points > 0:
                candidates.append((-points, bi, ei, how))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    used_bill: set[int] = set()
    used_eob: set[int] = set()
    for neg, bi, ei, how in candidates:
        if bi in used_bill or ei in used_eob:
            continue
        used_bill.add(bi)
        used_eob.add(ei)
        source, ln = bill_lines[bi]
        eob_source, claim, el = eob_lines[ei]
        result.lines.append(LineMatch(source, ln.line, eob_source, claim.claim_id, el.line, how, -neg))
    result.lines.sort(key=lambda m: (m.bill_line, m.bill_source))
    for e in eobs:
        for claim in e.claims:
            matched = [m.bill_line for m in result.lines if m.claim_id == claim.claim_id and m.eob_source == e.source]
            if claim.lines and matched:
                charge = sum((ln.charge for bi, (_, ln) in enumerate(bill_lines) if ln.line in matched and bi in used_bill),
                             Decimal(0))
                result.claims.append(ClaimMatch(e.source, claim.claim_id, matched, charge, "lines"))
            elif not claim.lines:
                covered = [(bi, ln) for bi, (_, ln) in enumerate(bill_lines)
                           if bi not in used_bill and (_within(ln.date, claim) or (ln.claim_id and ln.claim_id == claim.claim_id))]
                if covered:
                    used_bill.update(bi for bi, _ in covered)
                    result.claims.append(ClaimMatch(e.source, claim.claim_id, [ln.line for _, ln in covered],
                                                    sum((ln.charge for _, ln in covered), Decimal(0)), "dates"))
    result.unmatched_bill_lines = [ln.line for bi, (_, ln) in enumerate(bill_lines) if bi not in used_bill]
    result.unmatched_eob_lines = [(c.claim_id, el.line) for ei, (_, c, el) in enumerate(eob_lines) if ei not in used_eob]
    return result


def claim_rows(bills: list[Bill], eobs: list[Eob], result: MatchResult | None = None) -> list[dict[str, Any]]:
    """One row per EOB claim for the audit's `eobs` table: the bill it belongs to (`source`), the EOB
    file (`eob`), its amounts, denial, reason codes ('CO-50 PR-1') and the bill lines it covers."""
    result = result or match(bills, eobs)
    by_claim = {(c.eob_source, c.claim_id): c for c in result.claims}
    bill_of_line = {(ln.line): b.source for b in bills for ln in b.lines}
    rows = []
    for e in eobs:
        for claim in e.claims:
            cm = by_claim.get((e.source, claim.claim_id))
            lines = cm.bill_lines if cm else []
            source = bill_of_line.get(lines[0]) if lines else (bills[0].source if len(bills) == 1 else None)
            codes = sorted({a.key for a in claim.all_adjustments() if a.reason})
            rows.append({"source": source, "eob": e.source, "claim_id": claim.claim_id,
                         "service_date": claim.start, "billed": claim.billed, "allowed": claim.allowed,
                         "paid": claim.paid, "patient_responsibility": claim.adjudicated_patient_responsibility,
                         "denied": claim.denied, "reason_codes": " ".join(codes), "lines": lines})
    return rows


def rescore(result: MatchResult, bills: list[Bill], eobs: list[Eob]) -> MatchResult:
    """The same pairs, each scored again as its lines stand now: once date_from_eobs has given an undated bill line
    its EOB line's date, the date agrees (what matching again would say, without pairing the lines again)."""
    bill_lines = {(b.source, ln.line): ln for b in bills for ln in b.lines}
    eob_lines = {(e.source, c.claim_id, el.line): (c, el) for e in eobs for c in e.claims for el in c.lines}
    for m in result.lines:
        claim, el = eob_lines[(m.eob_source, m.claim_id, m.eob_line)]
        m.score, m.how = score(bill_lines[(m.bill_source, m.bill_line)], claim, el)
    return result


def date_from_eobs(bills: list[Bill], eobs: list[Eob], result: MatchResult | None = None) -> None:
    """A bill line without a date of service takes the date of the EOB line matched to it (in place), and its
    bill says so: a statement whose dates are blacked out or not printed is dated by the insurer's remittance
    for the same claim, so its lines are checked with the rules and prices of their day and joined to the EOB's."""
    result = result or match(bills, eobs)
    eob_lines = {(e.source, c.claim_id, el.line): (el.date or (c.start if c.start == c.end else None))
                 for e in eobs for c in e.claims for el in c.lines}
    for bill in bills:
        dated = []
        for m in result.lines:
            ln = next((x for x in bill.lines if x.line == m.bill_line), None) if m.bill_source == bill.source else None
            day = eob_lines.get((m.eob_source, m.claim_id, m.eob_line))
            if ln is not None and ln.date is None and day is not None:
                ln.date = day
                dated.append((ln.line, day))
        if dated:
            days = sorted({d for _, d in dated})
            when = f"{days[0]:%m/%d/%Y}" + (f" to {days[-1]:%m/%d/%Y}" if len(days) > 1 else "")
            which = ", ".join(str(n) for n, _ in sorted(dated))
            bill.notes.append(f"line(s) {which}: no date of service on the bill; each takes the date of the EOB line "
                              f"it matches ({when})")


def code_differences(bills: list[Bill], eobs: list[Eob], result: MatchResult | None = None) -> None:
    """Each bill line matched to an EOB line by something else than its code says so on its bill (in place): a code
    one character apart (the scan may be misread, or the payer changed the code; the paper tells which), or an EOB
    line without a procedure code, matched by revenue code (a remittance's pharmacy or supply line)."""
    result = result or match(bills, eobs)
    eob_lines = {(e.source, c.claim_id, el.line): el for e in eobs for c in e.claims for el in c.lines}
    for bill in bills:
        for m in result.lines:
            ln = next((x for x in bill.lines if x.line == m.bill_line), None) if m.bill_source == bill.source else None
            if ln is None:
                continue
            el = eob_lines[(m.eob_source, m.claim_id, m.eob_line)]
            if "code_near" in m.how:
                bill.notes.append(f"line {ln.line}: the bill reads code {ln.code} where the EOB line it matches (revenue "
                                  f"code {ln.revenue_code}, charge {ln.charge:,.2f}) has {el.code}: "
                                  "a misread or a changed code; check it on the paper")
            elif "revenue_code" in m.how and ln.code and not (el.code or el.billed_code):
                agreed = [w for w in ("charge", "date") if w in m.how]
                charge = "" if el.billed is None else f", charge {el.billed:,.2f}"
                bill.notes.append(f"line {ln.line}: the EOB line it matches (revenue code {el.revenue_code}{charge}) "
                                  f"has no procedure code where the bill reads {ln.code}; matched by "
                                  + ", ".join(["revenue code", *agreed[:-1]]) + (f" and {agreed[-1]}" if agreed else ""))
