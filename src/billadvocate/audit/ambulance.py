"""The Medicare ambulance fee schedule as a small table the price yardstick joins: `ambulance_rates`.

Where the patient's locality is known and CMS's Ambulance Fee Schedule file of the ride's calendar year is
imported (`billadvocate data import ambulance FILE`, reference/ambulance_files.py), the yardstick takes that
file's rates for the locality instead (audit/benchmarks_sql.py `amb_local`: the highest of its urban, rural and
super-rural rates; CMS's own amounts, so not unconfirmed). Otherwise, the national rates below.

From the law (federal.cms_ambulance), one row per ground code and period of its rates:
- a level of service (A0426-A0429, A0432-A0434): the national base rate, RVUs x the conversion factor of the
  ride's calendar year (42 CFR 414.610(c)(1)), at the highest rural rate: with the rural increase (+3%) and
  the super-rural base increase (+22.6%);
- ground mileage (A0425): the rate per loaded statute mile with the rural increase, and the rural rate for
  each of the first 17 miles (+50%, 414.610(c)(5)(i)).
Whether the pickup was rural is not known from a bill, so the higher (rural) figure is taken wherever urban
and rural differ: a higher yardstick can only understate how far a charge is above Medicare's, so the
urban/rural question never overstates the multiple (the finding holds up). The geographic adjustment (the PE
GPCI on 70% of a base rate, 414.610(c)(4)) is not applied, as the pickup's locality is not known either: the
amounts are national, as the other yardsticks are when the locality is unknown, and their names say so. Where
the pickup's PE GPCI is above 1.0 its base rate is higher than the national one, by at most 30.45% (PE GPCI
1.435, the highest in the shipped CY 2024 GPCIs: 0.3 + 0.7 x 1.435 = 1.3045); the increases taken here
(1.03 x 1.226 = 1.263) still cover an urban pickup (1.02 x the GAF) wherever the PE GPCI is 1.34 or less, but
not a pickup in the costliest localities, where the multiple can be up to about 5% too high (1.331 / 1.263),
more for a rural pickup there. The ESRD dialysis reduction of a non-emergency BLS ride (414.610(c)(8), in the law
data) is not applied: a bill does not say the ride was for dialysis, and the unreduced rate is the higher. Air
ambulance has no national rates in the law data and is priced only from an imported file.

Each row's `name` is the yardstick's name in the finding; it says when the year's conversion factor or
mileage rate is unconfirmed (law/unconfirmed.py gives what was searched), so the patient sees it in the
message, in English and Spanish (report/spanish.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from ..law import law

LAW = "federal.cms_ambulance"
MILEAGE_CODE = "A0425"
AIR_CODES = ("A0430", "A0431", "A0435", "A0436")
# the level each HCPCS code bills (CMS's HCPCS Level II descriptors), in the finding's words
LEVELS = {
    "A0428": "basic life support, non-emergency",
    "A0429": "basic life support, emergency",
    "A0426": "advanced life support, level 1, non-emergency",
    "A0427": "advanced life support, level 1, emergency",
    "A0433": "advanced life support, level 2",
    "A0434": "specialty care transport",
    "A0432": "paramedic intercept",
}
CENTS = Decimal("0.01")
LAST_DAY = date(9999, 12, 31)


def _d(x) -> Decimal:
    return Decimal(str(x))


def cents(x: Decimal) -> Decimal:
    return x.quantize(CENTS, rounding=ROUND_HALF_UP)


def _windows(path: str) -> list[tuple[date, date, object]]:
    """(first day, last day, value) of each dated value of a law parameter; the last stays in force."""
    vs = law().parameter(path).values
    return [(v.start, vs[i + 1].start - timedelta(days=1) if i + 1 < len(vs) else LAST_DAY, v)
            for i, v in enumerate(vs)]


def _at(name: str, day: date):
    return law().at(f"{LAW}.{name}", day)


def _tail(what: str, day: date, unconfirmed: bool) -> str:
    return f"; its CY {day.year} {what} is unconfirmed" if unconfirmed else ""


def base_rate(code: str, day: date) -> Decimal:
    """The national base rate of a level on a day, at the highest rural rate: RVUs x CF x (1 + rural %) x
    (1 + super-rural %), to the cent."""
    rvu = _d(_at("relative_value_units", day).value[code])
    cf = _d(_at("ground_conversion_factor", day).value)
    rural = _d(_at("rural_increase_percent", day).value)
    super_rural = _d(_at("super_rural_base_increase_percent", day).value)
    return cents(rvu * cf * (1 + rural / 100) * (1 + super_rural / 100))


def mileage_rates(day: date) -> tuple[Decimal, Decimal, int]:
    """(the rural rate per mile, the rural rate for each of the first miles, how many first miles) on a day."""
    rate = _d(_at("ground_mileage_rate", day).value)
    rural = _d(_at("rural_increase_percent", day).value)
    first = _at("rural_mileage_increase", day).value
    per_mile = cents(rate * (1 + rural / 100))
    return per_mile, cents(per_mile * (1 + _d(first["percent"]) / 100)), int(first["first_miles"])


def mileage_amount(miles: Decimal, day: date) -> Decimal:
    """Medicare's rural amount for a ride of `miles` loaded miles: the first miles at the higher rate."""
    per_mile, first_rate, first_miles = mileage_rates(day)
    miles = _d(miles)
    return cents(first_rate * min(miles, first_miles) + per_mile * max(miles - first_miles, 0))


