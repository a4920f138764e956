"""Who must pay when the patient has died, or when the person the collector pursues is not the patient.

A dead patient's bills are debts of the estate, paid from what the patient left, not from the family's own
money (12 CFR 1006.2(e); FTC, 76 FR 44915). A relative may still be personally liable where a law or their
own signature makes them so: a spouse under the state's community-property, necessaries or family-expense
law, a child or a parent under a family-support (filial) law, anyone who signed a guarantee or an admission
form as "responsible party". What billadvocate cannot confirm counts as "may be liable" (the safe side): the
answer is then "you may be liable under STATE law; get legal advice before you pay or refuse", never "you
owe nothing".

`who_pays(ctx)` is a pure function of the case, the account and the law (states/<xx>/family_liability.yaml,
federal/deceased_debts.yaml); every law value it reads is remembered on `ctx.used` for the citations. Its
sentences come from SENTENCES, each with its Spanish (report/spanish_account.py reads SPANISH_PATTERNS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..states import NAMES
from .context import Context

FEDERAL = "federal.deceased_debts"
# relationships no law makes pay a relative's medical bill, as far as billadvocate knows (a spouse and, under a
# family-support law, a child or a parent may be made to)
NEVER_BY_RELATIONSHIP = ("other_relative", "friend", "other")
RELATIVE_WORDS = {"parent": ("parent", "padre o madre"), "child": ("child", "hijo o hija")}

# one entry per sentence: (English, Spanish), with the same {fields}; the Spanish patterns are built from them
SENTENCES: dict[str, tuple[str, str]] = {
    "estate": (
        "The patient died on {day}: the bills for their care are debts of their estate (what they left), paid from "
        "it in the order {state} law sets, not from the family's own money.",
        "El paciente falleció el {day}: las facturas de su atención son deudas de su patrimonio (lo que dejó), que se "
        "pagan con él en el orden que fija la ley de {state}, no con el dinero propio de la familia."),
    "who_may_talk": (
        "A debt collector may discuss the debt with the patient's spouse and with the executor or administrator of "
        "the estate; from anyone else it may only ask how to reach them.",
        "Un cobrador puede hablar de la deuda con el cónyuge del paciente y con el albacea o administrador del "
        "patrimonio; a cualquier otra persona solo puede preguntarle cómo comunicarse con ellos."),
    "handles_estate": (
        "You handle the estate: pay its debts only from the estate's money and only in the order the law sets (a "
        "probate lawyer or the probate court can tell you the order), never from your own money.",
        "Usted administra el patrimonio: pague sus deudas solo con el dinero del patrimonio y solo en el orden que "
        "fija la ley (un abogado de sucesiones o el tribunal de sucesiones puede decirle el orden), nunca con su "
        "propio dinero."),
    "spouse_state": (
        "You were the patient's spouse: under {state} law ({basis}, {cite}) a spouse may have to pay for the other's "
        "medical care.",
        "Usted era el cónyuge del paciente: según la ley de {state} ({basis}, {cite}) un cónyuge puede tener que "
        "pagar la atención médica del otro."),
    "spouse_unknown": (
        "You were the patient's spouse: in some states a spouse must pay for the other's medical care "
        "(community-property, necessaries or family-expense laws), and billadvocate has no confirmed rule for {state}.",
        "Usted era el cónyuge del paciente: en algunos estados un cónyuge debe pagar la atención médica del otro "
        "(leyes de bienes gananciales, de necesidades básicas o de gastos familiares), y billadvocate no tiene una "
        "regla confirmada para {state}."),
    "relative_state": (
        "You are the patient's {relative}: {state} law ({cite}) can make a {relative} pay for a relative's care in "
        "some cases (a family-support law).",
        "Usted es {relative_es} del paciente: la ley de {state} ({cite}) puede obligar a un familiar así a pagar la "
        "atención de un pariente en algunos casos (una ley de manutención familiar)."),
    "relative_unknown": (
        "You are the patient's {relative}: some states have family-support laws that can make a child or a parent "
        "pay for a relative's care, and billadvocate has no confirmed answer for {state}.",
        "Usted es {relative_es} del paciente: algunos estados tienen leyes de manutención familiar que pueden obligar "
        "a un hijo o a un padre a pagar la atención de un pariente, y billadvocate no tiene una respuesta confirmada "
        "para {state}."),
    "signed": (
        "You signed something promising to pay this bill (a guarantee, or an admission form as \"responsible "
        "party\"): you may be liable under what you signed.",
        "Usted firmó algo en lo que prometía pagar esta factura (una garantía, o un formulario de admisión como "
        "\"responsable\"): puede ser responsable según lo que firmó."),
    "signed_unknown": (
        "The case does not say whether you signed anything promising to pay this bill (a guarantee, or a hospital or "
        "nursing-home admission form as \"responsible party\" or guarantor): find your copy of the papers; if you "
        "signed one, you may be liable under it.",
        "El caso no dice si usted firmó algo en lo que prometía pagar esta factura (una garantía, o un formulario de "
        "admisión de un hospital o de una residencia de ancianos como \"responsable\" o garante): busque su copia de "
        "los papeles; si firmó uno, puede ser responsable según lo firmado."),
    "nursing_home": (
        "A nursing home that takes Medicare or Medicaid may not require anyone to guarantee payment as a condition "
        "of admission or of staying (42 CFR 483.15(a)(3)), and a representative who signed only to pay from the "
        "resident's own money is not personally liable.",
        "Una residencia de ancianos que acepta Medicare o Medicaid no puede exigir que alguien garantice el pago como "
        "condición para la admisión o para la estancia (42 CFR 483.15(a)(3)), y un representante que firmó solo para "
        "pagar con el dinero del propio residente no es personalmente responsable."),
    "may_be_liable": (
        "You may be liable under {state} law; get legal advice before you pay or refuse.",
        "Usted podría ser responsable según la ley de {state}; busque asesoría legal antes de pagar o de negarse."),
    "not_liable": (
        "You are not the patient's spouse, no law billadvocate knows makes you pay a relative's medical bill, and "
        "you did not sign to pay it: you are not personally liable for it, and no one may tell you that you must pay "
        "it from your own money.",
        "Usted no es el cónyuge del paciente, ninguna ley que billadvocate conozca le obliga a pagar la factura "
        "médica de un pariente, y usted no firmó para pagarla: no es personalmente responsable de ella, y nadie puede "
        "decirle que debe pagarla con su propio dinero."),
    "heir_caution": (
        "If you received money or property from the patient's estate, in some states a creditor of the estate can "
        "claim up to its value from you: ask the estate's lawyer or the probate court before you pay anything.",
        "Si usted recibió dinero o bienes del patrimonio del paciente, en algunos estados un acreedor del patrimonio "
        "puede reclamarle hasta su valor: pregunte al abogado del patrimonio o al tribunal de sucesiones antes de "
        "pagar nada."),
    "received": (
        "You received money or property from the patient's estate: in some states a creditor of the estate can claim "
        "from you up to what you received, so you may be liable up to that amount; get legal advice (the estate's "
        "lawyer, the probate court or free legal aid) before you pay anything.",
        "Usted recibió dinero o bienes del patrimonio del paciente: en algunos estados un acreedor del patrimonio "
        "puede reclamarle hasta el valor de lo que recibió, así que podría ser responsable hasta esa cantidad; busque "
        "asesoría legal (el abogado del patrimonio, el tribunal de sucesiones o ayuda legal gratuita) antes de pagar "
        "nada."),
    "no_contact": (
        "The case does not say who is dealing with this bill: add contact: to the case (your relationship to the "
        "patient, whether you handle the estate, whether you signed to pay) to learn whether you may be personally "
        "liable; until then, treat yourself as someone who may be.",
        "El caso no dice quién se ocupa de esta factura: añada contact: al caso (su relación con el paciente, si "
        "administra el patrimonio, si firmó para pagar) para saber si podría ser personalmente responsable; mientras "
        "tanto, considérese alguien que podría serlo."),
}
# why no offer, plan or hardship letter is written (actions/safety.money_advice), lower-first as reasons are joined
MONEY_REASONS: dict[str, tuple[str, str]] = {
    "not_liable": (
        "you are not personally liable for this bill: an offer or a payment plan in your name could be taken as "
        "agreeing to pay it from your own money, and the patient's debts are paid from the estate",
        "usted no es personalmente responsable de esta factura: una oferta o un plan de pagos a su nombre podría "
        "tomarse como un acuerdo de pagarla con su propio dinero, y las deudas del paciente se pagan con su "
        "patrimonio"),
    "may_be_liable": (
        "whether you are personally liable for this bill is not settled: get legal advice before you pay or refuse, "
        "because an offer or a payment plan in your name could be taken as agreeing to pay it from your own money",
        "no está resuelto si usted es personalmente responsable de esta factura: busque asesoría legal antes de pagar "
        "o de negarse, porque una oferta o un plan de pagos a su nombre podría tomarse como un acuerdo de pagarla con "
        "su propio dinero"),
}
# letters/select.py: what is not written once the patient has died (the letters speak as the patient)
DEAD_PATIENT_LETTERS = (
    "Only the notice that the patient has died is written: the other letters speak in the patient's name, so the "
    "estate's executor or administrator sends them, once one is appointed.",
    "Solo se escribe el aviso de que el paciente falleció: las demás cartas hablan en nombre del paciente, así que "
    "las envía el albacea o administrador del patrimonio, cuando se nombre.")
BASIS_ES = {"community property and necessaries of life": "bienes gananciales y necesidades básicas",
            "necessaries and community property": "necesidades básicas y bienes gananciales",
            "the family expense statute": "la ley de gastos familiares",
            "the relatives' liability (filial support) statute": "la ley de responsabilidad de los parientes",
            "community property": "bienes gananciales"}


def _say(key: str, **values: str) -> str:
    return SENTENCES[key][0].format(**values)


@dataclass
class WhoPays:
    """The answer for one account: whether the person dealing with it may be personally liable, and why."""

    died_on: date | None
    relationship: str | None  # the contact's, None when the case names no contact
    liable: str  # "no" | "may" (unknown counts as "may")
    sentences: list[str] = field(default_factory=list)  # the why, in the patient's words (EN)
    handles_estate: bool = False
    signed_to_pay: bool | None = None
    state_citation: str | None = None  # the state law that may make them liable

    @property
    def why(self) -> str:
        return " ".join(self.sentences)

    @property
    def not_liable(self) -> bool:
        return self.liable == "no"


def applies(ctx: Context) -> bool:
    """The case speaks of a dead patient, or of someone other than the patient dealing with the debt."""
    c = ctx.case.contact
    return ctx.case.patient.died_on is not None or (c is not None and c.relationship != "self")


def _state_value(ctx: Context, key: str):
    """A value of the state's family_liability file in force, or None when billadvocate has none."""
    path = f"states.{ctx.case.patient.state.lower()}.family_liability.{key}"
    if not ctx.has(path):
        return None, None
    value = ctx.value(path)
    dv = ctx.used[-1]
    return value, dv


