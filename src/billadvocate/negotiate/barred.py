"""What the limit to sue means for the money advice, in the state's own terms (from the rights engine's
`sol`, rights/sol.py): the offer's warnings, and why a time-barred debt gets no offer or plan.

The same facts the DO_NOT_PAY step reads (actions/steps.py): whether the limit ran out, what restarts it
before then and what revives the debt after (`restarts_on_*`, `revives_on_*`, which already count a
rule the data leaves open as "it does" and a state's debt-buyer rule), and whether the holder may still
sue or collect (`suit_allowed`, `collection_allowed`). Never a generic "in many states" where the
state's rule is known.
"""

from __future__ import annotations

import re
from typing import Any

from ..states import NAMES

PAYMENT = "a payment"
WRITING = "a signed written acknowledgment or promise to pay"
GENERIC = ("A payment, even a small one, or a written promise to pay can restart the statute of limitations in "
           "many states; do not pay anything before the agreement is in writing.")
IN_WRITING = "Do not pay anything before the agreement is in writing."


def known(sol: dict[str, Any] | None) -> bool:
    """The rights engine worked out the limit to sue from the state's law (not 'unknown')."""
    return bool(sol) and sol.get("status") in ("running", "expired", "expired_unless_written_contract")


def time_barred(sol: dict[str, Any] | None) -> bool:
    return bool(sol) and bool(sol.get("time_barred") or sol.get("status") in ("expired", "expired_unless_written_contract"))


def _name(sol: dict[str, Any]) -> str:
    state = sol.get("state") or ""
    return NAMES.get(state, state) or "this state"


def revival_words(sol: dict[str, Any]) -> str:
    """What paying or signing would do now to a debt whose limit to sue ran out, in the state's terms."""
    name = _name(sol)
    if sol.get("collection_allowed") is False:
        return f"in {name} a debt this old may not be collected at all"
    revive = [w for w, on in ((PAYMENT, sol.get("revives_on_payment")), (WRITING, sol.get("revives_on_writing")))
              if on is not False]
    head = "the law does not let whoever holds it sue on it, and " if sol.get("suit_allowed") is False else ""
    if not revive:
        return f"{head}in {name} nothing you pay or sign now revives it"
    alone = " (a payment alone does not)" if revive == [WRITING] else ""
    return f"{head}in {name} {' or '.join(revive)} could revive it{alone}"


SIGNED = "a signed promise to pay or a signed letter admitting the debt"


def call_revival(sol: dict[str, Any]) -> str:
    """For the call scripts: what restarts the time limit to sue on a debt whose limit ran out, in the case's
    state as of the case's date (`sol.revival`, after a state's debt-buyer rule). A rule the data leaves
    open or did not confirm is said to be so, and treated as restarting it."""
    name = _name(sol)
    rule = sol.get("revival") if isinstance(sol.get("revival"), dict) else {}
    pay, sign = sol.get("revives_on_payment") is not False, sol.get("revives_on_writing") is not False
    if not pay and not sign and any(rule.get(k) is not False for k in ("payment", "written_acknowledgment")):
        # the general rule revives it, the state's rule for debt buyers does not (Tex. Fin. Code 392.307)
        return (f"In {name}, a payment or a signed promise to pay does not restart the time limit for a debt buyer "
                f"to sue ({name} law for debt buyers).")
    if sol.get("revival_unconfirmed"):
        return (f"In {name}, a payment or a signed promise to pay may restart the time limit to sue: this rule could "
                f"not be confirmed in {name}'s law, so act as if either can.")
    if not pay and not sign:
        cite = sol.get("revival_citation")
        cite = f" ({re.sub(r' [(][^()]*[)]$', '', str(cite))})" if cite else ""
        return f"In {name}, a payment or a signed promise to pay does not restart the time limit to sue{cite}."
    if not pay:
        return f"In {name}, a payment does not restart the time limit to sue, but {SIGNED} can."
    if not sign:
        return f"In {name}, a payment can restart the time limit to sue, but a signed letter alone does not."
    if rule.get("payment") is None:
        return (f"In {name}, {SIGNED} can restart the time limit to sue, and the law read for billadvocate does not "
                "settle whether a payment can: act as if it can.")
    return f"In {name}, a payment or a signed promise to pay can restart the time limit to sue."


def judged_reason(sol: dict[str, Any] | None) -> str | None:
    """A judgment in the log (rights/sol.py `judgment`): no money is offered or promised before a lawyer has looked at
    setting it aside - the limit to sue no longer decides anything, and the judgment is enforceable meanwhile."""
    day = (sol or {}).get("judgment")
    return (f"A judgment was entered on {day}: do not offer, promise or pay anything on this debt before talking to a "
            f"lawyer or legal aid about asking the court to set the judgment aside; until then the judgment can be "
            f"enforced.") if day else None


def barred_reason(sol: dict[str, Any]) -> str:
    """Why a time-barred debt gets no settlement offer or payment plan (the output says 'no offer')."""
    judged = judged_reason(sol)
    if judged:
        return judged
    return (f"The limit to sue on this debt ran out on {sol.get('expires')}, and "
            f"{revival_words(sol)}. Paying it is your choice, not a duty; if you decide to pay anyway, talk to a "
            "lawyer or legal aid first.")


def chose_to_pay_note(sol: dict[str, Any]) -> str:
    """The plan's note when the patient chose to pay a time-barred debt anyway."""
    return (f"The limit to sue on this debt ran out on {sol.get('expires')}, and {revival_words(sol)}. You chose to "
            "pay anyway: the plan letter says it acknowledges no debt; sign nothing else about it.")


def warnings(sol: dict[str, Any] | None, expired: bool | None) -> list[str]:
    """The offer's warnings about the limit to sue (`expired`: whether it ran out, None when unknown):
    the state's rule (the rights engine's own warning) where it is known, the generic "in many states"
    warning only where it is not."""
    sol = sol or {}
    head = IN_WRITING if known(sol) and sol.get("warning") else GENERIC
    if expired and not sol.get("judgment"):  # a judged debt is enforced whatever the limit was (rights/sol.py)
        out = ["Time-barred debt: you may choose not to pay at all. " + head]
    elif expired is None:
        out = ["Statute-of-limitations status unknown. " + head]
    else:
        out = [head]
    if sol.get("warning"):
        out.append(sol["warning"])
    return out
