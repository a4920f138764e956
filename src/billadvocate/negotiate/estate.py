"""The offer and the call scripts when the reader is not the patient: the patient has died, or a relative deals with
a living patient's bill (the rights engine's DECEASED.WHO_PAYS answer, actions/safety.someone_else_pays).

Never "you owe" to a relative. A contact who does not handle a dead patient's estate (or no contact named) gets no
offer: one line says that any settlement is for whoever handles the estate, from the estate's money; the collector
script says who she is, that the patient died, who handles the estate, and asks them to stop calling her, and the
provider and insurer scripts (the estate's business) are marked for whoever handles the estate. The executor keeps the numbers, spoken of as what
the estate owes and paid from the estate's money only, and calls the provider and the insurer about the patient's
plan and share. A living patient's relative gets no offer either (any settlement is the patient's) and the same
collector script without the death. Each sentence has its Spanish here (report/spanish_account reads PATTERNS).
"""

from __future__ import annotations

import re
from typing import Any

OTHER_DIED = ("Any settlement of this bill is for whoever handles the estate, to pay from the estate's money: no offer "
              "is made in your name.",
              "Cualquier acuerdo sobre esta factura le corresponde a quien administre el patrimonio, para pagarlo con el "
              "dinero del patrimonio: no se hace ninguna oferta a su nombre.")
OTHER_ALIVE = ("Any settlement of this bill is for the patient to make, from the patient's own money: no offer is made "
               "in your name.",
               "Cualquier acuerdo sobre esta factura le corresponde al paciente, con su propio dinero: no se hace "
               "ninguna oferta a su nombre.")
# an executor who pays one creditor before those the state's probate law ranks ahead of it, and then cannot pay
# them, may answer for the difference personally: the order is the state's (the plan's first step says so too)
ESTATE_ONLY = ("Any settlement is paid from the estate's money only, never from your own, and only once the estate can "
               "also pay the debts the law ranks ahead of this one: an executor who pays out of order may have to make "
               "up the difference personally (ask the probate court or a probate lawyer).",
               "Cualquier acuerdo se paga solo con el dinero del patrimonio, nunca con el suyo, y solo cuando el "
               "patrimonio pueda pagar también las deudas que la ley pone antes que esta: un albacea que paga fuera de "
               "orden puede tener que cubrir la diferencia con su propio dinero (pregunte al tribunal de sucesiones o a "
               "un abogado de sucesiones).")
ESTATE_PLAN = ("An estate pays its debts from what it holds, once the probate process allows, not from a monthly "
               "income: no monthly plan is proposed. Agree to none before asking the probate court or a probate lawyer.",
               "Un patrimonio paga sus deudas con lo que tiene, cuando el proceso de sucesión lo permite, no con un "
               "ingreso mensual: no se propone un plan mensual. No acepte ninguno antes de preguntar al tribunal de "
               "sucesiones o a un abogado de sucesiones.")
ESTATE_LUMP = ("How much the estate can pay at once depends on what it holds: settle only for what the estate's money "
               "can pay.",
               "Cuánto puede pagar el patrimonio de una vez depende de lo que tenga: acuerde solo lo que el dinero del "
               "patrimonio pueda pagar.")
ESTATE_1099 = ("Forgiven debt of $600 or more may be reported to the IRS on Form 1099-C as income of the estate "
               "(26 U.S.C. 6050P); ask whether they will file one, and give it to whoever prepares the estate's tax "
               "returns.",
               "Una deuda perdonada de $600 o más se puede reportar al IRS en el Formulario 1099-C como ingreso del "
               "patrimonio (26 U.S.C. 6050P); pregunte si lo van a presentar, y entrégueselo a quien prepare las "
               "declaraciones de impuestos del patrimonio.")
