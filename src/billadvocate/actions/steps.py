"""The steps of the plan, one small builder per kind, and the order they are shown in."""

from __future__ import annotations

import re

from datetime import date, timedelta
from typing import Any

from ..rights.nsa_scope import no_estimate
from ..states import NAMES
from .safety import bill_known, money_advice, nothing_revives, owed_nothing_because, revives, time_barred

MAX_NUMBERED = 7
URGENT_DAYS = 60  # a deadline this close orders the step before the steps without one
FREE_CARE_RANK_DAYS = 14  # a free-care application ranks as if due this soon (see _free_care_first)
BUREAU_NAMES = {"equifax": "Equifax", "experian": "Experian", "transunion": "TransUnion"}
# kind -> title template; the order is the order of steps without a deadline
KINDS = {
    "ANSWER_LAWSUIT": "Answer the lawsuit",
    "DONT_PAY_OWN_MONEY": "Don't pay this from your own money yet",  # a dead patient's or a relative's bill (estate.py)
    "TELL_OF_DEATH": "Tell the collector in writing that the patient has died and who handles the estate",
    "DO_NOT_PAY": "Do not pay or sign anything on this old debt",
    "REQUEST_ITEMIZED_BILL": "Ask for the itemized bill",
    "DISPUTE_DEBT": "Dispute the debt with the collector in writing",
    "FILE_NSA_DISPUTE": "Start the No Surprises Act dispute",
    "APPEAL_DENIAL": "Appeal the insurance denial",
    "DISPUTE_BILL": "Dispute the billing errors",
    "ASK_INSURER": "Ask the insurer how it processed the claim",
    "APPLY_FOR_ASSISTANCE": "Apply for financial assistance",
    "DISPUTE_CREDIT": "Dispute the credit report",
    "STOP_CONTACT": "Tell the collector to stop contacting you",
    "COMPLAIN": "File a complaint",
    "SEE_A_LAWYER": "Talk to a consumer lawyer",
    "NEGOTIATE": "Offer a settlement",
    "PAYMENT_PLAN": "Propose a payment plan",
}
_ORDER = {k: i for i, k in enumerate(KINDS)}
APPLY_POLICY = "Ask the hospital to apply its financial-assistance policy"  # DISPUTE_BILL with no error on the bill


def _step(kind: str, account: str | None, why: str, *, due: date | None = None, title: str | None = None,
          letter: str | None = None, script: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "account": account, "due": due, "title": title or KINDS[kind], "why": why,
            "letter": letter, "script": script}


def _letter(r, letter_type: str) -> dict | None:
    return next((e for e in r.letters if e["type"] == letter_type), None)


def _due(r, kind: str, as_of: date) -> date | None:
    days = [d.date for d in r.deadlines if d.kind == kind and d.date >= as_of]
    return min(days) if days else None


def _apply_step(r, as_of: date, why: str, letter: str | None = None) -> dict[str, Any]:
    """APPLY_FOR_ASSISTANCE: due on the last day of the application period, unless a program the patient is
    likely eligible for takes an application at any time (then no date that could seem to close the door:
    apply now). Its rank when the help would leave nothing owed: `_free_care_first`."""
    any_time = [p for p in (r.assistance or {}).get("programs", []) if p.get("eligible") is True and p.get("any_time")]
    due = None if any_time else _due(r, "FAP_APPLICATION_END", as_of)
    if any_time:
        why = why.rstrip() + (f" {any_time[0].get('name') or 'This program'} takes an application at any time, even "
                              "after the bill went to collection, so there is no last day: apply now.")
    return _step("APPLY_FOR_ASSISTANCE", r.account.id, why, due=due, letter=letter)


def _script(r, to: str) -> str | None:
    return to if any(s.get("to") == to for s in r.call_scripts or []) else None


# where only a signed writing revives, a payment still must not carry one: signed checks noting the debt were part of
# the written acknowledgment in Gilman Corp. v. Williams (Va. 1976) (scripts/state_law/va.yaml)
CHECK_NOTE = (" A payment alone does not revive it, but a payment sent with something you sign admitting the debt (such "
              "as a note on a check) can.")
HOLDERS = {"debt_buyer": "the debt buyer", "agency": "the collection agency", "attorney": "the collection law firm"}


def holder_words(kind: str | None) -> str:
    """Who holds the debt now, as the steps name it ('the debt buyer'); the provider when no collector."""
    return HOLDERS.get(kind or "", "the provider")


