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
HEADING_LINES = 12  # a bill's heading: its first lines, before the charges


def facility_in_heading(texts: list[str]) -> str | None:
    """The facility the heading names: the first of its lines' parts that names a hospital or medical
    center and is not the document's own title ("Valley General Hospital" from "Hospital Bill - Valley
    General Hospital"); the whole line when only a title names one ("HOSPITAL STATEMENT"). `texts` are
    the lines above the charges, in reading order."""
    titles = []
    for text in texts[:HEADING_LINES]:
        if not FACILITY_NAME.search(text):
            continue
        for part in _PARTS.split(text.strip()):
            part = " ".join(part.split())
            if FACILITY_NAME.search(part):
                name = _name_only(part)
                if not _DOCUMENT_WORDS.search(name) and FACILITY_NAME.sub("", name).strip(" ,.;:'"):
                    return name
        titles.append(" ".join(text.split())[:120])
    return titles[0] if titles else None


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
    return bool(name and FACILITY_NAME.search(name))
