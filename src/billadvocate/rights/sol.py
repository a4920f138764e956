"""The statute of limitations on a medical debt: when suing on it becomes time-barred, and what moves the clock.

The period is the patient's state's (where a collector would sue). Each state's law
(states/<xx>/collection.yaml, read from its own statutes) gives:

- the periods: open account (how most medical bills are owed), written contract (shown as the longer
  alternative for a patient who signed an agreement), and, where the state has one, a medical-debt or
  consumer-debt period that overrides the open-account one (Florida 3 years from 2024-07-01, New York
  213-d / 214-i, Ohio 2305.07(C)...). Where two specific periods could apply, the later end is used
  (the safe choice for "too late to sue"), and `chosen_because` says so;
- when the clock starts (`start_rule`): the default or first delinquency (`default_or_last_payment`),
  the day the dealings ceased (Texas 16.004(c): the latest of the last day of care, the first bill and the
  first delinquency, or a later payment), thirty days after the last charge or payment (Ohio
  2305.07(C)), the date of treatment (New York 213-d), the later of the service or the last partial
  payment (Arkansas 16-56-106), or plain accrual (payments do not move it);
- what starts the clock again BEFORE it runs out (`restart`) and what revives the debt AFTER it ran out
  (`revival`): a payment, a signed written acknowledgment, or nothing (California CCP 360: a payment
  does not revive; New York 214-i: nothing revives);
- whether a time-barred debt may still be sued on or collected, and any debt-buyer limit.

The period in force is looked up on the day the clock (re)started. A rule the data leaves open (null)
counts as restarting or reviving: warnings must not understate the risk.
"""

from __future__ import annotations

import re

from datetime import date, timedelta
from typing import Any

from ..law import Law, law as shipped_law
from ..law.parameters_model import DatedValue
from ..model import Account, Case
from ..states import NAMES
from .benefits import PATH as BENEFITS, benefits_left

ACKNOWLEDGMENTS = ("acknowledgment", "promise_to_pay", "payment_plan_agreement")
SPECIFIC = ("medical", "consumer_debt")  # periods that override the open-account one where they apply
# a payment made before the limit runs out moves these starts: the rule runs from the last payment, or (Texas
# 16.004(c), 'the day that the dealings ... cease') a court may find the dealings went on until that payment
PAYMENT_MOVES_START = ("service_or_last_payment", "last_charge_or_payment", "last_charge_or_payment_plus_30",
                       "dealings_ceased")
PAYMENT_NEVER_MOVES = ("accrual",)
CATEGORY_WORDS = {"open_account": "open-account", "medical": "medical-debt", "consumer_debt": "consumer-debt"}


def _at(lw: Law, path: str, on: date) -> DatedValue:
    p = lw.parameter(path)
    try:
        return p.at(on)
    except KeyError:  # a start before the first recorded value: use the oldest one
        return p.values[0]


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + int(years))
    except ValueError:
        return d.replace(year=d.year + int(years), day=28)


def _day(at) -> date:
    return at.date() if hasattr(at, "date") and callable(at.date) else at


def _on(flag) -> bool:
    """A rule the data leaves open (None) counts as on: the safe reading for warnings and for "too late to sue"."""
    return flag is not False


class _Clock:
    """One candidate period run over the patient's payments and signed acknowledgments."""

    def __init__(self, lw: Law, base: str, category: str, code: str, start: date, basis: str):
        self.lw, self.base, self.category, self.code = lw, base, category, code
        self.start, self.basis = start, basis
        self.used: list[DatedValue] = []
        self.restarted_by: list[str] = []
        self.revived_by: list[str] = []
        self.not_moved: list[str] = []
        self.first_ran_out: date | None = None  # the end the limit reached before a revival moved it
        self.years_dv = self._years(start)

    def _years(self, on: date) -> DatedValue:
        dv = _at(self.lw, f"{self.base}.{self.category}", on)
        self.used.append(dv)
        return dv

    @property
    def expires(self) -> date:
        return _add_years(self.start, int(self.years_dv.value))

    def _moved(self, day: date) -> None:
        self.start = day + timedelta(days=30) if self.code == "last_charge_or_payment_plus_30" else day
        self.years_dv = self._years(self.start)

    def run(self, events: list[tuple[date, str, str]]) -> None:
        for day, kind, label in events:
            if day <= self.start:
                continue
            before = day <= self.expires
            rule_dv = _at(self.lw, f"{self.base}.{'restart' if before else 'revival'}", day)
            rule = rule_dv.value or {}
            if kind == "payment":
                moves = _on(rule.get("payment"))
                if before and self.code in PAYMENT_MOVES_START:
                    moves = True  # the start rule itself runs from the last payment
                if self.code in PAYMENT_NEVER_MOVES and before:
                    moves = False
            else:
                moves = _on(rule.get("written_acknowledgment"))
            self.used.append(rule_dv)
            if moves:
                (self.restarted_by if before else self.revived_by).append(label)
                if not before and self.first_ran_out is None:
                    self.first_ran_out = self.expires
                self._moved(day)
            else:
                when = "before the limit ran out" if before else "after the limit ran out"
                self.not_moved.append(f"{label}: {when}, and in this state it does not "
                                      f"{'restart the clock' if before else 'revive the debt'}")