def _revival_words(sol: dict, state: str, holder: str | None = None) -> str:
    """What paying or signing would do to a time-barred debt here, from the rights engine's `sol`: whether
    this holder may still sue on it (`suit_allowed`, `collection_allowed`, a state's debt-buyer rule) and
    what revives it (`revival`)."""
    name = NAMES.get(state, state)
    who = holder_words(holder)
    r = revives(sol)
    what = [w for w, on in (("a payment, however small", r["payment"]),
                            ("a signed letter admitting the debt or promising to pay", r["written_acknowledgment"]))
            if on]
    plain = nothing_revives(sol, name)  # the state's law says nothing revives it: say so, naming the law
    if sol.get("collection_allowed") is False:
        bar = f"{who} may not sue you on or collect a debt this old" if sol.get("suit_allowed") is False else \
            "a debt this old may not be collected at all"
        return f"In {name}, {bar}: do not pay or sign anything, and tell the collector so in writing." + (
            f" {plain}" if plain else "")
    if sol.get("suit_allowed") is False:  # a state law bars this holder's suit (Tex. Fin. Code 392.307, CCP 337(d))
        rule = sol.get("debt_buyer_rule") if holder == "debt_buyer" else None
        out = f"In {name}, {who} may not sue you on a debt this old" + (
            f" ({name} law for debt buyers: {str(rule).rstrip('.')})." if rule else ".")
        if not what:
            out += " " + (plain or "Nothing you pay or sign now revives it.")
        elif not rule:
            out += (f" Even so, {' or '.join(what)} could be argued to restart the limit, so talk to a lawyer before "
                    "paying or signing anything.")
        return out + " Paying is your choice, not a duty: do not pay or sign anything before deciding."
    if not what and plain:
        return plain + " Paying is your choice, not a duty: do not pay or sign anything before deciding."
    if not what:
        return (f"In {name}, a payment is not known to revive a debt this old, but do not pay or sign anything "
                "before talking to a lawyer.")
    return (f"In {name}, {' or '.join(what)} can revive it: the collector could then sue for the whole amount. "
            "A phone promise can be used against you too."
            + (CHECK_NOTE if not r["payment"] and not sol.get("revival_unconfirmed") else ""))


JUDGED_TITLE = "Ask a lawyer now about having the judgment set aside"  # ANSWER_LAWSUIT once a judgment is logged


JUDGED_LAWSUIT = ("A judgment was entered on {day} in the lawsuit over this debt: the time to answer has passed. Ask the "
                  "court clerk today for a copy of the judgment. A court can set aside a default judgment if you ask it "
                  "quickly (the time allowed is short and differs from state to state), and only then can the statute "
                  "of limitations or any other defence be heard. Until then the judgment can be enforced, for example "
                  "by taking money from a bank account, except money the law protects.{benefits} Free legal aid for "
                  "your area: lawhelp.org or the Legal Services Corporation's lsc.gov/find-legal-aid.")
# the judgment's warning names what a bank levy must leave (rights/sol.py, from the law data): the step says it too
_BENEFITS = re.compile(r" If Social Security, SSI or VA benefits .*?\(31 CFR 212\.6\)\.")


def judged_words(day) -> str:
    """What a judgment logged on DAY leaves the patient (as rights/deadlines.answer_due and the sol warning say)."""
    return (f"A judgment was entered on {day}: the time to answer has passed, and the statute of limitations can be "
            "raised now only if the court sets the judgment aside. Get a copy of the judgment from the court clerk "
            "and talk to a lawyer quickly about asking the court to set it aside (the time allowed is short); until "
            "then the judgment can be enforced, for example by taking money from a bank account, except money the "
            "law protects. Do not pay or sign anything about it before talking to the lawyer.")


