"""What a patient reads of an account beyond the plan, in Spanish: the offer and its reasons, the
payment plan, the laws that protect them, the assistance programs, the statute-of-limitations warning,
the call scripts and the notes.

Like report/spanish.py, the Spanish is made from the facts, not by translating the English word by
word: where the engines keep structured fields (an offer step's kind and amount, the statute of
limitations' state, years and restart rules, a finding's rule), the Spanish is built from them; where
they only produce an English sentence, a small table keyed by the sentence's kind (one regular
expression per sentence the engines write, its figures captured) gives the Spanish with the same
figures, dates, names and citations. A sentence no entry knows stays English, and `account_es`
returns it wrapped by `fallback` (the web page and the HTML report mark it lang="en");
tests/report/test_spanish_account.py fails when the examples and the Spanish-speaker case show one.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Callable

from ..states import NAMES
from . import spanish
from .spanish_audit_notes import PATTERNS as AUDIT_NOTES, _left_out_part
from ..negotiate import estate as _estate

M = r"\$[\d,]+(?:\.\d\d)?"
D = r"\d{4}-\d{2}-\d{2}"
N = r"[^:;]+?"  # a name (provider, collector, insurer)
STATE_NAMES = "|".join(sorted(NAMES.values(), key=len, reverse=True))

PROGRAM_NAMES = {
    "FEDERAL.501R": "La política de ayuda financiera del hospital (IRS 501(r))",
    "MEDICAID": "Medicaid (incluida la cobertura retroactiva de facturas recientes)",
    "STATE.CA.HOSPITAL_FAIR_PRICING": "Ley de Precios Justos de Hospitales de California (atención caritativa y pago "
                                      "con descuento)",
    "STATE.CO.HOSPITAL_DISCOUNTED_CARE": "Atención con Descuento de los Hospitales de Colorado",
    "STATE.WA.CHARITY_CARE": "Atención caritativa de Washington",
    "STATE.IL.HOSPITAL_UNINSURED_PATIENT_DISCOUNT": "Ley de Descuentos Hospitalarios para Pacientes sin Seguro de "
                                                    "Illinois",
    # the state's own word for the help in parentheses: what the patient asks the hospital for
    "STATE.CT.UNINSURED_COST_LIMIT": "Límite de costo de Connecticut para pacientes de hospital sin seguro",
    "STATE.MD.HOSPITAL_FINANCIAL_ASSISTANCE": "Atención gratuita y a costo reducido de los hospitales de Maryland "
                                              "(financial assistance)",
    "STATE.NJ.CHARITY_CARE": "Asistencia de Pago de Atención Hospitalaria de Nueva Jersey (Hospital Care Payment "
                             "Assistance, charity care)",
    "STATE.NJ.UNINSURED_CHARGE_CAP": "Límite de cobro de Nueva Jersey para residentes sin seguro",
    "STATE.NY.HOSPITAL_FINANCIAL_ASSISTANCE": "Ayuda financiera de los hospitales de Nueva York (financial assistance)",
    "STATE.RI.CHARITY_CARE": "Atención caritativa de los hospitales de Rhode Island (charity care)",
    "STATE.OR.HOSPITAL_FINANCIAL_ASSISTANCE": "Ayuda financiera de los hospitales sin fines de lucro de Oregón "
                                              "(financial assistance)",
    "STATE.ME.CHARITY_CARE": "Atención gratuita de los hospitales de Maine (free care, charity care)",
    "STATE.NV.UNINSURED_INPATIENT_DISCOUNT": "Descuento de los hospitales grandes de Nevada para pacientes "
                                             "hospitalizados sin seguro",
}
PROGRAM_NAMES_EN = {
    "The hospital's financial-assistance policy (IRS 501(r))": "FEDERAL.501R",
    "Medicaid (including retroactive coverage of recent bills)": "MEDICAID",
    "California Hospital Fair Pricing Act (charity care and discount payment)": "STATE.CA.HOSPITAL_FAIR_PRICING",
    "Colorado Hospital Discounted Care": "STATE.CO.HOSPITAL_DISCOUNTED_CARE",
    "Washington hospital charity care": "STATE.WA.CHARITY_CARE",
    "Illinois Hospital Uninsured Patient Discount Act": "STATE.IL.HOSPITAL_UNINSURED_PATIENT_DISCOUNT",
    "Connecticut cost limit for uninsured hospital patients": "STATE.CT.UNINSURED_COST_LIMIT",
    "Maryland hospital free and reduced-cost care": "STATE.MD.HOSPITAL_FINANCIAL_ASSISTANCE",
    "New Jersey Hospital Care Payment Assistance (charity care)": "STATE.NJ.CHARITY_CARE",
    "New Jersey charge cap for uninsured residents": "STATE.NJ.UNINSURED_CHARGE_CAP",
    "New York hospital financial assistance": "STATE.NY.HOSPITAL_FINANCIAL_ASSISTANCE",
    "Rhode Island hospital charity care": "STATE.RI.CHARITY_CARE",
    "Oregon nonprofit hospital financial assistance": "STATE.OR.HOSPITAL_FINANCIAL_ASSISTANCE",
    "Maine hospital free care": "STATE.ME.CHARITY_CARE",  # care before July 1, 2026
    "Maine hospital charity care (22 MRSA 1716-A)": "STATE.ME.CHARITY_CARE",
    "Nevada major-hospital discount for uninsured inpatients": "STATE.NV.UNINSURED_INPATIENT_DISCOUNT",
}
LAW_NAMES = {
    "FDCPA": "Ley de Prácticas Justas de Cobro de Deudas (FDCPA) y Regulación F",
    "IRS501R": "IRS 501(r) (hospitales sin fines de lucro)",
    "NSA": "Ley Sin Sorpresas (No Surprises Act)",
}
# a financial-assistance application period that has passed (cli/human._application_deadline in Spanish)
PASSED_APPLICATION = ("El plazo de solicitud duró al menos hasta el {day}: solicítela de todos modos, porque el "
                      "hospital todavía puede aceptarla y debe enviarle un aviso escrito con una nueva fecha límite "
                      "antes de cualquier acción de cobro.")
PARTIES = {"provider": "al proveedor", "collector": "al cobrador", "insurer": "al seguro"}


def _cited(es: str, en: str) -> str:
    """A program's Spanish name with the citation its English name ends in, e.g. '(22 MRSA 1716-A)'."""
    cite = re.search(r" (\([^()]*\d[^()]*\))\Z", en)
    return f"{es} {cite[1]}" if cite and cite[1] not in es else es


def program_name(pid: str | None, name: str | None) -> str:
    name = name or ""
    es = PROGRAM_NAMES.get(pid or "") or PROGRAM_NAMES.get(PROGRAM_NAMES_EN.get(name[:1].upper() + name[1:], ""))
    return _cited(es, name) if es else name or pid or ""


def law_name(p: dict) -> str:
    pid = p.get("id") or ""
    if pid in LAW_NAMES:
        return LAW_NAMES[pid]
    if pid.startswith("STATE.") and pid.count(".") == 1:
        return spanish.places_es(f"Ley de cobro de deudas de {NAMES.get(pid[6:], pid[6:])}")
    if re.fullmatch(r"STATE\.[A-Z]{2}\.WAGES", pid):  # rights/state_protections: the state bars garnishment
        return spanish.places_es(f"Protección del salario de {NAMES.get(pid[6:8], pid[6:8])} (no se permite el embargo "
                                 "por deudas de consumo)")
    if "Rosenthal" in (p.get("law") or ""):
        return "Ley Rosenthal de Prácticas Justas de Cobro de Deudas de California"
    return p.get("law") or pid


def _names(text: str) -> str:
    """Program names inside a sentence, in Spanish."""
    for en, pid in PROGRAM_NAMES_EN.items():
        es = _cited(PROGRAM_NAMES[pid], en)
        text = text.replace(en, es)
        text = text.replace(en[:1].lower() + en[1:], es[:1].lower() + es[1:])
    return text


# ---- one entry per sentence the engines write: (pattern, Spanish with the pattern's groups) ----------------
_HOLDER_WHY = {
    "the provider still holds the account: billing offices commonly take 20-40% off for a prompt lump sum, and you "
    "should never pay more than the fair amount":
        "el proveedor todavía tiene la cuenta: las oficinas de facturación suelen rebajar del 20 al 40% por un pago "
        "único rápido, y usted nunca debería pagar más de la cantidad justa",
    "a collection agency works on commission for the provider and is usually allowed to settle for well under the "
    "balance":
        "una agencia de cobranza trabaja a comisión para el proveedor y suele poder aceptar bastante menos que el saldo",
    "a collection law firm may sue, so settlements run higher than with an agency; check the statute of limitations "
    "and answer any lawsuit":
        "un bufete de cobranza puede demandar, así que los acuerdos son más altos que con una agencia; revise el plazo "
        "para demandar y responda a cualquier demanda",
    "a debt buyer paid a few cents on the dollar, so even a small payment is profit for it":
        "un comprador de deudas pagó unos centavos por dólar, así que hasta un pago pequeño le da ganancia",
}
_ZERO = {
    "gives free care at your income; send the application, and everything asked is in dispute meanwhile":
        "da atención gratuita con sus ingresos; envíe la solicitud, y todo lo que le piden queda en disputa mientras "
        "tanto",
    "gives free care at my income; I am sending the application, and everything asked is in dispute meanwhile":
        "da atención gratuita con mis ingresos; envío la solicitud, y todo lo que me piden queda en disputa mientras "
        "tanto",
    "Medicaid covers this care, and a Medicaid provider may not bill you beyond its cost sharing":
        "Medicaid cubre esta atención, y un proveedor de Medicaid no puede cobrarle más que su costo compartido",
    "a Qualified Medicare Beneficiary owes no Medicare cost sharing":
        "un Beneficiario Calificado de Medicare (QMB) no debe ningún costo compartido de Medicare",
    "your insurer's EOB puts your share at nothing": "la EOB de su seguro dice que a usted no le toca pagar nada",
    "state law makes this debt void or uncollectable": "la ley del estado anula esta deuda o impide cobrarla",
    "a bankruptcy discharge ended your personal liability for this debt":
        "la cancelación (descargo) de su bancarrota puso fin a su obligación personal por esta deuda",
    "a bankruptcy discharge ended my personal liability for this debt":
        "la cancelación (descargo) de mi bancarrota puso fin a mi obligación personal por esta deuda",
    "nothing is left once the lines that should not be billed are taken off":
        "no queda nada una vez quitadas las líneas que no se deberían cobrar",
    "Medicaid covers this care, and a Medicaid provider may not bill me beyond its cost sharing":
        "Medicaid cubre esta atención, y un proveedor de Medicaid no puede cobrarme más que su costo compartido",
    "your plan denied this care with a contractual-obligation (CO) code, which makes it the provider's to write off, "
    "not yours to pay": "su plan negó esta atención con un código de obligación contractual (CO), así que le toca al "
                        "proveedor cancelarla, no a usted pagarla",
    "my plan denied this care with a contractual-obligation (CO) code, which makes it the provider's to write off, "
    "not mine to pay": "mi plan negó esta atención con un código de obligación contractual (CO), así que le toca al "
                       "proveedor cancelarla, no a mí pagarla",
    "your plan denied part of this care with a contractual-obligation (CO) code, which makes it the provider's to "
    "write off, and the rest should not be billed at all":
        "su plan negó parte de esta atención con un código de obligación contractual (CO), así que le toca al "
        "proveedor cancelarla, y el resto no se debería cobrar",
    "your earlier bills of the year already reach your plan's out-of-pocket maximum, so the plan pays the rest of "
    "this one": "sus facturas anteriores del año ya alcanzan el máximo de gastos de bolsillo de su plan, así que el "
                "plan paga el resto de esta",
    "state law caps the price at a multiple of what Medicare pays, and that much was already paid":
        "la ley del estado limita el precio a un múltiplo de lo que paga Medicare, y eso ya se pagó",
}
# negotiate/owed.py: free care owes nothing once the hospital approves the application ('So if the hospital
# approves your application, you owe $0.00'); the script says it in the first person
_IF_APPROVED = r"(?:(?P<approves>if the hospital approves (?:your|my) application), )?"


def _so_owe(m) -> str:
    """'Así que usted debe ' / 'Así que debo ', with the hospital's approval when the English names it."""
    me = m["who"] == "I"
    if m["approves"]:
        return ("Así que, si el hospital aprueba mi solicitud, debo " if me else
                "Así que, si el hospital aprueba su solicitud, usted debe ")
    return "Así que debo " if me else "Así que usted debe "


_NO_BILL_YET = "; the itemized bill is not in hand yet: ask for it before offering or promising anything"


def _zero(reason: str) -> str | None:
    if reason.endswith(_NO_BILL_YET):
        head = _zero(reason[: -len(_NO_BILL_YET)])
        return (head + "; todavía no tiene la factura detallada: pídala antes de ofrecer o prometer nada"
                if head else None)
    for en, es in _ZERO.items():
        if reason.endswith(en):
            head = reason[: -len(en)].strip()
            return (_names(head) + " " if head else "") + es
    return None


