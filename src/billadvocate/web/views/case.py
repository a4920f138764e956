"""The results page: everything the engines found for a case, on one page."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import casework
from ..charts import money_chart
from ..permissions import can, case_view
from ...report import spanish, with_glossary
from ...store.deadlines import refresh_from_review


def _num(v) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def chart_for(account: dict, household_lump: Decimal | None) -> str:
    """Billed vs asked vs fair vs what the household can pay, for one account."""
    offer, plan = account.get("offer") or {}, account.get("plan") or {}
    can_pay = None
    if plan.get("monthly") is not None and plan.get("months"):
        can_pay = _num(plan["monthly"]) * Decimal(str(plan["months"]))
    elif offer.get("lump_sum") is not None:
        can_pay = _num(offer["lump_sum"])
    elif household_lump is not None:
        can_pay = household_lump
    denied = (offer.get("if_assistance_denied") or {}).get("fair_amount")
    bars = [(_("Billed"), _num(account.get("total_charges")) or None),
            (_("Asked for now"), _num(account.get("balance"))),
            (_("Fair amount"), _num(offer.get("fair_amount"))),
            (_("Fair, without assistance"), _num(denied)),
            (_("What you can pay"), can_pay)]
    return money_chart(bars, title=_("Where the money goes"))


REVIEW_WAIT = 3.0  # seconds a results page waits for the review (an OCR runs on in the background)

SCRIPT_PARTS = [("say", gettext_lazy("What to say")), ("ask", gettext_lazy("What to ask")),
                ("never_say", gettext_lazy("What never to say")), ("write_down", gettext_lazy("Write down"))]
PARTIES = {"provider": gettext_lazy("The billing office"), "collector": gettext_lazy("The collector"),
           "insurer": gettext_lazy("The insurer")}


def script_sections(account: dict) -> list[dict]:
    """The review's call scripts as [{title, phone, parts: [(label, [lines])]}]."""
    out = []
    for item in account.get("call_scripts") or []:
        if not isinstance(item, dict):
            out.append({"title": _("Call script"), "phone": None, "parts": [("", [str(item)])]})
            continue
        party = PARTIES.get(item.get("to"), item.get("to") or _("Call script"))
        title = f"{party}: {item['name']}" if item.get("name") else str(party)
        known = [(label, [str(x) for x in item.get(key) or []]) for key, label in SCRIPT_PARTS]
        other = [(str(k).replace("_", " "), [str(x) for x in v]) for k, v in item.items()
                 if isinstance(v, list) and k not in dict(SCRIPT_PARTS)]
        out.append({"title": title, "phone": item.get("phone"),
                    "parts": [(label, lines) for label, lines in known + other if lines]})
    return out


def owed_summary(acc: dict) -> dict:
    """What is owed on one account, for the first screen: billed, asked for, what you owe, the fair
    amount and what you can pay (these two only where the plan offers money)."""
    a, money = acc["data"], acc["money"]
    offer, plan = a.get("offer") or {}, a.get("plan") or {}
    can_pay = None
    if money.get("plan") and plan.get("monthly") is not None and plan.get("months"):
        can_pay = _num(plan["monthly"]) * Decimal(str(plan["months"]))
    elif money.get("negotiate") and offer.get("lump_sum") is not None:
        can_pay = _num(offer["lump_sum"])
    return {"provider": a.get("provider"), "billed": a.get("total_charges"), "asked": a.get("balance"),
            "owed": offer.get("owed"), "can_pay": can_pay,
            "fair": offer.get("fair_amount") if money.get("negotiate") else None}


SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}
EXAMPLES_SHOWN = 10


