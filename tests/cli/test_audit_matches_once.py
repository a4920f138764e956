"""`audit BILL --eob EOB` pairs the bill and EOB lines once and passes the match on (the dates taken from the EOB,
the code notes, the EOB table the rules read, the JSON's eob_match and the text's count); it used to run the
matcher three times. The output is the one the three runs gave, recorded before the change (2026-12-06) on the
real scanned Sentara statement with its own remittance page, and on the ER example's bill with the EOB export:
the pairs, how each agrees (an undated line that took its EOB line's date agrees on the date), the bill's dates,
the notes and the EOB findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import shared

HERE = Path(__file__).resolve().parent
SENTARA = ("sample_bills", "Sample-Itemized-Billing-Statement-Sentara.pdf")


def _match_parts(data: dict, folder: str = "") -> dict:
    data = json.loads(json.dumps(data).replace(folder, "")) if folder else data  # where ../shared/data is
    return {"eob_match": data["eob_match"], "line_dates": {str(ln["line"]): ln["date"] for ln in data["lines"]},
            "read_notes": data["read_notes"],
            "eob_findings": [{k: f[k] for k in ("rule", "lines", "amount", "message")} for f in data["findings"]
                             if f["rule"].startswith("EOB.")]}


def test_the_er_bill_against_the_eob_export_is_matched_as_before(cli):
    expected = json.loads((HERE / "er_audit_eob_expected.json").read_text(encoding="utf-8"))
    # relative to the checkout (the CLI runs there), as the sources were recorded
    r = cli("audit", "examples/er-visit-nonprofit/bills/er-itemized.csv", "--eob",
            "tests/fixtures/ingest/eob-export.csv", "--json", "--as-of", "2026-12-01")
    assert r.code == 0, r.err
    assert _match_parts(r.json()) == expected
    assert len(expected["eob_match"]["lines"]) == 3


def test_the_real_sentara_statement_is_matched_as_before(cli):
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")
    path = shared(*SENTARA)
    expected = json.loads((HERE / "sentara_audit_eob_expected.json").read_text(encoding="utf-8"))
    args = ("audit", path, "--format", "pdf", "--eob", path, "--eob-format", "pdf-eob", "--as-of", "2026-12-01")
    r = cli(*args, "--json")
    assert r.code == 0, r.err
    got = _match_parts(r.json(), f"{path.parent}/")
    assert got == {k: v for k, v in expected.items() if k != "text_match_line"}
    # the lines whose blacked-out date was taken from the EOB line they match agree on it, as the third run said
    assert sum("date" in m["how"] for m in got["eob_match"]["lines"]) == 7
    text = cli(*args)
    assert text.code == 0, text.err
    assert [ln for ln in text.out.splitlines() if "matched to EOB lines" in ln] == expected["text_match_line"]
