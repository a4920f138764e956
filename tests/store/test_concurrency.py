"""Two writers appending to the same log at once lose no entry (PostgreSQL, and SQLite too)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.conftest import EXAMPLES, ROOT

PER_WRITER = 40
WRITER = """
import sys, time, os
from datetime import datetime, timedelta, timezone
from billadvocate.djangoapp import setup
setup()
from billadvocate import model
from billadvocate.store import cases
name, case_id, go = sys.argv[1], int(sys.argv[2]), sys.argv[3]
while not os.path.exists(go):
    time.sleep(0.01)
row = cases.get_case(case_id)
start = datetime(2026, 11, 1, tzinfo=timezone.utc)
for i in range({n}):
    at = start + timedelta(minutes=2 * i + (1 if name == "b" else 0))  # interleaved in time
    cases.log_event(row, model.Event.model_validate(
        {{"at": at, "kind": "call", "from": "collector", "note": f"{{name}}-{{i}}"}}))
"""


def test_two_writers_appending_events_lose_none(store, tmp_path):
    from django.db import connection

    from billadvocate.store import cases

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    already = row.events.count()
    connection.close()
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BILLADVOCATE_HOME": str(store.home)}
    if store.url:
        env["DATABASE_URL"] = store.url
    script = WRITER.format(n=PER_WRITER)
    procs = [subprocess.Popen([sys.executable, "-c", script, name, str(row.pk), str(go)], env=env,
                              stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    time.sleep(1.0)
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err

    account = row.accounts.get()
    events = list(account.events.order_by("position"))
    notes = [e.note for e in events]
    for name in ("a", "b"):
        assert sum(1 for n in notes if n.startswith(f"{name}-")) == PER_WRITER
    assert len(events) == already + 2 * PER_WRITER
    assert [e.position for e in events] == list(range(len(events)))  # one place each, no gaps
    logged = [e for e in events if e.note[:2] in ("a-", "b-")]
    assert [e.at for e in logged] == sorted(e.at for e in logged)  # kept in time order