_FIXED = {
    # offer warnings and terms (negotiate/offer.py, barred.py)
    "A payment, even a small one, or a written promise to pay can restart the statute of limitations in many states; "
    "do not pay anything before the agreement is in writing.":
        "Un pago, aunque sea pequeño, o una promesa de pago por escrito puede reiniciar el plazo para demandar en "
        "muchos estados; no pague nada antes de tener el acuerdo por escrito.",
    "Do not pay anything before the agreement is in writing.": "No pague nada antes de tener el acuerdo por escrito.",
    "The payment settles the account in full: nothing more is owed to anyone, and the remainder is not sold or "
    "assigned.": "El pago liquida la cuenta por completo: no se debe nada más a nadie, y el resto no se vende ni se cede.",
    "The account is reported to the credit bureaus as paid in full (or deleted) within 30 days, by everyone who "
    "reported it.": "Todos los que reportaron la cuenta la reportan a las agencias de crédito como pagada por completo "
                    "(o la borran) en 30 días.",
    "The agreement is in writing, on their letterhead, before any money is sent; keep a copy and pay by a traceable "
    "method, never by giving bank account access.":
        "El acuerdo está por escrito, en su papel membretado, antes de enviar dinero; guarde una copia y pague por un "
        "medio que deje constancia, nunca dando acceso a su cuenta de banco.",
    "Forgiven debt of $600 or more may be reported to the IRS on Form 1099-C as income (26 U.S.C. 6050P); ask whether "
    "they will file one. If you were insolvent when it was forgiven, IRS Form 982 can exclude it (26 U.S.C. "
    "108(a)(1)(B)).":
        "Una deuda perdonada de $600 o más se puede reportar al IRS en el Formulario 1099-C como ingreso (26 U.S.C. "
        "6050P); pregunte si lo presentarán. Si usted era insolvente cuando se la perdonaron, el Formulario 982 del "
        "IRS puede excluirla (26 U.S.C. 108(a)(1)(B)).",
    # plan (negotiate/plan.py)
    "Ask for zero interest: most hospital and provider plans charge none.":
        "Pida cero interés: la mayoría de los planes de hospitales y proveedores no cobran ninguno.",
    "Call or write before the due date if a payment will be late, and ask for a skipped month or a lower amount; get "
    "the change in writing.": "Llame o escriba antes de la fecha si un pago se va a atrasar, y pida saltar un mes o "
                              "pagar menos; consiga el cambio por escrito.",
    "Keep paying what you can: a partial payment on time shows good faith, and keep every receipt.":
        "Siga pagando lo que pueda: un pago parcial a tiempo muestra buena fe; guarde todos los recibos.",
    "If the provider cancels the plan or sends the account to collections, ask in writing for the plan's terms and for "
    "the hardship or financial-assistance review again.":
        "Si el proveedor cancela el plan o manda la cuenta a cobranza, pida por escrito las condiciones del plan y que "
        "vuelvan a revisar su dificultad económica o su solicitud de ayuda financiera.",
    "Never let a collector take automatic payments from your bank account; pay each month yourself.":
        "Nunca deje que un cobrador saque pagos automáticos de su cuenta de banco; pague usted mismo cada mes.",
    # call scripts (negotiate/scripts.py)
    "I want to resolve this bill, and I need it corrected first.": "Quiero resolver esta factura, y primero necesito "
                                                                   "que la corrijan.",
    "I dispute this debt. I am requesting validation in writing, and I will communicate in writing from now on.":
        "Disputo esta deuda. Pido la verificación por escrito, y desde ahora me comunicaré por escrito.",
    "What is the balance after every payment and adjustment?": "¿Cuál es el saldo después de todos los pagos y ajustes?",
    "What is the balance after every insurance payment and adjustment, and has the claim been billed to my insurer?":
        "¿Cuál es el saldo después de todos los pagos y ajustes del seguro, y se envió el reclamo a mi seguro?",
    "Has the account been sent to a collection agency, sold, or reported to a credit bureau? If so, when and to whom?":
        "¿Se mandó la cuenta a una agencia de cobranza, se vendió o se reportó a una agencia de crédito? Si es así, "
        "¿cuándo y a quién?",
    "Please send me your financial-assistance policy and application, and your cash (self-pay) price for these "
    "services.": "Por favor envíenme su política de ayuda financiera y la solicitud, y su precio en efectivo (pago "
                 "propio) por estos servicios.",
    "Your financial-assistance policy gives free care at my income: will you apply it, write off the whole balance "
    "and recall the account from collections?":
        "Su política de ayuda financiera da atención gratuita con mis ingresos: ¿la aplicarán, borrarán todo el saldo y "
        "retirarán la cuenta de cobranza?",
    "Do not give a card number, bank account or routing number, or agree to an automatic withdrawal, on this call.":
        "No dé en esta llamada un número de tarjeta, de cuenta de banco o de ruta, ni acepte un retiro automático.",
    "Do not agree to a payment plan or an amount on the spot; say you will reply in writing.":
        "No acepte un plan de pagos ni una cantidad en el momento; diga que responderá por escrito.",
    "Do not say the bill is correct or that you can pay it in full.":
        "No diga que la factura está bien ni que puede pagarla completa.",
    "Who is the current creditor, and do you own this debt or collect it for the provider?":
        "¿Quién es el acreedor actual, y ustedes son dueños de esta deuda o la cobran para el proveedor?",
    "What was the amount on the itemization date, and what interest, fees, payments and credits since?":
        "¿Cuál era la cantidad en la fecha de detalle (itemization date), y qué intereses, cargos, pagos y créditos "
        "hubo desde entonces?",
    "Has this been reported to a credit bureau? Please note that it is disputed.":
        "¿Se reportó esto a una agencia de crédito? Por favor anoten que está en disputa.",
    "Nothing is owed on this account: will you stop collection, return the account to the provider, and delete any "
    "credit reporting?": "No se debe nada en esta cuenta: ¿dejarán de cobrar, devolverán la cuenta al proveedor y "
                         "borrarán cualquier reporte de crédito?",
    "I am applying for the hospital's financial assistance, which gives free care at my income: will you stop "
    "collection, return the account to the provider, and delete any credit reporting?":
        "Estoy solicitando la ayuda financiera del hospital, que da atención gratuita con mis ingresos: ¿dejarán de "
        "cobrar, devolverán la cuenta al proveedor y borrarán cualquier reporte de crédito?",
    "Do not say the debt is yours, or promise to pay anything, before you have their validation in writing.":
        "No diga que la deuda es suya ni prometa pagar nada antes de tener su verificación por escrito.",
    "Do not make any payment, however small, just to stop the calls: on an old debt it can restart the statute of "
    "limitations.": "No haga ningún pago, por pequeño que sea, solo para que dejen de llamar: en una deuda antigua "
                    "puede reiniciar el plazo para demandar.",
    "Do not give your employer, your income or your bank's name.":
        "No dé el nombre de su empleador ni de su banco, ni cuánto gana.",
    "Was the claim received? What was allowed, what did you pay, and what is my share, line by line?":
        "¿Recibieron el reclamo? ¿Cuánto permitieron, cuánto pagaron y cuánto me toca a mí, línea por línea?",
    "Were any lines denied, and why (the reason codes)? How and by when can I appeal?":
        "¿Negaron alguna línea, y por qué (los códigos de motivo)? ¿Cómo y hasta cuándo puedo apelar?",
    "Please send me the Explanation of Benefits for this claim.":
        "Por favor envíenme la Explicación de Beneficios (EOB) de este reclamo.",
    "Do not accept 'you owe the difference' for this care without asking them to reprocess the claim at in-network "
    "cost sharing.": "No acepte 'usted debe la diferencia' por esta atención sin pedir que vuelvan a procesar el "
                     "reclamo con el costo compartido de la red.",
    "Do not agree to close an appeal or a complaint on the phone.":
        "No acepte cerrar una apelación o una queja por teléfono.",
    "the date and time": "la fecha y la hora",
    "the name of the person you spoke to": "el nombre de la persona con quien habló",
    "a reference number for the call": "un número de referencia de la llamada",
    "what they agreed to; then confirm it in a letter or email": "lo que aceptaron; luego confírmelo en una carta o "
                                                                  "un correo electrónico",
    # protections (rights/protections.py, nsa_scope.py)
    "As an uninsured or self-pay patient you were owed a Good Faith Estimate before scheduled care.":
        "Como paciente sin seguro o que paga por su cuenta, le debían dar un Presupuesto de Buena Fe (Good Faith "
        "Estimate) antes de la atención programada.",
    "Children, pregnancy or disability have higher limits.":
        "Para niños, embarazo o discapacidad los límites son más altos.",
    "(Whether a medical bill counts as consumer credit under the Act is argued case by case.)":
        "(Si una factura médica cuenta como crédito de consumo según esa ley se discute caso por caso.)",
    "A payment alone does not restart it.": "Un pago por sí solo no lo reinicia.",
    # No Surprises Act scope (rights/nsa_scope.py)
    "This was emergency care that was not booked ahead, so no estimate was owed and there is none to dispute; the "
    "Act's limits on emergency bills protect patients with a health plan.":
        "Fue atención de emergencia que no se programó con anticipación, así que no se debía ningún presupuesto y no "
        "hay nada que disputar; los límites de la ley a las facturas de emergencia protegen a los pacientes con un "
        "plan de salud.",
    "Check the bill for errors and ask for financial assistance instead.":
        "En su lugar, revise la factura en busca de errores y pida ayuda financiera.",
    "As an uninsured or self-pay patient you were owed a written Good Faith Estimate before scheduled care, and you "
    "got none: the federal dispute of a bill far above the estimate needs one, so ask the provider for the estimate "
    "it should have given and report the missing estimate to the No Surprises Help Desk (cms.gov/nosurprises, "
    "1-800-985-3059).":
        "Como paciente sin seguro o que paga por su cuenta, le debían dar un Presupuesto de Buena Fe por escrito antes "
        "de la atención programada, y no recibió ninguno: la disputa federal de una factura muy por encima del "
        "presupuesto lo necesita, así que pida al proveedor el presupuesto que debió darle y reporte la falta a la "
        "línea de ayuda de la Ley Sin Sorpresas (cms.gov/nosurprises, 1-800-985-3059).",
    "Whether the No Surprises Act protects you depends on your coverage, which the case does not give (private plan, "
    "Medicare, Medicaid, or none).":
        "Si la Ley Sin Sorpresas le protege depende de su cobertura, que el caso no indica (plan privado, Medicare, "
        "Medicaid o ninguna).",
    "The No Surprises Act protects air ambulance rides, not ground ambulance rides; the case does not say which this "
    "was.": "La Ley Sin Sorpresas protege los viajes en ambulancia aérea, no en ambulancia terrestre; el caso no dice "
            "cuál fue este.",
    "The No Surprises Act protects emergency care and out-of-network providers at in-network hospitals and centers; "
    "the case does not say whether this was an emergency.":
        "La Ley Sin Sorpresas protege la atención de emergencia y a los proveedores fuera de la red en hospitales y "
        "centros de la red; el caso no dice si esto fue una emergencia.",
    # time-barred debt and offers (negotiate/barred.py, offer.py)
    # negotiate/scripts: no admission of the debt on the phone, and the time-barred warning
    "Do not say that you owe this bill or how much you owe: offer to resolve the account, and only in writing.":
        "No diga que debe esta factura ni cuánto debe: ofrezca resolver la cuenta, y solo por escrito.",
    "Time-barred debt: you may choose not to pay at all. Do not pay anything before the agreement is in writing.":
        "Deuda demasiado antigua para demandar: puede decidir no pagar nada. No pague nada antes de tener el acuerdo "
        "por escrito.",
    "Please send me a fully itemized bill with the CPT/HCPCS code of every line.":
        "Por favor envíenme una factura completamente detallada con el código CPT/HCPCS de cada línea.",
    "When did you buy this account?": "¿Cuándo compraron esta cuenta?",
    # the financial-assistance application (assist/application.py and the states' charity_care.yaml)
    "the hospital's financial-assistance application form (ask for it, or download it from the hospital's website)":
        "el formulario de solicitud de ayuda financiera del hospital (pídalo, o descárguelo de la página web del "
        "hospital)",
    "proof of household income: the last 2-3 pay stubs, or last year's tax return, or benefit letters (Social "
    "Security, unemployment); a signed statement if there is no income":
        "prueba de los ingresos del hogar: los últimos 2 o 3 talones de pago, o la declaración de impuestos del año "
        "pasado, o cartas de beneficios (Seguro Social, desempleo); una declaración firmada si no tiene ingresos",
    "a list of the people in the household (the tax return shows it)":
        "una lista de las personas del hogar (la declaración de impuestos la muestra)",
    "the bill or statement with the account number": "la factura o el estado de cuenta con el número de cuenta",
    "the insurance card and the insurer's Explanation of Benefits for this care":
        "la tarjeta del seguro y la Explicación de Beneficios (EOB) del seguro por esta atención",
    "recent pay stubs or your latest tax return (the hospital may not require more)":
        "talones de pago recientes o su última declaración de impuestos (el hospital no puede exigir más)",
    "for high medical costs: receipts or statements of medical expenses paid in the last 12 months":
        "por gastos médicos altos: recibos o estados de cuenta de gastos médicos pagados en los últimos 12 meses",
    "a written decision, and the reason for any denial": "una decisión por escrito, y el motivo de cualquier negación",
    "that collection (and any credit reporting) is paused while the application is pending":
        "que el cobro (y cualquier reporte de crédito) se detenga mientras la solicitud está pendiente",
    "a refund of anything paid above what you owe once assistance is granted":
        "un reembolso de lo que haya pagado de más una vez que le den la ayuda",
    "A nonprofit hospital must accept and process an application sent within 240 days after the first bill after "
    "discharge (26 CFR 1.501(r)-1(b)(3)); many accept later ones, so apply anyway.":
        "Un hospital sin fines de lucro debe aceptar y tramitar una solicitud enviada dentro de los 240 días después "
        "de la primera factura tras el alta (26 CFR 1.501(r)-1(b)(3)); muchos aceptan solicitudes más tardías, así "
        "que solicítela de todos modos.",
    "Ask the hospital for its charity care and discount payment policies; it must screen you and may not send the "
    "account to collections while an application is pending.":
        "Pida al hospital sus políticas de atención caritativa y de pago con descuento; debe evaluarle y no puede "
        "mandar la cuenta a cobranza mientras una solicitud está pendiente.",

    "Cannot decide without the hospital's financial-assistance policy (its free-care and discount income limits): a "
    "nonprofit hospital must publish its financial-assistance policy; ask for it (free and discount income limits, "
    "and its AGB percentage).":
        "No se puede decidir sin la política de ayuda financiera del hospital (sus límites de ingresos para atención "
        "gratuita y con descuento): un hospital sin fines de lucro debe publicarla; pídala (los límites de ingresos y "
        "su porcentaje AGB).",
    "The case says the patient has Medicaid: the provider should bill Medicaid, and a Medicaid provider may not bill "
    "you beyond Medicaid's cost sharing.":
        "El caso dice que usted tiene Medicaid: el proveedor debe cobrarle a Medicaid, y un proveedor de Medicaid no "
        "puede cobrarle más que el costo compartido de Medicaid.",
    "The No Surprises Act does not cover Medicaid: its protections are for private health plans and the uninsured. "
    "Instead, a provider that treated you as a Medicaid patient may not bill you beyond Medicaid's own copayments; ask "
    "it to bill Medicaid.":
        "La Ley Sin Sorpresas no cubre Medicaid: sus protecciones son para los planes de salud privados y las personas "
        "sin seguro. En cambio, un proveedor que le atendió como paciente de Medicaid no puede cobrarle más que los "
        "copagos de Medicaid; pídale que le cobre a Medicaid.",
    "The No Surprises Act does not cover the Qualified Medicare Beneficiary program: its protections are for private "
    "health plans and the uninsured. Instead, as a Qualified Medicare Beneficiary you may not be billed for "
    "Medicare's deductibles, coinsurance or copayments at all (42 U.S.C. 1396a(n)(3)(B)).":
        "La Ley Sin Sorpresas no cubre el programa de Beneficiario Calificado de Medicare (QMB): sus protecciones son "
        "para los planes de salud privados y las personas sin seguro. En cambio, como Beneficiario Calificado de "
        "Medicare no le pueden cobrar los deducibles, el coseguro ni los copagos de Medicare (42 U.S.C. "
        "1396a(n)(3)(B)).",
    "This was scheduled care from a provider you chose, not care by an out-of-network provider at an in-network "
    "facility: the No Surprises Act's balance-billing ban does not reach it.":
        "Fue atención programada con un proveedor que usted eligió, no atención de un proveedor fuera de la red en un "
        "centro de la red: la prohibición de facturas de saldo de la Ley Sin Sorpresas no la alcanza.",
    "there is no itemized bill in the case: the bill could not be checked line by line; ask the provider for an "
    "itemized bill": "el caso no tiene factura detallada: no se pudo revisar línea por línea; pida al proveedor la "
                     "factura detallada",
    "there is no itemized bill in the case: the EOBs were audited on their own; ask the provider for an itemized bill "
    "to check each charge": "el caso no tiene factura detallada: las EOB se revisaron por sí solas; pida al proveedor "
                            "la factura detallada para revisar cada cargo",
    # actions/safety.money_advice: no offer before the bill is known (a reason, also among others)
    "The itemized bill is not in hand yet: ask for it before offering or promising anything.":
        "Todavía no tiene la factura detallada: pídala antes de ofrecer o prometer nada.",
    "Paying it is your choice, not a duty; if you decide to pay anyway, talk to a lawyer or legal aid first.":
        "Pagarla es su decisión, no una obligación; si decide pagar de todos modos, hable antes con un abogado o con "
        "ayuda legal.",

    "Children and pregnant people may.": "Los niños y las embarazadas pueden calificar.",
}


# the English glosses some citations carry, in Spanish (the legal reference itself stays as written)
_CITE_WORDS = {" and the CMS fee schedules (the Medicare amounts)": " y las tablas de tarifas de CMS (las cantidades de "
                                                                   "Medicare)"}


def _cites(text: str | None) -> str:
    text = text or ""
    for en, es in _CITE_WORDS.items():
        text = text.replace(en, es)
    return text


def _lines(text: str) -> str:
    return text.replace(" and ", " y ")


def _cap_501r_free(m):
    return (f"Sus ingresos son el {m['p']}% de la línea de pobreza, igual o por debajo del límite de atención gratuita "
            f"de la política ({m['l']}%): la atención debería ser gratuita.")


def _fair_price(m):
    items = re.findall(r"line (\d+) at (" + M + r") \(([\d.]+)x Medicare\) instead of (" + M + r")", m["list"])
    listed = "; ".join(f"línea {n} a {a} ({x} veces Medicare) en vez de {b}" for n, a, x, b in items)
    return (f"Un precio justo por la atención: {m['f']}, {m['n']} {'línea' if m['n'] == '1' else 'líneas'} con precio "
            f"de {m['x']} veces lo que paga Medicare ({listed}), y las demás líneas a su cargo{_cites(m['end'])}")


def _ca_fair_pricing(m):
    items = re.findall(r"line (\d+) (" + M + r")", m["list"])
    listed = "; ".join(f"línea {n} {a}" for n, a in items)
    return (f"Ley de Precios Justos de Hospitales de California (atención caritativa y pago con descuento): con sus "
            f"ingresos ({m['p']}% de la línea de pobreza, igual o por debajo del {m['l']}%) el hospital puede cobrar "
            f"como máximo el {m['cap']}% de lo que paga Medicare (la redacción exacta de la ley para este límite aún no "
            f"está confirmada) (el límite de la ley es el mayor entre Medicare, Medi-Cal u otro programa del gobierno "
            f"en que participe el hospital; aquí se conoce el de Medicare): {m['n']} líneas al {m['cap']}% de Medicare "
            f"({listed}), {m['k']} {'línea' if m['k'] == '1' else 'líneas'} sin cantidad de Medicare a su cargo = "
            f"{m['t']} menos {m['paid']} pagados, así que"
            + (", si el hospital aprueba su solicitud," if m["approves"] else "")
            + f" debe como máximo {m['most']}; eso no es menos de {m['low']}")


_LUMP_WHY = [  # negotiate/offer.lump_sum's reasons
    (re.compile(r"the lump sum the household says it can raise\Z"), "la suma que el hogar dice que puede juntar"),
    (re.compile(rf"savings of (?P<s>{M}) less one month of essential expenses \((?P<e>{M})\) kept as a cushion\Z"),
     "ahorros de {s} menos un mes de gastos esenciales ({e}) que guarda como colchón"),
    (re.compile(rf"savings of (?P<s>{M}) less one month of income \((?P<e>{M})\) kept as a cushion, since the case "
                r"gives no essential expenses\Z"),
     "ahorros de {s} menos un mes de ingresos ({e}) que guarda como colchón, porque el caso no indica los gastos "
     "esenciales"),
    (re.compile(r"savings are in the case but not the essential monthly expenses a cushion must cover: add them\Z"),
     "el caso tiene los ahorros pero no los gastos esenciales de un mes que debe cubrir un colchón: añádalos"),
    (re.compile(r"no household facts in the case\Z"), "el caso no tiene datos del hogar"),
    (re.compile(r"how much you could pay at once \(savings, or a lump sum you could raise\) is not in the case\Z"),
     "el caso no dice cuánto podría pagar de una vez (ahorros, o una suma que pudiera juntar)"),
]
_LUMP_TAIL = {
    ": offer a lump sum, starting at the opening.": ": ofrezca un pago único, empezando por la oferta inicial.",
    ", between the opening and the target: offer the opening, settle at no more than that lump sum, or take the "
    "payment plan.": ", entre la oferta inicial y la meta: ofrezca la inicial, acuerde no más de esa suma, o tome el "
                     "plan de pagos.",
    ", below what a settlement needs: propose the payment plan instead, or a smaller lump sum plus the plan.":
        ", menos de lo que pide un acuerdo: proponga mejor el plan de pagos, o una suma menor más el plan.",
}


def _lump_why_es(why: str) -> str | None:
    for pattern, es in _LUMP_WHY:
        m = pattern.match(why)
        if m:
            return es.format(**m.groupdict())
    return None


def _lump_advice(m) -> str | None:
    """negotiate/offer.py's advice on a lump sum, in Spanish (each reason and each ending)."""
    why, tail = _lump_why_es(m["why"]), _LUMP_TAIL.get(m["tail"])
    if why is None or tail is None:
        return None
    return f"{'Solo puede' if m['only'] else 'Puede'} juntar {m['a']} ({why}){tail}"


def _lump_unknown(m) -> str | None:
    why = _lump_why_es(m["why"])
    return None if why is None else (f"No se sabe cuánto puede pagar de una vez ({why}); el plan de pagos es la "
                                     "alternativa.")


