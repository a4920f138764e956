"""Every input the project reads by OCR, and what was parsed from each: the check that a change to the
OCR engine (model, sizes, threads, batches) reads the same bills. tests/fixtures/ingest/ocr_parsed.json
holds what the engine read before; test_ocr_same_reading.py fails when any of it changes.

    PYTHONPATH=src:. python -m tests.ingest.ocr_corpus --write   # after a change that reads better
    PYTHONPATH=src:. python -m tests.ingest.ocr_corpus           # the differences, input by input
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from billadvocate.ingest import read_bill, read_eob
from tests.ingest.samples import bill_image

ROOT = Path(__file__).resolve().parents[2]
PARSED = ROOT / "tests" / "fixtures" / "ingest" / "ocr_parsed.json"
SENTARA = ROOT.parent / "shared" / "data" / "sample_bills" / "Sample-Itemized-Billing-Statement-Sentara.pdf"

# the lines the tests photograph (test_ocr.py, test_eob_photo.py, benchmarks/ingest.py)
TABLE = ["Date        Code    Description         Amount",
         "03/02/2025  85025   CBC WITH DIFF        45.00",
         "03/02/2025  80053   METABOLIC PANEL     310.00",
         "TOTAL CHARGES                           355.00"]


def sentara_page(index: int):
    """Page `index` (0-based) of the Sentara scan as the reader renders it (a numpy image); the test is
    skipped where the shared sample is absent."""
    import pypdfium2
    import pytest

    from billadvocate.ingest import ocr

    if not SENTARA.is_file():
        pytest.skip(f"{SENTARA} is absent")
    doc = pypdfium2.PdfDocument(str(SENTARA))
    try:
        page = doc[index]
        return page.render(scale=ocr._page_scale(page, ocr.PDF_SCALE, ocr.PAGE_SIDE)).to_numpy()
    finally:
        doc.close()


def _qty_rows(n: int, total: str) -> list[str]:
    rows = ["Date        Code    Description                  Qty     Amount"]
    rows += [f"03/{1 + i:02d}/2025  {85000 + i}   LAB TEST NUMBER {i:<12}  1   {40 + i * 3}.00" for i in range(n)]
    return [*rows, f"TOTAL CHARGES                                         {total}"]


def _eob_statement() -> list[str]:
    from tests.audit.test_consumer_eob import STATEMENT

    return STATEMENT


def _eob_other() -> list[str]:
    from tests.audit.test_consumer_eob import OTHER

    return OTHER


def _photo(name: str, lines: Callable[[], list[str]], size: tuple[int, int], degrade: bool = False) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = bill_image(folder / name, lines(), size=size)
        if degrade:  # a phone photo: smaller, slightly turned, JPEG-compressed
            from PIL import Image

            with Image.open(path) as img:
                img = img.resize((size[0] * 2 // 3, size[1] * 2 // 3), Image.BILINEAR)
                img = img.rotate(0.6, resample=Image.BICUBIC, expand=True, fillcolor="white")
                img.save(path, quality=55)
        return path
    return make


# name -> (how to make the file in a folder, reader)
CORPUS: dict[str, tuple[Callable[[Path], Path], Callable]] = {
    "sentara-bill": (lambda folder: SENTARA, read_bill),
    "sentara-eob": (lambda folder: SENTARA, read_eob),
    "photo-table": (_photo("photo.png", lambda: TABLE, (1000, 600)), read_bill),
    "photo-qty-8": (_photo("qty.png", lambda: _qty_rows(8, "404.00"), (1275, 600)), read_bill),
    "page-24": (_photo("page.png", lambda: _qty_rows(24, "1,788.00"), (1275, 1650)), read_bill),
    "page-24-phone": (_photo("phone.jpg", lambda: _qty_rows(24, "1,788.00"), (1275, 1650), degrade=True), read_bill),
    "photo-eob": (_photo("eob.jpg", _eob_statement, (1800, 480)), read_eob),
    "photo-eob-other": (_photo("eob2.png", _eob_other, (1600, 260)), read_eob),
}


def parsed(doc) -> dict:
    """What was read, without the notes and the OCR confidence (they name the engine's own scores)."""
    return doc.model_dump(mode="json", exclude={"source", "notes", "ocr_confidence"})


def read_all(names: list[str] | None = None) -> dict[str, dict]:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (make, reader) in CORPUS.items():
            if names and name not in names:
                continue
            path = make(Path(tmp))
            if not path.is_file():
                continue
            out[name] = parsed(reader(path))
    return out


def differences(before, after, where: str = "") -> list[str]:
    """Each value that differs, named by its place ('sentara-bill.lines[3].charge: 2203.0 -> 2208.0')."""
    if isinstance(before, dict) and isinstance(after, dict):
        return [d for k in sorted(set(before) | set(after))
                for d in differences(before.get(k), after.get(k), f"{where}.{k}" if where else k)]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [d for i, (b, a) in enumerate(zip(before, after)) for d in differences(b, a, f"{where}[{i}]")]
    return [] if before == after else [f"{where}: {before!r} -> {after!r}"]


def main(argv: list[str]) -> int:
    now = read_all()
    if "--write" in argv:
        PARSED.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
        print(f"wrote {PARSED} ({len(now)} inputs)")
        return 0
    before = json.loads(PARSED.read_text())
    found = [d for name in now for d in differences(before.get(name), now[name], name)]
    print("\n".join(found) or f"the same {len(now)} inputs read the same")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
