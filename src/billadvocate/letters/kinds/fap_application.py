"""Apply for the provider's financial assistance (charity care), and ask it to pause collection.

Needed when the household's income is known and either the provider is a nonprofit hospital
(bound by IRS 501(r) to have a financial-assistance policy) or an assistance program of the
money engine says the household is (or may be) eligible.
"""

from __future__ import annotations

from . import ACCOUNT_NUMBER, PATIENT_ADDRESS, PATIENT_NAME, PROVIDER_ADDRESS, LetterKind
from ..facts import Need

HOUSEHOLD_SIZE = Need("household.size", "the number of people in the household",
                      lambda f: f.case.household.size if f.case.household else None,
                      what_es="el número de personas en el hogar")
INCOME = Need("household.annual_income", "the household's yearly income",
              lambda f: f.case.household.annual_income if f.case.household else None,
              what_es="los ingresos anuales del hogar")
FPL = Need("household.size", "the household's poverty-guideline percentage (from its size and income)",
           lambda f: f.fpl_percent,
           what_es="el porcentaje de la línea de pobreza del hogar (según su tamaño y sus ingresos)")


NOT_THE_PROVIDERS = ("MEDICAID",)  # applied for with the state, not with the provider


def programs(f) -> list[dict]:
    """The provider's programs the money engine found the household eligible (or possibly
    eligible) for."""
    return [p for p in f.assistance.get("programs", []) if p.get("eligible") is not False
            and p.get("id") not in NOT_THE_PROVIDERS]


def when(f) -> str | None:
    if f.fpl_percent is None or f.sent("fap_application"):
        return None
    eligible = [p for p in programs(f) if p.get("eligible")]
    if eligible:
        return "you are likely eligible for help (" + "; ".join(p.get("name") or "financial assistance" for p in eligible) + ")" + \
            f" (income {f.fpl_percent}% of the poverty guideline): apply in writing"
    if f.account.provider.nonprofit:
        return (f"{f.account.provider.name} is a nonprofit hospital that must have a financial-"
                f"assistance policy (IRS 501(r)); income is {f.fpl_percent}% of the poverty "
                "guideline: apply in writing")
    return None


def extra(f) -> dict:
    a = f.assistance
    fap = f.account.provider.fap
    free = fap.free_at_or_below_fpl if fap else None
    discount_to = fap.discount_at_or_below_fpl if fap else None
    pct = f.fpl_percent
    return {
        "fpl_percent": pct,
        "fpl_year": a.get("year"),
        "guideline": a.get("guideline"),
        "programs": programs(f),
        "policy_free": free if free is not None and pct is not None and pct <= free else None,
        "policy_discount": (fap.discount if fap and discount_to is not None and pct is not None
                            and (free is None or pct > free) and pct <= discount_to else None),
        "fap_end": f.deadline("FAP_APPLICATION_END"),
        # the sentence "made before the end of the application period" only while it is true
        "fap_open": _period(f, still_open=True),
        "fap_closed": _period(f, still_open=False),
        "notice_days": _notice_days(f),
        "nonprofit": bool(f.account.provider.nonprofit),
    }


def _notice_days(f):
    """Days a nonprofit hospital's written notice must give before an extraordinary collection action."""
    from ...law import law

    try:
        return law().at("federal.irs_501r.eca_notice_days", f.as_of).value
    except KeyError:
        return None


def _period(f, *, still_open: bool):
    """The application period's last day, when it is (still_open) or is no longer open on the letter's date."""
    end = f.deadline("FAP_APPLICATION_END")
    if end is None:
        return None
    return end.date if (end.date >= f.as_of) is still_open else None


KIND = LetterKind(
    type="fap_application",
    title="Application for financial assistance",
    recipient="provider",
    summary="Applies for the provider's financial assistance with the household's size and income, "
            "the program it matches, the documents enclosed, and a request to suspend collection "
            "while the application is pending.",
    citations=(),
    may_cite=("26 U.S.C. 501(r)(4)", "26 CFR 1.501(r)-4", "26 CFR 1.501(r)-5", "26 CFR 1.501(r)-6"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, PROVIDER_ADDRESS, ACCOUNT_NUMBER, HOUSEHOLD_SIZE, INCOME, FPL),
    when=when,
    extra=extra,
    certified=True,
)
