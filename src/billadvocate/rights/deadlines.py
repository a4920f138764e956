"""Every deadline of an account, computed from the case's own dates (business days where the law says).

Kinds: VALIDATION_PERIOD_END, FAP_APPLICATION_END, ECA_EARLIEST, NSA_DISPUTE_END, SOL_EXPIRES,
FDCPA_CLAIM_END (one per violation date, added by the engine), ANSWER_DUE (one per lawsuit served),
and STATE.<XX>.<NAME>. A deadline
already past is still listed: it says what the patient could have done, or may still argue.
"""

from __future__ import annotations

import re

from datetime import date, timedelta
from typing import Any

from ..model import Deadline, Finding
from ..states import NAMES
from .benefits import PATH as BENEFITS, benefits_left
from .context import Context
from .fap_period import fap_application_end
from .nsa_scope import ppdr_deadline


def _dl(ctx: Context, kind: str, day: date, why: str) -> Deadline:
    used, ctx.used[:] = list(ctx.used), []
    return Deadline(kind=kind, date=day, why=why,
                    citations=list(dict.fromkeys(c for v in used for c in v.citations)),
                    unconfirmed=any(v.unconfirmed for v in used))


def account_deadlines(ctx: Context, sol: dict[str, Any], violations: list[Finding]) -> list[Deadline]:
    acct, out = ctx.account, []
    p, first = acct.provider, acct.first_bill_date
    ctx.used.clear()
    if ctx.collector_covered:
        end = ctx.validation_period_end()
        if end:
            ctx.value("federal.fdcpa_disputes.disputed_debt_reported_as_disputed", end[0])
            out.append(_dl(ctx, "VALIDATION_PERIOD_END", end[0],
                           f"Last day to dispute the debt with {acct.collector.name} in writing and make it stop "
                           f"collecting until it sends verification: {end[1]}. A dispute sent later no longer stops "
                           f"the collection, but {acct.collector.name} must still report the debt as disputed if it "
                           f"reports it to a credit bureau."))
    ctx.used.clear()
    if p.nonprofit and p.kind == "hospital" and first and ctx.has("federal.irs_501r.application_period_days", first):
        out.append(_dl(ctx, "FAP_APPLICATION_END", *fap_application_end(ctx)))
        days = ctx.value("federal.irs_501r.notification_period_days", first)
        out.append(_dl(ctx, "ECA_EARLIEST", first + timedelta(days=days),
                       f"{p.name} (a nonprofit hospital) and its collectors may not report to credit bureaus, sue, "
                       f"place liens or sell the debt before {days} days after the first bill of {first}."))
    ctx.used.clear()
    ppdr = ppdr_deadline(ctx)
    if ppdr:
        out.append(_dl(ctx, "NSA_DISPUTE_END", *ppdr))
    ctx.used.clear()
    if sol.get("expires"):
        extra = (f" (or {sol['expires_if_written_contract']} if you signed a written agreement)"
                 if sol.get("expires_if_written_contract") else "")
        why = (_limit_after_a_judgment(sol) if sol.get("judgment") else
               f"After this day the debt is too old to sue on in {sol['state']}{extra}; the "
               f"{sol['years']}-year clock started at {sol['start_basis']}. {_restarts(sol)}")
        out.append(Deadline(kind="SOL_EXPIRES", date=sol["expires"], citations=sol["citations"],
                            unconfirmed=sol["unconfirmed"], why=why))
    out += _state_deadlines(ctx)
    out += answer_due(ctx, sol)
    earliest: dict[str, list] = {}  # rule -> its violations' last days to sue, the most urgent first
    for v in violations:
        if v.act_by:
            earliest.setdefault(v.rule, []).append(v.act_by)
    for rule, days in earliest.items():
        days = sorted(set(days))
        later = f" Later violations of this kind can still be sued on until {days[-1]}." if len(days) > 1 else ""
        out.append(Deadline(kind="FDCPA_CLAIM_END", date=days[0], citations=["15 U.S.C. 1692k(d)"], unconfirmed=False,
                            why=f"Last day to sue {acct.collector.name if acct.collector else 'the collector'} over "
                                f"this: {_rule_words(rule)} (one year from the violation).{later}"))
    return sorted(out, key=lambda d: (d.date, d.kind))


