"""The audit's notes (not its findings) in Spanish: the setting read from the bill or left undecided and the NCCI
and MUE edits left out because of it (audit/setting.py), the patient's fee-schedule locality or why the amounts are
national (reference/locality.py), a line with no Medicare yardstick (audit.unpriced_notes, the reasons of
audit/benchmarks_sql.py), the hospital's price file (reference/prices.py) and an EOB's MS-DRG that needs its bill
(audit/stay_drg.py), and how the review joined a bill to its EOB (ingest/match.py: dates taken, codes that differ).
The OPPS wage notes (audit/opps_wage.py) are in report/spanish_account.py.

Each entry is (pattern, Spanish) as report/spanish_account.py reads them: the note's figures, codes, dates, file
editions and names are kept as the audit writes them. A note whose part no table knows gives None (stays English).
"""

from __future__ import annotations

import re
from typing import Any

SETTINGS_ES = {"professional": "atención de un profesional (consultorio)", "outpatient": "atención ambulatoria de hospital",
               "inpatient": "hospitalización"}
_FACILITY_WHY_ES = {"it has revenue codes": "tiene códigos de facturación del hospital (revenue codes)",
                    "it is an institutional claim (837I)": "es una reclamación institucional (837I)",
                    "it has room and board lines": "tiene líneas de habitación y comida"}
_FACILITY_WITH_ES = {"with room and board lines": "con líneas de habitación y comida",
                     "with an admission": "con un ingreso en el hospital",
                     "without room and board or an admission": "sin habitación y comida ni ingreso en el hospital"}
_HOW_FIXED_ES = {
    "a facility claim with room and board lines": "una reclamación de un hospital o centro con líneas de habitación y comida",
    "CPT/HCPCS lines without revenue codes, from a provider that is not a facility":
        "líneas CPT/HCPCS sin códigos de facturación del hospital, de un proveedor que no es un hospital ni un centro",
    "a hospital's bill whose lines carry no revenue codes could be its facility or its practitioners' claim":
        "la factura de un hospital cuyas líneas no tienen códigos de facturación del hospital puede ser la reclamación "
        "del propio hospital o la de sus profesionales",
    "the bill has no CPT/HCPCS or revenue codes": "la factura no tiene códigos CPT/HCPCS ni códigos de facturación del "
                                                  "hospital",
}
_TABLES_ES = {"practitioner": "de los profesionales", "outpatient hospital": "de la atención ambulatoria de hospital"}
# audit/benchmarks_sql.py `no_yardstick`: why a coded line has no Medicare price
NO_YARDSTICK_ES = {
    "an inpatient stay is paid per stay (MS-DRG), not per line":
        "una hospitalización se paga por estadía (MS-DRG), no por línea",
    "packaged: Medicare pays for it only within the hospital service it goes with":
        "va incluido en un paquete: Medicare lo paga solo dentro del servicio del hospital al que acompaña",
    "Medicare does not pay for it": "Medicare no lo paga",
    "Medicare pays for it only on an inpatient stay": "Medicare lo paga solo en una hospitalización",
    "not billable on a hospital outpatient claim (another code is used)":
        "no se puede cobrar en una reclamación ambulatoria de hospital (se usa otro código)",
    "no Medicare price for this code in the loaded fee schedules":
        "no hay precio de Medicare para este código en los aranceles cargados",
    "an air ambulance ride: Medicare's national air ambulance rates are not in billadvocate's law data":
        "un traslado en ambulancia aérea: las tarifas nacionales de Medicare para ambulancia aérea no están en los "
        "datos legales de billadvocate",
}

# audit/benchmarks_sql.py EARLY_SCHEDULES: a line dated before the earliest release of the schedule that would
# price it
EARLY_SCHEDULES_ES = {
    "Medicare Part B drug payment limits (ASP)": "los límites de pago de Medicare Parte B para medicamentos (ASP)",
    "Medicare Clinical Laboratory Fee Schedule": "el arancel de laboratorio clínico de Medicare",
    "Medicare outpatient hospital payment rates (OPPS)":
        "las tarifas de Medicare para la atención ambulatoria de hospital (OPPS)",
    "Medicare DMEPOS fee schedule": "el arancel de Medicare para equipo médico duradero y suministros (DMEPOS)",
    "Medicare Physician Fee Schedule": "el arancel de médicos de Medicare",
    "Medicare ambulance fee schedule": "el arancel de ambulancias de Medicare",
}
_EARLY = re.compile(r"dated before (?P<d>\d{4}-\d{2}-\d{2}), the start of the earliest (?P<s>.+?) loaded; a later "
                    r"year's rates may be higher or lower than those of its date: (?:billadvocate data import "
                    r"(?P<k>\S+) FILE adds its year's|(?P<cf>the conversion factor of its year is not in "
                    r"billadvocate's law data)|(?P<amb>the ambulance rates of its year are not in billadvocate's law "
                    r"data))")


