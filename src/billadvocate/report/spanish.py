"""What a patient reads of a review, in Spanish: findings (a plain title and the explanation) and
deadlines (what each one is, and why), with a plain English title for each deadline kind too.

The Spanish of a rule is data beside the rule: `es.yaml` in each rules folder (audit/rules,
rights/violations, credit/rules), keyed by rule id (tests/report/test_spanish_texts.py fails when a
rule has none). A deadline is rendered from its kind, its date and the facts its English reason
names (dates, day counts), never by translating the English sentence word by word; the English
stays as it is. Dates stay ISO (2026-01-31), as in the English text and the plan's steps.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from ..states import NAMES
from .spanish_ambulance import yardstick_es

RULE_TABLES = {"audit": "billadvocate.audit.rules", "conduct": "billadvocate.rights.violations",
               "credit": "billadvocate.credit.rules"}

# deadline kind -> (what it is in plain English, in Spanish). STATE.*.X matches every state's X.
DEADLINE_KINDS: dict[str, tuple[str, str]] = {
    "VALIDATION_PERIOD_END": ("Last day to dispute the debt with the collector",
                              "Último día para disputar la deuda con el cobrador"),
    "FAP_APPLICATION_END": ("Last day to apply for the hospital's financial assistance",
                            "Último día para solicitar la ayuda financiera del hospital"),
    "ECA_EARLIEST": ("First day the hospital may report, sue or sell the debt",
                     "Primer día en que el hospital puede reportarle, demandarle o vender la deuda"),
    "NSA_DISPUTE_END": ("Last day to start the federal dispute over the Good Faith Estimate",
                        "Último día para iniciar la disputa federal por el Presupuesto de Buena Fe"),
    "SOL_EXPIRES": ("The time limit to sue on the debt ends", "Termina el plazo para demandar por la deuda"),
    "FDCPA_CLAIM_END": ("Last day to sue the collector over a violation",
                        "Último día para demandar al cobrador por una infracción"),
    "ANSWER_DUE": ("Last day to answer the lawsuit", "Último día para responder a la demanda"),
    "FCRA_REINVESTIGATION_DUE": ("The credit bureau must answer your dispute",
                                 "La agencia de crédito debe responder a su disputa"),
    "APPEAL_DUE": ("Last day to appeal the insurer's denial", "Último día para apelar la negación del seguro"),
    "MEDICARE_REDETERMINATION_DUE": ("Last day to appeal to Medicare",
                                     "Último día para apelar ante Medicare"),
    "FAIR_HEARING_DUE": ("Last day to ask for a Medicaid fair hearing",
                         "Último día para pedir una audiencia imparcial de Medicaid"),
    "APPEAL_DECISION_DUE": ("The plan must decide your appeal", "El plan debe decidir su apelación"),
    "EXTERNAL_REVIEW_DUE": ("Last day to ask for an independent external review",
                            "Último día para pedir una revisión externa independiente"),
    "EXTERNAL_REVIEW_DECISION_DUE": ("The independent reviewer must decide your urgent review",
                                     "El revisor independiente debe decidir su revisión urgente"),
    "MEDICARE_RECONSIDERATION_DUE": ("Last day to ask Medicare's independent contractor (QIC) to reconsider",
                                     "Último día para pedir la reconsideración al contratista independiente (QIC)"),
    "ALJ_HEARING_DUE": ("Last day to ask for a hearing before a Medicare judge",
                        "Último día para pedir una audiencia ante un juez de Medicare"),
    "COUNCIL_REVIEW_DUE": ("Last day to ask the Medicare Appeals Council to review",
                           "Último día para pedir la revisión del Consejo de Apelaciones de Medicare"),
    "JUDICIAL_REVIEW_DUE": ("Last day to sue in federal court over Medicare's decision (see a lawyer)",
                            "Último día para demandar ante un tribunal federal por la decisión de Medicare (consulte "
                            "a un abogado)"),
    "STATE.*.COLLECTION_WAIT": ("State waiting period before collection actions",
                                "Período de espera de su estado antes de acciones de cobro"),
    "STATE.NV.NOTICE_60_DAYS": ("Nevada: the collector may act to collect from this day",
                                "Nevada: el cobrador puede actuar para cobrar desde este día"),
    "STATE.FL.ECA_NOTICE": ("Florida: the hospital may start collection actions from this day",
                            "Florida: el hospital puede empezar acciones de cobro desde este día"),
    "REMINDER": ("Your reminder", "Su recordatorio"),
}

# where an insurer denial stands now (appeals.STAGE_WORDS in Spanish)
STAGE_WORDS_ES = {
    "internal": "una apelación ante el plan", "approved": "la negación se revirtió",
    "external_review": "una revisión externa", "medicare_reconsideration": "una reconsideración por el QIC",
    "alj_hearing": "una audiencia ante un juez de derecho administrativo",
    "council_review": "una revisión del Consejo de Apelaciones de Medicare", "fair_hearing": "una audiencia imparcial estatal",
    "independent_review": "la revisión independiente", "judicial_review": "una demanda ante un tribunal federal",
    "closed": "ninguna otra apelación",
}
WHO_ES = {
    "patient": "le toca apelar a usted", "provider": "le toca al proveedor corregirlo: usted no lo debe",
    "coordination": "diga al plan si tiene otro seguro", "unknown": "código desconocido: pregunte al plan y apele a tiempo",
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=None)
def rule_table(engine: str) -> dict[str, dict[str, str]]:
    """rule id -> {title, explanation} in Spanish, for one engine's rules."""
    text = files(RULE_TABLES[engine]).joinpath("es.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def _get(obj: Any, name: str, default=None):
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


# a price finding's message (audit/rules/bill_price_outlier.py), its figures captured; the description is the
# bill's own words and stays out (the line and code name the line)
_PRICE = re.compile(r"Line (?P<line>\d+), .*\((?P<code>[^()]*)\), is billed at (?P<charge>\$[\d,]+\.\d\d), "
                    r"(?:(?P<ratio>[\d.]+)x (?P<yardstick>.+) \((?P<medicare>\$[\d,]+\.\d\d)(?: for (?P<units>[\d.]+) units)?\)"
                    r"|above the hospital's own published cash price of (?P<cash>\$[\d,]+\.\d\d))")
_OPPS_ES = "el pago de Medicare a un hospital por atención ambulatoria del APC {apc}"
# the yardstick's name (audit/benchmarks_sql.py, audit/opps_wage.py) -> its Spanish; one not here adds nothing
_YARDSTICKS_ES = (
    (r"the Medicare outpatient hospital payment for APC (?P<apc>\w+) \(national, unadjusted\)",
     _OPPS_ES + " (nacional, sin ajustar a la zona del hospital)"),
    (r"the Medicare outpatient hospital payment for APC (?P<apc>\w+) in CBSA (?P<cbsa>\d+) (?P<area>.+) "
     r"\(CY (?P<year>\d{4}) wage index (?P<index>\d+\.\d+)\)",
     _OPPS_ES + " en el área CBSA {cbsa} {area} (índice de salarios del año {year}: {index})"),
    (r"the Medicare Clinical Laboratory Fee Schedule national limit",
     "el límite nacional de la tabla de tarifas de laboratorio clínico de Medicare"),
    (r"the Medicare Physician Fee Schedule amount \(national\)",
     "el monto nacional de la tabla de tarifas de médicos de Medicare"),
    (r"the Medicare Physician Fee Schedule amount \((?P<place>[^()]+)\)",
     "el monto de la tabla de tarifas de médicos de Medicare ({place})"),
    (r"the Medicare DMEPOS fee schedule for (?P<state>[A-Z]{2})",
     "la tabla de tarifas de Medicare para equipo médico y suministros (DMEPOS) de {state}"),
    (r"the Medicare Part B drug payment limit \(ASP\) per (?P<dose>[\d.,]+ (?:mg|mcg|ml|gm|iu|cc))",
     "el límite de pago de Medicare Parte B para el medicamento (ASP) por {dose}"),
    (r"the Medicare Part B drug payment limit \(ASP\) per billing unit",
     "el límite de pago de Medicare Parte B para el medicamento (ASP) por unidad facturada"),
)


def _price_es(message: str) -> str | None:
    """A price finding's figures in Spanish, or None when its message or its yardstick is not known."""
    m = _PRICE.fullmatch(message.rstrip("."))
    if not m:
        return None
    head = f"Línea {m['line']} ({m['code']}): se cobra {m['charge']}, "
    if m["cash"]:
        return head + f"por encima del precio en efectivo que publica el propio hospital, {m['cash']}."
    units = f" por {m['units']} unidades" if m["units"] else ""
    ambulance = yardstick_es(m["yardstick"])
    if ambulance:
        return head + f"{m['ratio']} veces {ambulance}, {m['medicare']}{units}."
    for pattern, es in _YARDSTICKS_ES:
        y = re.fullmatch(pattern, m["yardstick"])
        if y:
            words = y.groupdict()
            if words.get("area", "").startswith("rural "):
                words["area"] = f"zona rural de {words['area'][6:]}"
            return head + f"{m['ratio']} veces {es.format(**words)}, {m['medicare']}{units}."
    return None


# an inpatient stay's finding (audit/rules/bill_price_inpatient_drg.py), its figures captured
_M = r"\$[\d,]+\.\d\d"
_DRG = re.compile(
    rf"The stay's charges of (?P<total>{_M}) are (?P<ratio>[\d.]+)x the Medicare (?:inpatient )?payment for MS-DRG "
    rf"(?P<drg>\w+)(?P<capital_kind>, operating and capital, national, unadjusted)? \((?P<medicare>{_M}): relative "
    rf"weight (?P<weight>[\d.]+) x the FY (?P<fy>\d{{4}}) national standardized amount of (?P<operating>{_M})"
    rf"(?: plus the capital federal rate of (?P<capital>{_M})(?P<unconfirmed>, which is read from CMS's payment "
    rf"software and not yet confirmed in a published CMS table)?)?; .*\)")
_ADD_ONS_ES = ("los pagos adicionales por enseñanza, por atender a muchos pacientes de bajos ingresos y por casos de "
               "costo extraordinario")


def _drg_es(message: str) -> str | None:
    """An inpatient stay's figures in Spanish (the operating and capital payment, or the operating payment
    alone), and whether its capital rate is unconfirmed; None when the message is not known."""
    m = _DRG.fullmatch(message.rstrip("."))
    if not m:
        return None
    head = f"La estadía se cobró {m['total']}, {m['ratio']} veces el pago de Medicare "
    rate = (f"{m['medicare']}: peso relativo {m['weight']} x la cantidad estandarizada nacional del año fiscal "
            f"{m['fy']}, {m['operating']}")
    if m["capital"] is None:
        return (head + f"por el MS-DRG {m['drg']} ({rate}; es el pago operativo, nacional, antes del índice de "
                f"salarios del hospital, del pago de capital y de {_ADD_ONS_ES}).")
    out = (head + f"por la hospitalización del MS-DRG {m['drg']}, operativo y de capital, nacional, sin ajustar ({rate}, "
           f"más la tarifa federal de capital, {m['capital']}; antes del índice de salarios del hospital y de "
           f"{_ADD_ONS_ES}).")
    if m["unconfirmed"]:
        out += (f" La tarifa federal de capital de ese año ({m['capital']}) se tomó del programa de pagos de CMS y "
                "aún no está confirmada en una tabla publicada por CMS.")
    return out


def finding(f: Any, engine: str) -> dict[str, str]:
    """{title, explanation} in Spanish for a finding (a Finding or its JSON) of `engine` (audit,
    conduct or credit); a rule without Spanish keeps its English (the test requires every rule). A price
    finding's explanation opens with its figures (the line, the charge and the yardstick), as its English
    message gives them."""
    entry = rule_table(engine).get(_get(f, "rule")) or {}
    title = entry.get("title") or _get(f, "message") or ""
    message = _get(f, "message") or ""
    if _get(f, "rule") == "IRS501R.OVER_AGB" and "likely eligible" in message:  # the screen, not the hospital's decision
        what = "atención gratuita" if "free care" in message else "un descuento"
        title = (f"Es probable que califique para {what} según la política de ayuda financiera del hospital, si el "
                 "hospital aprueba su solicitud")
    explanation = entry.get("explanation") or _get(f, "explanation") or ""
    if _get(f, "rule") == "IRS501R.OVER_AGB" and "likely eligible" in message:  # likely, as the title: not decided
        explanation = ("Un hospital sin fines de lucro debe dar la atención gratuita o con descuento que promete su "
                       "política de ayuda financiera, y a un paciente al que aprueba esa ayuda no puede cobrarle más de "
                       "lo que suele cobrar a los pacientes con seguro (AGB). Con sus ingresos es probable que califique. "
                       "Solicite la ayuda financiera y pida que, si el hospital aprueba su solicitud, aplique su "
                       "política a la factura: atención gratuita si sus ingresos están por debajo de su límite, o si "
                       "no, su descuento.")
    if engine == "audit" and _get(f, "rule") == "BILL.PRICE_OUTLIER" and entry.get("explanation"):
        figures = _price_es(_get(f, "message") or "")
        explanation = f"{figures} {explanation.strip()}" if figures else explanation
    if engine == "audit" and _get(f, "rule") == "BILL.PRICE_INPATIENT_DRG" and entry.get("explanation"):
        figures = _drg_es(_get(f, "message") or "")
        explanation = f"{figures} {explanation.strip()}" if figures else explanation
    act_by = _get(f, "act_by")
    if engine == "conduct" and act_by:
        cap = re.search(r"Statutory damages up to \$([\d,]+)", _get(f, "explanation") or "")
        explanation += (f" Puede reclamar daños legales de hasta ${cap.group(1)} por demanda (no por infracción), "
                        if cap else " Puede reclamar daños legales, ") + (
            f"más los daños reales y los honorarios de abogado; demande antes del {act_by}.")
    return {"title": title, "explanation": explanation.strip()}


def kind_key(kind: str) -> str:
    """The DEADLINE_KINDS key of a deadline kind (a state's COLLECTION_WAIT shares one)."""
    if kind in DEADLINE_KINDS:
        return kind
    parts = kind.split(".")
    if len(parts) == 3 and parts[0] == "STATE":
        return f"STATE.*.{parts[2]}"
    return kind


def deadline_title(kind: str, lang: str = "en") -> str:
    """What a deadline is, in plain words (no kind id)."""
    en, es = DEADLINE_KINDS.get(kind_key(kind), (None, None))
    if en is None:
        return kind.replace("_", " ").replace(".", " ").capitalize()
    return es if lang == "es" else en


def deadline(d: Any, account: Any = None) -> dict[str, str]:
    """{what, why} in Spanish for a deadline (a Deadline or its JSON); `account` (the account's review or
    its JSON) gives the names its reason uses."""
    kind, why = _get(d, "kind"), _get(d, "why") or ""
    day = _get(d, "date")
    render = _RENDER.get(kind_key(kind))
    facts = _Facts(why, account, kind)
    text = render(facts, str(day)) if render else why
    return {"what": deadline_title(kind, "es"), "why": text}


class _Facts:
    """What a deadline's English reason and its account say: dates, day counts, names."""

    def __init__(self, why: str, account: Any, kind: str):
        self.why, self.kind = why, kind
        self.dates = _DATE.findall(why)
        self.numbers = [int(n) for n in re.findall(r"(?<![\d-])(\d{1,4}) (?:calendar |business )?(?:days?|months?)",
                                                   why)]
        acct = _get(account, "account", account)
        collector = _get(acct, "collector")
        provider = _get(acct, "provider")
        self.collector = (collector if isinstance(collector, str) else _get(collector, "name")) or "el cobrador"
        self.provider = (provider if isinstance(provider, str) else _get(provider, "name")) or "el proveedor"
        self.sol = _get(account, "sol") or {}

    def date(self, i: int = 0, default: str = "") -> str:
        return self.dates[i] if len(self.dates) > i else default

    def number(self, i: int = 0) -> int | None:
        return self.numbers[i] if len(self.numbers) > i else None

    def has(self, text: str) -> bool:
        return text in self.why


def _days(n: int | None, unit: str = "días") -> str:
    return f"{n} {unit}" if n is not None else "el plazo de la ley"


def _validation(f: _Facts, day: str) -> str:
    return (f"Último día para disputar la deuda por escrito con {f.collector} y hacer que deje de cobrar hasta que le "
            f"envíe la verificación. Una disputa enviada después ya no detiene el cobro, pero {f.collector} debe "
            f"reportar la deuda como disputada si la reporta a una agencia de crédito.")


def _fap(f: _Facts, day: str) -> str:
    notice = re.search(r"deadline of its written notice of (\d{4}-\d{2}-\d{2})", f.why)
    first = f.dates[-1] if f.dates else ""
    counted = (f", la fecha límite de su aviso escrito del {notice.group(1)}, que es posterior a {f.number(1)} días "
               f"después de su primera factura del {first}" if notice else
               f" ({f.number()} días después de su primera factura del {first})" if first and f.number() else "")
    return (f"{f.provider} debe aceptar y tramitar su solicitud de ayuda financiera hasta {'al menos ' if notice else ''}"
            f"el {day}{counted}. Después todavía puede aceptarla; y antes de reportarle a las agencias de crédito, "
            "demandarle, poner un gravamen o vender la deuda, debe enviarle un aviso escrito con una fecha límite de "
            "al menos 30 días y decidir la solicitud que usted envíe antes de esa fecha.")


def _eca(f: _Facts, day: str) -> str:
    return (f"{f.provider} (un hospital sin fines de lucro) y sus cobradores no pueden reportarle a las agencias de "
            f"crédito, demandarle, poner gravámenes ni vender la deuda antes de este día"
            + (f" ({f.number()} días después de la primera factura del {f.date()})" if f.number() else "") + ".")


def _nsa(f: _Facts, day: str) -> str:
    threshold = re.search(r"at least \$([\d,.]+) above", f.why)
    fee = re.search(r"pay the \$([\d,.]+) fee", f.why)
    first = f.date(1)
    return ("Último día para iniciar la disputa federal entre paciente y proveedor, si la factura supera en "
            f"${threshold.group(1) if threshold else '400'} o más el Presupuesto de Buena Fe (Good Faith Estimate)"
            + (f" ({f.number()} días desde la primera factura del {first}; la regla cuenta desde el día en que la "
               "recibió, pero preséntela antes de esta fecha para estar seguro)" if first and f.number() else "")
            + ". La inicia usted mismo ante el Departamento de Salud y Servicios Humanos (HHS), no escribiendo al "
            "proveedor: envíe el formulario en cms.gov/nosurprises (o llame al 1-800-985-3059 para pedirlo en papel) "
            "con una copia de la factura y del presupuesto, y pague la tarifa"
            + (f" de ${fee.group(1)}" if fee else "") + ". Luego avise al proveedor por escrito: mientras la disputa "
            "esté abierta, el proveedor no puede mandar la factura a cobranza ni añadir recargos por atraso.")


# the District of Columbia in a Spanish sentence (its English name, with 'of', is the one state name that reads as
# English); the other states keep the names the law data and the English use
_DC = "District of Columbia"
_CONTRACTED = {"de": "del", "De": "Del", "a": "al", "A": "Al"}


def places_es(text: str) -> str:
    """A Spanish text with 'District of Columbia' as 'el Distrito de Columbia' ('del' after 'de', 'al' after 'a',
    'El' where a sentence starts)."""
    if not isinstance(text, str) or _DC not in text:
        return text
    text = re.sub(r"\b(de|De|a|A) " + _DC, lambda m: _CONTRACTED[m[1]] + " Distrito de Columbia", text)
    text = re.sub(r"(^|[.:!?]\s+)" + _DC, r"\1El Distrito de Columbia", text)
    return text.replace(_DC, "el Distrito de Columbia")


def state_name_es(state: str) -> str:
    """A state's name standing alone (a page's header, a label), in Spanish."""
    return "Distrito de Columbia" if state == "DC" else NAMES.get(state, state)


def _sol(f: _Facts, day: str) -> str:
    if f.has("but a judgment was entered on"):
        return _sol_judged(f)
    state = (f.sol.get("state") if isinstance(f.sol, dict) else None) or ""
    years = re.search(r"(\d+)-year clock", f.why)
    contract = re.search(r"\(or (\d{4}-\d{2}-\d{2}) if you signed", f.why)
    started = re.search(r"clock started at [^.]*?(\d{4}-\d{2}-\d{2})", f.why)
    moved = re.search(r", (restarted|revived) by the (payment|written acknowledgment) on (\d{4}-\d{2}-\d{2})", f.why)
    text = (f"Después de este día la deuda es demasiado antigua para que le demanden"
            + (places_es(f" en {NAMES.get(state, state)}") if state else "")
            + (f" (o después del {contract.group(1)} si firmó un contrato por escrito)" if contract else "")
            + (f"; el plazo es de {years.group(1)} años" if years else "")
            + (f", contados desde el {started.group(1)}" if started else "")
            + (f", {'reiniciado' if moved.group(1) == 'restarted' else 'revivido'} por "
               f"{'el pago' if moved.group(2) == 'payment' else 'el reconocimiento por escrito'} del {moved.group(3)}"
               if moved else "")
            + ("; el comienzo real (la fecha de vencimiento o el último pago) puede ser posterior."
               if f.has("may be later") else "."))
    if f.has("Nothing you pay or sign restarts it"):
        return text + " Nada que usted pague o firme lo reinicia."
    if f.has("Nothing you pay or sign now revives it"):
        return text + " Nada que usted pague o firme ahora la revive."
    payment, writing = f.has("A payment"), f.has("a signed written acknowledgment") or f.has(
        "A signed written acknowledgment")
    if f.has("now could revive it"):  # a limit that already ran out: what could revive the debt (rights/deadlines)
        return text + (" Un pago o un reconocimiento firmado por escrito ahora podrían revivirla." if payment and writing
                       else " Un pago ahora podría revivirla." if payment
                       else " Un reconocimiento firmado por escrito ahora podría revivirla.")
    if payment and writing:
        return text + " Un pago o un reconocimiento firmado por escrito pueden reiniciarlo."
    if payment:
        return text + " Un pago puede reiniciarlo."
    if writing:
        return text + " Un reconocimiento firmado por escrito puede reiniciarlo."
    return text


def _sol_judged(f: _Facts) -> str:
    """rights/deadlines._limit_after_a_judgment: the limit to sue once a judgment is logged."""
    m = re.search(r"(passed|would have passed) on (\d{4}-\d{2}-\d{2}) \((\d+) years in ([^;)]+)(?:; or "
                  r"(\d{4}-\d{2}-\d{2}) if you signed a written agreement)?\), but a judgment was entered on "
                  r"(\d{4}-\d{2}-\d{2})", f.why)
    if not m:
        return f.why
    passed, end, years, state, contract, judged = m.groups()
    where = places_es(f"({years} años en {state}"
                      + (f"; o el {contract} si firmó un contrato por escrito)" if contract else ")"))
    if passed == "passed":
        return (f"El plazo para demandar por esta deuda terminó el {end} {where}, pero se dictó una sentencia el "
                f"{judged}: mientras el tribunal no la anule, la sentencia se puede ejecutar sin importar ese plazo. "
                "Solo un abogado puede decirle si el plazo vencido le ayuda, por ejemplo al pedir al tribunal que "
                "anule la sentencia.")
    return (f"El plazo para demandar por esta deuda habría terminado el {end} {where}, pero se dictó una sentencia "
            f"el {judged}, antes de ese día: el plazo ya no le protege, y la sentencia se puede ejecutar mientras el "
            "tribunal no la anule. Consulte ahora a un abogado sobre la sentencia.")


def _fdcpa(f: _Facts, day: str) -> str:
    rule = re.search(r" over ([A-Z0-9_.]+) \(", f.why)
    what = rule_table("conduct").get(rule.group(1), {}).get("title") if rule else None
    later = f.dates[0] if f.dates else None
    return (f"Último día para demandar a {f.collector} por esta infracción"
            + (f" ({what[:1].lower() + what[1:]})" if what else "") + ": un año desde la infracción."
            + (f" Por infracciones posteriores del mismo tipo puede demandar hasta el {later}." if later else ""))


@lru_cache(maxsize=None)
def court_steps() -> dict[str, dict[str, str]]:
    """courts parameter path -> {en, es}: what to file or do to answer a lawsuit in that court, the
    English as the courts data says it (`file:`) and its Spanish (report/courts_es.yaml)."""
    text = files("billadvocate.report").joinpath("courts_es.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def _court_step(why: str) -> str | None:
    """The Spanish of the court's own instruction that an answer deadline's English names, if any."""
    found = [e for e in court_steps().values() if e["en"] in why]
    return max(found, key=lambda e: len(e["en"]))["es"] if found else None


def benefits_left_es(why: str) -> str:
    """' Si recibe beneficios ...' where an English text has rights/benefits.benefits_left's sentence, else ''."""
    months = re.search(r"the bank must leave you up to (\d+) months of them \(31 CFR 212\.6\)", why)
    return (" Si recibe beneficios del Seguro Social, SSI o de la VA por depósito directo, el banco debe dejarle "
            f"hasta {months.group(1)} meses de ellos (31 CFR 212.6)." if months else "")


def _answer(f: _Facts, day: str) -> str:
    served = re.search(r"served on (\d{4}-\d{2}-\d{2})", f.why)
    judged = re.match(r"A judgment was entered on (\d{4}-\d{2}-\d{2})", f.why)
    if judged:  # rights/deadlines.answer_due: a decided case, only a motion to set the judgment aside is left
        return (f"Se dictó una sentencia el {judged.group(1)} en la demanda"
                + (f" que le entregaron el {served.group(1)}" if served else "") + ": el plazo para responder ya "
                "pasó. Pida hoy al secretario del tribunal una copia de la sentencia. Un tribunal puede anular una "
                "sentencia en rebeldía si se lo pide rápido (el plazo es corto y cambia de un estado a otro), y solo "
                "entonces se puede alegar la prescripción o cualquier otra defensa. Mientras tanto la sentencia se "
                "puede ejecutar, por ejemplo tomando dinero de una cuenta de banco, salvo el dinero que la ley "
                "protege." + benefits_left_es(f.why) + " Ayuda legal gratuita: lawhelp.org o lsc.gov/find-legal-aid.")
    when = f" que le entregaron el {served.group(1)}" if served else ""
    step = _court_step(f.why)
    to_do = ""
    if f.has("Appear on the date on the summons"):
        head = (f"Preséntese en el tribunal en la fecha de la citación (summons): ese tribunal no acepta una respuesta "
                f"escrita a la demanda{when}; usted responde en persona ese día. Hasta leer la fecha, cuente con este "
                f"día, el más temprano posible. ")
        to_do = (f" Qué hacer: {step or 'preséntese en el tribunal en la fecha que indica la citación'}; lleve la "
                 "citación y todas las facturas y cartas sobre la deuda, y envíe una copia de todo lo que presente al "
                 "abogado del demandante.")
    else:
        head = (f"Último día para responder a la demanda{when}"
                + (f": {f.number()} días" if f.number() else "") + ". ")
        if f.has("This court sets the date on the summons"):
            head += ("Este tribunal pone la fecha en la citación: esa fecha manda; hasta leerla, cuente con el día "
                     "más temprano posible. ")
        if step and f.has("What to do: "):
            # the court's own instruction ("appear or file ... by the time stated in the summons")
            to_do = f" Qué hacer: {step}; envíe una copia de todo lo que presente al abogado del demandante."
        elif step:  # the thing to file ("the answer form that came with the original notice")
            head += (f"Presente {step} en la secretaría del tribunal, diciendo con qué no está de acuerdo, y envíe una "
                     "copia al abogado del demandante. ")
        else:
            head += ("Presente una respuesta escrita en la secretaría del tribunal diciendo con qué no está de "
                     "acuerdo, y envíe una copia al abogado del demandante. ")
    barred = re.search(r"ran out on (\d{4}-\d{2}-\d{2})", f.why)
    other = re.search(r"anyway: under (.+?) the limit to sue on this debt may have ended on (\d{4}-\d{2}-\d{2}), "
                      r"before you were served", f.why)
    defence = (f" Alegue la prescripción: el plazo para demandarle por esta deuda terminó el {barred.group(1)}; una "
               "defensa que no se alega se puede perder." if barred else
               f" Alegue de todos modos la prescripción: según {other.group(1)} el plazo para demandarle por esta deuda "
               f"pudo terminar el {other.group(2)}, antes de que le entregaran la demanda; una defensa que no se alega "
               "se puede perder." if other else
               " Pregunte si la deuda es demasiado antigua para demandarle; si lo es, dígalo en su respuesta."
               if f.has("too old to sue on") else "")
    wages = re.search(r"except money the law protects; (.+?) does not allow your wages to be garnished", f.why)
    takes = (f"intentar quitarle dinero de su cuenta de banco, salvo el dinero que la ley protege; {wages.group(1)} no "
             "permite embargarle el salario por una deuda como esta." if wages else
             "embargar su salario o su cuenta de banco, salvo el dinero que la ley protege.")
    own = re.search(r" Also, under (.+?) law: (.+?)\.(?= If Social Security| File| What to do|$)", f.why)
    if own:
        from .spanish_account import _STATE_PHRASES  # late: spanish_account builds on this module

        if own.group(2) in _STATE_PHRASES:
            takes += f" Además, según la ley de {own.group(1)}: {_STATE_PHRASES[own.group(2)]}."
    takes += benefits_left_es(f.why)
    return (head + "La citación manda: si da otra fecha u otro tribunal, siga la citación, y si el último día cae en "
            "fin de semana o feriado, actúe antes. Si no responde ni se presenta, el tribunal puede dictar sentencia "
            "en su contra, y el cobrador podría " + takes + to_do + defence
            + " Ayuda legal gratuita: lawhelp.org o lsc.gov/find-legal-aid.")


def _fcra(f: _Facts, day: str) -> str:
    start = f.date()
    return ("La agencia de crédito debe terminar de investigar su disputa"
            + (f" del {start}" if start else "") + f" a más tardar este día"
            + (" (usted envió más información)" if f.has("you sent more information") else "")
            + ". Si no responde a tiempo, debe borrar lo que no pudo verificar.")


def _appeal(f: _Facts, day: str) -> str:
    notice = f.dates[-1] if f.dates else ""
    n = f.number()
    if f.has("Until the plan type is known"):
        return (f"Hasta saber el tipo de plan: {_days(n)} desde la fecha del aviso ({notice}), el plazo más corto de "
                "los planes Medicare Advantage y Medicaid (los planes del empleador y del mercado dan más tiempo). La "
                "audiencia imparcial de Medicaid de un estado puede dar menos días: el aviso dice su fecha límite. "
                "Apele antes de este día para estar seguro.")
    if f.has("Medicare Advantage"):
        return (f"Último día para pedir al plan Medicare Advantage que reconsidere la negación: {_days(n)} desde la "
                f"fecha del aviso ({notice}).")
    if f.has("Medicaid plan"):
        return (f"Último día para apelar la negación ante el plan de Medicaid: {_days(n)} desde la fecha del aviso "
                f"({notice}). Después de que el plan decida, puede pedir a su estado una audiencia imparcial.")
    return (f"Último día para apelar la negación ante el plan: la ley le da al menos {_days(n)} desde que recibió la "
            f"negación, contados aquí desde la fecha del aviso ({notice}).")


def _redetermination(f: _Facts, day: str) -> str:
    grace = f.number(1)
    return (f"Último día para pedir a Medicare una redeterminación: {_days(f.number())} desde que recibió el aviso, "
            f"que Medicare supone recibido {_days(grace)} después de su fecha ({f.date()}).")


def _hearing(f: _Facts, day: str) -> str:
    if f.has("at least"):  # after a Medicaid plan's decision on the appeal (42 CFR 438.408(f)(2))
        return (f"Pida a su estado una audiencia imparcial sobre la decisión del plan de Medicaid: todo estado da al menos "
                f"{_days(f.number())} desde la fecha del aviso del plan ({f.date()}), y algunos dan más; el aviso dice su "
                "fecha límite exacta.")
    return (f"El último día que su estado puede permitir para pedir una audiencia imparcial: como máximo "
            f"{_days(f.number())} desde la fecha en que se envió el aviso ({f.date()}). Su estado puede dar menos "
            "días: el aviso dice la fecha exacta.")


def _decision(f: _Facts, day: str) -> str:
    hours = re.search(r"within (\d+) hours", f.why)
    if hours:  # an urgent (expedited) appeal
        return (f"Su atención es urgente: el plan debe decidir la apelación acelerada dentro de {hours.group(1)} horas "
                f"desde que la recibe; contado desde el día en que usted la envió ({f.date()}). Llame al plan si no "
                "tiene respuesta.")
    return (f"El plan debe decidir su apelación dentro de {_days(f.number())} desde que la recibe (la mitad para cada "
            f"uno de dos niveles de apelación); contado desde el día en que usted la envió ({f.date()}).")


def _external(f: _Facts, day: str) -> str:
    return (f"Último día para pedir una revisión externa: {_days(f.number(), 'meses')} desde que recibió la negación "
            f"final del plan, contados aquí desde su fecha ({f.date()}).")


def _external_decision(f: _Facts, day: str) -> str:
    hours = re.search(r"within (\d+) hours", f.why)
    return ("Su atención es urgente: el revisor independiente debe decidir la revisión externa acelerada dentro de "
            + (f"{hours.group(1)} horas" if hours else "el plazo de la ley") + " desde que la recibe; contado aquí "
            f"desde el día en que usted envió la solicitud ({f.date()}).")


def _qic(f: _Facts, day: str) -> str:
    return (f"Último día en que el contratista independiente (QIC) debe recibir su pedido de reconsideración: "
            f"{_days(f.number())} desde que recibió la nueva determinación, que se supone recibida {_days(f.number(1))} "
            f"después de su fecha ({f.date()}). Use el formulario CMS-20033 o una carta, enviada al QIC que indica el "
            "aviso.")


def _alj(f: _Facts, day: str) -> str:
    if f.has("independent review entity"):  # Medicare Advantage: 42 CFR 422.602(b)
        counted = (f"que se supone recibida {_days(f.number(1))} después de su fecha ({f.date()})" if f.number(1)
                   else f"contados aquí desde su fecha ({f.date()})")
        return (f"Último día para pedir una audiencia ante un juez de derecho administrativo: {_days(f.number())} "
                f"desde que recibió la decisión de la entidad de revisión independiente, {counted}. Use el "
                "formulario OMHA-100, enviado a la oficina que indica la decisión.")
    return (f"Último día para pedir una audiencia ante un juez de derecho administrativo: {_days(f.number())} desde "
            f"que recibió la reconsideración del QIC, contados aquí desde su fecha ({f.date()}). Use el formulario "
            "OMHA-100, enviado a la oficina que indica el aviso.")


def _council(f: _Facts, day: str) -> str:
    return (f"Último día para pedir al Consejo de Apelaciones de Medicare que revise la decisión del juez: "
            f"{_days(f.number())} desde que la recibió, que se supone recibida {_days(f.number(1))} después de su fecha "
            f"({f.date()}). Use el formulario DAB-101.")


def _court(f: _Facts, day: str) -> str:
    return (f"Último día para presentar una demanda ante el tribunal federal de distrito contra la decisión del Consejo "
            f"de Apelaciones de Medicare: {_days(f.number())} desde que la recibió, que se supone recibida "
            f"{_days(f.number(1))} después de su fecha ({f.date()}). Es una demanda, no una carta: consulte ya a un "
            "abogado (ayuda legal, o un abogado que lleve apelaciones de Medicare); el aviso del Consejo dice cómo "
            "presentarla.")


def _collection_wait(f: _Facts, day: str) -> str:
    state = f.kind.split(".")[1]
    return places_es(f"Antes de este día la ley de {NAMES.get(state, state)} prohíbe ciertas acciones de cobro por "
                     f"esta factura médica (como reportarle a las agencias de crédito o demandarle)"
                     + (f": {f.number()} días después de la primera factura del {f.date()}" if f.number() else "")
                     + ".")


def _nv(f: _Facts, day: str) -> str:
    return (f"{f.collector} no puede hacer nada para cobrar esta deuda médica antes de {_days(f.number())} después de "
            f"su aviso escrito del {f.date()}.")


def _fl(f: _Facts, day: str) -> str:
    return (f"{f.provider} no puede empezar acciones de cobro extraordinarias antes de {_days(f.number())} después de "
            f"su aviso escrito del {f.date()}.")


def _reminder(f: _Facts, day: str) -> str:
    return f.why  # the patient's or advocate's own words


_RENDER = {
    "VALIDATION_PERIOD_END": _validation, "FAP_APPLICATION_END": _fap, "ECA_EARLIEST": _eca,
    "NSA_DISPUTE_END": _nsa, "SOL_EXPIRES": _sol, "FDCPA_CLAIM_END": _fdcpa, "ANSWER_DUE": _answer,
    "FCRA_REINVESTIGATION_DUE": _fcra, "APPEAL_DUE": _appeal, "MEDICARE_REDETERMINATION_DUE": _redetermination,
    "FAIR_HEARING_DUE": _hearing, "APPEAL_DECISION_DUE": _decision, "EXTERNAL_REVIEW_DUE": _external,
    "EXTERNAL_REVIEW_DECISION_DUE": _external_decision, "MEDICARE_RECONSIDERATION_DUE": _qic,
    "ALJ_HEARING_DUE": _alj, "COUNCIL_REVIEW_DUE": _council, "JUDICIAL_REVIEW_DUE": _court,
    "STATE.*.COLLECTION_WAIT": _collection_wait, "STATE.NV.NOTICE_60_DAYS": _nv, "STATE.FL.ECA_NOTICE": _fl,
    "REMINDER": _reminder,
}


def passed(d: Any, as_of: date) -> bool:
    day = _get(d, "date")
    return str(day) < as_of.isoformat()
