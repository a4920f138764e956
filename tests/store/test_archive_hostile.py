"""Hostile .zip archives given to `case import` (and the reader restore uses): bombs, forged
headers, encryption, odd compression, links, too many entries. Each is one line, exit 2, and
nothing is stored; a bomb is refused before 100 MB is written (the CLI runs under a 100 MB
file-size limit, so a bigger write would kill it instead of exiting 2)."""

from __future__ import annotations

import os
import resource
import stat
import struct
import subprocess
import sys
import zipfile

import pytest

from billadvocate.errors import BadInput
from billadvocate import archive
from tests.conftest import EXAMPLES, ROOT

ER = EXAMPLES / "er-visit-nonprofit"
HUNDRED_MB = 100 * 1024 * 1024


def _case_zip(path, extra=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for f in ER.rglob("*"):
            if f.is_file():
                z.write(f, str(f.relative_to(ER)))
        for name, data, kw in extra:
            info = zipfile.ZipInfo(name)
            for k, v in kw.items():
                setattr(info, k, v)
            z.writestr(info, data, compress_type=kw.get("compress_type", zipfile.ZIP_DEFLATED))
    return path


def _bomb(path, size=150 * 1024 * 1024):
    """A real bomb: SIZE bytes of zeros, deflated ~1000:1 (written in chunks, never held in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for f in ER.rglob("*"):
            if f.is_file():
                z.write(f, str(f.relative_to(ER)))
        with z.open("bills/zeros.csv", "w", force_zip64=False) as out:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                out.write(chunk)
    return path


def _patch_sizes(path, name: bytes, size: int):
    """Forge the entry's uncompressed size in both headers (a bomb that lies about itself)."""
    raw = bytearray(path.read_bytes())
    i = 0
    while (i := raw.find(b"PK\x03\x04", i)) != -1:
        n, m = struct.unpack_from("<HH", raw, i + 26)
        if raw[i + 30:i + 30 + n] == name:
            struct.pack_into("<I", raw, i + 22, size)
        i += 4
    i = 0
    while (i := raw.find(b"PK\x01\x02", i)) != -1:
        n = struct.unpack_from("<H", raw, i + 28)[0]
        if raw[i + 46:i + 46 + n] == name:
            struct.pack_into("<I", raw, i + 24, size)
        i += 4
    path.write_bytes(bytes(raw))
    return path


def _set_encrypted(path):
    raw = bytearray(path.read_bytes())
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = 0
        while (i := raw.find(sig, i)) != -1:
            flags = struct.unpack_from("<H", raw, i + off)[0]
            struct.pack_into("<H", raw, i + off, flags | 0x1)
            i += 4
    path.write_bytes(bytes(raw))
    return path


def _import_capped(store, file):
    """`case import FILE` in a subprocess that may not write any file over 100 MB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BILLADVOCATE_HOME": str(store.home),
           "TMPDIR": str(store.home)}
    env.pop("BILLADVOCATE_DEBUG", None)

    def cap():
        resource.setrlimit(resource.RLIMIT_FSIZE, (HUNDRED_MB, HUNDRED_MB))

    p = subprocess.run([sys.executable, "-m", "billadvocate", "case", "import", str(file)], capture_output=True,
                       text=True, env=env, preexec_fn=cap, timeout=300)
    return p


def _nothing_stored(store):
    r = store.cli("case", "list", "--json")
    assert r.code == 0 and r.json()["cases"] == []
    docs = store.home / "documents"
    assert not docs.exists() or [p for p in docs.rglob("*") if p.is_file()] == []


def test_a_zip_bomb_is_refused_before_100_mb_is_written(sqlite_store, tmp_path):
    p = _import_capped(sqlite_store, _bomb(tmp_path / "bomb.zip"))
    assert p.returncode == 2, (p.returncode, p.stderr[-500:])
    assert "zip bomb" in p.stderr or "more than" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    _nothing_stored(sqlite_store)


def test_a_bomb_that_lies_about_its_size_is_refused(sqlite_store, tmp_path):
    forged = _patch_sizes(_bomb(tmp_path / "liar.zip"), b"bills/zeros.csv", 1000)
    p = _import_capped(sqlite_store, forged)
    assert p.returncode == 2, (p.returncode, p.stderr[-500:])
    assert "damaged" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    _nothing_stored(sqlite_store)


def test_the_reader_never_passes_its_budget_whatever_the_headers_say(tmp_path):
    """The header check refuses what is declared too big; the stream's own count stops the rest."""
    z = tmp_path / "many.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_STORED) as out:
        for i in range(5):
            out.writestr(f"f{i}.txt", b"a" * 1000)
    with pytest.raises(BadInput, match="more than 0 MB"):
        archive.SafeZip(z, limits=archive.Limits(total_bytes=4_500, entries=10))
    with archive.SafeZip(z, limits=archive.Limits(total_bytes=5_000, entries=10)) as safe:
        safe._budget.left = 2_500  # as if the headers had under-declared the sizes
        with pytest.raises(BadInput, match="more than its headers say"):
            safe.extract_all(tmp_path / "out")


@pytest.mark.parametrize("extra,match", [
    ([("notes.txt", b"x", {"compress_type": zipfile.ZIP_BZIP2})], "compression billadvocate does not read"),
    ([("link", b"/etc/passwd", {"external_attr": (stat.S_IFLNK | 0o777) << 16})], "a link or a device"),
    ([("../evil.txt", b"x", {})], "climbs out"),
    ([("/abs.txt", b"x", {})], "absolute path"),
    ([("C:/win.txt", b"x", {})], "absolute path"),
    ([("bills/a.csv", b"x", {}), ("bills/a.csv", b"y", {})], "appears twice"),
    ([(f"f{i}.txt", b"", {}) for i in range(2_001)], "entries"),
])
def test_unsafe_entries_are_refused(sqlite_store, tmp_path, extra, match):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        z = _case_zip(tmp_path / "c.zip", extra)
    r = sqlite_store.cli("case", "import", z)
    assert r.code == 2 and match in r.err, r.err
    assert len(r.err.strip().splitlines()) == 1
    _nothing_stored(sqlite_store)


def test_an_encrypted_archive_is_refused(sqlite_store, tmp_path):
    z = _set_encrypted(_case_zip(tmp_path / "c.zip"))
    r = sqlite_store.cli("case", "import", z)
    assert r.code == 2 and "encrypted" in r.err and len(r.err.strip().splitlines()) == 1
    _nothing_stored(sqlite_store)


def test_a_plain_case_archive_still_imports(sqlite_store, tmp_path):
    r = sqlite_store.cli("case", "import", _case_zip(tmp_path / "c.zip"), "--json")
    assert r.code == 0, r.err


def test_a_backup_bomb_is_refused_from_its_headers(tmp_path):
    b = tmp_path / "b.zip"
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", "{}")
        with z.open("data.json", "w") as out:
            for _ in range(50):
                out.write(b" " * (1 << 20))
    with pytest.raises(BadInput, match="zip bomb"):
        archive.SafeZip(b, limits=archive.BACKUP)


def test_a_spreadsheet_that_is_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    """An .xlsx is a zip: a 'sheet' of 150 MB of spaces, 150 KB on disk, is refused from its headers."""
    from billadvocate.ingest import read_bill

    bomb = tmp_path / "bill.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as out:
            for _ in range(150):
                out.write(b" " * (1 << 20))
    with pytest.raises(BadInput, match="zip bomb"):
        read_bill(bomb)
