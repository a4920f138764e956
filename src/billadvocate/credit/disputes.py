"""Disputes: per bureau, what to dispute and why; the reinvestigation deadline; the follow-up; next steps.

A dispute letter already sent is an event in the log: kind letter, from patient, type credit_dispute,
to bureau (with `bureau:` naming which; without it, it counts for every bureau). The bureau's answer is
any later event from the bureau. Additional information sent within the 30 days (type
credit_dispute_info) extends the deadline by 15 days (45 in all).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..model import Deadline, Event
from ..util import dollars
from .context import BUREAU_NAMES, CreditContext, CreditFinding, same_company

DISPUTE_TYPES = {"credit_dispute"}
MORE_INFO_TYPES = {"credit_dispute_info", "additional_information"}
BUREAU_DAYS = "federal.fcra.reinvestigation_days"
EXTRA_DAYS = "federal.fcra.reinvestigation_extension_days"
DIRECT_DAYS = "federal.fcra.direct_dispute_days"


@lru_cache(maxsize=1)
def bureau_directory() -> dict[str, Any]:
    """credit/bureaus.yaml: each bureau's name and dispute mailing address, with the source."""
    text = resources.files("billadvocate.credit").joinpath("bureaus.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass
class DisputeItem:
    """One tradeline to dispute, with every reason found for it."""

    tradeline: int
    furnisher: str
    account: str | None
    balance: float | None
    original_amount: float | None
    reasons: list[dict[str, Any]] = field(default_factory=list)  # {rule, why, citations, unconfirmed}

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class BureauDispute:
    """The credit_dispute letter for one bureau: where it goes, what it lists, where it stands."""

    bureau: str
    name: str
    address: list[str]
    items: list[DisputeItem]
    sent: date | None = None  # the dispute letter in the log, if any
    due: date | None = None  # FCRA_REINVESTIGATION_DUE
    extended: bool = False  # more information was sent: 45 days
    answered: date | None = None
    overdue: bool = False
    why_deadline: str = ""
    citations: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"bureau": self.bureau, "name": self.name, "address": self.address,
                "items": [i.to_json() for i in self.items],
                "sent": _iso(self.sent), "due": _iso(self.due), "extended": self.extended,
                "answered": _iso(self.answered), "overdue": self.overdue,
                "why_deadline": self.why_deadline, "citations": self.citations}


@dataclass
class FurnisherDispute:
    """A direct dispute to the company that reports the debt, where that is the stronger route."""

    furnisher: str
    address: str | None
    account: str | None
    items: list[DisputeItem]
    days: int
    citations: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"furnisher": self.furnisher, "address": self.address, "account": self.account,
                "items": [i.to_json() for i in self.items], "days": self.days, "citations": self.citations}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(at) -> date:
    return at.date() if isinstance(at, datetime) else at


def _items(ctx: CreditContext, findings: list[CreditFinding]) -> list[DisputeItem]:
    by_line: dict[int, DisputeItem] = {}
    for f in findings:
        if f.tradeline is None:
            continue
        tl = ctx.tradelines[f.tradeline].tradeline
        item = by_line.setdefault(f.tradeline, DisputeItem(
            f.tradeline, tl.furnisher, f.account,
            None if tl.balance is None else float(tl.balance),
            None if tl.original_amount is None else float(tl.original_amount)))
        item.reasons.append({"rule": f.rule, "why": f.message, "citations": f.citations,
                             "unconfirmed": f.unconfirmed})
    return [by_line[k] for k in sorted(by_line)]


def dispute_log(ctx: CreditContext) -> list[tuple[Event, str | None]]:
    """Every bureau-related event of the case, with the account id it sits under (None: credit_report)."""
    out: list[tuple[Event, str | None]] = []
    if ctx.case is None:
        return out
    for a in ctx.case.accounts:
        out += [(e, a.id) for e in a.events if e.from_ == "bureau" or e.to == "bureau"
                or (e.type or "") in DISPUTE_TYPES | MORE_INFO_TYPES]
    if ctx.case.credit_report is not None:
        out += [(e, None) for e in ctx.case.credit_report.events]
    return sorted(out, key=lambda pair: _day(pair[0].at))


