"""The canonical model: the case file (spec/case-format.md, v1) and what readers produce.

Every engine works on these types only; no engine ever sees a raw file. Field names are the case
file's names. Money is Decimal (exact cents) and is written to JSON as a number.
"""

from __future__ import annotations

from datetime import date, datetime
from datetime import date as Date  # for fields named `date`
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    field_validator,
    model_validator,
)

from .states import MAIN_TIMEZONE, normalise_state

Money = Annotated[
    Decimal,
    PlainSerializer(lambda v: float(v), return_type=float, when_used="json"),
]
NonNegativeMoney = Annotated[Money, Field(ge=0)]


# What a person can type that no real case has: refused where it enters, so nothing stored can
# make a case unreadable later (a year 20250, a $1e30 balance, a megabyte "note").
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2100, 12, 31)
LARGEST_NUMBER = Decimal(100_000_000)  # dollars, units, incomes: nothing real comes near
LONGEST_TEXT = 20_000  # characters in one field


def check_sane(value: Any) -> Any:
    """The one bound every case-file value must respect (raises ValueError saying which)."""
    if isinstance(value, (list, tuple)):
        for item in value:
            check_sane(item)
    elif isinstance(value, (date, datetime)):
        day = value.date() if isinstance(value, datetime) else value
        if not EARLIEST_DATE <= day <= LATEST_DATE:
            raise ValueError(f"{value.isoformat()} is not between 1900 and 2100: check the year")
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        if not Decimal(value).is_finite() or abs(Decimal(value)) > LARGEST_NUMBER:
            raise ValueError(f"{value} is beyond any real amount (at most 100,000,000): check the number")
    elif isinstance(value, str) and len(value) > LONGEST_TEXT:
        raise ValueError(f"is {len(value):,} characters long (at most {LONGEST_TEXT:,}): shorten it")
    return value


