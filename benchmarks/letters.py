"""Speed of the letters: each letter type built and rendered to text, PDF and DOCX, and the packet.

Prints the time of each format as a ratio against a baseline measured in the same run (building
the letter's document model, no rendering), so results compare across machines. A bill with N
findings shows how a long itemisation (moved to an attachment table) scales.

    PYTHONPATH=src python benchmarks/letters.py [N]
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from billadvocate import load_case, review_case
from billadvocate.letters import LETTER_TYPES, MissingFact, kind, render
from billadvocate.letters.compose import build_letter
from billadvocate.letters.facts import LetterFacts
from billadvocate.letters.packet import render_packet
from billadvocate.letters.select import attach_letters
from billadvocate.model import Finding
from timing import timed  # noqa: E402

CASE = Path(__file__).resolve().parent.parent / "examples" / "er-visit-nonprofit" / "case.yaml"


def main(n: int) -> None:
    result = review_case(load_case(CASE))
    review = result.accounts[0]
    review.findings = [Finding(rule="BILL.DUPLICATE", severity="high", lines=[i, i + 1], amount=Decimal(45),
                               message=f"charge on line {i} billed twice") for i in range(1, n + 1)]
    attach_letters(result)  # choose again for the findings above
    jobs = []
    for t in LETTER_TYPES:
        k = kind(t)
        facts = LetterFacts(result, None, bureau="experian") if k.case_level else LetterFacts(result, review)
        try:
            build_letter(k, facts)
        except MissingFact:
            continue
        jobs.append((k, facts))
    build = timed(lambda: [build_letter(k, f) for k, f in jobs], repeat=3)
    letters = [build_letter(k, f) for k, f in jobs]
    print(f"{len(jobs)} letter types, {n} findings each; baseline (build the document model): "
          f"{build / len(jobs) * 1000:.2f} ms a letter")
    for fmt in ("txt", "pdf", "docx"):
        t = timed(lambda: [render(letter, fmt, as_of=result.as_of) for letter in letters], repeat=3)
        print(f"  {fmt:5s} {t / len(jobs) * 1000:8.2f} ms a letter  ({t / build:6.1f}x baseline)")
    t = timed(lambda: render_packet(result), repeat=1)
    print(f"  packet {t * 1000:7.1f} ms for the case ({t / build:6.1f}x baseline)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
