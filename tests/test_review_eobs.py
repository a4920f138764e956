"""review reads an account's eob: files and matches them to the bill (for the EOB.* audit rules)."""

from __future__ import annotations

import shutil
from decimal import Decimal

import yaml

from billadvocate.casefile import load_case
from billadvocate.review import review_case
from tests.conftest import EXAMPLES, ROOT


def test_review_reads_and_matches_the_eobs(tmp_path):
    src = EXAMPLES / "er-visit-nonprofit"
    shutil.copytree(src, tmp_path / "case")
    shutil.copy(ROOT / "tests" / "fixtures" / "ingest" / "eob-export.csv", tmp_path / "case" / "eob.csv")
    data = yaml.safe_load((tmp_path / "case" / "case.yaml").read_text())
    data["accounts"][0]["eob"] = ["eob.csv"]
    (tmp_path / "case" / "case.yaml").write_text(yaml.safe_dump(data))
    result = review_case(load_case(tmp_path / "case" / "case.yaml"))
    account = result.accounts[0]
    assert len(account.eobs) == 1 and account.eobs[0].total_patient_responsibility == Decimal("875.00")
    assert account.eob_match.for_bill_line(1).claim_id == "C-1001"
    out = account.to_json()
    assert out["eobs"][0]["patient_responsibility"] == 875.0 and out["eobs"][0]["denied_claims"] == ["C-1002"]
    assert out["eob_match"]["lines"][0]["bill_line"] == 1