# the money engine's words to the patient, of the estate (the executor reads them)
ESTATE_WORDS = ((r"\bIf the hospital approves your application, you owe\b",
                 "If the hospital approves the patient's application, the estate owes"),
                (r"\bif the hospital approves your application, you owe\b",
                 "if the hospital approves the patient's application, the estate owes"),
                (r"\bYou owe\b", "The estate owes"), (r"\byou owe\b", "the estate owes"))
ESTATE_WORDS_ES = (("Si el hospital aprueba su solicitud, usted debe", "Si el hospital aprueba la solicitud del paciente, "
                    "el patrimonio debe"),
                   ("si el hospital aprueba su solicitud, usted debe", "si el hospital aprueba la solicitud del "
                    "paciente, el patrimonio debe"),
                   ("Usted debe", "El patrimonio debe"), ("usted debe", "el patrimonio debe"))


def reader(case, review) -> str | None:
    """Who reads the offer: None (the patient, or no one else), "representative" (the contact handles the dead
    patient's estate), "other" (a dead patient's bill, anyone else or no contact named) or "relative" (a living
    patient's relative, whom the rights engine answered may not be liable)."""
    from ..actions.safety import someone_else_pays

    contact = case.contact
    if case.patient.died_on is not None:
        return "representative" if contact is not None and contact.handles_estate else "other"
    if contact is not None and contact.relationship != "self" and someone_else_pays(review) is not None:
        return "relative"
    return None


def address_plan(plan: dict[str, Any] | None, case, review) -> dict[str, Any] | None:
    """No payment plan for a reader who is not the patient and does not handle the estate; for the one who handles
    it, no monthly plan either (an estate pays from what it holds, when probate allows), saying so."""
    who = reader(case, review)
    if who in ("other", "relative"):
        return None
    if who == "representative" and plan is not None:
        return {"monthly": None, "months": None, "schedule": [], "refused": True, "last_payment": None,
                "why": ESTATE_PLAN[0]}
    return plan


# the audit's findings speak to the patient ("You have a health plan ... your insurance"): once the patient has died,
# of the patient (what is owed: of the estate)
OF_THE_PATIENT = ((r"\bYou owe\b", "The estate owes"), (r"\byou owe\b", "the estate owes"),
                  (r"\bYou have\b", "The patient had"), (r"\byou have\b", "the patient had"),
                  (r"\bYou are\b", "The patient is"), (r"\byou are\b", "the patient is"),
                  (r"\bYou were\b", "The patient was"), (r"\byou were\b", "the patient was"),
                  (r"\bYour\b", "The patient's"), (r"\byour\b", "the patient's"),
                  (r"\bYou\b", "The patient"), (r"\byou\b", "the patient"))


def of_the_patient(text: str) -> str:
    for a, b in OF_THE_PATIENT:
        text = re.sub(a, b, text)
    return text


def address_findings(findings: list, case) -> list:
    """The bill's problems once the patient has died: said of the patient, not to the reader."""
    if case.patient.died_on is None:
        return findings
    return [f.model_copy(update={"message": of_the_patient(f.message)}) if f.message else f for f in findings]


def estate_words(text: str) -> str:
    for a, b in ESTATE_WORDS:
        text = re.sub(a, b, text)
    return text


def _fair_of_estate(fair: dict[str, Any] | None) -> dict[str, Any] | None:
    if not fair:
        return fair
    return {**fair, "why": [estate_words(w) for w in fair.get("why") or []],
            "steps": [{**s, "step": estate_words(s["step"])} for s in fair.get("steps") or []]}


