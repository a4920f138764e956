"""Readers for the CMS payment files the price yardsticks come from, in CMS's own published layout.

- OPPS Addendum B (the "Section 508" CSV of the quarterly web addendum, or CMS's .xlsx workbook of it, as
  2023_January_Web_Addendum_B.12212022.xlsx): HCPCS Code, Short Descriptor, SI, APC, Relative Weight,
  Payment Rate ("$613.10"), ... under a few title rows.
- Clinical Laboratory Fee Schedule (CLFS yyyy QnVn.csv): YEAR, HCPCS, MOD, EFF_DATE, INDICATOR, RATE
  (the national limit), SHORTDESC, ...
- ASP pricing file (section 508 version of <Month yyyy> ASP Pricing File.csv): "Effective January 1,
  2025 through March 31, 2025", then HCPCS Code, Short Description, HCPCS Code Dosage, Payment Limit.
- DMEPOS fee schedule (DMEPOS_<MON>.csv): "January 2025 Fee Schedule", then HCPCS, Mod, Mod2, JURIS,
  CATG, Ceiling, Floor, then for each state "XX (NR)" and "XX (R)" (non-rural and rural fees).
Each is read from CMS's .xlsx workbook of it as well (each sheet's rows as the CSV holds them).
Descriptors are not kept (the CPT ones are the AMA's). Each reader returns (table, start, end): the
period the file states, when it states one. Every problem is a BadInput naming the file and line.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa

from ..errors import BadInput
from .catalog import check_table
from .cms_files import _CODE, _members

MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                      "nov", "dec"), start=1)}


def month_year(text: str) -> date | None:
    """The first 'January 2025' / 'JUL 2025' / 'January_Web_2024' / '2025 Q1' / '2023_January' in a name or title."""
    t = text.lower()
    m = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s_-]+(?:web[\s_-]+)?(20\d\d)", t)
    if m:
        return date(int(m.group(2)), MONTHS[m.group(1)], 1)
    m = re.search(r"(20\d\d)[\s_-]*q([1-4])", t)
    if m:
        return date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
    m = re.search(r"(?<!\d)(20\d\d)[\s_-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s_-]", t)
    if m:
        return date(int(m.group(1)), MONTHS[m.group(2)], 1)
    return None


def _rows(text: str, file: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text.replace("\x00", ""), newline="")))
    except csv.Error as e:
        raise BadInput(f"this is not a readable CSV file ({e})", file=file)


def _header(rows: list[list[str]], want: tuple[str, ...], file: str, what: str) -> tuple[int, dict[str, int]]:
    """The header row holding every name in `want` (case-insensitive) and the column of each name."""
    for i, row in enumerate(rows[:60]):
        names = [c.strip().lower() for c in row]
        if all(w in names for w in want):
            return i, {n: j for j, n in enumerate(names) if n}
    raise BadInput(f"no header row with {', '.join(want)}: this does not look like the CMS {what} file", file=file)


def _money(text: str, file: str, where: str) -> float | None:
    t = (text or "").strip().replace("$", "").replace(",", "")
    if not t or t in (".", "-", "NA", "N/A"):
        return None
    try:
        return float(t)
    except ValueError:
        raise BadInput(f"{text!r} is not an amount", file=file, where=where)


def _cell(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def _code(row: list[str], i: int) -> str:
    """The HCPCS code of a row; a stray non-printing byte CMS left after a code is dropped."""
    text = _cell(row, i).upper()
    return re.sub(r"[^0-9A-Z]", "", text) if _CODE.match(re.sub(r"[^0-9A-Z]", "", text)) else text


def _tables(path: Path, members: re.Pattern) -> list[tuple[str, list[list[str]]]]:
    """(file name, rows of text) of each CSV of the file or ZIP, or of each sheet of an .xlsx workbook (Excel's
    numbers as the CSV shows them: 548.11 -> '548.11', 70450 -> '70450'; empty rows left out)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from ..ingest.xlsx_bill import workbook_rows

        return [(f"{path}!{sheet}", rows) for sheet, rows in workbook_rows(path)]
    return [(file, _rows(text, file)) for file, text in _members(path, members)]


def _sheets(path: Path, members: re.Pattern, want: tuple[str, ...], what: str, skip=lambda name: False):
    """Each CSV of the file (or of the ZIP), or each sheet of an .xlsx workbook, as (file name, the title
    rows above its header as one text, the column of each header name, its rows with a HCPCS code as
    (code, row, 'line n')). The code column is the first name in `want`; a code that is not HCPCS is one
    BadInput naming file and line."""
    for file, rows in _tables(path, members):
        if skip(Path(file).name.lower()):
            continue
        h, ix = _header(rows, want, file, what)
        yield file, " ".join(c for r in rows[:h] for c in r if c), ix, _coded(rows[h + 1:], h + 2, ix[want[0]], file)


def _coded(rows: list[list[str]], first: int, column: int, file: str):
    for n, row in enumerate(rows, start=first):
        code = _code(row, column)
        if not code:
            continue
        where = f"line {n}"
        if not _CODE.match(code):
            raise BadInput(f"{code!r} is not a HCPCS code", file=file, where=where)
        yield code, row, where


