"""The store's files: made readable by their owner only; a write that fails (a full disk, a device
named as the output) is exit 2 with the old file untouched; and the document file a killed import
left behind is removed on the next start."""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
import time

from tests.conftest import EXAMPLES, ROOT, run_cli
from tests.store.test_crash import big_case, start_import, writer_busy

ER = EXAMPLES / "er-visit-nonprofit"


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_database_and_documents_are_its_owners_only(tmp_path):
    home = tmp_path / "new-home"  # not there yet: billadvocate makes it
    r = run_cli("case", "import", ER, env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 0, r.err
    assert _mode(home) == 0o700
    db = home / "billadvocate.sqlite3"
    assert _mode(db) == 0o600
    assert all(_mode(p) == 0o600 for p in home.glob("billadvocate.sqlite3-*"))
    docs = home / "documents"
    assert _mode(docs) == 0o700
    kept = [p for p in docs.rglob("*") if p.is_file() and ".journal" not in p.parts]
    assert kept and all(_mode(p) == 0o400 for p in kept)
    assert all(_mode(p) == 0o700 for p in docs.rglob("*") if p.is_dir())


def test_a_device_named_as_the_output_is_refused_and_left_alone(sqlite_store, tmp_path):
    """Devices of our own (never the machine's /dev: a regression must not break the machine)."""
    assert sqlite_store.cli("case", "import", ER).code == 0
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    targets = [fifo, tmp_path]
    if os.geteuid() == 0:  # root may replace a device node: the case this guards
        null = tmp_path / "null"
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        targets.append(null)
    for target in targets:
        for args in (["backup", target], ["case", "calendar", "-o", target], ["case", "export", "1", "-o", target]):
            if target == tmp_path and args[0] == "case" and args[1] == "export":
                continue  # a folder is a fine place for an export
            r = sqlite_store.cli(*args)
            assert r.code == 2, (args, r.err)
            assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    if os.geteuid() == 0:
        assert stat.S_ISCHR((tmp_path / "null").lstat().st_mode)


def test_a_full_disk_fails_the_backup_with_exit_2_and_keeps_the_old_one(sqlite_store, tmp_path):
    """RLIMIT_FSIZE makes every write past 2 KB fail with EFBIG, as a full disk fails with ENOSPC."""
    assert sqlite_store.cli("case", "import", ER).code == 0
    old = tmp_path / "backup.zip"
    old.write_bytes(b"the backup made last week")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BILLADVOCATE_HOME": str(sqlite_store.home)}
    env.pop("BILLADVOCATE_DEBUG", None)

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 1024, 2 * 1024))

    p = subprocess.run([sys.executable, "-m", "billadvocate", "backup", str(old)], capture_output=True, text=True,
                       env=env, preexec_fn=small_disk, timeout=300)
    assert p.returncode == 2, p.stderr[-800:]
    assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr
    assert old.read_bytes() == b"the backup made last week"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["backup.zip", "home"]  # no half-written .part


def test_the_document_of_a_killed_import_is_removed_on_the_next_start(sqlite_store, tmp_path):
    path = big_case(tmp_path / "big")
    (tmp_path / "big" / "bill.csv").write_text(
        "line,date,code,description,units,charge\n1,2025-03-02,99285,ER visit of the killed import,1,1500\n")
    proc = start_import(sqlite_store, path)
    deadline = time.monotonic() + 120
    while not writer_busy(sqlite_store):  # the bill is kept before the rows are written
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    docs = sqlite_store.home / "documents"
    left = [p for p in docs.rglob("*") if p.is_file() and ".journal" not in p.parts]
    assert len(left) == 1  # the orphan: a file no row names

    kept = sqlite_store.cli("case", "import", ER)  # the next start, and an import that must keep its files
    assert kept.code == 0, kept.err
    after = sqlite_store.cli("case", "list")  # one more start: the import above settled its files
    assert after.code == 0
    now = {p for p in docs.rglob("*") if p.is_file() and ".journal" not in p.parts}
    assert left[0] not in now
    assert len(now) == 1  # the example's bill, kept
    assert sqlite_store.cli("case", "show", "1").code == 0
