"""Tell whoever holds the account that the patient has died, who handles the estate, and to stop contacting the writer.

Written when the case says the patient has died (`patient.died_on`), by the person dealing with the bill
(`contact:`, who signs it): a spouse, a child, a parent, another relative, or the estate's executor or
administrator. It names the estate's representative from `patient.estate` (or says none is appointed yet),
says that a dead person's debts are paid from the estate (FTC, 76 FR 44915), asks the collector or billing office
to stop contacting the writer (a collector may ask a third party only how to reach the estate, 15 U.S.C. 1692b,
1692c(b)), and never acknowledges the debt. It says that the writer is not personally liable only where the
rights engine found so for this case and this state (rights/family_liability.py: not the spouse, no signature
to pay, no state law that may reach them, confirmed): a spouse, a child or a parent whose state's law may make
them pay, or anyone who may have signed to pay, gets no such sentence. Where the collector asked the writer to
pay although no law makes them liable (FDCPA.RELATIVE_ASKED_TO_PAY), it says that this misstates the debt.
"""

from __future__ import annotations

from . import LetterKind, Need, holder_needs

RELATIONS = {"spouse": ("spouse", "cónyuge"), "parent": ("parent", "padre o madre"), "child": ("child", "hijo o hija"),
             "other_relative": ("relative", "familiar"), "friend": ("friend", "amigo o amiga")}


def writer(f):
    """Who signs: the person of `contact:` (the patient has died)."""
    return f.case.contact


DIED = Need("patient.died_on", "the day the patient died", lambda f: f.patient.died_on,
            what_es="la fecha en que falleció el paciente")
WRITER_NAME = Need("contact.name", "the name of the person writing (the one dealing with the bill)",
                   lambda f: f.case.contact.name if f.case.contact else None,
                   what_es="el nombre de quien escribe (quien se ocupa de la factura)")
WRITER_ADDRESS = Need("contact.address", "the mailing address of the person writing",
                      lambda f: f.case.contact.address if f.case.contact else None,
                      what_es="la dirección postal de quien escribe")
PATIENT = Need("patient.name", "the patient's name", lambda f: f.patient.name, what_es="el nombre del paciente")


def when(f) -> str | None:
    if f.patient.died_on is None or f.sent("death_notice"):
        return None
    who = "the collector" if f.collector else "the billing office"
    return (f"tell {who} in writing that the patient has died and who handles the estate, and ask it to stop "
            "contacting you about the bill")


def extra(f) -> dict:
    from ...actions.safety import someone_else_pays

    who = someone_else_pays(f.review) if f.review is not None else None
    contact = f.case.contact
    asked = [v for v in f.violations if v.rule == "FDCPA.RELATIVE_ASKED_TO_PAY"]
    relation = RELATIONS.get(contact.relationship) if contact else None
    return {
        "died_on": f.patient.died_on, "estate": f.patient.estate, "writer": contact,
        "handles_estate": bool(contact and contact.handles_estate),
        # only what the law data supports for this case: confirmed, not liable
        "not_liable": bool(who and who.get("applies") is True and not who.get("unconfirmed")),
        "asked_on": min((_day(f.account.events[i].at) for v in asked for i in v.events), default=None),
        "relation": relation,
        "fdcpa": f.collector is not None and f.collector.kind in ("agency", "debt_buyer", "attorney"),
    }


def _day(at):
    return at.date() if hasattr(at, "date") and callable(at.date) else at


KIND = LetterKind(
    type="death_notice",
    title="Notice that the patient has died",
    recipient="holder",
    summary="Tells the collector or billing office that the patient has died and who handles the estate (or that no "
            "one is appointed yet), asks it to stop contacting the writer, says the writer is not personally liable "
            "only where the law data supports it, and acknowledges no debt.",
    citations=("76 FR 44915",),
    may_cite=("15 U.S.C. 1692b", "15 U.S.C. 1692c(b)", "15 U.S.C. 1692e(2)(A)", "15 U.S.C. 1692e(10)"),
    needs=(DIED, PATIENT, WRITER_NAME, WRITER_ADDRESS, *holder_needs()),
    when=when,
    extra=extra,
    certified=True,
    writer=writer,
)