def _state_deadlines(ctx: Context) -> list[Deadline]:
    acct, out = ctx.account, []
    first = acct.first_bill_date
    ctx.used.clear()
    st = ctx.provider_state
    path = f"states.{st.lower()}.collection.collection_wait"
    rule = ctx.value(path, first) if first and path in ctx.law and ctx.has(path, first) else None
    if rule and (acct.provider.kind == "hospital" or rule.get("providers") == "any"):  # NJ: any provider owed
        who = ("you" if ctx.uninsured or rule.get("patients") != "uninsured_or_high_costs"
               else "you if you have high medical costs and tell the hospital so")
        bill = "this bill" if rule.get("providers") == "any" else "this hospital bill"
        out.append(_dl(ctx, f"STATE.{st}.COLLECTION_WAIT", first + timedelta(days=rule["days"]),
                       f"Before this day {NAMES[st]} bars {' or '.join(b.replace('_', ' ') for b in rule['blocks'])} on "
                       f"{bill} for {who} ({rule['days']} days after the first bill of {first})."))
    ctx.used.clear()
    c = acct.collector
    if ctx.case.patient.state == "NV" and c and c.kind == "agency" and ctx.has("states.nv.collection.notice_before_collection"):
        rule = ctx.value("states.nv.collection.notice_before_collection")
        letters = ctx.by("collector", ("letter",))
        notice = letters[0].day if letters else (c.validation_notice.sent if c.validation_notice else None)
        if notice:
            out.append(_dl(ctx, "STATE.NV.NOTICE_60_DAYS", notice + timedelta(days=rule["days"]),
                           f"{c.name} may not act to collect this medical debt before {rule['days']} days after its "
                           f"written notice of {notice}."))
    ctx.used.clear()
    if ctx.provider_state == "FL" and acct.provider.kind == "hospital" and ctx.has("states.fl.collection.notice_before_collection"):
        rule = ctx.value("states.fl.collection.notice_before_collection")
        notices = [h for h in ctx.by("provider", ("letter", "email")) if h.type in ("eca_notice", "collection_notice", "fap_notice")]
        if notices:
            out.append(_dl(ctx, "STATE.FL.ECA_NOTICE", notices[0].day + timedelta(days=rule["days"]),
                           f"{acct.provider.name} may not start extraordinary collection actions before "
                           f"{rule['days']} days after its written notice of {notices[0].day}."))
    ctx.used.clear()
    return out


LEGAL_AID = "Free legal aid for your area: lawhelp.org or the Legal Services Corporation's lsc.gov/find-legal-aid."


def served_lawsuits(ctx: Context) -> list[tuple[date, object]]:
    """(day served, happening) for every lawsuit the log says was served on the patient (a
    `legal_action` of type `lawsuit`; its `received` is the day of service, else its own day)."""
    return [(h.received or h.day, h) for h in ctx.happenings
            if h.kind == "legal_action" and h.type == "lawsuit" and h.by != "patient"]


_ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\s*$")


def answer_path(ctx: Context) -> str:
    """The answer period of the court that hears the patient's suits: a court of her place when the state's
    data names one for her ZIP code (`answer_days_<place>`, `zip3`: a collector must sue where she lives,
    15 U.S.C. 1692i(a)(2)), else the state's (`answer_days`)."""
    st = ctx.case.patient.state.lower()
    m = _ZIP.search((ctx.case.patient.address or "").strip())
    if m:
        for name, p in ctx.law.children(f"states.{st}.courts").items():
            if name.startswith("answer_days_") and m.group(1)[:3] in (p.meta.get("zip3") or []):
                return f"states.{st}.courts.{name}"
    return f"states.{st}.courts.answer_days"


