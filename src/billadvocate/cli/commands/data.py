"""`billadvocate data ...`: import newer official reference files, and see what is loaded."""

from __future__ import annotations

from pathlib import Path

import click

from ...reference import user_reference_dir
from ...reference.importer import KINDS, import_release, status
from ..human import console
from ..options import as_of_option, json_option, parse_as_of, print_json

COMMANDS = ["data"]


@click.group()
def data() -> None:
    """Reference data: NCCI edits, MUEs, fee schedule, ZIP localities, HCPCS, hospital prices.

    The package ships a dated snapshot; `data import` adds newer official CMS files (or a hospital's
    price file) to your data folder ($BILLADVOCATE_HOME, else the platform's user data folder).
    """


@data.command("import")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--setting", type=click.Choice(["professional", "outpatient", "dme"]),
              help="For ncci-ptp and mue: the table (default: from the file name or header).")
@click.option("--effective", metavar="DATE",
              help="The date the release takes effect (default: from the file; for ambulance, January 1st of the "
                   "year in its AFSYYYY name).")
@json_option
def import_(kind: str, file: Path, setting: str | None, effective: str | None, as_json: bool) -> None:
    """Import an official file in the layout CMS (or the hospital) publishes.

    KIND is ncci-ptp (quarterly PTP .txt/.csv or zip), mue (MUE .csv or zip), pfs-rvu (the RVUyyX.zip),
    hcpcs (HCPCyyyy_CONTR_ANWEB.txt or zip), zip-locality (the ZIP code to carrier locality file:
    ZIP5_*.txt fixed-width, .xlsx/.csv, or zip; the audit then finds the patient's locality from the
    ZIP) or prices (a hospital's standard-charges file, CMS template v2/v3, CSV tall or wide, or JSON;
    a bad file is refused with what is wrong), or hospitals (CMS Hospital General Information CSV, the
    "Facility ID" or the older "Provider ID" layout, or the hospitals_MM_YYYY.zip archive: the list
    `hospital find` and `review` use; give --effective when the name has no date), or a price
    yardstick of the audit: opps (the OPPS Addendum B CSV), clfs (the Clinical Laboratory Fee Schedule
    CSV), asp (the ASP pricing file CSV), dmepos (the DMEPOS fee schedule CSV; opps, clfs and dmepos
    also as the .xlsx workbook CMS posts) or msdrg (the IPPS
    final rule's Table 5 .txt, or the IPPS Pricer's drgstable-YYYY.csv: the MS-DRG weights of one
    fiscal year, for an inpatient stay whose bill or EOB gives its MS-DRG), or opps-wage-index (the
    OPPS Pricer's cbsa-wage-index-YYYY.csv: the wage index that adjusts an OPPS payment when the
    hospital is known), or ambulance (CMS's Ambulance Fee Schedule public use file, afsYYYY_puf_ext.zip
    or its .txt, .csv or .xlsx, or the American Ambulance Association's copy: the rates by carrier and
    locality of one calendar year, from the AFSYYYY name or --effective; an ambulance ride whose patient's
    locality is known is then priced at that locality's rates instead of the national ones).

    Example: billadvocate data import prices 123456789_west-mercy_standardcharges.csv
    """
    written = import_release(kind, file, setting=setting, effective=parse_as_of(effective))
    if as_json:
        print_json({"imported": [r.to_json() for r in written], "folder": str(user_reference_dir())})
        return
    c = console()
    for r in written:
        what = r.table + (f" ({r.setting})" if r.setting else "")
        c.print(f"Imported {what}: {r.rows:,} rows, effective {r.effective_from}, into {r.file.parent}.", markup=False)


@data.command("status")
@as_of_option
@json_option
def status_(as_of: str | None, as_json: bool) -> None:
    """What reference data is loaded: each table's release, where it came from and how old it is.

    Example: billadvocate data status --json
    """
    rows = status(parse_as_of(as_of))
    if as_json:
        print_json({"folder": str(user_reference_dir()), "releases": rows})
        return
    from rich.table import Table
    from rich.text import Text

    t = Table(title="Reference data", title_justify="left")
    for col in ("table", "setting", "effective", "rows", "age", "origin", "source"):
        t.add_column(col, overflow="fold", max_width=60 if col == "source" else None)
    for r in rows:
        period = r["effective_from"] + (f" to {r['effective_to']}" if r.get("effective_to") else "")
        age = f"{r['age_days'] // 365} y {r['age_days'] % 365 // 30} m" if r["age_days"] >= 365 else f"{r['age_days']} d"
        t.add_row(r["table"], r.get("setting") or "", period, f"{r['rows']:,}", age + (" (stale)" if r.get("stale") else ""),
                  r["origin"], Text(r.get("hospital_name") or r["source"]))
    c = console()
    c.print(t)
    c.print(f"Imports go to {user_reference_dir()}. Newer official files: billadvocate data import KIND FILE.",
            markup=False)
