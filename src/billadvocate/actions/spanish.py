"""The plan's steps in Spanish, for a patient whose language is es.

Each step is rendered from its kind and the case's facts (dates, state, bureau, counts), not by
translating the English sentence word for word: the English `actions` stay as they are (their text is
a golden output), and `in_spanish` returns new step dicts with a Spanish `title` and `why`. A step
whose English reason came from elsewhere (a letter's own reason) gets its kind's explanation in
Spanish; dates stay ISO (2026-01-31) as in the English text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..report import spanish as report_spanish
from ..states import NAMES
from .safety import nothing_revives, revives, time_barred
from .steps import APPLY_POLICY, BUREAU_NAMES

JUDGED_TITLE_ES = "Consulte ya a un abogado para pedir que se anule la sentencia"  # steps.JUDGED_TITLE

TITLES = {
    "ANSWER_LAWSUIT": "Responda a la demanda",
    "DO_NOT_PAY": "No pague ni firme nada sobre esta deuda antigua",
    "REQUEST_ITEMIZED_BILL": "Pida la factura detallada",
    "DISPUTE_DEBT": "Dispute la deuda con el cobrador por escrito",
    "FILE_NSA_DISPUTE": "Inicie la disputa de la Ley Sin Sorpresas (No Surprises Act)",
    "APPEAL_DENIAL": "Apele la negación del seguro",
    "DISPUTE_BILL": "Dispute los errores de la factura",
    "ASK_INSURER": "Pregunte al seguro cómo procesó el reclamo",
    "APPLY_FOR_ASSISTANCE": "Solicite ayuda financiera",
    "DISPUTE_CREDIT": "Dispute su reporte de crédito",
    "STOP_CONTACT": "Pida al cobrador que deje de contactarle",
    "COMPLAIN": "Presente una queja",
    "SEE_A_LAWYER": "Hable con un abogado del consumidor",
    "NEGOTIATE": "Ofrezca un acuerdo de pago",
    "PAYMENT_PLAN": "Proponga un plan de pagos",
    "DONT_PAY_OWN_MONEY": "No pague esto con su propio dinero todavía",
    "TELL_OF_DEATH": "Diga por escrito al cobrador que el paciente falleció y quién administra el patrimonio",
}
# a new kind needs its Spanish title (tests/actions/test_spanish.py); until then its English is shown

LEGAL_AID = ("Busque ayuda legal gratuita (por ejemplo en lawhelp.org) o un abogado del consumidor, que a menudo "
             "no le cobra porque el cobrador paga sus honorarios si usted gana.")


def in_spanish(result, actions: list[dict] | None = None) -> list[dict[str, Any]]:
    """The review's steps (or `actions`) with Spanish titles and reasons; every other field kept."""
    by_id = {r.account.id: r for r in result.accounts}
    state = result.case.patient.state
    as_of = result.as_of
    out = []
    from .estate import spanish as estate_spanish  # the steps of a dead patient's or a relative's bill

    for s in actions if actions is not None else (result.actions or []):
        title, why = estate_spanish(s, by_id.get(s.get("account")), result) or \
            _render(s, by_id.get(s.get("account")), state, as_of)
        out.append({**s, "title": title, "why": why})
    return out


