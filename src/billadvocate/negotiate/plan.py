"""A payment plan the household can carry: a monthly amount from its budget, the state caps, a
dated schedule at zero interest, and what to do if a payment is missed.

Budget: half of what is left of monthly income after essential expenses (so one surprise does not
break the plan), shared by all the household's plans; without expense figures, 5% of gross monthly
income. State caps are law data (`states/<xx>/payment_plans.yaml`): Colorado 4% of monthly income
for a hospital (6% when its bill includes its professionals' charges) and 2% per professional for
patients qualified for Hospital Discounted Care, paid in full after 36 payments;
Maryland and New York 5%; California 10% of income after essential expenses; Illinois no more than
20% (25% before 2021) of a year's income collected in 12 months.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from ..law import law
from ..util import cents, dollars

BUDGET_SHARE = Decimal("0.5")
NO_EXPENSES_SHARE = Decimal("0.05")
LONG_PLAN_MONTHS = 60

MISSED_PAYMENT = [
    "Call or write before the due date if a payment will be late, and ask for a skipped month or a lower amount; get the change in writing.",
    "Keep paying what you can: a partial payment on time shows good faith, and keep every receipt.",
    "If the provider cancels the plan or sends the account to collections, ask in writing for the plan's terms and for the hardship or financial-assistance review again.",
    "Never let a collector take automatic payments from your bank account; pay each month yourself.",
]


def _in_force(path: str, on: date):
    rules = law()
    if path not in rules:
        return None
    try:
        v = rules.at(path, on)
    except KeyError:
        return None
    return None if v.value is None else v


def _eligible(programs: list[dict], pid: str) -> bool:
    return any(p["id"] == pid and p["eligible"] is True for p in programs)


def state_caps(*, state: str, kind: str | None, programs: list[dict], monthly_income: Decimal,
               expenses: Decimal | None, annual_income: Decimal, on: date) -> list[dict[str, Any]]:
    """The monthly caps (and limits) state law puts on this plan, each with its citation."""
    caps: list[dict[str, Any]] = []
    prefix = f"states.{state.lower()}.payment_plans"

    def add(v, amount, why, **more):
        caps.append({"monthly": amount, "why": why, "citations": v.citations,
                     "unconfirmed": v.unconfirmed, **more})

    if state == "CO" and _eligible(programs, "STATE.CO.HOSPITAL_DISCOUNTED_CARE"):
        key = "hospital_monthly_cap_percent" if kind == "hospital" else "professional_monthly_cap_percent"
        v = _in_force(f"{prefix}.{key}", on)
        n = _in_force(f"{prefix}.max_payments", on)
        if v:
            who = "a hospital bill" if kind == "hospital" else "each professional's bill"
            add(v, cents(monthly_income * Decimal(v.value) / 100),
                f"Colorado Hospital Discounted Care: at most {v.value}% of monthly household income on {who}",
                max_payments=n.value if n else None)
            combined = _in_force(f"{prefix}.combined_monthly_cap_percent", on)
            if combined and kind == "hospital":
                caps[-1]["why"] += (f" ({combined.value}%, {dollars(monthly_income * Decimal(combined.value) / 100)}, "
                                    "if the hospital's bill also includes its professionals' charges)")
                caps[-1]["citations"] = v.citations + combined.citations
    if state in ("MD", "NY") and kind == "hospital":
        v = _in_force(f"{prefix}.monthly_cap_percent", on)
        if v:
            add(v, cents(monthly_income * Decimal(v.value) / 100),
                f"{state}: hospital payment plans at most {v.value}% of monthly income")
    if state == "CA" and _eligible(programs, "STATE.CA.HOSPITAL_FAIR_PRICING") and expenses is not None:
        v = _in_force(f"{prefix}.reasonable_payment_percent", on)
        if v:
            add(v, cents(max(monthly_income - expenses, Decimal(0)) * Decimal(v.value) / 100),
                f"California reasonable payment plan: at most {v.value}% of monthly income after essential expenses")
    if state == "IL" and _eligible(programs, "STATE.IL.HOSPITAL_UNINSURED_PATIENT_DISCOUNT"):
        v = _in_force(f"{prefix}.twelve_month_cap_percent", on)
        if v:
            add(v, None, f"Illinois: the hospital may collect at most {v.value}% of the family's yearly income "
                         f"({dollars(annual_income * Decimal(v.value) / 100)}) in any 12 months",
                twelve_month_limit=float(cents(annual_income * Decimal(v.value) / 100)))
    return caps


def interest_rate(state: str, on: date) -> tuple[Decimal, list[str], str]:
    v = _in_force(f"states.{state.lower()}.payment_plans.interest_cap_percent", on)
    if v is None:
        return Decimal(0), [], "Ask for zero interest: most hospital and provider plans charge none."
    if not v.value:
        return Decimal(0), v.citations, "The law makes these plans interest free."
    return Decimal(0), v.citations, (f"Zero interest asked for; the law caps interest at {v.value}% a year "
                                      "here in any case.")


def schedule(amount: Decimal, monthly: Decimal, months: int, first: date) -> list[dict[str, Any]]:
    rows, left = [], amount
    for n in range(1, months + 1):
        pay = min(monthly, left)
        left -= pay
        rows.append({"n": n, "date": (first + relativedelta(months=n - 1)).isoformat(),
                     "amount": float(pay), "balance_after": float(left)})
    return rows


def even_monthly(amount: Decimal, months: int) -> Decimal:
    """The same payment every month that pays `amount` off in `months`: the amount divided evenly,
    rounded up to the cent (the last payment is then a few cents smaller), so the monthly amount a
    letter states times the months is the plan's total, not the budget the household could carry."""
    if months <= 0:
        return amount
    return (amount / months).quantize(Decimal("0.01"), rounding=ROUND_CEILING)


