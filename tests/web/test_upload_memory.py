"""A photo upload never costs the server more than 1 GB: its pixel count is checked from the header
(a decoding bomb is refused before it is decoded) and it is scaled down before OCR. The peak is
measured in a fresh process doing exactly what an upload does (accept, then keep with the case,
which reads the bill by OCR)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import EXAMPLES, ROOT

GB_KB = 1024 * 1024  # VmHWM is in kilobytes

CHILD = textwrap.dedent("""
    import json, resource, sys
    from pathlib import Path

    def peak_kb():
        # this process's own peak: VmHWM of its memory map. ru_maxrss would also count the parent's peak
        # (Linux keeps it across fork and exec), and the test runner's process grows over a whole suite.
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    from billadvocate import djangoapp
    djangoapp.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from billadvocate.store import cases
    from billadvocate.web.uploads import UploadRefused, accept
    photo = Path(sys.argv[1])
    row = cases.import_case(sys.argv[2])
    before = peak_kb()
    try:
        accepted = accept(SimpleUploadedFile(photo.name, photo.read_bytes()))
    except UploadRefused as e:
        print(json.dumps({"refused": str(e), "peak_kb": peak_kb()}))
        sys.exit(0)
    kept = Path(sys.argv[3]) / ("bill." + accepted.extension)
    kept.write_bytes(accepted.data)
    doc = cases.add_document(row, kept, role="bill")
    print(json.dumps({"read": doc.read, "before_kb": before,
                      "peak_kb": peak_kb()}))
""")


def _upload_in_a_fresh_process(tmp_path, photo):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BILLADVOCATE_HOME": str(home)}
    p = subprocess.run([sys.executable, "-c", CHILD, str(photo), str(EXAMPLES / "er-visit-nonprofit"),
                        str(tmp_path)], capture_output=True, text=True, env=env, timeout=900)
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout.strip().splitlines()[-1])


def _photo(path, size, fmt):
    """A bill 'photographed' at SIZE: its lines drawn large, the rest white."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=size[0] // 40)
    lines = ["ITEMIZED STATEMENT", "03/02/2025 99284 ER VISIT LEVEL 4 954.00",
             "03/02/2025 85025 CBC WITH DIFF 45.00", "TOTAL CHARGES 999.00"]
    for i, text in enumerate(lines):
        draw.text((size[0] // 20, size[1] // 10 + i * size[0] // 25), text, fill="black", font=font)
    img.save(path, fmt, **({"quality": 85} if fmt == "JPEG" else {"compress_level": 1}))
    del img, draw
    return path


@pytest.mark.parametrize("name,size,fmt", [("large.jpg", (8000, 8000), "JPEG"), ("large.png", (8000, 7900), "PNG")])
def test_the_largest_accepted_photo_is_read_under_1_gb(tmp_path, name, size, fmt):
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")
    photo = _photo(tmp_path / name, size, fmt)
    assert photo.stat().st_size < 10 * 1024 * 1024  # within the upload limit
    out = _upload_in_a_fresh_process(tmp_path, photo)
    print(name, "peak MB", out["peak_kb"] // 1024, "before upload MB", out["before_kb"] // 1024)
    assert "refused" not in out and out["read"] is not None  # accepted and read (or its problem kept)
    assert out["peak_kb"] < GB_KB


def test_a_decoding_bomb_is_refused_from_its_header(tmp_path):
    """A 1-bit PNG a few kilobytes long claiming 400 million pixels: refused before decoding."""
    from PIL import Image

    bomb = tmp_path / "bomb.png"
    Image.new("1", (20_000, 20_000)).save(bomb, optimize=True)
    assert bomb.stat().st_size < 1024 * 1024
    out = _upload_in_a_fresh_process(tmp_path, bomb)
    assert "pixels" in out["refused"]
    assert out["peak_kb"] < GB_KB


def test_a_photo_just_over_the_pixel_limit_is_refused_saying_so(web):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from billadvocate.web.uploads import UploadRefused, accept

    buf = io.BytesIO()
    Image.new("1", (8001, 8000)).save(buf, "PNG")
    with pytest.raises(UploadRefused, match="8,001 x 8,000 pixels"):
        accept(SimpleUploadedFile("p.png", buf.getvalue()))


def test_a_scanned_pdf_with_a_200_inch_page_is_read_under_1_gb(tmp_path):
    """A PDF is small on disk whatever its page size: rendered as it claims (14,400 pt at 1.5 and
    4.5 times) it would need gigabytes; pages are rendered to at most 1,600 pixels."""
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")
    from fpdf import FPDF

    scan = _photo(tmp_path / "scan.png", (1000, 1000), "PNG")
    pdf = FPDF(unit="pt", format=(14_400, 14_400))
    pdf.add_page()
    pdf.image(str(scan), x=0, y=0, w=14_400, h=14_400)  # a scan: an image, no text layer
    out_pdf = tmp_path / "huge.pdf"
    pdf.output(str(out_pdf))
    assert out_pdf.stat().st_size < 10 * 1024 * 1024
    out = _upload_in_a_fresh_process(tmp_path, out_pdf)
    print("huge pdf peak MB", out["peak_kb"] // 1024)
    assert "refused" not in out and out["read"] is not None
    assert out["peak_kb"] < GB_KB