def lawsuit_steps(r, as_of: date) -> list[dict]:
    out = []
    for d in r.deadlines:
        if d.kind != "ANSWER_DUE":
            continue
        if d.why.startswith("A judgment was entered on "):  # rights/deadlines.answer_due: a decided case, act now
            out.append(_step("ANSWER_LAWSUIT", r.account.id, d.why, due=as_of, title=JUDGED_TITLE))
            continue
        late = ("The answer date has passed: call the court clerk today to ask whether a default judgment was "
                "entered; it can sometimes be set aside if you act fast. " if d.date < as_of else "")
        out.append(_step("ANSWER_LAWSUIT", r.account.id, late + d.why, due=d.date,
                         title=f"Answer the lawsuit by {d.date.isoformat()}"))
    judged = (r.sol or {}).get("judgment")
    if judged and not out:  # only the judgment is logged: the answer deadline's words (rights/deadlines.answer_due)
        benefits = _BENEFITS.search(r.sol.get("warning") or "")
        out.append(_step("ANSWER_LAWSUIT", r.account.id,
                         JUDGED_LAWSUIT.format(day=judged, benefits=benefits.group(0) if benefits else ""), due=as_of,
                         title=JUDGED_TITLE))
    return out


def sol_steps(r, as_of: date, state: str) -> list[dict]:
    sol = r.sol or {}
    if not time_barred(sol) or r.account.patient_chose_to_pay:
        return []
    acct = r.account.id
    years = sol.get("years")
    head = (f"The limit to sue on this debt ran out on {sol.get('expires')}"
            + (f" ({years} years in {NAMES.get(state, state)})" if years else "") + ". ")
    if sol.get("judgment"):  # sued and decided: the judgment first (the limit no longer decides), then the limit
        why = judged_words(sol["judgment"]) + " Tell the lawyer that t" + head.strip()[1:]
    else:
        why = (head + _revival_words(sol, state, r.account.collector.kind if r.account.collector else None)
               + " You may still dispute it, tell the collector to stop contacting you, and complain if it threatens "
                 "to sue; if it sues, answer and say the debt is too old to sue on.")
    out = [_step("DO_NOT_PAY", acct, why)]
    if r.account.collector is not None:
        letter = _letter(r, "dispute") or _letter(r, "validation_request")
        if letter is None:
            # a judged debt is not 'too old to sue on' (rights/sol.py): the first step sends her to a lawyer
            too_old = "" if sol.get("judgment") else " and that it is too old to sue on"
            out.append(_step("DISPUTE_DEBT", acct, f"Write to the collector that you dispute the debt{too_old}; do "
                             "not admit it or promise anything.", due=_due(r, "VALIDATION_PERIOD_END", as_of)))
        threats = [v for v in r.violations if v.rule == "REGF.TIME_BARRED_THREAT"]
        if threats:
            out.append(_step("SEE_A_LAWYER", acct, "The collector threatened to sue on a debt too old to sue on, which "
                             "the law forbids: talk to a consumer lawyer now" + _before_answer(r, as_of) + "; one can "
                             "often take this at no cost to you, because the collector must pay the lawyer's fees if "
                             "you win.", due=as_of))
            out[-1]["_tier"] = 1  # a threat to sue on a barred debt: right after "do not pay"
    return out


def owed_steps(r) -> list[dict]:
    """Nothing owed because a law or a finding says so (not because assistance should cover it: then
    the step is to apply): do not pay, dispute the bill."""
    why = owed_nothing_because(r)
    if why is None or why == "assistance" or time_barred(r.sol or {}):
        return []
    said = (r.offer or {}).get("no_offer") or "You owe nothing on this bill."
    return [_step("DO_NOT_PAY", r.account.id, said.rstrip(".") + ". Do not pay it or promise to: dispute it in "
                  "writing, and keep every letter.", title="Do not pay this bill: you owe nothing on it")]


def bill_steps(r, result) -> list[dict]:
    if bill_known(r):
        return []
    letter = _letter(r, "itemized_request")
    asked = [e for e in r.account.events if e.from_ == "patient" and e.type == "itemized_request"]
    if letter:
        why = ("Before paying, offering or promising anything, get the line-by-line bill with the codes of every "
               "service: without it no one can check the charges.")
    elif asked:
        why = (f"You asked for it on {str(asked[-1].at)[:10]}: ask again in writing, and pay or promise nothing "
               "until it comes.")
    else:
        from ..letters.facts import LetterFacts, first_missing
        from ..letters.kinds import kind

        need = first_missing(kind("itemized_request").needs, LetterFacts(result, r))
        why = ("Before paying, offering or promising anything, get the line-by-line bill with the codes of every "
               "service." + (f" To write the letter, add {need.what} to the case." if need else ""))
    return [_step("REQUEST_ITEMIZED_BILL", r.account.id, why, letter="itemized_request" if letter else None,
                  script=_script(r, "provider"))]