def _per_code(path: Path, kind: str, members: str, what: str, columns: dict[str, tuple[str, str]], on_row=None):
    """The one-row-per-code layouts (OPPS Addendum B, CLFS, ASP): `columns` maps each column of our
    table to (the file's header name, how to read it: code | text | upper | money); the code column
    comes first. `on_row(ix, row)` sees each row too. Returns the checked table and each file's
    (name, title) for the caller to find the period in."""
    want = tuple(header for header, _ in columns.values())
    cols: dict[str, list] = {name: [] for name in columns}
    seen: list[tuple[str, str]] = []
    for file, title, ix, coded in _sheets(path, re.compile(members), want, what):
        seen.append((file, title))
        for code, row, where in coded:
            for name, (header, how) in columns.items():
                cell = _cell(row, ix[header])
                cols[name].append(code if how == "code" else _money(cell, file, where) if how == "money"
                                  else (cell.upper() if how == "upper" else cell) or None)
            if on_row:
                on_row(ix, row)
    if not seen or not cols[next(iter(columns))]:
        raise BadInput(f"no HCPCS rows found under the {what} header", file=str(path))
    return check_table(kind, pa.table(cols)), seen


def read_opps_addendum_b(path: Path) -> tuple[pa.Table, date | None, date | None]:
    """OPPS Addendum B -> opps table (hcpcs, status_indicator, apc, payment_rate)."""
    table, seen = _per_code(path, "opps", r"addendum.?b|\.csv$", "OPPS Addendum B", {
        "hcpcs": ("hcpcs code", "code"), "status_indicator": ("si", "upper"), "apc": ("apc", "text"),
        "payment_rate": ("payment rate", "money")})
    start = next((d for file, title in seen if (d := month_year(Path(file).name) or month_year(title))), None)
    return table, start, None


def read_clfs(path: Path) -> tuple[pa.Table, date | None, date | None]:
    """Clinical Laboratory Fee Schedule -> clfs table (hcpcs, modifier, rate = national limit)."""
    newest: list[date] = []

    def effective(ix: dict[str, int], row: list[str]) -> None:
        eff = _cell(row, ix.get("eff_date"))
        if re.fullmatch(r"20\d{6}", eff):
            newest[:] = [max([*newest, datetime.strptime(eff, "%Y%m%d").date()])]

    # CMS's ZIP (24CLABQ4.zip) also holds the schedule as a '~'-separated TXT: its CSV is the one read
    table, seen = _per_code(path, "clfs", r"\.csv$", "Clinical Laboratory Fee Schedule", {
        "hcpcs": ("hcpcs", "code"), "modifier": ("mod", "upper"), "rate": ("rate", "money")}, effective)
    start = month_year(path.name) or next((d for file, _ in seen if (d := month_year(Path(file).name))), None)
    if start is None and newest:
        start = date(newest[0].year, 3 * ((newest[0].month - 1) // 3) + 1, 1)
    return table, start, None


_PERIOD = re.compile(r"effective\s+([a-z]+\s+\d{1,2},\s*20\d\d)\s+through\s+([a-z]+\s+\d{1,2},\s*20\d\d)", re.I)


def _long_date(text: str) -> date:
    return datetime.strptime(re.sub(r"\s+", " ", text.replace(",", ", ")).replace(" ,", ","), "%B %d, %Y").date()


def read_asp(path: Path) -> tuple[pa.Table, date | None, date | None]:
    """ASP pricing file -> asp table (hcpcs, dosage = the billing unit, payment_limit per unit)."""
    table, seen = _per_code(path, "asp", r"asp|\.csv$", "ASP pricing", {
        "hcpcs": ("hcpcs code", "code"), "dosage": ("hcpcs code dosage", "text"),
        "payment_limit": ("payment limit", "money")})
    start = end = None
    for _file, title in seen:
        m = _PERIOD.search(title)
        if m:
            try:
                start, end = _long_date(m.group(1)), _long_date(m.group(2))
            except ValueError:
                pass
    return table, start or month_year(path.name), end


def read_dmepos(path: Path) -> tuple[pa.Table, date | None, date | None]:
    """DMEPOS fee schedule -> dmepos table: one row per code, modifiers and state, with the
    non-rural and rural fees (a rural fee of 0 means none is set: the non-rural fee applies)."""
    cols: dict[str, list] = {k: [] for k in ("hcpcs", "modifier", "modifier2", "state", "fee_nonrural", "fee_rural")}
    start = None
    for file, title, ix, coded in _sheets(path, re.compile(r"dmepos.*\.csv$|\.csv$"),
                                          ("hcpcs", "mod", "mod2", "ceiling", "floor"), "DMEPOS fee schedule",
                                          # the parenteral/enteral nutrition file has another layout
                                          skip=lambda name: "pen" in name and "dmepos" not in name):
        start = start or month_year(title) or month_year(Path(file).name)
        states = sorted({m.group(1).upper() for name in ix if (m := re.fullmatch(r"([a-z]{2}) \(nr\)", name))})
        if not states:
            raise BadInput("no state fee columns (XX (NR), XX (R)) in the DMEPOS header", file=file)
        for code, row, where in coded:
            for st in states:
                nr = _money(_cell(row, ix[f"{st.lower()} (nr)"]), file, where)
                r = _money(_cell(row, ix.get(f"{st.lower()} (r)")), file, where)
                if not nr and not r:
                    continue
                cols["hcpcs"].append(code)
                cols["modifier"].append(_cell(row, ix["mod"]).upper() or None)
                cols["modifier2"].append(_cell(row, ix["mod2"]).upper() or None)
                cols["state"].append(st)
                cols["fee_nonrural"].append(nr or None)
                cols["fee_rural"].append(r or None)
    if not cols["hcpcs"]:
        raise BadInput("no fee rows found under the DMEPOS header", file=str(path))
    return check_table("dmepos", pa.table(cols)), start or month_year(path.name), None
