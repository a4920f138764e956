"""The facts a letter is filled from: the case, one account's review, and the engines' results.

Engines that are not there (yet) simply leave their facts empty: a letter that needs one is not
chosen by the review, and `billadvocate letter` names the missing fact instead of printing a
half-empty letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from string import Formatter
from typing import Any, Callable

from ..errors import BadInput
from ..model import Finding

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
}
BUREAUS = ("equifax", "experian", "transunion")
REPLY_DAYS = 30  # the reply we ask for; not a legal period (those come from the law data)


class MissingFact(BadInput):
    """A letter cannot be written without this case field; the CLI prints it and exits 2."""


def long_date(d: date | None, lang: str) -> str:
    """November 28, 2026 / 28 de noviembre de 2026"""
    if d is None:
        return ""
    if lang == "es":
        return f"{d.day} de {MONTHS['es'][d.month - 1]} de {d.year}"
    return f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}"


def address_lines(address: str | None) -> list[str]:
    """'PO Box 100, Fresno, CA 93702' -> ['PO Box 100', 'Fresno, CA 93702'] (street, then city line)."""
    if not address:
        return []
    if "\n" in address:
        return [p.strip() for p in address.splitlines() if p.strip()]
    parts = [p.strip() for p in address.split(",") if p.strip()]
    if len(parts) >= 3:
        return [*parts[:-2], f"{parts[-2]}, {parts[-1]}"]
    return parts


def as_dict(value: Any) -> dict[str, Any] | None:
    """An engine result as a plain dict (engines may hand dicts, dataclasses or pydantic models)."""
    if value is None:
        return None
    if isinstance(value, dict):
        return value
    for name in ("to_json", "model_dump"):
        fn = getattr(value, name, None)
        if callable(fn):
            return fn()
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    return None


def number(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except Exception:
        return None


def finding_bureau(f: Finding, tradelines: list) -> set[str]:
    """Which bureaus a credit finding is about: its own `bureau` field, else the names and
    furnishers its message mentions."""
    extra = getattr(f, "model_extra", None) or {}
    for key in ("bureau", "bureaus"):
        v = getattr(f, key, None) or extra.get(key)
        if v:
            return {v.lower()} if isinstance(v, str) else {str(b).lower() for b in v}
    text = (f.message or "").lower()
    named = {b for b in BUREAUS if b in text}
    if named:
        return named
    return {t.bureau for t in tradelines if t.furnisher and t.furnisher.lower() in text}


def finding_tradeline(f: Finding, bureau: str, tradelines: list):
    """The tradeline of `bureau` a credit finding is about, when it can be told."""
    extra = getattr(f, "model_extra", None) or {}
    idx = getattr(f, "tradeline", None) if hasattr(f, "tradeline") else extra.get("tradeline")
    if isinstance(idx, int) and 0 <= idx < len(tradelines):
        return tradelines[idx]
    text = (f.message or "").lower()
    mine = [t for t in tradelines if t.bureau == bureau]
    for t in mine:
        if t.furnisher and t.furnisher.lower() in text:
            return t
    return mine[0] if len(mine) == 1 else None


def message_fields(rule, message: str) -> tuple[str | None, dict[str, str]]:
    """The row columns an audit finding's message was written from, read back with the rule's own
    message templates: (kind, {column: text}), or (None, {}) when no template fits. A Finding keeps
    only its words; a letter that names each service and date in its own language reads them here."""
    templates = rule.message if isinstance(rule.message, dict) else {"default": rule.message}
    for kind, template in templates.items():
        m = _template_pattern(template).fullmatch(message or "")
        if m:
            return kind, m.groupdict()
    return None, {}


@lru_cache(maxsize=None)
def _template_pattern(template: str) -> re.Pattern:
    parts, seen = [], set()
    for literal, name, _spec, _conv in Formatter().parse(template):
        # a NULL column's ' on {name}' is left out of the message (audit/rule.py): read it as optional
        dropped = bool(name) and name not in seen and literal.endswith(" on ")
        parts.append(re.escape(literal[:-4] if dropped else literal))
        if dropped:
            parts.append(f"(?: on (?P<{name}>.*?))?")
        elif name:
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")  # a field may be empty ("{consent}")
        if name:
            seen.add(name)
    return re.compile("".join(parts), re.S)


def conditional(v: Finding) -> bool:
    """A violation the engine states only on a condition the case cannot show ('You have insurance, so
    this applies if your medical costs are high ... and you told the hospital so'; collecting after a
    dispute when, with no validation notice in the case, whether the dispute was timely 'cannot be
    told'): the review tells the patient what to check; a letter does not allege it."""
    return ((v.rule.startswith("STATE.") and v.rule.endswith(".COLLECTION_WAIT") and " so this applies if " in v.message)
            or (v.rule == "REGF.COLLECTION_DURING_DISPUTE" and "cannot be told" in v.message))


@dataclass
class LetterFacts:
    """Everything known for one letter: the case, one account's review (or none, for the
    case-level credit disputes), and the bureau for a credit dispute."""

    result: Any  # ReviewResult
    review: Any = None  # AccountReview
    bureau: str | None = None

    @property
    def case(self):
        return self.result.case

    @property
    def as_of(self) -> date:
        return self.result.as_of

    @property
    def patient(self):
        return self.case.patient

    @property
    def account(self):
        return self.review.account if self.review is not None else None

    @property
    def index(self) -> int:
        """The account's position in the case file, for field paths like accounts[0].balance."""
        return self.case.accounts.index(self.account) if self.account is not None else 0

    def field(self, rest: str) -> str:
        return f"accounts[{self.index}].{rest}"

    @property
    def collector(self):
        return self.account.collector if self.account is not None else None

    @property
    def reply_by(self) -> date:
        return self.as_of + timedelta(days=REPLY_DAYS)

    # ------------------------------------------------------------ engines' results

    @property
    def findings(self) -> list[Finding]:
        """Bill-audit findings that matter (info-level notes left out)."""
        return [f for f in (self.review.findings if self.review else []) if f.severity != "info"]

    @property
    def violations(self) -> list[Finding]:
        """Conduct a letter can allege: not info-level notes, and not a violation that holds only on a fact
        the case cannot show (conditional)."""
        return [v for v in (self.review.violations if self.review else [])
                if v.severity != "info" and not conditional(v)]

    @property
    def deadlines(self) -> list:
        return list(self.review.deadlines) if self.review else []

    def deadline(self, kind: str):
        for d in self.deadlines:
            if d.kind == kind:
                return d
        return None

    @property
    def assistance(self) -> dict[str, Any]:
        return as_dict(self.review.assistance) or {} if self.review else {}

    @property
    def offer(self) -> dict[str, Any] | None:
        o = as_dict(self.review.offer) if self.review else None
        return o if o and number(o.get("opening")) is not None else None

    @property
    def plan(self) -> dict[str, Any] | None:
        p = as_dict(self.review.plan) if self.review else None
        return p if p and number(p.get("monthly")) is not None and p.get("months") else None

    @property
    def fpl_percent(self) -> Decimal | None:
        return number(self.assistance.get("fpl_percent"))

    @property
    def tradelines(self) -> list:
        cr = self.case.credit_report
        return list(cr.tradelines) if cr else []

    def credit_problems(self, bureau: str | None = None) -> list[tuple[Finding, Any]]:
        """(finding, tradeline or None) for the credit findings about `bureau`."""
        bureau = bureau or self.bureau
        out = []
        for f in getattr(self.result, "credit", []) or []:
            if f.severity == "info":
                continue
            if bureau in finding_bureau(f, self.tradelines):
                out.append((f, finding_tradeline(f, bureau, self.tradelines)))
        return out

    def credit_bureaus(self) -> list[str]:
        """The bureaus with at least one credit problem, in a fixed order."""
        return [b for b in BUREAUS if self.credit_problems(b)]

    # ------------------------------------------------------------ money of the household

    @property
    def monthly_income(self) -> Decimal | None:
        h = self.case.household
        return (h.annual_income / 12) if h and h.annual_income is not None else None

    @property
    def monthly_surplus(self) -> Decimal | None:
        h = self.case.household
        if h is None or h.annual_income is None or h.monthly_expenses is None:
            return None
        return h.annual_income / 12 - h.monthly_expenses

    @property
    def lump_sum(self) -> Decimal | None:
        h = self.case.household
        if h is None:
            return None
        return h.lump_sum_available if h.lump_sum_available is not None else h.liquid_assets

    @property
    def money_advice(self):
        """Whether settlement, plan and hardship letters are safe here (actions/safety.py)."""
        if self.review is None:
            return None
        from ..actions.safety import money_advice

        return money_advice(self.review, self.as_of, state=self.case.patient.state)

    def sent(self, letter_type: str) -> bool:
        """The log shows the patient already sent this kind of letter on this account."""
        return any(e.from_ == "patient" and e.kind in ("letter", "email") and e.type == letter_type
                   for e in (self.account.events if self.account else []))


@dataclass(frozen=True)
class Need:
    """A fact a letter cannot do without: the case field to fill, in words, and how to read it."""

    field: str | Callable[[LetterFacts], str]  # a case-file path; "{i}" is the account's index
    what: str
    get: Callable[[LetterFacts], Any]
    what_es: str = ""  # `what` in Spanish, for the account note on a Spanish page (tests: none is empty)

    def path(self, facts: LetterFacts) -> str:
        name = self.field(facts) if callable(self.field) else self.field
        return name.replace("{i}", str(facts.index))

    def missing(self, facts: LetterFacts) -> bool:
        v = self.get(facts)
        return v is None or v == "" or v == [] or v == {}


def check_needs(letter_type: str, needs, facts: LetterFacts, *, file: str | None = None) -> None:
    """Raise MissingFact for the first need that is not met."""
    for need in needs:
        if need.missing(facts):
            raise MissingFact(f"the {letter_type} letter needs {need.what}: fill it in the case file "
                              "and run again", file=file, where=need.path(facts))


def first_missing(needs, facts: LetterFacts) -> Need | None:
    for need in needs:
        if need.missing(facts):
            return need
    return None