class Strict(BaseModel):
    """Unknown fields are refused, so a typo ('balanse') is caught, not silently ignored; values
    beyond any real case (check_sane) are refused with the field named."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @field_validator("*", mode="after")
    @classmethod
    def _sane(cls, v: Any) -> Any:
        return check_sane(v)


# ---------------------------------------------------------------- the case file


class Estate(Strict):
    """Who handles a patient's estate after death: the executor, administrator or personal representative.
    No `representative`: none is appointed yet (or the writer does not know of one)."""

    representative: str | None = None  # the executor's, administrator's or personal representative's name
    address: str | None = None  # where the estate takes claims (the representative's or its lawyer's address)
    phone: str | None = None
    court: str | None = None  # the probate court, when an estate was opened
    case_number: str | None = None  # the probate case number


class Patient(Strict):
    name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    state: str
    timezone: str | None = None
    veteran: bool = False
    language: Literal["en", "es"] = "en"
    # the patient has died (on this day): the debt is the estate's to pay, not the family's (rights/family_liability.py)
    died_on: date | None = None
    estate: Estate | None = None  # who handles the estate, when the patient has died

    @field_validator("state", mode="before")
    @classmethod
    def _state(cls, v: Any) -> str:
        return normalise_state(v)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str | None) -> str | None:
        if v is None:
            return v
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r}: use a name like America/Chicago")
        return v

    @property
    def zone(self) -> str:
        """The patient's time zone: the one given, or the state's main zone."""
        return self.timezone or MAIN_TIMEZONE[self.state]


class Household(Strict):
    size: int = Field(ge=1, le=50)
    annual_income: NonNegativeMoney | None = None
    monthly_expenses: NonNegativeMoney | None = None
    liquid_assets: NonNegativeMoney | None = None
    lump_sum_available: NonNegativeMoney | None = None


# who the person dealing with the debt is to the patient, in the user's words (`contact.relationship`)
Relationship = Literal["self", "spouse", "parent", "child", "other_relative", "friend", "other"]


class Contact(Strict):
    """The person dealing with the debt when it is not the patient (a spouse, an adult child, a parent,
    the executor): the one the collector pursues, and who signs the letters this case writes for them."""

    name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    relationship: Relationship
    # they are the executor, administrator or personal representative of the patient's estate
    handles_estate: bool = False
    # they signed something promising to pay from their own money: a guarantee, or a hospital or nursing-home
    # admission form as "responsible party" or guarantor; None: not known (treated as "may have")
    signed_to_pay: bool | None = None
    # they received money or property from the dead patient's estate (an inheritance, a share paid out): in some
    # states a creditor of the estate can claim up to its value from them; None: not known
    received_from_estate: bool | None = None

    @model_validator(mode="after")
    def _self(self) -> Contact:
        if self.relationship == "self" and (self.handles_estate or self.signed_to_pay or self.received_from_estate):
            raise ValueError("relationship 'self' is the patient: handles_estate, signed_to_pay and "
                             "received_from_estate are for someone else (write the person's relationship to the "
                             "patient: spouse, child, parent ...)")
        return self


InsuranceStatus = Literal["insured", "uninsured", "medicare", "medicaid", "qmb"]
# who issued the plan: it decides the appeal route and its deadlines (appeals/); None or "other": asked
PlanType = Literal["aca_individual", "employer_fully_insured", "employer_self_funded", "grandfathered",
                   "medicare_original", "medicare_advantage", "medicaid", "medicaid_managed_care", "other"]


class Insurance(Strict):
    status: InsuranceStatus
    plan: str | None = None
    member_id: str | None = None
    in_network_deductible: NonNegativeMoney | None = None
    # the plan's in-network out-of-pocket maximum for the plan year of the care (EOB.OOP_MAX_EXCEEDED)
    out_of_pocket_max: NonNegativeMoney | None = None
    plan_type: PlanType | None = None
    appeals_address: str | None = None  # where the plan takes appeals, as printed on the denial notice
    # where a complaint about the plan goes (insurance_complaint), when billadvocate's list has no
    # confirmed address for it (the state Medicaid agency, some states' regulators); wins over the list
    regulator_address: str | None = None


class Fap(Strict):
    """The provider's own financial-assistance policy (percent of the poverty guideline)."""

    free_at_or_below_fpl: Decimal | None = Field(default=None, ge=0)
    discount_at_or_below_fpl: Decimal | None = Field(default=None, ge=0)
    discount: Decimal | None = Field(default=None, ge=0, le=1)
    agb_percent: Decimal | None = Field(default=None, ge=0, le=100)
    url: str | None = None


ProviderKind = Literal["hospital", "physician", "lab", "ambulance", "nursing_home", "other"]


class Provider(Strict):
    name: str
    address: str | None = None
    phone: str | None = None
    npi: str | None = None
    ccn: str | None = None  # CMS Certification Number of a hospital (six characters), to look it up
    kind: ProviderKind = "other"
    nonprofit: bool | None = None
    state: str | None = None
    in_network: bool | None = None
    tier: int | None = None  # e.g. Washington's hospital tiers (1 or 2)
    rural: bool | None = None
    fap: Fap | None = None
    # Medicare: a participating provider takes the approved amount as payment in full; a
    # non-participating one may charge at most the limiting charge (MEDICARE.LIMITING_CHARGE)
    medicare_participating: bool | None = None

    @field_validator("state", mode="before")
    @classmethod
    def _state(cls, v: Any) -> str | None:
        return None if v is None else normalise_state(v)

    @field_validator("ccn", mode="before")
    @classmethod
    def _ccn(cls, v: Any) -> str | None:
        if v is None or str(v).strip() == "":
            return None
        ccn = str(v).strip().upper()
        ccn = ccn.zfill(6) if ccn.isdigit() and len(ccn) < 6 else ccn
        if len(ccn) != 6 or not ccn.isalnum():
            raise ValueError(f"{v!r} is not a CMS Certification Number (six letters or digits, e.g. 240010)")
        return ccn