def who_pays(ctx: Context) -> WhoPays | None:
    """Who must pay this account, or None when the patient is alive and deals with it herself."""
    if not applies(ctx):
        return None
    case, contact = ctx.case, ctx.case.contact
    st = case.patient.state
    state = NAMES.get(st, st)
    died = case.patient.died_on
    out = WhoPays(died_on=died, relationship=contact.relationship if contact else None, liable="may")
    if died is not None:
        if ctx.has(f"{FEDERAL}.consumer_includes_deceased"):
            ctx.value(f"{FEDERAL}.consumer_includes_deceased")
        ctx.value(f"{FEDERAL}.relatives_not_obligated")
        out.sentences.append(_say("estate", day=died.isoformat(), state=state))
        ctx.value(f"{FEDERAL}.estate_representative_is_consumer")
        out.sentences.append(_say("who_may_talk"))
    if contact is None or contact.relationship == "self":
        out.sentences.append(_say("no_contact"))
        return out
    out.handles_estate, out.signed_to_pay = contact.handles_estate, contact.signed_to_pay
    if contact.handles_estate and died is not None:
        out.sentences.append(_say("handles_estate"))
    may = False
    rel = contact.relationship
    if rel == "spouse":
        value, dv = _state_value(ctx, "spouse")
        if value is False and dv is not None and not dv.unconfirmed:  # a confirmed rule that spouses are not liable
            pass
        else:
            may = True
            if value and dv is not None:
                basis = ctx.law.parameter(f"states.{st.lower()}.family_liability.spouse").meta.get("basis", "state law")
                out.state_citation = _short(dv.citations[0])
                out.sentences.append(_say("spouse_state", state=state, basis=basis, cite=out.state_citation))
            else:
                out.sentences.append(_say("spouse_unknown", state=state))
    elif rel in RELATIVE_WORDS:
        value, dv = _state_value(ctx, "relatives")
        confirmed_not = value is not None and dv is not None and not dv.unconfirmed and rel not in value
        if not confirmed_not:
            may = True
            word = RELATIVE_WORDS[rel][0]
            if value and rel in value:
                out.state_citation = _short(dv.citations[0])
                out.sentences.append(_say("relative_state", relative=word, state=state, cite=out.state_citation))
            else:
                out.sentences.append(_say("relative_unknown", relative=word, state=state))
    if contact.signed_to_pay is True:
        may = True
        out.sentences.append(_say("signed"))
    elif contact.signed_to_pay is None:
        may = True
        out.sentences.append(_say("signed_unknown"))
    if contact.signed_to_pay is not False and ctx.account.provider.kind == "nursing_home" \
            and ctx.has(f"{FEDERAL}.nursing_home_no_guarantee"):
        ctx.value(f"{FEDERAL}.nursing_home_no_guarantee")
        out.sentences.append(_say("nursing_home"))
    # a distributee may answer for the estate's debts up to what it received: said first when the case says so
    received = died is not None and contact.received_from_estate is True
    if received:
        out.sentences.append(_say("received"))
    if may:
        out.sentences.append(_say("may_be_liable", state=state))
    elif not received:
        out.liable = "no"
        out.sentences.append(_say("not_liable"))
        if died is not None and contact.received_from_estate is None:
            out.sentences.append(_say("heir_caution"))
    return out


