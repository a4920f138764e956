"""A hospital's machine-readable standard-charges file (45 CFR 180.50), read and checked.

Layouts: the CMS template v2.x and v3.0, as CSV 'tall' (one row per payer and plan), CSV 'wide'
(payers and plans in the column names: standard_charge|<payer>|<plan>|negotiated_dollar) and
JSON (checked against the CMS JSON schema of its version, shipped in schemas/). A CSV has the
hospital's header labels on row 1, their values on row 2 and the item header on row 3.
`read_prices` returns the rows as the `prices` table and the file's facts, or raises BadInput
naming each problem with its row and column (or JSON path), so a hospital's bad file can be
reported back to it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import BadInput
from .prices_schema import PRICES_SCHEMA

SCHEMAS = Path(__file__).parent / "schemas"
SETTINGS = {"inpatient", "outpatient", "both"}
CODE_TYPES = {"CPT", "HCPCS", "ICD", "DRG", "MS-DRG", "R-DRG", "S-DRG", "APS-DRG", "AP-DRG", "APR-DRG", "APC",
              "NDC", "HIPPS", "LOCAL", "EAPG", "CDT", "RC", "CDM", "TRIS-DRG", "CMG", "MS-LTC-DRG"}
METHODOLOGIES = {"case rate", "fee schedule", "percent of total billed charges", "per diem", "other"}
MAX_PROBLEMS = 50


class Problems(list):
    def add(self, where: str, text: str) -> None:
        if len(self) < MAX_PROBLEMS:
            self.append(f"{where}: {text}")


def _date(text: str) -> date | None:
    for fmt in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            pass
    return None


def _version(text: str) -> str | None:
    """'2.0' or '2.0.0' -> '2.0.0'; None when it is not a template version (2.0-2.2, 3.0)."""
    m = re.fullmatch(r"\s*v?([23])\.(\d+)(?:\.(\d+))?\s*", text or "")
    if not m or (m.group(1), m.group(2)) not in {("2", "0"), ("2", "1"), ("2", "2"), ("3", "0")}:
        return None
    return f"{m.group(1)}.{m.group(2)}.{m.group(3) or 0}"


def _number(text: Any, where: str, problems: Problems) -> float | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        return float(str(text).replace(",", "").replace("$", ""))
    except ValueError:
        problems.add(where, f"{text!r} is not a number")
        return None


def _rows_out() -> dict[str, list]:
    return {name: [] for name in PRICES_SCHEMA.names}


def _emit(out: dict[str, list], **values) -> None:
    for name in PRICES_SCHEMA.names:
        out[name].append(values.get(name))


def _finish(out: dict[str, list], meta: dict, problems: Problems, file: str) -> tuple[pa.Table, dict]:
    if problems:
        shown = "; ".join(problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise BadInput(f"not a valid hospital price file (CMS template {meta.get('version') or '?'}): "
                       f"{len(problems)} problem(s): {shown}{more}", file=file)
    if not out["description"]:
        raise BadInput("the file has no standard charges (no item rows)", file=file)
    return pa.table(out, schema=PRICES_SCHEMA), meta


# ------------------------------------------------------------------ CSV

def _norm(header: str) -> str:
    return "|".join(p.strip().lower() for p in (header or "").split("|"))


def read_prices_csv(text: str, file: str) -> tuple[pa.Table, dict]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    problems = Problems()
    if len(rows) < 3:
        raise BadInput("a CMS template CSV needs 3 header rows (labels, their values, the item header)", file=file)
    labels = [_norm(h) for h in rows[0]]
    values = {labels[i]: (rows[1][i].strip() if i < len(rows[1]) else "") for i in range(len(labels)) if labels[i]}
    meta = {"hospital_name": values.get("hospital_name", ""), "last_updated_on": values.get("last_updated_on", ""),
            "version": values.get("version", ""),
            "npis": [n.strip() for n in re.split(r"[|,]", values.get("type_2_npi", "")) if n.strip()]}
    for required in ("hospital_name", "last_updated_on", "version"):
        if required not in labels:
            problems.add("row 1", f"the header label {required!r} is missing")
        elif not values.get(required):
            problems.add(f"row 2, column {required}", "is blank")
    if not any(lb.startswith("license_number") for lb in labels):
        problems.add("row 1", "the header label 'license_number|<state>' is missing")
    if meta["last_updated_on"] and not _date(meta["last_updated_on"]):
        problems.add("row 2, column last_updated_on", f"{meta['last_updated_on']!r} is not a date (YYYY-MM-DD or MM/DD/YYYY)")
    if meta["version"] and not _version(meta["version"]):
        problems.add("row 2, column version", f"{meta['version']!r} is not a CMS template version (2.0.0, 2.1.0, 2.2.x or 3.0.0)")
    meta["version"] = _version(meta["version"]) or meta["version"]
    header = [_norm(h) for h in rows[2]]
    if not any(header):
        problems.add("row 3", "is blank: the item header (description, code|1, ...) must be on row 3")
        return _finish(_rows_out(), meta, problems, file)
    blank = [i + 1 for i, h in enumerate(header) if not h]
    if blank:
        problems.add("row 3", f"column(s) {blank} have no header")
    for required in ("description", "code|1", "code|1|type", "setting"):
        if required not in header:
            problems.add("row 3", f"the item column {required!r} is missing")
    if problems:
        return _finish(_rows_out(), meta, problems, file)
    col = {h: i for i, h in enumerate(header) if h}
    wide = sorted({"|".join(h.split("|")[1:3]) for h in header
                   if h.startswith("standard_charge|") and h.count("|") == 3})
    tall = "payer_name" in col
    out = _rows_out()
    codes = sorted((int(h.split("|")[1]), h) for h in header if re.fullmatch(r"code\|\d+", h))
    for n, row in enumerate(rows[3:], start=4):
        if not any(c.strip() for c in row):
            continue
        cell = lambda name: (row[col[name]].strip() if name in col and col[name] < len(row) else "")  # noqa: E731
        where = f"row {n}"
        desc, setting = cell("description"), cell("setting").lower()
        if not desc:
            problems.add(f"{where}, column description", "is blank")
        if setting not in SETTINGS:
            problems.add(f"{where}, column setting", f"{cell('setting')!r} is not inpatient, outpatient or both")
        if not any(cell(h) for _, h in codes) and cell("modifiers"):
            continue  # a modifier row (what a modifier does to the price): no item of its own
        item_codes = []
        for _, h in codes:
            code, ctype = cell(h), cell(h + "|type").upper()
            if code and ctype not in CODE_TYPES:
                problems.add(f"{where}, column {h}|type", f"{ctype!r} is not a code type of the template")
            if code:
                item_codes.append((code.upper(), ctype))
        if not item_codes:
            problems.add(f"{where}, column code|1", "is blank: every item needs a code")
        base = {"description": desc, "care_setting": setting, "modifiers": cell("modifiers") or None,
                "gross": _number(cell("standard_charge|gross"), f"{where}, column standard_charge|gross", problems),
                "discounted_cash": _number(cell("standard_charge|discounted_cash"), f"{where}, column standard_charge|discounted_cash", problems),
                "minimum": _number(cell("standard_charge|min"), f"{where}, column standard_charge|min", problems),
                "maximum": _number(cell("standard_charge|max"), f"{where}, column standard_charge|max", problems)}
        payers = []
        if tall and cell("payer_name"):
            payers.append((cell("payer_name"), cell("plan_name"), "standard_charge|", "standard_charge|methodology"))
        for key in wide:
            if any(cell(f"standard_charge|{key}|{k}") for k in ("negotiated_dollar", "negotiated_percentage", "negotiated_algorithm")):
                payer, plan = (key.split("|") + [""])[:2]
                payers.append((payer, plan, f"standard_charge|{key}|", f"standard_charge|{key}|methodology"))
        for payer, plan, prefix, method_col in payers:
            pw = f"{where}, payer {payer!r}"
            if not plan:
                problems.add(pw, "has no plan_name")
            dollar = _number(cell(prefix + "negotiated_dollar"), f"{pw}, negotiated_dollar", problems)
            pct = _number(cell(prefix + "negotiated_percentage"), f"{pw}, negotiated_percentage", problems)
            if dollar is None and pct is None and not cell(prefix + "negotiated_algorithm"):
                problems.add(pw, "has no negotiated dollar, percentage or algorithm")
            method = cell(method_col).lower()
            if method not in METHODOLOGIES:
                problems.add(f"{pw}, methodology", f"{cell(method_col)!r} is not one of {sorted(METHODOLOGIES)}")
            for code, ctype in item_codes:
                _emit(out, **base, code=code, code_type=ctype, payer_name=payer, plan_name=plan,
                      negotiated_dollar=dollar, negotiated_percentage=pct, methodology=method)
        if not payers:
            if base["gross"] is None and base["discounted_cash"] is None and base["minimum"] is None:
                problems.add(where, "has no charge at all (gross, discounted cash or a payer's rate)")
            for code, ctype in item_codes:
                _emit(out, **base, code=code, code_type=ctype)
    return _finish(out, meta, problems, file)


# ------------------------------------------------------------------ JSON

def read_prices_json(text: str, file: str) -> tuple[pa.Table, dict]:
    import jsonschema

    from ..ingest.detect import load_json

    data = load_json(text.lstrip("\ufeff"), file=file)
    if not isinstance(data, dict) or not data:
        raise BadInput("the JSON is empty: a hospital price file is an object with hospital_name, version, "
                       "standard_charge_information, ...", file=file)
    version = _version(str(data.get("version", "")))
    if not version:
        raise BadInput(f"version {data.get('version')!r} is not a CMS template version (2.0.0, 2.1.0, 2.2.x or 3.0.0)",
                       file=file, where="version")
    schema_file = SCHEMAS / {"2.0": "hpt-v2.0.0.json", "2.1": "hpt-v2.1.0.json", "2.2": "hpt-v2.2.1.json",
                             "3.0": "hpt-v3.0.0.json"}[version[:3]]
    schema = json.loads(schema_file.read_text())
    problems = Problems()
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for err in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in err.absolute_path) or "(top)"
        problems.add(path, err.message[:200])
    meta = {"hospital_name": data.get("hospital_name", ""), "last_updated_on": str(data.get("last_updated_on", "")),
            "version": version, "npis": [str(n) for n in data.get("type_2_npi", []) or []]}
    out = _rows_out()
    if not problems:
        for item in data.get("standard_charge_information", []):
            codes = [(str(c["code"]).upper(), str(c["type"]).upper()) for c in item.get("code_information", [])]
            for sc in item.get("standard_charges", []):
                base = {"description": item.get("description"), "care_setting": sc.get("setting"),
                        "modifiers": "|".join(sc.get("modifier_code", []) or []) or None,
                        "gross": sc.get("gross_charge"), "discounted_cash": sc.get("discounted_cash"),
                        "minimum": sc.get("minimum"), "maximum": sc.get("maximum")}
                payers = sc.get("payers_information") or [{}]
                for p in payers:
                    for code, ctype in codes:
                        _emit(out, **base, code=code, code_type=ctype, payer_name=p.get("payer_name"),
                              plan_name=p.get("plan_name"), negotiated_dollar=p.get("standard_charge_dollar"),
                              negotiated_percentage=p.get("standard_charge_percentage"),
                              methodology=p.get("methodology"))
    return _finish(out, meta, problems, file)


def read_prices(path: str | Path) -> tuple[pa.Table, dict]:
    """The prices table and the file's facts (hospital_name, last_updated_on, version, npis)."""
    path = Path(path)
    if not path.is_file():
        raise BadInput("no such file", file=str(path))
    raw = path.read_bytes()
    if not raw.strip():
        raise BadInput("the file is empty", file=str(path))
    text = raw.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".json" or text.lstrip("\ufeff \r\n\t").startswith("{"):
        return read_prices_json(text, str(path))
    return read_prices_csv(text, str(path))


