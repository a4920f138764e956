"""Reading a .zip somebody gave us (a case archive, a backup) without trusting it.

Every entry is checked before a byte is written: a safe relative name, no encryption, plain or
deflate compression, no links or devices, and limits on the number of entries, the total
uncompressed size and the compression ratio (a zip bomb is refused from its headers). The bytes
are then read as a stream and counted again, because headers can lie: zipfile itself stops at the
declared size and checks the CRC, and our count stops at the limit whatever the headers say.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO, Iterator

from .errors import BadInput

CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    total_bytes: int = 512 * 1024 * 1024  # everything the archive holds, uncompressed
    entries: int = 10_000
    ratio: int = 200  # uncompressed / compressed, per entry (text compresses ~10:1, a bomb ~1000:1)
    ratio_floor: int = 1024 * 1024  # entries smaller than this may compress as well as they like


CASE_ARCHIVE = Limits(total_bytes=256 * 1024 * 1024, entries=2_000)
BACKUP = Limits(total_bytes=8 * 1024 * 1024 * 1024, entries=1_000_000)
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def safe_name(name: str, *, file: str) -> str:
    """The entry's name when it stays inside the folder it is unpacked into; else BadInput."""
    if not name or any(ord(c) < 32 for c in name) or "\\" in name:
        raise BadInput(f"entry {name[:80]!r} has an unsafe name (control characters or '\\')", file=file)
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).drive or name.startswith("~"):
        raise BadInput(f"entry {name[:80]!r} is an absolute path: the archive is not safe to open", file=file)
    if ".." in PurePosixPath(name).parts:
        raise BadInput(f"entry {name[:80]!r} climbs out with '..': the archive is not safe to open", file=file)
    return name


def check(z: zipfile.ZipFile, *, file: str, limits: Limits) -> list[zipfile.ZipInfo]:
    """Every entry, checked from its headers; raises BadInput on the first that is refused."""
    infos = z.infolist()
    if len(infos) > limits.entries:
        raise BadInput(f"holds {len(infos):,} entries (at most {limits.entries:,}): not an archive "
                       "billadvocate made", file=file)
    total = 0
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        safe_name(name, file=file)
        if name.rstrip("/") in seen:
            raise BadInput(f"entry {name!r} appears twice: the archive is damaged or forged", file=file)
        seen.add(name.rstrip("/"))
        if info.flag_bits & 0x1:
            raise BadInput(f"entry {name!r} is encrypted: unpack it yourself and import the files", file=file)
        if info.compress_type not in _METHODS:
            raise BadInput(f"entry {name!r} uses a compression billadvocate does not read "
                           f"(method {info.compress_type}): make the archive again with plain zip", file=file)
        kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the archiver wrote no file type
        if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
            raise BadInput(f"entry {name!r} is a link or a device, not a file: the archive is not safe "
                           "to open", file=file)
        total += info.file_size
        if total > limits.total_bytes:
            raise BadInput(f"unpacks to more than {limits.total_bytes // (1024 * 1024):,} MB: refused "
                           "(an archive that large is not a case)", file=file)
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise BadInput(f"entry {name!r} would grow {info.file_size // max(info.compress_size, 1):,} times "
                           "when unpacked: refused as a zip bomb", file=file)
    return infos


class _Budget:
    def __init__(self, limits: Limits, file: str):
        self.left = limits.total_bytes
        self.file = file

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise BadInput("unpacks to more than its headers say: refused as a zip bomb", file=self.file)


def _stream(z: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> Iterator[bytes]:
    read = 0
    try:
        with z.open(info) as src:
            while chunk := src.read(CHUNK):
                read += len(chunk)
                if read > info.file_size:
                    raise BadInput(f"entry {info.filename!r} is longer than its header says: the archive "
                                   "is damaged or forged", file=budget.file)
                budget.take(len(chunk))
                yield chunk
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, RuntimeError) as e:
        # CRC mismatch, truncated data, an unreadable deflate stream, a password asked for
        raise BadInput(f"entry {info.filename!r} cannot be read ({e}): the archive is damaged",
                       file=budget.file)


class SafeZip:
    """An opened, checked archive. Use as a context manager."""

    def __init__(self, path: str | Path, *, limits: Limits = CASE_ARCHIVE):
        self.path = Path(path)
        self.file = str(path)
        self.limits = limits
        try:
            self._z = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise BadInput("is not a readable .zip archive", file=self.file)
        try:
            self.infos = check(self._z, file=self.file, limits=limits)
        except BaseException:
            self._z.close()
            raise
        self._budget = _Budget(limits, self.file)
        self.names = {i.filename: i for i in self.infos}

    def __enter__(self) -> "SafeZip":
        return self

    def __exit__(self, *exc) -> None:
        self._z.close()

    def read(self, name: str, *, max_bytes: int | None = None) -> bytes:
        info = self.names.get(name)
        if info is None:
            raise KeyError(name)
        if max_bytes is not None and info.file_size > max_bytes:
            raise BadInput(f"entry {name!r} is larger than {max_bytes // (1024 * 1024):,} MB", file=self.file)
        return b"".join(_stream(self._z, info, self._budget))

    def copy_to(self, name: str, out: BinaryIO) -> int:
        n = 0
        for chunk in _stream(self._z, self.names[name], self._budget):
            out.write(chunk)
            n += len(chunk)
        return n

    def extract_all(self, folder: Path) -> None:
        """Every file into FOLDER (names already checked; directories made as needed)."""
        root = folder.resolve()
        for info in self.infos:
            target = (root / info.filename).resolve()
            if not target.is_relative_to(root):
                raise BadInput(f"entry {info.filename!r} leaves the folder it is unpacked into", file=self.file)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "xb") as out:
                self.copy_to(info.filename, out)
