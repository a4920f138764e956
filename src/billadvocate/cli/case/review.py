"""`case review ID`: run the engines on a stored case; keep its deadlines and generated letters."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ..options import as_of_option, parse_as_of, print_json
from . import case, store_command


@case.command("review")
@click.argument("case_id", metavar="ID")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), metavar="DIR",
              help="Write the report, letters and calendar into DIR (letters are kept with the case).")
@as_of_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document (as `billadvocate review --json`).")
@click.pass_context
@store_command
def review(ctx: click.Context, case_id: str, out_dir: Path | None, as_of: str | None, as_json: bool) -> None:
    """Review a stored case (as `billadvocate review` does) and keep the deadlines it finds.

    Example: billadvocate case review 1 --out out/
    """
    from django.db import transaction

    from ...review import review_case
    from ...store import audit, cases
    from ...store.deadlines import refresh_from_review
    from ..commands.review import review as review_command
    from ..outputs import write_outputs

    row = cases.get_case(case_id)
    with tempfile.TemporaryDirectory(prefix="billadvocate-case-") as tmp:
        folder = Path(tmp)
        case_model = cases.materialize(row, folder)
        (folder / "case.yaml").write_text(cases.case_file_text(case_model), encoding="utf-8")
        result = review_case(case_model, as_of=parse_as_of(as_of))
        written = write_outputs(result, out_dir) if out_dir else []
        kept = refresh_from_review(row, result)
        letters = _keep_letters(row, result, out_dir) if out_dir else 0
        with transaction.atomic():
            audit.record("review", row, after={"as_of": result.as_of.isoformat(), "deadlines": len(kept),
                                               "letters": letters})
        if as_json:
            print_json(result.to_json())  # the same document as `billadvocate review --json`
            return
        # The same text as `billadvocate review`, on the same case file.
        ctx.invoke(review_command, case_file=folder / "case.yaml", out_dir=None, as_of=as_of, as_json=False)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"Kept {len(kept)} deadline(s) and {letters} letter(s) with case {row.pk}: "
               "see `billadvocate case deadlines` and `billadvocate case show`.")


def _keep_letters(row, result, out_dir: Path) -> int:
    """Keep each generated letter's files with the case (recorded as generated, not yet sent)."""
    from ...store import letters

    n = 0
    for review in result.accounts:
        for letter in review.letters:
            paths = [Path(name) if Path(name).is_absolute() else out_dir / name for name in letter.get("files", [])]
            paths = [p for p in paths if p.is_file()]
            if letters.record_generated(row, letter.get("type", "letter"), paths, account_key=review.account.id,
                                        recipient=letter.get("to")):
                n += 1
    return n
