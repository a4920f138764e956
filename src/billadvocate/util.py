"""Small helpers shared by the shell: atomic writes, money formatting."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path


def safe_slug(text: str, *, fallback: str = "item", limit: int = 60) -> str:
    """A name part made from user text (an account id, a bureau) that can never leave its folder:
    letters, digits, '-' and '_' only, no leading dot, at most `limit` characters."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_text).strip("-_")[:limit].strip("-_") or fallback
    if slug != text:  # two ids that slug alike ('a/b', 'a b') must still name two files
        slug += "-" + hashlib.sha256(str(text).encode()).hexdigest()[:6]
    return slug


def file_target(path: str | Path) -> Path:
    """PATH, when a file may be written there: it is not there yet, or it is a regular file. A
    device (/dev/full, /dev/null), a folder or a pipe is refused before anything is written (a write
    replaces the name, and must never replace a device, even for root)."""
    from .errors import BadInput

    path = Path(path)
    try:
        kind = path.lstat().st_mode
    except FileNotFoundError:
        return path
    except OSError as e:
        raise BadInput(f"cannot be written ({e.strerror}): check the path", file=str(path))
    if stat.S_ISLNK(kind):
        try:
            kind = path.stat().st_mode
        except OSError:
            return path  # a dangling link is replaced by the file
    if not stat.S_ISREG(kind):
        what = "a folder" if stat.S_ISDIR(kind) else "a device or a pipe, not a file"
        raise BadInput(f"is {what}: name a file to write", file=str(path))
    return path


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write a file so that a reader sees the old content or the new, never half of it."""
    path = file_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def cents(value) -> Decimal:
    """Round a dollar amount to cents, half up, as a bill would."""
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def dollars(value) -> str:
    """$1,234.50"""
    if value is None:
        return "-"
    v = cents(value)
    sign = "-" if v < 0 else ""
    return f"{sign}${abs(v):,.2f}"