_PATTERNS: list[tuple[str, Any]] = [
    # the offer (negotiate/offer.py, fair.py, owed.py)
    (rf"You can raise (?P<only>only )?(?P<a>{M}) \((?P<why>[^()]*(?:\([^()]*\)[^()]*)*)\)(?P<tail>[:,] .+)",
     _lump_advice),
    (r"How much you can pay at once is unknown \((?P<why>.+)\); the payment plan is the fallback\.", _lump_unknown),
    (rf"No expense figures \(household\.monthly_expenses\): (?P<p>\d+)% of gross monthly income, (?P<b>{M})\.",
     "Sin cifras de gastos esenciales en el caso (campo household.monthly_expenses): el {p}% de los ingresos mensuales "
     "brutos, {b}."),
    (rf"Shares (?P<a>\d+)% / (?P<b>\d+)% / (?P<c>\d+)% of the fair amount because (?P<why>.+)\.",
     lambda m: (f"Apertura, meta y máximo: el {m['a']}%, el {m['b']}% y el {m['c']}% de la cantidad justa, porque "
                f"{_HOLDER_WHY[m['why']]}." if m["why"] in _HOLDER_WHY else None)),
    (rf"Open at (?P<o>{M}), aim for (?P<t>{M}), walk away above (?P<w>{M})\.",
     "Empiece ofreciendo {o}, busque {t} y no acepte más de {w}."),
    (rf"The debt buyer paid (?P<a>{M}) for it: opening near twice that\.",
     "El comprador de deudas pagó {a} por ella: empiece cerca del doble."),
    (rf"Billed (?P<a>{M})", "Facturado: {a}"),
    (rf"Minus (?P<a>{M}) insurance paid or adjusted on the bill", "Menos {a} que el seguro pagó o ajustó en la factura"),
    (rf"The balance asked is (?P<a>{M})", "El saldo que le piden es {a}"),
    (rf"You owe at most (?P<a>{M}); a fair amount to pay is (?P<f>{M})",
     "Usted debe como máximo {a}; una cantidad justa a pagar es {f}"),
    (rf"You owe at most (?P<a>{M})", "Usted debe como máximo {a}"),
    # a figure set by the hospital's assistance or a state's cap: owed once the hospital approves (negotiate/fair.py)
    (rf"If the hospital approves your application, you owe at most (?P<a>{M}); a fair amount to pay is (?P<f>{M})",
     "Si el hospital aprueba su solicitud, usted debe como máximo {a}; una cantidad justa a pagar es {f}"),
    (rf"If the hospital approves your application, you owe at most (?P<a>{M})",
     "Si el hospital aprueba su solicitud, usted debe como máximo {a}"),
    (r"You owe \$0\.00: (?P<r>.+?)\.?", lambda m: (f"Usted debe $0.00: {z}" if (z := _zero(m["r"])) else None)),
    (r"I owe \$0\.00: (?P<r>.+?)\.?", lambda m: (f"Debo $0.00: {z}." if (z := _zero(m["r"])) else None)),
    # free care: owed nothing once the hospital approves the application (negotiate/fair.py)
    (r"If the hospital approves your application, you owe \$0\.00: (?P<r>.+?)\.?",
     lambda m: (f"Si el hospital aprueba su solicitud, usted debe $0.00: {z}" if (z := _zero(m["r"])) else None)),
    (r"If the hospital approves my application, I owe \$0\.00: (?P<r>.+?)\.?",
     lambda m: (f"Si el hospital aprueba mi solicitud, debo $0.00: {z}." if (z := _zero(m["r"])) else None)),
    (r"Do not offer, promise or agree to any payment on this account: if the hospital approves your application, you "
     r"owe \$0\.00: (?P<r>.+?)\.?",
     lambda m: (f"No ofrezca, prometa ni acepte ningún pago en esta cuenta: si el hospital aprueba su solicitud, usted "
                f"debe $0.00: {z}." if (z := _zero(m["r"])) else None)),
    (r"Do not offer, promise or agree to any payment on this account: you owe \$0\.00: (?P<r>.+?)\.?",
     lambda m: (f"No ofrezca, prometa ni acepte ningún pago en esta cuenta: usted debe $0.00: {z}."
                if (z := _zero(m["r"])) else None)),
    (rf"You owe \$0\.00 on this account\.", "Usted debe $0.00 en esta cuenta."),
    (rf"A fair price for the care: (?P<f>{M}), (?P<n>\d+) lines? priced at (?P<x>[\d.]+)x Medicare \((?P<list>.+)\), "
     r"the other lines kept at their charge(?P<end>\. \(.+\))?", _fair_price),
    # a discount the hospital's amounts generally billed bring lower still (negotiate/owed._assistance)
    (rf"The hospital's financial-assistance policy \(IRS 501\(r\)\): (?P<d>\d+)% off the (?P<c>{M}) charged to "
     rf"(?P<who>you|me) = (?P<o>{M}); never more than the hospital's amounts generally billed: (?P<a>[\d.]+)% of "
     rf"(?P<g>{M})(?: less (?P<paid>{M}) paid)? = (?P<x>{M})(?P<end>\. \(.+\))?",
     lambda m: (f"La política de ayuda financiera del hospital (IRS 501(r)): {m['d']}% de descuento sobre los "
                f"{m['c']} que {'le' if m['who'] == 'you' else 'me'} cobran = {m['o']}; nunca más que los montos "
                f"generalmente facturados (AGB) del hospital: el {m['a']}% de {m['g']}"
                + (f" menos {m['paid']} pagados" if m["paid"] else "") + f" = {m['x']}{m['end'] or ''}")),
    (rf"The hospital's financial-assistance policy \(IRS 501\(r\)\): (?P<d>\d+)% off the (?P<c>{M}) charged to "
     rf"(?P<who>you|me) = "
     rf"(?P<o>{M})(?P<end>\. \(.+\))?",
     lambda m: (f"La política de ayuda financiera del hospital (IRS 501(r)): {m['d']}% de descuento sobre los "
                f"{m['c']} que {'le' if m['who'] == 'you' else 'me'} cobran = {m['o']}{m['end'] or ''}")),
    (rf"The hospital's financial-assistance policy \(IRS 501\(r\)\): Income is (?P<p>[\d.]+)% of the poverty "
     rf"guideline, at or below the policy's free-care limit of (?P<l>\d+)%: the care should be free\. So "
     rf"{_IF_APPROVED}(?P<who>you|I) owe (?P<o>{M})(?P<end>\. \(.+\))?",
     lambda m: ("La política de ayuda financiera del hospital (IRS 501(r)): " + _cap_501r_free(m) + " " + _so_owe(m)
                + m["o"] + (m["end"] or ""))),
    (rf"California Hospital Fair Pricing Act \(charity care and discount payment\): at your income \((?P<p>[\d.]+)% of "
     rf"the poverty guideline, at or below (?P<l>\d+)%\) the hospital may charge at most (?P<cap>\d+)% of what Medicare "
     r"pays \(the statute's own words for this cap are not yet confirmed\) \(the law's cap is the greatest of "
     r"Medicare, Medi-Cal or another government program the hospital takes part in; Medicare's is the one known "
     rf"here\): (?P<n>\d+) lines at \d+% of Medicare \((?P<list>[^)]+)\), (?P<k>\d+) lines? with no Medicare amount at "
     rf"its charge = (?P<t>{M}) less (?P<paid>{M}) paid, so {_IF_APPROVED}you owe at most (?P<most>{M}); that is not "
     rf"below "
     rf"(?P<low>{M})", _ca_fair_pricing),
    (rf"I can offer (?P<o>{M}) to resolve this account in full, if you confirm in writing that this settles the "
     r"account in full, that nothing more will be billed or collected, and that it will be reported as paid or removed "
     r"from my credit reports\. This is an offer to settle a disputed account, not an agreement that I owe it\.",
     "Puedo ofrecer {o} para resolver esta cuenta por completo, si me confirman por escrito que esto cierra la cuenta "
     "por completo, que no se cobrará ni se facturará nada más, y que se reportará como pagada o se quitará de mis "
     "informes de crédito. Es una oferta para resolver una cuenta en disputa, no un reconocimiento de que la debo."),
    (rf"Would you accept (?P<a>{M}) to resolve this account in full, and confirm in writing, before any payment, that "
     r"this settles the account in full, that nothing more will be billed or collected, and that it will be reported "
     r"as paid or removed from my credit reports\?",
     "¿Aceptarían {a} para resolver esta cuenta por completo, y me confirmarían por escrito, antes de cualquier pago, "
     "que esto cierra la cuenta por completo, que no se cobrará ni se facturará nada más, y que se reportará como "
     "pagada o se quitará de mis informes de crédito?"),
    (rf"After validation: I can offer (?P<o>{M}) to resolve this account in full, if you confirm in writing, before "
     r"any payment, that this settles the account in full, that nothing more will be billed or collected, and that it "
     r"will be reported as paid or removed from my credit reports, with no resale of any remainder\. Would you accept "
     r"that\? This is an offer to settle a disputed account, not an agreement that I owe it\.",
     "Después de la verificación: Puedo ofrecer {o} para resolver esta cuenta por completo, si me confirman por "
     "escrito, antes de cualquier pago, que esto cierra la cuenta por completo, que no se cobrará ni se facturará nada "
     "más, y que se reportará como pagada o se quitará de mis informes de crédito, sin revender lo que quede. ¿Lo "
     "aceptarían? Es una oferta para resolver una cuenta en disputa, no un reconocimiento de que la debo."),
    # the payment plan (negotiate/plan.py)
    (rf"Monthly income (?P<i>{M}) less essential expenses (?P<e>{M}) leaves (?P<l>{M}); half of it, (?P<h>{M}), keeps "
     r"room for surprises\.",
     "Ingresos mensuales de {i} menos gastos esenciales de {e} dejan {l}; la mitad, {h}, deja margen para imprevistos."),
    (rf"(?P<t>{M}) at (?P<m>{M}) a month is (?P<n>\d+) payments, the first on (?P<f>{D}) and the last(?: "
     rf"\((?P<l>{M})\))? on (?P<d>{D})\.",  # the last payment's amount only when it differs
     lambda m: (f"{m['t']} a {m['m']} al mes son {m['n']} pagos, el primero el {m['f']} y el último"
                + (f" ({m['l']})" if m["l"] else "") + f" el {m['d']}.")),
    (rf"Zero interest asked for; the law caps interest at (?P<r>[\d.]+)% a year here in any case\.",
     "Se pide cero interés; de todos modos la ley limita aquí el interés al {r}% al año."),
    # the statute of limitations (rights/sol.py)
    (rf"In (?P<st>{STATE_NAMES}), (?P<what>a payment or a signed written acknowledgment or promise to pay|a signed "
     rf"written acknowledgment or promise to pay|a payment) before (?P<d>{D}) may restart the (?P<y>\d+)-year clock: do "
     r"not pay anything or sign anything about this debt before deciding\.",
     lambda m: (f"En {m['st']}, " + {"a payment or a signed written acknowledgment or promise to pay":
                                    "un pago o un reconocimiento o promesa de pago firmado por escrito",
                                    "a signed written acknowledgment or promise to pay":
                                    "un reconocimiento o promesa de pago firmado por escrito",
                                    "a payment": "un pago"}[m["what"]]
                + f" antes del {m['d']} puede reiniciar el plazo de {m['y']} años: no pague ni firme nada sobre esta "
                "deuda antes de decidir.")),
    (rf"In (?P<st>{STATE_NAMES}), a payment or a signed writing does not restart the (?P<y>\d+)-year clock, which runs "
     rf"to (?P<d>{D})\.",
     "En {st}, un pago o un escrito firmado no reinicia el plazo de {y} años, que corre hasta el {d}."),
    # protections
    (rf"The FDCPA and Regulation F cover (?P<c>{N}), a collection agency collecting for someone else\.",
     "La FDCPA y la Regulación F cubren a {c}, una agencia de cobranza que cobra para otro."),
    (rf"They do not cover (?P<p>{N}) itself, collecting its own bill: complaints about (?P<p2>{N})(?:'s|') own "
     r"conduct go to "
     r"state law and, for a nonprofit hospital, IRS 501\(r\)\.",
     "No cubren a {p}, que cobra su propia factura: las quejas sobre la conducta de {p2} van por la ley del estado y, "
     "si es un hospital sin fines de lucro, por IRS 501(r)."),
    (rf"Your written dispute of (?P<d>{D}) was sent within the validation period \(it ends (?P<e>{D})\): (?P<c>{N}) "
     r"must stop collecting until it mails you verification, and if it reports the debt to a credit bureau it must "
     r"report it as disputed\.",
     "Su disputa por escrito del {d} se envió dentro del período de validación (termina el {e}): {c} debe dejar de "
     "cobrar hasta enviarle la verificación, y si reporta la deuda a una agencia de crédito debe reportarla como "
     "disputada."),
    (rf"If (?P<c>{N}) broke these laws, a lawsuit can recover your actual damages, attorney's fees and statutory "
     rf"damages of up to (?P<a>{M}) per lawsuit \(a cap for the whole case, not an amount per violation\)\.",
     "Si {c} violó estas leyes, una demanda puede recuperar sus daños reales, los honorarios de abogado y daños legales "
     "de hasta {a} por demanda (un límite para todo el caso, no una cantidad por infracción)."),
    (rf"The FDCPA does not apply yet: (?P<p>{N}) is collecting its own bill, and a creditor collecting its own debt in "
     r"its own name is not a \"debt collector\"\.",
     "La FDCPA todavía no se aplica: {p} cobra su propia factura, y un acreedor que cobra su propia deuda en su propio "
     "nombre no es un \"cobrador de deudas\"."),
    (r"It will apply if the account goes to a collection agency, a debt buyer or a collection lawyer\.",
     "Se aplicará si la cuenta pasa a una agencia de cobranza, a un comprador de deudas o a un abogado de cobranza."),
    (rf"(?P<p>{N}) is a nonprofit hospital: it must offer financial assistance, accept an application for (?P<a>\d+) "
     r"days after the first bill, charge an eligible patient no more than amounts generally billed, and take no "
     rf"extraordinary collection action for (?P<e>\d+) days and before trying to find out whether you qualify\.",
     "{p} es un hospital sin fines de lucro: debe ofrecer ayuda financiera, aceptar una solicitud durante {a} días "
     "después de la primera factura, no cobrar a un paciente que califica más que los montos generalmente facturados "
     "(AGB), y no tomar ninguna acción de cobro extraordinaria durante {e} días ni antes de averiguar si usted califica."),
    (rf"This also binds (?P<c>{N}), which collects for it\.", "Esto también obliga a {c}, que cobra para él."),
    (rf"(?P<p>{N}) is a for-profit hospital: 501\(r\) does not apply; state charity-care law may\.",
     "{p} es un hospital con fines de lucro: 501(r) no se aplica; puede aplicarse la ley del estado sobre atención "
     "caritativa."),
    (rf"501\(r\) binds nonprofit hospitals only; (?P<p>{N}) is not a hospital\.",
     "501(r) obliga solo a los hospitales sin fines de lucro; {p} no es un hospital."),
    (rf"This was emergency care: (?P<p>{N}) may not bill you more than your in-network cost sharing even though it is "
     r"out of your network\.",
     "Fue atención de emergencia: {p} no puede cobrarle más que su costo compartido dentro de la red, aunque esté "
     "fuera de su red."),
    (rf"Your Good Faith Estimate was (?P<a>{M})\.", "Su Presupuesto de Buena Fe fue de {a}."),
    (rf"If the bill is at least (?P<t>{M}) above the Good Faith Estimate, you start the federal patient-provider dispute "
     r"yourself, with the U\.S\. Department of Health and Human Services \(HHS\), not by writing to the provider: 1\) by "
     rf"(?P<d>{D}) \((?P<n>\d+) calendar days after the first bill of (?P<f>{D}); the rule counts from the day you "
     r"received it, but file by this date to be safe\), send HHS the dispute form online at cms\.gov/nosurprises \(or "
     r"call 1-800-985-3059 for a paper form\), with a copy of the bill and of the Good Faith Estimate; 2\) pay the "
     rf"(?P<fee>{M}) fee; 3\) tell the provider in writing that you have filed: while the dispute is pending it must "
     r"not send the bill to collections \(or must stop collecting\) and must not add late fees\.",
     "Si la factura supera en {t} o más el Presupuesto de Buena Fe, usted mismo inicia la disputa federal entre paciente "
     "y proveedor ante el Departamento de Salud y Servicios Humanos (HHS), no escribiendo al proveedor: 1) antes del "
     "{d} ({n} días calendario después de la primera factura del {f}; la regla cuenta desde el día en que la recibió, "
     "pero preséntela antes de esta fecha para estar seguro), envíe a HHS el formulario de disputa en "
     "cms.gov/nosurprises (o llame al 1-800-985-3059 para pedirlo en papel), con una copia de la factura y del "
     "presupuesto; 2) pague la tarifa de {fee}; 3) avise al proveedor por escrito que presentó la disputa: mientras "
     "esté abierta, no puede mandar la factura a cobranza (o debe dejar de cobrar) ni añadir recargos por atraso."),
    (rf"California's Rosenthal Fair Debt Collection Practices Act may cover (?P<who>{N}): unlike the federal FDCPA, it "
     r"reaches a creditor collecting its own bill\.",
     lambda m: ("La Ley Rosenthal de Prácticas Justas de Cobro de Deudas de California puede cubrir a "
                + _lines(m["who"].replace(" itself", " mismo")) + ": a diferencia de la FDCPA federal, alcanza a un "
                "acreedor que cobra su propia factura.")),
    (rf"Its limits on harassing calls, false threats and misleading statements then bind (?P<p>{N})'s own billing "
     r"office, and a violation can be sued on in state court\.",
     "Entonces sus límites a las llamadas acosadoras, las amenazas falsas y las declaraciones engañosas obligan a la "
     "propia oficina de facturación de {p}, y una infracción se puede demandar en un tribunal del estado."),
    # assistance programs (assist/)
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline, at or below the policy's free-care limit of (?P<l>\d+)%: the "
     r"care should be free\.", _cap_501r_free),
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline, at or below the policy's discount limit of (?P<l>\d+)%: a "
     r"(?P<d>\d+)% discount off the charges\.",
     "Sus ingresos son el {p}% de la línea de pobreza, igual o por debajo del límite de descuento de la política "
     "({l}%): un descuento del {d}% sobre los cargos."),
    (r"As an eligible patient you may not be charged more than the AGB, (?P<a>[\d.]+)% of gross charges, for emergency "
     r"or medically necessary care\.",
     "Como paciente que califica, no le pueden cobrar más que los montos generalmente facturados (AGB), el {a}% de los "
     "cargos brutos, por atención de emergencia o médicamente necesaria."),
    (rf"Income is (?P<p>[\d.]+)% of the poverty guideline, above the (?P<l>\d+)% adult limit in (?P<st>{STATE_NAMES})\.",
     "Sus ingresos son el {p}% de la línea de pobreza, por encima del límite para adultos de {l}% en {st}."),
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline, at or below (?P<l>\d+)%: price capped: no more than the "
     r"highest amount Medicare, Medi-Cal or another government program would pay for the same care (?P<c>\(.+?\))\.",
     "Sus ingresos son el {p}% de la línea de pobreza, igual o por debajo del {l}%: precio limitado: no más que la "
     "cantidad más alta que pagaría Medicare, Medi-Cal u otro programa del gobierno por la misma atención {c}."),
    (rf"Covered as high medical costs: the (?P<a>{M}) owed is more than (?P<pc>\d+)% of the household's (?P<i>{M}) "
     r"income\.",
     "Cubierto por gastos médicos altos: los {a} que se deben son más del {pc}% de los ingresos del hogar ({i})."),
    (rf"(?P<prog>.+?) covers hospitals; (?P<p>{N}) is recorded as provider kind 'other' \(if the bill is from a "
     r"hospital, say so in the case\)\.",
     lambda m: (f"{program_name(None, m['prog'])} cubre hospitales; {m['p']} está registrado como otro tipo de "
                "proveedor (si la factura es de un hospital, dígalo en el caso).")),
    (rf"501\(r\) binds hospital facilities; (?P<p>{N}) is recorded as provider kind 'other' \(if the bill is from a "
     r"hospital, say so in the case\)\.",
     "501(r) obliga a los hospitales; {p} está registrado como otro tipo de proveedor (si la factura es de un "
     "hospital, dígalo en el caso)."),
    # call scripts (negotiate/scripts.py)
    (rf"I'm calling about account (?P<a>\S+) for care on (?P<d>{D})\.", "Llamo por la cuenta {a} por la atención del {d}."),
    # a case without the care's dates: negotiate/scripts says 'the date on the bill'
    (r"I'm calling about account (?P<a>\S+) for care on the date on the bill\.",
     "Llamo por la cuenta {a} por la atención de la fecha que figura en la factura."),
    (rf"I'm calling about your reference (?P<r>\S+), which you say is for (?P<p>{N})\.",
     "Llamo por su referencia {r}, que según ustedes es de {p}."),
    (rf"I'm calling about a claim for care on (?P<d>{D}) at (?P<p>{N}), billed (?P<a>{M})\.",
     "Llamo por un reclamo por la atención del {d} en {p}, facturada por {a}."),
    (rf"I'm calling about a claim for care on the date on the bill at (?P<p>{N}), billed (?P<a>{M})\.",
     "Llamo por un reclamo por la atención de la fecha que figura en la factura en {p}, facturada por {a}."),
    # rights/protections.py: a hospital the case does not say is a nonprofit
    (rf"501\(r\) applies if (?P<p>{N}) is a nonprofit \(501\(c\)\(3\)\) hospital; the case does not say whether it "
     r"is\. Check its IRS Form 990 or its financial-assistance policy\.",
     "501(r) se aplica si {p} es un hospital sin fines de lucro (501(c)(3)); el caso no dice si lo es. Revise su "
     "formulario 990 del IRS o su política de asistencia financiera."),
    (rf"Your notice asks for (?P<a>{M}), but the provider's balance was (?P<b>{M}): explain the difference of "
     rf"(?P<d>{M}) in writing\.",
     "Su aviso pide {a}, pero el saldo del proveedor era {b}: explíquenme por escrito la diferencia de {d}."),
    (r"(?:I believe I qualify for (?P<what>free care|a discount) under your financial-assistance policy, and )?"
     r"I am applying for financial assistance \((?P<names>.+)\)\. Please put the account on hold, and stop any "
     r"collection or credit reporting while it is reviewed\.",
     lambda m: ((f"Creo que tengo derecho a {'atención gratuita' if m['what'] == 'free care' else 'un descuento'} "
                 "según su política de ayuda financiera, y estoy solicitando ayuda financiera (" if m["what"] else
                 "Estoy solicitando ayuda financiera (")
                + "; ".join(program_name(None, n) for n in m["names"].split("; "))
                + "). Por favor pongan la cuenta en espera, y detengan todo cobro o reporte de crédito mientras la "
                "revisan.")),
    (r"Your amounts generally billed are (?P<a>[\d.]+)% of charges: if I qualify for assistance, I may not be charged "
     r"more; will you apply your discount and that limit\?",
     "Sus montos generalmente facturados (AGB) son el {a}% de los cargos: si califico para la ayuda, no me pueden "
     "cobrar más; ¿aplicarán su descuento y ese límite?"),
    (r"This was emergency care\. Under the No Surprises Act I may be charged no more than my in-network cost sharing, "
     r"even if the hospital is out of network (?P<c>\(.+?\)); please process it that way\.",
     "Fue atención de emergencia. Según la Ley Sin Sorpresas no me pueden cobrar más que mi costo compartido dentro de "
     "la red, aunque el hospital esté fuera de la red {c}; por favor procésenlo así."),
    (r"This was an air ambulance ride\. Under the No Surprises Act I may be charged no more than my in-network cost "
     r"sharing, even though it is out of network (?P<c>\(.+?\)); please process it that way\.",
     "Fue un traslado en ambulancia aérea. Según la Ley Sin Sorpresas no me pueden cobrar más que mi costo compartido "
     "dentro de la red, aunque esté fuera de la red {c}; por favor procésenlo así."),
]
# the state's medical-debt collection law (rights/protections._state): its parts are law data (the
# `applies_to`, `blocks`, `who`, `before` and `text` of states/*/collection.yaml), each with its Spanish here
_STATE_PHRASES = {
    "or the weekly average 1-year Treasury yield if lower": "o el promedio semanal del rendimiento del Tesoro a 1 año "
                                                           "si es menor",
    "patients eligible for the hospital's charity-care or discount-payment policy, on an extended payment plan":
        "pacientes que califican para la atención caritativa o el pago con descuento del hospital, en un plan de pagos "
        "extendido",
    "uninsured patients and patients with high medical costs": "pacientes sin seguro y pacientes con gastos médicos "
                                                               "altos",
    "any medical debt except credit-card debt": "toda deuda médica salvo la de tarjeta de crédito",
    "hospital patients": "pacientes de hospital",
    "all medical debt": "toda deuda médica",
    "every patient with a medical debt": "todo paciente con una deuda médica",
    "judgments on consumer debt, including medical debt": "sentencias por deudas de consumo, incluida la deuda médica",
    "for patients eligible for charity care or discount payment, no wage garnishment without a court hearing on "
    "ability to pay": "para pacientes que califican para atención caritativa o pago con descuento, no hay embargo de "
                      "salario sin una audiencia en el tribunal sobre su capacidad de pago",
    "for patients eligible for charity care or discount payment, no lien on the primary residence":
        "para pacientes que califican para atención caritativa o pago con descuento, no hay gravamen sobre la vivienda "
        "principal",
    "no lien on owner-occupied residential property for medical debt": "no hay gravamen sobre la vivienda que ocupa su "
                                                                       "dueño por deuda médica",
    "no wage garnishment for medical debt of a patient with household income under 600% of the poverty guideline":
        "no hay embargo de salario por deuda médica de un paciente con ingresos del hogar por debajo del 600% de la "
        "línea de pobreza",
    "no liens on a primary residence for medical debt": "no hay gravámenes sobre la vivienda principal por deuda médica",
    "no wage garnishment to collect a medical-debt judgment of a hospital or health care professional":
        "no hay embargo de salario para cobrar una sentencia por deuda médica de un hospital o profesional de la salud",
    "no lien on a primary residence to collect a medical-debt judgment of a hospital or health care professional":
        "no hay gravamen sobre la vivienda principal para cobrar una sentencia por deuda médica de un hospital o "
        "profesional de la salud",
    "for a debt owed to a hospital or other facility licensed under chapter 395: up to $10,000 of your interest in one "
    "motor vehicle, and up to $10,000 of other personal property if you do not claim a homestead exemption, are exempt "
    "from garnishment or other legal process in a suit on that debt":
        "por una deuda con un hospital u otro centro con licencia según el capítulo 395: hasta $10,000 de su parte en "
        "un vehículo y hasta $10,000 de otros bienes personales, si no reclama la exención de vivienda (homestead), "
        "están protegidos de embargo u otro proceso legal en una demanda por esa deuda",
    "any extraordinary collection action": "cualquier acción de cobro extraordinaria",
    "any extraordinary collection action (for any care, not only care under the financial-assistance policy)":
        "cualquier acción de cobro extraordinaria (por cualquier atención, no solo la de la política de ayuda "
        "financiera)",
    "any action to collect a medical debt": "cualquier acción para cobrar una deuda médica",
    "licensed facility": "el centro con licencia", "collection agency": "la agencia de cobranza",
}
_BLOCKS = {"credit reporting": "reportes de crédito", "lawsuit": "demandas", "debt sale": "venta de la deuda",
           "lien": "gravámenes", "garnishment": "embargos"}
