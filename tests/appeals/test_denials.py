"""Who must act on a denial, from its group and reason codes (CARC)."""

from __future__ import annotations

import pytest

from billadvocate.appeals.denials import denials, who_acts
from billadvocate.ingest import read_eob
from tests.conftest import ROOT


@pytest.mark.parametrize("group,code,who", [
    ("CO", "18", "provider"),   # duplicate: the provider's to write off
    ("CO", "50", "provider"),   # contractual: the in-network provider may not bill the patient
    ("PI", "16", "provider"),
    ("PR", "96", "patient"),    # not covered: the patient's to appeal
    ("PR", "50", "patient"),
    ("OA", "197", "patient"),   # no prior authorization
    ("PR", "22", "coordination"),  # another payer may be primary
    ("PR", "Z99", "unknown"),   # a code we do not know: never routed
    ("PR", None, "unknown"),
])
def test_who_acts(group, code, who):
    assert who_acts(group, code) == who


def test_the_real_export_s_denials(tmp_path):
    eob = read_eob(ROOT / "tests" / "fixtures" / "ingest" / "eob-export.csv")
    found = {d.claim_id: d for d in denials([eob])}
    assert found["C-1001"].who == "provider" and str(found["C-1001"].amount) == "45.00"  # one line of the claim
    assert found["C-1002"].who == "patient" and [r.to_json()["code"] for r in found["C-1002"].reasons] == ["PR-96"]


def test_a_denial_without_a_reason_code_is_unknown(tmp_path):
    text = (ROOT / "tests" / "fixtures" / "ingest" / "eob-export.csv").read_text()
    (tmp_path / "eob.csv").write_text(text.replace("Denied (not covered) PR-96", "Denied"))
    found = {d.claim_id: d for d in denials([read_eob(tmp_path / "eob.csv")])}
    assert found["C-1002"].who == "unknown"
