"""A threat of suit, or a suit, on a debt past its statute of limitations.

Anti-pattern: the open-account period in the patient's state ended on 2025-06-30 and the collector
threatens to sue on 2025-07-01. Allowed: a threat on or before the last day of the period. When the
debt is past the open-account period but not the longer written-contract period, the finding is
medium: it holds only if the patient never signed a written agreement.
"""

from ..context import Context
from ..rule import ConductRule, Hit
from ..sol import ACKNOWLEDGMENTS, sol_status


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    hits = []
    # the limitation period moves only with the patient's own entries (payments, signed writings):
    # reading only those for each threat keeps a long log linear (only dates and years are used here)
    own = ctx.account.model_copy(update={"events": [
        e for e in ctx.account.events if e.from_ == "patient" and (e.kind == "payment" or e.type in ACKNOWLEDGMENTS)]})
    # a threat may come as a legal_action of type threat, or a letter or call the log types as a threat
    for h in ctx.by("collector", ("legal_action", "letter", "call")):
        if h.type not in ("threat", "lawsuit"):
            continue
        ctx.value("federal.regulation_f.time_barred.no_suit_or_threat", h.day)
        sol = sol_status(ctx.case, own, h.day, ctx.law)
        if sol["expires"] is None or h.day <= sol["expires"]:
            continue
        written = sol.get("expires_if_written_contract")
        sure = written is None or h.day > written
        what = "sued you" if h.type == "lawsuit" else "threatened to sue"
        msg = (f"{ctx.account.collector.name} {what} on {h.day}, after the {sol['years']}-year {sol['state']} "
               f"statute of limitations ran out on {sol['expires']}.")
        if not sure:
            msg += f" (If you signed a written agreement, the {sol['written_contract_years']}-year period runs to {written}.)"
        hits.append(Hit(msg, h.day, [h], severity="high" if sure else "medium", unconfirmed=sol["unconfirmed"]))
    return hits


RULE = ConductRule(
    id="REGF.TIME_BARRED_THREAT",
    severity="high",
    summary="a threat of suit, or a suit, on a debt past its statute of limitations",
    citations=("12 CFR 1006.26(b)", "15 U.S.C. 1692e(2)(A), (5)"),
    explanation=("A collector may not sue or threaten to sue on a debt that is too old to be sued on. Do not pay or "
                 "sign anything that acknowledges the debt before getting advice: in most states that restarts "
                 "the clock. If sued, raise the statute of limitations in your answer."),
    check=check,
)