def answer_due(ctx: Context, sol: dict[str, Any]) -> list[Deadline]:
    """ANSWER_DUE: the last day to answer each lawsuit served, from the answer period of the court that
    hears the patient's debt suits (`answer_path`); the summons governs."""
    st, out = ctx.case.patient.state, []
    path = answer_path(ctx)
    for served, h in served_lawsuits(ctx):
        ctx.used.clear()
        if not ctx.has(path, served):
            continue
        days = int(ctx.value(path, served))
        meta = ctx.law.parameter(path).meta
        court, appear = meta.get("court", "court"), bool(meta.get("appear"))
        sued_by = ctx.account.collector.name if h.by == "collector" and ctx.account.collector else (
            ctx.account.provider.name if h.by == "provider" else "the plaintiff")
        judged = sol.get("judgment")
        if judged and judged >= served:
            # a decided case takes no answer: what is left is asking the court to set the judgment aside
            out.append(_dl(ctx, "ANSWER_DUE", served + timedelta(days=days),
                           f"A judgment was entered on {judged} in the lawsuit {sued_by} served on {served}: the time "
                           f"to answer has passed. Ask the court clerk today for a copy of the judgment. A court can "
                           f"set aside a default judgment if you ask it quickly (the time allowed is short and differs "
                           f"from state to state), and only then can the statute of limitations or any other defence "
                           f"be heard. Until then the judgment can be enforced, for example by taking money from a "
                           f"bank account, except money the law protects.{_benefits(ctx, judged)} {LEGAL_AID}"))
            continue
        period = f"{days} {'day' if days == 1 else 'days'}"
        if appear:  # no written answer: the patient answers by going to court on the date the summons gives
            head = (f"Appear on the date on the summons: {NAMES[st]}'s {court} takes no written answer to the "
                    f"lawsuit {sued_by} served on {served}; you answer it in court on that date. Until you have read "
                    f"the date, count on this day ({period} after service), the earliest it could plausibly be. ")
            to_do = (f"What to do: {meta.get('file', 'appear in court on the date on the summons')}; bring the "
                     f"summons and every bill and letter about the debt, and send a copy of anything you file to "
                     f"the plaintiff's lawyer.")
        else:
            in_court = f"the {court}" if court.startswith(NAMES[st]) else f"{NAMES[st]}'s {court}"
            head = (f"Last day to answer the lawsuit {sued_by} served on {served}: {period} in {in_court}. " + ("This court sets the date on the summons: that date governs; until you read "
                                    "it, count on the earliest plausible day. " if meta.get("date_on_summons") else ""))
            what = meta.get("file") or "a written answer (most courts have an answer form)"
            to_do = (f"What to do: {what}; send a copy of anything you file to the plaintiff's lawyer."
                     if meta.get("date_on_summons") else
                     f"File {what} with the court clerk, saying what you do not agree with, and send a copy to the "
                     f"plaintiff's lawyer.")
        where = "in court on that date (and in writing if you file anything)" if appear else "in the answer"
        if sol.get("time_barred"):
            defence = (f" Raise the statute of limitations {where}: the limit to sue on this debt ran out on "
                       f"{sol['expires']}; a defence not raised can be lost.")
        elif sol.get("first_ran_out") and sol.get("revived_by"):
            # a revival is the plaintiff's to prove: the defence is raised all the same
            what = sol["revived_by"][0].split(" (", 1)[-1].rstrip(")")
            defence = (f" Raise the statute of limitations {where} anyway: the limit to sue on this debt ran out on "
                       f"{sol['first_ran_out']}, and the plaintiff must prove that your {what} revived it; a defence "
                       f"not raised can be lost.")
        elif any(o["expires"] < served for o in sol.get("other_ends") or []):
            o = min((o for o in sol["other_ends"] if o["expires"] < served), key=lambda o: o["expires"])
            defence = (f" Raise the statute of limitations {where} anyway: under {o['citation']} the limit to sue on "
                       f"this debt may have ended on {o['expires']}, before you were served; a defence not raised can "
                       f"be lost.")
        elif sol.get("expires") is None:
            defence = f" Ask whether the debt is too old to sue on; if so, say it {where}."
        else:
            defence = ""
        out.append(_dl(ctx, "ANSWER_DUE", served + timedelta(days=days),
                       f"{head}The summons governs: if it gives another date or court, follow the summons, and if "
                       f"the last day is a weekend or court holiday, act before it. If you do not answer or appear, "
                       f"the court can enter a default judgment, and the collector can then "
                       f"{_what_a_judgment_takes(ctx, served)} {to_do}{defence} {LEGAL_AID}"))
    return out