def _short(citation: str) -> str:
    """'Cal. Fam. Code 914(a) (personal liability ...)' -> 'Cal. Fam. Code 914(a)'."""
    return re.sub(r" \([^()]*(\([^()]*\)[^()]*)*\)$", "", citation).strip()


# ---------------------------------------------------------------- Spanish (report/spanish_account.py)

_STATE_NAMES = "|".join(sorted((re.escape(n) for n in NAMES.values()), key=len, reverse=True))
_GROUPS = {"day": r"(?P<day>\d{4}-\d\d-\d\d)", "state": rf"(?P<state>{_STATE_NAMES})", "basis": r"(?P<basis>[^,]+?)",
           "cite": r"(?P<cite>[^()]+(?:\([^()]*\)[^()]*)*?)", "relative": r"(?P<relative>parent|child)"}


def _pattern(en: str) -> str:
    out, seen = "", set()
    for part in re.split(r"(\{\w+\})", en):
        name = part[1:-1] if part.startswith("{") and part.endswith("}") else None
        if name is None:
            out += re.escape(part)
        elif name in seen:
            out += f"(?P={name})"
        else:
            seen.add(name)
            out += _GROUPS[name]
    return out


def _spanish(es: str):
    def render(m: re.Match) -> str:
        values = dict(m.groupdict())
        if "basis" in values:
            values["basis"] = BASIS_ES.get(values["basis"], values["basis"])
        if "relative" in values:
            values["relative_es"] = "el " + RELATIVE_WORDS[values["relative"]][1]
        return es.format(**values)
    return render


