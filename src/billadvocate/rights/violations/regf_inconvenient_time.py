"""A collector's call, text, email or visit before 8:00 or after 21:00 in the patient's time zone.

Anti-pattern: a voicemail at 7:59 or a text at 21:01, local time where the patient is (an event time
without a zone is read in the patient's zone). Allowed: 8:00 and 21:00 exactly. A bare date has no
time of day and never fires; a letter's delivery time is not the collector's choice and is not
counted.
"""

from datetime import time

from ..context import Context
from ..rule import ConductRule, Hit


def _hhmm(text: str) -> time:
    h, m = str(text).split(":")
    return time(int(h), int(m))


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    hits = []
    for h in ctx.by("collector", ("call", "text", "email", "in_person")):
        if h.local is None:
            continue
        earliest = _hhmm(ctx.value("federal.fdcpa.inconvenient_time.earliest", h.day))
        latest = _hhmm(ctx.value("federal.fdcpa.inconvenient_time.latest", h.day))
        t = h.local.time().replace(tzinfo=None)
        if t < earliest or t > latest:
            when = "before" if t < earliest else "after"
            limit = earliest if t < earliest else latest
            hits.append(Hit(f"{ctx.account.collector.name} contacted you by {h.kind.replace('_', ' ')} at "
                            f"{h.local.strftime('%H:%M')} on {h.day} ({ctx.zone.key} time), {when} "
                            f"{limit.strftime('%H:%M')}.", h.day, [h]))
    return hits


RULE = ConductRule(
    id="REGF.INCONVENIENT_TIME",
    severity="medium",
    summary="a contact before 8:00 or after 21:00 in the patient's time zone",
    citations=("15 U.S.C. 1692c(a)(1)", "12 CFR 1006.6(b)(1)(i)"),
    explanation=("A collector may not contact you before 8 a.m. or after 9 p.m. your local time unless you agreed. "
                 "Keep the call log with times."),
    check=check,
)
