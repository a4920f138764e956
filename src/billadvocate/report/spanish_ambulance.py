"""The ambulance yardstick's name (audit/ambulance.py) in Spanish, its figures and its unconfirmed year kept."""

from __future__ import annotations

import re

# audit/ambulance.py LEVELS, in Spanish
LEVELS_ES = {
    "basic life support, non-emergency": "soporte vital básico, sin emergencia",
    "basic life support, emergency": "soporte vital básico, de emergencia",
    "advanced life support, level 1, non-emergency": "soporte vital avanzado, nivel 1, sin emergencia",
    "advanced life support, level 1, emergency": "soporte vital avanzado, nivel 1, de emergencia",
    "advanced life support, level 2": "soporte vital avanzado, nivel 2",
    "specialty care transport": "transporte de cuidados especializados",
    "paramedic intercept": "intercepción paramédica",
}
_BASE = re.compile(r"the Medicare ambulance fee schedule base rate for (?P<level>.+) \(national, at the highest rural "
                   r"rate, before geographic adjustment(?:; its CY (?P<year>\d{4}) conversion factor is unconfirmed)?\)")
_MILES = re.compile(r"the Medicare ambulance fee schedule ground mileage rate \(national, rural: \+(?P<p>\d+)% for each "
                    r"of the first (?P<n>\d+) miles, before geographic adjustment(?:; its CY (?P<year>\d{4}) mileage "
                    r"rate is unconfirmed)?\)")

# the locality's rates from the imported CMS file (audit/benchmarks_sql.py amb_local)
_LOCAL_BASE = re.compile(r"the Medicare ambulance fee schedule for (?P<place>.+) \(CY (?P<year>\d{4}), the highest of "
                         r"its urban, rural and super-rural rates\)")
_LOCAL_MILES = re.compile(r"the Medicare ambulance fee schedule for (?P<place>.+) \(CY (?P<year>\d{4}) ground mileage, "
                          r"rural: each of the first (?P<n>\d+) miles at its own rate\)")


def yardstick_es(name: str) -> str | None:
    """'la tarifa base del arancel de ambulancias de Medicare para ...' for an ambulance yardstick's name, or None."""
    m = _BASE.fullmatch(name)
    if m and m["level"] in LEVELS_ES:
        unconfirmed = f"; el factor de conversión del año {m['year']} no está confirmado" if m["year"] else ""
        return (f"la tarifa base del arancel de ambulancias de Medicare para {LEVELS_ES[m['level']]} (nacional, la "
                f"tarifa rural más alta, antes del ajuste geográfico{unconfirmed})")
    m = _LOCAL_BASE.fullmatch(name)
    if m:
        return (f"el arancel de ambulancias de Medicare para {m['place']} (año {m['year']}, la más alta de sus tarifas "
                f"urbana, rural y súper rural)")
    m = _LOCAL_MILES.fullmatch(name)
    if m:
        return (f"el arancel de ambulancias de Medicare para {m['place']} (millas terrestres del año {m['year']}, "
                f"rurales: cada una de las primeras {m['n']} millas a su propia tarifa)")
    m = _MILES.fullmatch(name)
    if m:
        unconfirmed = f"; la tarifa por milla del año {m['year']} no está confirmada" if m["year"] else ""
        return (f"la tarifa por milla terrestre del arancel de ambulancias de Medicare (nacional, rural: +{m['p']}% por "
                f"cada una de las primeras {m['n']} millas, antes del ajuste geográfico{unconfirmed})")
    return None