def _no_yardstick_es(why: str) -> str | None:
    if why in NO_YARDSTICK_ES:
        return NO_YARDSTICK_ES[why]
    m = _EARLY.fullmatch(why)
    if not m or m["s"] not in EARLY_SCHEDULES_ES:
        return None
    return (f"con fecha anterior al {m['d']}, cuando empieza la edición más antigua cargada de "
            f"{EARLY_SCHEDULES_ES[m['s']]}; las tarifas de un año posterior pueden ser más altas o más bajas que las de "
            "su fecha: " + ("el factor de conversión de su año no está en los datos legales de billadvocate" if m["cf"]
                            else "las tarifas de ambulancia de su año no están en los datos legales de billadvocate"
                            if m["amb"] else f"billadvocate data import {m['k']} FILE agrega las de su año"))


def _predated_edits(m) -> str:
    one = m["n"] == "Line"
    return ((f"La línea {m['ns']} tiene" if one else f"Las líneas {m['ns']} tienen")
            + f" fecha anterior al {m['d']}, cuando empiezan las ediciones NCCI y MUE más antiguas cargadas: no se "
            "revisaron sus pares de códigos ni sus unidades por día, porque una edición se aplica solo a las fechas en "
            f"que está vigente (billadvocate data import {m['k']} FILE agrega las de un trimestre anterior).")


def _predated_stays(m) -> str | None:
    items = _items(m["which"], r"MS-DRG (?P<g>\S+), discharged (?P<d>\d{4}-\d{2}-\d{2})")
    if not items:
        return None
    which = "; ".join(f"MS-DRG {x['g']}, alta el {x['d']}" for x in items)
    how = ("billadvocate data import msdrg FILE agrega los pesos de su año fiscal" if m["import"] else
           "la tarifa nacional de su año fiscal no está en los datos legales de billadvocate")
    return (f"No se calculó el pago de Medicare por la estadía ({which}): el alta es anterior al {m['d']}, cuando "
            "empiezan los pesos MS-DRG y la tarifa nacional más antiguos cargados, y el pago de un año posterior puede "
            f"ser más alto o más bajo; {how}.")


def _how_es(how: str) -> str | None:
    """Why the setting was read so (audit/setting.infer_setting's `how`)."""
    if how in _HOW_FIXED_ES:
        return _HOW_FIXED_ES[how]
    m = re.fullmatch(r"CPT/HCPCS lines without revenue codes, (?:from (?P<n>.+), not a hospital or medical center|"
                     r"(?P<none>and neither the bill nor the case names a hospital or medical center as the sender))",
                     how)
    if m:
        return ("líneas CPT/HCPCS sin códigos de facturación del hospital, "
                + (f"de {m['n']}, que no es un hospital ni un centro médico" if m["n"] else
                   "y ni la factura ni el caso nombran a un hospital o centro médico como remitente"))
    m = re.fullmatch(r"a hospital's bill \((?P<h>.+)\) whose lines carry no revenue codes could be its facility or its "
                     r"practitioners' claim", how)
    if m:
        return (f"la factura de un hospital ({m['h']}) cuyas líneas no tienen códigos de facturación del hospital puede "
                "ser la reclamación del propio hospital o la de sus profesionales")
    m = re.fullmatch(r"the bill's type of bill (?P<tob>\S+) is a facility (?P<k>inpatient|outpatient) claim", how)
    if m:
        return (f"el tipo de factura {m['tob']} es una reclamación de un hospital o centro, "
                + ("con hospitalización" if m["k"] == "inpatient" else "ambulatoria"))
    m = re.fullmatch(r"a facility claim \((?P<why>.+)\) (?P<with>with room and board lines|with an admission|without "
                     r"room and board or an admission)", how)
    if m and m["why"] in _FACILITY_WHY_ES:
        return f"una reclamación de un hospital o centro ({_FACILITY_WHY_ES[m['why']]}) {_FACILITY_WITH_ES[m['with']]}"
    return None