_SOL_STATUS = {"running": "corriendo", "expired": "vencido", "time barred": "vencido",
               "expired unless written contract": "vencido salvo que haya un contrato por escrito"}
_NONE_FOUND = {"interest cap": "tope de interés", "collection wait": "espera antes del cobro",
               "notice before collection": "aviso antes del cobro", "garnishment": "embargo de salario",
               "liens": "gravámenes"}


def _state_part(part: str) -> str | None:
    if part in _STATE_PHRASES:
        return _STATE_PHRASES[part]
    m = re.fullmatch(rf"a (\d+)-year limit to sue on this debt \(([a-z ]+), ends ({D})\)", part)
    if m and m[2] in _SOL_STATUS:
        return f"un plazo de {m[1]} años para demandar por esta deuda ({_SOL_STATUS[m[2]]}, termina el {m[3]})"
    m = re.fullmatch(r"interest on medical debt is capped at ([\d.]+)% \((.+)\)", part)
    if m and m[2] in _STATE_PHRASES:
        return f"el interés sobre la deuda médica tiene un tope del {m[1]}% ({_STATE_PHRASES[m[2]]})"
    m = re.fullmatch(r"no (.+) for (\d+) days after the first bill \((.+)\)", part)
    if m and m[3] in _STATE_PHRASES and all(b in _BLOCKS for b in m[1].split(" or ")):
        return (f"ni {' ni '.join(_BLOCKS[b] for b in m[1].split(' or '))} durante {m[2]} días después de la primera "
                f"factura ({_STATE_PHRASES[m[3]]})")
    m = re.fullmatch(r"(.+) must give (\d+) days' written notice before (.+)", part)
    if m and m[1] in _STATE_PHRASES and m[3] in _STATE_PHRASES:
        who = _STATE_PHRASES[m[1]]
        return f"{who} debe dar un aviso por escrito de {m[2]} días antes de {_STATE_PHRASES[m[3]]}"
    return None


def _state_law(m) -> str | None:
    parts = [_state_part(x) for x in m["parts"].split("; ")]
    if any(p is None for p in parts):
        return None
    text = f"Ley de {m['st']}: " + "; ".join(parts) + "."
    if m["none"]:
        names = [_NONE_FOUND.get(x) for x in m["none"].split(", ")]
        if any(n is None for n in names):
            return None
        text += " No se encontró una regla específica sobre: " + ", ".join(names) + "."
    return text


_PATTERNS.insert(0, (rf"(?P<st>{STATE_NAMES}) law: (?P<parts>.+?)\.(?: No specific rule found for: (?P<none>.+)\.)?",
                     _state_law))
_PATTERNS.insert(0, (rf"No (?P<st>{STATE_NAMES}) law specific to medical-debt collection was found\.",
                     "No se encontró una ley de {st} específica sobre el cobro de deudas médicas."))


_PATTERNS += [
    (rf"For a patient without insurance, the No Surprises Act gives a written Good Faith Estimate for care booked "
     rf"ahead \(or when you ask for one\) and a federal dispute of a bill (?P<t>{M}) or more above that estimate\.",
     "Para un paciente sin seguro, la Ley Sin Sorpresas da un Presupuesto de Buena Fe por escrito para la atención "
     "programada con anticipación (o cuando usted lo pide) y una disputa federal de una factura que lo supere en {t} "
     "o más."),
    (rf"The No Surprises Act took effect on (?P<d>{D}); this care \((?P<c>{D})\) is earlier, so it does not apply\.",
     "La Ley Sin Sorpresas entró en vigor el {d}; esta atención ({c}) es anterior, así que no se aplica."),
    (rf"This was emergency care: (?P<p>{N}) may not bill you more than your in-network cost sharing\.",
     "Fue atención de emergencia: {p} no puede cobrarle más que su costo compartido dentro de la red."),
    (rf"This was an air ambulance ride: (?P<p>{N}) may not bill you more than your in-network cost sharing"
     r"(?P<net> even though it is out of your plan's network)?\.",
     lambda m: (f"Fue un viaje en ambulancia aérea: {m['p']} no puede cobrarle más que su costo compartido dentro de "
                "la red" + (", aunque esté fuera de la red de su plan" if m["net"] else "") + ".")),
    (rf"The FDCPA and Regulation F cover (?P<c>{N}), (?P<what>a lawyer collecting debts|a debt buyer)\.",
     lambda m: (f"La FDCPA y la Regulación F cubren a {m['c']}, "
                + ("un abogado que cobra deudas." if m["what"].startswith("a lawyer") else "un comprador de deudas."))),
    (rf"(?P<prog>.+?) covers hospitals; (?P<p>{N}) is recorded as provider kind '(?P<k>\w+)' \(if the bill is from a "
     r"hospital, say so in the case\)\.",
     lambda m: (f"{program_name(None, m['prog'])} cubre hospitales; {m['p']} está registrado como otro tipo de "
                "proveedor (si la factura es de un hospital, dígalo en el caso)."
                if program_name(None, m["prog"]) != m["prog"] else None)),
    (rf"501\(r\) binds hospital facilities; (?P<p>{N}) is recorded as provider kind '(?P<k>\w+)' \(if the bill is "
     r"from a hospital, say so in the case\)\.",
     "501(r) obliga a los hospitales; {p} está registrado como otro tipo de proveedor (si la factura es de un "
     "hospital, dígalo en el caso)."),
    (rf"(?P<p>{N}) is recorded as for-profit, so 501\(r\) does not apply; ask for its own discount or charity policy "
     r"anyway\.",
     "{p} está registrado como con fines de lucro, así que 501(r) no se aplica; pida de todos modos su propia política "
     "de descuentos o de atención caritativa."),
    (rf"(?P<st>{STATE_NAMES}) has not expanded Medicaid \(status as of (?P<d>{D}), checked against KFF's tracker\): "
     r"adults without children or a disability usually do not qualify on income alone\.",
     "{st} no ha ampliado Medicaid (situación al {d}, según el registro de KFF): los adultos sin hijos ni discapacidad "
     "normalmente no califican solo por sus ingresos."),
    (rf"(?P<t>{M}) at (?P<m>{M}) a month is 1 payment, the first on (?P<f>{D})\.",
     "{t} a {m} al mes es 1 pago, el {f}."),
    (rf"I'm calling about a claim for care on (?P<d>{D}) at (?P<p>{N})\.",
     "Llamo por un reclamo por la atención del {d} en {p}."),
    (rf"The (?P<y>\d+)-year limit to sue ran out on (?P<d>{D}): a collector may still ask, but may not sue or threaten "
     r"to\.",
     "El plazo de {y} años para demandar terminó el {d}: un cobrador todavía puede pedir el pago, pero no puede "
     "demandarle ni amenazar con hacerlo."),
    (rf"In (?P<st>{STATE_NAMES}), nothing you pay or sign now revives it \(a payment, a signed writing or other "
     r"activity does not restart a limit that has run out\)\.",
     "En {st}, nada que usted pague o firme ahora la revive (un pago, un escrito firmado u otra actividad no reinicia "
     "un plazo que ya terminó)."),
    (rf"In (?P<st>{STATE_NAMES}), (?P<what>a payment or a signed written acknowledgment or promise to pay|a signed "
     r"written acknowledgment or promise to pay|a payment) now could revive the debt: do not pay or sign anything "
     r"about it before getting advice\.",
     lambda m: (f"En {m['st']}, " + {"a payment or a signed written acknowledgment or promise to pay":
                                    "un pago o un reconocimiento o promesa de pago firmado por escrito",
                                    "a signed written acknowledgment or promise to pay":
                                    "un reconocimiento o promesa de pago firmado por escrito",
                                    "a payment": "un pago"}[m["what"]]
                + " ahora podría revivir la deuda: no pague ni firme nada sobre ella antes de pedir consejo.")),
    (r"This debt's owner may not sue on it at all under state law\.",
     "La ley del estado no permite que el dueño de esta deuda la demande."),
    (rf"In (?P<st>{STATE_NAMES}) the debt itself ended with the limit: it may not be collected at all\.",
     "En {st} la deuda misma terminó con el plazo: no se puede cobrar en absoluto."),
    (r"The statute of limitations has run: they cannot win a lawsuit, so offer little or nothing \(shares (?P<a>\d+)% "
     r"/ (?P<b>\d+)% / (?P<c>\d+)%\)\.",
     "El plazo para demandar terminó: no pueden ganar una demanda, así que ofrezca poco o nada (el {a}%, el {b}% y el "
     "{c}%)."),
    (rf"The debt is more than (?P<y>\d+) years old \((?P<m>\d+) months since (?P<d>{D})\): older debt is worth less "
     r"to whoever holds it, so the shares are cut to (?P<p>\d+)%\.",
     "La deuda tiene más de {y} años ({m} meses desde el {d}): una deuda más antigua vale menos para quien la tiene, "
     "así que las ofertas se reducen al {p}%."),
]


_TOO_OLD = (rf"the limit to sue on this debt ran out on (?P<d>{D}): it is too old to sue on, and "
            r"(?:the law does not let whoever holds it sue on it: nothing needs to be paid or promised"
            rf"|in (?P<st>{STATE_NAMES}) nothing revives it: nothing needs to be paid or promised"
            rf"|in (?P<st2>{STATE_NAMES}) (?P<what>a payment or a signed written acknowledgment or promise to pay"
            r"|a payment|a signed written acknowledgment or promise to pay) could give the collector back the right "
            r"to sue)")
_REVIVERS_ES = {"a payment": "un pago",
                "a signed written acknowledgment or promise to pay": "un reconocimiento o una promesa de pago firmados",
                "a payment or a signed written acknowledgment or promise to pay":
                    "un pago o un reconocimiento o una promesa de pago firmados"}


def _too_old_es(m) -> str:
    """Why no money is offered on a debt whose limit ran out, in Spanish (the clause of _TOO_OLD)."""
    head = f"el plazo para demandar por esta deuda terminó el {m['d']}: es demasiado antigua para demandar, y "
    if m["st"]:
        return head + f"en {m['st']} nada la revive: no hace falta pagar ni prometer nada"
    if m["st2"]:
        return head + f"en {m['st2']} {_REVIVERS_ES[m['what']]} podría devolverle al cobrador el derecho a demandar"
    return head + "la ley no permite que quien la tiene la demande: no hace falta pagar ni prometer nada"


# negotiate/scripts: the call scripts' time-barred warning, with the case's state rule (report/spanish_scripts.py)
from .spanish_scripts import PATTERNS as CALL_REVIVAL  # noqa: E402

_PATTERNS += CALL_REVIVAL

_LETTERS_NOT_WRITTEN = {"financial hardship letter": "no se escribe la carta de dificultad económica",
                        "offer to settle the account": "no se escribe la oferta para cerrar la cuenta"}


def _not_written(m):
    rest = m["r"]
    es = sentence(rest[:1].upper() + rest[1:])
    return f"{_LETTERS_NOT_WRITTEN[m['l']]}: {es[:1].lower() + es[1:]}" if es else None


_PATTERNS += [
    (r"Do not offer, promise or agree to any payment on this account: " + _TOO_OLD + r"\.",
     lambda m: "No ofrezca, prometa ni acepte ningún pago en esta cuenta: " + _too_old_es(m) + "."),
    (r"The " + _TOO_OLD[4:] + r"\.", lambda m: "E" + _too_old_es(m)[1:] + "."),
    (r"no (?P<l>financial hardship letter|offer to settle the account) is written: (?P<r>.+)", _not_written),
    (rf"(?P<a>{M}) was denied by the plan with a contractual-obligation code: you are not liable for it; ask (?P<p>{N}) "
     r"to write it off or correct the claim and send it to the plan again\.",
     "El plan negó {a} con un código de obligación contractual: usted no es responsable de pagarlo; pida a {p} que lo "
     "cancele o que corrija el reclamo y lo vuelva a enviar al plan."),
    (rf"As a Qualified Medicare Beneficiary (?P<who>you|I) owe no Medicare deductible, coinsurance or copay to any "
     rf"Medicare provider: (?:you|I) owe (?P<o>{M})(?P<end>\. \(.+\))?",
     lambda m: ("Como Beneficiario Calificado de Medicare (QMB) " + ("usted no debe" if m["who"] == "you" else "no debo")
                + " ningún deducible, coseguro ni copago de Medicare a ningún proveedor de Medicare: "
                + ("usted debe " if m["who"] == "you" else "debo ") + m["o"] + (m["end"] or ""))),
    (rf"Medicaid: a provider that accepted (?P<who>you|me) as a Medicaid patient may bill only Medicaid's cost sharing "
     rf"\(a small copay at most\), so (?:you|I) owe (?P<o>{M})(?P<end>\. \(.+\))?",
     lambda m: ("Medicaid: un proveedor que " + ("le" if m["who"] == "you" else "me") + " aceptó como paciente de "
                "Medicaid solo puede cobrar el costo compartido de Medicaid (un copago pequeño como mucho), así que "
                + ("usted debe " if m["who"] == "you" else "debo ") + m["o"] + (m["end"] or ""))),
    (rf"(?P<who>Your|My) plan's EOB put (?:your|my) share at (?P<s>{M}) for the (?P<n>\d+) claims? on this bill"
     rf"(?: less the (?P<less>{M}) patient share of the lines that should not be billed)?: "
     rf"(?:you|I) owe at most (?P<o>{M})(?P<end>\. \(.+\))?",
     lambda m: (("La EOB de su plan puso su parte en " if m["who"] == "Your" else "La EOB de mi plan puso mi parte en ")
                + f"{m['s']} por {'el' if m['n'] == '1' else 'los'} {m['n']} "
                + ("reclamo" if m["n"] == "1" else "reclamos") + " de esta factura"
                + (f", menos {m['less']} de la parte del paciente en las líneas que no se deberían cobrar"
                   if m["less"] else "") + ": "
                + ("usted debe como máximo " if m["who"] == "Your" else "debo como máximo ") + m["o"]
                + (m["end"] or "").replace("(the EOB states the patient's share)", "(la EOB indica la parte del "
                                                                                   "paciente)"))),
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline, at or below (?P<l>\d+)% \(tier (?P<t>\d+) hospital\): free "
     r"care\.",
     "Sus ingresos son el {p}% de la línea de pobreza, igual o por debajo del {l}% (hospital de nivel {t}): atención "
     "gratuita."),
    (rf"(?P<prog>[^:]+): (?P<why>Income is .+?) So {_IF_APPROVED}(?P<who>you|I) owe (?P<o>{M})(?:; that is not below "
     rf"(?P<low>{M}))?(?P<end>\. \(.+\))?",
     lambda m: ((f"{program_name(None, m['prog'])}: {w} " + _so_owe(m) + m["o"]
                 + (f"; eso no es menos de {m['low']}" if m["low"] else "") + (m["end"] or ""))
                if program_name(None, m["prog"]) != m["prog"] and (w := sentence(m["why"])) else None)),
]


# the credit report's next steps (credit/disputes.py)
_PATTERNS += [
    (r"Send a dispute letter to (?P<n>[^()]+) \(one letter each, by certified mail\), listing each item and why it is "
     r"wrong, with a copy of the report marked up and your proof\. Keep copies\. Each bureau must answer within "
     r"(?P<d>\d+) days of receiving it\.",
     lambda m: ("Envíe una carta de disputa a " + m["n"].replace(", ", ", ") + " (una carta a cada una, por correo "
                "certificado), con cada entrada y por qué está mal, una copia del reporte marcada y sus pruebas. Guarde "
                f"copias. Cada agencia debe responder dentro de los {m['d']} días de recibirla.")),
    (rf"Also write to (?P<f>[^:]+?)(?: at (?P<a>[^:]+))?: it holds the records that prove the error and must "
     r"investigate within (?P<d>\d+) days\.",
     lambda m: (f"Escriba también a {m['f']}" + (f", {m['a']}" if m["a"] else "") + ": tiene los registros que "
                f"prueban el error y debe investigar dentro de {m['d']} días.")),
    (rf"Wait for (?P<b>.+?)'s answer until (?P<d>{D}); if none comes, it must delete what it could not verify\.",
     "Espere la respuesta de {b} hasta el {d}; si no llega, debe borrar lo que no pudo verificar."),
    (rf"(?P<b>.+?) missed its (?P<d>{D}) deadline: send a follow-up letter and file a complaint with the CFPB at "
     r"(?P<w>\S+) or (?P<p>[\d-]+)\.",
     "{b} no cumplió su fecha límite del {d}: envíe una carta de seguimiento y presente una queja ante la CFPB en {w} o "
     "al {p}."),
    (r"If a bureau does not answer in time, or keeps an item it could not verify, file a complaint with the Consumer "
     r"Financial Protection Bureau \((?P<w>\S+), (?P<p>[\d-]+)\): it sends your complaint to the bureau, which must "
     r"respond\.",
     "Si una agencia no responde a tiempo, o deja una entrada que no pudo verificar, presente una queja ante la Oficina "
     "para la Protección Financiera del Consumidor (CFPB) ({w}, {p}): envía su queja a la agencia, que debe responder."),
    (r"You can also complain to the (?P<s>[A-Z]{2}) attorney general: (?P=s) law \((?P<law>.+)\) bars this "
     r"reporting\.",
     "También puede quejarse ante el fiscal general de {s}: la ley de {s} ({law}) prohíbe este reporte."),
    (r"Nothing on the report breaks the rules checked here\. Check it again after any payment or settlement\.",
     "Nada en el reporte viola las reglas revisadas aquí. Revíselo otra vez después de cualquier pago o acuerdo."),
]


_PATTERNS += [
    (rf"(?P<c>{N}) bought the debt: selling it was itself an extraordinary collection action unless the sale contract "
     r"forbids the buyer such actions (?P<cite>\(.+?\)), and the hospital answers for what the buyer does to collect "
     r"it\.",
     "{c} compró la deuda: venderla ya fue una acción de cobro extraordinaria, salvo que el contrato de venta prohíba "
     "al comprador esas acciones {cite}, y el hospital responde por lo que haga el comprador para cobrarla."),
]


_WHAT_REVIVES = {"a payment or a signed written acknowledgment or promise to pay":
                 "un pago o un reconocimiento o promesa de pago firmado por escrito",
                 "a signed written acknowledgment or promise to pay":
                 "un reconocimiento o promesa de pago firmado por escrito", "a payment": "un pago"}
_GARNISH_EXCEPTIONS = {
    "support, board for four weeks or less, residential rent after a landlord-tenant judgment, student loans, taxes "
    "and a few other listed debts": "manutención, alojamiento por cuatro semanas o menos, alquiler de vivienda tras una "
                                    "sentencia entre arrendador e inquilino, préstamos estudiantiles, impuestos y "
                                    "algunas otras deudas de la lista",
    "court-ordered child support and spousal maintenance (and federal debts such as taxes and student loans)":
        "manutención de hijos y pensión al cónyuge ordenadas por un tribunal (y deudas federales como impuestos y "
        "préstamos estudiantiles)",
}
_PATTERNS += [
    (rf"The limit to sue on this debt ran out on (?P<d>{D}), and in (?P<st>{STATE_NAMES}) nothing you pay or sign now "
     r"revives it\.",
     "El plazo para demandar por esta deuda terminó el {d}, y en {st} nada que usted pague o firme ahora la revive."),
    (rf"The limit to sue on this debt ran out on (?P<d>{D}), and in (?P<st>{STATE_NAMES}) (?P<what>a payment or a "
     r"signed written acknowledgment or promise to pay|a signed written acknowledgment or promise to pay|a payment) "
     r"could revive it(?P<alone> \(a payment alone does not\))?\.",
     lambda m: (f"El plazo para demandar por esta deuda terminó el {m['d']}, y en {m['st']} "
                f"{_WHAT_REVIVES[m['what']]} podría revivirla" + (" (un pago por sí solo no)" if m["alone"] else "")
                + ".")),
    (r"You chose to pay anyway: the plan letter says it acknowledges no debt; sign nothing else about it\.",
     "Usted decidió pagar de todos modos: la carta del plan dice que no reconoce ninguna deuda; no firme nada más "
     "sobre ella."),
    (rf"Your (?P<what>payment|written acknowledgment|promise to pay|acknowledgment) on (?P<d>{D}) did not "
     r"(?P<v>restart the clock|revive it)\.",
     lambda m: ({"payment": "Su pago", "written acknowledgment": "Su reconocimiento por escrito",
                 "acknowledgment": "Su reconocimiento", "promise to pay": "Su promesa de pago"}[m["what"]]
                + f" del {m['d']} no " + ("reinició el plazo." if m["v"].startswith("restart") else "la revivió."))),
    (rf"(?P<st>{STATE_NAMES}) does not allow your wages to be garnished for a debt like this medical bill, even if a "
     r"creditor wins a lawsuit \(exceptions: (?P<x>.+)\)\.",
     lambda m: (f"{m['st']} no permite que le embarguen el salario por una deuda como esta factura médica, aunque un "
                f"acreedor gane una demanda (excepciones: {_GARNISH_EXCEPTIONS[m['x']]})."
                if m["x"] in _GARNISH_EXCEPTIONS else None)),
    (r"A threat to garnish your wages is a threat of something that cannot be done\.",
     "Una amenaza de embargarle el salario es una amenaza de algo que no se puede hacer."),
    (r"Hospitals must consider an application at any time before or after care, including after the account went to "
     r"collections (?P<c>\(.+?\))\.",
     "Los hospitales deben considerar una solicitud en cualquier momento antes o después de la atención, incluso "
     "después de que la cuenta pasó a cobranza {c}."),
    (r"any one document showing household income \(pay stubs, a tax return, a benefits letter, or a signed statement "
     r"if there is no income\)",
     "un solo documento que muestre los ingresos del hogar (talones de pago, una declaración de impuestos, una carta "
     "de beneficios, o una declaración firmada si no tiene ingresos)"),
]


