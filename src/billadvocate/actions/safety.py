"""Whether money advice is safe: no settlement, payment plan or hardship letter (and no NEGOTIATE or
PAYMENT_PLAN step) that can hurt the patient.

A letter the patient signs is a legal act. A payment or a signed promise can restart the limit to sue,
or revive a debt that was already too old to sue on; an offer concedes an amount. So money advice is
refused for a debt that is

- time-barred (the rights engine's `sol` says the limit to sue ran out), or
- not owed (the money engine's offer says `owed` is 0: a finding or a protection brings it to $0), or
- one whose limit to sue ends before the offer would close or during the plan, in a state where a
  payment or a signed writing restarts or revives it (unknown is treated as "it does"), or
- not yet known: the itemized bill is missing, or the bill has no procedure codes,

unless the case says the patient chose to pay anyway (`accounts[].patient_chose_to_pay`); the letters
then say, in the state's terms, that they acknowledge no debt, and the review warns why. A hardship
letter never goes to a debt buyer on a debt it cannot sue on, whatever the patient chose; and no money letter
at all is written where the patient has died or someone other than the patient deals with the bill (the rights
engine's DECEASED.WHO_PAYS): it would be signed in a name that may not owe it, whatever was chosen.

For the money engine (negotiate/plan.py, offer.py): `plan_must_end_before(sol)` is the day a payment
plan must not reach, and `offer_closes(as_of)` the day a settlement offer's payment would be made by.
A plan whose last payment falls on or after that day is refused here; shorten it or let it go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..states import NAMES

REPLY_DAYS = 30  # the settlement letter lapses this many days after it is written (letters/facts.py)
PAY_WITHIN_DAYS = 15  # and the patient pays within 15 days of the signed agreement (settlement_offer.j2)
REVIVERS = ("payment", "written_acknowledgment")
MONEY_LETTERS = ("settlement_offer", "payment_plan_offer", "hardship")


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def restarts(sol: dict[str, Any] | None) -> dict[str, bool]:
    """What restarts or revives the limit to sue in the state: {payment, written_acknowledgment}.

    Reads the rights engine's `restart` (before the limit runs out) and `revival` (after), when
    given; a rule the data does not state counts as restarting it (the safe reading)."""
    sol = sol or {}
    out = {}
    for what in REVIVERS:
        said = [r.get(what) for r in (sol.get("restart"), sol.get("revival")) if isinstance(r, dict)]
        out[what] = True if not said or any(v is None for v in said) else any(said)
    return out


def revives(sol: dict[str, Any] | None) -> dict[str, bool]:
    """What revives a debt after the limit to sue ran out: the rights engine's `revival` rule (else its
    `restart` rule); a rule the data does not state counts as reviving it (the safe reading)."""
    sol = sol or {}
    rule = sol.get("revival") if isinstance(sol.get("revival"), dict) else sol.get("restart")
    rule = rule if isinstance(rule, dict) else {}
    return {what: rule.get(what) is not False for what in REVIVERS}


def nothing_revives(sol: dict[str, Any] | None, name: str, lang: str = "en") -> str | None:
    """The plain sentence that, under the state's law, nothing done now restarts or revives a debt whose limit
    ran out, naming that law (N.Y. CPLR 214-i, Md. Cts. & Jud. Proc. 5-1202(b)(1), Wis. Stat. 893.05). None when
    the data does not say so plainly: something revives it, or the rule has no citation or was not confirmed in
    the statute's text (then the wording stays cautious)."""
    sol = sol or {}
    cite = sol.get("revival_citation")
    if any(revives(sol).values()) or sol.get("revival_unconfirmed") or not cite:
        return None
    cite = re.sub(r" \([^()]*\)$", "", str(cite))  # 'Md. Code ... 5-1202(b)(1) (SB 771, 2016)': the section only
    if lang == "es":
        return (f"Según la ley de {name} ({cite}), un pago, una carta firmada o cualquier otra cosa que haga ahora "
                "no reinicia el plazo para demandar ni revive la deuda.")
    return (f"Under {name} law ({cite}), a payment, a signed letter or anything else you do now does not restart the "
            "limit to sue or revive the debt.")


