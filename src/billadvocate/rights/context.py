"""What the rights rules see: one account's log read in the patient's time zone, and the law.

Every event becomes a `Happening` with its local day and (when it has one) its local time. An
event time with a zone is converted to the patient's zone; a time without a zone is read in that
zone; a bare date has no time of day. Credit-report tradelines furnished by the collector or the
provider become `credit_reporting` happenings on their `reported` date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ..calendar import add_business_days
from ..law import DatedValue, Law
from ..model import Account, Case

COMMUNICATIONS = ("call", "letter", "email", "text", "in_person")
COLLECTION_ACTIVITY = COMMUNICATIONS + ("legal_action", "credit_reporting")
INSTANT_METHODS = ("email", "portal", "fax", "text", "online", "in_person")


@dataclass(frozen=True)
class Happening:
    """One entry of the log (or a reported tradeline), placed in the patient's day and time."""

    source: str  # "events[3]" or "credit_report.tradelines[0]"
    index: int | None  # position in account.events
    kind: str
    by: str  # patient | provider | collector | insurer | bureau
    day: date
    local: datetime | None  # None for a bare date
    type: str | None = None
    conversation: bool | None = None
    consent: bool | None = None
    method: str | None = None
    received: date | None = None
    note: str | None = None
    to: str | None = None

    def ref(self) -> str:
        when = self.local.strftime("%Y-%m-%d %H:%M") if self.local else self.day.isoformat()
        what = self.kind.replace("_", " ") + (f" ({self.type})" if self.type else "")
        # in words a patient can find on paper: the case log or the credit report, never a data path (events[3])
        where = "the credit report" if self.source.startswith("credit_report") else "the case log"
        return f"{where}: {when} {what} from {self.by}"

    def sort_key(self) -> tuple:
        return (self.day, self.local.timetz().replace(tzinfo=None) if self.local else time(0), self.index or 0)


def possessive(name: str) -> str:
    """'Valley Clinic's', but 'Lakefront Emergency Physicians'' (a name ending in s)."""
    return name + ("'" if name.endswith("s") else "'s")


def local_time(at: datetime | date, zone: ZoneInfo) -> datetime | None:
    if not isinstance(at, datetime):
        return None
    return at.replace(tzinfo=zone) if at.tzinfo is None else at.astimezone(zone)


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(a.casefold().split()) == " ".join(b.casefold().split())