class Care(Strict):
    emergency: bool | None = None
    start: date | None = None
    end: date | None = None
    setting: Literal["professional", "outpatient", "inpatient"] | None = None
    facility_in_network: bool | None = None
    # for an ambulance ride: the No Surprises Act protects air ambulances, not ground ones
    ambulance: Literal["ground", "air"] | None = None
    # the day the care was booked (NSA.GFE_MISSING: booked 3+ business days ahead, an uninsured or
    # self-pay patient is owed a Good Faith Estimate, 45 CFR 149.610)
    scheduled: date | None = None
    # insured, but the patient asked that this care not be billed to the plan (self-pay, 45 CFR 149.610(a)(2)(xiii)(B))
    self_pay: bool | None = None

    @model_validator(mode="after")
    def _order(self) -> Care:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


NoticeItem = Literal["collector_name", "address", "creditor_account", "creditor", "itemization_date",
                     "itemization_amount", "interest", "fees", "payments", "amount", "dispute_by"]


class ValidationNotice(Strict):
    sent: date | None = None
    received: date | None = None
    amount: NonNegativeMoney | None = None
    itemization_date: date | None = None
    interest: NonNegativeMoney | None = None  # interest the notice itemizes since the itemization date
    fees: NonNegativeMoney | None = None  # fees the notice itemizes since the itemization date
    # what else a notice states (12 CFR 1006.34(c)); `amount` above is the current amount of the debt
    itemization_amount: NonNegativeMoney | None = None  # the amount owed on the itemization date
    payments: NonNegativeMoney | None = None  # payments and credits since the itemization date
    dispute_by: date | None = None  # the end of the validation period the notice states
    creditor: str | None = None  # the creditor the debt is owed to now
    creditor_account: str | None = None  # the account number with the creditor
    reference: str | None = None  # the collector's reference number
    # what the notice does not state of the validation information (12 CFR 1006.34(c)), as
    # `billadvocate read` found it: each becomes REGF.VALIDATION_INCOMPLETE in the review
    not_stated: list[NoticeItem] = []


CollectorKind = Literal["agency", "debt_buyer", "attorney"]


class Collector(Strict):
    name: str
    address: str | None = None
    phone: str | None = None
    account_number: str | None = None
    kind: CollectorKind = "agency"
    purchase_price: NonNegativeMoney | None = None  # what a debt buyer paid, when known
    first_contact: date | None = None
    validation_notice: ValidationNotice | None = None


EventKind = Literal[
    "call", "letter", "email", "text", "in_person", "payment", "legal_action", "credit_reporting"
]
# contact: the person of `contact:` (a relative dealing with the debt), e.g. a collector's call to them
Party = Literal["patient", "provider", "collector", "insurer", "bureau", "contact"]
Bureau = Literal["equifax", "experian", "transunion"]
AppealOutcome = Literal["denied", "approved", "partly_approved"]


