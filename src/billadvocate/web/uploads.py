"""What may be uploaded (bills, EOBs, notices), and how it is served back: never as a web page.

A file is accepted by what its bytes are, not by its name or the browser's claim: PDF, PNG,
JPEG, WebP, HEIC photos, XLSX, and plain-text CSV / X12 / JSON. Anything that looks like HTML,
SVG, XML or a script is refused. Served back, a document is always an attachment with a fixed,
non-HTML content type, nosniff, and a sandboxing CSP.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse

MAX_UPLOAD_BYTES_DEFAULT = 10 * 1024 * 1024

# kind -> (content type served back, extension kept)
KINDS = {
    "pdf": ("application/pdf", "pdf"),
    "png": ("image/png", "png"),
    "jpeg": ("image/jpeg", "jpg"),
    "webp": ("image/webp", "webp"),
    "heic": ("image/heic", "heic"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "x12": ("application/octet-stream", "edi"),
    "json": ("application/json", "json"),
}
_MARKUP = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe", b"<head")


class UploadRefused(ValueError):
    """An upload that is too large or not one of the accepted kinds (message is for the user)."""


@dataclass
class Accepted:
    kind: str
    content_type: str
    extension: str
    data: bytes


def max_upload_bytes() -> int:
    return getattr(settings, "BILLADVOCATE_MAX_UPLOAD_BYTES", MAX_UPLOAD_BYTES_DEFAULT)


def sniff(data: bytes, name: str = "") -> str | None:
    """The kind of file these bytes are, or None when not accepted."""
    head = data[:512]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"heif"):
        return "heic"
    if head.startswith(b"PK\x03\x04") and name.lower().endswith(".xlsx"):
        return "xlsx"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    lowered = text[:4096].lstrip().lower().encode()
    if any(tag in lowered for tag in _MARKUP) or b"<" in lowered[:1]:
        return None
    stripped = text.lstrip()
    if stripped.startswith("ISA"):
        return "x12"
    if stripped.startswith("{") or stripped.startswith("["):
        return "json"
    return "csv"


def accept(upload) -> Accepted:
    """Read an uploaded file and accept it, or raise UploadRefused saying why."""
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise UploadRefused(f"the file is larger than {limit // (1024 * 1024)} MB")
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise UploadRefused(f"the file is larger than {limit // (1024 * 1024)} MB")
    if not data:
        raise UploadRefused("the file is empty")
    kind = sniff(data, getattr(upload, "name", "") or "")
    if kind is None:
        raise UploadRefused("this kind of file is not accepted: upload a PDF, a photo (JPEG, PNG, "
                            "HEIC), a spreadsheet (XLSX, CSV) or an EOB file (X12 835, JSON)")
    if kind in _IMAGES:
        _check_image(data)
    content_type, ext = KINDS[kind]
    return Accepted(kind=kind, content_type=content_type, extension=ext, data=data)


_IMAGES = {"png", "jpeg", "webp"}


def _check_image(data: bytes) -> None:
    """A photo's size from its header, before anything decodes it: a small file can claim billions
    of pixels (a decoding bomb); a readable photo is scaled down before OCR (ingest/ocr.py)."""
    import io

    from PIL import Image, UnidentifiedImageError

    from ..errors import BadInput
    from ..ingest.ocr import check_pixels

    try:
        with Image.open(io.BytesIO(data)) as img:
            check_pixels(img.size)
    except BadInput as e:
        raise UploadRefused(e.problem)
    except Image.DecompressionBombError:
        raise UploadRefused("the photo has far more pixels than any photo of a bill: take it again at a normal size")
    except (UnidentifiedImageError, OSError, ValueError):
        return  # kept as it is; reading it fails later and the problem is shown with the document


def attachment(data: bytes, *, filename: str, kind: str | None) -> HttpResponse:
    """A stored document as a download: never rendered as a page, never sniffed."""
    content_type = KINDS.get(kind or "", ("application/octet-stream", "bin"))[0]
    safe_name = "".join(c for c in filename if c.isalnum() or c in "._-")[:80] or "document"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{safe_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
