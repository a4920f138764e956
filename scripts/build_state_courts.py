"""Write src/billadvocate/law/parameters/states/<xx>/courts.yaml: the time to answer a debt-collection
lawsuit in the court that hears most of them, from the research file scripts/state_courts.yaml (edit it,
then run this).

    .venv/bin/python scripts/build_state_courts.py

A row read in the rule's own words carries `quote` and `source` (the page it was read from). Where the rule
states no number of days (the court prints the date on the summons, or takes no written answer and sets a
hearing), the file counts FALLBACK_DAYS from service as billadvocate's own safe threshold (`policy:`) and the
quote proves the rule itself (`proves:`). A row that could not be read stays `unconfirmed` with a note naming
what was searched, at the same FALLBACK_DAYS: answering early never hurts, answering late loses by default.
Whatever the file says, the summons governs: the review says so next to every ANSWER_DUE.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RESEARCH = ROOT / "scripts" / "state_courts.yaml"
OUT = ROOT / "src" / "billadvocate" / "law" / "parameters" / "states"
CHECKED = "2026-12-04"
SINCE = "2000-01-01"
FALLBACK_DAYS = 10  # the shortest written-answer period found in a debt court (NY city courts, LA city courts)
ANSWERS = ("written", "on_summons", "appear")
POLICY = (f"The rule states no number of days: the date on the summons governs. Until the summons is read, "
          f"billadvocate counts {FALLBACK_DAYS} days from service, as short as the shortest written-answer period "
          f"found in any state's debt court (New York city courts, Louisiana city and parish courts).")

sys.path.insert(0, str(ROOT / "src"))
from billadvocate.states import NAMES  # noqa: E402


class BadRow(Exception):
    """One line naming the state and field of scripts/state_courts.yaml that is wrong, and what to do."""


def _need(state: str, row: dict, *fields: str) -> None:
    for f in fields:
        if not row.get(f):
            raise BadRow(f"{RESEARCH.name}: {state}: missing `{f}`; add it (see the file's header)")


def _check(state: str, row: dict) -> str:
    if not isinstance(row, dict):
        raise BadRow(f"{RESEARCH.name}: {state}: expected a mapping of court, days, cite, quote, source")
    answer = row.get("answer", "written")
    if answer not in ANSWERS:
        raise BadRow(f"{RESEARCH.name}: {state}: answer must be one of {', '.join(ANSWERS)}, not {answer!r}")
    _need(state, row, "court")
    if row.get("unconfirmed"):
        _need(state, row, "searched")
        return answer
    _need(state, row, "cite", "quote", "source")
    days = row.get("days")
    if days is None:
        if answer == "written":
            raise BadRow(f"{RESEARCH.name}: {state}: a written answer needs `days` (the period the quote states)")
        _need(state, row, "proves")
    elif not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 90:
        raise BadRow(f"{RESEARCH.name}: {state}: days must be a whole number of days (1-90), not {days!r}")
    if answer != "written" and not row.get("file"):
        raise BadRow(f"{RESEARCH.name}: {state}: a date-on-summons or appear rule needs `file` (what to do)")
    return answer


def _value(state: str, row: dict) -> dict:
    """The dated value: quoted days, the policy fallback with the quoted rule, or unconfirmed."""
    if row.get("unconfirmed"):
        return {"value": FALLBACK_DAYS,
                "reference": [{"title": f"{NAMES[state]} rules of civil procedure (answer period; not read in "
                                        f"primary text)"}],
                "unconfirmed": True,
                "note": (f"Not found in primary text: searched {row['searched']} The shortest plausible period, "
                         f"{FALLBACK_DAYS} days, is kept as the safe choice; the summons governs.")}
    entry = {"value": row.get("days", FALLBACK_DAYS), "reference": [{"title": row["cite"], "href": row["source"]}],
             "quote": row["quote"], "source": row["source"]}
    if "days" not in row:
        entry["policy"] = POLICY
    if row.get("proves"):
        entry["proves"] = list(row["proves"])
    if row.get("note"):
        entry["note"] = row["note"]
    return entry


def _earlier(state: str, row: dict) -> dict[str, dict]:
    """Dated values before the row's own `since` (`earlier:`, a list of rows with since, days, cite, quote,
    source and an optional note): a rule the state changed, each period quoted in its own words."""
    out: dict[str, dict] = {}
    since = str(row.get("since", SINCE))
    for old in row.get("earlier") or []:
        if not isinstance(old, dict):
            raise BadRow(f"{RESEARCH.name}: {state}: earlier: expected rows of since, days, cite, quote, source")
        for f in ("since", "days", "cite", "quote", "source"):
            if not old.get(f):
                raise BadRow(f"{RESEARCH.name}: {state}: earlier: missing `{f}`; each earlier row is quoted too")
        days, when = old["days"], str(old["since"])
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 90:
            raise BadRow(f"{RESEARCH.name}: {state}: earlier: days must be a whole number of days (1-90), not {days!r}")
        if when >= since:
            raise BadRow(f"{RESEARCH.name}: {state}: earlier: since {when} must come before the row's since {since}")
        entry = {"value": days, "reference": [{"title": old["cite"], "href": old["source"]}],
                 "quote": old["quote"], "source": old["source"]}
        if old.get("note"):
            entry["note"] = old["note"]
        out[when] = entry
    return out


def param(state: str, row: dict) -> dict:
    """states.<xx>.courts.answer_days for one jurisdiction's research row."""
    answer = _check(state, row)
    meta: dict = {}
    if row.get("file"):
        meta["file"] = row["file"]
    if answer != "written":
        meta["date_on_summons"] = True
    if answer == "appear":
        meta["appear"] = True
    since = str(row.get("since", SINCE))
    return {
        "description": f"{NAMES[state]}: days after being served with a debt-collection lawsuit to answer it, in the "
                       f"court that hears most of them (the summons governs)",
        "unit": "day",
        "court": row["court"],
        **meta,
        "last_checked": CHECKED,
        "values": {**dict(sorted(_earlier(state, row).items())), since: _value(state, row)},
    }


