"""Documents kept by content: DATA/documents/ab/abcdef... (SHA-256), written once, never overwritten.

A file is written to a temporary name, flushed to disk, then hard-linked into place: if the name
already exists (the same bytes, by definition) the new copy is dropped, so an existing document is
never replaced, even by two writers at once.

A killed import can leave a file no row names. Each process notes in its own journal
(documents/.journal/, locked while the process lives) the files it adds and whether the rows that
need them were saved; the next start removes what a dead process added and never settled.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..djangoapp.config import data_dir
from ..errors import BadInput

CHUNK = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Stored:
    sha256: str
    size: int
    created: bool  # False when the same bytes were already kept


def root() -> Path:
    return data_dir() / "documents"


def root_made() -> Path:
    """The documents folder, made (owner only) when it is not there yet."""
    path = root()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def is_sha256(text) -> bool:
    return isinstance(text, str) and bool(_SHA256.fullmatch(text))


def path_of(sha256: str) -> Path:
    """Where a kept file lies; only a well-formed hex SHA-256 names one (never a path)."""
    if not is_sha256(sha256):
        raise BadInput(f"{str(sha256)[:80]!r} is not a document's SHA-256 (64 lower-case hex digits)")
    return root() / sha256[:2] / sha256


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def put_bytes(data: bytes) -> Stored:
    sha = hashlib.sha256(data).hexdigest()
    return _place(sha, len(data), lambda f: f.write(data))


def put_file(source: Path) -> Stored:
    sha = sha256_of(source)
    size = source.stat().st_size

    def copy(f):
        with open(source, "rb") as src:
            for chunk in iter(lambda: src.read(CHUNK), b""):
                f.write(chunk)

    return _place(sha, size, copy)


def _place(sha: str, size: int, write) -> Stored:
    final = path_of(sha)
    if final.exists():
        _note("use", sha)  # a start's clean-up must not take it from under this process
        if final.exists():
            return Stored(sha, size, created=False)
    root_made()
    final.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".incoming.", suffix=".part")
    _note("tmp", str(Path(tmp).relative_to(root())))
    _note("add", sha)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o400)  # its owner may read it; nobody may change it
        try:
            os.link(tmp, final)  # fails if it exists: never overwrite
            created = True
        except FileExistsError:
            created = False
        _fsync_dir(final.parent)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return Stored(sha, size, created=created)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read(sha256: str) -> bytes:
    return path_of(sha256).read_bytes()


def verify(sha256: str) -> bool:
    """The kept file is there and still has the bytes its name promises."""
    p = path_of(sha256)
    return p.is_file() and sha256_of(p) == sha256


def discard(sha256: str) -> None:
    """Remove a document this process just added (used when the transaction that needed it fails)."""
    path_of(sha256).unlink(missing_ok=True)
    _note("ok", sha256)


def note_staging(folder: Path) -> None:
    """A scratch folder inside the documents folder (a restore's): removed if this process dies."""
    _note("dir", folder.name)


def settle(shas) -> None:
    """The rows that need these files are saved: a clean-up leaves them alone."""
    for sha in shas:
        _note("ok", sha)


# ---------------------------------------------------------------- the journal and the clean-up

_journals: dict[tuple[int, str], object] = {}  # (pid, documents folder) -> this process's open journal


def _note(kind: str, value: str) -> None:
    key = (os.getpid(), str(root()))
    f = _journals.get(key)
    if f is None:
        folder = root_made() / ".journal"
        folder.mkdir(mode=0o700, exist_ok=True)
        f = open(folder / f"{os.getpid()}-{os.urandom(4).hex()}", "a", encoding="ascii")
        fcntl.flock(f, fcntl.LOCK_EX)  # held while this process lives: the kernel drops it when it dies
        _journals[key] = f
    f.write(f"{kind} {value}\n")
    f.flush()
    os.fsync(f.fileno())


def _entries(path: Path) -> list[tuple[str, str]]:
    try:
        lines = path.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return []
    return [tuple(line.split(" ", 1)) for line in lines if " " in line]  # type: ignore[misc]


def clean_orphans() -> list[str]:
    """Remove the files dead processes added and never settled, when no row names them. Returns
    their SHA-256s. Cheap when nothing was killed: it reads only the journal folder."""
    folder = root() / ".journal"
    if not folder.is_dir():
        return []
    dead, live = [], set()
    for path in sorted(folder.iterdir()):
        try:
            f = open(path, "a", encoding="ascii")
        except OSError:
            continue
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # its process is alive: what it uses or adds is not ours to take
            live |= {v for k, v in _entries(path) if k in ("use", "add")}
            f.close()
            continue
        dead.append((path, f))
    if not dead:
        return []
    from .models import Document

    removed = []
    for path, f in dead:
        entries = _entries(path)
        settled = {v for k, v in entries if k == "ok"}
        for kind, value in entries:
            if kind == "dir" and value.startswith(".restore-") and "/" not in value:
                shutil.rmtree(root() / value, ignore_errors=True)
            elif kind == "tmp" and value.startswith(tuple(f"{c:x}" for c in range(16))) and ".incoming." in value:
                (root() / value).unlink(missing_ok=True)
            elif kind == "add" and is_sha256(value) and value not in settled and value not in live \
                    and path_of(value).exists() and not Document.objects.filter(sha256=value).exists():
                path_of(value).unlink(missing_ok=True)
                removed.append(value)
        path.unlink(missing_ok=True)
        f.close()
    return removed