def _for(event: Event, bureau: str) -> bool:
    return event.bureau is None or event.bureau == bureau


@dataclass
class DisputeState:
    """Where the latest dispute letter to one bureau stands."""

    bureau: str
    sent: date
    due: date
    extended: bool
    answered: date | None
    overdue: bool
    account: str | None  # the case account whose log holds the letter (None: credit_report.events)
    why: str
    citations: list[str]

    @property
    def deadline(self) -> Deadline:
        return Deadline(kind="FCRA_REINVESTIGATION_DUE", date=self.due, why=self.why, citations=self.citations)


def dispute_state(ctx: CreditContext, bureau: str, log: list[tuple[Event, str | None]] | None = None
                  ) -> DisputeState | None:
    """The FCRA_REINVESTIGATION_DUE state of the latest dispute sent to `bureau`, or None if none was sent."""
    log = dispute_log(ctx) if log is None else log
    sent = [(e, acc) for e, acc in log if e.kind == "letter" and e.from_ == "patient"
            and (e.type or "") in DISPUTE_TYPES and _for(e, bureau)]
    if not sent:
        return None
    letter, account = sent[-1]
    start = letter.received or _day(letter.at)  # the clock runs from the bureau's receipt
    base = ctx.law_at(BUREAU_DAYS, start)
    extra = ctx.law_at(EXTRA_DAYS, start)
    if base is None:
        return None
    due = start + timedelta(days=int(base.value))
    more = [e for e, _ in log if e.from_ == "patient" and (e.type or "") in MORE_INFO_TYPES
            and _for(e, bureau) and start < _day(e.at) <= due]
    cites = list(base.citations)
    extended = bool(more and extra is not None)
    if extended:
        due += timedelta(days=int(extra.value))
        cites += extra.citations
    answers = [e for e, _ in log if e.from_ == "bureau" and _for(e, bureau) and _day(e.at) >= _day(letter.at)]
    answered = _day(answers[0].at) if answers else None
    counted = ("from the day it received it" if letter.received else
               "counted from the day you sent it (add the delivery date as `received:` to count from receipt)")
    why = (f"{BUREAU_NAMES[bureau]} must finish its reinvestigation of your dispute of {start} within "
           f"{(due - start).days} days{' (you sent more information)' if extended else ''}, " + counted)
    return DisputeState(bureau, start, due, extended, answered, answered is None and ctx.as_of > due,
                        account, why, cites)


def build_disputes(ctx: CreditContext, result) -> None:
    """Fill result.disputes (a bureau with items to dispute or a letter sent), furnisher disputes, deadlines."""
    directory = bureau_directory()["bureaus"]
    log = dispute_log(ctx)
    for bureau in ("equifax", "experian", "transunion"):
        found = [f for f in result.findings if f.bureau == bureau and f.tradeline is not None]
        state = dispute_state(ctx, bureau, log)
        if not found and state is None:
            continue
        info = directory[bureau]
        dispute = BureauDispute(bureau, info["name"], list(info["address"]), _items(ctx, found))
        if state is not None:
            dispute.sent, dispute.due, dispute.extended = state.sent, state.due, state.extended
            dispute.answered, dispute.overdue = state.answered, state.overdue
            dispute.why_deadline, dispute.citations = state.why, state.citations
            if state.account is not None:
                result.account_deadlines.setdefault(state.account, []).append(state.deadline)
            else:
                result.deadlines.append(state.deadline)
        result.disputes.append(dispute)
    result.furnisher_disputes = furnisher_disputes(ctx, result.findings)