def violation_groups(violations: list[dict], in_spanish: bool) -> list[dict]:
    """The violations once per rule (a collector calling 995 times is one problem, found 995 times):
    the most urgent one's message (or, in Spanish, the rule's title and explanation), its severity and
    citations, how many times, and a few of the others' messages."""
    groups: dict[str, list[dict]] = {}
    for v in violations:
        groups.setdefault(v["rule"], []).append(v)
    out = []
    for rule, found in groups.items():
        found = sorted(found, key=lambda v: (SEVERITY_ORDER.get(v["severity"], 9), str(v.get("act_by") or "")))
        first = found[0]
        examples = [v["message"] for v in found[1:EXAMPLES_SHOWN + 1]]
        out.append({**first, "count": len(found),
                    "examples": [_when_es(m) for m in examples] if in_spanish else examples,
                    "more": max(0, len(found) - 1 - EXAMPLES_SHOWN),
                    "es": spanish.finding(first, "conduct") if in_spanish else None})
    return sorted(out, key=lambda g: SEVERITY_ORDER.get(g["severity"], 9))


def _when_es(message: str):
    """Another time a rule was broken, on a Spanish page: the day and time its English message names
    ('El 2026-10-01 a las 22:30'); a message without a date stays English, marked lang="en"."""
    import re

    from django.utils.html import format_html

    day = re.search(r"\d{4}-\d{2}-\d{2}", message)
    if not day:
        return format_html('<span lang="en">{}</span>', message)
    at = re.search(r"\b(\d{2}:\d{2})\b", message)
    return f"El {day.group(0)}" + (f" a las {at.group(1)}" if at else "")


def in_words(account: dict, in_spanish: bool) -> None:
    """What the patient reads of an account's findings and deadlines: each deadline's plain title
    (never its kind id) and, on a Spanish page, each finding's Spanish title and explanation and each
    deadline's Spanish reason (as `es`)."""
    lang = "es" if in_spanish else "en"
    for d in account["deadlines"]:
        d["what"] = spanish.deadline_title(d["kind"], lang)
        if in_spanish:
            d["why_es"] = spanish.deadline(d, account)["why"]
    if in_spanish:
        for f in account["findings"]:  # the violations: once per rule, in violation_groups
            f["es"] = spanish.finding(f, "audit")
    appeals_in_words(account, lang)


def in_spanish_prose(account: dict) -> dict:
    """The account with its offer, plan, protections, assistance, call scripts and notes in Spanish
    (report/spanish_account.py); a sentence without Spanish yet stays English, marked lang="en"."""
    from django.utils.html import format_html

    from ...report.spanish_account import account_es

    out = account_es(account, fallback=lambda text: format_html('<span lang="en">{}</span>', text))
    for p in out.get("protections") or []:
        p["law"] = p.get("law_es") or p.get("law")
    return out


def appeals_in_words(account: dict, lang: str) -> None:
    """Each insurer denial as the page shows it: the codes, who must act, where the appeal stands,
    the next deadline's title and (in English) the route's steps; the letter's button uses `letter`."""
    from ...appeals import STAGE_WORDS

    for x in account.get("appeals") or []:
        x["codes"] = ", ".join(r["code"] for r in x.get("reasons", []))
        x["who_text"] = spanish.WHO_ES.get(x["who"], "") if lang == "es" else x.get("who_words", "")
        x["stage_text"] = (spanish.STAGE_WORDS_ES if lang == "es" else STAGE_WORDS).get(x.get("stage") or "", "")
        x["route_steps"] = x.get("route", []) if lang == "en" and x["who"] != "provider" else []
        if x.get("next_due"):
            x["due_what"] = spanish.deadline_title(x["next_due"]["kind"], lang)


@lru_cache(maxsize=1)
def _rule_summaries() -> dict[str, str]:
    from ...audit.rules import all_rules

    return {r.id: r.summary for r in all_rules()}


def _plain_problem(f: dict) -> str:
    """A line's problem in plain English: the rule's summary, else the finding's own message; never its id."""
    said = _rule_summaries().get(f["rule"]) or f.get("message") or "a problem found on this line"
    return said[:1].upper() + said[1:]


