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
    parts = [NOT_LIABLE[lang] if who.get("applies") else
             MAY_BE_LIABLE[lang].format(state=NAMES.get(case.patient.state, case.patient.state)),
             NOTHING_IN_YOUR_NAME[lang]]
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
