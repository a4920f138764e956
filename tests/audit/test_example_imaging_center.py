"""The uninsured example is a freestanding imaging center's bill: not a hospital outpatient department, so its
MRI is compared with the Medicare Physician Fee Schedule's non-facility, global amount for the patient's
locality (what Medicare pays such a center), never with the hospital outpatient (OPPS) payment. The value is
computed here from the shipped rows: [(work RVU x GPCI) + (non-facility PE RVU x GPCI) + (MP RVU x GPCI)] x CF
(42 CFR 414.20)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pytest

from billadvocate.casefile import load_case
from billadvocate.law import law
from billadvocate.reference.store import SHIPPED_DIR
from billadvocate.review import review_case
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "uninsured-outpatient" / "case.yaml"
CENT = Decimal("0.01")


def _review(case):
    (account,) = review_case(case).accounts
    return account


@pytest.fixture(scope="module")
def example():
    return _review(load_case(EXAMPLE))


def _pfs_nonfacility_global(code: str, state: str, day) -> Decimal:
    (rvu,) = duckdb.sql(f"SELECT work_rvu, pe_nonfacility_rvu, mp_rvu FROM read_parquet('{SHIPPED_DIR}/pfs_rvu-*.parquet') "
                        f"WHERE hcpcs = '{code}' AND modifier IS NULL").fetchall()  # global: no 26 or TC
    (gpci,) = duckdb.sql(f"SELECT gpci_work, gpci_pe, gpci_mp FROM read_parquet('{SHIPPED_DIR}/gpci-*.parquet') "
                         f"WHERE state = '{state}'").fetchall()  # Colorado is one locality
    cf = Decimal(str(law().value("federal.cms_pfs.conversion_factor", day)))
    rvus = sum(Decimal(str(r)) * Decimal(str(g)) for r, g in zip(rvu, gpci))
    return (rvus * cf).quantize(CENT, ROUND_HALF_UP)


def test_the_mri_is_priced_at_the_physician_fee_schedule_non_facility_global_amount(example):
    mri = example.audit.lines[0]
    assert mri.code == "72148" and not mri.modifiers
    bench = example.audit.benchmarks[1]
    assert bench["yardstick"] == "the Medicare Physician Fee Schedule amount (COLORADO)", bench
    assert Decimal(str(bench["medicare"])) == _pfs_nonfacility_global("72148", "CO", mri.date)
    prices = [f.message for f in example.audit.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert any("(72148)" in m and "Physician Fee Schedule amount (COLORADO)" in m for m in prices)
    assert not any("outpatient hospital payment" in m for m in prices)


def test_the_setting_read_from_the_bill_alone_is_the_same(example):
    case = load_case(EXAMPLE)
    case.accounts[0].care.setting = None
    inferred = _review(case)
    assert any(n.startswith("Setting: professional, read from the bill (CPT/HCPCS lines without revenue codes, "
                            "from Front Range Imaging Center, not a hospital") for n in inferred.audit.notes)
    assert inferred.audit.benchmarks == example.audit.benchmarks
    assert [(f.rule, f.lines, f.amount) for f in inferred.audit.findings] == \
           [(f.rule, f.lines, f.amount) for f in example.audit.findings]