# The event `type`s billadvocate reads (free text in the case file; a rule compares it exactly). Each with what it
# means. A type not here is kept but no rule reads it: the loader warns (casefile.warn_unknown_event_types), and
# tests/test_event_types.py fails when the code compares an event's type with a string not listed here. Keep
# docs/case-format.md ("Event types") in agreement: a test checks every type here appears there.
EVENT_TYPES: dict[str, str] = {
    # from the patient
    "dispute": "the patient disputes the debt in writing (FDCPA / Reg F)",
    "validation_request": "the patient asks the collector to validate the debt",
    "cease": "the patient tells the collector to stop contacting her",
    "no_contact_at_work": "the patient tells the collector not to contact her at work",
    "itemized_request": "the patient asks for an itemized bill",
    "fap_application": "the patient applies for the hospital's financial assistance",
    "grievance": "the patient's grievance to the provider",
    "billing_dispute": "the patient disputes the bill with the provider",
    "hardship": "the patient's hardship letter",
    "settlement_offer": "the patient's offer to settle",
    "payment_plan_offer": "the patient's offer of a payment plan",
    "claim_file_request": "the patient asks the plan for the claim file",
    "medical_necessity_request": "the patient asks for the medical-necessity criteria",
    "insurance_complaint": "the patient's complaint to the insurance regulator",
    "nsa_dispute": "the patient's No Surprises Act dispute",
    "death_notice": "notice that the patient died",
    "acknowledgment": "the patient acknowledged the debt in writing (may restart the limitations period)",
    "promise_to_pay": "the patient promised to pay (may restart the limitations period)",
    "payment_plan_agreement": "the patient agreed to a payment plan (may restart the limitations period)",
    "bankruptcy_discharge": "the patient's bankruptcy discharge (legal_action)",
    "credit_dispute": "the patient disputes a tradeline with a credit bureau",
    "credit_dispute_info": "more information sent to a bureau on a dispute (45 days)",
    "additional_information": "more information sent to a bureau on a dispute (as credit_dispute_info)",
    # appeals: the patient's request at each level
    "insurer_appeal": "the patient's appeal to the plan",
    "medicare_redetermination": "the patient's Medicare redetermination request",
    "medicare_reconsideration": "the patient's request for a QIC reconsideration",
    "external_review_request": "the patient's request for external review",
    "fair_hearing_request": "the patient's Medicaid fair-hearing request",
    "alj_hearing_request": "the patient's request for an ALJ hearing",
    "council_review_request": "the patient's request for Medicare Appeals Council review",
    # appeals: each level's decision (from the insurer, with outcome)
    "appeal_decision": "the plan's decision on the appeal",
    "redetermination_decision": "Medicare's redetermination",
    "reconsideration_decision": "the QIC's (or Medicare Advantage IRE's) reconsideration",
    "alj_decision": "the Administrative Law Judge's decision",
    "council_decision": "the Medicare Appeals Council's decision",
    "external_review_decision": "the external review's decision",
    "fair_hearing_decision": "the fair hearing's decision",
    # from a collector or provider: legal actions and collection
    "threat": "a threat to sue, garnish or report (legal_action)",
    "lawsuit": "the patient was served with a lawsuit (legal_action; starts the answer deadline)",
    "judgment": "a court judgment on the debt (legal_action)",
    "lien": "a lien on the patient's property (legal_action)",
    "garnishment": "wages or a bank account garnished (legal_action)",
    "sale": "the debt was sold",
    "debt_sale": "the debt was sold (as sale)",
    "sold": "the debt was sold (as sale)",
    "credit_reporting": "they said they reported it to a credit bureau",
    "at_work": "a collector's contact that reached the patient at work",
    "asked_to_pay": "a collector asked the patient's relative (contact) to pay",
    "verification": "the collector's verification of a disputed debt",
    "validation": "the collector's validation of the debt (as verification)",
    "collection_ending": "the collector says its efforts are ending",
    "remedy_notice": "the collector says it may or will invoke a remedy",
    "remedies_notice": "as remedy_notice",
    "cease_acknowledgment": "the collector acknowledges a cease request",
    "itemized_bill": "an itemized bill sent to the patient",
    "itemized_statement": "an itemized statement (as itemized_bill)",
    "eca_notice": "the hospital's notice of extraordinary collection actions (501(r), Florida 30 days)",
    "collection_notice": "the provider's collection notice",
    "final_notice": "the provider's final notice",
    "bill": "a bill or statement from the provider (kept in the history; the first one's date is the account's first_bill_date)",
    "good_faith_estimate": "a Good Faith Estimate received (kept in the history; the No Surprises Act checks read the bill's GFE fields)",
    "fap_notice": "the hospital's notice of its financial assistance policy",
    "fap_decision": "the hospital's decision on an assistance application",
    "fap_approved": "assistance approved",
    "fap_denied": "assistance denied",
    "grievance_response": "the provider's answer to a grievance",
    "dispute_response": "the provider's answer to a dispute",
    "billing_dispute_response": "the provider's answer to a billing dispute",
    "settlement": "a settlement agreed (with amount: the agreed sum)",
    "settlement_accepted": "as settlement",
    "settlement_agreement": "as settlement",
    "settlement_offer_accepted": "as settlement",
    # from a bureau
    "dispute_result": "a bureau's answer to a dispute (any event from the bureau is read as its answer)",
}