def address_offer(offer: dict[str, Any] | None, case, review) -> dict[str, Any] | None:
    """The offer as its reader may be told it (see the module's docstring)."""
    who = reader(case, review) if offer else None
    if who is None:
        return offer
    fair = _fair_of_estate(offer.get("fair"))
    if who in ("other", "relative"):
        line = (OTHER_DIED if who == "other" else OTHER_ALIVE)[0]
        # what is owed is the estate's (or the patient's) figure, not hers: left out with the offer
        return {**offer, "owed": None, "opening": None, "target": None, "walk_away": None, "lump_sum": None,
                "no_offer": line,
                "withheld": True, "advice": line, "reasons": [line], "terms": [], "warnings": [], "steps": [],
                "why": "", "fair": fair, "if_assistance_denied": None, "for_estate": who}
    out = {**offer, "fair": fair, "for_estate": who,
           "steps": [{**s, "step": estate_words(s["step"])} for s in offer.get("steps") or []],
           "why": estate_words(offer.get("why") or ""),
           "no_offer": estate_words(offer["no_offer"]) if offer.get("no_offer") else offer.get("no_offer"),
           "warnings": [ESTATE_ONLY[0]] + list(offer.get("warnings") or [])}
    if offer.get("advice") and not offer.get("no_offer"):
        out["why"] = out["why"].replace(offer["advice"], ESTATE_LUMP[0])
        out.update(lump_sum=None, advice=ESTATE_LUMP[0])
    out["reasons"] = [ESTATE_LUMP[0] if r == offer.get("advice") and not offer.get("no_offer") else estate_words(r)
                      for r in offer.get("reasons") or []]
    out["terms"] = [ESTATE_1099[0] if t.startswith("Forgiven debt of $600") else t for t in offer.get("terms") or []]
    return out


# --- the call scripts -------------------------------------------------------------------------------------------

RELATION = {"spouse": ("the spouse", "cónyuge"), "parent": ("a parent", "padre o madre"),
            "child": ("a child", "hijo o hija"), "other_relative": ("a relative", "familiar"),
            "friend": ("a friend", "amigo o amiga")}
NOT_RESPONSIBLE = ("I am not responsible for this debt, and I will not pay it.",
                   "No soy responsable de esta deuda, y no la voy a pagar.")
ADVICE_FIRST = ("I will not discuss payment before I get legal advice.",
                "No voy a hablar de pagos antes de recibir asesoría legal.")
STOP_DIED = ("Please stop calling me about it, and write to the estate.",
             "Por favor dejen de llamarme por este asunto, y escriban al patrimonio.")
STOP_ALIVE = ("Please stop calling me about it, and write to the patient.",
              "Por favor dejen de llamarme por este asunto, y escriban al paciente.")
NO_ONE_YET = ("No executor or administrator of the estate has been appointed yet.",
              "Todavía no se ha nombrado un albacea ni un administrador del patrimonio.")
ASK_NOTED = ("Will you note on the account that I am not the patient, and confirm in writing that you will stop calling "
             "me?", "¿Pueden anotar en la cuenta que yo no soy el paciente, y confirmar por escrito que dejarán de "
                    "llamarme?")
NEVER_AGREE = ("Do not agree to anything, promise anything or pay anything on this call, not even a small amount.",
               "No acepte nada, no prometa nada y no pague nada en esta llamada, ni siquiera una cantidad pequeña.")
NEVER_GIVE = ("Do not give your card or bank details, your employer or your income.",
              "No dé los datos de su tarjeta ni de su banco, ni el nombre de su empleador, ni cuánto gana.")
NOT_YOURS = ("(This call is for whoever handles the estate, not for you.)",
             "(Esta llamada le corresponde a quien administre el patrimonio, no a usted.)")
ESTATE_ASK = ("Was the claim received? What was allowed, what did you pay, and what is the patient's share, line by "
              "line?", "¿Recibieron el reclamo? ¿Cuánto permitieron, cuánto pagaron y cuánto le toca al paciente, línea "
                       "por línea?")
ESTATE_APPEAL = ("Were any lines denied, and why (the reason codes)? How and by when can the estate appeal?",
                 "¿Negaron alguna línea, y por qué (los códigos de motivo)? ¿Cómo y hasta cuándo puede apelar el "
                 "patrimonio?")
ESTATE_EOB = ("Please send me the Explanation of Benefits for this claim, as the one who handles the estate.",
              "Por favor envíenme la Explicación de Beneficios (EOB) de este reclamo, como administrador del "
              "patrimonio.")