def time_barred(sol: dict[str, Any] | None) -> bool:
    """The limit to sue has run out (also when only a written contract could still extend it)."""
    return bool(sol and (sol.get("time_barred") or sol.get("status") in ("expired", "expired_unless_written_contract")))


def plan_must_end_before(sol: dict[str, Any] | None) -> date | None:
    """The day a payment plan (or a settlement payment) must not reach: the end of the limit to sue,
    where a payment or a signed writing restarts or revives it. None when no such day is known.

    For the money engine: a plan whose last payment is on or after this day is refused by
    `money_advice` (the patient would restart a limit that was about to protect them)."""
    if not sol or not any(restarts(sol).values()):
        return None
    return _day(sol.get("expires"))


def offer_closes(as_of: date) -> date:
    """The last day a settlement offer written today could be paid: it lapses after REPLY_DAYS, and
    the patient pays within PAY_WITHIN_DAYS of the signed agreement."""
    return as_of + timedelta(days=REPLY_DAYS + PAY_WITHIN_DAYS)


def plan_ends(plan: dict[str, Any] | None) -> date | None:
    """The day of a plan's last payment."""
    if not plan:
        return None
    rows = plan.get("schedule") or []
    if rows and isinstance(rows[-1], dict) and _day(rows[-1].get("date")):
        return _day(rows[-1]["date"])
    first, months = _day(plan.get("first_payment")), plan.get("months")
    if first and months:
        from dateutil.relativedelta import relativedelta

        return first + relativedelta(months=int(months) - 1)
    return None


def bill_known(review) -> bool:
    """The itemized bill is in the case and has procedure codes."""
    if not review.account.bill:
        return False
    return not any(f.rule == "BILL.NOT_ITEMIZED" for f in review.findings)


def not_owed(review) -> bool:
    """The money engine says nothing is owed (a finding or a protection brings it to $0)."""
    offer = review.offer if isinstance(review.offer, dict) else None
    owed = offer.get("owed") if offer else None
    try:
        return owed is not None and float(owed) <= 0
    except (TypeError, ValueError):
        return False


WHO_PAYS = "DECEASED.WHO_PAYS"  # rights/family_liability.LAW_NAME[0]


def someone_else_pays(review) -> dict[str, Any] | None:
    """The rights engine's answer to who must pay (the patient has died, or a relative deals with the bill):
    its protection, `applies` true when the person is not personally liable, null when they may be."""
    return next((p for p in getattr(review, "protections", None) or [] if isinstance(p, dict)
                 and p.get("id") == WHO_PAYS), None)


@dataclass
class MoneyAdvice:
    """Which money letters and steps are allowed for one account, and why not."""

    settlement: bool = True
    plan: bool = True
    hardship: bool = True
    reasons: list[str] = field(default_factory=list)  # why money advice is refused (plain words)
    warnings: list[str] = field(default_factory=list)  # for the review, when the patient chose to pay
    chose_to_pay: bool = False
    no_acknowledgment: dict[str, Any] | None = None  # what the letters must say when the patient chose to pay

    def allows(self, letter_type: str) -> bool:
        return {"settlement_offer": self.settlement, "payment_plan_offer": self.plan,
                "hardship": self.hardship}.get(letter_type, True)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def owed_nothing_because(review) -> str | None:
    """Why nothing is owed, when the money engine says so: 'assistance' (apply first), or a protection
    or finding ('medicaid', 'qmb', 'eob', 'void', or None for lines that should not be billed)."""
    if not not_owed(review):
        return None
    fair = (review.offer or {}).get("fair") or {}
    return fair.get("capped_by") or "lines"


def _what_words(rule: dict[str, bool]) -> str:
    """'a payment or a signed written acknowledgment or promise to pay': what a restart or revival rule
    (`restarts`/`revives`) names; '' when nothing does."""
    return " or ".join(w for w, on in (("a payment", rule["payment"]),
                                         ("a signed written acknowledgment or promise to pay",
                                          rule["written_acknowledgment"])) if on)


def _barred_words(sol: dict[str, Any], name: str) -> str:
    """Why money is not offered on a debt whose limit ran out, in the state's own terms."""
    if sol.get("suit_allowed") is False:
        return "and the law does not let whoever holds it sue on it: nothing needs to be paid or promised"
    what = _what_words(revives(sol))
    if not what:
        return f"and in {name} nothing revives it: nothing needs to be paid or promised"
    return f"and in {name} {what} could give the collector back the right to sue"


