"""The Spanish of the call scripts' time-barred warning (negotiate/scripts.py): what not to do on the call, then the
case's state rule on what restarts the time limit to sue (negotiate/barred.call_revival)."""

from __future__ import annotations

import re

from ..negotiate.scripts import TIME_BARRED, TIME_BARRED_CHOSE
from ..states import NAMES
from .spanish import benefits_left_es

STATE_NAMES = "|".join(sorted(map(re.escape, NAMES.values()), key=len, reverse=True))

HEADS_ES = {
    TIME_BARRED: "Esta deuda parece demasiado antigua para demandar. En esta llamada no acepte pagar, no prometa pagar, "
                 "no pague nada, y no confirme que la deuda es suya ni cuánto es.",
    TIME_BARRED_CHOSE: "Esta deuda parece demasiado antigua para demandar, y usted decidió ofrecer un acuerdo de todos "
                       "modos. En esta llamada no confirme que la deuda es suya ni cuánto es, y no pague ni prometa "
                       "nada hasta tener el acuerdo por escrito.",
}
_SIGNED = "a signed promise to pay or a signed letter admitting the debt"
_SIGNED_ES = "una promesa de pago firmada o una carta firmada que reconozca la deuda"
_IN = rf"In (?P<st>{STATE_NAMES}), "
RULES_ES = [(re.compile(p + r"\Z"), t) for p, t in [
    (_IN + r"a payment or a signed promise to pay does not restart the time limit for a debt buyer to sue "
           r"\((?P=st) law for debt buyers\)\.",
     "En {st}, un pago o una promesa de pago firmada no reinician el plazo para que un comprador de deudas demande "
     "(ley de {st} sobre compradores de deudas)."),
    (_IN + r"a payment or a signed promise to pay may restart the time limit to sue: this rule could not be confirmed "
           r"in (?P=st)'s law, so act as if either can\.",
     "En {st}, un pago o una promesa de pago firmada podrían reiniciar el plazo para demandar: esta regla no se pudo "
     "confirmar en la ley de {st}, así que actúe como si cualquiera de los dos pudiera."),
    (_IN + r"a payment or a signed promise to pay does not restart the time limit to sue(?P<cite> \(.+\))?\.",
     "En {st}, un pago o una promesa de pago firmada no reinician el plazo para demandar{cite}."),
    (_IN + rf"a payment does not restart the time limit to sue, but {_SIGNED} can\.",
     f"En {{st}}, un pago no reinicia el plazo para demandar, pero {_SIGNED_ES} sí puede."),
    (_IN + r"a payment can restart the time limit to sue, but a signed letter alone does not\.",
     "En {st}, un pago puede reiniciar el plazo para demandar, pero una carta firmada por sí sola no."),
    (_IN + rf"{_SIGNED} can restart the time limit to sue, and the law read for billadvocate does not settle whether "
           r"a payment can: act as if it can\.",
     f"En {{st}}, {_SIGNED_ES} puede reiniciar el plazo para demandar, y la ley consultada por billadvocate no aclara "
     "si un pago también: actúe como si pudiera."),
    (_IN + r"a payment or a signed promise to pay can restart the time limit to sue\.",
     "En {st}, un pago o una promesa de pago firmada pueden reiniciar el plazo para demandar."),
]]


def rule_es(rule: str) -> str | None:
    """negotiate/barred.call_revival in Spanish, or None for a sentence not known here."""
    for pattern, template in RULES_ES:
        m = pattern.match(rule)
        if m:
            return template.format(**{k: v or "" for k, v in m.groupdict().items()})
    return None


def _warning_es(m) -> str | None:
    rule = rule_es(m["rule"])
    return f"{HEADS_ES[m['head']]} {rule}" if rule else None


# for report/spanish_account's _PATTERNS: the whole warning, so its sentences are never split apart
PATTERNS = [(rf"(?P<head>{re.escape(TIME_BARRED)}|{re.escape(TIME_BARRED_CHOSE)}) (?P<rule>In .+)", _warning_es)]

# rights/sol.py: a payment or signed writing after the limit ran out may have revived the debt; the defence stays
_WHAT_ES = {"payment": "Su pago", "written acknowledgment": "Su reconocimiento por escrito"}
PATTERNS.append((r"The limit first ran out on (?P<d>\d{4}-\d{2}-\d{2}); your (?P<what>payment|written acknowledgment) "
                 r"on (?P<e>\d{4}-\d{2}-\d{2}) may have revived it, but whoever sues must prove that it did: if you are "
                 r"sued, still raise the statute of limitations\.",
                 lambda m: (f"El plazo terminó primero el {m['d']}. {_WHAT_ES[m['what']]} del {m['e']} pudo haber "
                            "revivido la deuda, pero quien le demande debe probar que lo hizo: si le demandan, alegue "
                            "de todos modos la prescripción.")))