def last_payment(rows: list[dict[str, Any]], monthly: Decimal) -> float | None:
    """The last payment when it differs from the monthly amount (None when every payment is the same)."""
    if not rows or Decimal(str(rows[-1]["amount"])) == monthly:
        return None
    return rows[-1]["amount"]


def months_text(n: int) -> str:
    """'1 month', '12 months'."""
    return f"{n} month" if n == 1 else f"{n} months"


def payments_text(n: int) -> str:
    return f"{n} payment" if n == 1 else f"{n} payments"


def payments_before(first: date, limit: date) -> int:
    """How many monthly payments, the first on `first`, fall before `limit`."""
    n = 0
    while first + relativedelta(months=n) < limit:
        n += 1
    return n


def fit_before(amount: Decimal, monthly: Decimal, budget_ceiling: Decimal, first: date,
               must_end_before: date | None) -> tuple[Decimal | None, str | None]:
    """The monthly amount that ends the plan before `must_end_before` (the day a payment would
    restart the limit to sue), or None with the reason when the household cannot afford it."""
    if must_end_before is None:
        return monthly, None
    room = payments_before(first, must_end_before)
    months = int((amount / monthly).to_integral_value(rounding=ROUND_CEILING)) if monthly > 0 else None
    if months is not None and months <= room:
        return monthly, None
    if room <= 0:
        return None, (f"The limit to sue on this debt ends on {must_end_before}, before a first payment on "
                      f"{first}; a payment can restart it: do not start a plan.")
    needed = (amount / room).quantize(Decimal(1), rounding=ROUND_CEILING)
    if needed <= budget_ceiling:
        return needed, (f"The limit to sue ends on {must_end_before} and a payment can restart it, so the plan "
                        f"must be paid off before then: {payments_text(room)} at most, {dollars(needed)} a month.")
    return None, (f"A plan the household can afford would run past {must_end_before}, when the limit to sue "
                  f"ends, and a payment can restart it: do not start a plan; settle for a lump sum or wait.")


