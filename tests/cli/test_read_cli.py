"""`billadvocate read` and `billadvocate audit` with EOBs, as a user runs them."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, ROOT, shared
from tests.ingest.samples import itemized_pdf, notice_pdf

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
BILL = EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv"


def test_read_a_bill_as_json(cli):
    r = cli("read", BILL, "--json")
    assert r.code == 0 and r.err == ""
    data = r.json()
    assert data["kind"] == "bill" and len(data["lines"]) == 15 and data["total_charges"] == 6296.0
    assert data["stated_total"] == 6296.0 and data["payments"] == 1466.0


def test_read_an_835_shows_claims_and_meanings(cli):
    r = cli("read", FIXTURES / "secondary-payment.835")
    assert r.code == 0
    assert "Claim 0001000053" in r.out and "deductible" in r.out and "you owe $220.00" in r.out


def test_read_an_835_as_json(cli):
    data = cli("read", FIXTURES / "managed-care.835", "--json").json()
    assert data["kind"] == "eob" and data["totals"]["patient_responsibility"] == 900.0
    assert data["claims"][1]["lines"][0]["adjustments"][1]["group"] == "CO"


def test_read_with_a_forced_format(cli, tmp_path):
    path = tmp_path / "remit.txt"
    path.write_bytes((FIXTURES / "managed-care.835").read_bytes())
    assert cli("read", path, "--format", "x12-835", "--json").json()["format"] == "x12-835"


@pytest.mark.parametrize("content,words", [
    ("", "the file is empty"),
    ("ISA*00*          *00*          *ZZ*S              *ZZ*R              *240101*1200*^*00501*000000001*0*P*:~GS*HP~ST*835*1~",
     "truncated X12 interchange"),
    ('{"resourceType": "Patient"}', "not an ExplanationOfBenefit"),
    ("ID,CLAIMID,CHARGEID\nt1,C1,0\n", "line 1: missing column PATIENTID, TYPE"),  # Synthea claims_transactions
    ("Id,PATIENTID,PROVIDERID,SERVICEDATE,STATUS1,STATUS2,STATUSP,OUTSTANDING1,OUTSTANDING2,OUTSTANDINGP\n"
     "C1,P1,DR,2024-03-01T10:00:00Z,CLOSED,,CLOSED,0,,ten\n", "line 2, column OUTSTANDINGP: 'ten' is not an amount"),
])
def test_bad_input_is_one_line_and_exit_2(cli, tmp_path, content, words):
    path = tmp_path / "doc.txt"
    path.write_text(content)
    r = cli("read", path, "--json")
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and words in r.err and str(path) in r.err


def test_audit_an_eob_on_its_own(cli):
    r = cli("audit", "--eob", FIXTURES / "managed-care.835", "--json")
    assert r.code == 0
    data = r.json()
    assert data["lines"] == [] and data["eobs"][0]["totals"]["paid"] == 945.0


def test_audit_a_bill_with_its_eob_matches_lines(cli):
    data = cli("audit", FIXTURES / "demo.example1.837", "--eob", FIXTURES / "eob-export.csv", "--json").json()
    assert len(data["lines"]) == 4 and data["eob_match"]["unmatched_bill_lines"] == [1, 2, 3, 4]


def test_audit_takes_an_eob_among_the_files(cli):
    data = cli("audit", BILL, FIXTURES / "eob-export.csv", "--json").json()
    assert len(data["lines"]) == 15 and len(data["eobs"]) == 1
    matched = {m["bill_line"]: m["eob_line"] for m in data["eob_match"]["lines"]}
    assert matched[1] == 1 and matched[2] in (2, 3)


def test_audit_needs_a_file(cli):
    r = cli("audit")
    assert r.code == 2 and "at least one" in r.err


def test_no_progress_bar_under_json(cli):
    r = cli("read", FIXTURES / "duplicate-billing.pdf", "--json")
    assert r.code == 0 and r.err == ""


def test_an_eob_alone_is_audited_for_denials(cli):
    data = cli("audit", "--eob", FIXTURES / "eob-export.csv", "--json").json()
    denied = [f for f in data["findings"] if f["rule"] == "EOB.DENIED"]
    assert len(denied) == 2 and any("C-1002" in f["message"] and "PR-96" in f["message"] for f in denied)


def test_read_a_validation_notice(cli):
    path = shared("debt_collection", "cfpb_model_validation_notice", "cfpb_debt-collection_model-validation-notice_es.pdf")
    data = cli("read", path, "--json").json()
    assert data["kind"] == "validation_notice" and data["language"] == "es" and data["adds_up"] is True
    vn = data["collector"]["validation_notice"]
    assert data["collector"]["name"] == "North South Group"
    assert (vn["itemization_amount"], vn["interest"], vn["fees"], vn["payments"], vn["amount"]) == (
        2234.56, 75.0, 25.0, 50.0, 2284.56)
    assert vn["dispute_by"] == "2020-08-28" and vn["creditor"] == "Bank of Rockville" and data["missing"] == []
    r = cli("read", path, "--format", "validation-notice")
    assert r.code == 0 and "Arithmetic:" in r.out and "Bank of Rockville" in r.out


def test_a_bill_pdf_forced_as_a_notice_is_one_line(cli, tmp_path):
    itemized_pdf(tmp_path / "bill.pdf", pages=1, rows_per_page=3)
    r = cli("read", tmp_path / "bill.pdf", "--format", "validation-notice")
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1 and "not a debt collector's validation notice" in r.err


def test_read_a_notice_that_leaves_things_out(cli, tmp_path):
    path = notice_pdf(tmp_path / "n.pdf", ["Acme Recovery is a debt collector. We are trying to collect a debt that "
                                            "you owe to City Hospital.", "Total amount of the debt now:  $ 1,000.00"])
    r = cli("read", path)
    assert r.code == 0 and "Not found on the notice: the itemization date (12 CFR 1006.34(c)(2)(vi))" in r.out
    assert cli("read", path, "--json").json()["missing"][0] == "the debt collector's mailing address (12 CFR 1006.34(c)(2)(i))"


def test_read_names_the_hospital_the_printed_bill_names(cli):
    r = cli("read", shared("sample_bills", "er-visit-with-cpt.pdf"))
    assert r.code == 0 and "itemized bill (pdf) from Valley General Hospital, 4 lines" in " ".join(r.out.split())
    assert cli("read", shared("sample_bills", "er-visit-with-cpt.pdf"), "--json").json()["provider_name"] == "Valley General Hospital"


def test_audit_of_an_eob_that_states_only_balances_never_says_you_owe_nothing(cli):
    # Synthea's claims.csv: no amounts billed or paid, only what is still unpaid ($42.28 by the patient)
    r = cli("audit", shared("synthea", "jijones12_ma10", "csv", "claims.csv"))
    assert r.code == 0, r.err
    out = " ".join(r.out.split())
    assert "you owe $0.00" not in out and "no amounts billed or paid stated" in out
    assert "still unpaid by you, as the document states: $42.28" in out
