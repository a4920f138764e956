"""Speed of the credit engine: every credit rule and the disputes for a report of many tradelines.

Prints the time per tradeline of `check_credit()` as a ratio against a baseline measured in the
same run (validating one tradeline with the case model), so results compare across machines.

    PYTHONPATH=src python benchmarks/credit.py [N]
"""

from __future__ import annotations

import sys
import time
from datetime import date

from billadvocate.credit import check_credit
from billadvocate.model import Case, Tradeline

BUREAUS = ["equifax", "experian", "transunion"]
ON = date(2026, 11, 28)


def tradeline(i: int) -> dict:
    return {"bureau": BUREAUS[i % 3], "furnisher": f"Collector {i % 17}", "medical": i % 4 != 0,
            "original_amount": 100 + (i * 37) % 2000, "balance": (i * 37) % 2000,
            "status": ["unpaid", "paid", "settled"][i % 3], "first_delinquency": f"20{15 + i % 10}-05-01",
            "reported": f"20{16 + i % 10}-01-15"}


def main(n: int) -> None:
    rows = [tradeline(i) for i in range(n)]
    start = time.perf_counter()
    for r in rows:
        Tradeline.model_validate(r)
    base = (time.perf_counter() - start) / n
    case = Case.model_validate({"billadvocate": 1, "patient": {"state": "CA"},
                                "accounts": [{"id": "a", "provider": {"name": "P"}}],
                                "credit_report": {"pulled": "2026-11-01", "tradelines": rows}})
    check_credit(case, ON)  # load the law once, outside the timing
    start = time.perf_counter()
    result = check_credit(case, ON)
    per = (time.perf_counter() - start) / n
    print(f"{n} tradelines, {len(result.findings)} findings")
    print(f"baseline (validate one tradeline): {base * 1e6:.1f} us")
    print(f"check_credit per tradeline:        {per * 1e6:.1f} us  ({per / base:.1f}x baseline)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
