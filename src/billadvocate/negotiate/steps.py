"""The arithmetic from the bill to what is owed, one checkable step at a time.

Each step says what changed, the running figure after it, and the law or fact it rests on, so the
patient (or an advocate) can redo the sum by hand. The same steps are shown in the review, the
HTML report and the call scripts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..util import cents, dollars


@dataclass
class Steps:
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, text: str, figure: Decimal | None = None, citations: list[str] | tuple[str, ...] = (),
            change: Decimal | None = None, kind: str = "note") -> None:
        """One step: `figure` is the running amount after it (None for a note that changes nothing)."""
        self.rows.append({"step": text, "kind": kind,
                          "amount": None if figure is None else float(cents(figure)),
                          "change": None if change is None else float(cents(change)),
                          "citations": list(dict.fromkeys(citations))})

    def texts(self) -> list[str]:
        return [r["step"] for r in self.rows]

    def arithmetic(self) -> list[str]:
        """Each step as one line a person can check: 'Billed ...: $6,296.00'."""
        out = []
        for r in self.rows:
            line = r["step"]
            if r["amount"] is not None and dollars(r["amount"]) not in line:
                line += f" = {dollars(r['amount'])}"
            if r["citations"]:
                line += f" ({'; '.join(r['citations'])})"
            out.append(line)
        return out
