"""Finding a hospital by the name a patient types: tolerant, ranked, narrowed by state, city or ZIP.

Both the query and the CMS names are normalised (names.py: "St." = "Saint", "Med Ctr" = "Medical
Center", punctuation and "The", "Inc" dropped). A first pass with rapidfuzz (token_set_ratio, any
word order) keeps the plausible names; each is then scored on the words: how much of what was typed
is found in the name or the city (a misspelt word counts when rapidfuzz finds it close, a short
form when it begins the word: "Mass" for MASSACHUSETTS), and how much of the name was typed, each
word weighed by how rare it is among hospital names, so "Mayo" and "Rochester" count and "Hospital"
hardly does. "Mayo Clinic Rochester" thus finds MAYO CLINIC HOSPITAL ROCHESTER. Scores run 0..100.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from .directory import Directory, describe
from .names import normal_name, normal_place

MIN_SCORE = 60  # below this a name is not offered at all


def _in_place(d: Directory, i: int, state: str | None, city: str | None, zip_code: str | None) -> bool:
    row = d.rows[i]
    if state and (row.get("state") or "") != state:
        return False
    if city and d.cities[i] != city and fuzz.ratio(d.cities[i], city) < 90:
        return False
    if zip_code and not (row.get("zip") or "").startswith(zip_code):
        return False
    return True


def _word_match(word: str, words: list[str]) -> float:
    """How well one word is found among others: 1 exact, 0.9 as the start of one, else rapidfuzz's
    closeness when it is at least 80 out of 100, else 0."""
    best = 0.0
    for w in words:
        if w == word:
            return 1.0
        if len(word) >= 3 and w.startswith(word):
            best = max(best, 0.9)
        elif len(word) >= 4:
            r = fuzz.ratio(word, w)
            if r >= 80:
                best = max(best, r / 100 * 0.95)
    return best


def parts(query: str, d: Directory, i: int) -> tuple[float, float]:
    """(found, typed), each 0..1: how much of the normalised query is found in row i's name or city,
    and how much of its name was typed; words weighed by rarity."""
    weight = d.weights
    q_words = query.split()
    name_words = d.names[i].split()
    all_words = d.keys[i].split()
    w = [weight.get(x, 8.0) for x in q_words]
    found = sum(wi * _word_match(x, all_words) for x, wi in zip(q_words, w)) / (sum(w) or 1)
    n_w = [weight.get(x, 8.0) for x in name_words]
    typed = sum(wi * _word_match(x, q_words) for x, wi in zip(name_words, n_w)) / (sum(n_w) or 1)
    return found, typed


def score(query: str, d: Directory, i: int) -> float:
    """How well a normalised query matches row i, 0..100: three parts how much of the query is found
    (in the name or the city), one part how much of the name was typed."""
    found, typed = parts(query, d, i)
    return round(100 * (0.75 * found + 0.25 * typed), 1)


def typed_share(d: Directory, query: str, ccn: str) -> float:
    """How much of the CMS name of hospital `ccn` the query covers (0..1), rare words counting most."""
    i = next(i for i, r in enumerate(d.rows) if r["ccn"] == ccn)
    return parts(_query(query), d, i)[1]


def _query(text: str) -> str:
    """The normalised query, at most 20 words: no hospital name is longer, and a pasted page is cut."""
    return " ".join(normal_name(text[:300]).split()[:20])


def find(d: Directory, query: str, *, state: str | None = None, city: str | None = None,
         zip_code: str | None = None, limit: int = 10, min_score: float = MIN_SCORE) -> list[dict[str, Any]]:
    """The best matches for `query`, best first, each as describe() plus its score."""
    q = _query(query)
    st = (state or "").strip().upper() or None
    ct = normal_place(city) or None
    zp = "".join(ch for ch in (zip_code or "") if ch.isdigit())[:5] or None
    pool = [i for i in range(len(d.rows)) if _in_place(d, i, st, ct, zp)]
    if not q:  # no name: everything in the place, by name
        return [{**describe(d.rows[i]), "score": None} for i in sorted(pool, key=lambda i: d.names[i])[:limit]]
    first = process.extract(q, {i: d.keys[i] for i in pool}, scorer=fuzz.token_set_ratio,
                            limit=max(limit * 30, 300), score_cutoff=40)
    ranked = sorted(((score(q, d, i), i) for _, _, i in first), key=lambda t: (-t[0], d.names[t[1]]))
    return [{**describe(d.rows[i]), "score": s} for s, i in ranked if s >= min_score][:limit]
