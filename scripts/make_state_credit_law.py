"""Write law/parameters/states/<xx>/credit_reporting.yaml for every state and DC.

The table below is the reviewed source (research/legal-rules.md section 3, each entry re-checked with
the sources named in its references on 2026-11-28). States without a ban get an explicit entry saying
so. Run: python scripts/make_state_credit_law.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "billadvocate" / "law" / "parameters" / "states"
CODES = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
         "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
         "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
         "WV", "WI", "WY"]

BOTH = ["furnishers", "bureaus"]
# code -> (effective date, value, references, unconfirmed note or None)
BANS = {
    "CO": ("2023-08-07", {"law": "HB23-1126 (C.R.S. 5-18-109(1)(f))", "covers": ["bureaus"],
           "what": "credit bureaus may not include adverse information about medical debt in reports, and collectors may not say it will be reported",
           "note": "exception for credit applications above the conforming loan limit; the bureau ban is repealed on 2028-07-01 (5-18-109(1)(f)(II)) unless extended"},
           [{"title": "Colorado HB23-1126, signed 2023-05-05, effective 2023-08-07",
             "href": "http://ww.insidearm.com/news/00049599-co-and-ny-enact-laws-prevent-reporting-me/"}], None),
    "NY": ("2023-12-13", {"law": "Fair Medical Debt Reporting Act (GBL 380-j)", "covers": BOTH,
           "what": "hospitals and providers may not report medical debt, and credit bureaus may not report it",
           "note": "medical debt reported in violation is void"},
           [{"title": "New York Fair Medical Debt Reporting Act, signed and effective 2023-12-13 (GBL 380-j(a)(3))",
             "href": "https://pledgetimes.com/new-york-becomes-the-second-state-to-apply-this-credit-measure/"}], None),
    "CT": ("2024-07-01", {"law": "Public Act 24-6 (Conn. Gen. Stat. 20-7i)", "covers": ["furnishers"],
           "what": "health care providers and collection entities may not report medical debt to a credit bureau; includes medical credit cards",
           "note": "medical debt reported in violation is void; the act does not bind the credit bureaus themselves"},
           [{"title": "Connecticut Public Act 24-6 (SB 395, 2024), effective 2024-07-01",
             "href": "https://app.legiplex.com/ct/legislature/2024/2024-r/bills/sb00395/draft-141465?id=141465"}], None),
    "MN": ("2024-10-01", {"law": "Debt Fairness Act (Minn. Stat. 332C)", "covers": BOTH,
           "what": "medical creditors and collectors may not report medical debt, credit bureaus may not report it", "note": ""},
           [{"title": "Minnesota Debt Fairness Act (2024 Minn. Laws ch. 114), effective 2024-10-01",
             "href": "https://collectionadvisor.com/daily-debt-news/3041-minnesota-debt-fairness-act-goes-into-law-on-october-1-2024"}], None),
    "NJ": ("2024-07-22", {"law": "A3861 (P.L. 2024, c. 48, s. 3)", "covers": BOTH, "services_from": "2024-07-22",
           "what": "providers and collectors may not report medical debt for care received on or after 2024-07-22; credit bureaus may not report paid medical debt or medical debt under $500",
           "note": "applies to care received on or after 2024-07-22"},
           [{"title": "New Jersey A3861, signed and effective 2024-07-22",
             "href": "https://infobytes.orrick.com/2024-08-02/new-jersey-bans-medical-debts-credit-reporting"}], None),
    "IL": ("2025-01-01", {"law": "SB2933 (Medical Debt Relief Act amendments, P.A. 103-0648)", "covers": BOTH,
           "what": "providers may not furnish medical debt and credit bureaus may not report it", "note": ""},
           [{"title": "Illinois SB2933, effective 2025-01-01",
             "href": "https://illinoissenatedemocrats.com/caucus-news/43-senator-steve-stadelman-news/5815-stadelman-law-safeguards-consumers-from-medical-debt"}], None),
    "CA": ("2025-01-01", {"law": "SB 1061 (Civ. Code 1785.27, Health & Saf. Code 127425)", "covers": BOTH,
           "what": "credit bureaus may not make a report containing medical debt, and providers and collectors may not furnish it",
           "note": "medical debt reported in violation is void"},
           [{"title": "California SB 1061 (Stats. 2024, ch. 520), effective 2025-01-01",
             "href": "https://hcai.ca.gov/affordability/hospital-fair-billing-program/laws-and-regulations"}], None),
    "VT": ("2025-07-01", {"law": "S.27 (2025)", "covers": BOTH,
           "what": "medical debt may not be furnished to or reported by credit bureaus", "note": ""},
           [{"title": "Vermont S.27 (2025), effective 2025-07-01",
             "href": "https://production.jdsupra.com/legalnews/vermont-bans-credit-reporting-of-7989776"}], None),
    "WA": ("2025-07-27", {"law": "SB 5480 (2025)", "covers": BOTH,
           "what": "medical debt may not be reported to or by credit bureaus", "note": ""},
           [{"title": "Washington SB 5480 (2025), effective 2025-07-27",
             "href": "https://insurasales.com/news-story/28749/washington-enacts-law-barring-medical-debt-from-credit-reporting"}], None),
    "OR": ("2026-01-01", {"law": "SB 605 (2025)", "covers": BOTH,
           "what": "no person may report medical debt and credit bureaus may not include known medical debt; includes medical credit cards", "note": ""},
           [{"title": "Oregon SB 605 (2025), signed 2025-06-17, effective 2026-01-01",
             "href": "https://infobytes.orrick.com/2025-06-27/oregon-prohibits-reporting-medical-debt-to-consumer-reporting-agencies"}], None),
    "VA": ("2024-07-01", {"law": "HB 1370 (2024 Va. Acts ch. 751; Va. Code 59.1-444.4)", "covers": ["furnishers"],
           "what": "hospitals, licensed health professionals, EMS agencies and collection entities may not report medical debt to a credit bureau",
           "note": "binds those who report, not the bureaus; a willful violation is a Virginia Consumer Protection Act violation"},
           [{"title": "Va. Code 59.1-444.4 (2024, c. 751), HB 1370 signed 2024-04-08, effective 2024-07-01",
             "href": "https://lawserver.com/?p=30115297"},
            {"title": "Americollect, Virginia medical debt credit reporting law passed (May 2024): takes effect July 1, 2024",
             "href": "https://americollect.com/2024/05/virgina-medical-debt-credit-reporting-law-passed"}], None),
    "ME": ("2025-09-24", {"law": "LD 558 (P.L. 2025, c. 201; 10 M.R.S. 1310-H(4))", "covers": ["furnishers"],
           "what": "medical creditors, collectors and debt buyers may not report medical debt to a credit bureau",
           "note": "credit bureaus were already barred from reporting medical debt less than 180 days delinquent"},
           [{"title": "Maine P.L. 2025, c. 201 (LD 558), approved 2025-06-09, amending 10 M.R.S. 1310-H(4)",
             "href": "https://fastdemocracy.com/bill-summary/?billsummary_id=MEB00015932&billsummary_session=132&billsummary_state=me"},
            {"title": "Maine Public (2025-09-24): non-emergency laws of the session, including LD 558, take effect 90 days after the 2025-06-25 adjournment",
             "href": "https://www.mainepublic.org/politics/2025-09-24/hundreds-of-new-maine-laws-take-effect-today-heres-what-to-know"}], None),
    "RI": ("2025-01-01", {"law": "R.I. Gen. Laws 6-60-2, 6-60-3 (P.L. 2024, ch. 224 and 225)", "covers": BOTH,
           "what": "providers may not furnish medical debt, and no credit bureau may acquire, record or report it",
           "note": "2025 S 0169 (effective 2026-01-01) adds to these protections"},
           [{"title": "R.I. Gen. Laws 6-60-2 and 6-60-3 (P.L. 2024, ch. 225, S 2709 Sub A, enacted 2024-06-24, effective 2025-01-01)",
             "href": "http://webserver.rilegislature.gov/PublicLaws/law24/law24225.htm"}], None),
    "DE": ("2025-10-27", {"law": "SS 1 for SB 156 (6 Del. C. ch. 25J, Medical Debt Protection Act)", "covers": BOTH,
           "what": "credit bureaus may not include medical debt in reports, and no person may report it to them", "note": ""},
           [{"title": "Delaware SS 1 for SB 156 (2025), signed 2025-07-29, effective 2025-10-27 (Governor's release of 2025-10-27)",
             "href": "https://infobytes.orrick.com/2025-10-31/delaware-law-barring-medical-debt-from-consumer-credit-reporting-takes-effect/"}], None),
    "MD": ("2025-10-01", {"law": "HB 1020 / SB 614 (2025), Fair Medical Debt Reporting Act (Md. Code, Com. Law 14-1213)",
                          "covers": BOTH,
                          "what": "credit bureaus may not report or keep medical debt, whenever it was incurred, and providers "
                                  "and their collectors may not disclose it to a credit bureau",
                          "note": "applies regardless of when the medical debt was incurred (14-1213(b)(2))"},
           [{"title": "Md. Code, Com. Law 14-1213 (HB 1020 / SB 614, 2025 Fair Medical Debt Reporting Act)",
             "href": "https://mgaleg.maryland.gov/mgawebsite/laws/StatuteText?article=gcl&enactments=false&section=14-1213"},
            {"title": "Maryland Office of Financial Regulation guidance of 2025-10-14 on HB 428, HB 1020 and HB 268, "
                      "all effective October 1, 2025 (as reported by Orrick and Mondaq)",
             "href": "https://infobytes.orrick.com/2025-10-24/maryland-implements-new-medical-debt-laws-restricting-collection-reporting-and-judgment-practices"}],
           None),
}

# code -> (effective date, value, references, proof) for the states whose law makes a medical debt reported
# in breach of their ban void or unenforceable. proof is {quote, source, proves} when the words were read,
# or {unconfirmed: True, note} when only secondary accounts were found (checked 2026-12-04).
VOID = {
    "CT": ("2024-07-01", {"void": True, "who": "any health care provider or collection entity doing business in the state",
                          "knowingly": False, "law": "Gen. Stat. 20-7i(c)",
                          "words": "Any portion of a medical debt that is reported to a credit rating agency shall be void."},
           [{"title": "Conn. Gen. Stat. 20-7i(c) (Public Act 24-6, sec. 1, eff. July 1, 2024)",
             "href": "https://app.legiplex.com/ct/legislature/2024/2024-r/bills/sb00395/draft-141465?id=141465"}],
           {"quote": "(b) On and after July 1, 2024, any health care provider or any collection entity doing business in this "
                     "state shall not report any portion of a medical debt to a credit rating agency for use in a credit report. "
                     "... (c) Any portion of a medical debt that is reported to a credit rating agency shall be void.",
            "source": "http://print.casetext.com/statute/general-statutes-of-connecticut/title-19a-public-health-and-well-being/section-19a-new-newly-enacted-section-not-yet-numbered-medical-debt-not-to-be-reported-to-credit-rating-agencies",
            "proves": ["Any portion of a medical debt that is reported to a credit rating agency shall be void"],
            "note": "Read in Casetext's copy of the newly enacted section (later numbered 20-7i, as fastlaw.fun prints it with the same words)."}),
    "CA": ("2025-01-01", {"void": True, "who": "any person who furnishes information about a medical debt to a credit bureau",
                          "knowingly": True, "law": "Civil Code 1785.27(b)",
                          "words": "A medical debt is void and unenforceable if a person knowingly violates this section by "
                                   "furnishing information regarding the medical debt to a consumer credit reporting agency."},
           [{"title": "Cal. Civ. Code 1785.27(b) (SB 1061, Stats. 2024, ch. 520, eff. Jan. 1, 2025)",
             "href": "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1785.27"}],
           {"quote": "(a) A person shall not furnish information regarding a medical debt to a consumer credit reporting agency. "
                     "(b) A medical debt is void and unenforceable if a person knowingly violates this section by furnishing "
                     "information regarding the medical debt to a consumer credit reporting agency.",
            "source": "https://lexace.ai/us/statute/california/civ-1785.27",
            "proves": ["void and unenforceable if a person knowingly violates this section"],
            "note": "Read in Lexace's copy of the section; the 2025-01-01 start is SB 1061's effective date (hcai.ca.gov)."}),
    "NY": ("2023-12-13", {"void": True, "who": "whoever furnishes it (the ban of Public Health Law 4926 binds hospitals, "
                                               "licensed health care professionals and ambulance services, and their "
                                               "contracts with collectors)",
                          "knowingly": False, "law": "Public Health Law 4927",
                          "words": "Any portion of a medical debt that is furnished to a consumer reporting agency shall be "
                                   "void."},
           [{"title": "N.Y. Pub. Health Law 4927 (added by L. 2023, ch. 727, sec. 2, the Fair Medical Debt Reporting Act, "
                      "S4907-A / A6275-A), signed and effective 2023-12-13",
             "href": "https://legislation.nysenate.gov/pdf/bills/2023/S4907A"}],
           {"quote": "\u00a7 4927. ENFORCEMENT. ANY PORTION OF A MEDICAL DEBT THAT IS FURNISHED TO A CONSUMER REPORTING AGENCY "
                     "SHALL BE VOID.",
            "source": "ryantd42/NY-Legislative-Git/2023/S4907A.md@df793e5d9bc5874aef9d5854b92b7c1b0c29c47c",
            "proves": ["ANY PORTION OF A MEDICAL DEBT THAT IS FURNISHED TO A CONSUMER REPORTING AGENCY SHALL BE VOID"],
            "note": "Section 2 of the bill as passed (S4907-A, 'Status: Signed by Governor'; the Assembly's actions for "
                    "A6275: '12/13/2023 SIGNED CHAP.727'), as the NY-Legislative-Git repository copies it from "
                    "legislation.nysenate.gov; capitals mark new law. Section 6: 'This act shall take effect "
                    "immediately.' No 2023-2024 bill in that copy amends section 4927 (searched for '4927' and "
                    "'article 49-A'). The earlier record rested on secondary accounts (sessions.legal, barclaydamon.com); "
                    "nysenate.gov's page for section 4927 itself was not read, only 4926's."}),
    "WA": ("2025-07-27", {"void": True, "who": "anyone who reports a medical debt to a credit bureau",
                          "knowingly": False, "law": "SB 5480 (2025), sec. 2(1)",
                          "words": "A medical debt is void and unenforceable if a person, health care provider, health care "
                                   "facility, or licensed collection agency violates this section by furnishing information "
                                   "regarding the medical debt to a consumer credit reporting agency."},
           [{"title": "Washington ESSB 5480 (2025), amending RCW 19.16.100 and 70.54, effective 2025-07-27",
             "href": "https://senatedemocrats.wa.gov/riccelli/2025/04/22/governor-signs-riccelli-bill-to-remove-medical-debt-from-credit-score-reporting/"}],
           {"quote": "1. A medical debt is void and unenforceable if a person, health care provider, health care facility, or "
                     "licensed collection agency violates this section by furnishing information regarding the medical debt to a "
                     "consumer credit reporting agency.",
            "source": "tannewt/wa-law.org/site/bill/2025-26/sb/5480/S.SL/README.md@12908a7f78f02ee3079c0f1bf9a2d7d78bfcb8e2",
            "proves": ["A medical debt is void and unenforceable if a person, health care provider, health care facility, or "
                       "licensed collection agency violates this section by furnishing information regarding the medical debt"],
            "note": "Section 2(1) of the session law of SB 5480 (2025), as the wa-law.org repository copies it from the Legislature's "
                    "PDF (lawfilesext.leg.wa.gov/biennium/2025-26/Pdf/Bills/Session%20Laws/Senate/5480-S.SL.pdf). No knowledge "
                    "is required. The 2025-07-27 effective date (90 days after the session) is not in the text."}),
}

NO_BAN_REFERENCE = [{"title": "No state statute barring medical debt from credit reports found (billadvocate research, "
                               "legal-rules.md section 3 and searches of 2026-11-28); federal rules and the bureaus' policies still apply"}]
NO_BAN_NOTE = ("That no such statute exists cannot be quoted: this is what the searches found. Searched: billadvocate "
               "research (legal-rules.md section 3: the states with a ban as of 2026-11-28, from news and law-firm trackers) "
               "and stored public pages and repositories for a ban in this state (2026-11-28, 2026-12-04); none found.")

# bills seen that might have made a ban, whose enactment was not confirmed (the "no ban" value stays, unconfirmed)
NO_BAN_SEEN: dict[str, str] = {}

# code -> the words of the ban (checked 2026-12-04): {quote, source, proves, note?, since?}. `proves` must carry
# every part of the value (who may not report, and whether the bureaus are bound); `since` is the quote's phrase
# that dates the ban, and then also proves the row before it (no ban before that day), or `pre` gives other
# words that date it ({quote, source, proves, note}). A ban missing here
# stays unconfirmed with BAN_UNREAD[code] (what was searched).
BAN_PROOF: dict[str, dict] = {
    "MD": {"quote": "(b) (1) A consumer reporting agency may not: (i) Make, create, or furnish any consumer report containing, "
                    "incorporating, or reflecting: 1. Any adverse information that the consumer reporting agency knows or "
                    "should know relates to medical debt incurred by the consumer; ... (2) The prohibitions established under "
                    "paragraph (1) of this subsection apply regardless of when medical debt was incurred by a consumer.",
           "source": "https://mgaleg.maryland.gov/mgawebsite/laws/StatuteText?article=gcl&enactments=false&section=14-1213",
           "proves": ["A consumer reporting agency may not", "relates to medical debt incurred by the consumer",
                      "apply regardless of when medical debt was incurred by a consumer"],
           "note": "Com. Law 14-1213 on the General Assembly's site (the section SB 614 / HB 1020 of 2025 adds: the engrossed "
                   "SB 614 on legiplex.com, 'BY adding to Article - Commercial Law Section 14-1213'). It passed: Governor "
                   "Moore approved HB 1020 in April 2025, effective October 1, 2025 (Americollect, May 2025: 'The bill will "
                   "go into effect October 1, 2025'; the Office of Financial Regulation's guidance of 2025-10-14 as "
                   "reported by Orrick, Mondaq and creditandcollectionnews.com: 'These laws all took effect on October 1'). "
                   "The providers' ban (new Health-Gen. 24-2501 and 24-2502) was not read; its words are quoted from the "
                   "guidance by creditandcollectionnews.com: 'This prohibits providers of medical services, devices, or "
                   "products from disclosing any medical debt information to a consumer reporting agency.' The chapter "
                   "number was not found (searched 2026-12-04: legiplex, citizenportal, the news above). Before 2025-10-01 "
                   "no Maryland ban was found.",
           "pre": {"quote": "Governor Wes Moore signed Maryland HB 1020 into law in April prohibiting medical debt information "
                            "from being included in credit reports. The bill will go into effect October 1, 2025.",
                   "source": "https://www.americollect.com/2025/05/maryland-hb-1020-prohibits-medical-debt-credit-reporting",
                   "proves": ["The bill will go into effect October 1, 2025"],
                   "note": "A collection agency's account of the enactment (secondary); the same date is in the Office of "
                           "Financial Regulation's guidance as reported by Orrick and Mondaq. No ban before."}},
    "ME": {"quote": "4. Reporting of medical expenses debt on a consumer report. ... A. A consumer reporting agency may not report "
                    "debt from medical expenses medical debt on a consumer's consumer report when the date of the first "
                    "delinquency on the debt is less than 180 days prior to the date that the debt is reported and a medical "
                    "creditor, debt collector or debt buyer may not report a consumer's medical debt to a consumer reporting agency.",
           "source": "https://fastdemocracy.com/bill-summary/?billsummary_id=MEB00015932&billsummary_session=132&billsummary_state=me",
           "proves": ["a medical creditor, debt collector or debt buyer may not report a consumer's medical debt to a consumer "
                      "reporting agency"],
           "note": "The chaptered text of P.L. 2025, c. 201 (L.D. 558; the page heads it 'APPROVED CHAPTER JUNE 9, 2025 201 BY GOVERNOR PUBLIC LAW'), amending 10 MRSA "
                   "1310-H(4)(A), as FastDemocracy copies it; the copy runs struck and inserted words together ('debt from "
                   "medical expenses medical debt'). The bureaus' part is the older 180-day rule, so only those who report are "
                   "newly bound. The 2025-09-24 start (90 days after adjournment) is from Maine Public, not the text."},
    "WA": {"quote": "1. Except as authorized under subsection (2) of this section, no consumer reporting agency may make a "
                    "consumer report containing any of the following items of information: ... g. Medical debt, as defined in RCW "
                    "19.16.100; ... a. Hospitals, physician groups, and other professional partners may not furnish information "
                    "relating to a medical debt as defined in RCW 19.16.100 to a consumer credit reporting agency.",
           "source": "tannewt/wa-law.org/site/bill/2025-26/sb/5480/S.SL/README.md@12908a7f78f02ee3079c0f1bf9a2d7d78bfcb8e2",
           "proves": ["no consumer reporting agency may make a consumer report containing",
                      "Medical debt, as defined in RCW 19.16.100",
                      "may not furnish information relating to a medical debt as defined in RCW 19.16.100 to a consumer credit "
                      "reporting agency"],
           "note": "Sections 4(1)(g) and 5(2)(a) of the session law of SB 5480 (2025), as the wa-law.org repository copies it from "
                   "the Legislature's PDF; section 2 voids a debt that anyone furnishes. The subsection (2) exceptions (credit of "
                   "$50,000 or more, and so on) do not reach (1)(g). The 2025-07-27 effective date is not in the text."},
    "CT": {"quote": "(b) On and after July 1, 2024, any health care provider or any collection entity doing business in this "
                    "state shall not report any portion of a medical debt to a credit rating agency for use in a credit report.",
           "source": "https://app.legiplex.com/ct/legislature/2024/2024-r/bills/sb00395/draft-141465?id=141465",
           "proves": ["any health care provider or any collection entity doing business in this state shall not report any "
                      "portion of a medical debt to a credit rating agency"],
           "since": "On and after July 1, 2024",
           "note": "Public Act 24-6, section 1(b), as chaptered (the same words in Conn. Gen. Stat. 20-7i, fastlaw.fun). "
                   "Until 2026-12-04 the data said the act also barred the credit bureaus; its two sections (this one and "
                   "19a-673b) do not, so only those who report are bound (tests/credit/test_rules.py)."},
    "RI": {"quote": "6-60-2. ... A healthcare provider as defined in § 27-81-3, or a healthcare facility authorized or licensed "
                    "under chapter 17 of title 23, or an emergency medical transportation service certified under chapter 4.1 "
                    "of title 23, shall not furnish information regarding any portion of a medical debt to a consumer reporting "
                    "agency. ... 6-60-3. Credit reporting agencies. No credit reporting agency shall acquire, record, or report "
                    "any medical debt, in any manner.",
           "source": "http://webserver.rilegislature.gov/PublicLaws/law24/law24225.htm",
           "proves": ["shall not furnish information regarding any portion of a medical debt to a consumer reporting agency",
                      "No credit reporting agency shall acquire, record, or report any medical debt, in any manner"],
           "note": "P.L. 2024, ch. 225 (S 2709 Sub A, enacted 2024-06-24) on the General Assembly's site; ch. 224 is the House twin.",
           "pre": {"quote": "P.L. 2024, ch. 224, § 1, effective January 1, 2025; P.L. 2024, ch. 225, § 1, effective January 1, 2025.",
                   "source": "http://webserver.rilin.state.ri.us/Statutes/TITLE6/6-60/6-60-4.htm",
                   "proves": ["P.L. 2024, ch. 225, § 1, effective January 1, 2025"],
                   "note": "The history line of R.I. Gen. Laws 6-60-4 on the General Assembly's site: chapter 6-60, added by "
                           "section 1 of both acts, took effect January 1, 2025; no ban before."}},
    "CO": {"quote": "(1) Except as authorized under subsection (2) of this section, a consumer reporting agency shall not make any "
                    "consumer report containing any of the following items of information: ... (f)(I) Any adverse item of "
                    "information that the consumer reporting agency knows or should know concerns medical debt. (II) This "
                    "subsection (1)(f) is repealed, effective July 1, 2028.",
           "source": "https://casetext.com/statute/colorado-revised-statutes/title-5-consumer-credit-code/debt-management/article-18-colorado-consumer-credit-reporting-act/section-5-18-109-reporting-of-information-prohibited-exceptions",
           "proves": ["a consumer reporting agency shall not make any consumer report containing",
                      "Any adverse item of information that the consumer reporting agency knows or should know concerns medical debt"],
           "note": "Read in Casetext's copy of C.R.S. 5-18-109 (current through 2024). The law binds the credit bureaus; HB23-1126 "
                   "also bars collectors from saying a medical debt will be reported (the General Assembly's bill summary, "
                   "leg.colorado.gov/bills/hb23-1126), which is not a furnishing ban, so `covers` is the bureaus alone (the "
                   "engine then judges a report by its date, the broader reading). The 2023-08-07 start (90 days after the "
                   "session) is not on either page."},
    "NY": {"quote": "(a) No consumer reporting agency shall report or maintain in the file on a consumer, information: ... (3) "
                    "relative to a medical debt as defined in this statute;",
           "source": "https://www.nysenate.gov/legislation/laws/GBS/380-J",
           "proves": ["No consumer reporting agency shall report or maintain in the file on a consumer, information",
                      "relative to a medical debt"],
           "note": "Gen. Bus. Law 380-j(a)(3) on the Senate's site (published 2023-12-15). The furnishing ban is Public Health "
                   "Law 4926 on the same site: 'A hospital licensed under article twenty-eight of this chapter, a health care "
                   "professional authorized under title eight of the education law, or an ambulance service certified under "
                   "article thirty of this chapter: 1. shall not furnish any portion of a medical debt to a consumer reporting "
                   "agency' (nysenate.gov/legislation/laws/PBH/4926). Effective on signing (2023-12-13) per Barclay Damon.",
           "pre": {"quote": "12/13/2023 SIGNED CHAP.727",
                   "source": "https://nyassembly.gov/leg/?default_fld=&bn=A06275&Summary=Y&Actions=Y",
                   "proves": ["12/13/2023 SIGNED CHAP.727"],
                   "note": "The Assembly's actions for A6275-A / S4907-A (the Fair Medical Debt Reporting Act): signed December "
                           "13, 2023, so no ban before."}},
    "VA": {"quote": "A. No medical care facility listed in § 32.1-102.1:3, no person licensed or certified by a health regulatory "
                    "board within the Department of Health Professions, and no emergency medical services agency, as defined in "
                    "§ 32.1-111.1, shall report any portion of a medical debt to a consumer reporting agency. B. No collection "
                    "entity collecting or attempting to collect a medical debt shall report such collection or attempts to "
                    "collect to a consumer reporting agency.",
           "source": "https://lawserver.com/?p=30115297",
           "proves": ["shall report any portion of a medical debt to a consumer reporting agency",
                      "No collection entity collecting or attempting to collect a medical debt shall report"],
           "note": "Read in LawServer's copy of Va. Code 59.1-444.4 ('2024, c. 751'); it binds those who report, not the bureaus. "
                   "The July 1, 2024 start is from Americollect's account of HB 1370 (signed 2024-04-08), not from the statute."},
    "CA": {"quote": "This bill would prohibit a consumer credit reporting agency or an investigative consumer reporting agency "
                    "from making a consumer credit report or an investigative consumer report containing information about "
                    "medical debt, as defined. ... The bill would prohibit a person from furnishing information regarding a "
                    "medical debt to a consumer credit reporting agency, make a medical debt void and unenforceable if a person "
                    "knowingly violates this provision by furnishing information regarding the medical debt to a consumer credit "
                    "reporting agency,",
           "source": "https://open.pluralpolicy.com/ca/bills/20232024/SB1061",
           "proves": ["prohibit a consumer credit reporting agency or an investigative consumer reporting agency from making a "
                      "consumer credit report or an investigative consumer report containing information about medical debt",
                      "prohibit a person from furnishing information regarding a medical debt to a consumer credit reporting agency"],
           "note": "The Legislative Counsel's Digest of SB 1061 (Stats. 2024, ch. 520) on Plural Policy's bill page. The "
                   "furnishing ban reads the same in the code: Civ. Code 1785.27(a), 'A person shall not furnish information "
                   "regarding a medical debt to a consumer credit reporting agency' (lexace.ai).",
           "pre": {"quote": "Amended by Stats. 2024, Ch. 520, Sec. 1. (SB 1061) Effective January 1, 2025.",
                   "source": "https://codecond.com/codes/civ/division-3-obligations/part-4-obligations-arising-from-particular-transactions/title-1-6-c-17-fair-debt-settlement-practices/chapter-1-general-provisions",
                   "proves": ["(SB 1061) Effective January 1, 2025"],
                   "note": "The history line of Civ. Code 1785.3 (the Act's definitions, where SB 1061 defined medical debt) as the "
                           "code prints it: the ban came with SB 1061 on January 1, 2025; none before."}},
}
BAN_UNREAD: dict[str, str] = {
    "OR": ("SB 605 (2025)'s words were not read: the stored pages are law-firm and news accounts (Orrick: 'prohibits any "
           "person from reporting to a consumer reporting agency the amount or existence of any medical debt', and bureaus "
           "'may not include in a consumer report any item that they know or reasonably should know is medical debt'; "
           "National Law Review; Sheppard Mullin), all giving January 1, 2026. Searched 2026-12-04."),
    "DE": ("Senate Substitute 1 for SB 156's words were not read: the Delaware Code's chapter 25J page (delcode.delaware.gov) "
           "is cut off after the definitions, and the stored bill text is the original SB 156, not the substitute. The ban "
           "on bureaus and on reporting, and the 2025-10-27 start, rest on Orrick and the Governor's release as reported "
           "(tvdelmarva.com). Searched 2026-12-04."),
    "VT": ("The bureaus' ban (S.27, 2025 Acts No. 21, in Title 9) was not read. The furnishing ban is 18 V.S.A. 9485(b) "
           "on the Legislature's site: 'No large health care facility or medical debt collector shall report or otherwise "
           "furnish any portion of a medical debt to a credit reporting agency. (Added 2021, No. 119 (Adj. Sess.), § 1, "
           "eff. July 1, 2022; amended 2025, No. 21, § 7, eff. July 1, 2025.)' (legislature.vermont.gov/statutes/section/"
           "18/221/09485). Whether the 2022 text already barred furnishing (a ban three years earlier than the data's) "
           "was not read; the data keeps 2025-07-01."),
    "IL": ("Only the engrossed text of SB2933 was read (ilga.gov/legislation/103/SB/10300SB2933eng.htm: 815 ILCS "
           "505/2EEEE(b), 'It is an unlawful practice ... for a consumer reporting agency: (1) to make, create, or furnish "
           "any consumer report ... containing ... any adverse information that the consumer reporting agency knows or "
           "should know relates to medical debt'); the enacted text, the providers' part and the 2025-01-01 date were not "
           "read (searched 2026-12-04: stored ilga.gov and news pages)."),
    "NJ": ("Section 3 of P.L.2024, c.48 (the chaptered text on legiscan.com is cut off after the definitions) was not read; "
           "the ban, its care date and the bureaus' $500 and paid-debt rule rest on Orrick and Stevens & Lee. Searched "
           "2026-12-04: stored pages for N.J.S.A. 56:11-58 and the act (56:11-57, -59 and -61 were found, not the "
           "reporting section)."),
    "MN": ("Minn. Stat. 332C.03 was not read: the Revisor's chapter page (revisor.mn.gov/statutes/cite/332C/full) "
           "is cut off before it. Whom it binds (the data says collectors and the bureaus) rests on news and law-firm "
           "summaries; 332C.01 (read, Casetext) dates the chapter 'effective October 1, 2024'."),
}
DEFAULT_UNREAD = ("The statute's words were not read; the ban, whom it binds and its date are from the references "
                  "(bill pages, news and law-firm summaries). Searched: billadvocate research (legal-rules.md section 3) "
                  "and stored public pages (2026-11-28).")
PRE_UNREAD = ("No ban before the day the law took effect; that day is from the references (bill pages or secondary "
              "accounts), not from words of the statute that were read.")


def entry(code: str) -> dict:
    param = {"description": f"Whether {code} law bars medical debt from credit reports, from when, and whom it binds",
             "values": {}}
    if code in BANS:
        start, value, refs, note = BANS[code]
        proof = BAN_PROOF.get(code)
        pre = {"value": {"ban": False, "what": "no ban before the law below took effect"}, "reference": refs[:1]}
        item = {"value": {"ban": True, **value}, "reference": refs}
        if proof:
            item.update({k: proof[k] for k in ("quote", "source", "proves")})
            if proof.get("note"):
                item["note"] = proof["note"]
            if proof.get("since"):
                pre.update(quote=proof["quote"], source=proof["source"], proves=[proof["since"]],
                           note=f"The ban applies from {start} ('{proof['since']}'): none before.")
            elif proof.get("pre"):  # other words that date the ban: {quote, source, proves, note}
                pre.update(proof["pre"])
        else:
            item.update(unconfirmed=True, note=note or BAN_UNREAD.get(code, DEFAULT_UNREAD))
        if "quote" not in pre:
            pre.update(unconfirmed=True, note=PRE_UNREAD)
        param["values"]["1900-01-01"] = pre
        param["values"][start] = item
    else:
        param["values"]["1900-01-01"] = {
            "value": {"ban": False, "what": "no state law barring medical debt from credit reports was found"},
            "reference": NO_BAN_REFERENCE, "unconfirmed": True, "note": NO_BAN_NOTE + NO_BAN_SEEN.get(code, "")}
    out = {"description": f"{code}: medical debt and credit reports", "last_checked": "2026-11-28",
           "medical_debt_ban": param}
    if code in VOID:
        start, value, refs, proof = VOID[code]
        out["reported_debt_void"] = {
            "description": f"Whether {code} law makes a medical debt void (no longer collectable) once it is reported "
                           f"to a credit bureau in breach of its ban",
            "last_checked": "2026-12-04",  # read again and quoted: the quote test covers this parameter
            "values": {start: {"value": value, "reference": refs, **proof}}}
    return out


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # write shared references out in full, no &id001 anchors
        return True


def main() -> None:
    for code in CODES:
        path = OUT / code.lower() / "credit_reporting.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "# Generated by scripts/make_state_credit_law.py: edit the table there, then re-run.\n"
        text += yaml.dump(entry(code), Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(CODES)} files under {OUT}")


if __name__ == "__main__":
    main()
