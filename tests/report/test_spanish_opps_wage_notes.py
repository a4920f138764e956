"""The audit's notes on a hospital outpatient line priced for the hospital's area (audit/opps_wage.py)
in Spanish: the area and its wage index, the year of the wage index that priced a later line, or why
the amounts stay national. Each note is the audit's own (a real bill priced against the shipped
tables); its CCN, CBSA, area, share, years and citation are kept and no English is left."""

from __future__ import annotations

import re
from datetime import date

import pytest

from billadvocate.report.spanish_account import sentence

from ..audit.support import audit, line
from .test_spanish_account import ENGLISH

D = date(2025, 3, 2)  # inside the shipped CY 2025 OPPS and wage index releases
LATER = date(2026, 3, 2)  # after it: priced with the CY 2025 wage index
ER = dict(code="99284", charge="1320.00", rev="0450")


def _wage_notes(lines, ccn: str) -> list[str]:
    notes = audit(*lines, facts={"provider_ccn": ccn}).notes
    return [n for n in notes if "outpatient hospital" in n or "wage index" in n]


def _es(note: str) -> str:
    es = sentence(note)
    assert es is not None, note
    assert not ENGLISH.findall(es), es
    for figure in re.findall(r"\d[\d.]*%?", note):
        assert figure.rstrip(".") in es, (figure, es)
    return es


@pytest.mark.parametrize("lines,ccn,count", [
    ([line(1, d=D, **ER)], "450015", 1),  # priced for the hospital's area
    ([line(1, d=LATER, **ER)], "450015", 2),  # and a line of a year with no wage index yet
    ([line(1, d=LATER, **ER), line(2, "99283", d=LATER, charge="900.00", rev="0450")], "450015", 2),  # two lines
    ([line(1, d=D, **ER)], "999999", 1),  # a hospital not in the CMS list
    ([line(1, d=D, **ER)], "070021", 1),  # a hospital without a wage area
], ids=["area", "later-year", "two-lines", "unknown-hospital", "no-wage-area"])
def test_the_audit_s_wage_notes_read_in_spanish(lines, ccn, count):
    notes = _wage_notes(lines, ccn)
    assert len(notes) == count, notes
    for note in notes:
        assert ccn in _es(note) or "wage index is installed" in note


def test_a_cbsa_without_a_wage_index_on_the_lines_dates_reads_in_spanish():
    # audit/opps_wage.adjust's note when the area has no wage index for the lines' dates
    assert _es("Medicare outpatient hospital amounts are national, unadjusted: no wage index for CBSA 24540 on the "
               "lines' dates.").endswith("no hay índice de salarios para el CBSA 24540 en las fechas de las líneas.")
