"""The few words that must stay in what a patient reads (EOB, FAP, AGB ...), each explained in plain
English and Spanish; `used(text)` gives the ones a page really uses, in the order of TERMS."""

from __future__ import annotations

import re

# term -> (how to find it in the page's text, English, Spanish)
TERMS: dict[str, tuple[str, str, str]] = {
    "EOB": (r"\bEOBs?\b|Explanation of Benefits|Explicación de Beneficios",
            "Explanation of Benefits: the statement your insurer sends after a claim, showing what the provider "
            "billed, what the plan allowed and paid, and what is left for you to pay. It is not a bill.",
            "Explicación de Beneficios (EOB): el informe que envía su seguro después de un reclamo, con lo que cobró "
            "el proveedor, lo que el plan aceptó y pagó, y lo que le queda a usted por pagar. No es una factura."),
    "FAP": (r"\bFAP\b|financial[- ]assistance policy|política de ayuda financiera",
            "Financial assistance policy: the hospital's written rules for free or discounted care, with the "
            "income limits and how to apply. A nonprofit hospital must have one and give it to you free.",
            "Política de ayuda financiera (FAP): las reglas escritas del hospital para la atención gratis o con "
            "descuento, con los límites de ingresos y cómo solicitarla. Un hospital sin fines de lucro debe tenerla "
            "y dársela gratis."),
    "AGB": (r"\bAGB\b|amounts generally billed|montos generalmente facturados",
            "Amounts generally billed: the most a nonprofit hospital may charge a patient who qualifies for its "
            "financial assistance, set from what insurers pay it. It is a ceiling, not what you must pay: "
            "free care is free.",
            "Montos generalmente facturados (AGB): lo máximo que un hospital sin fines de lucro puede cobrar a un "
            "paciente que califica para su ayuda financiera, según lo que le pagan los seguros. Es un tope, no lo que "
            "usted debe pagar: la atención gratis es gratis."),
    "GFE": (r"\bGFE\b|Good Faith Estimate|Estimado de Buena Fe|estimado de buena fe",
            "Good Faith Estimate: the written price a provider must give a patient without insurance (or not "
            "using it) before scheduled care.",
            "Estimado de Buena Fe (GFE): el precio por escrito que un proveedor debe dar a un paciente sin seguro (o "
            "que no lo usa) antes de una atención programada."),
    "QMB": (r"\bQMB\b|Qualified Medicare Beneficiary|Beneficiario Calificado de Medicare",
            "Qualified Medicare Beneficiary: a Medicaid program that pays Medicare's costs; no Medicare provider "
            "may bill you a deductible, coinsurance or copay.",
            "Beneficiario Calificado de Medicare (QMB): un programa de Medicaid que paga los costos de Medicare; "
            "ningún proveedor de Medicare puede cobrarle deducibles, coseguros ni copagos."),
    "No Surprises Act": (r"No Surprises Act|Ley Sin Sorpresas",
                         "A federal law (2022) that limits what you pay for emergency care and for out-of-network "
                         "care at an in-network hospital to your in-network share.",
                         "Una ley federal (2022) que limita lo que usted paga por una emergencia y por atención "
                         "fuera de la red en un hospital de la red a lo que pagaría dentro de la red."),
    "statute of limitations": (r"statute of limitations|limit to sue|plazo para demandar",
                               "The time the law gives to sue over a debt; after it, a court should not make you "
                               "pay, but in some states a payment or signed promise can restart it.",
                               "El tiempo que da la ley para demandar por una deuda; después, un tribunal no debería "
                               "obligarle a pagar, pero en algunos estados un pago o una promesa firmada puede "
                               "reiniciarlo."),
    "validation notice": (r"validation (?:notice|period)|aviso de validación|período de validación",
                          "The letter a debt collector must send with the debt's details; you have 30 days after "
                          "getting it to dispute the debt in writing and make the collector stop until it proves it.",
                          "La carta que un cobrador debe enviar con los datos de la deuda; usted tiene 30 días desde "
                          "que la recibe para disputar la deuda por escrito y hacer que el cobrador pare hasta "
                          "probarla."),
}

HEADING = {"en": "Words used here", "es": "Palabras que se usan aquí"}
ES_NAMES = {"No Surprises Act": "Ley Sin Sorpresas", "statute of limitations": "plazo para demandar",
            "validation notice": "aviso de validación"}
_FOUND = {term: re.compile(pattern, re.IGNORECASE if term not in ("EOB", "FAP", "AGB", "GFE", "QMB") else 0)
          for term, (pattern, _, _) in TERMS.items()}


def used(text: str, lang: str = "en") -> list[tuple[str, str]]:
    """(term, plain meaning) for each glossary word the text uses, in `lang` ('en' or 'es')."""
    col = 2 if lang == "es" else 1
    return [(ES_NAMES.get(term, term) if lang == "es" else term, TERMS[term][col])
            for term in TERMS if _FOUND[term].search(text or "")]