@dataclass
class Context:
    """One account of a case, as of a date, with the law in force; rules read only this."""

    case: Case
    account: Account
    as_of: date
    law: Law
    used: list[DatedValue] = field(default_factory=list)  # law values the current rule relied on

    def __post_init__(self) -> None:
        self.zone = ZoneInfo(self.case.patient.zone)
        # what is logged after the as-of date has not happened yet, as far as this analysis goes
        self.happenings = sorted((h for h in self._read_log() if h.day <= self.as_of), key=Happening.sort_key)

    # ------------------------------------------------------------ law
    def value(self, path: str, on: date | None = None):
        """The law value in force on `on` (default: the as-of date), remembered for citations."""
        dv = self.law.at(path, on or self.as_of)
        self.used.append(dv)
        return dv.value

    def has(self, path: str, on: date | None = None) -> bool:
        return path in self.law and self.law.parameter(path).in_force(on or self.as_of)

    # ------------------------------------------------------------ the log
    def _read_log(self) -> list[Happening]:
        out = []
        for i, ev in enumerate(self.account.events):
            local = local_time(ev.at, self.zone)
            out.append(Happening(
                source=f"events[{i}]", index=i, kind=ev.kind, by=ev.from_,
                day=local.date() if local else ev.at, local=local, type=ev.type,
                conversation=ev.conversation, consent=ev.consent, method=ev.method,
                received=ev.received, note=ev.note, to=ev.to))
        logged = {(h.kind, h.by, h.day) for h in out}
        report = self.case.credit_report
        for j, t in enumerate(report.tradelines if report else []):
            if t.reported is None:
                continue
            collector = self.account.collector
            if collector and _same_name(t.furnisher, collector.name):
                by = "collector"
            elif _same_name(t.furnisher, self.account.provider.name):
                by = "provider"
            else:
                continue
            if t.account not in (None, self.account.id) or ("credit_reporting", by, t.reported) in logged:
                continue
            out.append(Happening(source=f"credit_report.tradelines[{j}]", index=None, kind="credit_reporting",
                                 by=by, day=t.reported, local=None, type=t.bureau,
                                 note=f"{t.bureau} tradeline furnished by {t.furnisher}"))
        return out

    def by(self, who: str, kinds: tuple[str, ...] | None = None) -> list[Happening]:
        return [h for h in self.happenings if h.by == who and (kinds is None or h.kind in kinds)]

    # ------------------------------------------------------------ facts the rules share
    @property
    def collector_covered(self) -> bool:
        """Whether the account is held by an FDCPA debt collector (agency, debt buyer, attorney)."""
        c = self.account.collector
        if c is None or not self.has("federal.fdcpa.scope.collector_kinds"):
            return False
        return c.kind in self.value("federal.fdcpa.scope.collector_kinds")

    def first_collector_contact(self, *, consumer_only: bool = False) -> Happening | date | None:
        """The collector's first communication (or its logged first_contact day). `consumer_only`: leave out a
        communication to the person of `contact:` who is not a consumer the collector owes notices to (a relative
        who does not handle the estate: 12 CFR 1006.2(e), 1006.34(a))."""
        c = self.account.collector
        contacts = self.by("collector", COMMUNICATIONS)
        if consumer_only and not (self.case.contact and self.case.contact.handles_estate):
            contacts = [h for h in contacts if h.to != "contact"]
        first = contacts[0] if contacts else None
        if c and c.first_contact and (first is None or c.first_contact < first.day):
            return c.first_contact
        return first

    def received_on(self, h: Happening) -> tuple[date, str]:
        """When a patient's letter reached the other side: the logged delivery date, the same day
        for email/portal/fax, else assumed 5 business days after mailing (as Reg F lets collectors)."""
        if h.received:
            return h.received, f"delivered {h.received}"
        if h.kind in ("email", "text", "in_person") or (h.method or "").lower() in INSTANT_METHODS:
            return h.day, f"sent electronically on {h.day}"
        return add_business_days(h.day, 5), f"mailed {h.day}, assumed delivered 5 business days later"

    def validation_period_end(self) -> tuple[date, str] | None:
        """The end of the validation period and how it was found (12 CFR 1006.34(b)(5))."""
        c = self.account.collector
        vn = c.validation_notice if c else None
        if vn is None or (vn.received is None and vn.sent is None):
            return None
        if vn.received:
            regf = self.has("federal.regulation_f.validation.period_days", vn.received)
            days = self.value("federal.regulation_f.validation.period_days" if regf else "federal.fdcpa.validation.dispute_days",
                              vn.received)
            return vn.received + _days(days), f"{days} days after the notice was received on {vn.received}"
        if not self.has("federal.regulation_f.validation.assumed_receipt_business_days", vn.sent):
            return None
        days = self.value("federal.regulation_f.validation.period_days", vn.sent)
        n = self.value("federal.regulation_f.validation.assumed_receipt_business_days", vn.sent)
        receipt = add_business_days(vn.sent, n)
        return receipt + _days(days), (f"{days} days after the assumed receipt on {receipt} ({n} business days, "
                                       f"not counting weekends and federal holidays, after it was sent on {vn.sent})")

    @property
    def provider_state(self) -> str:
        return self.account.provider.state or self.case.patient.state

    @property
    def uninsured(self) -> bool:
        return bool(self.case.insurance and self.case.insurance.status == "uninsured")


def _days(n: int):
    from datetime import timedelta

    return timedelta(days=int(n))
