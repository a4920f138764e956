"""An ambulance finding rests on an unconfirmed conversion factor or mileage rate: the finding is marked
unconfirmed, cites the value (law/unconfirmed.py says what was searched) and its message says so, in English
and in Spanish."""

from __future__ import annotations

from billadvocate.law import law
from billadvocate.law.unconfirmed import explain
from billadvocate.report.spanish import finding as finding_es

from .support import audit, line
from .test_yardstick_ambulance import D26, HOSPITAL, price_lines


def test_the_unconfirmed_conversion_factor_reaches_the_finding_in_english_and_spanish():
    assert law().at("federal.cms_ambulance.ground_conversion_factor", D26).unconfirmed
    result = audit(line(1, "A0427", d=D26, charge="2400.00", rev="0540"),
                   line(2, "A0425", d=D26, units=10, charge="700.00", rev="0540"), facts=HOSPITAL)
    f1, f2 = sorted(price_lines(result), key=lambda f: f.lines)
    assert f1.unconfirmed and f2.unconfirmed
    assert "its CY 2026 conversion factor is unconfirmed" in f1.message
    assert "its CY 2026 mileage rate is unconfirmed" in f2.message
    cf = law().at("federal.cms_ambulance.ground_conversion_factor", D26)
    assert cf.citations[0] in f1.citations
    assert "Ground ambulance conversion factor" in explain(f1.citations) and "Not found in CMS text" in explain(f1.citations)
    es1, es2 = finding_es(f1, "audit")["explanation"], finding_es(f2, "audit")["explanation"]
    assert "soporte vital avanzado, nivel 1, de emergencia" in es1
    assert "el factor de conversión del año 2026 no está confirmado" in es1
    assert "la tarifa por milla del año 2026 no está confirmada" in es2


def test_an_ambulance_price_finding_in_spanish_keeps_every_figure_and_leaves_no_english():
    import re

    from tests.report.test_spanish_price_findings import LEFT, _figures
    from tests.report.test_spanish_texts import ENGLISH

    result = audit(line(1, "A0434", d=D26, charge="9000.00", rev="0540", desc="SPECIALTY CARE TRANSPORT"),
                   line(2, "A0425", d=D26, units=30, charge="2000.00", rev="0540", desc="GROUND MILEAGE"), facts=HOSPITAL)
    for f in price_lines(result):
        es = finding_es(f, "audit")["explanation"]
        assert es.startswith(f"Línea {f.lines[0]} (A04"), es
        for figure in _figures(f.message):
            assert figure.rstrip("x") in es, figure
        assert re.search(r"no está confirmad[oa]", es)
        assert not ENGLISH.search(es) and not LEFT.search(es), es


def test_a_cash_price_finding_on_an_ambulance_line_rests_on_no_ambulance_rate(tmp_path, monkeypatch):
    """A self-pay patient charged above the hospital's own cash price: the message compares with that price, so
    the year's (unconfirmed) conversion factor is neither cited nor flagged."""
    from datetime import date
    from decimal import Decimal

    from billadvocate.audit import audit_bills
    from billadvocate.model import Bill, Line
    from billadvocate.reference.importer import import_release
    from tests.conftest import shared

    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    example = shared("price_transparency", "v3", "V3.0.0_Tall_CSV_Format_Example.csv").read_text(encoding="utf-8")
    mrf = tmp_path / "west-mercy.csv"
    mrf.write_text(example.rstrip("\n") + "\nAmbulance ALS emergency,0540,RC,A0427,HCPCS,outpatient,,,900,700,,,,,,,,,,,,,,\n",
                   encoding="utf-8")
    import_release("prices", mrf)
    ride = date(2026, 5, 1)
    bill = Bill(source="b", lines=[Line(line=1, date=ride, code="A0427", revenue_code="0540", charge=Decimal("3000"))])
    facts = {"setting": "outpatient", "insurance_status": "uninsured", "provider_name": "West Mercy Hospital"}
    result = audit_bills([bill], facts=facts, as_of=date(2026, 11, 28))
    b = result.benchmarks[1]
    assert b["cash_price"] == 700.0 and 3000 > 3 * b["medicare"]  # over both yardsticks: the cash price speaks
    (f,) = price_lines(result)
    assert "cash price of $700.00" in f.message and not f.unconfirmed
    assert law().at("federal.cms_ambulance.ground_conversion_factor", ride).citations[0] not in f.citations