def rows() -> list[tuple]:
    """(hcpcs, applies_from, applies_to, unit_rate, first_miles_rate, first_miles, name) for each code and
    period: a level's base rate changes with the conversion factor, mileage with the mileage rate."""
    out = []
    for start, end, v in _windows(f"{LAW}.ground_conversion_factor"):
        for code, level in LEVELS.items():
            name = (f"the Medicare ambulance fee schedule base rate for {level} (national, at the highest rural "
                    f"rate, before geographic adjustment{_tail('conversion factor', start, v.unconfirmed)})")
            out.append((code, start, end, base_rate(code, start), None, None, name))
    for start, end, v in _windows(f"{LAW}.ground_mileage_rate"):
        per_mile, first_rate, first_miles = mileage_rates(start)
        percent = _at("rural_mileage_increase", start).value["percent"]
        name = (f"the Medicare ambulance fee schedule ground mileage rate (national, rural: +{percent}% for each of "
                f"the first {first_miles} miles, before geographic adjustment"
                f"{_tail('mileage rate', start, v.unconfirmed)})")
        out.append((MILEAGE_CODE, start, end, per_mile, first_rate, first_miles, name))
    return out


def _literal(x) -> str:
    if x is None:
        return "NULL"
    if isinstance(x, date):
        return f"DATE '{x.isoformat()}'"
    if isinstance(x, Decimal):
        return f"CAST({x} AS DOUBLE)"
    if isinstance(x, int):
        return str(x)
    return "'" + str(x).replace("'", "''") + "'"


def ambulance_rates_sql() -> str:
    """The `ambulance_rates` table as one SELECT over VALUES (no reference file: the rates are law data)."""
    values = ", ".join("(" + ", ".join(_literal(x) for x in r) + ")" for r in rows())
    return ("SELECT CAST(hcpcs AS VARCHAR) AS hcpcs, CAST(applies_from AS DATE) AS applies_from, "
            "CAST(applies_to AS DATE) AS applies_to, CAST(unit_rate AS DOUBLE) AS unit_rate, "
            "CAST(first_miles_rate AS DOUBLE) AS first_miles_rate, CAST(first_miles AS INTEGER) AS first_miles, "
            "CAST(name AS VARCHAR) AS name "
            f"FROM (VALUES {values}) AS a(hcpcs, applies_from, applies_to, unit_rate, first_miles_rate, first_miles, name)")
