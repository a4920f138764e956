"""`billadvocate hospital find`: look a hospital up in the CMS directory by the name a patient knows."""

from __future__ import annotations

import re

import click

from ...errors import BadInput
from ...hospitals import find, load
from ...states import normalise_state
from ..human import console
from ..options import json_option, print_json

COMMANDS = ["hospital"]


@click.group()
def hospital() -> None:
    """The CMS list of Medicare hospitals: who owns one, what kind it is, what that means for you.

    Shipped with the package (CMS Hospital General Information); a newer CMS file is loaded with
    `billadvocate data import hospitals FILE`.
    """


def _state(text: str | None) -> str | None:
    if not text:
        return None
    if re.fullmatch(r"[A-Za-z]{2}", text.strip()):  # territories too (PR, GU, VI...), which CMS lists
        return text.strip().upper()
    try:
        return normalise_state(text)
    except ValueError as e:
        raise BadInput(f"--state: {e}")


@hospital.command("find")
@click.argument("query", nargs=-1)
@click.option("--state", metavar="XX", help="Only hospitals in this state (two letters, e.g. MN).")
@click.option("--city", metavar="CITY", help="Only hospitals in this city.")
@click.option("--zip", "zip_code", metavar="ZIP", help="Only hospitals whose ZIP code starts with this.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="At most this many.")
@json_option
def find_(query: tuple[str, ...], state: str | None, city: str | None, zip_code: str | None, limit: int,
          as_json: bool) -> None:
    """Find a hospital by name, best match first, with its ownership and what it means for 501(r).

    Spelling, "St." or "Saint", abbreviations and word order need not match CMS's.

    Example: billadvocate hospital find Mayo Clinic Rochester --state MN
    """
    text = " ".join(query).strip()
    if zip_code and not re.fullmatch(r"\d{1,5}(-\d{4})?", zip_code.strip()):
        raise BadInput(f"--zip {zip_code!r} is not a ZIP code: give five digits (or the first few)")
    if not text and not (state or city or zip_code):
        raise BadInput("give a hospital name (or --state, --city or --zip to list the hospitals there)")
    d = load()
    if d is None:
        raise BadInput("no hospital directory is installed: reinstall billadvocate, or load the CMS file with "
                       "billadvocate data import hospitals FILE")
    found = find(d, text, state=_state(state), city=city, zip_code=(zip_code or "").split("-")[0] or None,
                 limit=limit)
    if as_json:
        print_json(found)
        return
    c = console()
    if not found:
        c.print(f"No hospital in {d.label} matches {text!r}" + (" there" if state or city or zip_code else "")
                + ". Check the spelling, or try fewer words.", markup=False)
        return
    from rich.table import Table
    from rich.text import Text

    t = Table(title=f"Hospitals ({d.label})", title_justify="left")
    for col in ("CCN", "hospital", "kind and owner", "501(r)", "score"):
        t.add_column(col, overflow="fold")
    for h in found:
        np = {True: "binds it", False: "does not", None: "ask"}[h["nonprofit"]]
        er = {True: "; emergency dept.", False: "; no emergency dept.", None: ""}[h["emergency"]]
        t.add_row(Text(h["ccn"]), Text(f"{h['name']}\n{h['city']}, {h['state']} {h['zip'] or ''}".strip()),
                  Text(f"{h['type'] or '?'}{er}\n{h['ownership'] or 'ownership not listed'}"), np,
                  "" if h["score"] is None else f"{h['score']:.0f}")
    c.print(t)
    top = found[0]
    c.print(f"{top['name']}: {top['nonprofit_reason']}.", markup=False)
    c.print("To use one in a case, add its CCN to the provider (ccn: \"240010\").")
