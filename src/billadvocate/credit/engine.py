"""Run every credit rule on a case's tradelines (or tradelines read from a file) as of a date.

`check_credit(case, as_of)` is the whole credit step of `review`: the problems found, the state of the
law that decided them, the disputes to send per bureau, the reinvestigation deadlines and what to do
next. Pure: the case, the law and the date in; no files, no network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import BadInput
from ..law import Law, law
from ..model import Case, Deadline, Tradeline
from .context import CreditContext, CreditFinding, TradelineRef
from .rules import all_rules
from .rules.state_ban import CAVEAT, state_ban

CFPB_RULE = "federal.credit_reporting.cfpb_2025_medical_debt_rule"
DATE_FIELDS = ("first_delinquency", "reported", "paid_on")


@dataclass
class CreditResult:
    as_of: date
    tradelines: list[TradelineRef] = field(default_factory=list)
    findings: list[CreditFinding] = field(default_factory=list)
    disputes: list[Any] = field(default_factory=list)  # BureauDispute
    furnisher_disputes: list[Any] = field(default_factory=list)  # FurnisherDispute
    deadlines: list[Deadline] = field(default_factory=list)  # not tied to a case account
    account_deadlines: dict[str, list[Deadline]] = field(default_factory=dict)
    status: dict[str, Any] = field(default_factory=dict)  # the law that decided, in plain words
    next_steps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "tradelines": [dict(r.tradeline.model_dump(mode="json"), index=r.index, source=r.where)
                           for r in self.tradelines],
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "disputes": [d.to_json() for d in self.disputes],
            "furnisher_disputes": [d.to_json() for d in self.furnisher_disputes],
            "deadlines": [d.model_dump(mode="json") for d in self.deadlines],
            "account_deadlines": {k: [d.model_dump(mode="json") for d in v]
                                  for k, v in self.account_deadlines.items()},
            "status": self.status,
            "next_steps": self.next_steps,
            "notes": self.notes,
        }


def case_tradelines(case: Case) -> list[TradelineRef]:
    report = case.credit_report
    if report is None:
        return []
    return [TradelineRef(i, tl, f"credit_report.tradelines[{i}]") for i, tl in enumerate(report.tradelines)]


def field_where(ref: TradelineRef, name: str) -> str:
    """Where a tradeline's field is: 'credit_report.tradelines[1].reported' or 'row 3, column reported'."""
    return f"{ref.where}.{name}" if ref.where.endswith("]") else f"{ref.where}, column {name}"


def validate_dates(refs: list[TradelineRef], day: date, *, what: str, file: str | None = None) -> None:
    """A tradeline date after the report's date (or the as-of date) is a typo: one clear BadInput."""
    for ref in refs:
        for name in DATE_FIELDS:
            value = getattr(ref.tradeline, name)
            if value is not None and value > day:
                raise BadInput(f"{value} is in the future: it is after {what} ({day}); check the date",
                               file=file, where=field_where(ref, name))


def validate_accounts(case: Case | None, refs: list[TradelineRef], *, file: str | None = None) -> None:
    """A tradeline's `account:` must name an account of the case (a typo would silently unlink it)."""
    if case is None:
        return
    ids = [a.id for a in case.accounts]
    for ref in refs:
        if ref.tradeline.account is not None and ref.tradeline.account not in ids:
            raise BadInput(f"{ref.tradeline.account!r} is not an account id of this case (ids: {', '.join(ids)})",
                           file=file, where=field_where(ref, "account"))


def check_credit(case: Case | None, as_of: date, *, tradelines: list[TradelineRef] | None = None,
                 pulled: date | None = None, state: str | None = None, rules: Law | None = None,
                 file: str | None = None) -> CreditResult:
    """Every credit problem, dispute and deadline, as of a date.

    Tradelines come from the case's credit_report unless given (e.g. read from a CSV or PDF). A report
    pulled after the as-of date did not exist yet on that day: it is skipped with a note, not checked.
    """
    from .disputes import build_disputes, next_steps

    report = case.credit_report if case is not None else None
    if tradelines is None:
        tradelines = case_tradelines(case) if case is not None else []
    pulled = pulled or (report.pulled if report else None)
    state = state or (case.patient.state if case is not None else None)
    result = CreditResult(as_of=as_of, tradelines=tradelines)
    if not tradelines:
        result.notes.append("no credit report in the case (credit_report.tradelines): add the collections "
                            "from your reports to the case file, or check a report with "
                            "`billadvocate review CASE --credit FILE`")
        return result
    if pulled is not None and pulled > as_of:
        result.notes.append(f"the credit report was pulled on {pulled}, after the as-of date {as_of}: "
                            "it is not checked for that date")
        return result
    ctx = CreditContext(case=case, as_of=as_of, tradelines=tradelines, pulled=pulled, state=state,
                        rules=rules or law())
    validate_dates(tradelines, ctx.report_date,
                   what="the day the report was pulled" if pulled else "the as-of date", file=file)
    validate_accounts(case, tradelines, file=file)
    for rule in all_rules():
        result.findings.extend(rule.run(ctx))
    rank = {"high": 0, "medium": 1, "low": 2, "info": 3}
    result.findings.sort(key=lambda f: (rank[f.severity], -1 if f.tradeline is None else f.tradeline))
    result.status = law_status(ctx)
    build_disputes(ctx, result)
    result.next_steps = next_steps(ctx, result)
    result.notes.extend(ctx.notes)
    return result


def law_status(ctx: CreditContext) -> dict[str, Any]:
    """The law that decided, in plain words: state ban, bureau policies, the CFPB's 2025 rule."""
    out: dict[str, Any] = {"state": ctx.state, "report_date": ctx.report_date.isoformat()}
    ban = state_ban(ctx, ctx.report_date)
    if ban is not None:
        v = ban.value
        out["state_ban"] = {"ban": bool(v.get("ban")), "since": ban.start.isoformat() if v.get("ban") else None,
                            "law": v.get("law"), "covers": v.get("covers", []), "what": v.get("what"),
                            "note": v.get("note") or None, "citations": ban.citations,
                            "unconfirmed": ban.unconfirmed}
        caveat = ctx.law_at(CAVEAT, ctx.as_of)
        if v.get("ban") and caveat is not None:
            out["state_ban"]["preemption_caveat"] = caveat.value
    cfpb = ctx.law_at(CFPB_RULE, ctx.as_of)
    if cfpb is not None:
        out["cfpb_2025_rule"] = {"in_force": bool(cfpb.value["in_force"]),
                                 "status": cfpb.value["status"], "citations": cfpb.citations,
                                 "unconfirmed": cfpb.unconfirmed}
    return out


def tradelines_from(items: list[Tradeline], where: str) -> list[TradelineRef]:
    """Tradelines read from a file, labelled by row: where='report.csv' gives 'row 2' (header is row 1)."""
    return [TradelineRef(i, tl, f"row {i + 2}") for i, tl in enumerate(items)]