ESTATE_BILLED = ("What is the balance after every insurance payment and adjustment, and has the claim been billed to "
                 "the patient's insurer?",
                 "¿Cuál es el saldo después de todos los pagos y ajustes del seguro, y se facturó el reclamo al seguro "
                 "del paciente?")


def relative_collector_script(case, account, who_pays: dict | None) -> dict[str, Any] | None:
    """The collector script of a contact who is not the patient and does not handle the estate."""
    from .scripts import ALWAYS_NOTE

    c = account.collector
    if c is None:
        return None
    contact, patient = case.contact, case.patient
    ref = c.account_number or account.account_number or account.id
    rel = RELATION.get(contact.relationship)[0] if contact is not None and contact.relationship in RELATION else None
    me = ((f"My name is {contact.name}" if contact is not None and contact.name else "I am calling")
          + (f"; I am {rel} of {patient.name or 'the patient'}." if rel else
             f" about {patient.name or 'the patient'}'s bill."))
    say = [f"I'm calling about your reference {ref}, for {account.provider.name}'s bill.", me]
    if patient.died_on is not None:
        say.append(f"{patient.name or 'The patient'} died on {patient.died_on.isoformat()}.")
        estate = patient.estate
        if estate is not None and estate.representative:
            say.append(f"{estate.representative} handles the estate"
                       + (f", at {estate.address}." if estate.address else "."))
        else:
            say.append(NO_ONE_YET[0])
    say.append(NOT_RESPONSIBLE[0] if who_pays is not None and who_pays.get("applies") is True else ADVICE_FIRST[0])
    say.append((STOP_DIED if patient.died_on is not None else STOP_ALIVE)[0])
    return {"to": "collector", "name": c.name, "phone": c.phone, "say": say, "ask": [ASK_NOTED[0]],
            "never_say": [NEVER_AGREE[0], NEVER_GIVE[0]], "write_down": ALWAYS_NOTE}


def _estate_intro(case) -> str:
    p = case.patient
    return f"I handle the estate of {p.name or 'the patient'}, who died on {p.died_on.isoformat()}."


# what the money engine and the audit say to the patient, as the executor says it of the patient
PATIENT_VOICE = ((r"\bI have\b", "the patient had"), (r"\bI had\b", "the patient had"), (r"\bI am\b", "the patient is"),
                 (r"\bI was\b", "the patient was"), (r"\bmy\b", "the patient's"), (r"\bMy\b", "The patient's"),
                 (r"\bcharged to me\b", "charged to the estate"), (r"\bto me\b", "to the patient"))


def _patient_voice(text: str) -> str:
    for a, b in PATIENT_VOICE:
        text = re.sub(a, b, text)
    text = re.sub(r"(\. )the patient", r"\1The patient", text)
    return text[:1].upper() + text[1:]


def address_scripts(scripts: list[dict[str, Any]], case, account, review) -> list[dict[str, Any]]:
    """The call scripts for their reader: see the module's docstring."""
    from ..actions.safety import someone_else_pays
    from .scripts import INSURER_ASK

    who = reader(case, review)
    if who is None:
        return scripts
    if who == "relative":  # a living patient: the patient's own scripts stay; the collector hears the relative
        out = [s for s in scripts if s.get("to") != "collector"]
        collector = relative_collector_script(case, account, someone_else_pays(review))
        return out + ([collector] if collector else [])
    out = []
    for s in scripts:  # the patient's plan and share, the estate's right to validation: whoever handles the estate
        if who == "other" and s["to"] == "collector":
            collector = relative_collector_script(case, account, someone_else_pays(review))
            out += [collector] if collector else []
            continue
        # the problems found on the bill, read aloud, are the patient's ("I have a health plan": the patient had one)
        s = {**s, "say": ([NOT_YOURS[0]] if who == "other" else []) + [_estate_intro(case)]
             + [_patient_voice(x) if s["to"] == "provider" and x.startswith("Line") else x for x in s["say"]]}
        if s["to"] == "insurer":
            s["ask"] = [ESTATE_ASK[0] if a.startswith("Was the claim received?") else
                        ESTATE_APPEAL[0] if a.startswith("Were any lines denied") else
                        ESTATE_EOB[0] if a.startswith("Please send me the Explanation") else a for a in s["ask"]]
        elif s["to"] == "provider":
            s["ask"] = [ESTATE_BILLED[0] if a == INSURER_ASK else a for a in s["ask"]]
        out.append(s)
    return out


