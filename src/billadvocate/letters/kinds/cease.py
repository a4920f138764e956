"""Tell a collector in writing to stop contacting the patient.

Needed when the rights engine found conduct violations by the collector (calls too often or at
inconvenient times, threats on a time-barred debt, ignoring an earlier request). After it is
received, the collector may only write to say it stops, or that it will use a specific remedy.
"""

from __future__ import annotations

from . import COLLECTOR, COLLECTOR_ADDRESS, COLLECTOR_REFERENCE, PATIENT_ADDRESS, PATIENT_NAME, LetterKind, barred, rule_names

CONDUCT = ("REGF.CALL_FREQUENCY", "REGF.INCONVENIENT_TIME", "REGF.TIME_BARRED_THREAT", "FDCPA.WORK_CONTACT",
           "FDCPA.CEASE_IGNORED", "REGF.COLLECTION_DURING_DISPUTE", "BANKRUPTCY.DISCHARGED_DEBT_COLLECTED")


def conduct(f) -> list:
    return [v for v in f.violations if v.rule in CONDUCT or v.rule.startswith("STATE.")]


def when(f) -> str | None:
    if f.collector is None:
        return None
    found = conduct(f)
    if not found:
        sol = f.review.sol or {}
        if sol.get("time_barred") and not sol.get("judgment") and not f.account.patient_chose_to_pay:
            return ("stop the contacts: the debt is too old to sue on (a collector told to stop may still write "
                    "once to say what it will do; keep the log)")
        return None
    return ("stop the contacts: the collector broke these rules: " + rule_names({v.rule for v in found}).lower()
            + " (a collector told to stop may still sue; keep the log)")


def own(v) -> bool:
    """Conduct only a collector can commit (Regulation F, the FDCPA); a state rule's hit may be the
    provider's (its credit reporting), which the letter to the collector must not call 'your conduct'."""
    return v.rule.startswith(("REGF.", "FDCPA."))


def extra(f) -> dict:
    from ...negotiate.owed import discharge_day  # late: the money engine builds on the review too

    found = conduct(f)
    return {"conduct": found, "own_conduct": all(own(v) for v in found), "barred": barred(f),
            "discharged": discharge_day(f.account)}


KIND = LetterKind(
    type="cease",
    title="Request to stop contact",
    recipient="collector",
    summary="Tells the collector to stop all contact except in writing to say it stops or will use a "
            "specific remedy, and lists the conduct that broke the rules.",
    citations=("15 U.S.C. 1692c(c)", "12 CFR 1006.6(c)"),
    may_cite=("12 CFR 1006.26(b)", "11 U.S.C. 524(a)(2)"),  # a time-barred debt; a debt discharged in bankruptcy
    needs=(PATIENT_NAME, PATIENT_ADDRESS, COLLECTOR, COLLECTOR_ADDRESS, COLLECTOR_REFERENCE),
    when=when,
    extra=extra,
    certified=True,
)