_PATTERNS += [
    (rf"(?P<p>{N}) is out of network but treated me at an in-network facility\.",
     "{p} está fuera de la red pero me atendió en un centro de la red."),
    (r"For this non-emergency care I may be charged no more than my in-network cost sharing (?P<c>\(.+?\)): I did not "
     r"sign a notice and consent form giving up that protection, and for anesthesia, radiology, pathology, lab work "
     r"and similar services no form can\.",
     "Por esta atención que no fue de emergencia no me pueden cobrar más que mi costo compartido dentro de la red {c}: "
     "no firmé un aviso "
     "y consentimiento para renunciar a esa protección, y para anestesia, radiología, patología, laboratorio y "
     "servicios parecidos ningún formulario puede hacerlo."),
    (r"Please process it that way\.", "Por favor procésenlo así."),
    (rf"(?P<p>{N}) is out of network but treated you at an in-network hospital or center \(non-emergency care, "
     r"(?P<c>[^)]+)\): it may bill only your in-network cost sharing, unless before the care you signed its "
     r"notice-and-consent form giving up this protection\.",
     "{p} está fuera de la red pero le atendió en un hospital o centro de la red (atención que no fue de emergencia, "
     "{c}): solo puede cobrarle su costo compartido dentro de la red, salvo que antes de la atención usted firmara su "
     "aviso y consentimiento para renunciar a esta protección."),
    (r"No consent is valid for emergency medicine, anesthesiology, pathology, radiology, neonatology, assistant "
     r"surgeons, hospitalists, intensivists, diagnostic services or laboratory services\.",
     "Ningún consentimiento vale para medicina de emergencia, anestesiología, patología, radiología, neonatología, "
     "cirujanos asistentes, hospitalistas, intensivistas, servicios de diagnóstico o de laboratorio."),
]


def _reasons_es(text: str) -> str | None:
    """Reasons joined by '; ' (each one an engine sentence, which may hold '; ' itself), in Spanish: the
    longest run of parts that is a known sentence is taken first; None when a part is not known."""
    parts, out, i = text.split("; "), [], 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            cand = "; ".join(parts[i:j]).rstrip(".")
            es = sentence(cand[:1].upper() + cand[1:] + ".")
            if es:
                es = es.rstrip(".")
                name = cand.split(" ", 1)[0] == es.split(" ", 1)[0] and cand[:1].isupper()  # 'ABC Recovery pide'
                out.append(es if name else es[:1].lower() + es[1:])
                i = j
                break
        else:
            return None
    return "; ".join(out)


def _with_reasons(head_es: str, tail_es: str = ""):
    def translate(m):
        es = _reasons_es(m["r"])
        return f"{head_es}{es}.{tail_es}" if es else None
    return translate


_PATTERNS += [  # several reasons in one sentence (actions/safety.money_advice)
    (r"Do not offer, promise or agree to any payment on this account: (?P<r>.+)\.",
     _with_reasons("No ofrezca, prometa ni acepte ningún pago en esta cuenta: ")),
    (r"You chose to pay this debt anyway, so the offer letters are written; be aware that (?P<r>.+)\. The letters "
     r"say that they acknowledge no debt\.",
     _with_reasons("Usted decidió pagar esta deuda de todos modos, así que se escriben las cartas de oferta; tenga en "
                   "cuenta que ", " Las cartas dicen que no reconocen ninguna deuda.")),
]


# an insurer denial's route notes (appeals/__init__.py, appeals/levels.py): hold, later levels, late, won
_LEVELS_ES = {"the plan's decision on the appeal": "la decisión del plan sobre la apelación",
              "the qic's reconsideration": "la reconsideración del QIC",
              "the independent review entity's decision": "la decisión de la entidad de revisión independiente",
              "the administrative law judge's decision": "la decisión del juez de derecho administrativo",
              "the medicare appeals council's decision": "la decisión del Consejo de Apelaciones de Medicare",
              "the external review's decision": "la decisión de la revisión externa",
              "the fair hearing's decision": "la decisión de la audiencia imparcial"}
_STANDS_ES = {"QIC's decision": "la decisión del QIC",
              "independent review entity's decision": "la decisión de la entidad de revisión independiente",
              "Medicare Appeals Council's decision": "la decisión del Consejo de Apelaciones de Medicare"}


def _hold_who(who: str) -> str:
    provider, _, collector = who.partition(" and ")
    if collector.endswith(", which is collecting it,"):
        return f"{provider} y a {collector[:-len(', which is collecting it,')]}, que la está cobrando,"
    return who


def _stage_es(words: str) -> str | None:
    from ..appeals import STAGE_WORDS

    stage = next((k for k, v in STAGE_WORDS.items() if v == words), None)
    return spanish.STAGE_WORDS_ES.get(stage) if stage else None


def _late_es(m) -> str | None:
    stage = _stage_es(m["s"])
    return (f"Ya pasó el último día para el siguiente paso de la reclamación {m['c']} ({m['d']}, {stage}). Pregunte "
            "si todavía lo aceptarán por una buena razón." if stage else None)


_HOLD_UNTIL_ES = {"its appeal is pending": "su apelación está pendiente", "its appeal is open": "su apelación está abierta",
                  "their appeals are open": "sus apelaciones están abiertas"}


def _appeal_hold(m) -> str | None:
    """negotiate/hold.py's step: the denied amount waits for the plan; the offer and the plan are on the rest. In a
    call script the rest is what is still asked (negotiate/scripts reads '$X I owe' so), never a debt admitted."""
    until = (f"su apelación todavía se puede presentar (hasta el {m['d']}) o está pendiente" if m["d"]
             else _HOLD_UNTIL_ES.get(m["until"]))
    if until is None:
        return None
    mine = m["who"] == "my"
    head = (f"Los {m['held']} que {'mi' if mine else 'su'} plan negó ("
            + (f"reclamaciones {m['claims']}" if m["many"] else f"reclamación {m['claims']}")
            + f") esperan la decisión del plan: {until}, así que no se ofrece ningún acuerdo ni plan de pagos sobre esa "
            "cantidad; ")
    if m["rest"]:
        rest = "que usted debe" if m["tail"] == "you owe" else "que todavía me reclaman"
        return head + f"la oferta y el plan son sobre los otros {m['rest']} {rest}." + (m["end"] or "")
    return head + "no se debe nada más en esta cuenta, así que por ahora no hay oferta ni plan de pagos." + (m["end"] or "")


_PATTERNS += [
    # negotiate/hold.py: the appeal hold, in the review (your, you owe) and said on the phone (my, still asked)
    (rf"The (?P<held>{M}) (?P<who>your|my) plan denied \(claim(?P<many>s)? (?P<claims>[^()]+)\) waits for the plan's "
     rf"decision: (?:its appeal can still be filed \(until (?P<d>{D})\) or is pending|(?P<until>[^,]+)), so no "
     rf"settlement or payment plan is offered on it; (?:the offer and the plan are on the other (?P<rest>{M}) "
     r"(?P<tail>you owe|I owe|still asked)|nothing else is owed on this account, so there is no offer or plan for "
     r"now)\.(?P<end> \(.+\))?", _appeal_hold),
    (r"While the appeal is open, ask (?P<who>.+?) in writing to hold the account: no collection, no late fees and no "
     r"credit reporting on the denied amount until the (?P<until>plan|court) decides; and offer no settlement or "
     r"payment plan on the denied amount before then\.",
     lambda m: (f"Mientras la apelación esté abierta, pida por escrito a {_hold_who(m['who'])} que detenga la cuenta: "
                "ningún cobro, ningún recargo por atraso y ningún reporte de crédito por la cantidad negada hasta que "
                + ("el plan" if m["until"] == "plan" else "el tribunal") + " decida; y no ofrezca ningún acuerdo ni "
                "plan de pagos por la cantidad negada antes de eso.")),
    (rf"A (?P<what>hearing before a judge|lawsuit in federal court) needs at least (?P<l>{M}) still in dispute; this "
     rf"claim is (?P<a>{M}): claims can be added together to reach it, or the (?P<who>QIC's decision|independent "
     r"review entity's decision|Medicare Appeals Council's decision) stands\.",
     lambda m: (("Una audiencia ante un juez" if m["what"].startswith("hearing") else "Una demanda ante un tribunal "
                 "federal") + f" necesita que sigan en disputa al menos {m['l']}; esta reclamación es de {m['a']}: se "
                f"pueden sumar reclamaciones para llegar a esa cantidad, o queda en pie {_STANDS_ES[m['who']]}.")),
    (r"The plan upheld its denial: it must send the case to the independent review entity on its own\. Ask the plan "
     r"when it sent it, and log the independent review entity's decision when it comes\.",
     "El plan mantuvo su negación: debe enviar el caso por su cuenta a la entidad de revisión independiente. Pregunte "
     "al plan cuándo lo envió, y anote la decisión de la entidad de revisión independiente cuando llegue."),
    (rf"The last day for the next step on claim (?P<c>\S+) \((?P<d>{D}), (?P<s>[^)]+)\) has passed\. Ask whether it "
     r"will still be taken for a good reason\.", _late_es),
    (rf"The last day to ask for an external review of claim (?P<c>\S+) \((?P<d>{D})\) has passed\.",
     "Ya pasó el último día para pedir una revisión externa de la reclamación {c} ({d})."),
    (rf"(?P<lvl>[^:]+?) of (?P<d>{D}) reversed the denial of claim (?P<c>\S+): ask the provider to bill the plan "
     r"again; you may be charged no more than your share under the plan\.",
     lambda m: (f"{_LEVELS_ES[m['lvl'].lower()][:1].upper()}{_LEVELS_ES[m['lvl'].lower()][1:]} del {m['d']} revirtió "
                f"la negación de la reclamación {m['c']}: pida al proveedor que vuelva a cobrarle al plan; no se le "
                "puede cobrar más que su parte según el plan." if m["lvl"].lower() in _LEVELS_ES else None)),
    (rf"The independent reviewer upheld the denial of claim (?P<c>\S+) on (?P<d>{D}): the appeals are over"
     r"(?P<erisa> \(under ERISA you may still sue the plan: see a lawyer\))?\.",
     lambda m: (f"El revisor independiente mantuvo la negación de la reclamación {m['c']} el {m['d']}: las apelaciones "
                "terminaron" + (" (según ERISA todavía puede demandar al plan: consulte a un abogado)" if m["erisa"]
                                else "") + ".")),
    (rf"The state's fair hearing upheld the denial of claim (?P<c>\S+) on (?P<d>{D}): its notice says how to ask a "
     r"state court to review it; legal aid can help\.",
     "La audiencia imparcial del estado mantuvo la negación de la reclamación {c} el {d}: su aviso dice cómo pedir "
     "que un tribunal del estado la revise; la ayuda legal puede ayudarle."),
    (r"\(Have your member ID ready: (?P<i>[^()]+)\.\)", "(Tenga a mano su número de miembro: {i}.)"),
]


# a letter that would help lacks a fact (letters/select.py): its title and need in Spanish, read from the
# letters when first asked (the letters import the report's parts)
_LETTER_WORDS: list[dict[str, str]] = []


def _letter_words() -> tuple[dict[str, str], dict[str, str]]:
    """{English title: Spanish title} of the letters and {English need: Spanish need}; empty in a build
    without the letters."""
    if not _LETTER_WORDS:
        try:
            from ..letters.compose import labels
            from ..letters.kinds import all_kinds
        except ImportError:
            return {}, {}
        titles = labels("es").get("titles") or {}
        kinds = all_kinds()
        _LETTER_WORDS.append({k.title: titles[k.type] for k in kinds if k.type in titles})
        _LETTER_WORDS.append({n.what: n.what_es for k in kinds for n in k.needs if n.what_es})
    return _LETTER_WORDS[0], _LETTER_WORDS[1]


def _missing_fact(m) -> str | None:
    """A letter that would help lacks a fact (letters/select.py): its Spanish title and need; the reason
    in Spanish when known, else left out (never English on a Spanish page)."""
    titles, needs = _letter_words()
    if m["t"] not in titles or m["w"] not in needs:
        return None
    why = _reasons_es(m["r"])
    if why and why.split(" ", 1)[0].lower() in ("medicare", "medicaid"):
        why = why[:1].upper() + why[1:]
    return (f"La carta «{titles[m['t']]}» ayudaría" + (f" ({why})" if why else "") + f", pero necesita "
            f"{needs[m['w']]}: añada ese dato al caso (campo {m['f']}).")


_LIKELY_ES = {"free care": "atención gratuita", "a discount": "un descuento"}


def _claims(n: str, word: str = "reclamación", plural: str = "reclamaciones") -> str:
    return f"{n} {word if n == '1' else plural}"


_NEXT_LEVEL_ES = {"ask Medicare for a redetermination": "pida a Medicare una nueva determinación",
                  "ask the independent contractor (QIC) for a reconsideration":
                      "pida al contratista independiente (QIC) una reconsideración",
                  "ask for a hearing before a judge": "pida una audiencia ante un juez",
                  "ask the Medicare Appeals Council to review the judge's decision":
                      "pida al Consejo de Apelaciones de Medicare que revise la decisión del juez"}
_UPHELD_ES = {"Medicare denied": "Medicare negó",
              "The independent review entity upheld the Medicare Advantage plan's denial of":
                  "La entidad de revisión independiente mantuvo la negación del plan Medicare Advantage de",
              "The judge upheld the Medicare Advantage plan's denial of":
                  "El juez mantuvo la negación del plan Medicare Advantage de"}
_HARDSHIP_ES = [(r"income is (?P<p>[\d.]+)% of the poverty guideline", "los ingresos son el {p}% de la línea de pobreza"),
                (r"after essential costs (?P<s>[\d,.]+) dollars a month are left, less than a year's payments on "
                 r"(?P<b>[\d,.]+)", "después de los gastos esenciales quedan {s} dólares al mes, menos que un año "
                                   "de pagos sobre {b}")]


def _hardship_es(m) -> str | None:
    out = []
    for part in m["r"].split("; "):
        es = next((t.format(**x.groupdict()) for p, t in _HARDSHIP_ES if (x := re.fullmatch(p, part))), None)
        if es is None:
            return None
        out.append(es)
    return "Dificultad económica: " + "; ".join(out) + ": pida una reducción o la cancelación de la deuda."


_PATTERNS += [  # the reasons a letter is needed (letters/kinds/*.py `when`), read inside the note below
    (rf"The plan denied (?P<n>\d+) claims? \((?P<a>{M})\) for a reason you can contest: appeal in writing before "
     r"the deadline\.",
     lambda m: f"El plan negó {_claims(m['n'])} ({m['a']}) por un motivo que usted puede impugnar: apele por escrito "
               "antes de la fecha límite."),
    (r"(?P<who>Medicare denied|The independent review entity upheld the Medicare Advantage plan's denial of|The judge "
     r"upheld the Medicare Advantage plan's denial of) (?P<n>\d+) claims? and the time to appeal is open: "
     r"(?P<w>.+)\.",
     lambda m: (f"{_UPHELD_ES[m['who']]} {_claims(m['n'])} y el plazo para apelar sigue abierto: "
                f"{_NEXT_LEVEL_ES[m['w']]}." if m["w"] in _NEXT_LEVEL_ES else None)),
    (r"Medicaid denied (?P<n>\d+) claims?: ask the state for a fair hearing in writing before the date on the "
     r"notice\.",
     lambda m: f"Medicaid negó {_claims(m['n'])}: pida por escrito al estado una audiencia imparcial antes de la "
               "fecha del aviso."),
    (r"Ask the plan for its file on the (?P<n>\d+) denied claims? and the criteria it used: the law gives you a free "
     r"copy, and the appeal answers what is in it\.",
     lambda m: ("Pida al plan su expediente sobre " + ("la reclamación negada" if m["n"] == "1" else
                f"las {m['n']} reclamaciones negadas") + " y los criterios que usó: la ley le da una copia gratis, "
                "y la apelación responde a lo que contiene.")),
    (r"The plan upheld its denial of (?P<n>\d+) claims?: ask for an independent external review, whose decision "
     r"the plan must follow\.",
     lambda m: f"El plan mantuvo su negación de {_claims(m['n'])}: pida una revisión externa independiente, cuya "
               "decisión el plan debe cumplir."),
    (rf"The audit found (?P<n>\d+) problems? on the bill, (?P<a>{M}) at stake: ask the billing office to correct "
     r"it\.",
     lambda m: f"La revisión encontró {_claims(m['n'], 'problema', 'problemas')} en la factura, {m['a']} en juego: "
               "pida a la oficina de facturación que la corrija."),
    # letters/kinds/billing_dispute.when and dispute.when: the errors counted apart from the assistance, which is likely
    (rf"The audit found (?P<n>\d+) problems? on the bill, (?P<a>{M}) at stake: ask the billing office to correct "
     r"it, and to apply its financial-assistance policy, which you are likely eligible for\.",
     lambda m: f"La revisión encontró {_claims(m['n'], 'problema', 'problemas')} en la factura, {m['a']} en juego: "
               "pida a la oficina de facturación que la corrija y que aplique su política de ayuda financiera, para la "
               "que es probable que usted califique."),
    (r"You are likely eligible for (?P<w>free care|a discount) under the hospital's financial-assistance policy: ask "
     r"the billing office to apply it to the bill\.",
     lambda m: f"Es probable que usted califique para {_LIKELY_ES[m['w']]} según la política de ayuda financiera del "
               "hospital: pida a la oficina de facturación que la aplique a la factura."),
    (r"You are likely eligible for (?P<w>free care|a discount) under the hospital's financial-assistance policy\.",
     lambda m: f"Es probable que usted califique para {_LIKELY_ES[m['w']]} según la política de ayuda financiera del "
               "hospital."),
    (r"The audit found (?P<n>\d+) problems? on the bill\.",
     lambda m: f"La revisión encontró {_claims(m['n'], 'problema', 'problemas')} en la factura."),
    (rf"(?P<c>{N}) asks for (?P<a>{M}), more than the bill's balance of (?P<b>{M})\.",
     "{c} pide {a}, más que el saldo de la factura de {b}."),
    (r"The collector's amount is not explained\.", "La cantidad que pide el cobrador no está explicada."),
    (rf"You sent a dispute on (?P<d>{D}); this one names (?P<w>the errors|what is wrong)\.",
     lambda m: f"Usted envió una disputa el {m['d']}; esta nombra "
               + ("los errores." if m["w"] == "the errors" else "lo que está mal.")),
    (r"Financial hardship: (?P<r>.+): ask for a reduction or write-off\.", _hardship_es),
    (r'The letter "(?P<t>[^"]+)" would help \((?P<r>.*)\), but it needs (?P<w>.+): add it to the case '
     r"\(field (?P<f>[^()\s]+)\)\.", _missing_fact),
]