def _sentence(why: str) -> str:
    """A letter's reason as the step's sentence: without a leading 'do this:' the title already says."""
    head, sep, rest = why.partition(": ")
    if sep and len(head) < 40 and not any(ch.isdigit() for ch in head):
        why = rest
    why = why.strip()
    return why[:1].upper() + why[1:] + ("" if why.endswith(".") else ".")


def letter_steps(r, as_of: date, state: str) -> list[dict]:
    acct, out = r.account.id, []
    advice = money_advice(r, as_of, state=state)
    barred = time_barred(r.sol or {}) and not (r.sol or {}).get("judgment") and not r.account.patient_chose_to_pay
    for e in r.letters:
        t, why = e["type"], e["why"]
        if t in ("dispute", "validation_request") and not any(s["kind"] == "DISPUTE_DEBT" for s in out):
            too_old = " The letter also says the debt is too old to sue on, and admits nothing." if barred else ""
            out.append(_step("DISPUTE_DEBT", acct, _sentence(why) + too_old,
                             due=_due(r, "VALIDATION_PERIOD_END", as_of), letter=t, script=_script(r, "collector")))
        elif t == "nsa_dispute" and no_estimate(r.account):  # the HHS dispute needs an estimate: ask for it
            out.append(_step("FILE_NSA_DISPUTE", acct, _sentence(why) + " The federal dispute over a bill far above "
                             "an estimate needs one, so it cannot be started: "
                             "send the letter to ask for the estimate and dispute the bill, and report the missing "
                             "estimate to the No Surprises Help Desk (cms.gov/nosurprises, 1-800-985-3059).",
                             letter=t, title="Ask for the Good Faith Estimate and dispute the bill"))
        elif t == "nsa_dispute":
            out.append(_step("FILE_NSA_DISPUTE", acct, _sentence(why),
                             due=_due(r, "NSA_DISPUTE_END", as_of), letter=t))
        elif t in ("insurer_appeal", "external_review_request", "medicare_redetermination", "fair_hearing_request"):
            kinds = (("EXTERNAL_REVIEW_DUE",) if t == "external_review_request" else
                     ("APPEAL_DUE", "MEDICARE_REDETERMINATION_DUE", "FAIR_HEARING_DUE", "MEDICARE_RECONSIDERATION_DUE",
                      "ALJ_HEARING_DUE", "COUNCIL_REVIEW_DUE"))
            dues = [d for d in (_due(r, k, as_of) for k in kinds) if d]
            out.append(_step("APPEAL_DENIAL", acct, _sentence(why) + " Ask the provider in writing to hold the bill "
                             "until the plan decides.", due=min(dues) if dues else None, letter=t,
                             title="Ask for an external review" if t == "external_review_request" else None,
                             script=_script(r, "insurer")))
        elif t == "insurance_complaint":
            out.append(_step("COMPLAIN", acct, _sentence(why), letter=t))
        elif t == "billing_dispute":
            from ..letters.kinds.billing_dispute import ASSISTANCE_RULES

            # free care or a discount alone is no billing error: the step asks the hospital to apply its policy
            only_assistance = all(f.rule in ASSISTANCE_RULES for f in r.findings)
            out.append(_step("DISPUTE_BILL", acct, _sentence(why), letter=t, script=_script(r, "provider"),
                             title=APPLY_POLICY if only_assistance else None))
        elif t == "fap_application":
            out.append(_apply_step(r, as_of, _sentence(why), letter=t))
        elif t == "cease":
            out.append(_step("STOP_CONTACT", acct, _sentence(why), letter=t))
        elif t in ("settlement_offer", "hardship", "payment_plan_offer") and advice.allows(t) and not barred:
            kind = "PAYMENT_PLAN" if t == "payment_plan_offer" else "NEGOTIATE"
            title = "Ask for a hardship reduction" if t == "hardship" else None
            warn = (" " + " ".join(advice.warnings)) if advice.warnings else ""
            out.append(_step(kind, acct, _sentence(why) + warn, letter=t, title=title,
                             script=_script(r, "collector" if r.account.collector else "provider")))
    return out