def _items(text: str, item: str) -> list[re.Match] | None:
    """The items of a '; '-joined list (an item may hold '; ' itself), or None when the list is not all items."""
    found = list(re.finditer(item, text))
    return found if found and "; ".join(x.group(0) for x in found) == text else None


def _left_out_part(part: str) -> str | None:
    m = re.fullmatch(r"NCCI pair edits only one table makes: (?P<items>.+)", part)
    if m:
        items = _items(m["items"], r"lines (?P<a>\d+) and (?P<b>\d+) \((?P<c1>\S+) with (?P<c2>\S+), "
                                   r"(?P<t>practitioner|outpatient hospital) table\)")
        if not items:
            return None
        return "pares de códigos NCCI que solo una tabla señala: " + "; ".join(
            f"líneas {x['a']} y {x['b']} ({x['c1']} con {x['c2']}, tabla {_TABLES_ES[x['t']]})" for x in items)
    m = re.fullmatch(r"unit limits only one table sets this low: (?P<items>.+)", part)
    if m:
        items = _items(m["items"], r"line (?P<n>\d+) \((?P<c>\S+), (?P<u>[\d.]+) units; (?P<t>practitioner|"
                                   r"outpatient hospital) MUE (?P<m>[\d.]+)\)")
        if not items:
            return None
        return "límites de unidades que solo una tabla fija tan bajos: " + "; ".join(
            f"línea {x['n']} ({x['c']}, {x['u']} {'unidad' if x['u'] == '1' else 'unidades'}; MUE "
            f"{_TABLES_ES[x['t']]} {x['m']})" for x in items)
    return None


def _left_out(m) -> str | None:
    parts = [_left_out_part(p) for p in m["parts"].split(". ")]
    if not all(parts):
        return None
    return ("Se dejaron fuera porque el lugar de la atención no está decidido (se aplican a un solo tipo de "
            "reclamación): " + ". ".join(p[:1].upper() + p[1:] if i else p for i, p in enumerate(parts))
            + ". Indique --setting o care.setting para revisarlos.")


_EDITION = r"CMS ZIP code to carrier locality file, (?P<y{i}>\d{{4}}) Q(?P<q{i}>\d)"


def _edition_es(m, i: int) -> str:
    return f"archivo de CMS de códigos postales por localidad de Medicare, {m[f'y{i}']} T{m[f'q{i}']}"


def _locality_how_es(how: str) -> str | None:
    """How the locality was found (reference/locality.Locality.how)."""
    m = re.fullmatch(r"from ZIP (?P<z>\d{5}) \(" + _EDITION.format(i=1) + r"(?P<split>; the ZIP is split between "
                     r"localities by ZIP\+4 \(CMS ZIP9 file, not read\))?\)", how)
    if m:
        return (f"según el código postal {m['z']} ({_edition_es(m, 1)}"
                + ("; el código postal está repartido entre localidades según el ZIP+4 (archivo ZIP9 de CMS, no "
                   "leído)" if m["split"] else "") + ")")
    m = re.fullmatch(r"the only locality of (?P<st>[A-Z]{2})", how)
    if m:
        return f"la única localidad de {m['st']}"
    m = re.fullmatch(r"from the address \((?P<place>[^()]+)\)", how)
    return f"según la dirección ({m['place']})" if m else None


def _zip_unused_es(why: str) -> str | None:
    """Why the ZIP was not used (reference/locality._from_zip)."""
    m = re.fullmatch(r"ZIP (?P<z>\d{5}) is not in the " + _EDITION.format(i=1), why)
    if m:
        return f"el código postal {m['z']} no está en el {_edition_es(m, 1)}"
    m = re.fullmatch(r"the " + _EDITION.format(i=1) + r" puts ZIP (?P<z>\d{5}) in (?P<a>[A-Z]{2}), not (?P<b>[A-Z]{2})",
                     why)
    if m:
        return f"el {_edition_es(m, 1)} pone el código postal {m['z']} en {m['a']}, no en {m['b']}"
    m = re.fullmatch(r"ZIP (?P<z>\d{5})'s locality (?P<loc>\S+) \(MAC (?P<mac>\S+)\) in the " + _EDITION.format(i=1)
                     + r" is not in the GPCI table", why)
    if m:
        return (f"la localidad {m['loc']} (MAC {m['mac']}) del código postal {m['z']} en el {_edition_es(m, 1)} no "
                "está en la tabla GPCI")
    return None