# (pattern, template) pairs in the form report/spanish_account._PATTERNS takes: one per sentence above
SPANISH_PATTERNS = [(_pattern(en), _spanish(es)) for en, es in SENTENCES.values()]
_COMPILED = [(re.compile(p), t) for p, t in SPANISH_PATTERNS]
# the money reasons as whole sentences, the way report/spanish_account reads a reason ('Reason.')
SPANISH_FIXED = {en[:1].upper() + en[1:] + ".": es[:1].upper() + es[1:] + "." for en, es in MONEY_REASONS.values()}
SPANISH_FIXED[DEAD_PATIENT_LETTERS[0]] = DEAD_PATIENT_LETTERS[1]


def spanish_why(text: str) -> str | None:
    """The Spanish of a `WhoPays.why` (its sentences one after the other), or None if one is not known.
    Read sentence by sentence from SENTENCES, not split at full stops: a citation ('Cal. Fam. Code') has them."""
    out, rest = [], (text or "").strip()
    while rest:
        for pattern, render in _COMPILED:
            m = pattern.match(rest)
            if m and (m.end() == len(rest) or rest[m.end()] == " "):
                out.append(render(m))
                rest = rest[m.end():].lstrip()
                break
        else:
            return None
    return " ".join(out)
LAW_NAME = ("DECEASED.WHO_PAYS", "Who must pay this bill: the estate, the family, or you",
            "Quién debe pagar esta factura: el patrimonio, la familia o usted")