def other_steps(r, as_of: date, case) -> list[dict]:
    acct, out = r.account.id, []
    types = {e["type"] for e in r.letters}
    if "fap_application" not in types:
        covered = case.insurance is not None and case.insurance.status == "medicaid"
        eligible = [p for p in (r.assistance or {}).get("programs", []) if p.get("eligible") is True
                    and not (covered and p.get("id") == "MEDICAID")]
        if eligible:
            names = ", ".join(p.get("name") or "a program" for p in eligible)
            out.append(_apply_step(r, as_of, f"You are likely eligible: {names}. Apply in writing."))
    appealing = any(a.get("who") != "provider" and a.get("open") for a in r.appeals or [])
    for a in r.appeals or []:  # a CO denial the provider still collects on: the appeal right kept as a backstop
        due = next((d["date"] for d in a.get("deadlines", []) if a.get("backstop")), None)
        if a.get("who") == "provider" and due and not appealing and not any(
                x["kind"] == "APPEAL_DENIAL" for x in out):
            who = a.get("provider") or r.account.provider.name
            out.append(_step("APPEAL_DENIAL", acct, f"Your plan denied claim {a.get('claim_id')} with a "
                             f"contractual-obligation code: {who} must write it off and may not bill you. Write to "
                             f"{who} to ask for the write-off; if it says you agreed in writing to pay, appeal the "
                             f"denial to the plan by {due}, so that right is not lost while you wait.",
                             due=date.fromisoformat(str(due)), title="Keep the right to appeal the denial",
                             script=_script(r, "insurer")))
    ins = case.insurance
    if ins is not None and ins.status in ("insured", "medicare") and _script(r, "insurer"):
        eob_problem = any(f.rule.startswith("EOB.") for f in r.findings)
        if not r.account.eob or eob_problem:
            why = ("Call the insurer: ask whether the claim was received, what it allowed and paid, and what your share "
                   "is, and ask for the Explanation of Benefits." if not r.account.eob else
                   "The insurer's Explanation of Benefits and the bill disagree: ask the insurer to explain, and "
                   "appeal any denial in writing.")
            out.append(_step("ASK_INSURER", acct, why, script="insurer"))
    serious = [v for v in r.violations if v.severity in ("high", "medium")]
    if serious:
        who = "the collector" if r.account.collector else "the provider"
        out.append(_step("COMPLAIN", acct, f"{who[:1].upper() + who[1:]} broke rules that protect you "
                         f"({_count(len(serious), 'problem')} found): complain to the Consumer Financial Protection "
                         "Bureau (consumerfinance.gov/complaint) and your state attorney general, and keep the log."))
        claims = sorted(v.act_by for v in serious if v.act_by and v.act_by >= as_of)
        if claims:
            urgent = sued_or_threatened(r)
            served = any(d.kind == "ANSWER_DUE" for d in r.deadlines)
            lead = ("You are being sued: talk to a consumer lawyer now" + _before_answer(r, as_of) + ". " if served else
                    "You were threatened with a lawsuit: talk to a consumer lawyer now. " if urgent else "")
            out.append(_step("SEE_A_LAWYER", acct, lead + "You may be able to sue "
                             "over these violations; a consumer lawyer can often take the case at no cost to you, "
                             "because the collector must pay the lawyer's fees if you win. The first of them can be "
                             f"sued on until {claims[0].isoformat()}.", due=as_of if urgent else claims[0]))
            if urgent and _due(r, "ANSWER_DUE", as_of):
                out[-1]["_tier"] = 1  # served: right after the answer
            elif urgent:  # threatened: among the steps of the next two weeks (free care, which stops a
                # nonprofit hospital's collection actions, 26 CFR 1.501(r)-6(c), ranks as high)
                out[-1]["_rank_due"] = as_of + timedelta(days=FREE_CARE_RANK_DAYS)
    return out


def sued_or_threatened(r) -> bool:
    """A lawsuit was served or threatened (a `legal_action` in the log not by the patient): a lawyer now."""
    return any(d.kind == "ANSWER_DUE" for d in r.deadlines) or any(
        e.kind == "legal_action" and e.from_ != "patient" for e in r.account.events)


def _before_answer(r, as_of: date) -> str:
    """', before the answer date of <day>' when a served suit must still be answered."""
    day = _due(r, "ANSWER_DUE", as_of)
    return f", before the answer date of {day.isoformat()}" if day else ""


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def credit_steps(result) -> list[dict]:
    out = []
    for e in getattr(result, "letters", []) or []:
        if e["type"] == "credit_dispute":
            bureau = BUREAU_NAMES.get(e.get("bureau") or "", "credit")
            out.append(_step("DISPUTE_CREDIT", None, f"Dispute the inaccurate items on your {bureau} report in writing: "
                             "the bureau must investigate and correct or delete them.",
                             title=f"Dispute your {bureau} credit report", letter="credit_dispute"))
    return out