def place_params(state: str, row: dict) -> dict[str, dict]:
    """states.<xx>.courts.answer_days_<place>: a court that hears the suits of patients living in one place
    (`zip3`: the first three digits of their ZIP codes), with its own answer period."""
    out = {}
    for name, place in (row.get("places") or {}).items():
        if not isinstance(place, dict) or not place.get("zip3"):
            raise BadRow(f"{RESEARCH.name}: {state}: places: {name}: needs `zip3` (the ZIP code prefixes it covers)")
        p = param(state, {k: v for k, v in place.items() if k != "zip3"})
        p["zip3"] = [str(z) for z in place["zip3"]]
        p["description"] = f"{NAMES[state]}: days to answer a debt-collection lawsuit in the {place['court']}"
        out[f"answer_days_{name}"] = p
    return out


def load(path: Path | None = None) -> dict[str, dict]:
    path = path or RESEARCH
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(rows, dict):
        raise BadRow(f"{path.name}: expected one entry per postal code")
    missing, unknown = sorted(set(NAMES) - set(rows)), sorted(set(rows) - set(NAMES))
    if missing or unknown:
        raise BadRow(f"{path.name}: " + (f"no entry for {', '.join(missing)}; add them" if missing else
                                         f"{', '.join(unknown)} is not a jurisdiction billadvocate knows"))
    return rows


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".courts-", suffix=".yaml")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main() -> int:
    try:
        rows = load()
        docs = {st: {"description": f"{NAMES[st]}: the courts that hear medical-debt collection suits",
                     "last_checked": CHECKED, "answer_days": param(st, rows[st]), **place_params(st, rows[st])}
                for st in sorted(NAMES)}
    except (BadRow, yaml.YAMLError, OSError) as e:
        print(str(e).splitlines()[0], file=sys.stderr)
        return 2
    for st, doc in docs.items():
        _write(OUT / st.lower() / "courts.yaml",
               "# Generated by scripts/build_state_courts.py from scripts/state_courts.yaml; edit the research there.\n"
               + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110))
    quoted = sum(1 for r in rows.values() if not r.get("unconfirmed"))
    print(f"{len(docs)} courts.yaml written ({date.today()}): {quoted} quoted, {len(docs) - quoted} unconfirmed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