class Event(Strict):
    """One entry of the log. `at` is a date or a date-time; a time without a zone is read in
    the patient's zone."""

    at: datetime | date
    kind: EventKind
    from_: Party = Field(alias="from")
    to: Party | None = None
    conversation: bool | None = None
    consent: bool | None = None  # the patient gave direct prior consent to this call
    type: str | None = None  # free text; the ones read are EVENT_TYPES
    note: str | None = None
    amount: Money | None = None
    method: str | None = None  # certified_mail, email, portal, fax ...
    tracking: str | None = None
    received: date | None = None  # when a letter was delivered (e.g. from certified-mail tracking)
    bureau: Bureau | None = None  # which credit bureau a letter went to or came from
    # an appeal's decision logged (from insurer, type `appeal_decision`, `redetermination_decision`,
    # `reconsideration_decision`, `alj_decision`, `external_review_decision`, `fair_hearing_decision`):
    # what it decided; a denial starts the next level's clock (appeals/)
    outcome: AppealOutcome | None = None

    @field_validator("bureau", mode="before")
    @classmethod
    def _bureau(cls, v: Any) -> Any:
        return v.strip().lower() if isinstance(v, str) else v

    @field_validator("at", mode="before")
    @classmethod
    def _at(cls, v: Any) -> Any:
        # A bare YYYY-MM-DD is a date, not midnight: "when in the day" is unknown.
        if isinstance(v, str) and len(v.strip()) == 10:
            return date.fromisoformat(v.strip())
        return v


class Account(Strict):
    id: str = Field(min_length=1)
    account_number: str | None = None
    provider: Provider
    care: Care = Care()
    first_bill_date: date | None = None
    balance: NonNegativeMoney | None = None
    bill: list[str] = []
    eob: list[str] = []
    gfe_total: NonNegativeMoney | None = None
    gfe_given: bool | None = None  # false: the patient got no Good Faith Estimate (NSA.GFE_MISSING)
    gfe_date: date | None = None  # the day the Good Faith Estimate was received
    not_received: list[int] = []
    collector: Collector | None = None
    events: list[Event] = []
    # the patient decided to pay (or offer to pay) even where the review advises against it, e.g. on a
    # time-barred debt: the money letters are then written, saying they acknowledge no debt
    patient_chose_to_pay: bool = False
    # the date printed on the insurer's denial notice, when the EOB does not give it; and the date of the
    # plan's final decision on the internal appeal (starts the external review clock)
    denial_notice_date: date | None = None
    final_denial_date: date | None = None
    # the denied care is urgent: not received yet, and waiting the standard time could seriously
    # jeopardize the patient's life, health or ability to regain maximum function (an expedited appeal
    # and external review, 29 CFR 2560.503-1(m)(1), 45 CFR 147.136(d)(3))
    denial_urgent: bool = False

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("an account id cannot be blank")
        return v


class Tradeline(Strict):
    bureau: Bureau
    furnisher: str
    account: str | None = None  # the case account this tradeline reports, when known
    medical: bool = True
    original_amount: NonNegativeMoney | None = None
    balance: NonNegativeMoney | None = None
    status: Literal["unpaid", "paid", "settled"] = "unpaid"
    first_delinquency: date | None = None
    reported: date | None = None
    paid_on: date | None = None

    @field_validator("bureau", mode="before")
    @classmethod
    def _bureau(cls, v: Any) -> Any:
        return v.strip().lower() if isinstance(v, str) else v


class CreditReport(Strict):
    pulled: date | None = None
    tradelines: list[Tradeline] = []
    events: list[Event] = []  # disputes with the bureaus and their answers, when not under an account


class CaseDocument(Strict):
    """A file kept with the case that is not a bill or an EOB: a notice, a letter, a statement, a photo."""

    path: str = Field(min_length=1)  # relative to the case file
    kind: str = "other"  # notice | letter | statement | photo | other
    account: str | None = None  # the case account it belongs to, when one
    note: str | None = None


