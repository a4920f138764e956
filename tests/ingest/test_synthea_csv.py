"""Synthea's CSV export: claims_transactions.csv as a bill and as an EOB, claims.csv as an EOB of statuses.

The expected numbers are worked out here from the CSV with the csv module, not taken from the reader."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import detect_format, read_bill, read_document, read_eob
from billadvocate.ingest.synthea_csv import read_claims_eob, read_ledger_bill, read_ledger_eob
from tests.conftest import shared

D = Decimal
CSV = ("synthea", "jijones12_ma10", "csv")


def _rows(name: str) -> list[dict]:
    with open(shared(*CSV, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _sum(rows, column) -> Decimal:
    return sum((D(r[column]) for r in rows if r[column]), D(0))


def test_both_files_are_detected_by_their_header(tmp_path):
    for name, fmt in (("claims_transactions.csv", "synthea-ledger"), ("claims.csv", "synthea-claims")):
        renamed = tmp_path / "export.txt"
        renamed.write_bytes(shared(*CSV, name).read_bytes())
        assert detect_format(renamed) == fmt


def test_the_ledger_read_as_a_bill():
    rows = _rows("claims_transactions.csv")
    charges = [r for r in rows if r["TYPE"] == "CHARGE"]
    payments = [r for r in rows if r["TYPE"] == "PAYMENT"]
    adjustments = [r for r in rows if r["TYPE"] == "ADJUSTMENT"]
    bill = read_document(shared(*CSV, "claims_transactions.csv"))
    assert bill.format == "synthea-ledger" and len(bill.lines) == len(charges) == 1579
    assert bill.total_charges == _sum(charges, "AMOUNT") == D("1219867.22")
    assert bill.payments == _sum(payments, "PAYMENTS") and bill.adjustments == _sum(adjustments, "ADJUSTMENTS")
    # every charge is settled in this run: what is unpaid is the charges less payments and adjustments
    assert bill.stated_balance == bill.total_charges - bill.payments - bill.adjustments == 0
    first = bill.lines[0]
    assert (first.code, first.charge, first.date, first.description) == (
        charges[0]["PROCEDURECODE"], D(charges[0]["AMOUNT"]), date.fromisoformat(charges[0]["FROMDATE"][:10]),
        charges[0]["NOTES"])
    assert any("SNOMED" in n for n in bill.notes) and any("11 patients" in n for n in bill.notes)


def test_the_ledger_read_as_an_eob_splits_insurer_and_patient():
    rows = _rows("claims_transactions.csv")
    charges = [r for r in rows if r["TYPE"] == "CHARGE"]
    # in this Synthea version insurers pay by ECHECK; copays, and the patient's rest by cash, check or card
    insurer = _sum([r for r in rows if r["TYPE"] == "PAYMENT" and r["METHOD"] == "ECHECK"], "PAYMENTS")
    copays = _sum([r for r in rows if r["TYPE"] == "PAYMENT" and r["METHOD"] == "COPAY"], "PAYMENTS")
    eob = read_eob(shared(*CSV, "claims_transactions.csv"))
    assert eob.format == "synthea-ledger-eob"
    assert (len(eob.claims), eob.line_count) == (len({r["CLAIMID"] for r in rows}), len(charges)) == (561, 1579)
    assert eob.total_billed == _sum(charges, "AMOUNT") and eob.total_paid == insurer == D("1020702.84")
    assert eob.total_patient_responsibility == eob.total_billed - insurer
    assert sum(c.copay for c in eob.claims) == copays and eob.total_patient_balance == 0


def test_a_claim_paid_by_two_insurers_and_the_patient():
    rows = _rows("claims_transactions.csv")
    per_claim = defaultdict(list)
    for r in rows:
        per_claim[r["CLAIMID"]].append(r)
    # a claim with one line that went to the secondary insurer (TRANSFERIN 2)
    claim_id = next(c for c, rs in per_claim.items() if sum(r["TYPE"] == "CHARGE" for r in rs) == 1
                    and any(r["TRANSFERTYPE"] == "2" for r in rs))
    ordered = sorted(per_claim[claim_id], key=lambda r: int(r["CHARGEID"]))
    insurer = sum((D(r["PAYMENTS"]) for r in ordered if r["TYPE"] == "PAYMENT" and r["METHOD"] == "ECHECK"), D(0))
    claim = next(c for c in read_eob(shared(*CSV, "claims_transactions.csv")).claims if c.claim_id == claim_id)
    assert claim.billed == D(ordered[0]["AMOUNT"]) and claim.paid == insurer
    assert claim.patient_responsibility == claim.billed - insurer


def test_claims_csv_reads_statuses_and_what_is_still_owed():
    rows = _rows("claims.csv")
    eob = read_document(shared(*CSV, "claims.csv"))
    assert eob.format == "synthea-claims" and len(eob.claims) == len(rows) == 561
    assert eob.total_patient_balance == _sum(rows, "OUTSTANDINGP") == D("42.28")
    billed = [r for r in rows if "BILLED" in (r["STATUS1"], r["STATUS2"], r["STATUSP"])]
    pending = [c for c in eob.claims if c.status == "pending"]
    assert [c.claim_id for c in pending] == [r["Id"] for r in billed]
    assert pending[0].insurer_balance == D(billed[0]["OUTSTANDING1"]) == D("169.10")
    assert "primary insurer: billed" in pending[0].status_text


def test_claims_csv_is_not_a_bill():
    with pytest.raises(BadInput, match="EOB"):
        read_bill(shared(*CSV, "claims.csv"))


HEADER = ("ID,CLAIMID,CHARGEID,PATIENTID,TYPE,AMOUNT,METHOD,FROMDATE,TODATE,PLACEOFSERVICE,PROCEDURECODE,"
          "MODIFIER1,MODIFIER2,DIAGNOSISREF1,DIAGNOSISREF2,DIAGNOSISREF3,DIAGNOSISREF4,UNITS,DEPARTMENTID,NOTES,"
          "UNITAMOUNT,TRANSFEROUTID,TRANSFERTYPE,PAYMENTS,ADJUSTMENTS,TRANSFERS,OUTSTANDING,APPOINTMENTID,"
          "LINENOTE,PATIENTINSURANCEID,FEESCHEDULEID,PROVIDERID,SUPERVISINGPROVIDERID")


def _row(charge_id, kind, amount="", method="", transfer_type="", payments="0.00", adjustments="0.00",
         outstanding="0.00", claim="C1"):
    return (f"t{charge_id},{claim},{charge_id},P1,{kind},{amount},{method},2024-03-01T10:00:00Z,"
            f"2024-03-01T10:30:00Z,ORG,99213,,,1,,,,1,1,Office visit,{amount or '0.00'},,{transfer_type},"
            f"{payments},{adjustments},,{outstanding},A1,,M1,1,DR1,DR1")


def test_a_small_ledger_with_an_adjustment_and_an_unpaid_patient_share(tmp_path):
    # 200.00 charged; the payer adjusts 50.00 off, pays 120.00; 30.00 goes to the patient, who pays 10.00
    text = "\n".join([HEADER,
                      _row(3, "TRANSFERIN", "30.00", transfer_type="p", outstanding="30.00"),  # out of order on purpose
                      _row(0, "CHARGE", "200.00", transfer_type="1", outstanding="200.00"),
                      _row(1, "ADJUSTMENT", method="SYSTEM", adjustments="50.00", outstanding="150.00"),
                      _row(2, "PAYMENT", method="ECHECK", payments="120.00", outstanding="30.00"),
                      _row(4, "PAYMENT", method="CASH", payments="10.00", outstanding="20.00")]) + "\n"
    bill = read_ledger_bill(tmp_path / "t.csv", text=text)
    assert (len(bill.lines), bill.total_charges, bill.payments, bill.adjustments, bill.stated_balance) == (
        1, D("200.00"), D("130.00"), D("50.00"), D("20.00"))
    claim = read_ledger_eob(tmp_path / "t.csv", text=text).claims[0]
    assert (claim.billed, claim.allowed, claim.paid, claim.patient_responsibility) == (
        D("200.00"), D("150.00"), D("120.00"), D("30.00"))
    assert (claim.patient_balance, claim.insurer_balance) == (D("20.00"), D(0))
    assert claim.lines[0].adjustments[0].amount == D("50.00")


@pytest.mark.parametrize("text,where,words", [
    (HEADER.replace(",OUTSTANDING,", ",") + "\n", "line 1", "missing column OUTSTANDING"),
    (HEADER + "\n" + _row(0, "CHARGE", "abc", transfer_type="1") + "\n", "line 2, column AMOUNT", "not an amount"),
    (HEADER + "\n" + _row(0, "REFUND", "1.00") + "\n", "line 2, column TYPE", "not a transaction type"),
    (HEADER + "\n" + _row(0, "PAYMENT", payments="1.00") + "\n", "line 2, column TYPE", "before any CHARGE"),
    (HEADER + "\n" + _row("x", "CHARGE", "1.00") + "\n", "line 2, column CHARGEID", "not a transaction number"),
    (HEADER + "\n", "line 2", "no rows"),
])
def test_bad_ledgers_are_one_line_naming_the_place(tmp_path, text, where, words):
    with pytest.raises(BadInput) as e:
        read_ledger_bill(tmp_path / "t.csv", text=text)
    assert e.value.where == where and words in e.value.problem and e.value.file.endswith("t.csv")


CLAIMS_HEADER = "Id,PATIENTID,PROVIDERID,SERVICEDATE,STATUS1,STATUS2,STATUSP,OUTSTANDING1,OUTSTANDING2,OUTSTANDINGP"


@pytest.mark.parametrize("text,where,words", [
    ("Id,PATIENTID\nC1,P1\n", "line 1", "missing column"),
    (CLAIMS_HEADER + "\nC1,P1,DR,2024-03-01T10:00:00Z,CLOSED,,CLOSED,0,,ten\n", "line 2, column OUTSTANDINGP", "not an amount"),
    (CLAIMS_HEADER + "\nC1,P1,DR,yesterday,CLOSED,,CLOSED,0,,0\n", "line 2, column SERVICEDATE", "not a date"),
    (CLAIMS_HEADER + "\nC1,P1,DR,2024-03-01,PAID,,CLOSED,0,,0\n", "line 2, column STATUS1", "not a claim status"),
])
def test_bad_claims_files_are_one_line_naming_the_place(tmp_path, text, where, words):
    with pytest.raises(BadInput) as e:
        read_claims_eob(tmp_path / "c.csv", text=text)
    assert e.value.where == where and words in e.value.problem


def test_read_shows_the_ledger_and_the_claims(cli):
    r = cli("read", shared(*CSV, "claims_transactions.csv"))
    assert r.code == 0 and "1579 lines" in r.out and "$1,219,867.22 charged" in r.out
    r = cli("read", shared(*CSV, "claims.csv"), "--json")
    assert r.code == 0 and r.json()["totals"]["patient_balance"] == 42.28