# negotiate/__init__.py: the plan on a barred debt the patient chose to pay is held to the offer's walk-away
PATTERNS.append((r"The plan pays no more than (?P<a>\$[\d,]+\.\d\d), the most to agree to on this debt: the limit to "
                 r"sue ran out, so whoever holds it cannot win a lawsuit\.",
                 "El plan no paga más de {a}, lo máximo que conviene aceptar por esta deuda: el plazo para demandar "
                 "terminó, así que quien la tenga no puede ganar una demanda."))
# rights/sol.py: a judgment in the log leads the warning; the limit that ran out is a defence heard only if it is set aside
_JUDGED = (r"A judgment was entered on (?P<d>\d{4}-\d{2}-\d{2}): the limit to sue no longer protects you\. The judgment "
           r"can be enforced for many years, for example by taking money from a bank account \(except money the law "
           r"protects\), unless the court sets it aside\.(?P<ben> If Social Security, SSI or VA benefits are paid into "
           r"the account by direct deposit, the bank must leave you up to \d+ months of them \(31 CFR 212\.6\)\.)? "
           r"Talk to legal aid now about asking the court to set it aside: "
           r"the time allowed is short\.(?P<ran> The (?P<y>\d+)-year limit to sue ran out on (?P<e>\d{4}-\d{2}-\d{2}): if "
           r"the lawsuit was filed after that day, tell the lawyer; it is a defence the court can hear only if the "
           rf"judgment is set aside\.)?(?P<bar> (?P<st>{STATE_NAMES}) law also bars this debt's owner from suing on it "
           r"once the limit has run out: tell the lawyer that too\.)?")


def _judged_es(m) -> str:
    out = (f"Se dictó una sentencia el {m['d']}: el plazo para demandar ya no le protege. La sentencia se puede "
           "ejecutar durante muchos años, por ejemplo quitando dinero de una cuenta bancaria (salvo el dinero que la "
           "ley protege), a menos que el tribunal la anule." + benefits_left_es(m["ben"] or "") + " Hable ahora con "
           "asistencia legal para pedir al tribunal "
           "que la anule: el tiempo para pedirlo es corto.")
    if m["ran"]:
        out += (f" El plazo de {m['y']} años para demandar terminó el {m['e']}: si la demanda se presentó después de "
                "ese día, dígaselo al abogado; es una defensa que el tribunal solo puede oír si anula la sentencia.")
    if m["bar"]:
        out += (f" La ley de {m['st']} además prohíbe al dueño de esta deuda demandar una vez terminado el plazo: "
                "dígaselo también al abogado.")
    return out


PATTERNS.append((_JUDGED, _judged_es))
# negotiate/barred.judged_reason and actions/safety.money_advice: no money offered or promised once a judgment is logged
PATTERNS += [
    (r"A judgment was entered on (?P<d>\d{4}-\d{2}-\d{2}): do not offer, promise or pay anything on this debt before "
     r"talking to a lawyer or legal aid about asking the court to set the judgment aside; until then the judgment can "
     r"be enforced\.",
     "Se dictó una sentencia el {d}: no ofrezca, prometa ni pague nada por esta deuda antes de hablar con un abogado o "
     "con asistencia legal sobre pedir al tribunal que anule la sentencia; mientras tanto la sentencia se puede "
     "ejecutar."),
    (r"A judgment was entered on (?P<d>\d{4}-\d{2}-\d{2}): talk to a lawyer or legal aid about asking the court to set "
     r"it aside before offering or paying anything\.",
     "Se dictó una sentencia el {d}: hable con un abogado o con asistencia legal sobre pedir al tribunal que la anule "
     "antes de ofrecer o pagar nada."),
]

# negotiate/owed.py and the scripts: a debt state law voids once it is reported (rights STATE.REPORTED_DEBT_VOID)
_STATES = "|".join(sorted(map(re.escape, NAMES.values()), key=len, reverse=True))
_BY_ES = {"collector": "el cobrador", "provider": "el proveedor"}
_REF = re.compile(r"(?P<where>the credit report|the case log): (?P<when>\d{4}-\d{2}-\d{2}(?: \d\d:\d\d)?) "
                  r"(?P<what>credit reporting|legal action|letter|call)(?: \((?P<type>[^)]+)\))? from "
                  r"(?P<by>collector|provider)\Z")
