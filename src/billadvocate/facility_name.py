"""Whether a name is a facility's (a hospital, a medical center): the bill's own word on who sent it.

The audit reads the setting partly from it (audit/setting.py): CPT lines without revenue codes from a
hospital could be its facility or its practitioners' claim. The readers of printed bills (PDF, scan,
photo) take the facility the bill's heading names (`facility_in_heading`), so that a bare
`billadvocate audit bill.pdf` knows what the patient sees at the top of the page.
"""

from __future__ import annotations

import re

FACILITY_NAME = re.compile(r"HOSPITAL|MEDICAL CENTER|MED(ICAL)? CTR|INFIRMARY|HEALTH SYSTEM|\bREGIONAL MEDICAL\b", re.I)
# a heading's words that name the document, not its sender ("Hospital Bill - Valley General Hospital")
_DOCUMENT_WORDS = re.compile(r"\b(BILL|BILLING|STATEMENT|INVOICE|ITEMI[SZ]ED|CHARGES|ACCOUNT|SUMMARY)\b", re.I)
_PARTS = re.compile(r"\s*[|:]\s+|\s+[-\u2013\u2014]\s+|\s{3,}")
# a health system's name: one to four capitalised words, then Health, Healthcare, Health Care, Health Network or
# Health Services ("Sentara Health", "Intermountain Healthcare"), at the start of a heading's part and ending it
# (or followed by its address, a date or the next column's words); case-sensitive, so a sentence is not a name
_HEALTH_NAME = re.compile(r"^(?P<name>(?:[A-Z][A-Za-z.'’&-]*\s+){1,4}"
                          r"(?i:health(?:\s*care|\s+network|\s+services)?))(?=$|[\s,.;:]+(?:$|\S*\d|[^\w\s]|(?P<next>\w+)))")
# words that make "X Health" something else than a provider: a kind of care or a subject, not a name ("Mental
# Health", "Your Health"), an insurer or its plan ("Aetna Better Health", "United Healthcare"), a department
_NOT_HEALTH_NAME = {
    "your", "my", "our", "the", "of", "and", "for", "to", "good", "better", "total", "mental", "behavioral",
    "behavioural", "public", "home", "oral", "dental", "occupational", "population", "digital", "global", "patient",
    "patients", "employee", "student", "member", "protected", "department", "dept", "plan", "insurance", "coverage",
    "aetna", "cigna", "humana", "anthem", "united", "unitedhealthcare", "molina", "ambetter", "wellcare", "oscar",
    "blue", "cross", "shield", "bcbs", "medicare", "medicaid", "tricare", "caresource", "highmark", "optum",
    "centene", "elevance", "primary", "secondary", "thank", "thanks", "choosing",
}
HEADING_LINES = 12  # a bill's heading: its first lines, before the charges


def facility_in_heading(texts: list[str]) -> str | None:
    """The facility the heading names: the first of its lines' parts that names a hospital or medical
    center and is not the document's own title ("Valley General Hospital" from "Hospital Bill - Valley
    General Hospital"); the whole line when only a title names one ("HOSPITAL STATEMENT"). `texts` are
    the lines above the charges, in reading order."""
    titles = []
    for text in texts[:HEADING_LINES]:
        for part in _PARTS.split(text.strip()):
            part = " ".join(part.split())
            if FACILITY_NAME.search(part):
                name = _name_only(part)
                if not _DOCUMENT_WORDS.search(name) and FACILITY_NAME.sub("", name).strip(" ,.;:'"):
                    return name
            elif (name := health_system(part)) is not None:
                return name
        if FACILITY_NAME.search(text):
            titles.append(" ".join(text.split())[:120])
    return titles[0] if titles else None


def health_system(text: str) -> str | None:
    """The health system a text begins with ("Sentara Health" from "Sentara Health 824 N Military Hwy"), or None:
    its words before Health must include a name of its own, not a kind of care, an insurer or a plan, and what
    follows must not go on with the name ("Health Plan", "Health Partners": a plan, a practice)."""
    m = _HEALTH_NAME.match(text.strip())
    if m is None:
        return None
    words = [w.lower().strip(".'’") for w in m["name"].split()]
    before = words[:-2] if words[-2:] in (["health", "care"], ["health", "network"], ["health", "services"]) else words[:-1]
    if not before or any(w in _NOT_HEALTH_NAME or w in _NOT_NAME or _DOCUMENT_WORDS.fullmatch(w) for w in before):
        return None
    following = m["next"] or ""
    if following[:1].isupper() and following.lower() not in _NOT_NAME:
        return None  # the name goes on: "Valley Health Partners", "ACME HEALTH PLAN" (a lower-case word does not)
    return m["name"]


# words that end a name where a heading's columns run together ("Sample Medical Center To Contact Us
# Call: ...", "Mercy Hospital Guarantor Number ...")
_NOT_NAME = {"to", "call", "contact", "phone", "tel", "fax", "guarantor", "patient", "page", "po", "p.o.",
             "box", "date", "due", "number", "please", "remit", "pay", "visit", "bill", "billing", "statement",
             "invoice", "itemized", "itemised", "charges", "account", "summary"}
_NAME_WORD = re.compile(r"^(of|the|at|and|&|[A-Z][\w.'’-]*)$")


def _name_only(part: str) -> str:
    """The facility's name in a heading's part: up to its facility word, then the name's own words
    ("of Buffalo"), stopping at the next column's ("To Contact Us")."""
    last = list(FACILITY_NAME.finditer(part))[-1]
    words = []
    for word in part[last.end():].split()[:5]:
        if word.lower().strip(",.;:") in _NOT_NAME or not _NAME_WORD.match(word) or any(c.isdigit() for c in word):
            break
        words.append(word)
    while words and words[-1].lower() in {"of", "the", "at", "and", "&"}:
        words.pop()
    return " ".join([part[:last.end()].strip(), *words]).strip(" ,.;:")[:120]


def names_a_facility(name: str | None) -> bool:
    return bool(name and (FACILITY_NAME.search(name) or health_system(name)))