_PAIRS = (OTHER_DIED, OTHER_ALIVE, ESTATE_ONLY, ESTATE_PLAN, ESTATE_LUMP, ESTATE_1099, NOT_RESPONSIBLE, ADVICE_FIRST, STOP_DIED,
          STOP_ALIVE, NO_ONE_YET, ASK_NOTED, NOT_YOURS, NEVER_AGREE, NEVER_GIVE, ESTATE_ASK, ESTATE_APPEAL, ESTATE_EOB,
          ESTATE_BILLED)
SPANISH_FIXED = {en: es for en, es in _PAIRS}
_D = r"\d{4}-\d{2}-\d{2}"
_REL = "|".join(en for en, _ in RELATION.values())
_REL_ES = {en: es for en, es in RELATION.values()}
SPANISH_PATTERNS = [
    (rf"I handle the estate of (?P<p>[^:;]+), who died on (?P<d>{_D})\.",
     "Administro el patrimonio de {p}, que falleció el {d}."),
    (r"I'm calling about your reference (?P<r>[^,]+), for (?P<p>.+)'s bill\.",
     "Llamo por su referencia {r}, de la factura de {p}."),
    (rf"My name is (?P<n>[^;]+); I am (?P<rel>{_REL}) of (?P<p>.+)\.",
     lambda m: f"Me llamo {m['n']}; soy {_REL_ES[m['rel']]} de {m['p']}."),
    (r"(?:My name is (?P<n>.+)|I am calling) about (?P<p>.+)'s bill\.",
     lambda m: (f"Me llamo {m['n']} y llamo" if m["n"] else "Llamo") + f" por la factura de {m['p']}."),
    (rf"(?P<p>[^:;,.]+) died on (?P<d>{_D})\.", "{p} falleció el {d}."),
    (r"(?P<n>.+) handles the estate, at (?P<a>.+)\.", "{n} administra el patrimonio, en {a}."),
    (r"(?P<n>.+) handles the estate\.", "{n} administra el patrimonio."),
]


def estate_spanish(text: str) -> str:
    """The executor's offer in Spanish: the Spanish of the patient's words, of the estate."""
    for a, b in ESTATE_WORDS_ES:
        text = text.replace(a, b)
    return text


_BACK = (("the patient's application, the estate owes", "your application, you owe"),
         ("The estate owes", "You owe"), ("the estate owes", "you owe"))


def _back(text):
    if not isinstance(text, str):
        return text
    for a, b in _BACK:
        text = text.replace(a, b)
    return text


def patient_words(offer: dict[str, Any]) -> dict[str, Any]:
    """The executor's offer (JSON) with the patient's words back, for report/spanish_account to read."""
    return {"steps": [{**s, "step": _back(s.get("step"))} for s in offer.get("steps") or []],
            "reasons": [_back(r) for r in offer.get("reasons") or []], "no_offer": _back(offer.get("no_offer")),
            "why": _back(offer.get("why"))}


def spanish_of_estate(offer: dict[str, Any]) -> dict[str, Any]:
    """The Spanish of the executor's offer said of the estate."""
    def es(t):
        return estate_spanish(t) if isinstance(t, str) else t

    return {"steps": [{**s, "step": es(s.get("step"))} for s in offer.get("steps") or []],
            "reasons": [es(r) for r in offer.get("reasons") or []], "no_offer": es(offer.get("no_offer")),
            "why": es(offer.get("why"))}
