"""How well names as people write them find the right hospital, measured on a fixed sample of the list.

Each of 200 hospitals (a seeded sample of the 50 states and DC) is searched under a variant of its
CMS name: title case, "St." and "Saint" swapped, "Med Ctr", "Reg", "Hosp", "Mem", "The" dropped, the
first two words swapped. Measured on 2026-12-04: 198 of 200 found first, 194 taken by the review
(the other 6 listed as candidates instead), none wrong.
"""

from __future__ import annotations

import random
import re

from billadvocate.hospitals import find, identify, load
from billadvocate.model import Provider
from billadvocate.states import NAMES

SWAPS = [(r"\bSt\.? ", "Saint "), (r"\bSaint ", "St. "), (r"Medical Center", "Med Ctr"), (r"Regional", "Reg"),
         (r"\bThe\b", ""), (r"Hospital", "Hosp"), (r"Memorial", "Mem")]


def variant(name: str, rnd: random.Random) -> str:
    v = name.title()
    for pattern, repl in SWAPS:
        if rnd.random() < 0.5:
            v = re.sub(pattern, repl, v)
    words = v.split()
    if len(words) > 2 and rnd.random() < 0.3:
        words[0], words[1] = words[1], words[0]
    return " ".join(words)


def test_variants_of_real_names_find_the_hospital_and_the_review_never_takes_a_wrong_one():
    d = load()
    rnd = random.Random(7)
    sample = rnd.sample([r for r in d.rows if r["state"] in NAMES], 200)
    first = taken = wrong = 0
    for r in sample:
        q = variant(r["name"], rnd)
        found = find(d, q, state=r["state"], limit=5)
        first += bool(found) and found[0]["ccn"] == r["ccn"]
        m = identify(d, Provider(name=q, state=r["state"], kind="hospital"), None)
        if m.status == "matched":
            taken += m.hospital["ccn"] == r["ccn"]
            wrong += m.hospital["ccn"] != r["ccn"]
    assert wrong == 0
    assert first >= 0.97 * len(sample)
    assert taken >= 0.9 * len(sample)