# Colorado Hospital Discounted Care (states/co/charity_care.yaml, payment_plans.yaml): the law data's
# English (a price cap, the documents, the screening window) with its Spanish; citations stay as written
_CHARGE_CAPS_ES = {
    "no more than the discounted rate set by HCPF rule (C.R.S. 25.5-3-503(1)(a)), the greater of the Medicare rate or "
    "the Medicaid base rate":
        "no más que la tarifa con descuento que fija una regla del HCPF, la agencia de Medicaid de Colorado (C.R.S. "
        "25.5-3-503(1)(a)): la mayor entre la tarifa de Medicare y la tarifa base de Medicaid",
    # the other states' caps (states/<xx>/charity_care.yaml `charge_cap`), each beside its law data's English
    "no more than the highest amount Medicare, Medi-Cal or another government program would pay for the same care "
    "(Health & Saf. Code 127405(d))":  # ca
        "no más que la cantidad más alta que pagaría Medicare, Medi-Cal u otro programa del gobierno por la misma "
        "atención (Health & Saf. Code 127405(d))",
    "no more than the cost of providing services: published charges x the hospital's cost-to-charge ratio":  # ct
        "no más que lo que le cuesta al hospital dar la atención: sus cargos publicados x la proporción entre sus "
        "costos y sus cargos",
    "no more than 135% of the hospital's cost (charges x its cost-to-charge ratio x 1.35)":  # il
        "no más del 135% de lo que le cuesta al hospital (los cargos x la proporción entre sus costos y sus cargos "
        "x 1.35)",
    "reduced-cost care under the hospital's own scale":  # md, care before October 1, 2025
        "atención a costo reducido según la escala propia del hospital",
    "at least 35%; the law steps down from 60% to 35% between 300% and 450% FPL, and the exact steps were not "
    "confirmed":  # md, 300-450% from October 1, 2025 (a tier's discount beside it: '35% off (<this>)')
        "al menos el 35%; la ley baja del 60% al 35% entre el 300% y el 450% de la línea de pobreza (FPL), y no se "
        "confirmaron los escalones exactos",
    "no more than 115% of what Medicare would pay for the same care (N.J.S.A. 26:2H-12.52)":  # nj
        "no más del 115% de lo que pagaría Medicare por la misma atención (N.J.S.A. 26:2H-12.52)",
    "no more than 10% to 20% of what Medicaid would pay for the same care":  # ny
        "no más del 10% al 20% de lo que pagaría Medicaid por la misma atención",
    "a discount on the hospital's own sliding scale":  # ri
        "un descuento según la escala móvil propia del hospital (sliding scale)",
}
_FIXED.update({
    "proof of household income (pay stubs, tax return or benefits letter)":
        "prueba de los ingresos del hogar (talones de pago, declaración de impuestos o carta de beneficios)",
    "household size": "cuántas personas viven en el hogar",
    "Covered as uninsured.": "Cubierto por no tener seguro.",  # assist/programs/state_charity.py
    # the other capped states' documents and windows (states/<xx>/charity_care.yaml `documents`, `window`)
    "proof of income": "prueba de ingresos",  # ct
    "the Medicaid (HUSKY) denial letter": "la carta de rechazo de Medicaid (HUSKY)",
    "The law's 'uninsured patient' must have applied for Medicaid and been denied; a hospital must stop collecting "
    "while it decides eligibility for free or reduced-price care or bed funds (CGS 19a-673d). Ask also about the "
    "hospital's bed funds.":
        "Para la ley, un 'paciente sin seguro' debe haber solicitado Medicaid y haber sido rechazado; el hospital debe "
        "dejar de cobrar mientras decide si usted califica para atención gratuita o a precio reducido o para sus "
        "fondos de camas (CGS 19a-673d). Pregunte también por los fondos de camas del hospital (bed funds).",
    "third-party proof of family income (pay stubs, tax return, benefits letter)":  # il
        "prueba de los ingresos de la familia emitida por otros (talones de pago, declaración de impuestos, carta de "
        "beneficios)",
    "proof of Illinois residence (ID, lease or utility bill)":
        "prueba de residencia en Illinois (identificación, contrato de alquiler o factura de servicios)",
    "Apply for the discount promptly after the bill; the hospital may set a deadline (reported as 60 days) and may "
    "ask you to apply for Medicaid or other public programs first.":
        "Solicite el descuento pronto después de recibir la factura; el hospital puede fijar un plazo (se informa que "
        "es de 60 días) y puede pedirle que primero solicite Medicaid u otros programas públicos.",
    "proof of family income (pay stubs, tax return, benefits letter)":  # md
        "prueba de los ingresos de la familia (talones de pago, declaración de impuestos, carta de beneficios)",
    "if medical debt over 12 months exceeds 25% of family income: the bills showing it (financial hardship)":
        "si la deuda médica de 12 meses supera el 25% de los ingresos de la familia: las facturas que lo muestran "
        "(dificultad económica, financial hardship)",
    "Apply within 240 days after the first hospital bill; income is counted at the time of service or updated for "
    "changes within those 240 days, and a denial can be reconsidered on request (HG 19-214.1(b)(2)).":
        "Presente la solicitud dentro de los 240 días después de la primera factura del hospital; los ingresos se "
        "cuentan en la fecha de la atención o se actualizan si cambian dentro de esos 240 días, y un rechazo puede "
        "reconsiderarse si usted lo pide (HG 19-214.1(b)(2)).",
    "proof of New Jersey residence": "prueba de residencia en Nueva Jersey",  # nj
    "proof of family gross income (pay stubs, tax return, benefits letter)":
        "prueba de los ingresos brutos de la familia (talones de pago, declaración de impuestos, carta de beneficios)",
    "proof of family gross income": "prueba de los ingresos brutos de la familia",
    "bank statements (assets test)": "estados de cuenta del banco (para la prueba de bienes)",
    "proof of identity": "prueba de identidad",
    "Apply at the hospital; charity care can be applied up to two years after the date of service. Assets count: "
    "about $7,500 for one person and $15,000 for a family.":
        "Solicítela en el hospital; la atención caritativa (charity care) se puede solicitar hasta dos años después "
        "de la fecha de la atención. Los bienes cuentan: unos $7,500 para una persona y $15,000 para una familia.",
    "Applies to uninsured New Jersey residents whether or not they qualify for charity care.":
        "Se aplica a los residentes de Nueva Jersey sin seguro, califiquen o no para la atención caritativa (charity "
        "care).",
    "the uniform New York hospital financial-assistance application":  # ny
        "la solicitud uniforme de ayuda financiera de los hospitales de Nueva York",
    "proof of household income (pay stubs, tax return, benefits letter, or a signed statement)":
        "prueba de los ingresos del hogar (talones de pago, declaración de impuestos, carta de beneficios o una "
        "declaración firmada)",
    "Every licensed hospital uses the state's uniform application; immigration status and assets may not be asked "
    "about.":
        "Todo hospital con licencia usa la solicitud uniforme del estado; no pueden preguntarle por su situación "
        "migratoria ni por sus bienes.",
    "proof of family income": "prueba de los ingresos de la familia",  # ri
    "proof of Rhode Island residence": "prueba de residencia en Rhode Island",
    "proof that you are not eligible for other coverage (e.g. a Medicaid denial)":
        "prueba de que usted no califica para otra cobertura (por ejemplo, un rechazo de Medicaid)",
    "Covers uninsured Rhode Island residents not eligible for state, federal or employer coverage, for essential "
    "medical services billed by the hospital (doctors' own bills may be separate). A denial can be appealed at the "
    "hospital and then to the Department of Health.":
        "Cubre a los residentes de Rhode Island sin seguro que no califican para cobertura estatal, federal ni del "
        "empleador, por los servicios médicos esenciales que cobra el hospital (las facturas propias de los médicos "
        "pueden llegar aparte). Un rechazo se puede apelar ante el hospital y después ante el Departamento de Salud.",
    # negotiate/plan.interest_rate
    "The law makes these plans interest free.": "La ley no permite cobrar interés en estos planes.",
    "The hospital must screen you for discounted care and public coverage if you ask; bills from professionals who "
    "work at the hospital are covered too.":
        "Si usted lo pide, el hospital debe revisar si califica para atención con descuento y para cobertura pública; "
        "las facturas de los profesionales que trabajan en el hospital también están cubiertas.",
})


def _capped_program(m) -> str | None:
    """negotiate/fair: a program that caps the price may lower the fair amount further."""
    name, cap = program_name(None, m["prog"]), _CHARGE_CAPS_ES.get(m["cap"])
    if name == m["prog"] or cap is None:
        return None
    return (f"{name} puede bajar aún más esa cantidad: la ley limita el precio ({cap}); pida al hospital que "
            "aplique ese límite")


def _medicare_cap(m) -> str | None:
    """negotiate/owed.medicare_caps: the price a state's Medicare cap allows, line by line."""
    name = program_name(None, m["prog"])
    if name == m["prog"]:
        return None
    lines = "; ".join(f"línea {n} {a}" for n, a in re.findall(rf"line (\d+) ({M})", m["list"]))
    you = m["who"] == "your"
    band = "igual o por debajo" if m["b"] == "at or below" else "por debajo"
    return (f"{name}: con {'sus' if you else 'mis'} ingresos ({m['p']}% de la línea de pobreza, {band} del {m['l']}%) "
            f"el hospital puede cobrar como máximo el {m['cap']}% de lo que paga Medicare"
            + (" (la redacción exacta de la ley para este límite aún no está confirmada)" if m["unc"] else "")
            + (" (el límite de la ley es el mayor entre Medicare, Medi-Cal u otro programa del gobierno en que "
               "participe el hospital; aquí se conoce el de Medicare)" if m["gov"] else "")
            + f": {m['n']} "
            f"{'línea' if m['n'] == '1' else 'líneas'} al {m['cap']}% de Medicare ({lines})"
            + (f", {m['k']} {'línea' if m['k'] == '1' else 'líneas'} sin cantidad de Medicare a su cargo" if m["k"]
               else "")
            + f" = {m['t']}" + (f" menos {m['paid']} pagados" if m["paid"] else "")
            + ", así que" + (f", si el hospital aprueba {'su' if you else 'mi'} solicitud," if m["approves"] else "")
            + f" {'usted debe' if you else 'debo'} como máximo {m['most']}"
            + (f"; eso no es menos de {m['low']}" if m["low"] else "") + (m["end"] or ""))


_PATTERNS += [
    # 'below' where the law reads 'less than' (NJ); '(rural hospital)' where the tiers depend on it (IL)
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline, (?P<b>at or below|below) (?P<l>\d+)%(?: \((?P<v>rural|urban) "
     r"hospital\))?: price capped: (?P<cap>.+)\.",
     lambda m: (f"Sus ingresos son el {m['p']}% de la línea de pobreza, "
                + ("igual o por debajo" if m["b"] == "at or below" else "por debajo") + f" del {m['l']}%"
                + (f" (hospital {'rural' if m['v'] == 'rural' else 'urbano'})" if m["v"] else "")
                + f": precio limitado: {_CHARGE_CAPS_ES[m['cap']]}." if m["cap"] in _CHARGE_CAPS_ES else None)),
    (r"(?P<prog>[^:]+?) may lower it further: the law caps the price \((?P<cap>.+)\); ask the hospital to apply it",
     _capped_program),
    (rf"Colorado Hospital Discounted Care: at most (?P<v>[\d.]+)% of monthly household income on (?P<who>a hospital "
     rf"bill|each professional's bill)(?: \((?P<c>[\d.]+)%, (?P<ca>{M}), if the hospital's bill also includes its "
     rf"professionals' charges\))?(?: \((?P<m>{M}) a month\)\.)?",
     lambda m: (f"{PROGRAM_NAMES['STATE.CO.HOSPITAL_DISCOUNTED_CARE']}: como máximo el {m['v']}% de los ingresos "
                "mensuales del hogar en " + ("una factura del hospital" if m["who"] == "a hospital bill" else
                                             "la factura de cada profesional")
                + (f" (el {m['c']}%, {m['ca']}, si la factura del hospital incluye también los cargos de sus "
                   "profesionales)" if m["c"] else "") + (f" ({m['m']} al mes)." if m["m"] else ""))),
    # assist/programs/state_charity._describe: a tier that takes a share off or makes the care free
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline, (?P<b>at or below|below) (?P<l>\d+)%(?: \((?P<v>rural|urban) "
     r"hospital\))?: (?P<what>free care|(?P<least>at least )?(?P<d>[\d.]+)% off)(?: \((?P<cap>.+)\))?\.",
     lambda m: (f"Sus ingresos son el {m['p']}% de la línea de pobreza, "
                + ("igual o por debajo" if m["b"] == "at or below" else "por debajo") + f" del {m['l']}%"
                + (f" (hospital {'rural' if m['v'] == 'rural' else 'urbano'})" if m["v"] else "") + ": "
                + ("atención gratuita" if m["what"] == "free care" else
                   f"{'al menos el ' if m['least'] else ''}{m['d']}% de descuento")
                + (f" ({_CHARGE_CAPS_ES[m['cap']]})" if m["cap"] else "") + "."
                if not m["cap"] or m["cap"] in _CHARGE_CAPS_ES else None)),
    # negotiate/owed._assistance: a state program's discount (NJ's charity care, MD's reduced-cost care)
    (rf"(?P<prog>[^:]+?): (?P<d>[\d.]+)% off the (?P<c>{M}) charged to (?P<who>you|me) = (?P<o>{M})"
     r"(?P<end>\. \(.+\))?",
     lambda m: (f"{name}: {m['d']}% de descuento sobre los {m['c']} que {'le' if m['who'] == 'you' else 'me'} cobran "
                f"= {m['o']}{m['end'] or ''}" if (name := program_name(None, m["prog"])) != m["prog"] else None)),
    # negotiate/owed.medicare_caps: a state's cap at a share of Medicare priced line by line (NJ's 115%)
    (rf"(?P<prog>[^:]+?): at (?P<who>your|my) income \((?P<p>[\d.]+)% of the poverty guideline, "
     rf"(?P<b>at or below|below) (?P<l>\d+)%\) the hospital may charge at most (?P<cap>[\d.]+)% of what Medicare "
     r"pays(?P<unc> \(the statute's own words for this cap are not yet confirmed\))?(?P<gov> \(the law's cap is the "
     r"greatest of Medicare, Medi-Cal or another government program the hospital takes part in; Medicare's is the one "
     rf"known here\))?: (?P<n>\d+) lines? at [\d.]+% of Medicare \((?P<list>[^)]+)\)(?:, (?P<k>\d+) lines? with no "
     rf"Medicare amount at (?:its|their) charge)? = (?P<t>{M})(?: less (?P<paid>{M}) paid)?, so {_IF_APPROVED}"
     r"(?:you|I) owe at most "
     rf"(?P<most>{M})(?:; that is not below (?P<low>{M}))?(?P<end>\. \(.+\))?",
     _medicare_cap),
    # negotiate/plan.state_caps: the other states' plan caps
    (rf"(?P<st>MD|NY): hospital payment plans at most (?P<v>[\d.]+)% of monthly income(?: \((?P<m>{M}) a month\)\.)?",
     lambda m: (f"{m['st']}: los planes de pago del hospital son como máximo el {m['v']}% de los ingresos mensuales"
                + (f" ({m['m']} al mes)." if m["m"] else ""))),
    (rf"California reasonable payment plan: at most (?P<v>[\d.]+)% of monthly income after essential expenses"
     rf"(?: \((?P<m>{M}) a month\)\.)?",
     lambda m: (f"Plan de pago razonable de California: como máximo el {m['v']}% de los ingresos mensuales después "
                "de los gastos esenciales" + (f" ({m['m']} al mes)." if m["m"] else ""))),
    (rf"Illinois: the hospital may collect at most (?P<v>[\d.]+)% of the family's yearly income \((?P<a>{M})\) in any "
     r"12 months\.",
     "Illinois: el hospital puede cobrar como máximo el {v}% de los ingresos anuales de la familia ({a}) en cualquier "
     "período de 12 meses."),
    (rf"More than (?P<a>{M}) cannot be collected in the first 12 months\.",
     "No se puede cobrar más de {a} en los primeros 12 meses."),
    # a plan cap's monthly amount, read on its own when the cap's sentence ends in a parenthesis
    (rf"\((?P<m>{M}) a month\)\.", "({m} al mes)."),
    (rf"After (?P<n>\d+) payments? the rest, (?P<f>{M}), is paid in full by law\.",
     lambda m: f"Después de {m['n']} {'pago' if m['n'] == '1' else 'pagos'}, el resto, {m['f']}, queda pagado por "
               "completo por ley."),
]



def _tier_es(what: str) -> str | None:
    """A tier's share off as assist/programs/state_charity._describe words it (or 'not eligible'), in Spanish."""
    if what == "free care":
        return "atención gratuita"
    if what == "not eligible":
        return "no califica"
    m = re.fullmatch(r"(?P<least>at least )?(?P<d>[\d.]+)% off", what)
    return f"{'al menos el ' if m['least'] else ''}{m['d']}% de descuento" if m else None


def _tiers_es(m) -> str | None:
    parts = [re.fullmatch(r"tier (?P<t>\d+): (?P<w>.+)", d) for d in m["d"].split("; ")]
    if not all(parts) or any(_tier_es(p["w"]) is None for p in parts):
        return None
    return (f"Sus ingresos son el {m['p']}% de la línea de pobreza; la respuesta depende del nivel del hospital según "
            "la ley de Washington (" + "; ".join(f"nivel {p['t']}: {_tier_es(p['w'])}" for p in parts) + ").")


# the other states' programs (WA, ME, NV, OR: states/<xx>/charity_care.yaml): a tier the hospital's own tier
# decides (WA), a share off with no income limit (NV), and the law data's documents and windows, each beside its
# English (citations unchanged)
_PATTERNS += [
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline; the answer depends on the hospital's tier under Washington "
     r"law \((?P<d>.+)\)\.", _tiers_es),
    (r"No income limit(?: \(tier (?P<t>\d+) hospital\))?: (?P<w>free care|(?:at least )?[\d.]+% off)\.",
     lambda m: ("Sin límite de ingresos" + (f" (hospital de nivel {m['t']})" if m["t"] else "") + ": "
                + _tier_es(m["w"]) + ".")),
]
_FIXED.update({
    "any one document showing household income (pay stubs, a tax return, a benefits letter, or a signed statement if "
    "there is no income)":  # wa
        "un solo documento que muestre los ingresos del hogar (talones de pago, una declaración de impuestos, una "
        "carta de beneficios, o una declaración firmada si no hay ingresos)",
    "Hospitals must consider an application at any time before or after care, including after the account went to "
    "collections (WAC 246-453-020).":
        "Los hospitales deben considerar una solicitud en cualquier momento antes o después de la atención, incluso "
        "después de que la cuenta pasó a cobranza (WAC 246-453-020).",
    "proof of household income only: an Oregon resident's application may ask for household income and household "
    "size (ORS 442.610(4))":  # or
        "solo prueba de los ingresos del hogar: la solicitud de un residente de Oregón puede pedir los ingresos del "
        "hogar y cuántas personas viven en él (ORS 442.610(4))",
    "The policy applies to all medically necessary services and to the hospital's nonprofit affiliated clinics; the "
    "hospital may not make you apply for Medicaid first (ORS 442.614(2)).":
        "La política cubre todos los servicios médicamente necesarios y las clínicas afiliadas sin fines de lucro del "
        "hospital; el hospital no puede obligarle a solicitar Medicaid primero (ORS 442.614(2)).",
    "proof of household income (modified adjusted gross income)":  # me, care from July 1, 2026
        "prueba de los ingresos del hogar (ingreso bruto ajustado modificado, MAGI)",
    "proof of Maine residence": "prueba de residencia en Maine",
    "Hospitals must publicize the program, give written notice of it, and allow a hearing after a denial "
    "(22 MRSA 1716-A).":
        "Los hospitales deben dar a conocer el programa, avisarle de él por escrito y permitir una audiencia después "
        "de un rechazo (22 MRSA 1716-A).",
    "proof of income for the last 3 months":  # me, care before July 1, 2026
        "prueba de ingresos de los últimos 3 meses",
    "proof that insurance or a public program will not pay":
        "prueba de que el seguro o un programa público no pagará",
    "The hospital must first check whether insurance or a public program pays; a denial can be taken to a fair "
    "hearing (22 MRSA 1716).":
        "El hospital debe comprobar primero si paga un seguro o un programa público; un rechazo se puede llevar a una "
        "audiencia imparcial (22 MRSA 1716).",
    "a written payment proposal sent within 30 days of the first bill":  # nv
        "una propuesta de pago por escrito enviada dentro de los 30 días de la primera factura",
    "You must make reasonable arrangements to pay within 30 days after the hospital's notice (on or with the first "
    "bill after discharge); disputes go to the Bureau for Hospital Patients. Applies to 'major hospitals' (100+ "
    "beds).":
        "Usted debe hacer arreglos razonables para pagar dentro de los 30 días del aviso del hospital (en la primera "
        "factura después del alta o junto con ella); los desacuerdos van a la Oficina para Pacientes de Hospital "
        "de Nevada («Bureau for Hospital Patients», su nombre oficial). Se aplica a los 'hospitales grandes' (major hospitals, 100 camas o más).",
})

# assist/programs/medicaid.py: the adult expansion group, Medicaid's retroactive coverage of a bill and a hospital's
# presumptive eligibility (the months and the limit as the law data gives them)
def _months(n: str) -> str:
    return f"{n} {'mes' if n == '1' else 'meses'}"


_EXPANSION = (rf"Income is (?P<p>[\d.]+)% of the poverty guideline, at or below (?P<l>\d+)% in (?P<st>{STATE_NAMES}), "
              r"an expansion state: ")
_EXPANSION_ES = ("Sus ingresos son el {p}% de la línea de pobreza, igual o por debajo del {l}% en {st}, un estado que "
                 "amplió Medicaid: ")
_PATTERNS += [
    (_EXPANSION + r"apply for Medicaid\.", _EXPANSION_ES + "solicite Medicaid."),
    (rf"This bill's care \((?P<d>{D})\) is more than (?P<n>\d+) months? before now, outside retroactive coverage, so "
     r"Medicaid will not pay this bill\.",
     lambda m: (f"La atención de esta factura ({m['d']}) fue hace más de {_months(m['n'])}, fuera de la cobertura "
                "retroactiva, así que Medicaid no pagará esta factura.")),
    (_EXPANSION + r"apply for Medicaid now and ask for retroactive coverage of bills from up to (?P<n>\d+) months? "
     r"before the month you apply\.",
     lambda m: (_EXPANSION_ES.format(**m.groupdict()) + "solicite Medicaid ahora y pida la cobertura retroactiva de las "
                f"facturas de hasta {_months(m['n'])} antes del mes en que la solicite.")),
    (r"A hospital can also find you presumptively eligible on the spot from your income and household size, so "
     r"Medicaid pays while the application is decided: ask its financial counselor\.",
     "Un hospital también puede declararle elegible de forma presunta en el momento, por sus ingresos y el tamaño de su "
     "hogar, para que Medicaid pague mientras se decide la solicitud: pregunte a su consejero financiero."),
    (r"Apply for Medicaid now: at (?P<p>[\d.]+)% of the poverty guideline you may qualify, and Medicaid can pay bills "
     r"from up to (?P<n>\d+) months? before the month you apply \(retroactive coverage\), this one included\.",
     lambda m: (f"Solicite Medicaid ahora: con el {m['p']}% de la línea de pobreza puede calificar, y Medicaid puede "
                f"pagar facturas de hasta {_months(m['n'])} antes del mes en que la solicite (cobertura retroactiva), "
                "incluida esta.")),
    (r"If it does, you owe nothing on this bill\.", "Si lo hace, usted no debe nada de esta factura."),
    (rf"Cannot tell for a date before (?P<d>{D}): which states had expanded Medicaid before then is not in "
     r"billadvocate's data\.",
     "No se puede saber para una fecha anterior al {d}: qué estados habían ampliado Medicaid antes de esa fecha no está "
     "en los datos de billadvocate."),
    (r"Ask your state's Medicaid office whether you qualify now and whether it can pay these past bills\.",
     "Pregunte a la oficina de Medicaid de su estado si califica ahora y si puede pagar estas facturas pasadas."),
    (r"With Medicare, the adult expansion group does not apply; ask the state Medicaid agency about the Medicare "
     r"Savings Programs \(QMB\), which stop Medicare cost-sharing bills\.",
     "Con Medicare, el grupo de adultos de la ampliación de Medicaid no se aplica; pregunte a la agencia de Medicaid del "
     "estado por los Programas de Ahorros de Medicare (QMB), que detienen los cobros del costo compartido de "
     "Medicare."),
]

# assist/programs/state_charity.py: who a state's program covers, and the income limits it reads
_INSURANCE_ES = {"insured": "seguro médico", "medicare": "Medicare", "medicaid": "Medicaid",
                 "qmb": "QMB (Beneficiario Calificado de Medicare)"}
_SETTINGS_ES = {"inpatient": "con ingreso en el hospital", "outpatient": "ambulatoria", "emergency": "de emergencia",
                "professional": "de un profesional"}
_VARIANTS_ES = {"rural": "rural", "urban": "urbano"}


def _variant_es(v: str | None) -> str:
    """A tier set's label ('(rural hospital)', '(tier 2 hospital)') in Spanish."""
    if not v:
        return ""
    m = re.fullmatch(r"tier (\d+)", v)
    return f" (hospital de nivel {m[1]})" if m else f" (hospital {_VARIANTS_ES[v]})"


def _provider(who: str) -> str:
    """The provider's name, or the engines' 'the provider' when the case gives none, in Spanish."""
    return "el proveedor" if who == "the provider" else who


def _program_then(m, text: str) -> str | None:
    """'<program>: ...' or '<program> ...' with the program's Spanish name, or None when it has none."""
    name = program_name(None, m["prog"])
    return None if name == m["prog"] else name + text


def _outcome_es(what: str) -> str | None:
    """A tier's outcome (free care, a share off, a price cap, not eligible) in Spanish."""
    if what.startswith("price capped: "):
        cap = _CHARGE_CAPS_ES.get(what[len("price capped: "):])
        return f"precio limitado: {cap}" if cap else None
    return _tier_es(what)


def _rural_or_urban(m) -> str | None:
    parts = re.findall(r"(?:^|; )(urban|rural): (.+?)(?=; (?:urban|rural): |\Z)", m["d"])
    done = [(v, _outcome_es(w)) for v, w in parts]
    if not done or any(w is None for _, w in done):
        return None
    return (f"Sus ingresos son el {m['p']}% de la línea de pobreza; la respuesta depende de si el hospital es rural o un "
            "hospital de acceso crítico (" + "; ".join(f"{_VARIANTS_ES[v]}: {w}" for v, w in done) + ").")


_LABEL = r"(?: \((?P<v>rural|urban|tier \d+) hospital\))?"
_PATTERNS += [
    (r"(?P<prog>[^:]+?): it covers uninsured patients only, and the case says (?P<i>insured|medicare|medicaid|qmb)\.",
     lambda m: _program_then(m, f": cubre solo a pacientes sin seguro, y el caso dice que usted tiene "
                                f"{_INSURANCE_ES[m['i']]}.")),
    (rf"(?P<prog>[^:]+?): insured patients qualify only with high medical costs \(more than (?P<l>[\d.]+)% of "
     rf"income\); (?P<b>{M}) is not more than (?P=l)% of (?P<i>{M})\.",
     lambda m: _program_then(m, f": los pacientes con seguro califican solo con gastos médicos altos (más del "
                                f"{m['l']}% de los ingresos); {m['b']} no es más del {m['l']}% de {m['i']}.")),
    (r"(?P<prog>.+?) covers (?P<s>[a-z]+(?: or [a-z]+)*) care; this care was (?P<c>[a-z]+)\.",
     lambda m: (_program_then(m, " cubre solo la atención "
                              + " o ".join(_SETTINGS_ES[s] for s in m["s"].split(" or "))
                              + f"; esta atención fue {_SETTINGS_ES[m['c']]}.")
                if all(s in _SETTINGS_ES for s in [*m["s"].split(" or "), m["c"]]) else None)),
    (rf"(?P<prog>.+?) binds nonprofit hospitals; (?P<p>{N}) is recorded as for-profit\.",
     lambda m: _program_then(m, f" obliga a los hospitales sin fines de lucro; {_provider(m['p'])} está registrado "
                                "como con fines de lucro.")),
    (r"(?P<prog>.+?) covers (?P<a>[A-Z]{2}) residents; the patient lives in (?P<b>[A-Z]{2})\.",
     lambda m: _program_then(m, f" cubre a los residentes de {m['a']}; el paciente vive en {m['b']}.")),
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline, above the law's limit of (?P<l>[\d.]+)%" + _LABEL + r"\.",
     lambda m: (f"Sus ingresos son el {m['p']}% de la línea de pobreza, por encima del límite de la ley ({m['l']}%)"
                + _variant_es(m["v"]) + ".")),
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline; the law covers incomes (?P<b>at or below|below) "
     r"(?P<l>[\d.]+)%" + _LABEL + r" only\.",
     lambda m: (f"Sus ingresos son el {m['p']}% de la línea de pobreza; la ley cubre solo ingresos "
                + ("iguales o por debajo" if m["b"] == "at or below" else "por debajo") + f" del {m['l']}%"
                + _variant_es(m["v"]) + ".")),
    (r"Income is (?P<p>[\d.]+)% of the poverty guideline; the answer depends on whether the hospital is rural or a "
     r"Critical Access Hospital \((?P<d>.+)\)\.", _rural_or_urban),
    # negotiate/plan.py: a budget with nothing left after the essential expenses
    (rf"Monthly income (?P<i>{M}) less essential expenses (?P<e>{M}) leaves (?P<l>-{M}); half of it, (?P<h>{M}), "
     r"keeps room for surprises\.",
     "Ingresos mensuales de {i} menos gastos esenciales de {e} dejan {l}; no queda nada ({h}) para un pago."),
]
_FIXED.update({
    "There is no room in the budget for a payment: ask for a hardship review and financial assistance; do not agree "
    "to a plan you cannot keep.":
        "No hay margen en el presupuesto para un pago: pida una revisión por dificultad económica y ayuda financiera; no "
        "acepte un plan que no pueda cumplir.",
    "Nothing to pay on a plan: the fair amount is zero.":
        "No hay nada que pagar en un plan: la cantidad justa es cero.",
})
_GARNISH_EXCEPTIONS.update({
    "earnings not needed to support the debtor's family, and debts to the state or for taxes, child support and "
    "student loans; a public hospital's debt setoff against state tax refunds is a separate remedy":  # nc
        "los ingresos que no se necesitan para mantener a la familia del deudor, y las deudas con el estado o por "
        "impuestos, la manutención de hijos y los préstamos estudiantiles; que un hospital público cobre su deuda de "
        "los reembolsos de impuestos del estado es un recurso aparte",
    "government debts (state tax refunds through the GEAR program, federal taxes and student loans) and child "
    "support; a judgment from another state may differ":  # sc
        "deudas con el gobierno (reembolsos de impuestos del estado por el programa GEAR, impuestos federales y "
        "préstamos estudiantiles) y la manutención de hijos; una sentencia de otro estado puede ser distinta",
})


