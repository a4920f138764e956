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
from types import SimpleNamespace

from ..errors import BadInput
from . import carc
from .eob_model import Adjustment, Eob, EobClaim, EobLine
from .progress import steps
from .x12 import Interchange, Segment, money, name_of, parse_interchange, x12_date

# CLP02 claim status codes
_STATUS = {"1": "primary", "2": "secondary", "3": "tertiary", "4": "denied", "19": "primary",
           "20": "secondary", "21": "tertiary", "22": "reversal", "23": "not our claim, forwarded",
           "25": "predetermination pricing only"}
_STATUS_TEXT = {"1": "processed as primary", "2": "processed as secondary", "3": "processed as tertiary",
                "4": "denied", "19": "processed as primary, forwarded to another payer",
                "20": "processed as secondary, forwarded", "21": "processed as tertiary, forwarded",
                "22": "reversal of a previous payment", "23": "not our claim, forwarded",
                "25": "predetermination pricing only, no payment"}
_COST_SHARING = {carc.DEDUCTIBLE, carc.COINSURANCE, carc.COPAY}
ZERO = Decimal(0)


_DEFAULTS: dict[type, tuple[dict, list[str]]] = {}


class _Record:
    """A claim or line being read: plain attributes, made into the model when complete."""


def _new(model, **values) -> SimpleNamespace:
    """A plain record with the model's fields (fast to fill); made into the model when complete."""
    if model not in _DEFAULTS:
        fields = model.model_fields
        _DEFAULTS[model] = ({n: f.default for n, f in fields.items() if f.default_factory is None},
                            [n for n, f in fields.items() if f.default_factory is not None])
    plain, listed = _DEFAULTS[model]
    record = dict(plain)
    for name in listed:
        record[name] = []
    record.update(values)
    out = _Record()
    out.__dict__ = record
    return out


def _build(model, values: dict):
    """The model from complete, already-typed values, without re-validating (the reader typed them)."""
    obj = model.__new__(model)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set())
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _adjustment(group: str, reason: str, amount: Decimal, quantity: Decimal | None) -> Adjustment:
    return _build(Adjustment, {"group": group, "reason": reason, "amount": amount, "quantity": quantity,
                               "group_meaning": carc.group_meaning(group), "meaning": carc.reason_meaning(reason)})


def read_835(path, *, text: str | None = None) -> Eob:
    """Read an X12 835 file into an Eob."""
    file = str(path)
    if text is None:
        from .detect import read_text

        text = read_text(path)
    ic = parse_interchange(text, file=file)
    if ic.transaction != "835":
        raise BadInput(f"this X12 file is a {ic.transaction}, not an 835 remittance (EOB)", file=file)
    return _Reader(ic).read()


