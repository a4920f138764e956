"""X12 837 claims (005010X222A2 professional, 005010X223A3 institutional, 005010X224A2 dental; 4010 read
gracefully) -> Bill.

Every service line (SV1 professional, SV2 institutional, SV3 dental) becomes a bill Line with its code,
modifiers, units, charge, date (DTP*472, else the claim's statement dates), revenue code, NDC (LIN)
and rendering provider (NM1*82 on the line, else on the claim, else the billing provider). Lines are
numbered in file order across all claims; `claim_id` says which claim (CLM01) each belongs to. The
claims' stated totals (CLM02) are kept as the bill's stated total, so the audit can check the sum.
Other payers' adjudication inside a claim (2320/2430 loops) is not read as charges.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..errors import BadInput
from ..model import Bill, Line
from .x12 import Interchange, get, load, name_of, walk

ZERO = Decimal(0)


def read_837(path, *, text: str | None = None) -> Bill:
    """Read an X12 837P or 837I file into a Bill (one line per service line, across all claims)."""
    ic = load(path, text, transaction="837", what="an 837 claim")
    return _Reader(ic).read()


class _Reader:
    def __init__(self, ic: Interchange):
        self.ic = ic
        version = ic.version or ""
        self.kind = "institutional" if "X223" in version or "X096" in version else "professional"
        self.bill = Bill(source=ic.file, format="x12-837")
        self.billing_provider: str | None = None
        self.claim_id: str | None = None
        self.claim_provider: str | None = None
        self.claim_dates: tuple[date | None, date | None] = (None, None)
        self.claim_total = ZERO
        self.claims: list[str] = []
        self.in_other_payer = False  # inside 2320/2330 (other subscriber) loops of a claim
        self.line: Line | None = None
        self.line_has_date = False
        self.person: str | None = None  # the subscriber or patient named before the claim (NM1*IL, NM1*QC)
        self.patients: list[str] = []  # one per claim
        self.statements: list[tuple[date | None, date | None] | None] = []  # each claim's DTP*434, or None

    def read(self) -> Bill:
        handlers = {name[3:]: getattr(self, name) for name in dir(self) if name.startswith("on_")}
        walk(self.ic, handlers, "Reading 837")
        self._finish_line()
        if not self.claims:
            raise BadInput("the 837 holds no claim (CLM segment)", file=self.ic.file)
        self.bill.stated_total = self.claim_total
        if len(set(self.statements)) == 1 and self.statements[0] is not None:  # one period for every claim
            self.bill.statement_from, self.bill.statement_to = self.statements[0]
        kinds = "institutional (837I)" if self.kind == "institutional" else "professional (837P)"
        self.bill.claim_form = self.kind
        self.bill.notes = [n for n in (*self.ic.notes, self.ic.version_note(), *self.bill.notes) if n]
        self.bill.notes.append(f"{len(self.claims)} {kinds} claim(s): {', '.join(self.claims)}")
        people = list(dict.fromkeys(p for p in self.patients if p))  # in file order
        self.bill.patients = len(people) or None
        if len(people) > 1:
            self.bill.notes.append(f"this 837 holds claims for {len(people)} patients ({'; '.join(people)}): "
                                   "its lines are audited as one bill, so read each patient's claims on their own")
        return self.bill

    def m(self, el: list[str], n: int, i: int, name: str) -> Decimal | None:
        return self.ic.money(get(el, i), n, el[0], name)

    def on_HL(self, el: list[str], n: int) -> None:
        self._finish_line()
        self.claim_id = None
        self.in_other_payer = False

    def on_NM1(self, el: list[str], n: int) -> None:
        role = get(el, 1)
        who = name_of(el)
        npi = get(el, 9) if get(el, 8) == "XX" else ""
        label = f"{who} (NPI {npi})" if who and npi else (who or npi or None)
        if role in ("IL", "QC") and not self.in_other_payer and self.claim_id is None:
            self.person = who or None  # QC (the patient) follows IL (the subscriber) when they differ
        if role == "85":
            self.billing_provider = label
        elif role == "82" and not self.in_other_payer:
            if self.line is not None:
                self.line.provider = label
            elif self.claim_id is not None:
                self.claim_provider = label

    def on_CLM(self, el: list[str], n: int) -> None:
        self._finish_line()
        claim_id = get(el, 1).strip()
        if not claim_id:
            raise self.ic.error("CLM01 (the claim id) is blank", n, "CLM")
        self.claim_id = claim_id
        self.claims.append(claim_id)
        self.patients.append(self.person or "")
        self.statements.append(None)
        self.claim_total += self.m(el, n, 2, "CLM02 total charge") or ZERO
        self.claim_provider = None
        self.claim_dates = (None, None)
        self.in_other_payer = False
        facility = self.ic.components(get(el, 5))
        if len(facility) > 1 and facility[1] == "A":  # A: institutional bill-type code
            self.kind = "institutional"
            if self.bill.type_of_bill is None and facility[0].strip().isdigit():
                frequency = facility[2].strip() if len(facility) > 2 else ""
                self.bill.type_of_bill = "0" + facility[0].strip().zfill(2) + frequency

    def on_HI(self, el: list[str], n: int) -> None:
        """Health care information codes: the DR qualifier is the DRG the claim was grouped to (837I)."""
        if self.in_other_payer:
            return
        for value in el[1:]:
            parts = self.ic.components(value) if value else []
            if len(parts) > 1 and parts[0].strip().upper() == "DR":
                drg = parts[1].strip()
                if drg.isdigit() and 1 <= len(drg) <= 3 and self.bill.ms_drg is None:
                    self.bill.ms_drg = drg.zfill(3)

    def on_SBR(self, el: list[str], n: int) -> None:
        if self.claim_id is not None:  # an SBR inside a claim starts the other-payer loop (2320)
            self.in_other_payer = True

    def on_DTP(self, el: list[str], n: int) -> None:
        qual, fmt, value = get(el, 1), get(el, 2), get(el, 3)
        if qual not in ("472", "434"):
            return
        start, end = self.ic.period(value, fmt, n, "DTP")
        if qual == "472" and self.line is not None:
            self.line.date = start
            self.line_has_date = True
        elif qual == "472" and self.claim_id is not None:
            self.claim_dates = (start, end)
        elif qual == "434" and self.claim_id is not None:
            self.claim_dates = (start, end)
            self.statements[-1] = (start, end or start)

    def on_LX(self, el: list[str], n: int) -> None:
        self._finish_line()
        self.in_other_payer = False

    def on_SV1(self, el: list[str], n: int) -> None:
        self._service(el, n, composite=get(el, 1), charge_at=2, units_at=4, revenue=None)

    def on_SV3(self, el: list[str], n: int) -> None:  # dental (837D, 005010X224): ADA code, charge, count
        self._service(el, n, composite=get(el, 1), charge_at=2, units_at=6, revenue=None)

    def on_SV2(self, el: list[str], n: int) -> None:
        revenue = get(el, 1).strip()
        if revenue.endswith(".00") or revenue.endswith(".0"):  # some senders write it as an amount
            revenue = revenue.split(".")[0]
        if revenue.isdigit() and len(revenue) == 3:  # 4010 files drop the leading zero
            revenue = "0" + revenue
        self._service(el, n, composite=get(el, 2), charge_at=3, units_at=5, revenue=revenue or None)

    def _service(self, el: list[str], n: int, *, composite: str, charge_at: int, units_at: int, revenue: str | None) -> None:
        if self.claim_id is None:
            raise self.ic.error("a service line comes before any claim (CLM)", n, el[0])
        self._finish_line()
        parts = self.ic.components(composite) if composite else []
        code = parts[1].strip() if len(parts) > 1 else None
        charge = self.m(el, n, charge_at, f"{el[0]}{charge_at:02d} charge")
        if charge is None:
            raise self.ic.error("the line charge is blank", n, el[0])
        units = self.m(el, n, units_at, f"{el[0]}{units_at:02d} units")
        self.line = Line(line=len(self.bill.lines) + 1, code=code.upper() if code else None,
                         modifiers=[p.strip().upper() for p in parts[2:6] if p.strip()],
                         description=parts[6] if len(parts) > 6 else "", revenue_code=revenue,
                         units=units if units is not None and units >= 0 else Decimal(1), charge=charge,
                         provider=self.claim_provider or self.billing_provider, claim_id=self.claim_id)
        self.line_has_date = False
        self.bill.lines.append(self.line)

    def on_LIN(self, el: list[str], n: int) -> None:
        if self.line is not None and get(el, 2) == "N4":
            self.line.ndc = get(el, 3) or None

    def _finish_line(self) -> None:
        if self.line is not None and not self.line_has_date:
            self.line.date = self.claim_dates[0]
        self.line = None