def payment_plan(*, account, household, programs: list[dict], amount: Decimal, state: str,
                 as_of: date, must_end_before: date | None = None) -> dict[str, Any] | None:
    """The `plan` block: monthly, months, why, schedule, caps, missed_payment.

    `must_end_before`: the day a payment would restart the limit to sue (actions.safety): the last
    payment falls before it, or there is no plan."""
    why: list[str] = []
    if household is None or household.annual_income is None:
        return {"monthly": None, "months": None, "missing": ["household.annual_income"],
                "why": "A plan needs the household's yearly income and its essential monthly expenses: "
                       "add them to the case.", "schedule": [],
                "missed_payment": MISSED_PAYMENT}
    amount = cents(amount)
    income = Decimal(household.annual_income) / 12
    expenses = None if household.monthly_expenses is None else Decimal(household.monthly_expenses)
    if expenses is not None:
        room = income - expenses
        budget = max(room * BUDGET_SHARE, Decimal(0))
        why.append(f"Monthly income {dollars(income)} less essential expenses {dollars(expenses)} leaves "
                   f"{dollars(room)}; half of it, {dollars(budget)}, keeps room for surprises.")
    else:
        budget = income * NO_EXPENSES_SHARE
        why.append(f"No expense figures (household.monthly_expenses): {NO_EXPENSES_SHARE:.0%} of gross monthly "
                   f"income, {dollars(budget)}.")
    caps = state_caps(state=state, kind=account.provider.kind, programs=programs, monthly_income=income,
                      expenses=expenses, annual_income=Decimal(household.annual_income), on=as_of)
    monthly = budget
    max_payments = None
    for c in caps:
        why.append(c["why"] + (f" ({dollars(c['monthly'])} a month)." if c["monthly"] is not None else "."))
        if c["monthly"] is not None and c["monthly"] < monthly:
            monthly = c["monthly"]
        max_payments = c.get("max_payments") or max_payments
        if c.get("twelve_month_limit") is not None and amount > Decimal(str(c["twelve_month_limit"])):
            why.append(f"More than {dollars(c['twelve_month_limit'])} cannot be collected in the first 12 months.")
    monthly = monthly.quantize(Decimal(1), rounding=ROUND_DOWN) if monthly >= 1 else cents(monthly)
    rate, rate_cites, rate_why = interest_rate(state, as_of)
    rate_unconfirmed = bool(rate_cites) and _in_force(f"states.{state.lower()}.payment_plans.interest_cap_percent", as_of).unconfirmed
    caps_out = [{**c, "monthly": None if c["monthly"] is None else float(c["monthly"])} for c in caps]
    result: dict[str, Any] = {"amount": float(amount), "interest_rate": float(rate), "caps": caps_out,
                              "missed_payment": MISSED_PAYMENT, "budget": float(cents(budget))}
    if amount <= 0:
        why.insert(0, "Nothing to pay on a plan: the fair amount is zero.")
        result.update(monthly=0.0, months=0, schedule=[], why=" ".join(why))
        return result
    if monthly <= 0:
        why.append("There is no room in the budget for a payment: ask for a hardship review and financial "
                   "assistance; do not agree to a plan you cannot keep.")
        result.update(monthly=0.0, months=None, schedule=[], why=" ".join(why))
        return result
    first = as_of + relativedelta(months=1)
    # the monthly amount is already the most the budget and the law allow: a plan fits or is refused
    fitted, fit_why = fit_before(amount, monthly, monthly, first, must_end_before)
    if fit_why:
        why.append(fit_why)
    if fitted is None:
        result.update(monthly=None, months=None, schedule=[], why=" ".join(why), refused=True,
                      must_end_before=must_end_before.isoformat() if must_end_before else None)
        return result
    monthly = fitted
    months = int((amount / monthly).to_integral_value(rounding=ROUND_CEILING))
    forgiven = Decimal(0)
    if max_payments and months > max_payments:
        forgiven = amount - monthly * max_payments
        months = max_payments
        why.append(f"After {payments_text(max_payments)} the rest, {dollars(forgiven)}, is paid in full by law.")
    ceiling = monthly  # the most the budget and the law allow each month (shared across plans: across_accounts)
    if forgiven == 0:
        monthly = even_monthly(amount, months)  # the payment, not the budget: monthly x months is the total
    payable = amount - forgiven
    rows = schedule(payable, monthly, months, first)
    last = last_payment(rows, monthly)
    result.update(monthly=float(monthly), months=months, duration=months_text(months), first_payment=first.isoformat(),
                  forgiven=float(forgiven), schedule=rows, total=float(sum(Decimal(str(r["amount"])) for r in rows)),
                  last_payment=last, ceiling=float(ceiling), must_end_before=must_end_before.isoformat() if must_end_before else None)
    why.append(f"{dollars(payable)} at {dollars(monthly)} a month is {payments_text(months)}, the first on {first}"
               + (f" and the last{f' ({dollars(last)})' if last is not None else ''} on {rows[-1]['date']}"
                  if len(rows) > 1 else "") + f". {rate_why}")
    if months > LONG_PLAN_MONTHS:
        why.append(f"That is more than {LONG_PLAN_MONTHS // 12} years: settle for less or ask for more assistance first.")
    result["why"] = " ".join(why)
    result["citations"] = [c for cap in caps for c in cap["citations"]] + rate_cites
    result["unconfirmed"] = any(cap["unconfirmed"] for cap in caps) or rate_unconfirmed
    return result


def replan(plan: dict[str, Any], monthly: Decimal, reason: str) -> dict[str, Any]:
    """The same plan at a lower monthly amount (e.g. a cap over several bills), schedule redone."""
    amount = Decimal(str(plan["amount"]))
    monthly = monthly.quantize(Decimal(1), rounding=ROUND_DOWN) if monthly >= 1 else cents(monthly)
    if monthly <= 0 or not plan.get("months"):
        return plan
    max_payments = next((c.get("max_payments") for c in plan.get("caps", []) if c.get("max_payments")), None)
    months = int((amount / monthly).to_integral_value(rounding=ROUND_CEILING))
    forgiven = Decimal(0)
    if max_payments and months > max_payments:
        forgiven, months = amount - monthly * max_payments, max_payments
    else:
        monthly = even_monthly(amount, months)
    first = date.fromisoformat(plan["first_payment"])
    limit = date.fromisoformat(plan["must_end_before"]) if plan.get("must_end_before") else None
    if limit is not None and months > payments_before(first, limit):
        plan["why"] += (f" {reason} At that share the plan would run past {limit}, when the limit to sue ends, "
                        "so it keeps its own amount.")
        return plan
    rows = schedule(amount - forgiven, monthly, months, first)
    plan.update(monthly=float(monthly), months=months, duration=months_text(months), forgiven=float(forgiven),
                schedule=rows, total=float(sum(Decimal(str(r["amount"])) for r in rows)),
                last_payment=last_payment(rows, monthly))
    plan["why"] += f" {reason} Now {dollars(monthly)} a month for {payments_text(months)}."
    return plan
