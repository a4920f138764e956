"""The plan's first steps when the patient has died, or when someone other than the patient deals with the bill.

Read from the rights engine's answer to who must pay (its DECEASED.WHO_PAYS protection, rights/family_liability.py):
first "Don't pay this from your own money yet" - not liable: do not pay it or agree to anything in your name;
may be liable: get legal advice before paying or refusing - then, when the patient has died, "Tell the collector in
writing that the patient has died and who handles the estate" (the death_notice letter). Each text has its Spanish
here (actions/spanish.py renders it); no settlement or plan is offered in the relative's name (actions/safety.py).
"""

from __future__ import annotations

from typing import Any

from ..states import NAMES
from .safety import someone_else_pays

OWN_MONEY = "DONT_PAY_OWN_MONEY"
TELL_OF_DEATH = "TELL_OF_DEATH"
TITLES = {OWN_MONEY: ("Don't pay this from your own money yet", "No pague esto con su propio dinero todavía"),
          TELL_OF_DEATH: ("Tell the collector in writing that the patient has died and who handles the estate",
                          "Diga por escrito al cobrador que el paciente falleció y quién administra el patrimonio")}
TITLE_PROVIDER = ("Tell the billing office in writing that the patient has died and who handles the estate",
                  "Diga por escrito a la oficina de facturación que el paciente falleció y quién administra el "
                  "patrimonio")
NOTHING_IN_YOUR_NAME = ("Do not pay, promise or sign anything, and do not agree to a payment plan or a settlement in "
                        "your own name.",
                        "No pague, prometa ni firme nada, y no acepte un plan de pagos ni un acuerdo a su propio nombre.")
NOT_LIABLE = ("You are not personally liable for this bill: no one may make you pay it from your own money.",
              "Usted no es personalmente responsable de esta factura: nadie puede obligarle a pagarla con su propio "
              "dinero.")
MAY_BE_LIABLE = ("You may be liable under {state} law; get legal advice before you pay or refuse (free legal aid: "
                 "lawhelp.org).",
                 "Usted podría ser responsable según la ley de {state}; busque asesoría legal antes de pagar o de "
                 "negarse (ayuda legal gratuita: lawhelp.org).")
RECEIVED = ("You received money or property from the estate: you may be liable for this bill up to what you "
            "received; get legal advice before you pay anything (free legal aid: lawhelp.org).",
            "Usted recibió dinero o bienes del patrimonio: podría ser responsable de esta factura hasta el valor de lo "
            "que recibió; busque asesoría legal antes de pagar nada (ayuda legal gratuita: lawhelp.org).")
FROM_ESTATE = ("The patient's debts are paid from the estate, by whoever handles it, in the order the law sets.",
               "Las deudas del paciente se pagan con su patrimonio, por quien lo administre, en el orden que fija la ley.")
HANDLES = ("As the one who handles the estate, pay them only from the estate's money, never from your own.",
           "Como administrador del patrimonio, páguelas solo con el dinero del patrimonio, nunca con el suyo.")
NOTICE = ("Send the letter: it says that the patient died on {day} and who handles the estate (or that no one has "
          "been appointed yet), asks them to stop contacting you about it, and acknowledges no debt.",
          "Envíe la carta: dice que el paciente falleció el {day} y quién administra el patrimonio (o que todavía no "
          "se ha nombrado a nadie), pide que dejen de contactarle por este asunto, y no reconoce ninguna deuda.")
NOTICE_NEEDS = (" To write it, add {what} to the case.", " Para escribirla, complete en el caso los datos que faltan.")