def _start_for(code: str, account: Account, default: tuple[date, str] | None) -> tuple[date, str] | None:
    """The first start of the clock under a start rule, and how it was found."""
    care = account.care
    last_service = care.end or care.start
    if code == "treatment" and care.start:
        return care.start, f"the date of treatment ({care.start})"
    if code == "dealings_ceased":
        # Texas 16.004(c): the day the dealings ceased. The last day of care is the earliest a court could find;
        # the account was still being billed and fell due later (Capital One v. Conti, 345 S.W.3d 490: the last
        # payment alone does not fix the day), so the latest known day of the dealings is taken - never barred
        # earlier than a court could find
        known = [(d, what) for d, what in ((last_service, "the last day of care"),
                                           (account.first_bill_date, "the first bill"),
                                           (default[0] if default and default[1].startswith("the first delinquency")
                                            else None, "the first delinquency on the credit report")) if d]
        if known:
            day, what = max(known, key=lambda k: k[0])
            others = [f"{w} ({d})" for d, w in known if (d, w) != (day, what)]
            return day, (f"the day the dealings ceased, taken as {what} ({day})"
                         + (f", the latest of it and {' and '.join(others)}" if others else ""))
    if code == "service_or_last_payment" and last_service:
        return last_service, f"the date of the last service ({last_service})"
    if code == "last_charge_or_payment_plus_30":
        charge = last_service or account.first_bill_date
        if charge:
            return charge + timedelta(days=30), f"thirty days after the last charge ({charge})"
    if default is None:
        return None
    if code != "default_or_last_payment" and code != "accrual":
        day, basis = default
        return day, f"{basis} (the care dates that this state's start rule needs are missing; the later date is used)"
    return default


