"""A price finding in Spanish says what the English says, with the same figures: the line, its code, the
charge, how many times the yardstick it is, which yardstick (for a hospital outpatient line priced for
the hospital's area, the CBSA, its name and the wage index, 29a4e13) and its amount, with no English
left; a yardstick the Spanish does not know adds nothing rather than English."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from billadvocate.report import spanish
from tests.audit.support import audit, line

from .test_spanish_texts import ENGLISH

D = date(2025, 3, 2)  # inside the shipped CY 2025 OPPS and wage index releases
ER = dict(code="99284", d=D, charge="1320.00", rev="0450", desc="ER VISIT LEVEL 4")
LEFT = re.compile(r"outpatient|hospital payment|wage index|is billed|national|unadjusted|Schedule|Line \d", re.I)


def _price(result):
    (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    return f, spanish.finding(f, "audit")


def _figures(message: str) -> list[str]:
    return re.findall(r"\$[\d,]+\.\d\d|\d+\.\d+x|\b\d{4,5}\b|\b\d\.\d{4}\b", message)


def test_a_wage_adjusted_outpatient_price_finding_reads_in_spanish_with_its_area_and_index():
    f, es = _price(audit(line(1, **ER), facts={"provider_ccn": "450015"}))
    assert "in CBSA 19124 Dallas-Plano-Irving, TX (CY 2025 wage index" in f.message
    ratio, medicare = re.search(r"([\d.]+)x .* \((\$[\d,.]+)\)$", f.message).groups()
    index = re.search(r"wage index (\d\.\d{4})", f.message).group(1)
    assert es["explanation"].startswith(
        f"Línea 1 (99284): se cobra $1,320.00, {ratio} veces el pago de Medicare a un hospital por atención "
        f"ambulatoria del APC 5024 en el área CBSA 19124 Dallas-Plano-Irving, TX (índice de salarios del año 2025: "
        f"{index}), {medicare}. "), es["explanation"]
    assert es["title"] == spanish.rule_table("audit")["BILL.PRICE_OUTLIER"]["title"]
    for figure in _figures(f.message):
        assert figure.rstrip("x") in es["explanation"], figure
    assert not ENGLISH.search(es["explanation"]) and not LEFT.search(es["explanation"]), es["explanation"]


def test_an_unplaced_hospitals_price_finding_says_in_spanish_the_amount_is_national():
    for facts in ({}, {"provider_ccn": "070021"}):  # no hospital; a Connecticut hospital with no wage area
        f, es = _price(audit(line(1, **ER), facts=facts))
        assert "(national, unadjusted)" in f.message
        assert "del APC 5024 (nacional, sin ajustar a la zona del hospital)" in es["explanation"], es["explanation"]
        assert not ENGLISH.search(es["explanation"]) and not LEFT.search(es["explanation"]), es["explanation"]


def test_every_yardstick_of_a_price_finding_reads_in_spanish():
    lab = line(1, "80053", d=D, charge="900.00", rev="0301", desc="METABOLIC PANEL")
    office = line(1, "99214", d=D, charge="2000.00", desc="OFFICE VISIT")
    drug = line(1, "J2405", d=D, charge="500.00", desc="ONDANSETRON INJ")
    walker = line(1, "E0114", d=D, charge="5000.00", desc="CRUTCHES")
    for bill, facts, words in (
            ((lab,), {}, "el límite nacional de la tabla de tarifas de laboratorio clínico de Medicare"),
            ((office,), {"state": "TX", "setting": "professional"},
             "el monto nacional de la tabla de tarifas de médicos de Medicare, $"),
            ((office,), {"state": "IA", "setting": "professional"},
             "el monto de la tabla de tarifas de médicos de Medicare (IOWA), $"),
            ((drug,), {"setting": "outpatient"},
             "veces el límite de pago de Medicare Parte B para el medicamento (ASP) por 1 mg, $"),
            ((walker,), {"state": "CA"}, "la tabla de tarifas de Medicare para equipo médico y suministros (DMEPOS) de CA, $")):
        f, es = _price(audit(*bill, facts=facts))
        assert words in es["explanation"], (f.message, es["explanation"])
        for figure in _figures(f.message):
            assert figure.rstrip("x") in es["explanation"], figure
        assert not ENGLISH.search(es["explanation"]) and not LEFT.search(es["explanation"]), es["explanation"]


def test_an_unknown_yardstick_adds_no_english():
    f, _ = _price(audit(line(1, **ER), facts={"provider_ccn": "450015"}))
    odd = f.model_copy(update={"message": f.message.replace("the Medicare outpatient hospital payment", "a new scale")})
    es = spanish.finding(odd, "audit")
    assert es["explanation"] == spanish.rule_table("audit")["BILL.PRICE_OUTLIER"]["explanation"].strip()


def test_the_spanish_report_of_a_case_with_a_known_hospital_names_its_area_in_spanish():
    import html

    from billadvocate.casefile import load_case
    from billadvocate.report import render_html
    from billadvocate.review import review_case

    case = load_case(Path(__file__).resolve().parents[2] / "examples" / "uninsured-outpatient" / "case.yaml")
    case.patient.language = "es"
    case.accounts[0].provider.ccn = "450015"
    case.accounts[0].care.setting = "outpatient"  # as a hospital's outpatient department (the example is a freestanding center)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", render_html(review_case(case), lang="es"))).split())
    assert "en el área CBSA 19124 Dallas-Plano-Irving, TX (índice de salarios del año 2025:" in text
    assert "the Medicare outpatient hospital payment" not in text and "wage index 0." not in text