class _Reader:
    def __init__(self, ic: Interchange):
        self.ic = ic
        self.eob = Eob(source=ic.file, format="x12-835", notes=list(ic.notes))
        if ic.version and not ic.version.startswith("00501"):
            self.eob.notes.append(f"X12 version {ic.version}: read as 5010; check the amounts against the paper EOB")
        self.claim: SimpleNamespace | None = None
        self.line: SimpleNamespace | None = None
        self.n1: str = ""

    def m(self, seg: Segment, i: int, name: str) -> Decimal | None:
        return money(seg.get(i), ic=self.ic, seg=seg, name=name)

    def read(self) -> Eob:
        segments = self.ic.segments
        with steps("Reading 835", len(segments) // 5000 + 1) as advance:
            for seg in segments:
                handler = getattr(self, f"on_{seg.id}", None)
                if handler is not None:
                    handler(seg)
                if seg.number % 5000 == 0:
                    advance(1)
        self._finish_claim()
        if not self.eob.claims:
            self.eob.notes.append("the 835 holds no claim (CLP): it may be a payment without remittance detail")
        return self.eob

    # ---------------------------------------------------------------- header
    def on_BPR(self, seg: Segment) -> None:
        self.eob.payment_total = self.m(seg, 2, "BPR02 payment amount")
        self.eob.payment_method = seg.get(4) or None
        if seg.get(16):
            try:
                self.eob.payment_date = x12_date(seg.get(16), ic=self.ic, seg=seg)
            except BadInput as e:  # the payment date is not needed to read the claims
                self.eob.notes.append(f"{self.ic.where(seg)}: payment date {e.problem}")

    def on_TRN(self, seg: Segment) -> None:
        self.eob.trace_number = self.eob.trace_number or seg.get(2) or None

    def on_N1(self, seg: Segment) -> None:
        self.n1 = seg.get(1)
        if self.n1 == "PR":
            self.eob.payer = name_of(seg) or None
        elif self.n1 == "PE":
            self.eob.payee = name_of(seg) or None
            if seg.get(3) == "XX":
                self.eob.payee_npi = seg.get(4) or None

    def on_DTM(self, seg: Segment) -> None:
        qual, value = seg.get(1), seg.get(2)
        if qual == "405" and self.eob.payment_date is None and self.claim is None:
            self.eob.payment_date = x12_date(value, ic=self.ic, seg=seg)
        elif self.line is not None and qual in ("472", "150"):
            self.line.date = x12_date(value, ic=self.ic, seg=seg)
            if qual == "472":
                self.line.date_end = self.line.date
        elif self.line is not None and qual == "151":
            self.line.date_end = x12_date(value, ic=self.ic, seg=seg)
        elif self.claim is not None and self.line is None and qual == "232":
            self.claim.start = x12_date(value, ic=self.ic, seg=seg)
        elif self.claim is not None and self.line is None and qual == "233":
            self.claim.end = x12_date(value, ic=self.ic, seg=seg)

    # ---------------------------------------------------------------- claim
    def on_CLP(self, seg: Segment) -> None:
        self._finish_claim()
        claim_id = seg.get(1).strip()
        if not claim_id:
            raise BadInput("CLP01 (the claim id) is blank", file=self.ic.file, where=self.ic.where(seg))
        status = seg.get(2).strip()
        self.claim = _new(EobClaim,
            claim_id=claim_id, payer=self.eob.payer, provider=self.eob.payee, provider_npi=self.eob.payee_npi,
            billed=self.m(seg, 3, "CLP03 total charge"), paid=self.m(seg, 4, "CLP04 payment"),
            patient_responsibility=self.m(seg, 5, "CLP05 patient responsibility"),
            payer_claim_id=seg.get(7) or None, status_code=status or None,
            status_text=_STATUS_TEXT.get(status, f"status code {status}" if status else ""),
            kind=_kind(seg.get(6)),
        )
        order = _STATUS.get(status)
        if order in ("primary", "secondary", "tertiary"):
            self.claim.payer_order = order
        self.line = None

    def on_NM1(self, seg: Segment) -> None:
        if self.claim is None:
            return
        role = seg.get(1)
        if role == "QC":
            self.claim.patient = name_of(seg) or None
            self.claim.member_id = self.claim.member_id or seg.get(9) or None
        elif role == "IL":
            self.claim.member_id = seg.get(9) or self.claim.member_id
        elif role == "82":
            self.claim.provider = name_of(seg) or self.claim.provider
            if seg.get(8) == "XX":
                self.claim.provider_npi = seg.get(9) or self.claim.provider_npi

    def on_AMT(self, seg: Segment) -> None:
        if self.line is not None and seg.get(1) == "B6":
            self.line.allowed = self.m(seg, 2, "AMT02 allowed amount")
        elif self.line is None and self.claim is not None and seg.get(1) == "AU":
            self.claim.allowed = self.m(seg, 2, "AMT02 coverage amount")

    def on_MOA(self, seg: Segment) -> None:
        if self.claim is not None:
            self.claim.remarks += [c for c in seg.elements[3:8] if c]

    def on_MIA(self, seg: Segment) -> None:
        if self.claim is not None:
            self.claim.remarks += [c for c in (seg.get(5), *seg.elements[20:24]) if c]

    def on_LQ(self, seg: Segment) -> None:
        if self.line is not None and seg.get(1) == "HE" and seg.get(2):
            self.line.remarks.append(seg.get(2))

    def on_REF(self, seg: Segment) -> None:
        if self.line is not None and seg.get(1) == "6R":
            self.line.control_number = seg.get(2) or None

    def on_CAS(self, seg: Segment) -> None:
        if self.claim is None:
            return
        group = seg.get(1).strip().upper()
        target = self.line.adjustments if self.line is not None else self.claim.adjustments
        for i in range(2, 20, 3):
            reason = seg.get(i).strip()
            if not reason:
                continue
            amount = self.m(seg, i + 1, f"CAS{i + 1:02d} adjustment amount") or ZERO
            qty = self.m(seg, i + 2, f"CAS{i + 2:02d} adjustment quantity")
            target.append(_adjustment(group, reason, amount, qty))

    # ---------------------------------------------------------------- service line
    def on_SVC(self, seg: Segment) -> None:
        if self.claim is None:
            raise BadInput("a service line (SVC) comes before any claim (CLP)", file=self.ic.file,
                           where=self.ic.where(seg))
        self._finish_line()
        elements = list(seg.elements)
        parts = self.ic.components(elements[1] if len(elements) > 1 else "")
        if len(parts) == 1 and len(elements) > 2 and parts[0] in ("HC", "NU", "N4", "AD", "ZZ", "ER", "WK"):
            # some senders put the code in its own element ('SVC*HC*24599*...'): read it as the code
            code = elements[2].split(".")[0]
            parts = [parts[0], code]
            elements = [elements[0], "", *elements[3:]]
            self.eob.notes.append(f"{self.ic.where(seg)}: the procedure code was not joined to its "
                                  f"qualifier; read {code} as the code")
        qual = parts[0] if parts else ""
        code = parts[1].strip() if len(parts) > 1 else None
        mods = [p for p in parts[2:6] if p]
        line = _new(EobLine, line=len(self.claim.lines) + 1, code_system=qual or None,
                       code=code if qual != "NU" else None, modifiers=mods,
                       description=parts[6] if len(parts) > 6 else "",
                       billed=money(_get(elements, 2), ic=self.ic, seg=seg, name="SVC02 charge"),
                       paid=money(_get(elements, 3), ic=self.ic, seg=seg, name="SVC03 payment"),
                       revenue_code=(_get(elements, 4) or (code if qual == "NU" else "")) or None,
                       units=money(_get(elements, 5), ic=self.ic, seg=seg, name="SVC05 units"))
        original = self.ic.components(_get(elements, 6))
        if len(original) > 1 and original[1]:
            line.billed_code = original[1]
        self.line = line
        self.claim.lines.append(line)

    def _finish_line(self) -> None:
        if self.line is not None:
            _settle(self.line, self.line.adjustments)
        self.line = None

    def _finish_claim(self) -> None:
        self._finish_line()
        claim = self.claim
        if claim is None:
            return
        self.claim = None
        adjustments = [*claim.adjustments, *(a for ln in claim.lines for a in ln.adjustments)]
        pr = _split_patient(adjustments)
        claim.deductible, claim.coinsurance, claim.copay, claim.other_patient = pr
        if claim.patient_responsibility is None:  # CLP05 is sent only when above zero (TR3)
            claim.patient_responsibility = sum((v or ZERO for v in pr), ZERO)
        if claim.start is not None and claim.end is None:
            claim.end = claim.start
        if claim.start is None:
            dates = [ln.date for ln in claim.lines if ln.date]
            claim.start, claim.end = (min(dates), max(ln.date_end or ln.date for ln in claim.lines if ln.date)) if dates else (None, None)
        if claim.allowed is None and claim.paid is not None and not _has_prior_payer(adjustments):
            claim.allowed = claim.paid + (claim.patient_responsibility or ZERO)
        denied_lines = [ln for ln in claim.lines if ln.denied]
        if claim.status_code == "4":
            claim.denied, claim.status = True, "denied"
            for ln in claim.lines:
                if not ln.denied and not ln.paid:
                    ln.denied = True
                    ln.denial_reasons = ln.denial_reasons or _reasons(claim.adjustments)
        elif claim.status_code == "22":
            claim.status = "reversed"
        elif claim.status_code == "25":
            claim.status = "pending"
        elif claim.lines and len(denied_lines) == len(claim.lines):
            claim.denied, claim.status = True, "denied"
        elif denied_lines:
            claim.status = "partly_denied"
        elif not claim.lines and _is_denial(claim.billed, claim.paid, claim.adjustments):
            claim.denied, claim.status = True, "denied"
        else:
            claim.status = "processed"
        claim.lines = [_build(EobLine, vars(ln)) for ln in claim.lines]
        self.eob.claims.append(_build(EobClaim, vars(claim)))


def _get(elements: list[str], i: int) -> str:
    return elements[i] if i < len(elements) else ""


def _kind(filing_indicator: str) -> str | None:
    # CLP06 claim filing indicator: MA is Medicare Part A (institutional), MB Part B (professional)
    return {"MA": "institutional", "MB": "professional"}.get(filing_indicator.strip())


def _split_patient(adjustments: list[Adjustment]) -> tuple:
    """(deductible, coinsurance, copay, other patient responsibility) from the PR adjustments."""
    split = {carc.DEDUCTIBLE: ZERO, carc.COINSURANCE: ZERO, carc.COPAY: ZERO, "other": ZERO}
    for a in adjustments:
        if a.group == "PR":
            key = a.reason if a.reason in _COST_SHARING else "other"
            split[key] += a.amount
    return split[carc.DEDUCTIBLE], split[carc.COINSURANCE], split[carc.COPAY], split["other"]


def _has_prior_payer(adjustments: list[Adjustment]) -> bool:
    return any(a.reason == "23" for a in adjustments)


def _reasons(adjustments: list[Adjustment]) -> list[str]:
    return [f"{a.key}: {a.meaning}" for a in adjustments
            if not (a.group == "PR" and a.reason in _COST_SHARING) and a.reason != "23" and a.amount]


def _is_denial(billed: Decimal | None, paid: Decimal | None, adjustments: list[Adjustment]) -> bool:
    """Nothing paid on a real charge, for a reason other than cost sharing or a prior payer."""
    if not billed or billed <= 0 or (paid or ZERO) != 0:
        return False
    return bool(_reasons(adjustments))


def _settle(line, adjustments: list[Adjustment]) -> None:
    ded, coins, copay, other = _split_patient(adjustments)
    line.deductible, line.coinsurance, line.copay, line.other_patient = ded, coins, copay, other
    line.patient_responsibility = ded + coins + copay + other
    if line.allowed is None and line.paid is not None and not _has_prior_payer(adjustments) and adjustments:
        line.allowed = line.paid + (line.patient_responsibility or ZERO)
    if _is_denial(line.billed, line.paid, adjustments):
        line.denied = True
        line.denial_reasons = _reasons(adjustments)