def price_key(meta: dict) -> str:
    """A stable id for one hospital's file: its name, lower-case, words joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", meta.get("hospital_name", "").lower())) or "hospital"


def match_price_file(con, provider_name: str | None, npi: str | None, plan: str | None
                     ) -> tuple[str, str | None, str] | None:
    """(price_key, 'payer|plan' for the patient's plan or None, a note) for the bill's provider."""
    from .loader import releases

    mine = [r for r in releases() if r.table == "prices"]
    want = "-".join(re.findall(r"[a-z0-9]+", (provider_name or "").lower()))
    for r in mine:
        if (npi and npi in (r.extra.get("npis") or [])) or (want and r.extra.get("key") == want):
            plan_key = None
            if plan:
                words = set(re.findall(r"[a-z0-9]+", plan.lower()))
                best = 0
                for payer, plan_name in con.execute(
                        "SELECT DISTINCT payer_name, plan_name FROM ref_prices WHERE price_key = ? AND payer_name IS NOT NULL",
                        [r.extra["key"]]).fetchall():
                    score = len(words & set(re.findall(r"[a-z0-9]+", f"{payer} {plan_name}".lower())))
                    if score > best:
                        best, plan_key = score, f"{payer}|{plan_name}"
            return r.extra["key"], plan_key, (f"Hospital prices from {r.extra.get('hospital_name')}'s published file "
                                              f"of {r.extra.get('last_updated_on')}.")
    return None
