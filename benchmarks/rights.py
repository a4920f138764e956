"""Rights engine speed: one account with a long contact log, against validating the same case.

Target: a case with 2,000 logged events (a pathological log where most calls are violations, so
the cost is dominated by writing ~1,900 findings) is reviewed for rights in under a second; the time
grows linearly with the log (no rule compares every event with every other). The baseline is the
time pydantic takes to validate the same case file, measured in the same run on the same machine.

    PYTHONPATH=src python benchmarks/rights.py [EVENTS]
"""

from __future__ import annotations

import sys
import time
from datetime import date, datetime, timedelta

from billadvocate.casefile import validate_case
from billadvocate.rights import review_rights


def case_data(n: int) -> dict:
    start = datetime(2025, 1, 1, 7, 30)
    events = []
    for i in range(n):
        at = start + timedelta(hours=9 * i)
        kind = "call" if i % 5 else "letter"
        events.append({"at": at.isoformat(), "kind": kind, "from": "collector" if i % 7 else "patient",
                       "conversation": i % 11 == 0, **({"type": "dispute"} if i == 3 else {})})
    return {"billadvocate": 1, "patient": {"state": "CA"}, "insurance": {"status": "uninsured"},
            "accounts": [{"id": "a", "provider": {"name": "Valley General", "kind": "hospital", "nonprofit": True,
                                                  "state": "CA"},
                          "first_bill_date": "2024-12-01", "balance": 1000,
                          "collector": {"name": "ABC Recovery", "validation_notice": {"sent": "2025-01-03",
                                                                                      "amount": 1200}},
                          "events": events}]}


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(n: int) -> None:
    data = case_data(n)
    case = validate_case(data, file="bench")
    review_rights(case, case.accounts[0], date(2026, 11, 28))  # warm the law cache
    baseline = best(lambda: validate_case(data, file="bench"))
    rights = best(lambda: review_rights(case, case.accounts[0], date(2026, 11, 28)))
    found = review_rights(case, case.accounts[0], date(2026, 11, 28))
    print(f"events: {n}; violations found: {len(found.violations)}; deadlines: {len(found.deadlines)}")
    print(f"baseline (validate the case): {baseline * 1000:.1f} ms")
    print(f"rights review:                {rights * 1000:.1f} ms  ({rights / baseline:.1f}x baseline)")


if __name__ == "__main__":
    for n in map(int, sys.argv[1:] or ["50", "500", "2000"]):
        main(n)
