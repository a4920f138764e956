"""Which Medicare fee-schedule locality a patient lives in, as well as the case tells us.

First the patient's ZIP (given, or the ZIP or ZIP+4 ending the address), when the CMS ZIP code to
carrier locality file has been imported (`billadvocate data import zip-locality FILE`): its carrier is
the MAC and its pricing locality the locality, used when the file puts the ZIP in the patient's state
and the locality is one of the GPCI table's. Otherwise, as without the file: a state with one locality
is that locality; else a word of the address (the city or county) is matched against the localities'
names and counties (Fresno -> FRESNO). When nothing matches, the locality is unknown and the national
amount (every GPCI 1.0) is used, and the output says so. Each answer says how it was found (`how`),
and why the ZIP was not used when one was given.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import duckdb


class Locality(NamedTuple):
    mac: str
    locality: str
    name: str
    how: str  # "from ZIP 94103 (CMS ZIP code to carrier locality file, 2025 Q1)", "from the address"


# a ZIP or ZIP+4 ending a US address, after the city or state ("..., CA 94103-1234", "..., CA 94103, USA")
_ADDRESS_ZIP = re.compile(r"\S[\s,]+(\d{5})(?:-?\d{4})?\s*(?:,?\s*(?:USA|U\.S\.A\.|US|United States))?\s*$",
                          re.IGNORECASE)


def zip_of(text: str | None) -> str | None:
    """The 5-digit ZIP of '94103', '94103-1234' or an address ending in one; None when there is none."""
    if not text:
        return None
    t = text.strip()
    m = re.fullmatch(r"(\d{5})(?:-?\d{4})?", t)
    if m:
        return m.group(1)
    m = _ADDRESS_ZIP.search(t)
    return m.group(1) if m else None


def find_locality(con: duckdb.DuckDBPyConnection, state: str | None, address: str | None = None,
                  zip: str | None = None) -> tuple[Locality | None, str | None]:
    """(the patient's locality or None for the national amount, why the ZIP was not used or None)."""
    code = zip_of(zip) or zip_of(address)
    found, why = _from_zip(con, state, code) if code else (None, None)
    return found or _from_state_or_address(con, state, address), why


def _from_zip(con: duckdb.DuckDBPyConnection, state: str | None, code: str) -> tuple[Locality | None, str | None]:
    try:
        newest = con.execute("SELECT max(year_quarter) FROM ref_zip_locality").fetchall()[0][0]
        rows = con.execute("SELECT state, carrier, locality, plus_four FROM ref_zip_locality WHERE zip = ? "
                           "AND year_quarter = ? ORDER BY state, carrier, locality", [code, newest]).fetchall()
    except duckdb.CatalogException:  # the view is not registered in this connection
        return None, None
    if newest is None:
        return None, None  # no ZIP file imported: the behaviour before it existed
    edition = f"CMS ZIP code to carrier locality file, {newest[:4]} Q{newest[4]}"
    if not rows:
        return None, f"ZIP {code} is not in the {edition}"
    mine = [r for r in rows if not state or r[0] == state.upper()]
    if not mine:
        return None, f"the {edition} puts ZIP {code} in {rows[0][0]}, not {state.upper()}"
    zstate, mac, loc, plus_four = mine[0]
    named = con.execute("SELECT locality_name FROM ref_gpci WHERE mac = ? AND locality = ? AND state = ? "
                        "ORDER BY release_from DESC LIMIT 1", [mac, loc, zstate]).fetchall()
    if not named:
        return None, f"ZIP {code}'s locality {loc} (MAC {mac}) in the {edition} is not in the GPCI table"
    split = "; the ZIP is split between localities by ZIP+4 (CMS ZIP9 file, not read)" if plus_four else ""
    return Locality(mac, loc, named[0][0], f"from ZIP {code} ({edition}{split})"), None


def _from_state_or_address(con: duckdb.DuckDBPyConnection, state: str | None, address: str | None
                           ) -> Locality | None:
    if not state:
        return None
    rows = con.execute("SELECT DISTINCT mac, locality, locality_name, counties FROM ref_gpci WHERE state = ? "
                       "ORDER BY release_from DESC", [state.upper()]).fetchall()
    if not rows:
        return None
    if len({(r[0], r[1]) for r in rows}) == 1:
        return Locality(rows[0][0], rows[0][1], rows[0][2], f"the only locality of {state.upper()}")
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
                    best = (len(place), Locality(mac, loc, name, f"from the address ({place.title()})"))
    return best[1] if best else None
