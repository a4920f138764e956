"""Where the care was given, read from the bill itself, so the right NCCI, MUE and price tables apply.

A facility claim shows itself by revenue codes on its lines, a type of bill, room and board lines, or
an institutional 837 (837I); it is inpatient when it has room and board days or an admission, else
outpatient. CPT/HCPCS lines without revenue codes, from a provider that is not a facility, are a
professional claim. A hospital's name (the case's provider, the heading of a printed bill, a line's
provider column) on a bill whose lines carry no revenue codes, or a bill with no
code at all, leaves the setting undecided: the NCCI and MUE checks then use only what the practitioner
and the outpatient hospital tables agree on, and the result's notes say what was left out.
`--setting` and `care.setting` override all of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from ..facility_name import names_a_facility
from ..model import Bill

# UB-04 revenue codes 010x-021x: room and board (all-inclusive, private, semi-private, ward, ICU, CCU)
ROOM_AND_BOARD = re.compile(r"^0?(1\d\d|20\d|21\d)$")
ROOM_WORDS = re.compile(r"ROOM\s*(&|AND)\s*BOARD|\bR&B\b|SEMI[- ]?PRIV|PRIVATE ROOM|\bICU ROOM\b|\bWARD\b", re.I)
ADMISSION_WORDS = re.compile(r"\bADMISSION\b|\bADMIT(TED)?\b|\bINPATIENT\b", re.I)
# types of bill (UB-04 FL 4): 011x hospital inpatient, 018x swing bed, 021x SNF inpatient; 013x/014x
# hospital outpatient, 085x critical access hospital outpatient
INPATIENT_BILL_TYPES = ("011", "018", "021")


@dataclass(frozen=True)
class SettingChoice:
    setting: str | None  # professional | outpatient | inpatient, or None when undecided
    how: str  # why, in words, for the result's notes


def infer_setting(bills: list[Bill], *, provider_name: str | None = None,
                  provider_kind: str | None = None) -> SettingChoice:
    """The setting the bills themselves show (see the module docstring)."""
    lines = [ln for b in bills for ln in b.lines]
    revenue = [ln for ln in lines if ln.revenue_code]
    room = [ln for ln in lines if (ln.revenue_code and ROOM_AND_BOARD.match(ln.revenue_code.strip()))
            or ROOM_WORDS.search(ln.description or "")]
    admitted = any(ADMISSION_WORDS.search(ln.description or "") for ln in lines)
    bill_types = [b.type_of_bill for b in bills if b.type_of_bill]
    institutional = any(b.claim_form == "institutional" for b in bills)
    if bill_types:
        tob = bill_types[0]
        kind = "inpatient" if tob.lstrip("0")[:2] in {t.lstrip("0") for t in INPATIENT_BILL_TYPES} else "outpatient"
        return SettingChoice(kind, f"the bill's type of bill {tob} is a facility {kind} claim")
    if revenue or room or institutional:
        why = ("it has revenue codes" if revenue else "it is an institutional claim (837I)" if institutional
               else "it has room and board lines")
        if room and not (revenue or institutional):  # the room and board lines are the reason: said once
            return SettingChoice("inpatient", "a facility claim with room and board lines")
        if room:
            return SettingChoice("inpatient", f"a facility claim ({why}) with room and board lines")
        if admitted:
            return SettingChoice("inpatient", f"a facility claim ({why}) with an admission")
        return SettingChoice("outpatient", f"a facility claim ({why}) without room and board or an admission")
    coded = [ln for ln in lines if ln.code]
    # who sent it: the case's provider, the name a printed bill's heading gives, the lines' provider column
    names = [n for n in [provider_name, *(b.provider_name for b in bills), *(ln.provider for ln in lines)] if n]
    hospital = next((n for n in names if names_a_facility(n)), None)
    if coded and provider_kind != "hospital" and hospital is None:
        sender = (f"from {names[0]}, not a hospital or medical center" if names else
                  "and neither the bill nor the case names a hospital or medical center as the sender")
        return SettingChoice("professional", f"CPT/HCPCS lines without revenue codes, {sender}")
    if coded:
        named = f" ({hospital})" if hospital else ""
        return SettingChoice(None, f"a hospital's bill{named} whose lines carry no revenue codes could be its "
                                   "facility or its practitioners' claim")
    return SettingChoice(None, "the bill has no CPT/HCPCS or revenue codes")


def left_out_note(con: duckdb.DuckDBPyConnection) -> str | None:
    """For bills whose setting is undecided: the NCCI pair edits and MUEs that only one table has,
    which were not reported. Reads the prepared audit tables."""
    from .rules.bill_ncci_ptp import pair_hits_sql

    pairs = con.execute(f"""
        WITH {pair_hits_sql()}
        SELECT line1, line2, min(code1), min(code2), min(tbl) FROM hits WHERE undecided
        GROUP BY source, line1, line2 HAVING count(DISTINCT tbl) = 1 ORDER BY line2, line1""").fetchall()
    units = con.execute("""
        SELECT a.line, a.code, a.units, m.setting, m.mue_units FROM audit_lines a
        JOIN ref_mue m ON m.code = a.code AND m.setting IN ('professional', 'outpatient')
         AND a.dos BETWEEN m.applies_from AND m.applies_to
        WHERE a.setting IS NULL AND a.units > m.mue_units AND m.mue_units > 0
          AND NOT EXISTS (SELECT 1 FROM ref_mue o WHERE o.code = a.code AND o.setting IN ('professional', 'outpatient')
                          AND o.setting <> m.setting AND a.dos BETWEEN o.applies_from AND o.applies_to
                          AND a.units > o.mue_units AND o.mue_units > 0)
        ORDER BY a.line""").fetchall()
    parts = []
    table_words = {"professional": "practitioner", "outpatient": "outpatient hospital"}
    if pairs:
        parts.append("NCCI pair edits only one table makes: " + "; ".join(
            f"lines {l1} and {l2} ({c1} with {c2}, {table_words[t]} table)" for l1, l2, c1, c2, t in pairs))
    if units:
        parts.append("unit limits only one table sets this low: " + "; ".join(
            f"line {n} ({code}, {float(u):g} units; {table_words[s]} MUE {m})" for n, code, u, s, m in units))
    if not parts:
        return None
    return ("Left out because the setting is undecided (they apply to one kind of claim only): "
            + ". ".join(parts) + ". Give --setting or care.setting to check them.")
