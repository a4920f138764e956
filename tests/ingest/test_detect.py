"""Format detection from the content, not the name; --format forces a reader."""

from __future__ import annotations

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import detect_format, read_bill, read_document, read_eob
from tests.conftest import EXAMPLES, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


@pytest.mark.parametrize("source,fmt", [
    ("managed-care.835", "x12-835"), ("demo.example1.837", "x12-837"), ("institutional-claim.837i", "x12-837"),
    ("eob_read_carrier_v2.json", "fhir"), ("eob-export.csv", "csv-eob"), ("duplicate-billing.pdf", "pdf"),
])
def test_the_content_decides_even_under_a_misleading_name(tmp_path, source, fmt):
    path = tmp_path / "download.txt"
    path.write_bytes((FIXTURES / source).read_bytes())
    assert detect_format(path) == fmt


def test_a_bill_csv_stays_a_bill():
    assert detect_format(EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv") == "csv"


def test_images_are_detected_by_their_magic_bytes(tmp_path):
    from tests.ingest.samples import bill_image

    path = bill_image(tmp_path / "scan.png", [])
    renamed = path.rename(tmp_path / "scan.dat")
    assert detect_format(renamed) == "image"


def test_format_forces_the_reader(tmp_path):
    path = tmp_path / "x.835"
    path.write_text("date,code,charge\n2025-01-02,99213,100\n")
    assert read_bill(path, format="csv").total_charges == 100
    with pytest.raises(BadInput, match="ISA"):
        read_eob(path, format="x12-835")


def test_an_unknown_forced_format_is_refused():
    with pytest.raises(BadInput, match="unknown format"):
        read_document(FIXTURES / "managed-care.835", format="docx")


@pytest.mark.parametrize("content,words", [
    (b"", "empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Excel"),
    (b"PK\x03\x04zip", "ZIP archive"),
    (b"\x00\x01\x02binary", "cannot read"),
])
def test_unreadable_files_are_one_line(tmp_path, content, words):
    path = tmp_path / "doc.bin"
    path.write_bytes(content)
    with pytest.raises(BadInput, match=words):
        read_document(path)


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(BadInput, match="folder"):
        read_document(tmp_path)
