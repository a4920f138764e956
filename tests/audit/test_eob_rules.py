"""EOB.PATIENT_RESP, EOB.DENIED, EOB.NOT_BILLED_TO_INSURER and NSA.BALANCE_BILL with an EOB."""

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.audit.tables import eobs_table
from billadvocate.ingest.eob_model import Adjustment, Eob, EobClaim, EobLine
from billadvocate.model import Bill

from .support import D1, found, line


def eob(resp="200.00", denied=False, status="processed", line_denied=False, group="PR", reason="1"):
    adj = [Adjustment(group=group, reason=reason, amount=Decimal("50"), meaning="deductible amount")]
    claim = EobClaim(claim_id="C1", start=D1, billed=Decimal("500"), paid=Decimal("300"),
                     patient_responsibility=None if resp is None else Decimal(resp), denied=denied, status=status,
                     adjustments=adj if denied else [],
                     lines=[EobLine(line=1, date=D1, code="85025", billed=Decimal("45"), denied=line_denied,
                                    adjustments=adj if line_denied else [])])
    return Eob(source="er.835", format="x12-835", claims=[claim])


def eobs_for(*lines, e=None):
    return eobs_table([e or eob()], [Bill(source="b.csv", lines=list(lines))])


@pytest.mark.parametrize("asked,fires", [("200.00", False), ("200.01", False), ("200.02", True)])
def test_patient_resp_a_balance_above_the_eob_share(asked, fires):
    lines = [line(1, charge="500.00")]
    fs = found("EOB.PATIENT_RESP", *lines, facts={"balance": asked, "in_network": True}, eobs=eobs_for(*lines))
    assert bool(fs) is fires
    if fires:
        assert fs[0].amount == Decimal(asked) - Decimal("200.00") and fs[0].severity == "high"


def test_patient_resp_uses_the_stated_balance_when_the_case_has_none():
    lines = [line(1, charge="500.00")]
    (f,) = found("EOB.PATIENT_RESP", *lines, eobs=eobs_for(*lines), stated_balance="350.00")
    assert f.amount == Decimal("150.00") and f.severity == "medium"  # network status unknown


def test_patient_resp_skips_claims_with_no_stated_share():
    lines = [line(1, charge="500.00")]
    assert found("EOB.PATIENT_RESP", *lines, facts={"balance": 500}, eobs=eobs_for(*lines, e=eob(resp=None))) == []


def test_a_denied_claim_can_be_appealed_with_its_reason():
    lines = [line(1, charge="45.00")]
    (f,) = found("EOB.DENIED", *lines, eobs=eobs_for(*lines, e=eob(denied=True, status="denied", group="PR", reason="96")))
    assert f.amount == Decimal("500.00") and "PR-96" in f.message and "appealed" in f.message and f.lines == [1]


def test_a_contractual_denial_is_not_the_patients_to_pay():
    lines = [line(1, charge="45.00")]
    (f,) = found("EOB.DENIED", *lines, eobs=eobs_for(*lines, e=eob(denied=True, status="denied", group="CO", reason="50")))
    assert "may not bill you" in f.message
    assert "er.835" not in f.message  # letters print the message: never the case folder's file names


def test_a_denial_whose_group_code_was_not_read_is_not_called_appealable():
    """The Sentara scan's remittance printed 'CO-97' but OCR read no group ('?-97'): a CO denial is the
    provider's to write off, a PR one the patient's to appeal, so the finding says which to look for and
    does not send the patient to appeal what may be the provider's loss."""
    lines = [line(1, charge="45.00")]
    (f,) = found("EOB.DENIED", *lines, eobs=eobs_for(*lines, e=eob(line_denied=True, group=None, reason="97")))
    assert "?-97" in f.message and "): it can be appealed" not in f.message
    assert "if it is CO" in f.message and "may not bill you" in f.message and "if it is PR" in f.message


def test_a_denied_line_of_a_paid_claim_is_reported_with_its_bill_line():
    lines = [line(1, charge="45.00"), line(2, "80048", charge="185.00")]
    (f,) = found("EOB.DENIED", *lines, eobs=eobs_for(*lines, e=eob(line_denied=True, group="CO", reason="97")))
    assert f.lines == [1] and f.amount == Decimal("45.00")