_WHAT_ES2 = {"credit reporting": "reporte de crédito", "legal action": "acción legal", "letter": "carta",
             "call": "llamada"}


def _proof_es(proof: str) -> str | None:
    out = []
    for ref in proof.split("; "):
        m = _REF.match(ref)
        if not m:
            return None
        where = "el informe de crédito" if m["where"] == "the credit report" else "el registro del caso"
        out.append(f"{where}: {m['when']} {_WHAT_ES2[m['what']]}" + (f" ({m['type']})" if m["type"] else "")
                   + f" del {m['by'] == 'collector' and 'cobrador' or 'proveedor'}")
    return "; ".join(out)


# the statutes' own words (states/<xx>/credit_reporting.yaml reported_debt_void `words`), in Spanish
_VOID_WORDS_ES = {
    "Any portion of a medical debt that is furnished to a consumer reporting agency shall be void.":
        "Cualquier parte de una deuda médica que se entregue a una agencia de informes de crédito será nula.",
    "Any portion of a medical debt that is reported to a credit rating agency shall be void.":
        "Cualquier parte de una deuda médica que se reporte a una agencia de calificación crediticia será nula.",
    "A medical debt is void and unenforceable if a person knowingly violates this section by furnishing information "
    "regarding the medical debt to a consumer credit reporting agency.":
        "Una deuda médica es nula y no exigible si una persona infringe a sabiendas esta sección al entregar "
        "información sobre la deuda médica a una agencia de informes de crédito del consumidor.",
    "A medical debt is void and unenforceable if a person, health care provider, health care facility, or licensed "
    "collection agency violates this section by furnishing information regarding the medical debt to a consumer "
    "credit reporting agency.":
        "Una deuda médica es nula y no exigible si una persona, un proveedor de atención médica, un centro de atención "
        "médica o una agencia de cobranza con licencia infringe esta sección al entregar información sobre la deuda "
        "médica a una agencia de informes de crédito del consumidor.",
}
_DEFENCE_ES = ("La nulidad es una defensa que usted alega, no una orden que detenga una demanda por sí sola: si le "
               "demandan, responda a la demanda dentro del plazo y aléguela. Pregunte a un abogado o a asistencia legal "
               "si se puede cobrar todavía alguna parte de la deuda, y cuánto.")


def void_words_es(words: str) -> str | None:
    """A void-debt statute's words in Spanish (a translation: the English is the law)."""
    return _VOID_WORDS_ES.get(words)


def _void_es(m) -> str | None:
    proof = _proof_es(m["proof"]) if m["proof"] else ""
    words = void_words_es(m["words"])
    if proof is None or words is None:
        return None
    return ("La ley del estado anula esta deuda o impide cobrarla: la deuda se reportó a una agencia de crédito el "
            f"{m['d']} (lo hizo {_BY_ES[m['by']]}). La ley de {m['st']} ({m['law']}) dice (traducción): «{words}»"
            + (" (Esto se aplica si quien la reportó sabía que era una deuda médica, como suele saberlo un hospital o "
               "su cobrador.)" if m["knew"] else "")
            + (" " + _DEFENCE_ES if m["adv"] else "")
            + (f" Prueba: {proof}." if proof else "") + (m["cite"] or ""))


PATTERNS.append((rf"State law makes this debt void or uncollectable: The debt was reported to a credit bureau on "
                 rf"(?P<d>\d{{4}}-\d{{2}}-\d{{2}}) \(by the (?P<by>collector|provider)\)\. (?P<st>{_STATES}) law "
                 r"\((?P<law>[^()]*(?:\([^()]*\)[^()]*)*)\) says: \"(?P<words>[^\"]+)\""
                 r"(?P<knew> \(This applies if whoever reported it knew it was a medical debt, which a hospital or its "
                 r"collector usually does\.\))?(?P<adv> Void is a defence you raise, not an order that stops a lawsuit "
                 r"by itself: if you are sued, answer the lawsuit by its deadline and raise it\. Ask a lawyer or legal "
                 r"aid whether and how much of the debt can still be collected\.)?(?: Proof: (?P<proof>.+?))?\.?"
                 r"(?P<cite> \([^()]*(?:\([^()]*\)[^()]*)*\))?\.?", _void_es))