def _texts(r, result, lang: int) -> tuple[str, str] | None:
    """(why of DONT_PAY_OWN_MONEY, why of TELL_OF_DEATH or '') in one language (0 en, 1 es), or None."""
    who = someone_else_pays(r)
    if who is None:
        return None
    case = result.case
    died = case.patient.died_on
    contact = case.contact
    may = MAY_BE_LIABLE[lang].format(state=NAMES.get(case.patient.state, case.patient.state))
    if died is not None and contact is not None and contact.received_from_estate:  # up to what was received
        parts = [RECEIVED[lang]] + ([may] if "You may be liable under " in (who.get("why") or "") else [])
    else:
        parts = [NOT_LIABLE[lang] if who.get("applies") else may]
    parts.append(NOTHING_IN_YOUR_NAME[lang])
    if died is not None:
        parts.append(FROM_ESTATE[lang])
        if contact is not None and contact.handles_estate:
            parts.append(HANDLES[lang])
    notice = NOTICE[lang].format(day=died.isoformat()) if died is not None else ""
    return " ".join(parts), notice


def estate_steps(r, result, make) -> list[dict[str, Any]]:
    """The two first steps for this account (`make` is steps._step), ranked with the do-not-pay steps."""
    texts = _texts(r, result, 0)
    if texts is None:
        return []
    own, notice = texts
    out = [make(OWN_MONEY, r.account.id, own, title=TITLES[OWN_MONEY][0])]
    if result.case.patient.died_on is not None:
        letter = next((e for e in r.letters if e["type"] == "death_notice"), None)
        if letter is None:
            from ..letters.facts import LetterFacts, first_missing
            from ..letters.kinds import kind

            need = first_missing(kind("death_notice").needs, LetterFacts(result, r))
            notice = notice.replace("Send the letter: it says", "Write to them: say") \
                .replace(", asks them", ", ask them").replace("and acknowledges no debt", "and admit no debt") \
                + (NOTICE_NEEDS[0].format(what=need.what) if need else "")
        title = TITLES[TELL_OF_DEATH][0] if r.account.collector else TITLE_PROVIDER[0]
        out.append(make(TELL_OF_DEATH, r.account.id, notice, title=title, letter="death_notice" if letter else None))
    for s in out:
        s["_tier"] = 1  # with the do-not-pay steps, after only a lawsuit's answer
    return out


def spanish(s: dict, r, result) -> tuple[str, str] | None:
    """(title, why) in Spanish for one of these steps, or None for another kind."""
    if s["kind"] in ESTATE_KINDS:
        return estate_spanish(s, r, result)
    if s["kind"] not in TITLES or r is None:
        return None
    texts = _texts(r, result, 1)
    if texts is None:
        return None
    own, notice = texts
    if s["kind"] == OWN_MONEY:
        return TITLES[OWN_MONEY][1], own
    title = TITLES[TELL_OF_DEATH][1] if r.account.collector else TITLE_PROVIDER[1]
    if not s.get("letter"):
        notice = notice.replace("Envíe la carta: dice", "Escríbales: diga").replace(", pide que", ", pida que") \
            .replace("y no reconoce ninguna deuda", "y no reconozca ninguna deuda") \
            + (NOTICE_NEEDS[1] if "To write it" in s["why"] else "")
    return title, notice


# Once the patient has died, the patient's claim, bill, debt, credit report and money are the estate's business: the
# insurer and the hospital treat whoever handles the estate as the patient (45 CFR 164.502(g)(4)). For a contact who
# does not handle it these steps are addressed to that person, and an offer or a plan in the contact's name is left out;
# the executor is spoken to as the estate's representative. The complaint and the lawyer (the collector's conduct
# toward the contact) stay the contact's own steps.
ESTATE_KINDS = frozenset({"DO_NOT_PAY", "REQUEST_ITEMIZED_BILL", "DISPUTE_DEBT", "FILE_NSA_DISPUTE", "APPEAL_DENIAL",
                          "DISPUTE_BILL", "ASK_INSURER", "APPLY_FOR_ASSISTANCE", "DISPUTE_CREDIT", "NEGOTIATE",
                          "PAYMENT_PLAN"})
