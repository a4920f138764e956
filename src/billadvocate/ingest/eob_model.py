"""The canonical Explanation of Benefits: what an insurer says it did with each claim and line.

Every EOB reader (X12 835, FHIR ExplanationOfBenefit, EOB CSV exports) produces an `Eob`; the audit's
EOB.* rules and the bill-to-EOB matching use only these types. Money is Decimal; amounts the
document does not state are None (not zero), so a rule can tell "not said" from "nothing".

Patient responsibility is split as the payer states it: deductible, coinsurance, copay, and the rest
(`other_patient`, e.g. non-covered charges the patient owes). Adjustments carry the X12 group code
(CO, PR, OA, PI, CR), the Claim Adjustment Reason Code (CARC) and its meaning in plain words.
"""

from __future__ import annotations

from datetime import date as Date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from ..model import Money
from . import carc

# processed: adjudicated and paid in whole or part (or applied to cost sharing); partly_denied: some
# lines denied; pending: a predetermination or a claim not yet adjudicated.
ClaimStatus = Literal["processed", "partly_denied", "denied", "reversed", "pending", "unknown"]


class Adjustment(BaseModel):
    """One adjustment: why part of the charge was not paid (X12 CAS, FHIR adjudication reason)."""

    group: str | None = None  # CO, PR, OA, PI, CR
    reason: str | None = None  # CARC code, e.g. "45"
    amount: Money
    quantity: Decimal | None = None
    group_meaning: str = ""  # "contractual obligation: the provider must write this off"
    meaning: str = ""  # plain words for the CARC, "" when the code is not in our table

    @property
    def key(self) -> str:
        """'CO-45' as printed on most EOBs."""
        return f"{self.group or '?'}-{self.reason or '?'}"


class EobLine(BaseModel):
    """One service line of an EOB claim."""

    line: int  # position within the claim, from 1
    date: Date | None = None
    date_end: Date | None = None
    code: str | None = None  # CPT/HCPCS (or the code the payer adjudicated)
    code_system: str | None = None  # HC (HCPCS/CPT), NU (revenue), N4 (NDC), SNOMED ...
    billed_code: str | None = None  # the code as billed, when the payer changed it
    modifiers: list[str] = Field(default_factory=list)
    revenue_code: str | None = None
    description: str = ""
    units: Decimal | None = None
    billed: Money | None = None
    allowed: Money | None = None
    paid: Money | None = None
    patient_responsibility: Money | None = None
    deductible: Money | None = None
    coinsurance: Money | None = None
    copay: Money | None = None
    other_patient: Money | None = None  # patient owes, not deductible/coinsurance/copay (e.g. PR-96)
    adjustments: list[Adjustment] = Field(default_factory=list)
    remarks: list[str] = Field(default_factory=list)  # remittance advice remark codes (RARC), e.g. "N130"
    denied: bool = False
    denial_reasons: list[str] = Field(default_factory=list)  # plain words, from the adjustments that denied it
    control_number: str | None = None  # the provider's line id (X12 REF*6R), when sent


class EobClaim(BaseModel):
    """One claim as the payer adjudicated it."""

    claim_id: str  # the provider's claim id (X12 CLP01, FHIR identifier) or the payer's
    payer_claim_id: str | None = None
    payer: str | None = None
    provider: str | None = None
    provider_npi: str | None = None
    patient: str | None = None
    member_id: str | None = None
    kind: str | None = None  # professional | institutional | pharmacy | oral | vision ...
    start: Date | None = None
    end: Date | None = None
    billed: Money | None = None
    allowed: Money | None = None
    paid: Money | None = None
    patient_responsibility: Money | None = None
    deductible: Money | None = None
    coinsurance: Money | None = None
    copay: Money | None = None
    other_patient: Money | None = None
    adjustments: list[Adjustment] = Field(default_factory=list)  # claim-level adjustments (not repeated from lines)
    remarks: list[str] = Field(default_factory=list)
    status: ClaimStatus = "unknown"
    status_code: str | None = None  # as stated: X12 CLP02, FHIR outcome ...
    status_text: str = ""
    denied: bool = False
    in_network: bool | None = None
    payer_order: str | None = None  # primary | secondary | tertiary
    ms_drg: str | None = None  # the MS-DRG the payer priced an inpatient claim by (X12 CLP11), three digits
    # the day the payer decided the claim, as the document states it (the denial notice's date): an EOB
    # export's Date Processed / Notice Date column, FHIR `created`; an 835 gives it for the whole file
    # (Eob.payment_date: its production date DTM*405 or payment date BPR16)
    processed: Date | None = None
    # still owed on the claim as the document states it (e.g. Synthea's OUTSTANDING columns); None: not stated
    insurer_balance: Money | None = None
    patient_balance: Money | None = None
    lines: list[EobLine] = Field(default_factory=list)

    @property
    def adjudicated_patient_responsibility(self) -> Decimal | None:
        """What the patient owes on this claim per the payer: the stated amount, else the lines' sum."""
        if self.patient_responsibility is not None:
            return self.patient_responsibility
        values = [ln.patient_responsibility for ln in self.lines if ln.patient_responsibility is not None]
        return sum(values, Decimal(0)) if values else None

    def all_adjustments(self) -> list[Adjustment]:
        return [*self.adjustments, *(a for ln in self.lines for a in ln.adjustments)]