def test_a_paid_claim_is_not_a_denial():
    lines = [line(1)]
    assert found("EOB.DENIED", *lines, eobs=eobs_for(*lines)) == []


INSURED = {"insurance_status": "insured"}


def test_insured_with_no_eob_and_no_insurance_payment_is_not_billed_to_insurer():
    (f,) = found("EOB.NOT_BILLED_TO_INSURER", line(1, charge="500.00"), facts=INSURED)
    assert f.amount == Decimal("500.00") and f.severity == "medium"
    # spoken to the patient, in words: no status id, no 'EOB'
    assert f.message.startswith("You have a health plan") and "EOB" not in f.message and "(" not in f.message
    (m,) = found("EOB.NOT_BILLED_TO_INSURER", line(1, charge="500.00"), facts={**INSURED, "insurance_status": "medicaid"})
    assert m.message.startswith("You have Medicaid,")


def test_an_insurance_payment_on_the_bill_shows_it_was_billed():
    assert found("EOB.NOT_BILLED_TO_INSURER", line(1, charge="500.00"), facts=INSURED, payments="100.00") == []


def test_an_eob_in_the_case_shows_it_was_billed():
    assert found("EOB.NOT_BILLED_TO_INSURER", line(1), facts={**INSURED, "has_eob": True}) == []


def test_the_uninsured_are_not_asked_for_an_eob():
    assert found("EOB.NOT_BILLED_TO_INSURER", line(1), facts={"insurance_status": "uninsured"}) == []


def test_balance_bill_with_an_eob_puts_the_excess_at_stake():
    lines = [line(1, d=date(2025, 3, 2), charge="4830.00")]
    facts = {"insurance_status": "insured", "emergency": True, "in_network": False, "balance": 4830}
    (f,) = found("NSA.BALANCE_BILL", *lines, facts=facts, eobs=eobs_for(*lines, e=eob(resp="250.00")))
    assert f.severity == "high" and f.amount == Decimal("4580.00")


def test_a_reversed_claim_is_ignored():
    lines = [line(1)]
    assert eobs_for(*lines, e=eob(status="reversed")).num_rows == 0


def undated_denial(claim_id="C1", level="line"):
    """An EOB whose page gives no service date (a scanned remittance page: no claim start, no line date)."""
    adj = [Adjustment(group="CO", reason="97", amount=Decimal("45"), meaning="bundled")]
    ln = EobLine(line=1, code="85025", billed=Decimal("45"), denied=level == "line",
                 adjustments=adj if level == "line" else [])
    claim = EobClaim(claim_id=claim_id, billed=Decimal("45"), paid=Decimal("0"), lines=[ln],
                     denied=level == "claim", status="denied" if level == "claim" else "processed",
                     adjustments=adj if level == "claim" else [])
    return Eob(source="scan.pdf", format="pdf-eob", claims=[claim])


@pytest.mark.parametrize("claim_id,level,opening", [
    ("remittance page 3", "line", "A line of claim remittance page 3 was denied for $45.00,"),
    ("C1", "claim", "Claim C1 was denied for $45.00,"),
    ("", "claim", "A claim was denied for $45.00,"),
    ("", "line", "A line of a claim was denied for $45.00,"),
])
def test_a_denial_with_no_service_date_or_claim_number_reads_without_the_gap(claim_id, level, opening):
    lines = [line(1, d=None)]
    (f,) = found("EOB.DENIED", *lines, eobs=eobs_for(*lines, e=undated_denial(claim_id, level)))
    assert f.message.startswith(opening) and "  " not in f.message and " on " not in f.message
    assert "may not bill you" in f.message  # the CO reason still says whose it is


def test_a_dated_denial_still_gives_its_date():
    lines = [line(1, charge="45.00")]
    (f,) = found("EOB.DENIED", *lines, eobs=eobs_for(*lines, e=eob(line_denied=True, group="CO", reason="97")))
    assert f.message.startswith("A line of claim C1 on 2024-10-15 was denied for $45.00,")