def sol_status(case: Case, account: Account, as_of: date, lw: Law | None = None) -> dict[str, Any]:
    """The statute-of-limitations status of one account as of a date (a JSON-ready dict)."""
    lw = lw or shipped_law()
    state = case.patient.state
    base = f"states.{state.lower()}.collection.sol"
    out: dict[str, Any] = {"state": state, "category": None, "years": None, "written_contract_years": None,
                           "starts": None, "start_basis": None, "start_rule": None, "expires": None,
                           "expires_if_written_contract": None, "status": "unknown", "time_barred": None,
                           "expired": None, "restarted_by": [], "revived_by": [], "first_ran_out": None,
                           "not_restarted_or_revived_by": [], "judgment": None, "other_ends": [],
                           "restart": None, "revival": None, "restarts_on_payment": None, "restarts_on_writing": None,
                           "revives_on_payment": None, "revives_on_writing": None, "revival_citation": None,
                           "revival_unconfirmed": None, "suit_allowed": None,
                           "collection_allowed": None, "debt_buyer_rule": None, "chosen_because": [],
                           "warning": None, "citations": [], "unconfirmed": False, "unconfirmed_values": []}
    if f"{base}.open_account" not in lw:
        out["warning"] = f"no statute-of-limitations data for {state}"
        return out
    delinquencies = [t.first_delinquency for t in (case.credit_report.tradelines if case.credit_report else [])
                     if t.first_delinquency and t.account in (None, account.id)
                     and (t.account == account.id or _names_match(t.furnisher, account))]
    if delinquencies:
        default = (min(delinquencies), f"the first delinquency on the credit report ({min(delinquencies)})")
    elif account.first_bill_date:
        default = (account.first_bill_date, f"the first bill date ({account.first_bill_date}); the real start "
                                            "(the due date or the last payment) may be later")
    else:
        default = None
    events = _patient_events(account, as_of)
    clocks = []
    for category in ("open_account", *SPECIFIC):
        path = f"{base}.{category}"
        if path not in lw:
            continue
        if category == "open_account":
            rule_dv = _at(lw, f"{base}.start_rule", default[0] if default else as_of) if f"{base}.start_rule" in lw else None
            code = rule_dv.value if rule_dv else "default_or_last_payment"
        else:
            rule_dv, code = None, lw.parameter(path).meta.get("start_code") or "default_or_last_payment"
        first = _start_for(code, account, default)
        if first is None:
            continue
        clock = _Clock(lw, base, category, code, *first)
        if rule_dv:
            clock.used.append(rule_dv)
        clock.run(events)
        if category in SPECIFIC and not lw.parameter(path).in_force(clock.start):
            continue  # the medical- or consumer-debt period was not yet law when this clock started
        if category in SPECIFIC and lw.parameter(path).meta.get("who") == "providers" and \
                account.collector is not None and account.collector.kind == "debt_buyer":
            continue  # a period only for suits by the hospital or clinic does not reach a debt buyer's suit
        clocks.append(clock)
    if not clocks:
        out["warning"] = "the case gives no first bill date or first delinquency, so the clock's start is unknown"
        return out
    chosen, because = _choose(clocks, NAMES[state])
    written_dv = _at(lw, f"{base}.written_contract", chosen.start)
    for what, dv in (("period", chosen.years_dv), ("written-contract period", written_dv)):
        if dv.unconfirmed:
            because.append(f"The {dv.value}-year {what} ({dv.citations[0]}) was not confirmed in the statute's text: "
                           f"{dv.note}")
    used = chosen.used + ([written_dv] if chosen.category == "open_account" else [])
    years, written = int(chosen.years_dv.value), int(written_dv.value)
    out.update(category=chosen.category, years=years, written_contract_years=written, starts=chosen.start,
               start_rule=chosen.code, expires=chosen.expires, chosen_because=because,
               restarted_by=chosen.restarted_by, revived_by=chosen.revived_by, first_ran_out=chosen.first_ran_out,
               not_restarted_or_revived_by=chosen.not_moved)
    out["start_basis"] = chosen.basis + "".join(
        f", {'restarted' if lbl in chosen.restarted_by else 'revived'} by {_in_words(lbl)}"
        for lbl in (chosen.restarted_by + chosen.revived_by)[-1:])
    if written > years and chosen.category == "open_account":
        out["expires_if_written_contract"] = _add_years(chosen.start, written)
    latest = out["expires_if_written_contract"] or out["expires"]
    if as_of > latest:
        out["status"], out["time_barred"] = "expired", True
    elif as_of > out["expires"]:
        out["status"], out["time_barred"] = "expired_unless_written_contract", True
    else:
        out["status"], out["time_barred"] = "running", False
    out["expired"] = out["time_barred"]  # the same answer under the name other engines read
    out["judgment"] = judgment_day(account, as_of)
    # the other specific period that could apply (the later end is chosen): a suit after its end can still be met
    # with it, so the answer deadline names it
    out["other_ends"] = [{"category": c.category, "expires": c.expires, "citation": c.years_dv.citations[0]}
                         for c in clocks if c is not chosen and c.category != "open_account" and c.expires < chosen.expires]
    _rules_now(out, lw, base, as_of, chosen.code, account)
    benefits = ""
    if out["judgment"] and BENEFITS in lw and lw.parameter(BENEFITS).in_force(as_of):  # what a bank levy must leave
        used.append(lw.at(BENEFITS, as_of))
        benefits = benefits_left(int(used[-1].value))
    out["warning"] = _warning(out, NAMES[state], benefits)
    out["citations"] = list(dict.fromkeys(c for dv in used for c in dv.citations
                                          if not c.startswith("billadvocate research file")))
    out["unconfirmed"] = any(dv.unconfirmed for dv in used)
    out["unconfirmed_values"] = _unconfirmed(lw, base, used, as_of)
    return out


def judgment_day(account: Account, as_of: date) -> date | None:
    """The day of the first judgment the log records against the patient (a provider's or collector's
    `legal_action` of type `judgment`), or None."""
    days = [_day(ev.at) for ev in account.events if ev.kind == "legal_action" and ev.type == "judgment"
            and ev.from_ in ("provider", "collector") and _day(ev.at) <= as_of]
    return min(days) if days else None


def _patient_events(account: Account, as_of: date) -> list[tuple[date, str, str]]:
    out = []
    for i, ev in enumerate(account.events):
        day = _day(ev.at)
        if ev.from_ != "patient" or day > as_of:
            continue
        if ev.kind == "payment":
            out.append((day, "payment", f"events[{i}] (payment on {day})"))
        elif ev.type in ACKNOWLEDGMENTS:
            out.append((day, "writing", f"events[{i}] (written acknowledgment on {day})"))
    return sorted(out)