def _render(s: dict, r, state: str, as_of: date) -> tuple[str, str]:
    kind, due, letter = s["kind"], s.get("due"), s.get("letter")
    title = TITLES.get(kind, s["title"])
    if kind == "ANSWER_LAWSUIT" and s["why"].startswith("A judgment was entered on "):  # a decided case
        return JUDGED_TITLE_ES, report_spanish.deadline({"kind": "ANSWER_DUE", "why": s["why"], "date": due})["why"]
    if kind == "ANSWER_LAWSUIT":
        late = due is not None and due < as_of.isoformat()
        why = (("La fecha para responder ya pasó: llame hoy al secretario del tribunal y pregunte si se dictó una "
                "sentencia en rebeldía; a veces se puede anular si actúa rápido. " if late else "")
               + "Si no responde por escrito ni se presenta, el tribunal puede dictar sentencia en su contra, y el "
               "cobrador podría embargar su salario o su cuenta de banco. La citación (summons) manda: si da otra "
               "fecha u otro tribunal, siga la citación. " + LEGAL_AID)
        english = s["why"]
        for start in ("Last day to answer the lawsuit", "Appear on the date on the summons"):
            if start in english:  # the answer deadline's own reason: its Spanish, with the state's instruction
                answer = report_spanish.deadline({"kind": "ANSWER_DUE", "why": english[english.index(start):],
                                                  "date": due})["why"]
                why = (why[:why.index("Si no responde")] + answer + " También puede buscar un abogado del "
                       "consumidor, que a menudo no le cobra porque el cobrador paga sus honorarios si usted gana.")
                break
        return (f"Responda a la demanda antes del {due}" if due else title), why
    if kind == "DO_NOT_PAY":
        if r is not None and time_barred(r.sol or {}):
            return title, _barred_why(r.sol or {}, state, r.account.collector.kind if r.account.collector else None)
        return ("No pague esta factura: no debe nada",
                "Según la revisión, usted no debe nada de esta factura. No la pague ni prometa pagarla: dispútela "
                "por escrito y guarde todas las cartas.")
    if kind == "REQUEST_ITEMIZED_BILL":
        why = ("Antes de pagar, ofrecer o prometer nada, consiga la factura línea por línea con los códigos de cada "
               "servicio: sin ella nadie puede revisar los cargos.")
        if s["why"].startswith("You asked for it on "):
            why = (f"Ya la pidió el {s['why'][20:30]}: pídala otra vez por escrito, y no pague ni prometa nada "
                   "hasta recibirla.")
        elif "To write the letter, add" in s["why"]:
            why += " Para escribir la carta, complete en el caso los datos que faltan."
        return title, why
    if kind == "DISPUTE_DEBT":
        why = ("Escriba al cobrador que disputa la deuda y pida que le muestre de dónde viene y cuánto es."
               + (f" Si la carta llega antes del {due}, el cobrador debe dejar de cobrar hasta responderle."
                  if due else ""))
        if r is not None and time_barred(r.sol or {}) and not (r.sol or {}).get("judgment"):  # as steps.letter_steps
            why += (" La carta también dice que la deuda es demasiado antigua para demandar, y no admite nada; no "
                    "prometa nada.")
        return title, why
    if kind == "FILE_NSA_DISPUTE":
        return title, ("La ley federal No Surprises Act le protege de ciertos cobros sorpresa: esta factura parece "
                       "pasar de lo que la ley permite. Siga la carta, y no pague la diferencia mientras tanto."
                       + (f" Fecha límite: {due}." if due else ""))
    if kind == "APPEAL_DENIAL":
        external = letter == "external_review_request"
        return (("Pida una revisión externa" if external else title),
                ("Pida por escrito que un revisor independiente revise la negación del seguro." if external else
                 "Pida por escrito que el seguro revise su decisión de negar el pago.")
                + " Pida también por escrito al proveedor que no cobre la factura hasta que el plan decida.")
    if kind == "DISPUTE_BILL" and s["title"] == APPLY_POLICY:  # no error on the bill: only the assistance
        return ("Pida al hospital que aplique su política de ayuda financiera",
                "Es probable que usted califique para la ayuda financiera del hospital: pida por escrito que la "
                "aplique a la factura, y no pague mientras tanto.")
    if kind == "DISPUTE_BILL":
        return title, ("La revisión encontró cargos que parecen errores: pida por escrito que los corrijan, y no "
                       "pague esa parte mientras tanto.")
    if kind == "ASK_INSURER":
        if r is not None and r.account.eob:
            return title, ("La Explicación de Beneficios (EOB) del seguro y la factura no coinciden: pida al seguro "
                           "que lo explique, y apele por escrito cualquier negación.")
        return title, ("Llame al seguro: pregunte si recibió el reclamo, cuánto permitió y pagó y cuánto le toca "
                       "pagar a usted, y pida la Explicación de Beneficios (EOB).")
    if kind == "APPLY_FOR_ASSISTANCE":
        if letter is None and s["why"].startswith("You are likely eligible: "):
            from ..report.spanish_account import _names  # the programs' Spanish names (English where none yet)

            names = _names(s["why"][len("You are likely eligible: "):].rsplit(". Apply in writing.", 1)[0])
            return title, f"Es probable que califique: {names}. Solicítela por escrito."
        return title, ("El programa de ayuda financiera puede reducir o borrar esta factura: solicítelo por escrito, "
                       "y pida que no la cobren mientras lo deciden.")
    if kind == "DISPUTE_CREDIT":
        bureau = next((b for b in BUREAU_NAMES.values() if b in s["title"]), None)
        return ((f"Dispute su reporte de crédito de {bureau}" if bureau else title),
                "Dispute por escrito los datos incorrectos de su reporte de crédito: la agencia debe investigarlos "
                "y corregirlos o borrarlos.")
    if kind == "STOP_CONTACT":
        return title, ("Si se lo pide por escrito, el cobrador debe dejar de contactarle, salvo para decirle que deja "
                       "de cobrar o que tomará una acción concreta. La deuda no desaparece por eso.")
    if kind == "COMPLAIN" and letter == "insurance_complaint":
        return title, ("El plan no decidió su apelación en el plazo que fija la ley: presente una queja por escrito ante "
                       "la agencia que lo supervisa (la carta la nombra), y guarde el registro.")
    if kind == "COMPLAIN":
        who = "El cobrador" if r is not None and r.account.collector else "El proveedor"
        n = sum(1 for v in (r.violations if r is not None else []) if v.severity in ("high", "medium"))
        found = f" ({n} {'problema encontrado' if n == 1 else 'problemas encontrados'})" if n else ""
        return title, (f"{who} no respetó reglas que le protegen{found}: presente una queja ante la Oficina para la "
                       "Protección Financiera del Consumidor (consumerfinance.gov/complaint) y ante el fiscal general "
                       "de su estado, y guarde el registro.")
    if kind == "SEE_A_LAWYER":
        if s["why"].startswith("The collector threatened"):
            why = ("El cobrador amenazó con demandar por una deuda demasiado antigua para demandar, y la ley lo "
                   "prohíbe. ")
        else:
            why = "Puede que tenga derecho a demandar por estas violaciones" + (f" (hasta el {due})" if due else "") + ". "
            if s["why"].startswith("You are being sued"):
                why = ("Le están demandando: hable con un abogado del consumidor ahora, antes de la fecha para responder "
                       "a la demanda. " + why)
            elif s["why"].startswith("You were threatened with a lawsuit"):
                why = "Le amenazaron con una demanda: hable con un abogado del consumidor ahora. " + why
        return title, why + LEGAL_AID
    if kind in ("NEGOTIATE", "PAYMENT_PLAN"):
        hardship = letter == "hardship"
        why = ("Pida por escrito que reduzcan la factura por su situación económica." if hardship else
               "Ofrezca por escrito pagar menos para cerrar la cuenta, y pida que el acuerdo quede por escrito antes "
               "de pagar." if kind == "NEGOTIATE" else
               "Proponga por escrito pagos mensuales que pueda cumplir, y pida que el acuerdo quede por escrito.")
        if r is not None and r.account.patient_chose_to_pay:
            why += (" Usted decidió pagar esta deuda de todos modos: un pago puede tener consecuencias; hable antes "
                    "con un abogado si la deuda es antigua.")
        return ("Pida una reducción por dificultad económica" if hardship else title), why
    return title, s["why"]  # a kind not rendered in Spanish yet


