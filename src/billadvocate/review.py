"""The main job: run every engine on a case and gather the results (spec/cli-and-ids.md, review).

A pure function of the case, the law and the as-of date, apart from reading the case's own bill
and EOB files. Each engine plugs in at its step below; outputs (report, letters, calendar) are
written by the shell from the ReviewResult.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from .assist import assistance
from .audit import AuditResult, audit_bills
from .audit.tables import eobs_table
from .casefile import case_dir
from .errors import BadInput
from .credit import CreditResult, check_credit
from .ingest import Eob, read_bill, read_eob
from .ingest.match import MatchResult, code_differences, date_from_eobs, match
from .ingest.notice_gaps import with_notice_gaps
from .model import Account, Bill, Case, Deadline, Finding
from .rights import review_rights
from .negotiate import across_accounts, negotiate


@dataclass
class AccountReview:
    account: Account
    bills: list[Bill] = field(default_factory=list)
    eobs: list[Eob] = field(default_factory=list)  # the account's eob: files, read (ingest/eob_model.py)
    eob_match: MatchResult | None = None  # bill lines matched to EOB lines (ingest/match.py)
    audit: AuditResult | None = None
    findings: list[Finding] = field(default_factory=list)
    violations: list[Finding] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    protections: list[dict[str, Any]] = field(default_factory=list)
    assistance: dict[str, Any] = field(default_factory=dict)
    offer: dict[str, Any] | None = None
    plan: dict[str, Any] | None = None
    letters: list[dict[str, Any]] = field(default_factory=list)
    call_scripts: list[dict[str, Any]] = field(default_factory=list)  # step 7 (negotiate)
    sol: dict[str, Any] | None = None  # statute-of-limitations status (rights engine)
    notes: list[str] = field(default_factory=list)
    unreadable: list[dict[str, str]] = field(default_factory=list)  # files left out: {path, problem}
    hospital: dict[str, Any] | None = None  # the provider in the CMS hospital directory (hospitals/case.py)
    appeals: list[dict[str, Any]] = field(default_factory=list)  # each denied claim's route and deadline (appeals/)

    @property
    def total_charges(self) -> Decimal:
        return self.audit.total_charges if self.audit else Decimal(0)

    @property
    def in_dispute(self) -> Decimal:
        """Dollars at stake in the bill findings, counting each line's dollars once, never more than the
        balance asked (a $24,038 bill of which $6,500 is asked puts at most $6,500 in dispute)."""
        if self.audit is not None:
            out = self.audit.in_dispute
        else:
            out = sum((f.amount for f in self.findings if f.severity != "info"), Decimal(0))
        balance = self.account.balance
        if balance is not None and Decimal(str(balance)) >= 0:
            out = min(out, Decimal(str(balance)))
        return out

    def in_dispute_without(self, rules: tuple[str, ...]) -> Decimal:
        """in_dispute counting only the findings of other rules (the billing errors apart from the hospital's
        financial-assistance finding), never more than the balance asked."""
        if self.audit is not None and self.audit.stakes:
            out = self.audit.in_dispute_without(rules)
        else:
            out = sum((f.amount for f in self.findings if f.severity != "info" and f.rule not in rules), Decimal(0))
        balance = self.account.balance
        if balance is not None and Decimal(str(balance)) >= 0:
            out = min(out, Decimal(str(balance)))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.account.id,
            "provider": self.account.provider.name,
            "collector": self.account.collector.name if self.account.collector else None,
            "balance": None if self.account.balance is None else float(self.account.balance),
            "total_charges": float(self.total_charges),
            "in_dispute": float(self.in_dispute),
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "violations": [v.model_dump(mode="json") for v in self.violations],
            "deadlines": [d.model_dump(mode="json") for d in self.deadlines],
            "protections": self.protections,
            "sol": self.sol,
            "assistance": self.assistance,
            "offer": self.offer,
            "plan": self.plan,
            "letters": self.letters,
            "call_scripts": self.call_scripts,
            "notes": self.notes,
            "unreadable": self.unreadable,
            "eobs": [_eob_summary(e) for e in self.eobs],
            "eob_match": self.eob_match.to_json() if self.eob_match else None,
            "hospital": self.hospital,
            "appeals": self.appeals,
        }


def _eob_summary(eob: Eob) -> dict[str, Any]:
    return {"source": eob.source, "format": eob.format, "payer": eob.payer, "claims": len(eob.claims),
            "billed": float(eob.total_billed), "paid": float(eob.total_paid),
            "patient_responsibility": float(eob.total_patient_responsibility),
            "denied_claims": [c.claim_id for c in eob.claims if c.denied]}


@dataclass
class ReviewResult:
    case: Case
    as_of: date
    accounts: list[AccountReview]
    credit: list[Finding] = field(default_factory=list)
    credit_deadlines: list[Deadline] = field(default_factory=list)  # not tied to a case account
    credit_result: CreditResult | None = None  # disputes, status of the law, next steps
    letters: list[dict[str, Any]] = field(default_factory=list)  # case-level: one credit_dispute per bureau
    actions: list[dict[str, Any]] = field(default_factory=list)  # what to do first, ordered (actions/)

    def to_json(self) -> dict[str, Any]:
        cr = self.credit_result.to_json() if self.credit_result else {}
        return {
            "actions": self.actions,
            "as_of": self.as_of.isoformat(),
            "patient": {"name": self.case.patient.name, "state": self.case.patient.state},
            "accounts": [a.to_json() for a in self.accounts],
            "credit": [c.model_dump(mode="json") for c in self.credit],
            "credit_deadlines": [d.model_dump(mode="json") for d in self.credit_deadlines],
            "credit_disputes": cr.get("disputes", []),
            "credit_furnisher_disputes": cr.get("furnisher_disputes", []),
            "credit_status": cr.get("status", {}),
            "credit_next_steps": cr.get("next_steps", []),
            "credit_notes": cr.get("notes", []),
            "letters": self.letters,
        }


def audit_facts(case: Case, account: Account, as_of: date | None = None) -> dict[str, Any]:
    """The case facts the audit rules may use (columns of the audit's `bills` table, see
    audit/tables.py FACT_COLUMNS, plus the lookups that find the locality and price file)."""
    care, provider = account.care, account.provider
    fap = provider.fap
    household = case.household
    fpl = None
    if household and household.annual_income is not None:
        from .assist.poverty import fpl_percent, guideline

        fpl = fpl_percent(household.annual_income,
                          guideline(case.patient.state, household.size, as_of or case.as_of or date.today()))
    return {
        "care_start": care.start,
        "care_end": care.end,
        "setting": care.setting,
        "emergency": care.emergency,
        "insurance_status": case.insurance.status if case.insurance else None,
        "provider_kind": provider.kind,
        "in_network": provider.in_network,
        "facility_in_network": care.facility_in_network,
        "ambulance": care.ambulance,
        "state": case.patient.state,
        "balance": account.balance,
        "gfe_total": account.gfe_total,
        "care_scheduled": care.scheduled,
        "self_pay": care.self_pay,
        "gfe_given": account.gfe_given,
        "gfe_date": account.gfe_date,
        "nonprofit": provider.nonprofit,
        "fap_agb_percent": fap.agb_percent if fap else None,
        "fap_free_fpl": fap.free_at_or_below_fpl if fap else None,
        "fap_discount_fpl": fap.discount_at_or_below_fpl if fap else None,
        "fpl_percent": fpl,
        "has_eob": bool(account.eob),  # review_account passes the EOBs read
        "patient_address": case.patient.address,
        "provider_name": provider.name,
        "provider_npi": provider.npi,
        "provider_ccn": provider.ccn,  # the OPPS wage area of a hospital's outpatient lines
        "plan": case.insurance.plan if case.insurance else None,
        "medicare_participating": provider.medicare_participating,
        "oop_max": case.insurance.out_of_pocket_max if case.insurance else None,
        "plan_deductible": case.insurance.in_network_deductible if case.insurance else None,
    }


def _read_each(reader, base, paths: list[str], out: AccountReview, skip_unreadable: bool) -> list:
    """Each file read; with skip_unreadable, a file that cannot be read affects only itself: it is
    listed with its one-line problem and the rest of the case is still reviewed (the web app)."""
    done = []
    for rel in paths:
        try:
            done.append(reader(base / rel))
        except BadInput as e:
            if not skip_unreadable:
                raise
            out.unreadable.append({"path": rel, "problem": e.problem})
            out.notes.append(f"{rel} could not be read and was left out of this review: {e.problem}")
    return done


# the audit's notes a patient needs beside the findings (lines priced without a date, a setting left undecided and
# the edits it leaves out, lines with no price to compare, a file of several patients ...); the routine ones, where
# the Medicare amounts come from and the setting read from the bill, stay in `billadvocate audit`
ROUTINE_AUDIT_NOTES = ("Medicare amounts are ", "Medicare outpatient hospital amounts ", "Setting: ",
                       "Hospital prices from ")
_WAGE_YEAR = re.compile(r"priced with the CY \d{4} wage index, the newest billadvocate has")
# the audit's directions to whoever runs it (command options, case-file fields), in the patient's words
# (report/spanish_account.py has their Spanish)
PATIENT_WORDS = (
    (" To compare with the right year, give the dates of care in the case (care.start, care.end) or audit with --as-of "
     "a day of the care.", " To compare with the right year, give the dates of the care."),
    (" Give --setting or care.setting to check them.", " Say where the care was given (a doctor's office, a hospital "
     "outpatient visit or a hospital stay) to check them."),
)


# the import command a note names for an older schedule (audit/dated_schedules.py, audit/benchmarks_sql.py): for
# whoever runs billadvocate, kept in `audit`, left out of the patient's review
IMPORT_COMMANDS = (re.compile(r" \(billadvocate data import [^()]*\)"),
                   re.compile(r": billadvocate data import \S+ FILE adds its year's"),
                   re.compile(r"; billadvocate data import \S+ FILE adds its fiscal year's weights"))


def audit_notes(notes: list[str]) -> list[str]:
    """The audit's notes the review shows with an account, in the patient's words."""
    out = []
    for n in notes:
        if n.startswith(ROUTINE_AUDIT_NOTES) or _WAGE_YEAR.search(n):
            continue
        for a, b in PATIENT_WORDS:
            n = n.replace(a, b)
        for command in IMPORT_COMMANDS:
            n = command.sub("", n)
        out.append(n)
    return out


def review_account(case: Case, account: Account, as_of: date, *, skip_unreadable: bool = False) -> AccountReview:
    out = AccountReview(account=account)
    base = case_dir(case)
    # the collector's validation notice kept with the case: what it leaves out, for the rights engine
    # (REGF.VALIDATION_INCOMPLETE); the other engines keep the case's own account
    noticed, notes = with_notice_gaps(case, account, base)
    out.notes += notes
    # step 1: read the bills and audit them
    out.bills = _read_each(read_bill, base, account.bill, out, skip_unreadable)
    out.eobs = _read_each(read_eob, base, account.eob, out, skip_unreadable)
    if out.eobs:
        from .audit.stay_drg import carry_ms_drg

        carry_ms_drg(out.bills, out.eobs)  # a stay's MS-DRG from the payer's 835 (CLP11)
        out.eob_match = match(out.bills, out.eobs)
        # joined as `audit --eob` joins them: an undated line takes its EOB line's date; a near match is noted,
        # and the patient is told both (report/spanish_audit_notes.py has their Spanish)
        said = {id(b): len(b.notes) for b in out.bills}
        date_from_eobs(out.bills, out.eobs, out.eob_match)
        code_differences(out.bills, out.eobs, out.eob_match)
        out.notes += [n for b in out.bills for n in b.notes[said[id(b)]:]]
    if out.bills:
        out.audit = audit_bills(out.bills, facts=audit_facts(case, account, as_of),
                                not_received=set(account.not_received), as_of=as_of,
                                eobs=eobs_table(out.eobs, out.bills, out.eob_match) if out.eobs else None)
        out.findings = list(out.audit.findings)
        out.notes += audit_notes(out.audit.notes)
    elif out.eobs:
        # an EOB audited on its own (as `audit --eob` does): its claims stand for the bill
        owners = [Bill(source=e.source, format=e.format) for e in out.eobs]
        out.audit = audit_bills([], facts=audit_facts(case, account, as_of), as_of=as_of,
                                eobs=eobs_table(out.eobs, owners))
        out.findings = list(out.audit.findings)
        out.notes.append("there is no itemized bill in the case: the EOBs were audited on their own; "
                         "ask the provider for an itemized bill to check each charge")
    else:
        out.notes.append("there is no itemized bill in the case: the bill could not be checked line by line; "
                         "ask the provider for an itemized bill")
    if out.findings:  # where a state's own law forbids the same thing, the finding names it (audit/state_law.py)
        from .audit.state_law import with_state_law

        out.findings = with_state_law(out.findings, account.provider.state or case.patient.state,
                                      account.care.start or as_of)
    # step 2: rights (protections, conduct violations, deadlines, statute of limitations)
    rights = review_rights(case, noticed, as_of)
    out.protections, out.violations = rights.protections, rights.violations
    out.deadlines, out.sol = rights.deadlines, rights.sol
    # step 2b: insurer denials: who acts, the appeal route and its deadlines, the hold on the bill (appeals/)
    from .appeals import review_denials

    review_denials(case, out, as_of)
    # step 3: financial assistance
    household = case.household
    out.assistance = assistance(
        state=case.patient.state,
        household_size=household.size if household else None,
        annual_income=household.annual_income if household else None,
        as_of=as_of, case=case, account=account,
    )
    # steps 7-9: fair amount, offer, payment plan, call scripts (after every other step)
    money_step(case, out, as_of)
    return out


def money_step(case: Case, out: AccountReview, as_of: date) -> None:
    """Fill the offer, the plan and the call scripts; copy FAP_APPLICATION_END into the application."""
    application = out.assistance.get("application")
    if application is not None:
        for d in out.deadlines:
            if d.kind == "FAP_APPLICATION_END":
                application["deadline"] = d.date.isoformat()
    money = negotiate(case, out, as_of)
    out.offer, out.plan, out.call_scripts = money["offer"], money["plan"], money["call_scripts"]
    out.findings = money["findings"]  # IRS501R.OVER_AGB says the offer's figure
    from .actions.safety import guard_scripts

    guard_scripts(out, as_of, state=case.patient.state)  # no offer on the phone where no offer letter is safe


def review_case(case: Case, as_of: date | None = None, *, skip_unreadable: bool = False) -> ReviewResult:
    """Everything for a case, as of a date (default: the case's as_of, else today). With
    skip_unreadable, a bill or EOB that cannot be read is listed, not fatal (the web app)."""
    as_of = as_of or case.as_of or date.today()
    # step 0: the hospital directory fills what the case leaves out (nonprofit, kind), the case winning
    from .hospitals import know_hospitals

    case, hospitals = know_hospitals(case, as_of)
    accounts = [review_account(case, a, as_of, skip_unreadable=skip_unreadable) for a in case.accounts]
    for a in accounts:
        a.hospital = hospitals[a.account.id].to_json() if a.account.id in hospitals else None
    across_accounts(case, accounts, as_of)  # one lump sum, one budget shared by the plans
    result = ReviewResult(case=case, as_of=as_of, accounts=accounts)
    # step 12: the credit report (deadlines go to the account the tradeline reports, else top level)
    credit = check_credit(case, as_of)
    result.credit_result, result.credit = credit, list(credit.findings)
    result.credit_deadlines = list(credit.deadlines)
    for a in accounts:
        a.deadlines.extend(credit.account_deadlines.get(a.account.id, []))
    # last step: the letters the case needs, with the reason (they read every engine's results)
    from .letters.select import attach_letters

    attach_letters(result)
    # what to do first: the ordered steps, from everything above (actions/)
    from .actions import plan_actions

    result.actions = plan_actions(result)
    return result
