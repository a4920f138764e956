"""The letter types: one small unit per type, each saying who it goes to, what it needs, the law
it rests on, and when a case needs it (and why).

A unit is a module exporting `KIND = LetterKind(...)`; its wording lives in
`letters/templates/<lang>/<type>.j2`, one file per language.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

from ..facts import LetterFacts, Need

# The order letters are chosen, written and bound into the packet: ask for facts first, dispute,
# then ask for help, then offer, then the protective letters. A patient who has died: the notice of it first.
ORDER = ("death_notice", "itemized_request", "validation_request", "dispute", "billing_dispute", "nsa_dispute",
         "claim_file_request", "insurer_appeal", "medicare_redetermination", "fair_hearing_request",
         "medical_necessity_request", "external_review_request", "insurance_complaint",
         "fap_application", "hardship", "settlement_offer", "payment_plan_offer", "cease",
         "credit_dispute")


@dataclass(frozen=True)
class LetterKind:
    """One letter type: metadata, required facts, and when a case needs it."""

    type: str
    title: str
    recipient: str  # provider | collector | holder (whoever holds the debt now) | bureau | insurer | regulator
    summary: str  # when it is needed and why, in one or two sentences (for docs)
    citations: tuple[str, ...]  # the law the letter always cites, printed in its text
    needs: tuple[Need, ...]
    when: Callable[[LetterFacts], str | None]  # the reason this case needs it, or None
    extra: Callable[[LetterFacts], dict[str, Any]] = field(default=lambda f: {})
    may_cite: tuple[str, ...] = ()  # law cited only in some variants (listed when printed)
    certified: bool = False  # send it so its receipt can be proved
    case_level: bool = False  # one per bureau for the case, not one per account
    # who signs, when not the patient (name, address, phone, email): the relative of a patient who has died
    writer: Callable[[LetterFacts], Any] | None = None


# ---------------------------------------------------------------- needs shared by the types

PATIENT_NAME = Need("patient.name", "the patient's name", lambda f: f.patient.name,
                    what_es="el nombre del paciente")
PATIENT_ADDRESS = Need("patient.address", "the patient's mailing address", lambda f: f.patient.address,
                       what_es="la dirección postal del paciente")
PROVIDER_ADDRESS = Need("accounts[{i}].provider.address", "the billing office's mailing address",
                        lambda f: f.account.provider.address,
                        what_es="la dirección postal de la oficina de facturación")
ACCOUNT_NUMBER = Need("accounts[{i}].account_number", "the account number printed on the bill",
                      lambda f: f.account.account_number,
                      what_es="el número de cuenta impreso en la factura")
COLLECTOR = Need("accounts[{i}].collector", "the collector holding the account (name and address)",
                 lambda f: f.collector,
                 what_es="el cobrador que tiene la cuenta (nombre y dirección)")
COLLECTOR_ADDRESS = Need("accounts[{i}].collector.address", "the collector's mailing address",
                         lambda f: f.collector.address if f.collector else None,
                         what_es="la dirección postal del cobrador")
COLLECTOR_REFERENCE = Need("accounts[{i}].collector.account_number",
                           "the collector's reference number (or the bill's account number)",
                           lambda f: (f.collector.account_number if f.collector else None)
                           or f.account.account_number,
                           what_es="el número de referencia del cobrador (o el número de cuenta de la "
                                   "factura)")
BALANCE = Need("accounts[{i}].balance", "the balance being asked for", lambda f: f.account.balance,
               what_es="el saldo que le cobran")


def holder_needs() -> tuple[Need, ...]:
    """Needs for a letter to whoever holds the debt now (the collector if any, else the provider)."""
    return (Need(lambda f: "accounts[{i}].collector.address" if f.collector
                 else "accounts[{i}].provider.address",
                 "the mailing address of whoever holds the debt now",
                 lambda f: f.collector.address if f.collector else f.account.provider.address,
                 what_es="la dirección postal de quien tiene la deuda ahora"),
            Need("accounts[{i}].account_number", "an account number (the bill's or the collector's)",
                 lambda f: f.account.account_number or (f.collector.account_number if f.collector else None),
                 what_es="un número de cuenta (el de la factura o el del cobrador)"))


def barred(f) -> dict[str, Any] | None:
    """The debt is too old to sue on (and the patient has not chosen to pay): the state and the day
    the limit ran out, for the letters that must say so."""
    sol = (f.review.sol or {}) if f.review is not None else {}
    if not sol.get("time_barred") or sol.get("judgment") or f.account.patient_chose_to_pay:
        return None  # a debt reduced to a judgment is not 'too old to sue on' (rights/sol.py): a lawyer first
    from ...states import NAMES

    return {"state": NAMES.get(f.case.patient.state, f.case.patient.state), "expires": sol.get("expires")}


def count(n: int, word: str, plural: str | None = None) -> str:
    """'1 problem', '3 problems': a number with its noun, the plural right."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def rule_names(rules) -> str:
    """Rule ids in the patient's words ('Too many calls, Contact at an inconvenient time')."""
    from ..compose import rule_name

    return ", ".join(dict.fromkeys(rule_name(r, "en", short=True) for r in sorted(rules)))


def all_kinds() -> list[LetterKind]:
    return [importlib.import_module(f"{__name__}.{name}").KIND for name in ORDER]


def kind(letter_type: str) -> LetterKind:
    if letter_type not in ORDER:
        raise KeyError(letter_type)
    return importlib.import_module(f"{__name__}.{letter_type}").KIND