HOLDERS = {"debt_buyer": "el comprador de deudas", "agency": "la agencia de cobranza",
           "attorney": "el bufete de cobranza"}


def _barred_why(sol: dict, state: str, holder: str | None = None) -> str:
    """The Spanish of steps._revival_words: the same facts of `sol`, in the same order."""
    name = NAMES.get(state, state)
    who = HOLDERS.get(holder or "", "el proveedor")
    years = sol.get("years")
    head = (f"El plazo para demandar por esta deuda venció el {sol.get('expires')}"
            + (f" ({years} años en {name})" if years else "") + ". ")
    rv = revives(sol)
    what = [w for w, on in (("un pago, aunque sea pequeño", rv["payment"]),
                            ("una carta firmada que reconozca la deuda o prometa pagarla",
                             rv["written_acknowledgment"])) if on]
    plain = nothing_revives(sol, name, "es")
    if sol.get("collection_allowed") is False:
        bar = (f"{who} no puede demandarle ni cobrarle una deuda tan antigua" if sol.get("suit_allowed") is False
               else "una deuda tan antigua no se puede cobrar")
        rev = f"En {name}, {bar}: no pague ni firme nada, y dígaselo al cobrador por escrito." + (
            f" {plain}" if plain else "")
    elif sol.get("suit_allowed") is False:
        rule = sol.get("debt_buyer_rule") if holder == "debt_buyer" else None
        rev = (f"En {name}, {who} no puede demandarle por una deuda tan antigua"
               + (f" (lo dice la ley de {name} sobre compradores de deudas)." if rule else "."))
        if not what:
            rev += " " + (plain or "Nada que pague o firme ahora la revive.")
        elif not rule:
            rev += (f" Aun así, se podría alegar que {' o '.join(what)} reinicia el plazo: hable con un abogado antes "
                    "de pagar o firmar nada.")
        rev += " Pagar es su decisión, no una obligación: no pague ni firme nada antes de decidir."
    elif not what and plain:
        rev = plain + " Pagar es su decisión, no una obligación: no pague ni firme nada antes de decidir."
    else:
        rev = (f"En {name}, {' o '.join(what)} puede revivirla: el cobrador podría entonces demandar por toda la "
               "cantidad. Una promesa por teléfono también se puede usar en su contra."
               + ("" if rv["payment"] or sol.get("revival_unconfirmed") else " Un pago solo no la revive, pero un pago "
                  "enviado con algo firmado por usted que reconozca la deuda (como una nota en un cheque) sí puede.")
               if what else
               f"En {name}, no se sabe que un pago reviva una deuda tan antigua, pero no pague ni firme nada antes "
               "de hablar con un abogado.")
    if sol.get("judgment"):  # steps.judged_words
        rev = (f"Se dictó una sentencia el {sol['judgment']}: el plazo para responder ya pasó, y la prescripción solo "
               "se puede alegar ahora si el tribunal anula la sentencia. Pida una copia de la sentencia al secretario "
               "del tribunal y hable rápido con un abogado para pedir al tribunal que la anule (el plazo es corto); "
               "mientras tanto la sentencia se puede ejecutar, por ejemplo tomando dinero de una cuenta de banco, salvo "
               "el dinero que la ley protege. No pague ni firme nada sobre ella antes de hablar con el abogado.")
        return report_spanish.places_es(rev + " Dígale al abogado que e" + head.strip()[1:])
    return report_spanish.places_es(head + rev + " Aún puede disputarla, pedir al cobrador que deje de contactarle y "
                                    "quejarse si amenaza con demandar; si le demanda, responda y diga que la deuda es "
                                    "demasiado antigua para demandar.")


def plan_lines_es(actions: list[dict]) -> list[str]:
    """The Spanish steps as plain text lines ('1. Pida la factura detallada (antes del 2026-12-01): ...')."""
    from . import plan_lines

    return plan_lines(actions, "es")
