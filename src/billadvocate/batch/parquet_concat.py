"""Parquet files of one schema put together as one file without decoding a value.

A Parquet file is "PAR1", its column chunks (the pages), a footer (Thrift compact protocol:
the schema and, per row group, where each column chunk starts) and the footer's length. Putting the
findings parts together used to decode and re-encode every finding (pyarrow, about a third of the
audit's own time at 0.7 findings a line); here each part's pages are copied byte for byte (the
kernel's copy_file_range) and one footer lists all their row groups, with every file offset moved
by where the part now starts. The page indexes (column and offset indexes), which hold offsets of
their own, are dropped from the footer; readers then read pages without them, as for a file written
without page indexes. Anything unexpected (a different schema, encryption, a footer this reader does
not know) returns False and the caller puts the parts together the slow way.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

MAGIC = b"PAR1"

# compact protocol types
_STOP, _TRUE, _FALSE, _BYTE, _I16, _I32, _I64, _DOUBLE, _BINARY, _LIST, _SET, _MAP, _STRUCT = range(13)


class _Unknown(Exception):
    pass


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def byte(self) -> int:
        b = self.data[self.pos]
        self.pos += 1
        return b

    def varint(self) -> int:
        shift = result = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7

    def zigzag(self) -> int:
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def value(self, t: int):
        if t in (_TRUE, _FALSE):  # a bool inside a list or map: one byte
            return self.byte()
        if t == _BYTE:
            return self.byte()
        if t in (_I16, _I32, _I64):
            return self.zigzag()
        if t == _DOUBLE:
            self.pos += 8
            return self.data[self.pos - 8:self.pos]
        if t == _BINARY:
            n = self.varint()
            self.pos += n
            return self.data[self.pos - n:self.pos]
        if t in (_LIST, _SET):
            head = self.byte()
            size, et = head >> 4, head & 0x0F
            if size == 15:
                size = self.varint()
            return (et, [self.value(et) for _ in range(size)])
        if t == _MAP:
            size = self.varint()
            kv = self.byte() if size else 0
            kt, vt = kv >> 4, kv & 0x0F
            return (kt, vt, [(self.value(kt), self.value(vt)) for _ in range(size)])
        if t == _STRUCT:
            return self.struct()
        raise _Unknown(f"thrift type {t}")

    def struct(self) -> list:
        """[[field id, type, value], ...]; a bool field's value is its type (TRUE or FALSE)."""
        fields, last = [], 0
        while True:
            head = self.byte()
            t = head & 0x0F
            if t == _STOP:
                return fields
            delta = head >> 4
            fid = last + delta if delta else self.zigzag()
            last = fid
            fields.append([fid, t, None if t in (_TRUE, _FALSE) else self.value(t)])


class _Writer:
    def __init__(self):
        self.out = bytearray()

    def varint(self, n: int) -> None:
        while True:
            if n < 0x80:
                self.out.append(n)
                return
            self.out.append((n & 0x7F) | 0x80)
            n >>= 7

    def zigzag(self, n: int) -> None:
        self.varint((n << 1) ^ (n >> 63))

    def value(self, t: int, v) -> None:
        if t in (_TRUE, _FALSE, _BYTE):
            self.out.append(v)
        elif t in (_I16, _I32, _I64):
            self.zigzag(v)
        elif t == _DOUBLE:
            self.out += v
        elif t == _BINARY:
            self.varint(len(v))
            self.out += v
        elif t in (_LIST, _SET):
            et, items = v
            if len(items) < 15:
                self.out.append(len(items) << 4 | et)
            else:
                self.out.append(0xF0 | et)
                self.varint(len(items))
            for item in items:
                self.value(et, item)
        elif t == _MAP:
            kt, vt, items = v
            self.varint(len(items))
            if items:
                self.out.append(kt << 4 | vt)
            for k, val in items:
                self.value(kt, k)
                self.value(vt, val)
        elif t == _STRUCT:
            self.struct(v)
        else:
            raise _Unknown(f"thrift type {t}")

    def struct(self, fields: list) -> None:
        last = 0
        for fid, t, v in fields:
            if 0 < fid - last <= 15:
                self.out.append((fid - last) << 4 | t)
            else:
                self.out.append(t)
                self.zigzag(fid)
            last = fid
            if t not in (_TRUE, _FALSE):
                self.value(t, v)
        self.out.append(_STOP)


def _get(fields: list, fid: int):
    return next((v for f, _, v in fields if f == fid), None)


