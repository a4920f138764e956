"""A conduct rule: one small unit with its id, severity, citations, explanation and one check.

The check reads a `Context` (the account's log in the patient's zone, and the law) and returns one
`Hit` per problem: the happenings that prove it, the day it happened and a message with this
case's facts. The engine turns hits into `Finding`s with the statutory damages at stake and the
last day to act, carrying `unconfirmed` from every law value the check used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable

from ..model import Finding, Severity
from .context import Context, Happening


@dataclass
class Hit:
    message: str
    on: date  # the day of the violation (the FDCPA year runs from it)
    proof: list[Happening] = field(default_factory=list)
    severity: Severity | None = None  # overrides the rule's default
    unconfirmed: bool = False


@dataclass(frozen=True)
class ConductRule:
    id: str
    severity: Severity
    summary: str
    citations: tuple[str, ...]  # every source the rule may rest on (the rules reference lists them)
    explanation: str
    check: Callable[[Context], list[Hit]] = field(compare=False)
    fdcpa: bool = True  # a claim under 15 U.S.C. 1692k: statutory damages and the one-year limit
    # what each finding cites besides the law values its check read; None: all of `citations`. A rule that
    # reaches several states' statutes sets it, so a finding cites only the state whose law the check read
    cites: tuple[str, ...] | None = None

    def findings(self, ctx: Context) -> list[Finding]:
        ctx.used.clear()
        try:
            hits = self.check(ctx)
        except KeyError:  # a rule of law not yet in force on the day in question says nothing
            return []
        used = list({id(v): v for v in ctx.used}.values())  # each law value once, however often it was read
        used_cites = list(dict.fromkeys(c for v in used for c in v.citations))  # once, not once per hit
        used_unconfirmed = any(v.unconfirmed for v in used)
        out = []
        for hit in hits:
            amount, act_by, extra = Decimal(0), None, ""
            cites = list(self.citations if self.cites is None else self.cites)
            unconfirmed = hit.unconfirmed or used_unconfirmed
            if self.fdcpa:
                ctx.used.clear()
                # a cap for the whole lawsuit (15 U.S.C. 1692k(a)(2)(A)), not dollars at stake on each violation:
                # it goes in the explanation, never in `amount`, so no total can add it up
                cap = Decimal(ctx.value("federal.fdcpa.damages.individual_max", hit.on))
                years = ctx.value("federal.fdcpa.limitations.years", hit.on)
                act_by = _add_years(hit.on, years)
                cites += [c for v in ctx.used for c in v.citations]
                extra = (f" Statutory damages up to ${cap:,.0f} per lawsuit (not per violation), plus actual damages "
                         f"and attorney's fees; sue by {act_by} ({years} year from {hit.on}).")
            cites += used_cites
            refs = [h.ref() for h in hit.proof]
            message = hit.message + (f" Proof: {'; '.join(refs)}." if refs else "")
            out.append(Finding(
                rule=self.id, severity=hit.severity or self.severity, amount=amount, message=message,
                citations=list(dict.fromkeys(cites)), explanation=(self.explanation + extra).strip(),
                unconfirmed=unconfirmed, events=[h.index for h in hit.proof if h.index is not None],
                act_by=act_by))
        return out


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + int(years))
    except ValueError:  # 29 February
        return d.replace(year=d.year + int(years), day=28)