def _locality(m) -> str | None:
    rest = m["rest"]
    cuts = [i for i in range(len(rest)) if rest.startswith("; ", i)] + [len(rest)]
    for cut in reversed(cuts):  # the ZIP's reason, when there is one, is the part after the last top-level '; '
        how, unused = _locality_how_es(rest[:cut]), rest[cut + 2:]
        unused_es = _zip_unused_es(unused) if unused else ""
        if how and unused_es is not None:
            return (f"Las cantidades de Medicare son las de la localidad {m['loc']} {m['name']} del arancel de médicos "
                    f"(MAC {m['mac']}), {how}" + (f"; {unused_es}" if unused_es else "") + ".")
    return None


def _national(m) -> str | None:
    unused = _zip_unused_es(m["unused"]) if m["unused"] else ""
    if unused is None:
        return None
    return ("Las cantidades de Medicare son las nacionales (no se sabe la localidad del paciente en el arancel de "
            "médicos" + (f"; {unused}" if unused else "") + ").")


def _unpriced(m) -> str | None:
    why = _no_yardstick_es(m["why"])
    if why is None:
        return None
    one = m["n"] == "line"
    return (f"No hay precio de Medicare para comparar {'la línea' if one else 'las líneas'} {m['ns']} ({why}); "
            + ("su cargo no se juzgó" if one else "sus cargos no se juzgaron")
            + (", y la estimación del precio justo usa las tarifas más antiguas de ese arancel." if m["later"] else "."))


def _drg_claims(m) -> str | None:
    items = _items(m["which"], r"claim (?P<c>[^;:]+?): MS-DRG (?P<d>[^;\s]+)")
    if not items:
        return None
    which = "; ".join(f"reclamación {x['c']}: MS-DRG {x['d']}" for x in items)
    return (f"La EOB indica el MS-DRG de una hospitalización ({which}). La revisión de los cargos de una estadía "
            "frente al pago de Medicare por su MS-DRG necesita la factura detallada del hospital: revise la factura "
            "con esta EOB (billadvocate audit BILL --eob EOB).")


def _undated(m) -> str:
    one = m["n"] == "Line"
    return ((f"La línea {m['ns']} no tiene" if one else f"Las líneas {m['ns']} no tienen")
            + f" fecha de servicio en la factura: sus cantidades de Medicare son las de los aranceles vigentes el "
            f"{m['d']} (el arancel de un año anterior paga un poco menos, así que la comparación favorece al hospital). "
            "Para comparar con el año correcto, indique en el caso las fechas de la atención (care.start, care.end) o "
            "revise la factura con --as-of un día de la atención.")


_MATCHED_BY_ES = {"revenue code": "código de facturación del hospital", "charge": "cargo", "date": "fecha"}


def _matched_by(m) -> str | None:
    parts = re.split(r", | and ", m["how"])
    if any(p not in _MATCHED_BY_ES for p in parts):
        return None
    how = [_MATCHED_BY_ES[p] for p in parts]
    how_es = ", ".join(how[:-1]) + (" y " if len(how) > 1 else "") + how[-1]
    charge = f", cargo {m['c']}" if m["c"] else ""
    return (f"línea {m['n']}: la línea de la EOB con la que coincide (código de facturación del hospital {m['rev']}"
            f"{charge}) no tiene código de procedimiento, mientras que la factura dice {m['a']}; coinciden por {how_es}")


