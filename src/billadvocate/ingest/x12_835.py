"""X12 835 (005010X221A1) Health Care Claim Payment/Advice -> the canonical Eob.

Read: the payment (BPR, TRN), payer and payee (N1), each claim (CLP) with its adjustments (CAS),
patient (NM1*QC), insured (NM1*IL), rendering provider (NM1*82), dates (DTM*232/233), covered
amount (AMT*AU) and remarks (MOA/MIA), and each service line (SVC) with its date (DTM*472, or
150/151), adjustments, allowed amount (AMT*B6), line id (REF*6R) and remarks (LQ*HE).
Patient responsibility is split from the PR adjustments: reason 1 deductible, 2 coinsurance,
3 copay, anything else `other_patient`. Older 4010 files read the same way, with a note.
"""

from __future__ import annotations

from decimal import Decimal

from ..errors import BadInput
from . import carc
from .eob_model import Adjustment, Eob, EobClaim, EobLine, denial_reasons, is_denial, patient_split
from .x12 import Interchange, get, load, name_of, walk

# CLP02 claim status codes
_STATUS = {"1": "primary", "2": "secondary", "3": "tertiary", "4": "denied", "19": "primary",
           "20": "secondary", "21": "tertiary", "22": "reversal", "23": "not our claim, forwarded",
           "25": "predetermination pricing only"}
_STATUS_TEXT = {"1": "processed as primary", "2": "processed as secondary", "3": "processed as tertiary",
                "4": "denied", "19": "processed as primary, forwarded to another payer",
                "20": "processed as secondary, forwarded", "21": "processed as tertiary, forwarded",
                "22": "reversal of a previous payment", "23": "not our claim, forwarded",
                "25": "predetermination pricing only, no payment"}
# CLP06 claim filing indicator: MA is Medicare Part A (institutional), MB Part B (professional)
_KIND = {"MA": "institutional", "MB": "professional"}
_SVC_QUALIFIERS = ("HC", "NU", "N4", "AD", "ZZ", "ER", "WK")
_CAS_AMOUNT = {i: f"CAS{i + 1:02d} adjustment amount" for i in range(2, 20, 3)}
_CAS_QUANTITY = {i: f"CAS{i + 2:02d} adjustment quantity" for i in range(2, 20, 3)}
ZERO = Decimal(0)


class _Record:
    """A claim or line being read: plain attributes, made into the model when complete."""

    def __init__(self, values: dict):
        self.__dict__ = values


def _defaults(model) -> tuple[dict, tuple[str, ...]]:
    """The model's plain defaults, and the names of its list fields (a new list for each record)."""
    fields = model.model_fields
    return ({n: f.default for n, f in fields.items() if f.default_factory is None},
            tuple(n for n, f in fields.items() if f.default_factory is not None))


_CLAIM, _LINE = _defaults(EobClaim), _defaults(EobLine)


def _new(defaults: tuple[dict, tuple[str, ...]], **values) -> _Record:
    """A plain record with the model's fields (fast to fill); made into the model when complete."""
    plain, listed = defaults
    record = plain.copy()
    for name in listed:
        record[name] = []
    record.update(values)
    return _Record(record)


_set = object.__setattr__


def _drg(text: str) -> str | None:
    """CLP11, the DRG code of an institutional claim: three digits (871), else not read."""
    t = text.strip()
    return t.zfill(3) if t.isdigit() and 1 <= len(t) <= 3 else None


def _build(model, values: dict):
    """The model from complete values the reader already typed and checked (Decimal amounts, dates,
    codes as text), without validating them a second time: that would double the time of a large 835."""
    obj = model.__new__(model)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set())
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _adjustment(group: str, reason: str, amount: Decimal, quantity: Decimal | None) -> Adjustment:
    return _build(Adjustment, {"group": group, "reason": reason, "amount": amount, "quantity": quantity,
                               "group_meaning": carc.group_meaning(group), "meaning": carc.reason_meaning(reason)})


def read_835(path, *, text: str | None = None) -> Eob:
    """Read an X12 835 file into an Eob."""
    ic = load(path, text, transaction="835", what="an 835 remittance (EOB)")
    return _Reader(ic).read()