def furnisher_disputes(ctx: CreditContext, findings: list[CreditFinding]) -> list[FurnisherDispute]:
    """Direct disputes to furnishers, for problems the furnisher's own records prove."""
    direct = [f for f in findings if f.dispute_with[:1] == ["furnisher"] and f.furnisher]
    days = ctx.law_at(DIRECT_DAYS, ctx.as_of)
    out: list[FurnisherDispute] = []
    for f in direct:
        existing = next((d for d in out if same_company(d.furnisher, f.furnisher)), None)
        if existing is None:
            ref = ctx.tradelines[f.tradeline]
            account = ctx.account_for(ref)
            address = None
            if account is not None:
                holder = account.collector if account.collector and same_company(
                    account.collector.name, f.furnisher) else account.provider
                address = holder.address
            existing = FurnisherDispute(f.furnisher, address, account.id if account else None, [],
                                        int(days.value) if days else 30, days.citations if days else [])
            out.append(existing)
        existing.items.extend(i for i in _items(ctx, [f])
                              if i.tradeline not in [x.tradeline for x in existing.items])
        for item in existing.items:
            if item.tradeline == f.tradeline and not any(r["why"] == f.message for r in item.reasons):
                item.reasons.append({"rule": f.rule, "why": f.message, "citations": f.citations,
                                     "unconfirmed": f.unconfirmed})
    return out


def next_steps(ctx: CreditContext, result) -> list[str]:
    """What to do next, in plain words, in order."""
    steps: list[str] = []
    cfpb = bureau_directory()["cfpb_complaint"]
    to_send = [d for d in result.disputes if d.sent is None]
    if to_send:
        names = ", ".join(BUREAU_NAMES[d.bureau] for d in to_send)
        steps.append(f"Send a dispute letter to {names} (one letter each, by certified mail), listing each "
                     "item and why it is wrong, with a copy of the report marked up and your proof. "
                     "Keep copies. Each bureau must answer within 30 days of receiving it.")
    for fd in result.furnisher_disputes:
        steps.append(f"Also write to {fd.furnisher}"
                     f"{' at ' + fd.address if fd.address else ''}: it holds the records that prove the "
                     f"error and must investigate within {fd.days} days.")
    for d in result.disputes:
        if d.sent and not d.answered and not d.overdue:
            steps.append(f"Wait for {BUREAU_NAMES[d.bureau]}'s answer until {d.due}; if none comes, it "
                         "must delete what it could not verify.")
        if d.overdue:
            steps.append(f"{BUREAU_NAMES[d.bureau]} missed its {d.due} deadline: send a follow-up letter "
                         f"and file a complaint with the CFPB at {cfpb['online']} or {cfpb['phone']}.")
    if result.disputes and not any(d.overdue for d in result.disputes):
        steps.append(f"If a bureau does not answer in time, or keeps an item it could not verify, file a "
                     f"complaint with the Consumer Financial Protection Bureau ({cfpb['online']}, "
                     f"{cfpb['phone']}): it sends your complaint to the bureau, which must respond.")
    ban = result.status.get("state_ban") if result.status else None
    if ban and ban.get("ban") and any(f.rule == "CREDIT.STATE_BAN" for f in result.findings):
        steps.append(f"You can also complain to the {ctx.state} attorney general: {ctx.state} law "
                     f"({ban['law']}) bars this reporting.")
    if not result.findings and result.tradelines:
        steps.append("Nothing on the report breaks the rules checked here. Check it again after any "
                     "payment or settlement.")
    return steps


def dispute_summary(d: BureauDispute) -> str:
    """One line for the terminal: 'Equifax: 2 items, $5,430.00 (due 2026-12-01)'."""
    total = sum((i.balance or 0) for i in d.items)
    state = (f"sent {d.sent}, answer due {d.due}" + (" - OVERDUE" if d.overdue else "")) if d.sent \
        else "not sent yet"
    return f"{d.name}: {len(d.items)} item(s), {dollars(total)} reported; {state}"
