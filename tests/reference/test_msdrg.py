"""The MS-DRG weights (IPPS Table 5 as CMS's IPPS Pricer holds them): the shipped FY 2026 release,
`data import msdrg`, and the readers of both CMS layouts. Fixture rows are the pricer's own
drgstable-2026.csv (DSACMS/MedicareClaimsPricerSource @2255c69f)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from billadvocate.errors import BadInput
from billadvocate.reference.importer import import_release, status
from billadvocate.reference.ipps_files import fiscal_year, read_msdrg
from billadvocate.reference.store import SHIPPED_DIR

FIXTURES = Path(__file__).parent / "fixtures"
PRICER = FIXTURES / "drgstable-2026.csv"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    return tmp_path


def weights(table):
    d = table.to_pydict()
    return dict(zip(d["drg"], d["weight"]))


def test_the_shipped_fy2026_weights_match_the_known_anchors():
    w = weights(pq.read_table(SHIPPED_DIR / "msdrg-2025-10-01.parquet"))
    assert len(w) == 772
    assert 26 <= w["001"] <= 29 and w["001"] == 28.0239  # heart transplant with MCC
    assert w["871"] == 1.9425 and w["872"] == 1.0233  # sepsis with / without MCC
    assert w["470"] == 1.9289  # major hip and knee joint replacement
    assert w["927"] == 21.3505  # the 10% cap applied (Table 5's uncapped weight is 18.4302)
    assert w["998"] == 0.0 and w["999"] == 0.0  # ungroupable: no price


def test_the_shipped_releases_cover_fiscal_years_2025_and_2026(home):
    rel = sorted((s for s in status(date(2026, 3, 1)) if s["table"] == "msdrg"), key=lambda s: s["effective_from"])
    assert [(s["effective_from"], s["effective_to"], s["rows"]) for s in rel] == [
        ("2024-10-01", "2025-09-30", 773), ("2025-10-01", "2026-09-30", 772)]
    assert all("MedicareClaimsPricerSource" in s["source"] for s in rel)


def test_the_shipped_fy2025_weights_match_the_anchors_and_the_fy2026_changes():
    w25 = weights(pq.read_table(SHIPPED_DIR / "msdrg-2024-10-01.parquet"))
    w26 = weights(pq.read_table(SHIPPED_DIR / "msdrg-2025-10-01.parquet"))
    assert w25["001"] == 28.1683 and w25["871"] == 1.9621 and w25["470"] == 1.8855
    # the FY 2026 final rule deleted these MS-DRGs and created those
    assert set(w25) - set(w26) == {"077", "078", "079", "294", "295", "509"}
    assert set(w26) - set(w25) == {"209", "213", "318", "359", "360"}


def test_the_pricer_layout_reads_weights_los_and_the_fiscal_year():
    table, start, end = read_msdrg(PRICER)
    assert (start, end) == (date(2025, 10, 1), date(2026, 9, 30))
    assert table.column_names == ["drg", "weight", "gmlos"]
    assert weights(table)["871"] == 1.9425 and table.to_pydict()["gmlos"][2] == 4.8


def test_the_table_5_layout_reads_the_capped_weight_and_the_year_from_the_name(tmp_path):
    f = tmp_path / "FY2026 Table 5.txt"
    f.write_text("TABLE 5.--LIST OF MS-DRGS, RELATIVE WEIGHTING FACTORS, AND MEAN LENGTH OF STAY\n"
                 "MS-DRG\tPost-Acute DRG\tSpecial Pay DRG\tMDC\tTYPE\tMS-DRG Title\tWeights\t"
                 "Weights - 10% Cap Applied\tGeometric mean LOS\tArithmetic mean LOS\n"
                 "871\tYes\tNo\t18\tMED\tSEPTICEMIA OR SEVERE SEPSIS WITHOUT MV >96 HOURS WITH MCC\t1.9425\t1.9425\t4.8\t6.4\n"
                 "927\tNo\tNo\t22\tSURG\tEXTENSIVE BURNS\t18.4302\t21.3505\t24.0\t32.1\n"
                 "* Footnote: weights recalibrated\t\t\n", encoding="utf-8")
    table, start, end = read_msdrg(f)
    assert weights(table) == {"871": 1.9425, "927": 21.3505}
    assert (start, end) == (date(2025, 10, 1), date(2026, 9, 30))


def test_an_imported_release_applies_to_its_fiscal_year(home):
    (r,) = import_release("msdrg", PRICER)
    assert (r.table, r.effective_from, r.effective_to, r.rows, r.origin) == (
        "msdrg", date(2025, 10, 1), date(2026, 9, 30), 5, "imported")


def test_a_row_that_is_not_a_drg_is_refused_with_its_line(tmp_path):
    f = tmp_path / "drgstable-2026.csv"
    f.write_text(PRICER.read_text().replace("872,20251001", "87X,20251001"), encoding="utf-8")
    with pytest.raises(BadInput, match=r"line 5.*'87X' is not an MS-DRG"):
        read_msdrg(f)


def test_a_file_without_weights_is_refused(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("code,charge\n99284,10\n", encoding="utf-8")
    with pytest.raises(BadInput, match="no header row with MS-DRG and Weights"):
        read_msdrg(f)


def test_the_fiscal_year_runs_october_to_september():
    assert fiscal_year(date(2025, 10, 1)) == (date(2025, 10, 1), date(2026, 9, 30))
    assert fiscal_year(date(2026, 9, 30)) == (date(2025, 10, 1), date(2026, 9, 30))