def _what_a_judgment_takes(ctx: Context, on: date) -> str:
    """What a default judgment lets the collector take: wages only where the state lets them be garnished for a
    debt like this (states/<xx>/wages.yaml, as the review's wage protection says)."""
    st = ctx.case.patient.state
    path = f"states.{st.lower()}.wages.wage_garnishment_banned" if st else ""
    benefits = _benefits(ctx, on)
    if st and ctx.has(path, on) and (ctx.value(path, on) or {}).get("banned"):
        return (f"try to take money from a bank account, except money the law protects; {NAMES[st]} does not allow "
                f"your wages to be garnished for a debt like this.{benefits}")
    # the state's own limit on garnishment for medical debt, as 'Laws that protect you' says it (confirmed law only)
    limit = f"states.{st.lower()}.collection.garnishment" if st else ""
    own = ""
    if limit and ctx.has(limit, on) and not ctx.law.parameter(limit).at(on).unconfirmed:
        text = str(ctx.value(limit, on) or "").rstrip(".")
        own = f" Also, under {NAMES[st]} law: {text[:1].lower() + text[1:]}." if text else ""
    return f"garnish wages or take money from a bank account, except money the law protects.{own}{benefits}"


def _benefits(ctx: Context, on: date) -> str:
    """' If Social Security ... (31 CFR 212.6).' where the law value is in force (its citation joins the deadline)."""
    if not ctx.has(BENEFITS, on):  # 31 CFR 212: what the bank leaves untouched
        return ""
    return " " + benefits_left(int(ctx.value(BENEFITS, on)))


def _limit_after_a_judgment(sol: dict) -> str:
    """The limit to sue once a judgment is logged: the judgment is enforced on its own terms, so the limit is never
    'too old to sue on' now; a limit that had passed is at most a point for a lawyer (as rights/sol.py warns)."""
    contract = sol.get("expires_if_written_contract")
    where = (f"({sol['years']} years in {NAMES.get(sol['state'], sol['state'])}"
             + (f"; or {contract} if you signed a written agreement)" if contract else ")"))
    if str(sol["judgment"]) >= str(sol["expires"]):  # ISO days: the judgment came after the limit had passed
        return (f"The time limit to sue on this debt passed on {sol['expires']} {where}, but a judgment was entered on "
                f"{sol['judgment']}: until the court sets the judgment aside, it can be enforced whatever the limit "
                f"was. Only a lawyer can say whether the expired limit helps you, for example in asking the court to "
                f"set the judgment aside.")
    return (f"The time limit to sue on this debt would have passed on {sol['expires']} {where}, but a judgment was "
            f"entered on {sol['judgment']}, before that day: the limit no longer protects you, and the judgment can "
            f"be enforced until the court sets it aside. Ask a lawyer about the judgment now.")


def _restarts(sol: dict) -> str:
    """What can start the clock again before this day or, once it has passed, revive the debt, in the state's
    own terms (rights/sol.py), as the review's warning says it."""
    barred = bool(sol.get("time_barred"))
    what = [w for w, on in (("A payment", sol.get("revives_on_payment" if barred else "restarts_on_payment")),
                            ("a signed written acknowledgment",
                             sol.get("revives_on_writing" if barred else "restarts_on_writing"))) if on is not False]
    if not what:
        return "Nothing you pay or sign now revives it." if barred else "Nothing you pay or sign restarts it."
    text = " or ".join(what)
    return text[:1].upper() + text[1:] + (" now could revive it." if barred else " may restart it.")


def _rule_words(rule: str) -> str:
    """A conduct rule's plain name (the letters' labels), never its id."""
    from ..letters.compose import labels  # late: letters builds on the review

    names = labels("en").get("rules", {})
    name = names.get(rule) or names.get(rule.split(".")[0] + ".*") or "a violation of the debt collection rules"
    # the labels speak as the patient, in the letters ("... contacted me"); the review speaks to the patient
    name = re.sub(r"\bme\b", "you", re.sub(r"\bmy\b", "your", re.sub(r"\bI\b", "you", name)))
    return name[:1].lower() + name[1:]
