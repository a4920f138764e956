"""More than 7 calls in 7 consecutive days, or a call within 7 days after a conversation, on one debt.

Anti-pattern: the 8th collector call between 2026-10-01 and 10-07; or a call on 10-19 after you
spoke with the collector on 10-13 (the conversation's day is day 1 of its 7 days, so 10-19 is day 7).
Allowed: the 7th call in 7 days; a call on day 8 after the conversation (10-20); calls you consented
to in advance (event.consent: true) are not counted. A provider calling about its own bill is not
covered.
"""

from datetime import timedelta

from ..context import Context
from ..rule import ConductRule, Hit


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    calls = [h for h in ctx.by("collector", ("call",)) if not h.consent]
    if not calls:
        return []
    name = ctx.account.collector.name
    max_calls = ctx.value("federal.regulation_f.call_frequency.max_calls", calls[0].day)
    window = ctx.value("federal.regulation_f.call_frequency.window_days", calls[0].day)
    after = ctx.value("federal.regulation_f.call_frequency.after_conversation_days", calls[0].day)
    hits, flagged = [], set()
    # (A) more than max_calls within any `window` consecutive days: flag each call that goes over
    lo = 0
    for i, call in enumerate(calls):
        start = call.day - timedelta(days=window - 1)
        while calls[lo].day < start:
            lo += 1
        inside = calls[lo: i + 1]
        if len(inside) > max_calls:
            flagged.add(call.source)
            hits.append(Hit(f"{name} placed call number {len(inside)} within {window} consecutive days "
                            f"({start} to {call.day}); more than {max_calls} is presumed harassment.", call.day, inside))
    # (B) a call within `after` days after a telephone conversation (the conversation's day is day 1);
    # a call the patient placed to the collector counts as a conversation too (CFPB Reg F FAQ, call frequency)
    convs = [c for c in ctx.happenings if c.kind == "call" and c.conversation
             and (c.by == "collector" or (c.by == "patient" and c.to == "collector"))]
    j, last_conv = 0, None
    for call in calls:  # both lists are in time order: track the latest conversation before each call
        while j < len(convs) and convs[j].sort_key() < call.sort_key():
            last_conv = convs[j]
            j += 1
        conv = last_conv
        if conv is None or call.source in flagged:
            continue
        last_day = conv.day + timedelta(days=after - 1)
        if call.day <= last_day:
            flagged.add(call.source)
            hits.append(Hit(f"{name} called again on {call.day}, {(call.day - conv.day).days} days after speaking "
                            f"with you on {conv.day}; no call is allowed through {last_day}.", call.day, [conv, call]))
    return hits


RULE = ConductRule(
    id="REGF.CALL_FREQUENCY",
    severity="high",
    summary="more than 7 calls in 7 days, or a call within 7 days after a conversation, on one debt",
    citations=("12 CFR 1006.14(b)(2)(i)", "15 U.S.C. 1692d(5)"),
    explanation=("Calling repeatedly to annoy or harass is banned; Regulation F presumes a violation above 7 calls "
                 "in 7 days or any call within 7 days after a phone conversation about the debt. Keep your call log "
                 "and tell the collector in writing how and when it may contact you."),
    check=check,
)