# cases the every-state sweep's variants reach (inpatient care, Medicare, a case without income, an old debt)
_FIXED.update({
    "The No Surprises Act does not cover Medicare: its protections are for private health plans and the uninsured. "
    "Instead, Medicare's own rules limit what a provider may bill you beyond what Medicare approves; ask the provider "
    "to bill Medicare and send you the Medicare Summary Notice.":
        "La Ley Sin Sorpresas no cubre Medicare: sus protecciones son para los planes de salud privados y las personas "
        "sin seguro. En cambio, las reglas de Medicare limitan lo que un proveedor puede cobrarle por encima de lo que "
        "Medicare aprueba; pida al proveedor que le cobre a Medicare y que le envíe el Resumen de Medicare (Medicare "
        "Summary Notice).",
    "No yardstick is known (no Medicare prices, AGB or estimate in the case): ask for the cash price and the AGB":
        "No se conoce ninguna referencia de precio (ni precios de Medicare, ni AGB, ni presupuesto en el caso): pida el "
        "precio en efectivo y el AGB",
    "A plan needs the household's yearly income and its essential monthly expenses: add them to the case.":
        "Un plan necesita los ingresos anuales del hogar y sus gastos esenciales de cada mes: añádalos al caso.",
    "Paying it is your choice, not a duty; if you decide to pay anyway, talk to a lawyer or legal aid first.":
        "Pagarla es su decisión, no una obligación; si decide pagar de todos modos, hable antes con un abogado o con "
        "una oficina de ayuda legal.",
})
# assist/situation.CASE_WORDS: a fact the case still lacks, in the words a patient reads
_CASE_WORDS_ES = {
    "the household's yearly income": "los ingresos anuales del hogar",
    "the number of people in the household": "el número de personas del hogar",
    "the patient's insurance (insured, uninsured, Medicare, Medicaid)":
        "el seguro del paciente (con seguro, sin seguro, Medicare, Medicaid)",
    "what kind of provider sent the bill": "qué tipo de proveedor envió la factura",
    "whether the hospital is a nonprofit": "si el hospital es sin fines de lucro",
    "the hospital's tier under Washington law": "el nivel del hospital según la ley de Washington",
    "whether the hospital is rural or a Critical Access Hospital": "si el hospital es rural o un hospital de acceso "
                                                                   "crítico",
    "the hospital's financial-assistance policy (its free-care and discount income limits)":
        "la política de ayuda financiera del hospital (sus límites de ingresos para atención gratuita y con descuento)",
    "the balance asked": "el saldo que le piden",
    "whether the care was inpatient or outpatient": "si la atención fue con ingreso en el hospital o ambulatoria",
}


def _said_es(said: str) -> str | None:
    """Situation.said's list of missing facts in Spanish (each one of CASE_WORDS), or None."""
    parts, rest = [], said
    while rest:
        word = next((w for w in sorted(_CASE_WORDS_ES, key=len, reverse=True) if rest.startswith(w)), None)
        if word is None:
            return None
        parts.append(_CASE_WORDS_ES[word])
        rest = rest[len(word):]
        if rest and not rest.startswith(", "):
            return None
        rest = rest[2:]
    return ", ".join(parts) if parts else None


_PATTERNS += [
    (r"Cannot decide without (?P<s>.+?): a nonprofit hospital must publish its financial-assistance policy; ask for it "
     r"\(free and discount income limits, and its AGB percentage\)\.",
     lambda m: (f"No se puede decidir sin {s}: un hospital sin fines de lucro debe publicar su política de ayuda "
                "financiera; pídala (los límites de ingresos y su porcentaje AGB).") if (s := _said_es(m["s"])) else None),
    (r"Still needed: (?P<s>.+?)\.", lambda m: f"Todavía falta: {s}." if (s := _said_es(m["s"])) else None),
    (r"Cannot decide without (?P<s>[^:]+?)\.",
     lambda m: f"No se puede decidir sin {s}." if (s := _said_es(m["s"])) else None),
    (rf"The limit to sue on this debt ran out on (?P<d>{D}), and (?P<rest>.+?)\.",
     lambda m: (f"El plazo para demandar por esta deuda terminó el {m['d']}, y {r}."
                if (r := _revival_es(m["rest"])) else None)),
    (rf"(?P<prog>[^:]+?): at (?P<who>your|my) income \((?P<p>[\d.]+)% of the poverty guideline, "
     rf"(?P<b>at or below|below) (?P<l>\d+)%\) the hospital may charge at most (?P<cap>[\d.]+)% of what Medicare "
     r"pays(?P<unc> \(the statute's own words for this cap are not yet confirmed\))?(?P<gov> \(the law's cap is the "
     r"greatest of Medicare, Medi-Cal or another government program the hospital takes part in; Medicare's is the one "
     r"known here\))?: ask the hospital for the Medicare amounts of these services and apply it(?P<end>\. \(.+\))?",
     lambda m: (f"{name}: con {'sus' if m['who'] == 'your' else 'mis'} ingresos ({m['p']}% de la línea de pobreza, "
                + ("igual o por debajo" if m["b"] == "at or below" else "por debajo") + f" del {m['l']}%) el hospital "
                f"puede cobrar como máximo el {m['cap']}% de lo que paga Medicare"
                + (" (la redacción exacta de la ley para este límite aún no está confirmada)" if m["unc"] else "")
                + (" (el límite de la ley es el mayor entre Medicare, Medi-Cal u otro programa del gobierno en que "
                   "participe el hospital; aquí se conoce el de Medicare)" if m["gov"] else "")
                + ": pida al hospital las cantidades de Medicare de estos servicios y que aplique el límite"
                + (m["end"] or "")
                if (name := program_name(None, m["prog"])) != m["prog"] else None)),
]
_REVIVE_ES = {"a payment": "un pago", "a signed written acknowledgment or promise to pay":
              "un reconocimiento o una promesa de pago firmados por escrito",
              "a payment or a signed written acknowledgment or promise to pay":
              "un pago o un reconocimiento o una promesa de pago firmados por escrito"}


def _revival_es(words: str) -> str | None:
    """negotiate/barred.revival_words in Spanish: what paying or signing would do now to a debt past its limit."""
    head = ""
    if words.startswith("the law does not let whoever holds it sue on it, and "):
        head, words = "la ley no permite que quien la tiene la demande, y ", words[len("the law does not let whoever "
                                                                                    "holds it sue on it, and "):]
    m = re.fullmatch(rf"in (?P<st>{STATE_NAMES}) a debt this old may not be collected at all", words)
    if m:
        return head + f"en {m['st']} una deuda tan antigua no se puede cobrar en absoluto"
    m = re.fullmatch(rf"in (?P<st>{STATE_NAMES}) nothing you pay or sign now revives it", words)
    if m:
        return head + f"en {m['st']} nada que usted pague o firme ahora la revive"
    m = re.fullmatch(rf"in (?P<st>{STATE_NAMES}) (?P<w>.+?) could revive it(?P<alone> \(a payment alone does not\))?",
                     words)
    if m and m["w"] in _REVIVE_ES:
        return (head + f"en {m['st']} {_REVIVE_ES[m['w']]} podría revivirla"
                + (" (un pago por sí solo no)" if m["alone"] else ""))
    return None


# What the CMS hospital list said about the case's hospital (hospitals/case.py; the ownership's reason from
# hospitals/ownership.py): the hospital's name, city, CCN and the list's name stay as CMS writes them
_HOSPITAL_TYPES_ES = {
    "Acute Care Hospitals": "hospital de cuidados agudos",
    "Critical Access Hospitals": "hospital de acceso crítico (Critical Access Hospital)",
    "Psychiatric": "hospital psiquiátrico",
    "Childrens": "hospital de niños",
    "Long-term": "hospital de cuidados a largo plazo",
    "Rural Emergency Hospital": "hospital rural de emergencias (Rural Emergency Hospital)",
    "Acute Care - Veterans Administration": "hospital de cuidados agudos de la Administración de Veteranos",
    "Acute Care - Department of Defense": "hospital de cuidados agudos del Departamento de Defensa",
}
_OWNERSHIPS_ES = {
    "Voluntary non-profit - Private": "sin fines de lucro, privado",
    "Voluntary non-profit - Church": "sin fines de lucro, de una iglesia",
    "Voluntary non-profit - Other": "sin fines de lucro, otro",
    "Proprietary": "con fines de lucro",
    "Physician": "propiedad de médicos",
    "Government - Hospital District or Authority": "del gobierno, distrito o autoridad hospitalaria",
    "Government - Local": "del gobierno local",
    "Government - State": "del gobierno del estado",
    "Government - Federal": "del gobierno federal",
    "Veterans Health Administration": "de la Administración de Salud de Veteranos",
    "Department of Defense": "del Departamento de Defensa",
    "Tribal": "tribal",
}
_OWNERSHIP_WHY = [  # hospitals/ownership.nonprofit_status, each beside its English
    (r"CMS does not list this hospital's ownership: ask the hospital whether it is a 501\(c\)\(3\) nonprofit",
     "CMS no dice de quién es este hospital: pregunte al hospital si es una organización sin fines de lucro "
     "501(c)(3)"),
    (r"CMS lists it as (?P<o>.+?): a private nonprofit hospital, bound by IRS 501\(r\) \(financial assistance, limits "
     r"on charges and on collection\)",
     "CMS lo registra como {o}: un hospital privado sin fines de lucro, obligado por IRS 501(r) (ayuda financiera y "
     "límites a los cobros y a las acciones de cobranza)"),
    (r"CMS lists it as (?P<o>.+?): a for-profit hospital, which IRS 501\(r\) does not bind \(state law and its own "
     r"policy may still offer help\)",
     "CMS lo registra como {o}: un hospital con fines de lucro, al que IRS 501(r) no obliga (la ley del estado y la "
     "política propia del hospital todavía pueden ofrecerle ayuda)"),
    (r"CMS lists it as physician-owned: such hospitals are usually for-profit, but only a 501\(c\)\(3\) hospital is "
     r"bound by IRS 501\(r\); ask the hospital whether it is one",
     "CMS lo registra como propiedad de médicos: estos hospitales suelen tener fines de lucro, pero solo un hospital "
     "501(c)(3) está obligado por IRS 501(r); pregunte al hospital si lo es"),
    (r"CMS lists it as (?P<o>.+?): a government hospital is bound by IRS 501\(r\) only if it is also a 501\(c\)\(3\) "
     r"organization, which some are; ask the hospital whether it is \(and whether it has a financial-assistance "
     r"policy\)",
     "CMS lo registra como {o}: un hospital del gobierno está obligado por IRS 501(r) solo si también es una "
     "organización 501(c)(3), como algunos lo son; pregunte al hospital si lo es (y si tiene una política de ayuda "
     "financiera)"),
    (r"CMS lists its ownership as '(?P<o>.+?)': ask the hospital whether it is a 501\(c\)\(3\) nonprofit",
     "CMS registra su propiedad como «{o}»: pregunte al hospital si es una organización sin fines de lucro 501(c)(3)"),
]
_OWNERSHIP_WHY_RE = [(re.compile(p + r"\Z"), t) for p, t in _OWNERSHIP_WHY]


def _ownership_why(why: str) -> str | None:
    for pattern, template in _OWNERSHIP_WHY_RE:
        m = pattern.match(why)
        if m:
            return template.format(**{k: _OWNERSHIPS_ES.get(v, v) for k, v in m.groupdict().items()})
    return None


