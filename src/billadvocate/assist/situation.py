"""The facts the assistance programs decide on, gathered from a case or from `assist` options.

Each fact may be missing (None); a program that needs it answers `eligible: null` and names the
fact the way the user supplies it (a case-file field, or a command-line option).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..model import Account, Case, Fap

# where each fact comes from, in the case file and on the command line
CASE_FIELDS = {
    "annual_income": "household.annual_income",
    "household_size": "household.size",
    "insurance": "insurance.status",
    "kind": "accounts[{i}].provider.kind",
    "nonprofit": "accounts[{i}].provider.nonprofit",
    "tier": "accounts[{i}].provider.tier",
    "rural": "accounts[{i}].provider.rural",
    "fap": "accounts[{i}].provider.fap",
    "balance": "accounts[{i}].balance",
    "setting": "accounts[{i}].care.setting",
}
# the same facts in words, for the sentences a patient reads when they come from a case file
CASE_WORDS = {
    "annual_income": "the household's yearly income",
    "household_size": "the number of people in the household",
    "insurance": "the patient's insurance (insured, uninsured, Medicare, Medicaid)",
    "kind": "what kind of provider sent the bill",
    "nonprofit": "whether the hospital is a nonprofit",
    "tier": "the hospital's tier under Washington law",
    "rural": "whether the hospital is rural or a Critical Access Hospital",
    "fap": "the hospital's financial-assistance policy (its free-care and discount income limits)",
    "balance": "the balance asked",
    "setting": "whether the care was inpatient or outpatient",
}
CLI_OPTIONS = {
    "annual_income": "--income",
    "household_size": "--household",
    "insurance": "--insurance",
    "kind": "--provider-kind",
    "nonprofit": "--nonprofit/--for-profit",
    "tier": "--hospital-tier",
    "rural": "--rural/--urban",
    "fap": "--fap-free-fpl/--fap-discount-fpl/--fap-discount",
    "balance": "--balance",
    "setting": "--setting",
}


@dataclass
class Situation:
    """One household and (optionally) one provider's bill."""

    state: str                            # the patient's state
    household_size: int | None = None
    annual_income: Decimal | None = None
    fpl_percent: Decimal | None = None    # filled by assistance()
    insurance: str | None = None          # insured | uninsured | medicare | medicaid | qmb
    provider_name: str | None = None
    provider_state: str | None = None
    kind: str | None = None               # hospital | physician | lab | ambulance | other
    nonprofit: bool | None = None
    tier: int | None = None
    rural: bool | None = None
    fap: Fap | None = None
    balance: Decimal | None = None
    care_date: date | None = None
    first_bill_date: date | None = None
    emergency: bool | None = None
    setting: str | None = None            # professional | outpatient | inpatient
    names: dict[str, str] = field(default_factory=lambda: dict(CLI_OPTIONS))
    words: dict[str, str] | None = None   # from a case: how the sentences name a missing fact

    @property
    def law_state(self) -> str:
        """The state whose hospital law applies: where the provider is, else where the patient lives."""
        return self.provider_state or self.state

    def income_fact(self) -> str:
        """The fact the poverty-guideline percentage still needs: household size, else income."""
        return self.fact("household_size" if self.household_size is None else "annual_income")

    def say(self, key: str) -> str:
        """A fact as the sentences name it: in words for a case (never a data path), else the option."""
        return (self.words or {}).get(key) or self.fact(key)

    def said(self, facts: list[str]) -> str:
        """Missing facts (as fact() names them) joined in the words say() uses."""
        back = {self.fact(k): k for k in self.names}
        return ", ".join(self.say(back[f]) if f in back else f for f in facts)

    def fact(self, key: str) -> str:
        """How the user supplies a fact, e.g. 'accounts[0].provider.tier' or '--hospital-tier'."""
        return self.names.get(key, key)

    @classmethod
    def from_case(cls, case: Case, account: Account | None = None) -> Situation:
        household = case.household
        i = case.accounts.index(account) if account is not None else 0
        names = {k: v.format(i=i) for k, v in CASE_FIELDS.items()}
        sit = cls(
            state=case.patient.state,
            household_size=household.size if household else None,
            annual_income=household.annual_income if household else None,
            insurance=case.insurance.status if case.insurance else None,
            names=names,
            words=dict(CASE_WORDS),
        )
        if account is not None:
            p = account.provider
            sit.provider_name = p.name
            sit.provider_state = p.state
            sit.kind = p.kind
            sit.nonprofit = p.nonprofit
            sit.tier = p.tier
            sit.rural = p.rural
            sit.fap = p.fap
            sit.balance = account.balance
            sit.care_date = account.care.start
            sit.first_bill_date = account.first_bill_date
            sit.emergency = account.care.emergency
            sit.setting = account.care.setting
        return sit
