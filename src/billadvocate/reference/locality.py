"""Which Medicare fee-schedule locality a patient lives in, as well as the case tells us.

A state with one locality is that locality. Otherwise a word of the address (the city or county)
is matched against the localities' names and counties (Fresno -> FRESNO). When nothing matches, the
locality is unknown and the national amount (every GPCI 1.0) is used, and the output says so.
ZIP codes are not mapped: the CMS ZIP-to-locality file is not in the snapshot.
"""

from __future__ import annotations

import re

import duckdb


def find_locality(con: duckdb.DuckDBPyConnection, state: str | None, address: str | None = None
                  ) -> tuple[str, str, str] | None:
    """(mac, locality, locality name) for the patient, or None (use the national amount)."""
    if not state:
        return None
    rows = con.execute("SELECT DISTINCT mac, locality, locality_name, counties FROM ref_gpci WHERE state = ? "
                       "ORDER BY release_from DESC", [state.upper()]).fetchall()
    if not rows:
        return None
    if len({(r[0], r[1]) for r in rows}) == 1:
        return rows[0][0], rows[0][1], rows[0][2]
    if not address:
        return None
    words = [w for w in re.split(r"[^A-Z]+", address.upper()) if len(w) > 2]
    text = " " + " ".join(words) + " "
    best = None
    for mac, loc, name, counties in rows:
        for place in re.split(r"[/,()\-]+| CNTY| COUNTY", f"{name}/{counties}"):
            place = " ".join(w for w in re.split(r"[^A-Z]+", place.upper()) if w)
            if len(place) > 2 and place not in ("ALL OTHER COUNTIES", "REST OF") and f" {place} " in text:
                if best is None or len(place) > best[0]:
                    best = (len(place), (mac, loc, name))
    return best[1] if best else None
