"""An audit rule: one small unit with its id, severity, citations, explanation and one SQL query.

The query runs in DuckDB over the canonical tables (see engine.py and tables.py) and returns one
row per problem with at least `source`, `lines` (a list of bill line numbers) and `amount` (dollars
at stake). A row may carry `severity` (when the rule's severity depends on the case) and `kind`
(which of the rule's messages applies). The message is rendered from the row's columns, so it
reads with this case's numbers; a NULL column drops its ' on {column}' from the message (an EOB
page or a bill line with no service date reads 'Claim C1 was denied', not 'Claim C1 on  was'). `law`
names the law parameters the rule rests on: their citations join the finding's, and an unconfirmed
value marks the finding unconfirmed. `dated_law` does the same for a parameter read at a date of the row
(a stay's discharge picks its fiscal year's rate), when the row gives that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ..model import Finding, Severity
from ..util import dollars


UNNAMED = "the service"  # what a message calls a line that has a code but no description


def _sentence(message: str) -> str:
    """A message that starts with an unnamed line's words, capitalised."""
    return message[0].upper() + message[1:] if message.startswith(UNNAMED) else message


def without_unknown_dates(template: str, row: dict[str, Any]) -> str:
    """The template without ' on {column}' for each column the row leaves NULL (no date given)."""
    for col, value in row.items():
        if value is None:
            template = template.replace(f" on {{{col}}}", "")
    return template


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    citations: list[str]
    sql: str
    message: str | dict[str, str]  # template over the row's columns; a dict picks by row["kind"]
    explanation: str = ""
    money_columns: tuple[str, ...] = ("amount",)
    severity_column: bool = False  # the row's `severity` column overrides `severity`
    law: tuple[str, ...] = ()  # audit engine PARAMS names the rule uses
    # (law parameter path, the row's date column): the value in force on the row's date (a NULL date: none used)
    dated_law: tuple[tuple[str, str], ...] = ()
    reference_codes: tuple[str, ...] = ()  # codes not on the bill whose reference rows the rule reads
    # what the rule finds nothing without: "eobs" (EOB rows) or a `bills` fact column (some bill has it);
    # one case's audit skips the rule's query when it is absent (each query costs ~5-10 ms to plan)
    needs: tuple[str, ...] = ()

    def finding(self, row: dict[str, Any], *, as_of: date | None = None) -> Finding:
        shown = {k: ("" if v is None else v) for k, v in row.items()}
        # a line with no description (an 837's or 835's lines carry codes only) is 'the service (CODE)'
        unnamed = [c for c in ("description", "description2") if c in row and not str(row[c] or "").strip()]
        for col in unnamed:
            shown[col] = UNNAMED
        for col in self.money_columns:
            if row.get(col) is not None:
                shown[col] = dollars(row[col])
        lines = sorted({int(n) for n in (row.get("lines") or [])})
        shown["line_list"] = ", ".join(str(n) for n in lines)
        shown["lines_word"] = "line" if len(lines) == 1 else "lines"
        template = self.message[row.get("kind") or "default"] if isinstance(self.message, dict) else self.message
        template = without_unknown_dates(template, row)
        citations, unconfirmed = list(self.citations), False
        if self.law and as_of is not None:
            from .engine import param

            for name in self.law:
                v = param(name, as_of)
                citations += [c for c in v.citations if c not in citations]
                unconfirmed = unconfirmed or v.unconfirmed
        for path, column in self.dated_law:
            if row.get(column) is not None:
                from ..law import law

                v = law().at(path, row[column])
                citations += [c for c in v.citations if c not in citations]
                unconfirmed = unconfirmed or v.unconfirmed
        severity = row.get("severity") if self.severity_column and row.get("severity") else self.severity
        return Finding(
            rule=self.id,
            severity=severity,
            lines=lines,
            amount=Decimal(str(row.get("amount") or 0)).quantize(Decimal("0.01")),
            message=_sentence(template.format(**shown)) if unnamed else template.format(**shown),
            citations=citations,
            explanation=self.explanation or None,
            unconfirmed=unconfirmed,
        )