class _Reader:
    def __init__(self, ic: Interchange):
        self.ic = ic
        self.eob = Eob(source=ic.file, format="x12-835")
        self.claim: _Record | None = None
        self.line: _Record | None = None
        self.n1: str = ""
        self.provider_adjustments = Decimal(0)  # PLB amounts: taken from (or added to) the whole payment

    def read(self) -> Eob:
        handlers = {"BPR": self.on_BPR, "TRN": self.on_TRN, "N1": self.on_N1, "DTM": self.on_DTM,
                    "CLP": self.on_CLP, "NM1": self.on_NM1, "AMT": self.on_AMT, "MOA": self.on_MOA,
                    "MIA": self.on_MIA, "LQ": self.on_LQ, "REF": self.on_REF, "CAS": self.on_CAS,
                    "SVC": self.on_SVC, "PLB": self.on_PLB}  # local: kept on self, the bound methods would make a cycle
        walk(self.ic, handlers, "Reading 835")
        self._finish_claim()
        notes = [*self.ic.notes, self.ic.version_note(), *self.eob.notes]
        if not self.eob.claims:
            notes.append("the 835 holds no claim (CLP): it may be a payment without remittance detail")
        notes.append(self._payment_check())
        self.eob.notes = [n for n in notes if n]
        return self.eob

    def _payment_check(self) -> str | None:
        """BPR02 (the payment) = the claims' payments (CLP04) less the provider-level adjustments (PLB)."""
        if self.eob.payment_total is None or not self.eob.claims:
            return None
        claims = sum((c.paid or Decimal(0) for c in self.eob.claims), Decimal(0))
        expected = claims - self.provider_adjustments
        if abs(expected - self.eob.payment_total) <= Decimal("0.01"):
            return None
        plb = f" less provider-level adjustments (PLB) of ${self.provider_adjustments:,.2f}" if self.provider_adjustments else ""
        return (f"the payment total (BPR02) of ${self.eob.payment_total:,.2f} does not match the claims' payments "
                f"(${claims:,.2f}{plb}, = ${expected:,.2f}): this remittance may be missing claims or adjustments")

    def on_PLB(self, el: list[str], n: int) -> None:
        for i in range(4, len(el), 2):  # PLB03/04, 05/06 ...: adjustment id, amount
            amount = self.ic.money(get(el, i), n, "PLB", f"PLB{i:02d} adjustment amount")
            self.provider_adjustments += amount or Decimal(0)

    # ---------------------------------------------------------------- header
    def on_BPR(self, el: list[str], n: int) -> None:
        self.eob.payment_total = self.ic.money(get(el, 2), n, "BPR", "BPR02 payment amount")
        self.eob.payment_method = get(el, 4) or None
        if get(el, 16):
            try:
                self.eob.payment_date = self.ic.date(el[16], n, "BPR")
            except BadInput as e:  # the payment date is not needed to read the claims
                self.eob.notes.append(f"{e.where}: payment date {e.problem}")

    def on_TRN(self, el: list[str], n: int) -> None:
        self.eob.trace_number = self.eob.trace_number or get(el, 2) or None

    def on_N1(self, el: list[str], n: int) -> None:
        self.n1 = get(el, 1)
        if self.n1 == "PR":
            self.eob.payer = name_of(el) or None
        elif self.n1 == "PE":
            self.eob.payee = name_of(el) or None
            if get(el, 3) == "XX":
                self.eob.payee_npi = get(el, 4) or None

    def on_DTM(self, el: list[str], n: int) -> None:
        qual, value = get(el, 1), get(el, 2)
        line, claim = self.line, self.claim
        if line is not None:
            if qual == "472" or qual == "150":
                line.date = self.ic.date(value, n, "DTM")
                if qual == "472":
                    line.date_end = line.date
            elif qual == "151":
                line.date_end = self.ic.date(value, n, "DTM")
        elif claim is not None:
            if qual == "232":
                claim.start = self.ic.date(value, n, "DTM")
            elif qual == "233":
                claim.end = self.ic.date(value, n, "DTM")
        elif qual == "405" and self.eob.payment_date is None:
            self.eob.payment_date = self.ic.date(value, n, "DTM")

    # ---------------------------------------------------------------- claim
    def on_CLP(self, el: list[str], n: int) -> None:
        self._finish_claim()
        if len(el) < 8:
            el = el + [""] * (8 - len(el))
        claim_id = el[1].strip()
        if not claim_id:
            raise self.ic.error("CLP01 (the claim id) is blank", n, "CLP")
        status = el[2].strip()
        money = self.ic.money
        eob = self.eob
        order = _STATUS.get(status)
        self.claim = _new(_CLAIM,
            claim_id=claim_id, payer=eob.payer, provider=eob.payee, provider_npi=eob.payee_npi,
            billed=money(el[3], n, "CLP", "CLP03 total charge"), paid=money(el[4], n, "CLP", "CLP04 payment"),
            patient_responsibility=money(el[5], n, "CLP", "CLP05 patient responsibility"),
            payer_claim_id=el[7] or None, status_code=status or None,
            status_text=_STATUS_TEXT.get(status) or (f"status code {status}" if status else ""),
            kind=_KIND.get(el[6].strip()),
            payer_order=order if order in ("primary", "secondary", "tertiary") else None,
            ms_drg=_drg(el[11] if len(el) > 11 else ""),
        )
        self.line = None

    def on_NM1(self, el: list[str], n: int) -> None:
        claim = self.claim
        if claim is None:
            return
        role = get(el, 1)
        if role == "QC":
            claim.patient = name_of(el) or None
            claim.member_id = claim.member_id or get(el, 9) or None
        elif role == "IL":
            claim.member_id = get(el, 9) or claim.member_id
        elif role == "82":
            claim.provider = name_of(el) or claim.provider
            if get(el, 8) == "XX":
                claim.provider_npi = get(el, 9) or claim.provider_npi

    def on_AMT(self, el: list[str], n: int) -> None:
        qual = get(el, 1)
        if self.line is not None:
            if qual == "B6":
                self.line.allowed = self.ic.money(get(el, 2), n, "AMT", "AMT02 allowed amount")
        elif self.claim is not None and qual == "AU":
            self.claim.allowed = self.ic.money(get(el, 2), n, "AMT", "AMT02 coverage amount")

    def on_MOA(self, el: list[str], n: int) -> None:
        if self.claim is not None:
            self.claim.remarks += [c for c in el[3:8] if c]

    def on_MIA(self, el: list[str], n: int) -> None:
        if self.claim is not None:
            self.claim.remarks += [c for c in (get(el, 5), *el[20:24]) if c]

    def on_LQ(self, el: list[str], n: int) -> None:
        if self.line is not None and get(el, 1) == "HE" and get(el, 2):
            self.line.remarks.append(el[2])

    def on_REF(self, el: list[str], n: int) -> None:
        if self.line is not None and get(el, 1) == "6R":
            self.line.control_number = get(el, 2) or None

    def on_CAS(self, el: list[str], n: int) -> None:
        if self.claim is None:
            return
        group = get(el, 1).strip().upper()
        target = self.line.adjustments if self.line is not None else self.claim.adjustments
        money = self.ic.money
        size = len(el)
        for i in range(2, min(size, 20), 3):
            reason = el[i].strip()
            if not reason:
                continue
            amount = money(el[i + 1], n, "CAS", _CAS_AMOUNT[i]) if i + 1 < size else None
            qty = money(el[i + 2], n, "CAS", _CAS_QUANTITY[i]) if i + 2 < size else None
            target.append(_adjustment(group, reason, amount or ZERO, qty))

    # ---------------------------------------------------------------- service line
    def on_SVC(self, el: list[str], n: int) -> None:
        claim = self.claim
        if claim is None:
            raise self.ic.error("a service line (SVC) comes before any claim (CLP)", n, "SVC")
        self._finish_line()
        if len(el) < 7:
            el = el + [""] * (7 - len(el))
        parts = self.ic.components(el[1])
        if len(parts) == 1 and parts[0] in _SVC_QUALIFIERS and el[2]:
            # some senders put the code in its own element ('SVC*HC*24599*...'): read it as the code
            code = el[2].split(".")[0]
            parts = [parts[0], code]
            el = [el[0], "", *el[3:], ""]
            self.eob.notes.append(f"segment {n} (SVC): the procedure code was not joined to its "
                                  f"qualifier; read {code} as the code")
        qual = parts[0]
        code = parts[1].strip() if len(parts) > 1 else None
        money = self.ic.money
        line = _new(_LINE, line=len(claim.lines) + 1, code_system=qual or None,
                    code=code if qual != "NU" else None, modifiers=[p for p in parts[2:6] if p],
                    description=parts[6] if len(parts) > 6 else "",
                    billed=money(el[2], n, "SVC", "SVC02 charge"), paid=money(el[3], n, "SVC", "SVC03 payment"),
                    revenue_code=(el[4] or (code if qual == "NU" else "")) or None,
                    units=money(el[5], n, "SVC", "SVC05 units"))
        if el[6]:
            original = self.ic.components(el[6])
            if len(original) > 1 and original[1]:
                line.billed_code = original[1]
        self.line = line
        claim.lines.append(line)

    def _finish_line(self) -> None:
        line = self.line
        if line is not None:
            self.line = None
            _settle(line, line.adjustments)

    def _finish_claim(self) -> None:
        self._finish_line()
        claim = self.claim
        if claim is None:
            return
        self.claim = None
        lines = claim.lines
        ded, coins, copay, other, prior = patient_split(claim.adjustments)
        for ln in lines:  # each line's split was tallied when it was settled
            ded, coins, copay, other = ded + ln.deductible, coins + ln.coinsurance, copay + ln.copay, other + ln.other_patient
            prior = prior or ln.prior_payer
        claim.deductible, claim.coinsurance, claim.copay, claim.other_patient = ded, coins, copay, other
        if claim.patient_responsibility is None:  # CLP05 is sent only when above zero (TR3)
            claim.patient_responsibility = ded + coins + copay + other
        if claim.start is not None and claim.end is None:
            claim.end = claim.start
        if claim.start is None:
            dates = [ln.date for ln in lines if ln.date]
            claim.start, claim.end = (min(dates), max(ln.date_end or ln.date for ln in lines if ln.date)) if dates else (None, None)
        if claim.allowed is None and claim.paid is not None and not prior:
            claim.allowed = claim.paid + (claim.patient_responsibility or ZERO)
        denied_lines = sum(1 for ln in lines if ln.denied)
        if claim.status_code == "4":
            claim.denied, claim.status = True, "denied"
            for ln in lines:
                if not ln.denied and not ln.paid:
                    ln.denied = True
                    ln.denial_reasons = ln.denial_reasons or denial_reasons(claim.adjustments)
        elif claim.status_code == "22":
            claim.status = "reversed"
        elif claim.status_code == "25":
            claim.status = "pending"
        elif lines and denied_lines == len(lines):
            claim.denied, claim.status = True, "denied"
        elif denied_lines:
            claim.status = "partly_denied"
        elif not lines and is_denial(claim.billed, claim.paid, claim.adjustments):
            claim.denied, claim.status = True, "denied"
        else:
            claim.status = "processed"
        built = []
        for ln in lines:
            values = ln.__dict__
            del values["prior_payer"]
            built.append(_build(EobLine, values))
        claim.lines = built
        self.eob.claims.append(_build(EobClaim, claim.__dict__))


def _settle(line: _Record, adjustments: list[Adjustment]) -> None:
    ded, coins, copay, other, prior = patient_split(adjustments)
    line.deductible, line.coinsurance, line.copay, line.other_patient = ded, coins, copay, other
    line.patient_responsibility = ded + coins + copay + other
    line.prior_payer = prior  # for the claim's allowed amount; not a field of the line
    if line.allowed is None and line.paid is not None and not prior and adjustments:
        line.allowed = line.paid + line.patient_responsibility
    if is_denial(line.billed, line.paid, adjustments):
        line.denied = True
        line.denial_reasons = denial_reasons(adjustments)