# negotiate/plan.fit_before: a plan must end before the limit to sue, which a payment can restart
PATTERNS += [
    (r"The limit to sue ends on (?P<d>\d{4}-\d{2}-\d{2}) and a payment can restart it, so the plan must be paid off "
     r"before then: (?P<n>\d+) payments? at most, (?P<m>\$[\d,]+\.\d\d) a month\.",
     lambda m: (f"El plazo para demandar termina el {m['d']} y un pago puede reiniciarlo, así que el plan debe quedar "
                f"pagado antes: {m['n']} {'pago' if m['n'] == '1' else 'pagos'} como máximo, {m['m']} al mes.")),
    (r"A plan the household can afford would run past (?P<d>\d{4}-\d{2}-\d{2}), when the limit to sue ends, and a "
     r"payment can restart it: do not start a plan; settle for a lump sum or wait\.",
     "Un plan que el hogar pueda pagar terminaría después del {d}, cuando termina el plazo para demandar, y un pago "
     "puede reiniciarlo: no empiece un plan; llegue a un acuerdo por una suma única o espere."),
    (r"The limit to sue on this debt ends on (?P<d>\d{4}-\d{2}-\d{2}), before a first payment on "
     r"(?P<f>\d{4}-\d{2}-\d{2}); a payment can restart it: do not start a plan\.",
     "El plazo para demandar por esta deuda termina el {d}, antes de un primer pago el {f}; un pago puede "
     "reiniciarlo: no empiece un plan."),
]
# rights/sol.py: past the open-account limit, inside the written-contract one
PATTERNS.append((r"If you signed a written agreement to pay for this care, the limit may instead run to "
                 r"(?P<d>\d{4}-\d{2}-\d{2}): if you are sued, still raise the statute of limitations\.",
                 "Si firmó un acuerdo por escrito para pagar esta atención, el plazo podría durar hasta el {d}: si le "
                 "demandan, alegue de todos modos la prescripción."))
# negotiate/owed.py: a bankruptcy discharge the patient logged covers a debt for care before it
PATTERNS.append((r"A bankruptcy discharge of (?P<d>\d{4}-\d{2}-\d{2}) ended (?P<who>your|my) personal liability for "
                 r"this debt, if this care, before it, was among the debts it covered\.?(?P<cite> \(.+\))?\.?",
                 lambda m: (f"La cancelación (descargo) de {'su' if m['who'] == 'your' else 'mi'} bancarrota del "
                            f"{m['d']} puso fin a {'su' if m['who'] == 'your' else 'mi'} obligación personal por esta "
                            "deuda, si esta atención, anterior a ella, estaba entre las deudas que cubrió."
                            + (m["cite"] or ""))))

# negotiate/__init__.withhold_unsafe_offer and actions/safety: the limit to sue ends before an offer would be paid
_RESTARTS_ES = {"a payment": "un pago",
                "a signed written acknowledgment or promise to pay":
                    "un reconocimiento o promesa de pago firmado por escrito",
                "a payment or a signed written acknowledgment or promise to pay":
                    "un pago o un reconocimiento o promesa de pago firmado por escrito"}
_WHAT = "|".join(sorted(map(re.escape, _RESTARTS_ES), key=len, reverse=True))
_DAY = r"\d{4}-\d{2}-\d{2}"
PATTERNS += [
    (rf"The limit to sue on this debt ends on (?P<d>{_DAY}), before a settlement offered now would be paid, and in "
     rf"(?P<st>{_STATES}) (?P<what>{_WHAT}) restarts it: do not offer or pay anything before then; talk to a lawyer "
     r"or legal aid\.",
     lambda m: (f"El plazo para demandar por esta deuda termina el {m['d']}, antes de que se pagara un acuerdo "
                f"ofrecido ahora, y en {m['st']} {_RESTARTS_ES[m['what']]} lo reinicia: no ofrezca ni pague nada antes "
                "de esa fecha; hable con un abogado o con asistencia legal.")),
    (rf"(?P<head>Do not offer, promise or agree to any payment on this account|no offer to settle the account is "
     rf"written): the limit to sue ends on (?P<d>{_DAY}), before an offer made now would be paid; in "
     rf"(?P<st>{_STATES}), (?P<what>{_WHAT}) restarts it(?P<nobill>; the itemized bill is not in hand yet: ask for "
     r"it before offering or promising anything)?\.",
     lambda m: (("No ofrezca, prometa ni acepte ningún pago en esta cuenta" if m["head"].startswith("Do not") else
                 "no se escribe una oferta para saldar la cuenta")
                + f": el plazo para demandar termina el {m['d']}, antes de que se pagara una oferta hecha ahora; en "
                f"{m['st']}, {_RESTARTS_ES[m['what']]} lo reinicia"
                + ("; todavía no tiene la factura detallada: pídala antes de ofrecer o prometer nada" if m["nobill"]
                   else "") + ".")),
]
