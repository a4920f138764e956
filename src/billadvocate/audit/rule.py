"""An audit rule: one small unit with its id, severity, citations, explanation and one SQL query.

The query runs in DuckDB over the canonical tables (see engine.py for their columns) and returns
one row per problem with at least `lines` (a list of bill line numbers) and `amount` (dollars at
stake); the message is rendered from the row's columns, so it reads with this case's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from ..model import Finding, Severity
from ..util import dollars


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    citations: list[str]
    sql: str
    message: str  # str.format template over the row's columns (money columns pre-formatted as $)
    explanation: str = ""
    money_columns: tuple[str, ...] = ("amount",)
    needs: tuple[str, ...] = ()  # context facts or tables the rule needs, e.g. ("care_start",)
    severity_from_row: Callable[[dict[str, Any]], Severity] | None = field(default=None, compare=False)

    def finding(self, row: dict[str, Any]) -> Finding:
        shown = dict(row)
        for col in self.money_columns:
            if col in shown and shown[col] is not None:
                shown[col] = dollars(shown[col])
        lines = sorted({int(n) for n in (row.get("lines") or [])})
        shown["line_list"] = ", ".join(str(n) for n in lines)
        return Finding(
            rule=self.id,
            severity=self.severity_from_row(row) if self.severity_from_row else self.severity,
            lines=lines,
            amount=Decimal(str(row.get("amount") or 0)).quantize(Decimal("0.01")),
            message=self.message.format(**shown),
            citations=list(self.citations),
            explanation=self.explanation or None,
        )