class Case(Strict):
    billadvocate: Literal[1]
    as_of: date | None = None
    patient: Patient
    household: Household | None = None
    insurance: Insurance | None = None
    accounts: list[Account] = Field(min_length=1)
    credit_report: CreditReport | None = None
    documents: list[CaseDocument] = []
    # the person dealing with the debt when it is not the patient (a relative, the estate's representative)
    contact: Contact | None = None
    _dir: Any = PrivateAttr(default=None)  # the folder relative paths start from

    @model_validator(mode="after")
    def _death(self) -> Case:
        died = self.patient.died_on
        if died is None:
            if self.contact is not None and self.contact.received_from_estate:
                raise ValueError("contact.received_from_estate: an estate is what a patient who has died left: add "
                                 "patient.died_on, or leave received_from_estate out")
            return self
        if self.contact is not None and self.contact.relationship == "self":
            raise ValueError("contact.relationship: 'self' means the patient, who has died (patient.died_on): write "
                             "who the person dealing with the debt is to the patient (spouse, child, parent ...)")
        for i, account in enumerate(self.accounts):
            if account.care.start and account.care.start > died:
                raise ValueError(f"accounts[{i}].care.start: {account.care.start} is after the patient died "
                                 f"(patient.died_on {died}): check both dates")
        return self

    @model_validator(mode="after")
    def _unique_ids(self) -> Case:
        seen: set[str] = set()
        for i, account in enumerate(self.accounts):
            if account.id in seen:
                raise ValueError(f"accounts[{i}].id: {account.id!r} is used twice; ids must be unique")
            seen.add(account.id)
        return self

    def account(self, account_id: str) -> Account:
        for a in self.accounts:
            if a.id == account_id:
                return a
        raise KeyError(account_id)


# ---------------------------------------------------------------- what readers produce


class Line(BaseModel):
    """One charge line of an itemized bill (or claim)."""

    line: int
    date: Date | None = None
    code: str | None = None
    revenue_code: str | None = None
    description: str = ""
    units: Decimal = Decimal(1)
    charge: Money
    unit_price: Money | None = None
    modifiers: list[str] = []
    ndc: str | None = None
    provider: str | None = None
    claim_id: str | None = None


class Bill(BaseModel):
    """An itemized bill as read: its charge lines and what it states about itself."""

    source: str
    format: str = "csv"
    lines: list[Line] = []
    stated_total: Money | None = None
    payments: Money | None = None  # credits the bill shows as payments (positive number)
    adjustments: Money | None = None
    stated_balance: Money | None = None
    notes: list[str] = []  # what could not be read, and why
    ocr_confidence: float | None = None  # mean OCR confidence 0..1, when read from a scan or photo
    # what the claim says of itself (an 837 or a UB-04): "institutional" or "professional", and the
    # type of bill (UB-04 FL 4, e.g. "0131"); the audit infers the setting from them (audit/setting.py)
    claim_form: Literal["institutional", "professional"] | None = None
    type_of_bill: str | None = None
    # the MS-DRG an inpatient claim was grouped to (837I HI*DR, a bill's "DRG" column), three digits
    ms_drg: str | None = None
    # the hospital or medical center a printed bill's heading names ("Valley General Hospital"), read
    # from a PDF, scan or photo; the audit's setting inference reads it (audit/setting.py)
    provider_name: str | None = None
    # the claim's statement period (837 DTP*434; UB-04 FL 6), when the file's claims share one: every date
    # of service must fall within it (BILL.DATE_OUTSIDE_CARE reads it when the case gives no care dates)
    statement_from: Date | None = None
    statement_to: Date | None = None
    # how many patients' claims the file holds, when its reader can tell (837 patients, Synthea PATIENTID):
    # more than one, audited as one bill, may join two people's care (the audit's notes say so)
    patients: int | None = None

    @property
    def total_charges(self) -> Decimal:
        return sum((ln.charge for ln in self.lines), Decimal(0))


# ---------------------------------------------------------------- what engines produce

Severity = Literal["high", "medium", "low", "info"]


class Finding(BaseModel):
    """A bill-audit finding, a conduct violation or a credit-report problem (one shape)."""

    rule: str
    severity: Severity
    lines: list[int] = []
    amount: Money = Decimal(0)
    message: str
    citations: list[str] = []
    explanation: str | None = None
    unconfirmed: bool = False  # rests on a legal value the research could not confirm
    events: list[int] = []  # indexes into the account's events that prove a violation
    act_by: Date | None = None  # last day to act on it (e.g. to sue under the FDCPA)


class Deadline(BaseModel):
    kind: str
    date: Date
    why: str
    citations: list[str] = []
    unconfirmed: bool = False
