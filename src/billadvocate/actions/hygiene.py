"""What patient-facing text must never contain: rule ids, case-file paths, CLI flags, raw citation dumps,
"(s)" plurals, "1 months", words cut in two. `problems(text)` names each one found (tests read every
letter, script and step back through it)."""

from __future__ import annotations

import re

RULE_ID = re.compile(r"\b(?:BILL|EOB|NSA|IRS501R|REGF|FDCPA|CREDIT|STATE|FEDERAL|MEDICAID|MEDICARE|FCRA)"
                     r"\.[A-Z0-9_.*]+")
DATA_PATH = re.compile(r"\b(?:accounts|events|tradelines)\[\d*\]|\b(?:household|patient|insurance|credit_report|"
                       r"collector|provider|care|validation_notice)\.[a-z_]+\b(?!\.\w)")
CLI_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
DUMP = re.compile(r"billadvocate research report|legal-rules\.md|\[S\d+\]|Milliken & Michaels", re.I)
PLURAL_S = re.compile(r"\w\(s\)")
ONE_PLURAL = re.compile(r"(?<![\d.,])1 (?:months|days|years|weeks|lines|problems|payments|people|items)\b")
LINES_ONE = re.compile(r"\b[Ll]ines \d+(?![\d,]| and| to|-)")  # "Lines 3": one line is "line 3"
LINE_MANY = re.compile(r"\b[Ll]ine \d+(?:, \d+)+")  # "Line 2, 3": several are "lines 2, 3"
NOT_ONE_SINGULAR = re.compile(r"(?<![\d.,$])(?:[02-9]|\d{2,}) (?:month|day|year|week|payment|problem)\b(?![-\w])")


def problems(text: str) -> list[str]:
    """Each forbidden thing found in a patient-facing text, quoted."""
    out = []
    for name, pattern in (("a rule id", RULE_ID), ("a case-file path", DATA_PATH), ("a command-line flag", CLI_FLAG),
                          ("a raw citation dump", DUMP), ("an '(s)' plural", PLURAL_S),
                          ("a wrong plural", ONE_PLURAL), ("a wrong singular", NOT_ONE_SINGULAR),
                          ("a wrong plural", LINES_ONE), ("a wrong singular", LINE_MANY)):
        for m in pattern.finditer(text):
            out.append(f"{name}: {m.group(0)!r} in ...{text[max(0, m.start() - 40):m.end() + 40]}...")
    return out
