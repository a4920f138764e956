"""Writes law/parameters/states/<xx>/collection.yaml for the 50 states and DC.

The statute-of-limitation part (`sol`) comes from the research files scripts/state_law/<xx>.yaml
(format: scripts/state_law/README.md): what a person read in each state's own statute, with the
words that prove each value. A row with `quote` and `href` becomes a confirmed value with `quote:`
and `source:`; a row marked `unconfirmed` keeps its note (which says what was searched and which
safe choice was taken). Where a jurisdiction has no research file yet, or its file leaves an entry
out, the entry is written from the fallback table (scripts/state_collection_tables.py) or from the
safe default (a payment or a signed writing restarts and revives; a barred debt may still be sued
on), marked unconfirmed.

The other entries (interest caps, waiting periods, notices, garnishment, liens) come from the
tables in scripts/state_collection_tables.py.

Parameter paths (engines read them; extend, never rename):
  sol.open_account, sol.written_contract     years
  sol.medical, sol.consumer_debt              years (optional; meta `starts`, `start_code`)
  sol.starts                                  text: when the clock starts
  sol.start_rule                              code: default_or_last_payment | last_charge_or_payment |
                                              dealings_ceased | last_charge_or_payment_plus_30 | accrual
  sol.restart                                 {payment, written_acknowledgment}: before the limit runs out
  sol.revival                                 {payment, written_acknowledgment}: after it ran out
  sol.barred_debt                             {suit_allowed, collection_allowed, who}
  sol.debt_buyer                              text, or null when no debt-buyer rule was found

Re-run after editing:  python scripts/build_state_collection_law.py
A malformed research file stops the run with one line naming the file and field (exit 2).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "billadvocate" / "law" / "parameters" / "states"
RESEARCH_DIR = ROOT / "scripts" / "state_law"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from billadvocate.states import NAMES  # noqa: E402
from state_collection_tables import GARNISH, INTEREST, LIENS, NOTICE, SOL, WAIT  # noqa: E402

CHECKED = "2026-11-28"
SINCE = "2000-01-01"
SEARCHED = ("Searched: billadvocate research report (legal-rules.md sections 3, 7 and 8, sources S28-S86) and "
            "stored public state-code and news pages on 2026-11-28; nothing specific to medical debt found.")
SOL_NOTE = ("Years from one secondary 50-state table (Milliken & Michaels [S81]); no research file "
            "scripts/state_law/{code}.yaml read the statute yet. The start date is when the rule was known to be in force.")
RESEARCH = {"title": "billadvocate research report, legal-rules.md section 8 (Milliken & Michaels 50-state table)",
            "href": "https://www.millikenandmichaels.com/state-statute-of-limitations"}
START_CODES = {"default_or_last_payment", "last_charge_or_payment", "dealings_ceased",
               "last_charge_or_payment_plus_30", "accrual", "treatment", "service_or_last_payment"}
START_TEXT = {
    "default_or_last_payment": "the day the debt fell due (the first missed payment), or a later payment or signed "
                               "acknowledgment where the state lets it restart the clock",
    "treatment": "the date of treatment",
    "service_or_last_payment": "the date of the service or of the most recent partial payment, whichever is later",
    "last_charge_or_payment_plus_30": "thirty days after the last charge or payment, whichever is later",
}
PERIODS = {  # research key -> (parameter, description)
    "open_account": ("open_account", "years to sue on an open account or oral/implied contract (how most medical bills are owed)"),
    "written_contract": ("written_contract", "years to sue on a written contract (a signed financial agreement or payment plan)"),
    "medical_debt": ("medical", "years to sue on a medical debt (a rule specific to medical bills)"),
    "consumer_debt": ("consumer_debt", "years to sue on a consumer debt (a rule for household debts that overrides the open-account period)"),
}
RULE_KEYS = ("payment", "written_acknowledgment")
ROW_KEYS = {"since", "cite", "quote", "href", "unconfirmed", "note", "proves", "years", "start", "starts", "code",
            "text", "payment", "written_acknowledgment", "suit_allowed", "collection_allowed", "who"}
TOP_KEYS = {"state", "checked", "notes", *PERIODS, "starts", "restart", "revival", "barred_debt", "debt_buyer"}


class ResearchError(ValueError):
    """A research file that cannot be read: the message names the file and field."""


# ---------- reading a research file ----------

def load_research(code: str) -> dict | None:
    path = RESEARCH_DIR / f"{code.lower()}.yaml"
    if not path.is_file():
        return None
    rel = path.relative_to(ROOT)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise ResearchError(f"{rel}: not valid YAML ({str(e).splitlines()[0]}); fix the file and re-run")
    if not isinstance(data, dict) or str(data.get("state", "")).upper() != code:
        raise ResearchError(f"{rel}: state: must be {code}")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ResearchError(f"{rel}: unknown entries {sorted(unknown)}; see scripts/state_law/README.md")
    for key in set(data) - {"state", "checked", "notes"}:
        rows = data[key]
        if not isinstance(rows, list) or not rows:
            raise ResearchError(f"{rel}: {key}: write a list of dated rows (- since: YYYY-MM-DD ...)")
        for i, row in enumerate(rows):
            _check_row(f"{rel}: {key}[{i}]", key, row)
    data["_file"] = str(rel)
    return data


def _check_row(where: str, key: str, row) -> None:
    if not isinstance(row, dict):
        raise ResearchError(f"{where}: a row is a mapping (since, cite, quote, href ...)")
    unknown = set(row) - ROW_KEYS
    if unknown:
        raise ResearchError(f"{where}: unknown fields {sorted(unknown)}")
    try:
        date.fromisoformat(str(row.get("since")))
    except ValueError:
        raise ResearchError(f"{where}: since: must be a date YYYY-MM-DD")
    if not str(row.get("cite", "")).strip():
        raise ResearchError(f"{where}: cite: the pinpoint section is required")
    if row.get("unconfirmed"):
        if not str(row.get("note", "")).strip():
            raise ResearchError(f"{where}: an unconfirmed row needs a note saying what was searched")
    elif not (str(row.get("quote", "")).strip() and str(row.get("href", "")).strip()):
        raise ResearchError(f"{where}: quote: and href: are required unless the row says unconfirmed: true")
    if row.get("quote") and not str(row.get("href", "")).startswith(("http://", "https://")):
        raise ResearchError(f"{where}: href: must be the address the quote was read from")
    if key in PERIODS and not (isinstance(row.get("years"), int) and 1 <= row["years"] <= 30):
        raise ResearchError(f"{where}: years: a whole number of years is required")
    if key in PERIODS and row.get("start") is not None and row["start"] not in START_CODES:
        raise ResearchError(f"{where}: start: must be one of {sorted(START_CODES)}")
    if key == "starts" and row.get("code") not in START_CODES:
        raise ResearchError(f"{where}: code: must be one of {sorted(START_CODES)}")
    if key in ("restart", "revival"):
        for k in RULE_KEYS:
            if k not in row or row[k] not in (True, False, None):
                raise ResearchError(f"{where}: {k}: true, false or null is required")
    if key == "barred_debt":
        for k in ("suit_allowed", "collection_allowed"):
            if row.get(k) not in (True, False):
                raise ResearchError(f"{where}: {k}: true or false is required")
    if key in PERIODS and row.get("who") not in (None, "anyone", "providers"):
        raise ResearchError(f"{where}: who: anyone or providers (a period only for suits by the hospital or clinic)")
    if key == "debt_buyer" and not str(row.get("text", "")).strip():
        raise ResearchError(f"{where}: text: say what the debt-buyer rule is")


# ---------- building entries ----------

def entry(value, cites, note=None, unconfirmed=True):
    out = {"value": value, "reference": [{"title": c} if isinstance(c, str) else c for c in cites]}
    if unconfirmed and note:
        out["unconfirmed"] = True
    if note:
        out["note"] = note
    return out


def research_entry(row: dict, value, file: str) -> dict:
    ref = {"title": str(row["cite"]).strip()}
    if row.get("href"):
        ref["href"] = str(row["href"]).strip()
    out: dict = {"value": value, "reference": [ref, {"title": f"billadvocate research file {file}"}]}
    if row.get("quote"):
        out["quote"] = " ".join(str(row["quote"]).split())
        out["source"] = str(row["href"]).strip()
        if not isinstance(value, int) or isinstance(value, bool):
            proves = row.get("proves") or out["quote"]
            out["proves"] = proves if isinstance(proves, list) else [" ".join(str(proves).split())]
    if row.get("unconfirmed"):
        out["unconfirmed"] = True
    if row.get("note"):
        out["note"] = " ".join(str(row["note"]).split())
    return out


def rows_param(description: str, unit: str | None, rows: list, value_of, file: str, checked: str) -> dict:
    values = {str(r["since"]): research_entry(r, value_of(r), file) for r in sorted(rows, key=lambda r: str(r["since"]))}
    return {"description": description, **({"unit": unit} if unit else {}), "last_checked": checked, "values": values}


def dated(description, unit, rows, checked=None):
    values = {}
    for start, v, cites, note in rows:
        if isinstance(note, dict):  # a quoted (confirmed) value: {quote, source, proves?, note?}
            values[start] = {**entry(v, cites, note.get("note"), unconfirmed=False),
                             **{k: note[k] for k in ("quote", "source", "proves") if k in note}}
        else:
            values[start] = entry(v, cites, note, unconfirmed=note is not None)
    return {"description": description, **({"unit": unit} if unit else {}), **({"last_checked": checked} if checked else {}),
            "values": values}


def none_found(what: str) -> dict:
    return {"description": what, "values": {SINCE: entry(None, [{"title": "billadvocate research report, legal-rules.md sections 3, 7 and 8 (searched, nothing specific)"}],
                                                         "No specific law found. " + SEARCHED, unconfirmed=True)}}


def _period_start(row: dict) -> str | None:
    """The start-rule code of a period row: `start:` or, from the text of `starts:`, the nearest code."""
    if row.get("start"):
        return row["start"]
    text = str(row.get("starts") or "").lower()
    if "treatment" in text:
        return "treatment"
    if "thirty days" in text or "30 days" in text:
        return "last_charge_or_payment_plus_30"
    return None


def sol_doc(code: str, name: str, research: dict | None) -> dict:
    r = research or {}
    file = r.get("_file", "")
    checked = str(r.get("checked", CHECKED))
    written, open_acct, wcite, ocite = SOL[code]
    fallback_note = SOL_NOTE.format(code=code.lower())
    sol: dict = {}
    for key, (param, what) in PERIODS.items():
        if key in r:
            sol[param] = rows_param(f"{name}: {what}", "year", r[key], lambda row: row["years"], file, checked)
            codes = [c for c in (_period_start(row) for row in r[key]) if c]
            texts = [str(row["starts"]) for row in r[key] if row.get("starts")]
            if codes or texts:
                sol[param]["start_code"] = codes[-1] if codes else "default_or_last_payment"
                sol[param]["starts"] = texts[-1] if texts else START_TEXT.get(sol[param]["start_code"], "")
            whos = [row["who"] for row in r[key] if row.get("who")]
            if whos:
                sol[param]["who"] = whos[-1]
        elif key in ("open_account", "written_contract"):
            years, cite = (open_acct, ocite) if key == "open_account" else (written, wcite)
            what_note = fallback_note if not research else (f"{file} has no {key} entry; " + fallback_note)
            sol[param] = dated(f"{name}: {what}", "year", [(SINCE, years, [cite, RESEARCH], what_note)], checked)
    starts_rows = r.get("starts")
    default_note = ("The state's own accrual and acknowledgment statutes were not read" +
                    (f" ({file} has no entry)" if research else "") + "; the broader rule is kept: "
                    "{what}, the safe choice ({why}).")
    if starts_rows:
        sol["starts"] = rows_param(f"{name}: when the limitations clock starts", None, starts_rows,
                                   lambda row: str(row.get("text") or START_TEXT.get(row["code"], row["code"])), file, checked)
        sol["start_rule"] = rows_param(f"{name}: the start rule, as a code the engine reads", None, starts_rows,
                                       lambda row: row["code"], file, checked)
    else:
        note = default_note.format(what="the clock starts when the debt fell due and a payment or signed writing starts it again",
                                   why="the latest start, so a debt is not called too old to sue on too early")
        sol["starts"] = dated(f"{name}: when the limitations clock starts", None,
                              [(SINCE, START_TEXT["default_or_last_payment"], [ocite], note)], checked)
        sol["start_rule"] = dated(f"{name}: the start rule, as a code the engine reads", None,
                                  [(SINCE, "default_or_last_payment", [ocite], note)], checked)
    broad = {"payment": True, "written_acknowledgment": True}
    for key, what, desc in (("restart", "a payment or a signed writing before the limit runs out starts it again",
                             "what starts the limitations clock again before it runs out"),
                            ("revival", "a payment or a signed writing after the limit ran out revives the debt",
                             "what revives a time-barred debt after the limit ran out")):
        if key in r:
            sol[key] = rows_param(f"{name}: {desc}", None, r[key],
                                  lambda row: {k: row[k] for k in RULE_KEYS}, file, checked)
        else:
            sol[key] = dated(f"{name}: {desc}", None,
                             [(SINCE, dict(broad), [ocite], default_note.format(what=what, why="warnings must not understate the risk"))],
                             checked)
    if "barred_debt" in r:
        sol["barred_debt"] = rows_param(f"{name}: whether a time-barred debt may still be sued on or collected", None,
                                        r["barred_debt"], lambda row: {"suit_allowed": row["suit_allowed"],
                                                                       "collection_allowed": row["collection_allowed"],
                                                                       "who": str(row.get("who") or "anyone")}, file, checked)
    else:
        note = ("No state statute on suing on or collecting a time-barred debt was read" + (f" ({file} has no entry)" if research else "") +
                "; the general rule is assumed: the limit is a defense the patient must raise, so a lawsuit must still be "
                "answered (the safe reading). Debt collectors may not sue on it anyway (12 CFR 1006.26(b)).")
        sol["barred_debt"] = dated(f"{name}: whether a time-barred debt may still be sued on or collected", None,
                                   [(SINCE, {"suit_allowed": True, "collection_allowed": True, "who": "anyone"}, [ocite], note)], checked)
    if "debt_buyer" in r:
        sol["debt_buyer"] = rows_param(f"{name}: limits specific to debt buyers", None, r["debt_buyer"],
                                       lambda row: " ".join(str(row["text"]).split()), file, checked)
    else:
        sol["debt_buyer"] = none_found(f"{name}: limits specific to debt buyers")
        sol["debt_buyer"]["last_checked"] = checked
        row = sol["debt_buyer"]["values"][SINCE]
        row["unconfirmed"] = True  # that no such law exists was not confirmed in the statutes
        row["note"] = ("No specific law found. Searched: " + (f"{file} (no debt-buyer statute read for {name}) and " if research else "")
                       + SEARCHED.removeprefix("Searched: "))
    if research and r.get("notes"):
        sol["note"] = " ".join(str(r["notes"]).split())
    return sol


def state_doc(code: str, research: dict | None) -> dict:
    name = NAMES[code]

    def one(table, what, unit=None):
        if code not in table:
            return none_found(f"{name}: {what}")
        rows = table[code] if isinstance(table[code], list) else [table[code]]
        return dated(f"{name}: {what}", unit, rows)

    return {
        "description": f"{name}: medical-debt collection law (statute of limitations, interest, waiting periods, notices, garnishment and liens)",
        "last_checked": CHECKED,
        "sol": sol_doc(code, name, research),
        "interest_cap": one(INTEREST, "cap on interest charged on medical debt"),
        "collection_wait": one(WAIT, "days after the first bill before credit reporting or a lawsuit on a medical bill"),
        "notice_before_collection": one(NOTICE, "written notice required before collecting a medical debt"),
        "garnishment": one(GARNISH, "limits on wage garnishment for medical debt"),
        "liens": one(LIENS, "limits on liens for medical debt"),
    }


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def main() -> int:
    assert set(SOL) == set(NAMES), sorted(set(NAMES) ^ set(SOL))
    try:
        docs = {code: state_doc(code, load_research(code)) for code in sorted(NAMES)}
    except ResearchError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for code, doc in docs.items():  # all read and checked first: nothing half-written
        path = OUT / code.lower() / "collection.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = ("# Generated by scripts/build_state_collection_law.py from scripts/state_law/<xx>.yaml and "
                "scripts/state_collection_tables.py; edit those.\n"
                + yaml.dump(doc, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=120))
        tmp = path.with_suffix(".yaml.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    researched = sum(1 for c in NAMES if (RESEARCH_DIR / f"{c.lower()}.yaml").is_file())
    print(f"wrote {len(docs)} files under {OUT} ({researched} from research files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