def _where_es(where: str) -> str:
    return "en todo el país" if where == "nationwide" else "en " + where[3:]


def _hospital_taken(m) -> str | None:
    why = _ownership_why(m["why"])
    if why is None:
        return None
    er = {"has an emergency department": ", con departamento de emergencias",
          "has no emergency department": ", sin departamento de emergencias"}.get(m["er"] or "", "")
    return (f'"{m["p"]}" se toma como {m["h"]} ({m["place"]}; CCN {m["ccn"]}), según {m["src"]}: '
            f"{_HOSPITAL_TYPES_ES.get(m['type'], m['type'])}{er}. {why}. Si este no es el hospital que le cobró, "
            "diga cuál es (su CCN) o si es sin fines de lucro: un dato que ya esté en el caso tiene prioridad.")


_PATTERNS += [
    (r'"(?P<p>[^"]+)" is taken to be (?P<h>.+) \((?P<place>[^;()]*); CCN (?P<ccn>[^)]+)\), per (?P<src>.+?): '
     r"(?P<type>.+?)(?:, (?P<er>has an emergency department|has no emergency department))?\. (?P<why>.+?)\. If this "
     r"is not the hospital that billed you, say which one it is \(its CCN\) or whether it is a nonprofit: a fact "
     r"stated in the case wins\.",
     _hospital_taken),
    (r"The case says (?P<p>.+?) is (?P<no>not )?a nonprofit; (?P<src>.+?) lists it as (?P<o>.+?)\. The case's answer "
     r"is used: check it \(the hospital's IRS Form 990 or its financial-assistance policy says\)\.",
     lambda m: (f"El caso dice que {m['p']} {'no ' if m['no'] else ''}es un hospital sin fines de lucro; {m['src']} lo "
                f"registra como {_OWNERSHIPS_ES.get(m['o'], m['o'])}. Se usa la respuesta del caso: revísela (lo dice "
                "el formulario 990 del hospital ante el IRS o su política de ayuda financiera).")),
    (r"CCN (?P<ccn>\S+) is not in the (?P<src>.+?) list of Medicare hospitals: check the number \(it is on the "
     r"hospital's bill or its Care Compare page\)\.",
     "El CCN {ccn} no está en la lista de hospitales de Medicare ({src}): revise el número (está en la factura del "
     "hospital o en su página de Care Compare)."),
    (r'No hospital (?P<where>in [A-Z]{2}|nationwide) in the (?P<src>.+?) list matches "(?P<p>.+)": check the name '
     r"and state on the bill, or add the hospital's CCN to the case\.",
     lambda m: (f'Ningún hospital {_where_es(m["where"])} de la lista ({m["src"]}) coincide con "{m["p"]}": revise el '
                "nombre y el estado en la factura, o añada al caso el CCN del hospital.")),
    (r'More than one hospital (?P<where>in [A-Z]{2}|nationwide) could be "(?P<p>.+?)": (?P<names>.+)\. Nothing was '
     r"taken from the list; to use it, add the right one's CCN to the case \(provider ccn\)\.",
     lambda m: (f'Más de un hospital {_where_es(m["where"])} podría ser "{m["p"]}": {m["names"]}. No se tomó nada de '
                "la lista; para usarla, añada al caso el CCN del hospital correcto (provider ccn).")),
]

# audit/opps_wage.py: the hospital outpatient lines priced for the hospital's area, or why they stay national
# (the yardstick's own words as report/spanish.py writes them: "índice de salarios", "nacional, sin ajustar")
_OPPS = "Las cantidades de Medicare para la atención ambulatoria del hospital"
_NOT_PLACED_ES = {
    "is not in the CMS hospital list the wage areas were built from":
        "no está en la lista de hospitales de CMS con la que se armaron las áreas salariales",
    "has no wage area in the shipped crosswalk (its county was not found in OMB's 2023 delineations)":
        "no tiene área salarial en la tabla que trae billadvocate (su condado no está en las delimitaciones de 2023 "
        "de la OMB)",
    "is in a Connecticut village the CMS file does not place in a town, and the towns of its ZIP code lie in planning "
    "regions of different wage areas":
        "está en un pueblo de Connecticut que el archivo de CMS no ubica en un municipio (town), y los municipios de su "
        "código postal están en regiones de planificación de áreas salariales distintas",
    **{f"is in {en}, where CMS's OPPS wage-index table has no wage area":
       f"está en {es}, donde la tabla de índices de salarios del OPPS de CMS no tiene área salarial"
       for en, es in (("Guam", "Guam"), ("American Samoa", "Samoa Americana"),
                      ("the Northern Mariana Islands", "las Islas Marianas del Norte"),
                      ("the U.S. Virgin Islands", "las Islas Vírgenes de los Estados Unidos"))},
}


def _line_words(ns: str) -> str:
    return f"la línea {ns}" if "," not in ns else f"las líneas {ns}"


_PATTERNS += [
    (r"Medicare outpatient hospital amounts are national, unadjusted: hospital (?P<ccn>\S+) (?P<why>.+)\.",
     lambda m: (f"{_OPPS} son las nacionales, sin ajustar: el hospital {m['ccn']} {_NOT_PLACED_ES[m['why']]}."
                if m["why"] in _NOT_PLACED_ES else None)),
    (r"Medicare outpatient hospital amounts are national, unadjusted: no wage index for CBSA (?P<cbsa>\S+) on the "
     r"lines' dates\.",
     _OPPS + " son las nacionales, sin ajustar: no hay índice de salarios para el CBSA {cbsa} en las fechas de las "
     "líneas."),
    (r"Medicare outpatient hospital amounts for lines? (?P<ns>[\d, ]+) are for hospital (?P<ccn>\S+)'s area, CBSA "
     r"(?P<cbsa>\S+) (?P<area>.+?): the national rate with its labor-related share \((?P<share>[\d.]+)%\) adjusted by "
     r"the area's wage index \(42 CFR 419\.43\); a reclassification or floor CMS gives this hospital alone is not "
     r"known here\.",
     lambda m: (f"{_OPPS} en {_line_words(m['ns'])} son las del área del hospital {m['ccn']}, CBSA {m['cbsa']} "
                f"{m['area']}: la tarifa nacional con su parte laboral ({m['share']}%) ajustada por el índice de "
                "salarios del área (42 CFR 419.43); aquí no se conoce una reclasificación o un mínimo que CMS dé solo "
                "a este hospital.")),
    (r"(?P<n>Lines?) (?P<ns>[\d, ]+), of (?P<y>\d{4}), (?:is|are) priced with the CY (?P<w>\d{4}) wage index, the "
     r"newest billadvocate has: no CY (?P=y) wage index is installed yet\.",
     lambda m: ((f"La línea {m['ns']}, de {m['y']}, tiene" if m["n"] == "Line" else
                 f"Las líneas {m['ns']}, de {m['y']}, tienen")
                + f" el precio con el índice de salarios del año {m['w']}, el más reciente que tiene billadvocate: "
                f"todavía no está instalado el índice de salarios del año {m['y']}.")),
]

_PATTERNS += AUDIT_NOTES  # the audit's other notes (report/spanish_audit_notes.py)


def _patient_left_out(m) -> str | None:
    parts = [_left_out_part(p) for p in m["parts"].split(". ")]
    if not all(parts):
        return None
    return ("Se dejaron fuera porque el lugar de la atención no está decidido (se aplican a un solo tipo de "
            "reclamación): " + ". ".join(p[:1].upper() + p[1:] if i else p for i, p in enumerate(parts))
            + ". Indique dónde se dio la atención (en un consultorio, como paciente ambulatorio de un hospital o en "
            "una hospitalización) para revisarlos.")


# the audit's notes as the review shows them (review.audit_notes: the patient's words, no options or case fields)
_PATTERNS += [
    (r"(?P<n>Lines?) (?P<ns>[\d, ]+) (?:has|have) no date of service on the bill: (?:its|their) Medicare amounts are "
     r"those of the fee schedules in force on (?P<d>\d{4}-\d{2}-\d{2}) \(an earlier year's schedule pays a little "
     r"less, so the comparison errs toward the hospital\)\. To compare with the right year, give the dates of the "
     r"care\.",
     lambda m: ((f"La línea {m['ns']} no tiene" if m["n"] == "Line" else f"Las líneas {m['ns']} no tienen")
                + " fecha de servicio en la factura: sus cantidades de Medicare son las de los aranceles vigentes el "
                f"{m['d']} (el arancel de un año anterior paga un poco menos, así que la comparación favorece al "
                "hospital). Para comparar con el año correcto, indique las fechas de la atención.")),
    (r"Left out because the setting is undecided \(they apply to one kind of claim only\): (?P<parts>.+)\. Say where "
     r"the care was given \(a doctor's office, a hospital outpatient visit or a hospital stay\) to check them\.",
     _patient_left_out),
    # audit.several_patients_note: a file of several patients' claims audited as one bill
    (r"This file holds the claims of (?P<n>\d+) patients, audited here as one bill: a duplicate, a code pair or a "
     r"daily unit limit may join two people's care\. Audit each patient's claims on their own\.",
     "Este archivo contiene las reclamaciones de {n} pacientes, revisadas aquí como una sola factura: un duplicado, "
     "un par de códigos o un límite diario de unidades puede juntar la atención de dos personas. Revise las "
     "reclamaciones de cada paciente por separado."),
]
# negotiate/owed: a program's price that does not lower what is owed, any program's words
_PATTERNS.append((rf"(?P<t>.+?); that is not below (?P<low>{M})",
                  lambda m: f"{t}; eso no es menos de {m['low']}" if (t := sentence(m["t"])) else None))
# a dead patient's bill, a relative asked to pay (rights/family_liability.py, actions/safety.py)
from ..rights import family_liability as _family  # noqa: E402

_PATTERNS += _family.SPANISH_PATTERNS
_FIXED.update(_family.SPANISH_FIXED)
LAW_NAMES[_family.LAW_NAME[0]] = _family.LAW_NAME[2]
# negotiate/estate.py: the offer and the call scripts of a reader who is not the patient
_PATTERNS += _estate.SPANISH_PATTERNS
_FIXED.update(_estate.SPANISH_FIXED)
_COMPILED = [(re.compile(p + r"\Z", re.S), t) for p, t in _PATTERNS]

# sentences split at ". " before a capital letter, but not after these abbreviations
_ABBR = ("U.S.", "U.S.C.", "Pub.", "ch.", "sec.", "Stat.", "Code", "Cal.", "Saf.", "No.", "v.", "N.J.S.A.", "C.R.S.")
_SPLIT = re.compile(r"(?<=[.?!)])\s+(?=[A-Z0-9(\"'$])")


def _split(text: str) -> list[str]:
    out: list[str] = []
    for part in _SPLIT.split(text.strip()):
        if out and (out[-1].endswith(_ABBR) or out[-1].endswith(" 1)") or out[-1].endswith(" 2)")):
            out[-1] += " " + part
        else:
            out.append(part)
    return out


def _one(text: str) -> str | None:
    text = text.strip()
    if text in _FIXED:
        return _FIXED[text]
    for pattern, template in _COMPILED:
        m = pattern.match(text)
        if m:
            if callable(template):
                return spanish.places_es(template(m))
            return spanish.places_es(template.format(**{k: (v or "") for k, v in m.groupdict().items()}))
    return None


def sentence(text: str) -> str | None:
    """The Spanish of one engine text (one sentence or several), or None when a sentence is not known."""
    if not text:
        return text
    whole = _one(text)
    if whole is not None:
        return whole
    parts = [_one(s) for s in _split(text)]
    return None if any(p is None for p in parts) else " ".join(parts)


class _Findings:
    """An account's findings by message: an English message inside a step or a script gives way to the
    rule's plain Spanish title, with the same lines."""

    def __init__(self, account: dict):
        self.items = [(f.get("message", "").rstrip("."), f) for f in account.get("findings") or []]

    def title(self, message: str) -> str | None:
        message = message.rstrip(".")
        for msg, f in self.items:
            if msg and (message == msg or message.startswith(msg)):
                title = spanish.finding(f, "audit")["title"].rstrip(".")
                lines = ", ".join(str(n) for n in f.get("lines") or [])
                word = "línea" if len(f.get("lines") or []) == 1 else "líneas"
                return f"{title} ({word} {lines})" if lines else title
        return None

    def titles_on(self, lines: str) -> list[str]:
        wanted = {int(n) for n in re.findall(r"\d+", lines)}
        seen, out = set(), []
        for _, f in self.items:
            if not wanted & set(f.get("lines") or []) and f.get("lines"):
                continue
            if f.get("rule") == "IRS501R.OVER_AGB":  # no billing error: the script says it apart (negotiate/scripts)
                continue
            title = spanish.finding(f, "audit")["title"].rstrip(".")
            if title not in seen:
                seen.add(title)
                out.append(title)
        return out


def offer_step(step: dict, found: _Findings) -> str | None:
    text = step.get("step") or ""
    m = re.match(rf"Minus (?P<what>{M}|its patient share on the EOB, {M}), (?P<why>which should not be billed|charged "
                 r"above the legal limit): (?P<msg>.+)\Z", text, re.S)
    if m:
        title = found.title(m["msg"])
        if title is None:
            return None
        what = m["what"].replace("its patient share on the EOB, ", "su parte según la EOB, ")
        why = "que no se debería cobrar" if m["why"].startswith("which") else "cobrado por encima del límite legal"
        return f"Menos {what}, {why}: {title}"
    return sentence(text)


# negotiate/scripts says a limit on what may be charged, never what the patient owes: the same sentences as the
# offer's steps, so they are read as those steps ("I owe at most $X") and said back as the limit
_LIMIT_EN = ((rf"no more than ({M}) can be charged to me", r"I owe at most \1"),
             (rf"the most that can be charged to me is ({M})", r"I owe \1"), (r"\bI can be charged only\b", "I owe only"),
             (rf"({M}) still asked", r"\1 I owe"))
_LIMIT_ES = ((rf"\b[Dd]ebo como máximo ({M})", r"no me pueden cobrar más de \1"),
             (rf"\b[Dd]ebo (?!\$0\.00)({M})", r"lo más que me pueden cobrar es \1"))


def script_line(text: str, found: _Findings) -> str | None:
    limited = text
    for a, b in _LIMIT_EN:
        text = re.sub(a, b, text)
    done = _script_line(text, found)
    if done is None or limited == text:
        return done
    for a, b in _LIMIT_ES:
        done = re.sub(a, b, done)
    return done[:1].upper() + done[1:]


def _script_line(text: str, found: _Findings) -> str | None:
    m = re.match(r"(?P<n>Lines?) (?P<lines>[\d, ]+) of the itemized bill (?:are|is) in dispute[:.] ", text)
    if m:
        titles = found.titles_on(m["lines"])
        head = "Las líneas {} de la factura detallada están" if m["n"] == "Lines" else "La línea {} de la factura " \
            "detallada está"
        return (head.format(m["lines"]) + " en disputa: " + "; ".join(titles) + "."
                if titles else None)
    return sentence(text)


def sol_warning(sol: dict) -> str | None:
    return sentence(sol.get("warning") or "")


def account_es(a: dict, fallback: Callable[[str], Any] = lambda s: s) -> dict:
    """A copy of an account's JSON whose patient-facing prose is Spanish: protections (`law_es`, `why`),
    programs (`name_es`, `why`), the statute-of-limitations warning, the offer (no_offer, advice, reasons,
    warnings, terms, steps, why), the plan (why, missed_payment), the call scripts and the notes. A
    sentence without Spanish is passed through `fallback` (English, marked by the caller)."""
    # only the parts rewritten are copied (an account may carry a thousand violations, left as they are)
    out = {**a, **{k: copy.deepcopy(a[k]) for k in ("protections", "assistance", "sol", "offer", "plan", "call_scripts",
                                                      "notes", "hospital") if k in a}}
    found = _Findings(a)

    def es(text, render=sentence):
        if not text:
            return text
        done = render(text) if render is sentence else render(text, found)
        return done if done is not None else fallback(text)

    for p in out.get("protections") or []:
        p["law_es"] = law_name(p)
        # who must pay: read sentence by sentence (its citations hold full stops, 'Cal. Fam. Code')
        p["why"] = (_family.spanish_why(p["why"]) or fallback(p["why"]) if p.get("id") == _family.LAW_NAME[0]
                    else es(p.get("why")))
    assistance = out.get("assistance") or {}
    for p in assistance.get("programs") or []:
        p["name_es"] = program_name(p.get("id"), p.get("name"))
        p["why"] = es(p.get("why"))
    app = assistance.get("application")
    if app:
        app["programs_es"] = [program_name(i, None) for i in app.get("programs") or []]
        app["documents"] = [es(d) for d in app.get("documents") or []]
        app["ask_for"] = [es(d) for d in app.get("ask_for") or []]
        app["windows"] = [es(w.split(": ", 1)[1]) if ": " in w else es(w) for w in app.get("windows") or []]
    if assistance.get("notes"):
        assistance["notes"] = [es(n) for n in assistance["notes"]]
    if out.get("sol") and out["sol"].get("warning"):
        out["sol"]["warning"] = es(out["sol"]["warning"])
    offer = out.get("offer")
    of_estate = bool(offer) and offer.get("for_estate") == "representative"
    if of_estate:  # the executor's offer: the Spanish of the patient's words, then of the estate (negotiate/estate.py)
        offer.update(_estate.patient_words(offer))
    if offer:
        steps_es = [offer_step(s, found) for s in offer.get("steps") or []]
        for s, text in zip(offer.get("steps") or [], steps_es):
            s["step"] = text if text is not None else fallback(s.get("step"))
        for key in ("no_offer", "advice"):
            if offer.get(key):
                offer[key] = es(offer[key])
        reasons = []
        for r in offer.get("reasons") or []:
            if r.startswith("Fair amount ") and all(t is not None for t in steps_es):
                head = re.match(rf"Fair amount ({M}): ", r)
                joined = "; ".join(t[:1].lower() + t[1:] if i else t for i, t in enumerate(steps_es))
                reasons.append(f"Cantidad justa {head.group(1) if head else ''}: " + joined + "."
                               if head else es(r))
            else:
                reasons.append(es(r))
        offer["reasons"] = reasons
        offer["warnings"] = [es(w) for w in offer.get("warnings") or []]
        offer["terms"] = [es(t) for t in offer.get("terms") or []]
        offer["why"] = "\n".join(str(s.get("step") or "") for s in offer.get("steps") or []) if offer.get("why") else ""
        if of_estate:
            offer.update(_estate.spanish_of_estate(offer))
    plan = out.get("plan")
    if plan:
        plan["why"] = es(plan.get("why"))
        plan["missed_payment"] = [es(t) for t in plan.get("missed_payment") or []]
    for cs in out.get("call_scripts") or []:
        if not isinstance(cs, dict):
            continue
        cs["to_es"] = PARTIES.get(cs.get("to"), cs.get("to"))
        if cs.get("name") == "your insurer":  # negotiate/scripts: a plan without a name
            cs["name"] = "su seguro"
        for key in ("say", "ask", "never_say", "write_down"):
            cs[key] = [es(x, script_line) for x in cs.get(key) or []]
    out["notes"] = [es(n, lambda t, _: note_es(t)) for n in out.get("notes") or []]
    if out.get("hospital") and out["hospital"].get("notes"):
        out["hospital"]["notes"] = [es(n) for n in out["hospital"]["notes"]]
    return out


# review.audit_notes leaves out the import command of a note about an older schedule: its Spanish is the audit note's
# (report/spanish_audit_notes.py), read with the command put back where it stood and taken out again in Spanish
_COMMAND_BACK = (("than those of its date)", ": billadvocate data import x FILE adds its year's"),
                 ("only to the dates it is in force.", " (billadvocate data import x FILE adds an older quarter's)"),
                 ("payment may be higher or lower.", "; billadvocate data import msdrg FILE adds its fiscal year's "
                                                     "weights"))
_COMMAND_ES = re.compile(r" \(billadvocate data import [^()]*\)|: billadvocate data import \S+ FILE agrega las de su "
                         r"año|; billadvocate data import msdrg FILE agrega los pesos de su año fiscal")


def note_es(text: str) -> str | None:
    """An account note in Spanish, the review's form of an audit note about an older schedule included."""
    done = sentence(text)
    if done is not None or "billadvocate data import" in text:
        return done
    back = text
    for anchor, command in _COMMAND_BACK:
        at = back.find(anchor)
        if at >= 0:
            cut = at + len(anchor) - 1  # before the anchor's closing ')' or '.'
            back = back[:cut] + command + back[cut:]
    done = sentence(back) if back != text else None
    return _COMMAND_ES.sub("", done) if done is not None else None


def untranslated(a: dict) -> list[str]:
    """The English sentences an account's Spanish would still show (for tests and the advocate's check)."""
    left: list[str] = []
    account_es(a, fallback=lambda s: left.append(s) or s)
    return left
