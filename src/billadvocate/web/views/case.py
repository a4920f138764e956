"""The results page: everything the engines found for a case, on one page."""

from __future__ import annotations

from decimal import Decimal

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import casework
from ..charts import money_chart
from ..permissions import can, case_view


def _num(v) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def chart_for(account: dict, household_lump: Decimal | None) -> str:
    """Billed vs asked vs fair vs what the household can pay, for one account."""
    offer, plan = account.get("offer") or {}, account.get("plan") or {}
    can_pay = None
    if plan.get("monthly") is not None and plan.get("months"):
        can_pay = _num(plan["monthly"]) * Decimal(str(plan["months"]))
    elif household_lump is not None:
        can_pay = household_lump
    bars = [(_("Billed"), _num(account.get("total_charges")) or None),
            (_("Asked for now"), _num(account.get("balance"))),
            (_("Fair amount"), _num(offer.get("fair_amount"))),
            (_("What you can pay"), can_pay)]
    return money_chart(bars, title=_("Where the money goes"))


def script_sections(account: dict) -> list[tuple[str, list[str]]]:
    """Call scripts from the review, whatever their exact shape: [(title, lines)]."""
    raw = account.get("call_scripts") or account.get("call_script") or account.get("scripts")
    out = []
    if isinstance(raw, dict):
        raw = [{"title": k, **(v if isinstance(v, dict) else {"text": v})} for k, v in raw.items()]
    for item in raw or []:
        if isinstance(item, str):
            out.append((_("Call script"), [item]))
            continue
        title = str(item.get("title") or item.get("to") or item.get("party") or item.get("id") or _("Call script"))
        lines: list[str] = []
        for key, value in item.items():
            if key in ("title", "to", "party", "id"):
                continue
            if isinstance(value, list):
                lines.extend(str(x) for x in value)
            elif value not in (None, ""):
                lines.append(str(value))
        out.append((title, lines))
    return out


@case_view("view")
def case_page(request, case_row):
    """The results: findings line by line, rights, deadlines, assistance, offer, plan, script."""
    missing = casework.missing_for_review(case_row)
    if missing:
        return redirect("web:intake", case_id=case_row.pk, step=missing)
    result, problem = casework.try_review(case_row)
    household = getattr(case_row, "household", None) if hasattr(case_row, "household") else None
    lump = getattr(household, "lump_sum_available", None) or getattr(household, "liquid_assets", None)
    accounts = []
    if result is not None:
        data = result.to_json()
        for a, review in zip(data["accounts"], result.accounts):
            flagged: dict[int, list[str]] = {}
            for f in a["findings"]:
                for n in f["lines"]:
                    flagged.setdefault(n, []).append(f["rule"])
            lines = [{"line": ln, "rules": flagged.get(ln.line, [])}
                     for ln in (review.audit.lines if review.audit else [])]
            accounts.append({"data": a, "chart": chart_for(a, lump), "scripts": script_sections(a),
                             "lines": lines,
                             "deadlines": sorted(a["deadlines"], key=lambda d: d["date"])})
    return render(request, "web/case.html", {
        "case": case_row, "result": result, "problem": problem, "accounts": accounts,
        "patient": casework.patient_of(case_row), "credit": result.to_json()["credit"] if result else [],
        "can_manage": can(request.user, "manage", case_row),
    })
