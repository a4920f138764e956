"""Hospital price files: the CMS examples and the validator's good fixtures import; the bad ones are
refused with what is wrong; an imported price becomes the audit's benchmark."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.audit import audit_bills
from billadvocate.errors import BadInput
from billadvocate.model import Bill, Line
from billadvocate.reference.importer import import_release
from billadvocate.reference.prices import read_prices
from tests.conftest import shared

GOOD = ["v3/V3.0.0_Tall_CSV_Format_Example.csv", "v3/V3.0.0_Wide_CSV_Format_Example.csv",
        "v3/v3_json_format_example.json", "v2/V2.0.0_Tall_CSV_Format_Example.csv",
        "v2/V2.0.0_Wide_CSV_Format_Example.csv", "v2/V2.0.0_JSON_Format_Example.json",
        "hpt-validator-fixtures/sample-tall-valid.csv", "hpt-validator-fixtures/sample-wide-valid.csv",
        "hpt-validator-fixtures/sample-tall-mixed-line-endings.csv", "hpt-validator-fixtures/sample-valid.json",
        "hpt-validator-fixtures/sample-valid-bom.json", "hpt-validator-fixtures/3.0/sample-valid.json"]

BAD = [
    ("hpt-validator-fixtures/sample-bad-header.csv", "last_updated_on"),
    ("hpt-validator-fixtures/sample-bad-item-header.csv", "'description' is missing"),
    ("hpt-validator-fixtures/sample-blank-header.csv", "row 3: is blank"),
    ("hpt-validator-fixtures/sample-lots-of-errors.csv", "'MS-DRG A' is not a code type"),
    ("hpt-validator-fixtures/sample-no-data.csv", "no standard charges"),
    ("hpt-validator-fixtures/sample-wide-blank-headers.csv", "have no header"),
    ("hpt-validator-fixtures/sample-invalid.json", "not valid JSON"),
    ("hpt-validator-fixtures/sample-empty.json", "empty"),
    ("hpt-validator-fixtures/unexpected-version.json", "not a CMS template version"),
    ("hpt-validator-fixtures/3.0/sample-missing-median.json", "'median_amount' is a required property"),
    ("hpt-validator-fixtures/3.0/sample-modifier-invalid-setting.json", "'all' is not one of"),
    ("v3/V3.0.0_Tall_CSV_Format_Template.csv", "hospital_name: is blank"),
]


@pytest.mark.parametrize("name", GOOD)
def test_cms_examples_and_good_fixtures_read(name):
    table, meta = read_prices(shared("price_transparency", *name.split("/")))
    assert table.num_rows > 0 and meta["hospital_name"] == "West Mercy Hospital"
    assert meta["version"] in ("2.0.0", "3.0.0")


@pytest.mark.parametrize("name,words", BAD)
def test_bad_files_are_refused_saying_what_is_wrong(name, words):
    with pytest.raises(BadInput) as e:
        read_prices(shared("price_transparency", *name.split("/")))
    assert words in str(e.value)


def test_tall_wide_and_json_give_the_same_mri_prices():
    def mri(name):
        table, _ = read_prices(shared("price_transparency", "v3", name))
        rows = [r for r in table.to_pylist() if r["code"] == "70551"]
        return {(r["payer_name"].lower() if r["payer_name"] else None, r["negotiated_dollar"], r["discounted_cash"])
                for r in rows}
    tall = mri("V3.0.0_Tall_CSV_Format_Example.csv")
    assert tall == mri("V3.0.0_Wide_CSV_Format_Example.csv") == mri("v3_json_format_example.json")
    assert ("platform health insurance", 400.0, 1080.0) in tall


def test_the_import_is_refused_through_the_cli_in_one_line_and_writes_nothing(cli, tmp_path):
    bad = shared("price_transparency", "hpt-validator-fixtures", "sample-lots-of-errors.csv")
    r = cli("data", "import", "prices", bad, env={"BILLADVOCATE_HOME": str(tmp_path)})
    assert r.code == 2 and "MS-DRG A" in r.err and len(r.err.strip().splitlines()) == 1
    assert not (tmp_path / "reference").exists() or not list((tmp_path / "reference").glob("*.parquet"))


def test_an_imported_cash_price_is_the_benchmark_for_a_self_pay_patient(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    (r,) = import_release("prices", shared("price_transparency", "v3", "V3.0.0_Tall_CSV_Format_Example.csv"))
    assert r.extra["hospital_name"] == "West Mercy Hospital" and r.effective_from == date(2026, 4, 1)
    bill = Bill(source="b", lines=[Line(line=1, date=date(2026, 5, 1), code="70551", charge=Decimal("1500"))])
    facts = {"setting": "outpatient", "insurance_status": "uninsured", "provider_name": "West Mercy Hospital"}
    result = audit_bills([bill], facts=facts, as_of=date(2026, 11, 28))
    assert result.benchmarks[1]["cash_price"] == 1080.0 and result.benchmarks[1]["basis"] == "cash_price"
    (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert f.amount == Decimal("420.00") and "cash price" in f.message
    # an insured patient's plan rate: Platform Health Insurance PPO pays 400
    insured = {**facts, "insurance_status": "insured", "plan": "Platform Health PPO"}
    result = audit_bills([bill], facts=insured, as_of=date(2026, 11, 28))
    assert result.benchmarks[1]["negotiated"] == 400.0 and result.benchmarks[1]["basis"] == "negotiated"
