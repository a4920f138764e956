"""The negotiation's fair price uses the same wage-adjusted OPPS amount as the audit when the case names
the hospital (its CCN): the uninsured example's bill, as a hospital outpatient department's (the example
itself is a freestanding imaging center, priced by the physician fee schedule), its MRI priced for Denver,
the value computed here from the shipped rows."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb

from billadvocate.casefile import load_case
from billadvocate.law import law
from billadvocate.negotiate.fair import MEDICARE_MULTIPLE
from billadvocate.reference.store import SHIPPED_DIR
from billadvocate.review import review_case

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "uninsured-outpatient" / "case.yaml"
CENT = Decimal("0.01")


def _one(sql: str):
    (row,) = duckdb.sql(sql).fetchall()
    return row


def _review(ccn: str | None, setting: str = "outpatient"):
    case = load_case(EXAMPLE)
    case.accounts[0].provider.ccn = ccn
    case.accounts[0].care.setting = setting
    (account,) = review_case(case).accounts
    return account


def test_the_fair_amount_prices_the_outpatient_line_at_the_hospitals_wage_adjusted_payment():
    national = _review(None)
    denver = _review("060011")  # a Denver County hospital
    cbsa, area = _one(f"SELECT cbsa, area FROM read_parquet('{SHIPPED_DIR}/hospital_cbsa-2025-01-01.parquet') "
                      "WHERE ccn = '060011'")
    (wage_index,) = _one(f"SELECT wage_index FROM read_parquet('{SHIPPED_DIR}/opps_wage_index-2025-01-01.parquet') "
                         f"WHERE cbsa = '{cbsa}'")
    before = national.audit.benchmarks[1]
    assert "(national, unadjusted)" in before["yardstick"]
    share = Decimal(law().value("federal.cms_opps.labor_related_share", national.audit.lines[0].date)) / 100
    rate = Decimal(str(before["medicare"]))
    adjusted = (rate * (share * Decimal(str(wage_index)) + 1 - share)).quantize(CENT, ROUND_HALF_UP)
    after = denver.audit.benchmarks[1]
    assert Decimal(str(after["medicare"])) == adjusted and f"CBSA {cbsa} {area}" in after["yardstick"]
    # the other lines' yardsticks (lab, drug) do not depend on the hospital's area
    assert {n: b["medicare"] for n, b in denver.audit.benchmarks.items() if n != 1} == \
           {n: b["medicare"] for n, b in national.audit.benchmarks.items() if n != 1}
    line_1 = lambda m: (m * MEDICARE_MULTIPLE).quantize(CENT, ROUND_HALF_UP)  # noqa: E731
    want = Decimal(str(national.offer["fair_amount"])) - line_1(rate) + line_1(adjusted)
    assert Decimal(str(denver.offer["fair_amount"])) == want


def test_a_ccn_does_not_make_a_freestanding_center_a_hospital_outpatient_department():
    # the example as written (setting professional): the hospital's area has nothing to adjust
    national, denver = _review(None, "professional"), _review("060011", "professional")
    assert "Physician Fee Schedule" in national.audit.benchmarks[1]["yardstick"]
    assert denver.audit.benchmarks == national.audit.benchmarks
    assert denver.offer["fair_amount"] == national.offer["fair_amount"]
