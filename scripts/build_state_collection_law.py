"""Writes law/parameters/states/<xx>/collection.yaml for the 50 states and DC from the table below.

The table is the reviewed source: statute-of-limitations years from ../shared/research/legal-rules.md
section 8 (one secondary table, [S81]/[S82]), the statute sections that set them, and the state
medical-debt rules of section 7 (interest caps, waiting periods, notices, garnishment and liens).
Where nothing specific was found the entry says so (value null) and names what was searched.
Re-run after editing:  python scripts/build_state_collection_law.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "billadvocate" / "law" / "parameters" / "states"
sys.path.insert(0, str(ROOT / "src"))
from billadvocate.states import NAMES  # noqa: E402

CHECKED = "2026-11-28"
SINCE = "2000-01-01"
SEARCHED = ("Searched: billadvocate research report (legal-rules.md sections 3, 7 and 8, sources S28-S86) and "
            "stored public state-code and news pages on 2026-11-28; nothing specific to medical debt found.")
SOL_NOTE = ("Years from one secondary 50-state table (Milliken & Michaels [S81]; the first 14 rows match Bankrate "
            "[S82]); the statute section is cited from the state code's usual numbering and its text was not read this "
            "session. The start date is when the current rule was known to be in force, not its enactment.")
RESEARCH = {"title": "billadvocate research report, legal-rules.md section 8 (Milliken & Michaels 50-state table)",
            "href": "https://www.millikenandmichaels.com/state-statute-of-limitations"}

# state: (written years, open-account years, written cite, open-account cite)
SOL = {
    "AL": (6, 3, "Ala. Code 6-2-34", "Ala. Code 6-2-37"),
    "AK": (3, 3, "Alaska Stat. 09.10.053", "Alaska Stat. 09.10.053"),
    "AZ": (6, 3, "Ariz. Rev. Stat. 12-548", "Ariz. Rev. Stat. 12-543"),
    "AR": (5, 5, "Ark. Code 16-56-111", "Ark. Code 16-56-111"),
    "CA": (4, 4, "Cal. Code Civ. Proc. 337(a)", "Cal. Code Civ. Proc. 337(b) (book account; open and current account)"),
    "CO": (3, 3, "Colo. Rev. Stat. 13-80-101(1)(a)", "Colo. Rev. Stat. 13-80-101(1)(a)"),
    "CT": (6, 3, "Conn. Gen. Stat. 52-576", "Conn. Gen. Stat. 52-581"),
    "DE": (3, 3, "Del. Code tit. 10, 8106", "Del. Code tit. 10, 8106"),
    "DC": (3, 3, "D.C. Code 12-301(7)", "D.C. Code 12-301(7)"),
    "FL": (5, 4, "Fla. Stat. 95.11(2)(b)", "Fla. Stat. 95.11(3) (open account)"),
    "GA": (6, 4, "Ga. Code 9-3-24", "Ga. Code 9-3-25"),
    "HI": (6, 6, "Haw. Rev. Stat. 657-1", "Haw. Rev. Stat. 657-1"),
    "ID": (5, 4, "Idaho Code 5-216", "Idaho Code 5-217"),
    "IL": (10, 5, "735 ILCS 5/13-206", "735 ILCS 5/13-205"),
    "IN": (6, 6, "Ind. Code 34-11-2-9", "Ind. Code 34-11-2-7"),
    "IA": (10, 5, "Iowa Code 614.1(5)", "Iowa Code 614.1(4)"),
    "KS": (5, 3, "Kan. Stat. 60-511", "Kan. Stat. 60-512"),
    "KY": (15, 5, "Ky. Rev. Stat. 413.090", "Ky. Rev. Stat. 413.120"),
    "LA": (10, 3, "La. Civ. Code art. 3499", "La. Civ. Code art. 3494 (open account)"),
    "ME": (6, 6, "Me. Rev. Stat. tit. 14, 752", "Me. Rev. Stat. tit. 14, 752"),
    "MD": (3, 3, "Md. Code, Cts. & Jud. Proc. 5-101", "Md. Code, Cts. & Jud. Proc. 5-101"),
    "MA": (6, 6, "Mass. Gen. Laws ch. 260, 2", "Mass. Gen. Laws ch. 260, 2"),
    "MI": (6, 6, "Mich. Comp. Laws 600.5807", "Mich. Comp. Laws 600.5807"),
    "MN": (6, 6, "Minn. Stat. 541.05, subd. 1(1)", "Minn. Stat. 541.05, subd. 1(1)"),
    "MS": (3, 3, "Miss. Code 15-1-49", "Miss. Code 15-1-29 (open account)"),
    "MO": (10, 5, "Mo. Rev. Stat. 516.110(1)", "Mo. Rev. Stat. 516.120(1)"),
    "MT": (8, 5, "Mont. Code 27-2-202(1)", "Mont. Code 27-2-202(2)"),
    "NE": (5, 4, "Neb. Rev. Stat. 25-205", "Neb. Rev. Stat. 25-206"),
    "NV": (6, 4, "Nev. Rev. Stat. 11.190(1)(b)", "Nev. Rev. Stat. 11.190(2)(c)"),
    "NH": (3, 3, "N.H. Rev. Stat. 508:4", "N.H. Rev. Stat. 508:4"),
    "NJ": (6, 6, "N.J. Stat. 2A:14-1", "N.J. Stat. 2A:14-1"),
    "NM": (6, 4, "N.M. Stat. 37-1-3", "N.M. Stat. 37-1-4"),
    "NY": (6, 6, "N.Y. CPLR 213(2)", "N.Y. CPLR 213(2)"),
    "NC": (3, 3, "N.C. Gen. Stat. 1-52(1)", "N.C. Gen. Stat. 1-52(1)"),
    "ND": (6, 6, "N.D. Cent. Code 28-01-16(1)", "N.D. Cent. Code 28-01-16(1)"),
    "OH": (8, 6, "Ohio Rev. Code 2305.06", "Ohio Rev. Code 2305.07"),
    "OK": (5, 3, "Okla. Stat. tit. 12, 95(A)(1)", "Okla. Stat. tit. 12, 95(A)(2)"),
    "OR": (6, 6, "Or. Rev. Stat. 12.080(1)", "Or. Rev. Stat. 12.080(1)"),
    "PA": (4, 4, "42 Pa. Cons. Stat. 5525", "42 Pa. Cons. Stat. 5525"),
    "RI": (10, 10, "R.I. Gen. Laws 9-1-13(a)", "R.I. Gen. Laws 9-1-13(a)"),
    "SC": (3, 3, "S.C. Code 15-3-530(1)", "S.C. Code 15-3-530(1)"),
    "SD": (6, 6, "S.D. Codified Laws 15-2-13(1)", "S.D. Codified Laws 15-2-13(1)"),
    "TN": (6, 6, "Tenn. Code 28-3-109(a)(3)", "Tenn. Code 28-3-109(a)(3)"),
    "TX": (4, 4, "Tex. Civ. Prac. & Rem. Code 16.004(a)(3)", "Tex. Civ. Prac. & Rem. Code 16.004(c)"),
    "UT": (6, 4, "Utah Code 78B-2-309", "Utah Code 78B-2-307"),
    "VT": (6, 3, "Vt. Stat. tit. 12, 511", "Vt. Stat. tit. 12, 511"),
    "VA": (5, 3, "Va. Code 8.01-246(2)", "Va. Code 8.01-246(4)"),
    "WA": (6, 6, "Wash. Rev. Code 4.16.040(1)", "Wash. Rev. Code 4.16.040(2) (account receivable)"),
    "WV": (10, 5, "W. Va. Code 55-2-6", "W. Va. Code 55-2-6"),
    "WI": (6, 6, "Wis. Stat. 893.43", "Wis. Stat. 893.43"),
    "WY": (10, 6, "Wyo. Stat. 1-3-105(a)(i)", "Wyo. Stat. 1-3-105(a)(ii)"),
}
# States whose statute text was read this session: state -> source; their SOL years are not flagged.
CONFIRMED_SOL = {
    "CA": {"title": "Cal. Code Civ. Proc. 337 text ('Within four years: (a) ... founded upon an instrument in writing ... (b) ... upon a book account')",
           "href": "https://self-law.org/code/ca/code-of-civil-procedure/337"},
    "TX": {"title": "Tex. Civ. Prac. & Rem. Code 16.004 text ((a)(3) debt; (c) open or stated account: four years)",
           "href": "https://law.justia.com/codes/texas/2019/civil-practice-and-remedies-code/title-2/subtitle-b/chapter-16/subchapter-a/section-16-004",
           "since": "1985-09-01"},  # Acts 1985, 69th Leg., ch. 959, eff. Sept. 1, 1985 (the code's enactment)
}
SECONDARY_SOL = {
    "PA": "42 Pa.C.S. 5525's four years is confirmed by a law-firm article (wolfbaldwin.com).",
    "IL": "Illinois' 10 years written / 5 years unwritten is confirmed by a law-firm blog (chicagobusinesslitigationlawyerblog.com).",
}

DISPUTED = {"CO": "Other tables give Colorado 6 years for liquidated debt (Colo. Rev. Stat. 13-80-103.5).",
            "KY": "Contracts made after 2014-07-15 have 10 years for written contracts (Ky. Rev. Stat. 413.090(2)); tables disagree.",
            "WY": "Tables disagree on Wyoming's open-account period (6 vs 8 years).",
            "VT": "Tables disagree on Vermont's open-account period (3 vs 6 years)."}

# Dated changes: state -> {field: [(start, value, cites, note)]}; later entries override the general one.
CHANGES = {
    "OH": {"written_contract": [("2021-06-14", 6, ["Ohio Rev. Code 2305.06 as amended by S.B. 13 (134th G.A., signed 2021-03-16)", {"title": "Weiner, Keck & Associates, Governor DeWine signs S.B. 13 (effective June 14, 2021, for claims accruing on or after it)", "href": "https://weinerlaw.com/2021/03/24/governor-mike-dewine-signs-ohio-senate-bill-13-shortening-ohios-statute-of-limitations"}],
                                "Effective date and years agree in three law-firm summaries (weinerlaw.com, dmclaw.com, ohiomfg.com); the act's text was not read. Claims that accrued earlier run to the earlier of the old period or 2027-06-14.")],
           "open_account": [("2021-06-14", 4, ["Ohio Rev. Code 2305.07(A) as amended by S.B. 13 (2021)", {"title": "Weiner, Keck & Associates, S.B. 13 summary", "href": "https://weinerlaw.com/2021/03/24/governor-mike-dewine-signs-ohio-senate-bill-13-shortening-ohios-statute-of-limitations"}],
                            "Same sources; claims that accrued earlier run to the earlier of the old period or 2025-06-14. S.B. 13 also created a 6-year period for consumer transactions (2305.07(C)), not applied here.")]},
    "NY": {"open_account": [("2022-04-07", 3, ["N.Y. CPLR 214-i (Consumer Credit Fairness Act, L. 2021 ch. 593)"], "Research report [S83]: consumer-credit actions; whether a hospital bill is 'consumer credit' is for a court.")]},
}
# state -> (start, years, cites, starts-text, note)
MEDICAL = {
    "NY": ("2020-04-03", 3, [{"title": "N.Y. CPLR 213-d (L. 2020 ch. 56): an action on a medical debt by a hospital or health care professional within three years of treatment"},
                              {"title": "State v. Mason, Index No. 613624/22 (Sup. Ct. Suffolk Co. 2023) (quoting CPLR 213-d, enacted April 2020)",
                               "href": "https://print.casetext.com/case/state-v-mason-121086"}],
           "the date of treatment", None),
    "MD": ("2025-10-01", 3, [{"title": "Md. Code, Cts. & Jud. Proc. 5-101, 5-102 as amended by 2025 Md. Laws ch. 693 (HB 268) and ch. 694 (SB 981): hospital-consumer contracts excluded from the 12-year specialty period"},
                              {"title": "HB 268 (2025) engrossed text", "href": "https://app.legiplex.com/md/legislature/2025/2025-r/bills/hb268/drafts-latest"}],
           "the date the hospital bill became due", "Chapter numbers and approval (2025-05-20) seen on vulcanbills.com and the bill text's purpose paragraph on legiplex; the effective date 2025-10-01 (Maryland's usual date) was not confirmed."),
    "FL": ("2024-07-01", 3, [{"title": "Fla. Stat. 95.11(4)(b) (action to collect medical debt for services by a licensed facility), created by ch. 2024-183 (HB 7089)"},
                              {"title": "CS/SB 1640 (2024) text, 'establishing a 3-year statute of limitations for an action to collect medical debt'", "href": "https://flsenate.gov/Session/Bill/2024/1640/BillText/c1/HTML"}],
           "the date of service or the last payment", "The 3 years was read in CS/SB 1640 (2024), whose content passed as HB 7089 (ch. 2024-183) as far as remembered; the enacted paragraph number and the start of the clock were not confirmed."),
}
NO_REVIVAL = {
    "NY": ("2022-04-07", {"payment": False, "written_acknowledgment": True}, ["N.Y. CPLR 214-i; N.Y. Gen. Oblig. Law 17-101"],
           "Research report [S83][S86]: a payment after expiry does not revive a consumer-credit debt; a signed written acknowledgment is still needed for other debts."),
    "TX": ("2019-09-01", {"payment": False, "written_acknowledgment": False}, [
        {"title": "Tex. Fin. Code 392.307 (H.B. 996, 2019)"},
        {"title": "Texas State Law Library, Debt Collection: Time-Barred Debts (since 2019 a payment, a reaffirmation or any other activity does not revive the limitations period)",
         "href": "https://guides.sll.texas.gov/debt-collection/time-barred-debts"}],
           "Confirmed in the Texas State Law Library guide; the effective date 2019-09-01 (Texas' usual date) was not confirmed."),
    "WI": (SINCE, {"payment": False, "written_acknowledgment": False}, ["Wis. Stat. 893.05 (expiry extinguishes the right as well as the remedy)"],
           "From memory of the statute; not confirmed this session."),
    "MS": (SINCE, {"payment": False, "written_acknowledgment": False}, ["Miss. Code 15-1-3 (expiry extinguishes the right)"],
           "From memory of the statute; not confirmed this session."),
}

# Medical-debt rules of section 7 of the research report: (start, value, cites, unconfirmed note or None)
INTEREST = {
    "AZ": ("2022-12-05", {"percent": 3, "applies_to": "or the weekly average 1-year Treasury yield if lower"},
           ["Ariz. Rev. Stat. 44-1201(A)(2) (Proposition 209, 2022)"], "Research report [S79][S80]; effective date from the canvass of the 2022 election, not confirmed."),
    "CO": ("2023-08-07", {"percent": 3, "applies_to": "any medical debt except credit-card debt"},
           ["Colo. S.B. 23-093 (Increasing Consumer Protections in Medical Debt Collection)"], "Research report [S65]: signed 2023-05-04; the effective date and the codified section were not confirmed."),
    "NJ": ("2025-07-22", {"percent": 3, "applies_to": "all medical debt"},
           ["N.J. P.L. 2024, c. 45 (A3861)"], "Research report [S32] (orrick.com); the codified section and effective date were not confirmed."),
    "NY": ("2022-04-30", {"percent": 2, "applies_to": "judgments on consumer debt, including medical debt"},
           ["N.Y. CPLR 5004 as amended (L. 2021 ch. 831)"], "Research report [S74][S75]; the chapter and effective date were not confirmed."),
    "CA": ("2007-01-01", {"percent": 0, "applies_to": "patients eligible for the hospital's charity-care or discount-payment policy, on an extended payment plan"},
           ["Cal. Health & Safety Code 127425 (Hospital Fair Pricing Act)"], "hospitalbillhelp.org (secondary) says qualified patients' payment plans carry no interest; the subdivision text was not read."),
}
WAIT = {
    "CA": [("2007-01-01", {"days": 150, "from": "first_bill_date", "blocks": ["credit_reporting", "lawsuit"],
                           "who": "the hospital, its assignees and any collection agency or debt owner",
                           "applies_to": "uninsured patients and patients with high medical costs", "uninsured_only": True},
            [{"title": "Cal. Health & Safety Code 127425(d) (AB 774, Stats. 2006 ch. 755)", "href": "https://california.public.law/codes/ca_health_and_safety_code_section_127425"}], None),
           ("2022-01-01", {"days": 180, "from": "first_bill_date", "blocks": ["credit_reporting", "lawsuit"],
                           "who": "the hospital, its assignees and any collection agency or debt owner",
                           "applies_to": "uninsured patients and patients with high medical costs", "uninsured_only": True},
            ["Cal. Health & Safety Code 127425 as amended by AB 1020 (Stats. 2021 ch. 473)"],
            "150 days was read in the pre-2022 text (public.law, jurris.com); the change to 180 days is from HCAI's summary [S34] and AB 1020's text was not read.")],
    "MD": [("2025-10-01", {"days": 240, "from": "first_bill_date", "blocks": ["credit_reporting", "lawsuit"], "who": "the hospital",
                           "applies_to": "hospital patients", "uninsured_only": False},
            ["Md. Code, Health-Gen. 19-214.2 as amended by 2025 Md. Laws ch. 693 (HB 268) and ch. 694 (SB 981)",
             {"title": "Maryland HB 268 / SB 981 (2025), approved 2025-05-20: the wait before a civil action or credit reporting goes from 180 to 240 days after the initial bill",
              "href": "https://vulcanbills.com/md/2025/SB981"}],
            "Bill summaries (vulcanbills.com, citizenportal.ai) and the bill's purpose paragraph (legiplex.com); the effective date 2025-10-01 and the earlier 180-day rule's dates were not confirmed.")],
}
NOTICE = {
    "NV": [("2021-07-01", {"days": 60, "who": "collection_agency", "before": "any action to collect a medical debt",
                           "contents": "provider's name, date of service, principal amount, collection agency's name, assigned or obtained"},
            ["Nev. Rev. Stat. 649.366(1)-(2) (S.B. 248, 2021; registered/certified-mail requirement removed in 2023)"], None)],
    "FL": [("2024-07-01", {"days": 30, "who": "licensed_facility", "before": "any extraordinary collection action",
                           "contents": "written notice by certified mail or other traceable delivery that an extraordinary collection action may begin"},
            [{"title": "Fla. Stat. 395.3011(1), (2)(e) (ch. 2024-183, H.B. 7089)", "href": "https://floridastateauthority.com/laws/state_statute/395.3011/"}],
            "The section's text (ECA definition; '(e) For 30 days after notifying the patient in writing, by certified mail, or by other traceable delivery') was read on floridastateauthority.com and lawserver.com; the 2024-07-01 effective date is from memory of H.B. 7089."),
           ("2025-07-01", {"days": 30, "who": "licensed_facility", "before": "any extraordinary collection action (for any care, not only care under the financial-assistance policy)",
                           "contents": "written notice by certified mail or other traceable delivery; a debt sale that bars interest, fees and further ECAs and returns FAP-eligible accounts is exempt from the notice"},
            [{"title": "Fla. Stat. 395.3011 as amended by ch. 2025-98 (CS/HB 547, effective July 1, 2025)", "href": "https://vulcanbills.com/fl/2025/H0547"}],
            "Amendment seen in the bill summary (vulcanbills.com) and the compare view (legiplex.com); the enrolled text was not read.")],
}
GARNISH = {
    "FL": ("2024-07-01", "Up to $10,000 of personal property is exempt from legal process to collect medical debt",
           ["Fla. Stat. 222.26 (ch. 2024-183, H.B. 7089)", {"title": "CS/SB 1640 (2024) text ('additional personal property exemptions from legal process for medical debts')", "href": "https://flsenate.gov/Session/Bill/2024/1640/BillText/c1/HTML"}],
           "The exemption was read in CS/SB 1640 (2024); the $10,000 amount and enactment through H.B. 7089 are from memory."),
    "NY": ("2022-11-23", "No wage garnishment to collect a medical-debt judgment of a hospital or health care professional",
           ["N.Y. CPLR 5231 as amended by L. 2022 ch. 648"], "Research report [S75]; the amended subdivision was not read."),
    "NJ": ("2025-07-22", "No wage garnishment for medical debt of a patient with household income under 600% of the poverty guideline",
           ["N.J. P.L. 2024, c. 45 (A3861)"], "Research report [S32]; not confirmed in the statute text."),
    "CA": ("2007-01-01", "For patients eligible for charity care or discount payment, no wage garnishment without a court hearing on ability to pay",
           ["Cal. Health & Safety Code 127425"], "hospitalbillhelp.org (secondary); the subdivision text was not read."),
}
LIENS = {
    "MD": ("2025-10-01", "No lien on owner-occupied residential property for medical debt",
           [{"title": "Md. Code, Real Prop. (new section) and Cts. & Jud. Proc. 11-401, 11-402 as amended by HB 428 (2025), Medical Debt - Complaints for Money Judgment and Real Property Liens",
             "href": "https://app.legiplex.com/md/legislature/2025/2025-r/bills/hb428/drafts-latest"}],
           "The engrossed bill's purpose paragraph was read; enactment and the effective date were not confirmed."),
    "NY": ("2022-11-23", "No lien on a primary residence to collect a medical-debt judgment of a hospital or health care professional",
           ["N.Y. CPLR 5201(b) as amended by L. 2022 ch. 648"], "Research report [S75]; the amended subdivision was not read."),
    "NJ": ("2025-07-22", "No liens on a primary residence for medical debt",
           ["N.J. P.L. 2024, c. 45 (A3861)"], "Research report [S32]; not confirmed in the statute text."),
    "CA": ("2007-01-01", "For patients eligible for charity care or discount payment, no lien on the primary residence",
           ["Cal. Health & Safety Code 127425"], "hospitalbillhelp.org (secondary); the subdivision text was not read."),
}


def entry(value, cites, note=None, unconfirmed=True):
    out = {"value": value, "reference": [{"title": c} if isinstance(c, str) else c for c in cites]}
    if unconfirmed and note:
        out["unconfirmed"] = True
    if note:
        out["note"] = note
    return out


def none_found(what: str) -> dict:
    return {"description": what, "values": {SINCE: entry(None, [{"title": "billadvocate research report, legal-rules.md sections 3, 7 and 8 (searched, nothing specific)"}],
                                                         "No specific law found. " + SEARCHED, unconfirmed=False)}}


def dated(description, unit, rows):
    return {"description": description, **({"unit": unit} if unit else {}),
            "values": {start: entry(v, cites, note, unconfirmed=note is not None) for start, v, cites, note in rows}}


def state_doc(code: str) -> dict:
    name = NAMES[code]
    written, open_acct, wcite, ocite = SOL[code]
    note = SOL_NOTE + (" " + DISPUTED[code] if code in DISPUTED else "") + (" " + SECONDARY_SOL[code] if code in SECONDARY_SOL else "")
    research, since = [RESEARCH], SINCE
    if code in CONFIRMED_SOL:
        source = dict(CONFIRMED_SOL[code])
        since = source.pop("since", SINCE)
        note, research = None, [source, RESEARCH]
    sol = {
        "open_account": dated(f"{name}: years to sue on an open account or oral/implied contract (how most medical bills are owed)", "year",
                              [(since, open_acct, [ocite, *research], note)] + CHANGES.get(code, {}).get("open_account", [])),
        "written_contract": dated(f"{name}: years to sue on a written contract (a signed financial agreement or payment plan)", "year",
                                  [(since, written, [wcite, *research], note)] + CHANGES.get(code, {}).get("written_contract", [])),
        "starts": dated(f"{name}: when the limitations clock starts", None,
                        [(SINCE, "the day the account became delinquent or the day of the last payment, whichever is later",
                          [ocite, {"title": "billadvocate research report, legal-rules.md section 8 [S85]", "href": "http://www.avoidbk.com/acknowledgement-debt-statute-limitations/"}],
                          "General rule for open accounts from secondary sources; the state's own accrual rule was not read.")]),
    }
    if code in MEDICAL:
        start, years, cites, starts, mnote = MEDICAL[code]
        sol["medical"] = dated(f"{name}: years to sue on a medical debt (a rule specific to medical bills)", "year",
                               [(start, years, cites, mnote)])
        sol["medical"]["starts"] = starts
    revival_rows = [(SINCE, {"payment": True, "written_acknowledgment": True},
                     [ocite, {"title": "billadvocate research report, legal-rules.md section 8 [S85] (44 states and DC require a written acknowledgment)",
                              "href": "http://www.avoidbk.com/acknowledgement-debt-statute-limitations/"}],
                     "State-by-state revival is UNCONFIRMED (research report section 8): in most states a payment or a signed written acknowledgment restarts the clock.")]
    if code in NO_REVIVAL:
        start, value, cites, rnote = NO_REVIVAL[code]
        revival_rows = [r for r in revival_rows if r[0] != start] + [(start, value, cites, rnote)]
    sol["revival"] = dated(f"{name}: what restarts the limitations clock", None, revival_rows)

    def one(table, what, unit=None):
        if code not in table:
            return none_found(f"{name}: {what}")
        rows = table[code] if isinstance(table[code], list) else [table[code]]
        return dated(f"{name}: {what}", unit, rows)

    return {
        "description": f"{name}: medical-debt collection law (statute of limitations, interest, waiting periods, notices, garnishment and liens)",
        "last_checked": CHECKED,
        "sol": sol,
        "interest_cap": one(INTEREST, "cap on interest charged on medical debt"),
        "collection_wait": one(WAIT, "days after the first bill before credit reporting or a lawsuit on a medical bill"),
        "notice_before_collection": one(NOTICE, "written notice required before collecting a medical debt"),
        "garnishment": one(GARNISH, "limits on wage garnishment for medical debt"),
        "liens": one(LIENS, "limits on liens for medical debt"),
    }


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def main() -> None:
    assert set(SOL) == set(NAMES), sorted(set(NAMES) ^ set(SOL))
    for code in sorted(NAMES):
        path = OUT / code.lower() / "collection.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = ("# Generated by scripts/build_state_collection_law.py from its reviewed table; edit the table there.\n"
                + yaml.dump(state_doc(code), Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=120))
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(NAMES)} files under {OUT}")


if __name__ == "__main__":
    main()