MONEY_KINDS = frozenset({"NEGOTIATE", "PAYMENT_PLAN"})
FOR_ESTATE = ("For whoever handles the estate: ", "Para quien administre el patrimonio: ")
FROM_ESTATE_ONLY = (" Pay only from the estate's money, never from your own.",
                    " Pague solo con el dinero del patrimonio, nunca con el suyo.")
# the patient's own things said of the patient, not of the reader: (English "you", English patient) and Spanish
PATIENT_WORDS = (("what your share is", "what the patient's share is"),
                 ("You are likely eligible", "The patient is likely eligible"),
                 ("You asked for it on", "The patient asked for it on"),
                 ("Your plan denied", "The patient's plan denied"),
                 ("may not bill you", "may not bill the patient"),
                 ("if it says you agreed", "if it says the patient agreed"),
                 ("items on your ", "items on the patient's "),
                 ("Dispute your ", "Dispute the patient's "),
                 ("You owe", "The estate owes"),
                 (": you owe nothing on it", ": nothing is owed on it"))
PATIENT_WORDS_ES = (("cuánto le toca pagar a usted", "cuánto le toca pagar al paciente"),
                    ("Es probable que califique", "Es probable que el paciente califique"),
                    ("Ya la pidió el", "El paciente ya la pidió el"),
                    ("de su reporte de crédito", "del reporte de crédito del paciente"),
                    ("Dispute su reporte de crédito", "Dispute el reporte de crédito del paciente"),
                    ("Su plan negó", "El plan del paciente negó"),
                    ("usted no debe nada de esta factura", "no se debe nada de esta factura"),
                    (": no debe nada", ": no se debe nada"))


def reader(case) -> str | None:
    """Who reads the estate's steps: None (the patient is alive), "representative" (the contact handles the estate)
    or "other" (anyone else, or no contact named)."""
    if case.patient.died_on is None:
        return None
    return "representative" if case.contact is not None and case.contact.handles_estate else "other"


def _swap(text: str, pairs, back: bool = False) -> str:
    for you, patient in pairs:
        text = text.replace(patient, you) if back else text.replace(you, patient)
    return text


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def for_the_estate(steps: list[dict], result) -> list[dict]:
    """The plan's steps once the patient has died: the estate's steps addressed as above, the others unchanged."""
    who = reader(result.case)
    if who is None:
        return steps
    out = []
    for s in steps:
        if s["kind"] not in ESTATE_KINDS:
            out.append(s)
            continue
        if who == "other" and s["kind"] in MONEY_KINDS:
            continue
        title, why = _swap(s["title"], PATIENT_WORDS), _swap(s["why"], PATIENT_WORDS)
        if who == "other":
            title = FOR_ESTATE[0] + _lower_first(title)
        elif s["kind"] in MONEY_KINDS:
            why += FROM_ESTATE_ONLY[0]
        out.append({**s, "title": title, "why": why})
    return out


def estate_spanish(s: dict, r, result) -> tuple[str, str] | None:
    """(title, why) in Spanish of a step `for_the_estate` addressed, or None."""
    who = reader(result.case)
    if who is None or s["kind"] not in ESTATE_KINDS:
        return None
    from .spanish import _render

    title = s["title"][len(FOR_ESTATE[0]):] if s["title"].startswith(FOR_ESTATE[0]) else s["title"]
    title = title[:1].upper() + title[1:]
    why = s["why"][:-len(FROM_ESTATE_ONLY[0])] if s["why"].endswith(FROM_ESTATE_ONLY[0]) else s["why"]
    english = {**s, "title": _swap(title, PATIENT_WORDS, back=True), "why": _swap(why, PATIENT_WORDS, back=True)}
    title, why = _render(english, r, result.case.patient.state, result.as_of)
    title, why = _swap(title, PATIENT_WORDS_ES), _swap(why, PATIENT_WORDS_ES)
    if who == "other":
        title = FOR_ESTATE[1] + _lower_first(title)
    elif s["kind"] in MONEY_KINDS:
        why += FROM_ESTATE_ONLY[1]
    return title, why
