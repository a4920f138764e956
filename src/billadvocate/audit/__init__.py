"""The bill audit: every rule over an account's itemized lines, each finding with lines and dollars."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..model import Bill, Finding, Line
from .engine import lines_table, run_rules

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


@dataclass
class AuditResult:
    lines: list[Line]
    total_charges: Decimal
    findings: list[Finding]
    bills: list[Bill] = field(default_factory=list)
    # the fair-price estimate: sum over lines of the benchmark price (None until benchmarks exist)
    benchmark_total: Decimal | None = None
    # bill line number -> {"medicare": ..., "cash_price": ..., "negotiated": ..., "basis": "..."}
    benchmarks: dict[int, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "lines": [ln.model_dump(mode="json") for ln in self.lines],
            "total_charges": float(self.total_charges),
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }


def audit_bills(bills: list[Bill], *, facts: dict[str, Any] | None = None,
                not_received: set[int] = frozenset()) -> AuditResult:
    """Run every rule over the bills' lines; findings sorted by severity, then first line."""
    pairs = [(b.source, ln) for b in bills for ln in b.lines]
    findings = run_rules(lines_table(pairs, set(not_received)), facts=facts)
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.lines[:1] or [0], f.rule))
    lines = [ln for _, ln in pairs]
    return AuditResult(lines=lines, total_charges=sum((ln.charge for ln in lines), Decimal(0)),
                       findings=findings, bills=bills)