# steps about a bill still to be paid: pointless once nothing is asked (an account paid in full)
NOTHING_ASKED_DROPS = frozenset({"DO_NOT_PAY", "REQUEST_ITEMIZED_BILL", "DISPUTE_DEBT", "ASK_INSURER", "NEGOTIATE",
                                 "PAYMENT_PLAN"})


def paid_up(r) -> bool:
    """The account's balance is recorded as $0.00 (paid in full, or written off): nothing is asked."""
    balance = r.account.balance
    return balance is not None and balance == 0


def asked_after_paying(r) -> bool:
    """A collector contacted the patient after her last payment: a paid debt still collected is disputed."""
    paid = [str(e.at)[:10] for e in r.account.events if e.kind == "payment" and e.from_ == "patient"]
    return any(e.from_ == "collector" and (not paid or str(e.at)[:10] > max(paid)) for e in r.account.events)


def _sort_key(s: dict, as_of: date) -> tuple:
    """Lawsuit, then do-not-pay, then the itemized bill; then deadlines within URGENT_DAYS, soonest first;
    then the rest in the order of KINDS (a later deadline breaking ties). A step may rank as if due sooner
    than its legal date (`_rank_due`: the free-care application that clears the whole bill)."""
    due = s.get("_rank_due") or s["due"]
    tier = s.get("_tier", {"ANSWER_LAWSUIT": 0, "DO_NOT_PAY": 1, "REQUEST_ITEMIZED_BILL": 2}.get(s["kind"]))
    if tier is None:
        tier = 3 if due is not None and (due - as_of).days <= URGENT_DAYS else 4
    if tier == 3:
        return (tier, due, _ORDER[s["kind"]])
    return (tier, _ORDER[s["kind"]], due or date.max)


def _free_care_first(steps: list[dict], r, as_of: date) -> None:
    """Free care at the patient's income clears the whole bill once she applies: the application ranks as
    if due within FREE_CARE_RANK_DAYS, after only the deadlines closer than that."""
    if owed_nothing_because(r) != "assistance":
        return
    soon = as_of + timedelta(days=FREE_CARE_RANK_DAYS)
    for s in steps:
        if s["kind"] == "APPLY_FOR_ASSISTANCE" and s["account"] == r.account.id:
            s["_rank_due"] = min(s["due"] or soon, soon)


def plan_actions(result) -> list[dict[str, Any]]:
    """The ordered steps of the whole case (JSON-ready: dates as ISO text)."""
    as_of, case, state = result.as_of, result.case, result.case.patient.state
    steps: list[dict] = []
    for r in result.accounts:
        from .estate import estate_steps  # the patient died, or a relative deals with the bill: first, before money

        mine = (lawsuit_steps(r, as_of) + estate_steps(r, result, _step) + sol_steps(r, as_of, state) + owed_steps(r)
                + bill_steps(r, result))
        for s in letter_steps(r, as_of, state) + other_steps(r, as_of, case):
            if not any(m["kind"] == s["kind"] and m["account"] == s["account"] for m in mine):
                mine.append(s)
        if paid_up(r):  # nothing is asked any more: only what repairs the harm (credit, complaint, lawyer, suit)
            drops = NOTHING_ASKED_DROPS - ({"DISPUTE_DEBT"} if asked_after_paying(r) else set())
            mine = [s for s in mine if s["kind"] not in drops]
        elif not bill_known(r):  # no settlement or plan before the bill is known
            mine = [s for s in mine if s["kind"] not in ("NEGOTIATE", "PAYMENT_PLAN")]
        _free_care_first(mine, r, as_of)
        steps += mine
    steps += credit_steps(result)
    from .estate import for_the_estate  # the patient died: the estate's steps addressed to whoever handles it

    steps = for_the_estate(steps, result)
    steps.sort(key=lambda s: _sort_key(s, as_of))
    for i, s in enumerate(steps):
        s.pop("_tier", None)
        s.pop("_rank_due", None)
        s["step"] = i + 1 if i < MAX_NUMBERED else None
        s["due"] = s["due"].isoformat() if s["due"] else None
    return steps
