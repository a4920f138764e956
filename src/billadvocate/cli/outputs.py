"""Writing a review's files into a folder (report, and the outputs later steps add)."""

from __future__ import annotations

from pathlib import Path

from ..ics import deadlines_to_ics
from ..report import render_html
from ..util import atomic_write


def write_outputs(result, out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    from ..letters.packet import render_packet
    from ..letters.select import write_letters

    letters = write_letters(result, out_dir)  # first: records the letters' files for the report
    written = [atomic_write(out_dir / "report.html", render_html(result))]
    deadlines = [{**d.model_dump(), "account": a.account.id} for a in result.accounts for d in a.deadlines]
    written.append(atomic_write(out_dir / "deadlines.ics", deadlines_to_ics(deadlines)))
    written += letters
    # the packet in English (the letters to send); a Spanish reader also gets one to read
    written.append(atomic_write(out_dir / "packet.pdf", render_packet(result, lang="en")))
    if result.case.patient.language == "es":
        written.append(atomic_write(out_dir / "packet.es.pdf", render_packet(result, lang="es")))
        written.append(atomic_write(out_dir / "report.es.html", render_html(result, lang="es")))
    return written