def _choose(clocks: list[_Clock], name: str) -> tuple[_Clock, list[str]]:
    general = next((c for c in clocks if c.category == "open_account"), None)
    specific = [c for c in clocks if c.category != "open_account"]
    if not specific:
        return general, [f"{name}'s open-account period applies (no medical- or consumer-debt period was in force "
                         f"when the clock started)."]
    chosen = max(specific, key=lambda c: c.expires)
    why = [f"{name}'s {CATEGORY_WORDS[chosen.category]} period ({int(chosen.years_dv.value)} years, "
           f"{chosen.years_dv.citations[0]}) overrides the open-account period for a medical bill."]
    others = [c for c in specific if c is not chosen]
    if others:
        o = others[0]
        why.append(f"The {CATEGORY_WORDS[o.category]} period ({o.years_dv.citations[0]}) could also apply and would end "
                   f"on {o.expires}; the later end ({chosen.expires}) is used, the safe choice for 'too late to sue'.")
    if general and general.expires != chosen.expires:
        why.append(f"Without it, the open-account period would end on {general.expires}.")
    return chosen, why


def _in_words(label: str) -> str:
    """'events[0] (payment on 2023-01-10)' as a patient reads it: 'the payment on 2023-01-10'."""
    m = re.fullmatch(r"events\[\d+\] \((.*)\)", label)
    return f"the {m.group(1)}" if m else label


_NOTHING_REVIVES = re.compile(r"\bno payment\b[^;.]*\brevives\b", re.I)


def _rules_now(out: dict, lw: Law, base: str, as_of: date, code: str, account: Account) -> None:
    restart = dict(_at(lw, f"{base}.restart", as_of).value or {}) if f"{base}.restart" in lw else {}
    revival_dv = _at(lw, f"{base}.revival", as_of)
    revival = dict(revival_dv.value or {})
    out["restart"], out["revival"] = restart or None, revival
    # the law the revival rule in force today was read in (the wording of 'nothing revives it' names it), and
    # whether it was confirmed in the statute's text (an unconfirmed rule is never stated as plain law)
    out["revival_citation"] = next((c for c in revival_dv.citations if not c.startswith("billadvocate research")),
                                   None)
    out["revival_unconfirmed"] = bool(revival_dv.unconfirmed)
    out["restarts_on_payment"] = (code in PAYMENT_MOVES_START or _on(restart.get("payment"))) and code not in PAYMENT_NEVER_MOVES
    out["restarts_on_writing"] = _on(restart.get("written_acknowledgment"))
    out["revives_on_payment"] = _on(revival.get("payment"))
    out["revives_on_writing"] = _on(revival.get("written_acknowledgment"))
    if f"{base}.barred_debt" in lw:
        barred = _at(lw, f"{base}.barred_debt", as_of).value or {}
        kind = account.collector.kind if account.collector else None
        who = str(barred.get("who") or "anyone")
        applies = who == "anyone" or (who == "debt buyers" and kind == "debt_buyer") or \
            (who == "debt collectors" and kind is not None)
        out["suit_allowed"] = bool(barred.get("suit_allowed", True)) if applies else True
        out["collection_allowed"] = bool(barred.get("collection_allowed", True)) if applies else True
    if f"{base}.debt_buyer" in lw:
        out["debt_buyer_rule"] = _at(lw, f"{base}.debt_buyer", as_of).value
        # a state rule that nothing revives a debt a debt buyer holds (Texas Fin. Code 392.307) wins over the
        # general revival rule for that holder, so the warning and the first step say the same thing
        rule = str(out["debt_buyer_rule"] or "")
        if account.collector and account.collector.kind == "debt_buyer" and _NOTHING_REVIVES.search(rule):
            out["revives_on_payment"] = out["revives_on_writing"] = False


