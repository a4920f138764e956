"""Building small bills for the rule tests, and running the audit on them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line

D1, D2, D3 = date(2024, 10, 15), date(2024, 10, 16), date(2024, 10, 17)
AS_OF = date(2026, 11, 28)


def line(n, code="85025", d=D1, charge="45.00", mods=(), units=1, desc=None, rev=None, unit_price=None):
    return Line(line=n, date=d, code=code, description=desc or f"service {code}", units=Decimal(str(units)),
                charge=Decimal(charge), modifiers=list(mods), revenue_code=rev,
                unit_price=None if unit_price is None else Decimal(unit_price))


def audit(*lines, facts=None, not_received=(), eobs=None, **bill_fields):
    bill = Bill(source="b.csv", lines=list(lines), **{k: Decimal(str(v)) for k, v in bill_fields.items()})
    return audit_bills([bill], facts=facts, not_received=set(not_received), eobs=eobs, as_of=AS_OF)


def found(rule, *lines, **kw):
    return [f for f in audit(*lines, **kw).findings if f.rule == rule]
