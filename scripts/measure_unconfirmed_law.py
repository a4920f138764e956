"""How much of billadvocate's law is unconfirmed, and how much of a review rests on it.

Counts the dated values marked `unconfirmed` (federal and HHS vs. states), then reviews each example
case and reports the share of findings, violations, protections and deadlines flagged as resting on
unconfirmed law, naming the values behind each. Run: python scripts/measure_unconfirmed_law.py [--json]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("findings", "violations", "protections", "deadlines")


def law_counts(parameters) -> dict[str, dict[str, int]]:
    """{'federal': {'values': n, 'unconfirmed': m}, 'states': {...}} over every dated value."""
    out: dict[str, Counter] = {"federal": Counter(), "states": Counter()}
    for path, p in parameters.items():
        side = "states" if path.startswith("states.") else "federal"
        for v in p.values:
            out[side]["values"] += 1
            out[side]["unconfirmed"] += bool(v.unconfirmed)
    return {k: {"values": c["values"], "unconfirmed": c["unconfirmed"]} for k, c in out.items()}


def items(review_json: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The review's findings, violations, protections and deadlines (credit ones included), by kind."""
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    for a in review_json["accounts"]:
        for k in KINDS:
            out[k] += a.get(k) or []
    out["findings"] += review_json.get("credit") or []
    out["deadlines"] += review_json.get("credit_deadlines") or []
    return out


def share(review_json: dict[str, Any], state: str | None = None) -> dict[str, Any]:
    """Per kind and overall: how many items, how many rest on unconfirmed law, and which."""
    from billadvocate.law.unconfirmed import explain

    by_kind, flagged = {}, []
    for kind, xs in items(review_json).items():
        bad = [x for x in xs if x.get("unconfirmed")]
        by_kind[kind] = {"items": len(xs), "unconfirmed": len(bad)}
        for x in bad:
            label = x.get("rule") or x.get("kind") or x.get("id")
            flagged.append({"kind": kind, "id": label, "why": explain(x.get("citations") or [], state)})
    total = sum(v["items"] for v in by_kind.values())
    bad_total = sum(v["unconfirmed"] for v in by_kind.values())
    return {"by_kind": by_kind, "items": total, "unconfirmed": bad_total,
            "percent": round(100 * bad_total / total, 1) if total else 0.0, "flagged": flagged}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from billadvocate.casefile import load_case
    from billadvocate.law import Law
    from billadvocate.review import review_case

    report: dict[str, Any] = {"law": law_counts(Law().parameters), "examples": {}}
    for case_file in sorted((ROOT / "examples").glob("*/case.yaml")):
        result = review_case(load_case(case_file))
        report["examples"][case_file.parent.name] = share(result.to_json(), result.case.patient.state)
    if "--json" in argv:
        print(json.dumps(report, indent=2))
        return 0
    for side, c in report["law"].items():
        print(f"{side}: {c['unconfirmed']} of {c['values']} dated values unconfirmed")
    for name, s in report["examples"].items():
        kinds = ", ".join(f"{k} {v['unconfirmed']}/{v['items']}" for k, v in s["by_kind"].items())
        print(f"{name}: {s['unconfirmed']} of {s['items']} items rest on unconfirmed law ({s['percent']}%): {kinds}")
        for f in s["flagged"]:
            print(f"  - {f['kind']} {f['id']}: {f['why'][:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
