"""The federal benefits a bank served with a garnishment order must leave in the account (31 CFR 212.6), in the one
sentence every text about a judgment's bank levy uses (the answer deadline, the judgment's texts, its first step)."""

from __future__ import annotations

PATH = "federal.benefit_garnishment.lookback_months"


def benefits_left(months: int) -> str:
    return (f"If Social Security, SSI or VA benefits are paid into the account by direct deposit, the bank must leave "
            f"you up to {months} months of them (31 CFR 212.6).")
