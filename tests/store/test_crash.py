"""The store survives a killed process: kill -9 in the middle of a large import, reopen, and find
the earlier case whole and nothing of the killed one (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


from tests.conftest import ROOT

EVENTS = 3000


def big_case(folder: Path, n: int = EVENTS) -> Path:
    """A case with one long log (n entries) and its bill."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bill.csv").write_text("line,date,code,description,units,charge\n1,2025-03-02,99285,ER visit,1,1500\n")
    events = [{"at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{8 + i % 12:02d}:00:00-07:00", "kind": "call",
               "from": "collector", "note": f"call number {i}"} for i in range(n)]
    case = {"billadvocate": 1, "patient": {"name": "Big Log", "state": "AZ"},
            "accounts": [{"id": "a", "provider": {"name": "Desert Hospital"}, "bill": ["bill.csv"],
                          "events": events}]}
    path = folder / "case.json"  # JSON: quick to read, so the time goes into the writing
    path.write_text(json.dumps(case))
    return path


def writer_busy(store) -> bool:
    """Someone holds an open write transaction on the store right now."""
    if store.backend == "sqlite":
        con = sqlite3.connect(store.home / "billadvocate.sqlite3", timeout=0, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            con.close()
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL")
        return cur.fetchone()[0] > 0


def start_import(store, path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BILLADVOCATE_HOME": str(store.home)}
    if store.url:
        env["DATABASE_URL"] = store.url
    return subprocess.Popen([sys.executable, "-m", "billadvocate", "case", "import", str(path)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_killing_an_import_half_way_leaves_the_store_whole(store, tmp_path):
    from django.db import connection

    from billadvocate.store import cases, mapping
    from billadvocate.store.models import Account, AuditEntry, Case, Document, Event

    path = big_case(tmp_path / "big")
    first = cases.import_case(path)
    whole = mapping.case_file_data(mapping.to_canonical(first), as_json=True)
    rows_before = (Event.objects.count(), Account.objects.count(), Document.objects.count(),
                   AuditEntry.objects.count())
    connection.close()

    for attempt in range(2):
        proc = start_import(store, path)
        deadline = time.monotonic() + 120
        while not writer_busy(store):
            assert proc.poll() is None, "the import ended before it could be interrupted"
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.02)
        time.sleep(0.1 * attempt)  # a little further into the transaction each time
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(30) == -signal.SIGKILL
        connection.close()

        if store.backend == "sqlite":
            con = sqlite3.connect(store.home / "billadvocate.sqlite3")
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            con.close()
        assert list(Case.objects.values_list("pk", flat=True)) == [first.pk]
        assert (Event.objects.count(), Account.objects.count(), Document.objects.count(),
                AuditEntry.objects.count()) == rows_before
        assert mapping.case_file_data(mapping.to_canonical(Case.objects.get()), as_json=True) == whole
        connection.close()

    again = cases.import_case(path)  # and the store goes on working
    assert again.events.count() == EVENTS