PATTERNS: list[tuple[str, Any]] = [
    # ingest/match.py, told by the review: a bill's lines joined to its EOB's (dates taken, codes that differ)
    (r"line\(s\) (?P<ns>[\d, ]+): no date of service on the bill; each takes the date of the EOB line it matches "
     r"\((?P<a>\d{2}/\d{2}/\d{4})(?: to (?P<b>\d{2}/\d{2}/\d{4}))?\)",
     lambda m: (f"línea(s) {m['ns']}: la factura no indica la fecha de servicio; cada una toma la fecha de la línea de "
                f"la EOB con la que coincide " + (f"(del {m['a']} al {m['b']})" if m["b"] else f"({m['a']})"))),
    (r"line (?P<n>\d+): the bill reads code (?P<a>\S+) where the EOB line it matches \(revenue code (?P<rev>\S+), "
     r"charge (?P<c>[\d,.]+)\) has (?P<b>\S+): a misread or a changed code; check it on the paper",
     "línea {n}: la factura dice el código {a} donde la línea de la EOB con la que coincide (código de facturación del "
     "hospital {rev}, cargo {c}) dice {b}: una lectura equivocada o un código cambiado; compruébelo en el papel"),
    (r"line (?P<n>\d+): the EOB line it matches \(revenue code (?P<rev>\S+?)(?:, charge (?P<c>[\d,.]+))?\) has no "
     r"procedure code where the bill reads (?P<a>\S+); matched by (?P<how>.+)", _matched_by),

    # audit_bills: an 837's statement period (DTP*434) standing for the care's dates
    (r"The care's dates are the claim's statement period, (?P<a>\d{4}-\d{2}-\d{2}) to (?P<b>\d{4}-\d{2}-\d{2}) "
     r"\(the case gives none\)\.",
     "Las fechas de la atención son el período de facturación de la reclamación, del {a} al {b} (el caso no indica "
     "ninguna)."),
    # audit.undated_note: coded lines without a date of service, priced by the schedules of the as-of date
    (r"(?P<n>Lines?) (?P<ns>[\d, ]+) (?:has|have) no date of service on the bill: (?:its|their) Medicare amounts are "
     r"those of the fee schedules in force on (?P<d>\d{4}-\d{2}-\d{2}) \(an earlier year's schedule pays a little "
     r"less, so the comparison errs toward the hospital\)\. To compare with the right year, give the dates of care in "
     r"the case \(care\.start, care\.end\) or audit with --as-of a day of the care\.", _undated),
    (r"Setting: (?P<s>professional|outpatient|inpatient), read from the bill \((?P<how>.+)\)\.",
     lambda m: (f"Lugar de la atención: {SETTINGS_ES[m['s']]}, según la factura ({how}).")
     if (how := _how_es(m["how"])) else None),
    (r"Setting undecided \((?P<how>.+)\): the NCCI and MUE checks report only what the practitioner and the "
     r"outpatient hospital tables agree on\.",
     lambda m: (f"Lugar de la atención sin decidir ({how}): las revisiones NCCI y MUE informan solo lo que señalan a "
                "la vez la tabla de los profesionales y la de la atención ambulatoria de hospital.")
     if (how := _how_es(m["how"])) else None),
    (r"Left out because the setting is undecided \(they apply to one kind of claim only\): (?P<parts>.+)\. Give "
     r"--setting or care\.setting to check them\.", _left_out),
    (r"Medicare amounts are for the fee-schedule locality (?P<loc>\S+) (?P<name>.+?) \(MAC (?P<mac>\d+)\), "
     r"(?P<rest>.+)\.", _locality),
    (r"Medicare amounts are national \(the patient's fee-schedule locality is unknown(?:; (?P<unused>.+))?\)\.",
     _national),
    (r"No Medicare price to compare for (?P<n>lines?) (?P<ns>[\d, ]+) \((?P<why>.+)\); (?:its charge was|their "
     r"charges were) not judged(?P<later>, and the fair-price estimate uses that schedule's earliest rates)?\.",
     _unpriced),
    # audit/dated_schedules.py: lines and stays dated before the earliest edits or MS-DRG weights loaded
    (r"(?P<n>Lines?) (?P<ns>[\d, ]+) (?:is|are) dated before (?P<d>\d{4}-\d{2}-\d{2}), the start of the earliest "
     r"NCCI and MUE edits loaded: (?:its|their) code pairs and units per day were not checked, as an edit applies only "
     r"to the dates it is in force \(billadvocate data import (?P<k>.+?) FILE adds an older quarter's\)\.",
     _predated_edits),
    (r"The stay's Medicare payment was not computed \((?P<which>.+)\): the discharge is before "
     r"(?P<d>\d{4}-\d{2}-\d{2}), the start of the earliest MS-DRG weights and national rate loaded, and a later "
     r"year's payment may be higher or lower; (?:(?P<import>billadvocate data import msdrg FILE adds its fiscal year's "
     r"weights)|the national rate of its fiscal year is not in billadvocate's law data)\.", _predated_stays),
    (r"Hospital prices from (?P<h>.+)'s published file of (?P<d>\S+)\.",
     "Precios del hospital tomados del archivo que publicó {h}, del {d}."),
    (r"The EOB names the MS-DRG of an inpatient stay \((?P<which>.+)\)\. The check of a stay's charges against the "
     r"Medicare payment for its MS-DRG needs the hospital's itemized bill: audit the bill with this EOB \(billadvocate "
     r"audit BILL --eob EOB\)\.", _drg_claims),
]