def _footer(path: Path) -> tuple[list, int]:
    """The file's FileMetaData (parsed) and where its footer starts."""
    size = path.stat().st_size
    with path.open("rb") as f:
        f.seek(size - 8)
        tail = f.read(8)
        if size < 12 or tail[4:] != MAGIC:
            raise _Unknown("not a plain Parquet file (encrypted or truncated)")
        n = struct.unpack("<I", tail[:4])[0]
        f.seek(size - 8 - n)
        meta = _Reader(f.read(n)).struct()
    return meta, size - 8 - n


# offsets to move, by (struct, field id): RowGroup 5 file_offset; ColumnChunk 2 file_offset;
# ColumnMetaData 9 data_page_offset, 10 index_page_offset, 11 dictionary_page_offset, 14 bloom_filter_offset
_PAGE_INDEX = {4, 5, 6, 7}  # ColumnChunk: offset_index_offset/length, column_index_offset/length
_MOVED_META = {9, 10, 11, 14}


def _moved_row_group(rg: list, shift: int, ordinal: int) -> list:
    out = []
    for fid, t, v in rg:
        if fid == 1:  # columns
            et, chunks = v
            moved = []
            for chunk in chunks:
                c = []
                for cf, ct, cv in chunk:
                    if cf in _PAGE_INDEX:
                        continue
                    if cf in (8, 9):
                        raise _Unknown("encrypted column")
                    if cf == 1:
                        raise _Unknown("column chunk in another file")
                    if cf == 2 and cv:
                        cv += shift
                    if cf == 3:
                        cv = [[mf, mt, mv + shift if mf in _MOVED_META and mv else mv] for mf, mt, mv in cv]
                    c.append([cf, ct, cv])
                moved.append(c)
            v = (et, moved)
        elif fid == 5:
            v += shift
        elif fid == 7:
            v = ordinal
        out.append([fid, t, v])
    return out


def concat(parts: list[Path], target: Path) -> bool:
    """Write target as parts' rows, part after part, pages copied as they are. False (and nothing
    written) when a part is not one this can join: the caller then joins them another way."""
    try:
        metas = [_footer(p) for p in parts]
    except (_Unknown, IndexError, OSError, struct.error):
        return False
    # a part without findings adds nothing (and DuckDB writes its columns as nullable, where a part
    # with findings may have them required)
    kept = [(p, m) for p, m in zip(parts, metas) if _get(m[0], 3)] or [(parts[0], metas[0])]
    parts, metas = [p for p, _ in kept], [m for _, m in kept]
    first = metas[0][0]
    schema = _get(first, 2)
    if any(_get(m, 2) != schema or _get(m, 8) is not None for m, _ in metas):
        return False  # another schema, or encryption
    row_groups, rows, where = [], 0, len(MAGIC)
    try:
        for meta, end in metas:
            shift = where - len(MAGIC)
            for rg in (_get(meta, 4) or (0, []))[1]:
                row_groups.append(_moved_row_group(rg, shift, len(row_groups)))
            rows += _get(meta, 3) or 0
            where += end - len(MAGIC)
        merged = []
        for fid, t, v in first:
            if fid == 3:
                v = rows
            elif fid == 4:
                v = (_STRUCT, row_groups)
            merged.append([fid, t, v])
        if _get(first, 4) is None:
            merged.append([4, _LIST, (_STRUCT, row_groups)])
            merged.sort(key=lambda f: f[0])
        w = _Writer()
        w.struct(merged)
    except (_Unknown, TypeError, ValueError):
        return False
    with target.open("wb") as out:
        out.write(MAGIC)
        for part, (_, end) in zip(parts, metas):
            with part.open("rb") as f:
                _copy(f, out, len(MAGIC), end - len(MAGIC))
        out.write(bytes(w.out))
        out.write(struct.pack("<I", len(w.out)))
        out.write(MAGIC)
    return True


def _copy(src, dst, offset: int, count: int) -> None:
    dst.flush()
    done = 0
    try:
        while done < count:
            n = os.copy_file_range(src.fileno(), dst.fileno(), count - done, offset + done)
            if n == 0:
                break
            done += n
    except (AttributeError, OSError):
        pass
    dst.seek(0, os.SEEK_END)
    if done < count:  # no copy_file_range here: read and write
        src.seek(offset + done)
        left = count - done
        while left:
            chunk = src.read(min(left, 1 << 24))
            if not chunk:
                raise OSError(f"{src.name} ended early")
            dst.write(chunk)
            left -= len(chunk)