class Eob(BaseModel):
    """An EOB document as read: one or many claims, and what could not be read."""

    source: str
    format: str  # x12-835 | fhir | csv-eob
    payer: str | None = None
    payee: str | None = None
    payee_npi: str | None = None
    payment_date: Date | None = None
    payment_total: Money | None = None  # the check or transfer amount (X12 BPR02)
    payment_method: str | None = None
    trace_number: str | None = None
    claims: list[EobClaim] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def _sum(self, name: str) -> Decimal:
        return sum((getattr(c, name) or Decimal(0) for c in self.claims), Decimal(0))

    @property
    def total_billed(self) -> Decimal:
        return self._sum("billed")

    @property
    def total_paid(self) -> Decimal:
        return self._sum("paid")

    @property
    def total_patient_responsibility(self) -> Decimal:
        return sum((c.adjudicated_patient_responsibility or Decimal(0) for c in self.claims), Decimal(0))

    @property
    def total_patient_balance(self) -> Decimal | None:
        """What the patient still owes, when the document states it for any claim."""
        values = [c.patient_balance for c in self.claims if c.patient_balance is not None]
        return sum(values, Decimal(0)) if values else None

    @property
    def line_count(self) -> int:
        return sum(len(c.lines) for c in self.claims)

    def to_json(self) -> dict:
        data = self.model_dump(mode="json")
        data["totals"] = {"billed": float(self.total_billed), "paid": float(self.total_paid),
                          "patient_responsibility": float(self.total_patient_responsibility),
                          "claims": len(self.claims), "lines": self.line_count}
        if self.total_patient_balance is not None:
            data["totals"]["patient_balance"] = float(self.total_patient_balance)
        return data


def coded_adjustment(group: str | None, reason: str | None, amount: Decimal,
                     quantity: Decimal | None = None) -> Adjustment:
    """An adjustment with its group and reason code explained in plain words."""
    return Adjustment(group=group, reason=reason, amount=amount, quantity=quantity,
                      group_meaning=carc.group_meaning(group), meaning=carc.reason_meaning(reason))


def patient_split(adjustments: list[Adjustment]) -> tuple[Decimal, Decimal, Decimal, Decimal, bool]:
    """(deductible, coinsurance, copay, other patient responsibility, a prior payer paid) from the
    adjustments: PR reason 1, 2, 3 and the other PR reasons; reason 23 is a prior payer's share."""
    zero = Decimal(0)
    ded = coins = copay = other = zero
    prior = False
    for a in adjustments:
        reason = a.reason
        if a.group == "PR":
            if reason == carc.DEDUCTIBLE:
                ded += a.amount
            elif reason == carc.COINSURANCE:
                coins += a.amount
            elif reason == carc.COPAY:
                copay += a.amount
            else:
                other += a.amount
        if reason == "23":
            prior = True
    return ded, coins, copay, other, prior


_COST_SHARING = (carc.DEDUCTIBLE, carc.COINSURANCE, carc.COPAY)


def denial_reasons(adjustments: list[Adjustment]) -> list[str]:
    """The adjustments that cut the payment for a reason other than cost sharing or a prior payer."""
    return [f"{a.key}: {a.meaning}" for a in adjustments
            if not (a.group == "PR" and a.reason in _COST_SHARING) and a.reason != "23" and a.amount]


def is_denial(billed: Decimal | None, paid: Decimal | None, adjustments: list[Adjustment]) -> bool:
    """Nothing paid on a real charge, for a reason other than cost sharing or a prior payer."""
    if not billed or billed <= 0 or (paid or Decimal(0)) != 0:
        return False
    return bool(denial_reasons(adjustments))
