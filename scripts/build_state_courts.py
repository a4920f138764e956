"""Write src/billadvocate/law/parameters/states/<xx>/courts.yaml: the time to answer a debt-collection
lawsuit in the court that hears most of them, from the table below (edit the table, then run this).

    .venv/bin/python scripts/build_state_courts.py

A row read in the rule's own words carries `quote` and `source` (the page it was read from). A row that
could not be read stays `unconfirmed` with a note naming what was searched, and takes the SHORTEST
plausible period (UNCONFIRMED_DAYS): answering early never hurts, answering late loses by default.
Whatever the file says, the summons governs: the review says so next to every ANSWER_DUE.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "billadvocate" / "law" / "parameters" / "states"
CHECKED = "2026-12-04"
UNCONFIRMED_DAYS = 10  # the shortest period found in any state's debt court (New York city courts)

sys.path.insert(0, str(ROOT / "src"))
from billadvocate.states import NAMES  # noqa: E402

# Read in the rule's own words (quote + source). `court` is the court that hears most medical-debt suits.
CONFIRMED = {
    "CA": dict(since="2000-01-01", days=30, court="superior court (limited civil case)",
               cite="Cal. Code Civ. Proc. 412.20(a)(3)",
               quote="A direction that the defendant file with the court a written pleading in response to the "
                     "complaint within 30 days after summons is served on him or her.",
               source="https://www.legalfina.com/en/laws/ca/civil_procedure/of_civil_actions/"
                      "jurisdiction_and_service_of_process/summons"),
    "FL": dict(since="2000-01-01", days=20, court="county court",
               cite="Fla. R. Civ. P. 1.140(a)(1)",
               quote="Unless a different time is prescribed in a statute of Florida, a defendant must serve an "
                     "answer within 20 days after service of original process and the initial pleading on the "
                     "defendant, or not later than the date fixed in a notice by publication.",
               source="https://legalknowledgebase.com/how-long-does-a-defendant-have-to-answer-a-complaint-in-florida"),
    "GA": dict(since="2000-01-01", days=30, court="magistrate court",
               cite="O.C.G.A. 15-10-43",
               quote="Once a claim has been filed with the Magistrate Court, the defendant has 30 days to file an "
                     "answer to the Court.",
               source="https://www.oglethorpecountyga.gov/copy-of-mc-dispossessory-1",
               note="Read on a county magistrate court's own page, which cites O.C.G.A. 15-10-43; the answer may "
                    "also be made orally to the judge or clerk, and a default may be opened within 15 more days "
                    "by paying costs."),
    "AZ": dict(since="2000-01-01", days=20, court="justice court",
               cite="Ariz. R. Civ. P. 12(a); Justice Court Rules of Civil Procedure",
               quote="You have 20 calendar days from the date of service in which to file an answer (in writing) "
                     "to the complaint",
               source="https://cochise.az.gov/417/Defendants-Civil-Instructions",
               note="A county's justice-court instructions to defendants; 30 days when served out of state, by "
                    "registered mail or by publication. Small claims: 20 days too (Rules of Small Claims "
                    "Procedure, Rule 7)."),
    "MD": dict(since="2000-01-01", days=15, court="district court",
               cite="Md. Rule 3-307(b)(1)",
               quote="Except as provided by subsection (b)(2) of this Rule, the notice shall be filed within 15 days "
                     "after service of the complaint, counterclaim, cross-claim, or third-party claim.",
               source="http://18wheeleraccidentlawyer.co/statutes/132649/RULE-3-307-NOTICE-OF-INTENTION-TO-DEFEND.html",
               file="a notice of intention to defend (the bottom half of the summons)",
               note="The rule's text as copied; 60 days when served outside Maryland."),
    "MI": dict(since="2000-01-01", days=21, court="district court",
               cite="MCR 2.108(A)(1)",
               quote="If you were personally served, you have 21 days after receiving the summons to file a "
                     "written answer with the court.",
               source="https://fill.io/INSTRUCTIONS-FOR-FILING-AND-SERVING-AN-ANSWER-TO",
               note="The State Court Administrative Office's instructions for form MC 03; 28 days when served by "
                    "mail or outside Michigan. A small-claims case has a hearing date instead of a written answer."),
    "NY": dict(since="2000-01-01", days=10, court="city court (outside New York City)",
               cite="N.Y. Uniform City Court Act 402(a)",
               quote="If the summons is personally delivered to the defendant within the county, it shall require "
                     "him to appear and answer within ten days after its service.",
               source="https://www.nysenate.gov/legislation/laws/UCT/402",
               note="The shortest of New York's debt courts, taken as the safe choice: the New York City Civil "
                    "Court and the district courts give 20 days after personal service, 30 otherwise (CPLR 320(a); "
                    "Uniform District Court Act 402), and a city court 30 days when not served in person."),
    "OH": dict(since="2000-01-01", days=28, court="municipal or county court",
               cite="Ohio Civ. R. 12(A)(1)",
               quote="The defendant shall serve his answer within twenty-eight days after service of the summons "
                     "and complaint upon him.",
               source="https://www.yumpu.com/en/document/view/3395839/ohio-rules-of-civil-procedure-supreme-court/44"),
    "WA": dict(since="2000-01-01", days=20, court="district court",
               cite="Wash. CRLJ 12(a); CR 12(a)",
               quote="The Defendant must respond to the Summons and Complaint within twenty (20) calendar days of "
                     "receiving personal service.",
               source="https://kcll.org/beingsued/",
               note="The King County Law Library's guide; 60 days when served outside Washington."),
    "TX": dict(since="2013-08-31", days=14, court="justice court",
               cite="Tex. R. Civ. P. 501.1(c), 502.5",
               quote="Your answer is due by the end of the 14th day after the day you were served with these papers.",
               source="http://print.casetext.com/rule/texas-court-rules/texas-rules-of-civil-procedure/"
                      "part-v-rules-of-practice-in-justice-courts/rule-501-citation-and-service/rule-5011-citation",
               note="The notice every justice-court citation must print. In county or district court the answer is "
                    "due by 10:00 a.m. on the Monday after 20 days (Tex. R. Civ. P. 99(b)), later than this."),
}

# Not read in primary text this session: what was remembered, for whoever confirms it next.
REMEMBERED = {
    "AK": "district court; Alaska R. Civ. P. 12(a) gives 20 days",
    "AL": "district court; Ala. R. Civ. P. 12(dc) gives 14 days",
    "AR": "district court; Ark. R. Civ. P. 12(a) gives 30 days",
    "CO": "county court; the summons sets an answer or appearance date (C.R.C.P. 304)",
    "CT": "small claims or superior court; the summons or notice sets an answer date",
    "DC": "Superior Court, Civil Division or Small Claims; 21 days under Super. Ct. Civ. R. 12(a), or a hearing date",
    "DE": "Justice of the Peace Court or Court of Common Pleas; 20 days in the Court of Common Pleas",
    "HI": "district court; a return date on the summons, 20 days under the District Court Rules of Civil Procedure",
    "IA": "district court; Iowa R. Civ. P. 1.303(1) gives 20 days",
    "ID": "magistrate division; I.R.C.P. 12(a) gives 21 days",
    "IL": "circuit court; Ill. S. Ct. R. 101(d) sets a return date (small claims) or 30 days to appear",
    "IN": "small claims or superior court; secondary guides (docdraft.ai, isthisscam.app) say 20 days under Ind. Trial "
          "Rule 6(C), and no written answer in small claims (a trial date)",
    "KS": "district court (limited actions, K.S.A. chapter 61); the summons sets an answer day",
    "KY": "district court; Ky. CR 12.01 gives 20 days",
    "LA": "city, parish or district court; city and parish courts are remembered as 10 days, district courts 21",
    "MA": "district court or small claims; Mass. R. Civ. P. 12(a) gives 20 days, small claims a hearing date",
    "ME": "district court; M.R. Civ. P. 12(a) gives 21 days, small claims a hearing date",
    "MN": "district court (conciliation court for small claims); Minn. R. Civ. P. 12.01 gives 21 days",
    "MO": "associate circuit court; the summons sets a return date",
    "MS": "justice court; the summons sets a return day",
    "MT": "justice court; remembered as 20 days",
    "NC": "district court or small claims (magistrate); secondary guides (upsolve.org, docdraft.ai) say 30 days under "
          "N.C. R. Civ. P. 12(a)(1), and no written answer in small claims (a trial date)",
    "ND": "district court; N.D.R.Civ.P. 12(a) gives 21 days",
    "NE": "county court; remembered as 30 days",
    "NH": "circuit court; an appearance by the return day on the summons",
    "NJ": "Special Civil Part; remembered as 35 days",
    "NM": "magistrate court; remembered as 20 days",
    "NV": "justice court; JCRCP 12(a) gives 21 days",
    "OK": "district court (small claims division); 12 O.S. 2012(A) gives 20 days, small claims a hearing date",
    "OR": "circuit court; ORCP 7 C(2) gives 30 days",
    "PA": "magisterial district court; a hearing date on the complaint (Court of Common Pleas: 20 days, Pa.R.C.P. 1026)",
    "RI": "district court; Dist. R. Civ. P. 12(a) gives 20 days",
    "SC": "magistrate court; remembered as 30 days",
    "SD": "magistrate court; SDCL 15-6-12(a) gives 30 days",
    "TN": "general sessions court; a hearing date on the civil warrant",
    "UT": "justice or district court; URCP 12(a) gives 21 days, small claims a trial date",
    "VA": "general district court; the return date on the warrant in debt",
    "VT": "superior court; V.R.C.P. 12(a) gives 21 days",
    "WI": "small claims (circuit court); the return date on the summons",
    "WV": "magistrate court; remembered as 20 days",
    "WY": "circuit court; remembered as 20 days",
}


# Courts that answer by a date printed on the summons, not a count of days: what to do, as a sentence. The
# day count in the file is then only the safe fallback until the summons is read.
ON_SUMMONS = {
    "CO": "file an answer on or before the appearance date printed on the summons (C.R.C.P. 312(a))",
    "IL": "file an appearance (and, outside small claims, an answer) by the date printed on the summons "
          "(Ill. S. Ct. R. 101)",
    "IN": "nothing in writing in small claims: appear on the trial date in the notice of claim (Small Claims "
          "Rule 4); in other cases a written answer within 20 days (Ind. Trial Rule 6(C))",
    "NC": "nothing in writing in small claims: appear on the trial date on the magistrate summons; in district "
          "court a written answer within 30 days (N.C. R. Civ. P. 12(a)(1))",
}


def _param(state: str) -> dict:
    name = NAMES[state]
    row = CONFIRMED.get(state)
    extra_meta: dict = {}
    if row:
        entry = {"value": row["days"], "reference": [{"title": row["cite"], "href": row["source"]}],
                 "quote": row["quote"], "source": row["source"]}
        if row.get("note"):
            entry["note"] = row["note"]
        court, since = row["court"], row["since"]
        if row.get("file"):
            extra_meta["file"] = row["file"]
    else:
        court, since = REMEMBERED[state].split(";")[0], "2000-01-01"
        if state in ON_SUMMONS:
            extra_meta.update(file=ON_SUMMONS[state], date_on_summons=True)
        entry = {"value": UNCONFIRMED_DAYS,
                 "reference": [{"title": f"{name} rules of civil procedure (answer period; not read this session)"}],
                 "unconfirmed": True,
                 "note": (f"Not found in primary text: searched for the answer period of {name}'s debt courts "
                          f"(remembered: {REMEMBERED[state]}). The shortest plausible period, "
                          f"{UNCONFIRMED_DAYS} days, is used as the safe choice; the summons governs.")}
    return {
        "description": f"{name}: days after being served with a debt-collection lawsuit to answer it, in the "
                       f"court that hears most of them (the summons governs)",
        "unit": "day",
        "court": court,
        **extra_meta,
        "last_checked": CHECKED,
        "values": {since: entry},
    }


def main() -> None:
    for state in sorted(NAMES):
        doc = {"description": f"{NAMES[state]}: the courts that hear medical-debt collection suits",
               "last_checked": CHECKED, "answer_days": _param(state)}
        path = OUT / state.lower() / "courts.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = ("# Generated by scripts/build_state_courts.py from its table; edit the table there.\n"
                + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110))
        path.write_text(text, encoding="utf-8")
    missing = set(NAMES) - set(CONFIRMED) - set(REMEMBERED)
    assert not missing, missing


if __name__ == "__main__":
    main()