def money_advice(review, as_of: date, *, state: str) -> MoneyAdvice:
    """Whether a settlement, a payment plan and a hardship letter are safe for this account."""
    sol = review.sol or {}
    out = MoneyAdvice(chose_to_pay=bool(getattr(review.account, "patient_chose_to_pay", False)))
    name = NAMES.get(state, state)
    sol_reasons: list[str] = []
    settle_sol = plan_sol = False
    if sol.get("judgment"):  # reduced to a judgment: not 'too old to sue on', whatever the limit was (rights/sol.py)
        sol_reasons.append(f"a judgment was entered on {sol['judgment']}: talk to a lawyer or legal aid about asking the "
                           "court to set it aside before offering or paying anything")
        settle_sol = plan_sol = True
    elif time_barred(sol):
        sol_reasons.append(f"the limit to sue on this debt ran out on {sol.get('expires')}: it is too old to sue on, "
                           + _barred_words(sol, name))
        settle_sol = plan_sol = True
    else:
        limit = plan_must_end_before(sol)
        if limit is not None:
            revives = _what_words(restarts(sol))
            if limit <= offer_closes(as_of):
                settle_sol = True
                sol_reasons.append(f"the limit to sue ends on {limit}, before an offer made now would be paid; in "
                                   f"{name}, {revives} restarts it")
            end = plan_ends(review.plan if isinstance(review.plan, dict) else None)
            if end is not None and limit <= end:
                plan_sol = True
                sol_reasons.append(f"the limit to sue ends on {limit}, during the payment plan (last payment {end}); "
                                   f"in {name}, {revives} restarts it")
    unowed = not_owed(review)
    if unowed:
        said = (review.offer or {}).get("no_offer") if isinstance(review.offer, dict) else None
        sol_reasons.append(_lower_first(said.rstrip(".")) if said else
                           "nothing is owed on it once the problems found are corrected")
        settle_sol = plan_sol = True
    hardship_sol = settle_sol or plan_sol or time_barred(sol)
    if out.chose_to_pay and (settle_sol or plan_sol or hardship_sol):
        out.warnings.append("You chose to pay this debt anyway, so the offer letters are written; be aware that "
                            + "; ".join(sol_reasons) + ". The letters say that they acknowledge no debt.")
        out.no_acknowledgment = {"state": name, "revives": restarts(sol), "barred": time_barred(sol),
                                 "citations": list(sol.get("citations") or [])}
    else:
        out.settlement &= not settle_sol
        out.plan &= not plan_sol
        out.hardship &= not hardship_sol
        out.reasons += sol_reasons
    who = someone_else_pays(review)
    if who is not None:  # a dead patient's bill, or a relative's: nothing in their own name, chosen or not
        from ..rights.family_liability import MONEY_REASONS

        out.settlement = out.plan = out.hardship = False
        out.reasons.append(MONEY_REASONS["not_liable" if who.get("applies") else "may_be_liable"][0])
    collector = review.account.collector
    if collector is not None and collector.kind == "debt_buyer" and time_barred(sol):
        out.hardship = False  # never tell a debt buyer about the household on a debt it cannot sue on
        if not out.reasons:
            out.reasons.append("a debt buyer may not sue on this debt: tell it nothing about the household's money")
    if not bill_known(review):
        out.settlement = out.plan = out.hardship = False
        out.reasons.append("the itemized bill is not in hand yet: ask for it before offering or promising anything")
    return out


def guard_scripts(review, as_of: date, *, state: str) -> None:
    """Take the money offers out of the call scripts where money advice is refused, and say why."""
    advice = money_advice(review, as_of, state=state)
    if advice.settlement and advice.plan:
        return
    offer_words = ("payment in full", "i can offer", "would you accept", "will you accept")
    for script in review.call_scripts or []:
        if script.get("to") == "insurer":
            continue
        for key in ("say", "ask"):
            script[key] = [line for line in script.get(key, []) if not any(w in line.lower() for w in offer_words)]
        script.setdefault("never_say", []).append(
            "Do not offer, promise or agree to any payment on this account: " + "; ".join(advice.reasons) + ".")
