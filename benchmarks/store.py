"""Speed of the case store: importing a case with a long log, appending to the log, exporting.

Prints each as a ratio against a baseline measured in the same run (validating the same case file
with the case model, no database), so results compare across machines. Uses a throwaway data
folder (SQLite), or DATABASE_URL when set (a database you can spare).

    PYTHONPATH=src python benchmarks/store.py [EVENTS]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path


def big_case(folder: Path, n: int) -> Path:
    (folder / "bill.csv").write_text("line,date,code,description,units,charge\n1,2025-03-02,99285,ER visit,1,1500\n")
    events = [{"at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{8 + i % 12:02d}:00:00-07:00", "kind": "call",
               "from": "collector", "note": f"call number {i}"} for i in range(n)]
    case = {"billadvocate": 1, "patient": {"name": "Big Log", "state": "AZ"},
            "accounts": [{"id": "a", "provider": {"name": "Desert Hospital"}, "bill": ["bill.csv"], "events": events}]}
    path = folder / "case.json"
    path.write_text(json.dumps(case))
    return path


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="billadvocate-bench-") as tmp:
        os.environ.setdefault("BILLADVOCATE_HOME", str(Path(tmp) / "home"))
        from billadvocate.djangoapp import setup

        setup()
        from billadvocate import model
        from billadvocate.casefile import load_case
        from billadvocate.store import cases

        path = big_case(Path(tmp), n)
        base = timed(lambda: load_case(path))
        rows = []
        imp = timed(lambda: rows.append(cases.import_case(path)))
        row = rows[0]
        appends = 200
        event = model.Event.model_validate({"at": "2026-06-01T12:00:00-07:00", "kind": "call", "from": "collector"})
        app = timed(lambda: [cases.log_event(row, event) for _ in range(appends)]) / appends
        exp = timed(lambda: cases.export_case(row, Path(tmp) / "out"))
        print(f"case with {n} log entries; baseline: validating the case file takes {base * 1000:.0f} ms")
        print(f"  import (one transaction, documents kept): {imp * 1000:8.0f} ms  = {imp / base:5.1f} x baseline")
        print(f"  export (case file and documents):         {exp * 1000:8.0f} ms  = {exp / base:5.1f} x baseline")
        print(f"  one `case log` append (in time order):    {app * 1000:8.1f} ms  = {app / base:5.3f} x baseline")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