def _judged_warning(out: dict, name: str, benefits: str = "") -> str:
    """A judgment is logged: the limit to sue decides nothing now (the judgment is enforced on its own, much longer
    terms), and a limitations defence not raised before judgment is heard only if the judgment is set aside.
    `benefits`: the sentence on what a bank must leave (rights/benefits.py), or ''."""
    warn = (f"A judgment was entered on {out['judgment']}: the limit to sue no longer protects you. The judgment can "
            f"be enforced for many years, for example by taking money from a bank account (except money the law "
            f"protects), unless the court sets it aside.{' ' + benefits if benefits else ''} Talk to legal aid now "
            f"about asking the court to set it aside: the time allowed is short.")
    if out["status"] != "running":
        warn += (f" The {out['years']}-year limit to sue ran out on {out['expires']}: if the lawsuit was filed after "
                 f"that day, tell the lawyer; it is a defence the court can hear only if the judgment is set aside.")
        if out["suit_allowed"] is False or out["collection_allowed"] is False:
            warn += (f" {name} law also bars this debt's owner from suing on it once the limit has run out: tell the "
                     f"lawyer that too.")
    return warn


def _warning(out: dict, name: str, benefits: str = "") -> str:
    if out.get("judgment"):
        return _judged_warning(out, name, benefits)
    years, expires = out["years"], out["expires"]
    restart = [w for w, on in (("a payment", out["restarts_on_payment"]),
                               ("a signed written acknowledgment or promise to pay", out["restarts_on_writing"])) if on]
    revive = [w for w, on in (("a payment", out["revives_on_payment"]),
                              ("a signed written acknowledgment or promise to pay", out["revives_on_writing"])) if on]
    if out["status"] == "running":
        warn = (f"In {name}, {' or '.join(restart)} before {expires} may restart the {years}-year clock: do not pay "
                f"anything or sign anything about this debt before deciding."
                + ("" if out["restarts_on_payment"] else " A payment alone does not restart it.") if restart else
                f"In {name}, a payment or a signed writing does not restart the {years}-year clock, which runs to {expires}.")
    else:
        warn = (f"The {years}-year limit to sue ran out on {expires}: a collector may still ask, but may not sue or "
                f"threaten to. ")
        if out["status"] == "expired_unless_written_contract":
            warn += (f"If you signed a written agreement to pay for this care, the limit may instead run to "
                     f"{out['expires_if_written_contract']}: if you are sued, still raise the statute of limitations. ")
        warn += (f"In {name}, {' or '.join(revive)} now could revive the debt: do not pay or sign anything about it "
                 f"before getting advice." if revive else
                 f"In {name}, nothing you pay or sign now revives it (a payment, a signed writing or other activity "
                 f"does not restart a limit that has run out).")
    for label in out["not_restarted_or_revived_by"][:1]:
        what = label.split(" (", 1)[1].split(")")[0]
        warn += (f" Your {what} did not revive it." if "after the limit" in label else
                 f" Your {what} did not restart the clock.")
    if out["first_ran_out"] and out["revived_by"]:
        # revival is the plaintiff's to plead and prove, and a limitations defence not raised is lost
        what = _in_words(out["revived_by"][0]).removeprefix("the ")
        warn += (f" The limit first ran out on {out['first_ran_out']}; your {what} may have revived it, but whoever "
                 f"sues must prove that it did: if you are sued, still raise the statute of limitations.")
    if out["suit_allowed"] is False and out["status"] != "running":
        warn += " This debt's owner may not sue on it at all under state law."
    if out["collection_allowed"] is False and out["status"] != "running":
        warn += f" In {name} the debt itself ended with the limit: it may not be collected at all."
    return warn


def _unconfirmed(lw: Law, base: str, used: list[DatedValue], as_of: date) -> list[dict[str, str]]:
    """Every unconfirmed value the status rests on or warns about, with the note saying what was searched."""
    out, seen = [], set()
    for key in ("open_account", "written_contract", "medical", "consumer_debt", "start_rule", "restart", "revival",
                "barred_debt"):
        path = f"{base}.{key}"
        if path not in lw:
            continue
        p = lw.parameter(path)
        for dv in [d for d in used if d in p.values] or [_at(lw, path, as_of)]:
            if dv.unconfirmed and (path, dv.start) not in seen:
                seen.add((path, dv.start))
                out.append({"value": f"{key} (from {dv.start})", "note": dv.note or ""})
    return out


def _names_match(furnisher: str, account: Account) -> bool:
    names = [account.provider.name] + ([account.collector.name] if account.collector else [])
    return any(" ".join(furnisher.casefold().split()) == " ".join(n.casefold().split()) for n in names)


def sol_json(sol: dict[str, Any]) -> dict[str, Any]:
    """The status with dates as ISO text."""
    iso = lambda v: v.isoformat() if isinstance(v, date) else v  # noqa: E731
    return {k: ([{kk: iso(vv) for kk, vv in o.items()} for o in v] if k == "other_ends" else iso(v))
            for k, v in sol.items()}
