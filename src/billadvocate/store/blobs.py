"""Documents kept by content: DATA/documents/ab/abcdef... (SHA-256), written once, never overwritten.

A file is written to a temporary name, flushed to disk, then hard-linked into place: if the name
already exists (the same bytes, by definition) the new copy is dropped, so an existing document is
never replaced, even by two writers at once.
"""

from __future__ import annotations

import hashlib
import os
import re
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
        return Stored(sha, size, created=False)
    root_made()
    final.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".incoming.", suffix=".part")
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