@case_view("view")
def case_page(request, case_row):
    """The results: findings line by line, rights, deadlines, assistance, offer, plan, script."""
    missing = casework.missing_for_review(case_row)
    if missing:
        return redirect("web:intake", case_id=case_row.pk, step=missing)
    try:
        result, problem = casework.try_review(case_row, wait=REVIEW_WAIT if casework.reads_slowly(case_row) else None)
    except casework.StillReading:  # a photo or a scan is being read: say so, and ask again
        return render(request, "web/case_reading.html", {"case": case_row,
                                                         "can_manage": can(request.user, "manage", case_row)})
    household = getattr(case_row, "household", None) if hasattr(case_row, "household") else None
    lump = getattr(household, "lump_sum_available", None) or getattr(household, "liquid_assets", None)
    accounts = []
    spanish_page = (getattr(request, "LANGUAGE_CODE", "") or "").startswith("es")  # the page's language
    if result is not None:
        refresh_from_review(case_row, result)  # the dashboard and reminders read them from the store
        data = result.to_json()
        for a, review in zip(data["accounts"], result.accounts):
            flagged: dict[int, list[str]] = {}
            for f in a["findings"]:
                # on a Spanish page a line's problems by their plain Spanish title, never the rule id
                name = spanish.finding(f, "audit")["title"] if spanish_page else _plain_problem(f)
                for n in f["lines"]:
                    if name not in flagged.get(n, []):
                        flagged.setdefault(n, []).append(name)
            lines = [{"line": ln, "rules": flagged.get(ln.line, [])}
                     for ln in (review.audit.lines if review.audit else [])]
            kinds = {s.get("kind") for s in (getattr(result, "actions", None) or []) if s.get("account") == a["id"]}
            money = {"negotiate": "NEGOTIATE" in kinds, "plan": "PAYMENT_PLAN" in kinds}
            in_words(a, spanish_page)
            if spanish_page:  # the offer, plan, protections, help, scripts and notes in Spanish
                a = in_spanish_prose(a)
            accounts.append({"data": a, "chart": chart_for(a, lump), "scripts": script_sections(a), "money": money,
                             "violations": violation_groups(a["violations"], spanish_page),
                             "lines": lines,
                             "deadlines": sorted(a["deadlines"], key=lambda d: d["date"])})
    actions = list(getattr(result, "actions", None) or [])
    credit = result.to_json()["credit"] if result else []
    if spanish_page:
        for c in credit:
            c["es"] = spanish.finding(c, "credit")
    if actions and spanish_page:
        from ...actions.spanish import in_spanish

        actions = in_spanish(result, actions)
    owed = [owed_summary(acc) for acc in accounts]
    page = render(request, "web/case.html", {
        "owed": owed,
        # engine prose without Spanish yet is wrapped as English (lang="en", WCAG 3.1.2) by in_spanish_prose
        "case": case_row, "result": result, "problem": problem, "accounts": accounts,
        "steps": [s for s in actions if s.get("step")], "more_steps": [s for s in actions if not s.get("step")],
        "patient": casework.patient_of(case_row), "credit": credit,
        "can_manage": can(request.user, "manage", case_row),
    })
    page.content = with_glossary(page.content.decode(page.charset), "es" if spanish_page else "en").encode(page.charset)
    return page


class DeleteCaseForm(forms.Form):
    confirm = forms.BooleanField(label=gettext_lazy("Yes, delete this case and everything in it"), required=True)


@case_view("edit")
def case_delete(request, case_row):
    """Delete a case: its owner (the person who started it) or an advocate or administrator.

    The audit trail keeps every row that went, who removed it and when (its rows are append-only
    and carry no foreign key), and the documents' bytes stay in the content store."""
    from django.core.exceptions import PermissionDenied
    from django.db import transaction

    if not (case_row.created_by_id == request.user.pk or can(request.user, "manage", case_row)):
        raise PermissionDenied
    form = DeleteCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        from ...store import audit

        with transaction.atomic():
            audit.record("delete_case", case_row, after={"title": case_row.title})
            case_row.delete()
        casework.clear_cache()
        messages.success(request, _("The case was deleted."))
        return redirect("web:home")
    return render(request, "web/form_page.html", {
        "form": form, "heading": _("Delete this case?"), "submit": _("Delete the case"),
        "intro": _("Everything in it goes: the bills, the log, the letters and the reminders. The record of "
                   "who changed what is kept."),
        "back": reverse("web:case", kwargs={"case_id": case_row.pk})})


case_delete.case_action = "delete"  # edit access, and more: the person who started it, or manage
