"""Starting with the bill: the first page of a new case also takes the bill (a file or a photo).

The file's bytes are kept at once (the content store; which file it is, in the session); what
ingest.read_bill reads from it (the balance it states, the first and last dates of service, how many
lines) fills the bill step's form for the patient to confirm and complete (who sent it is not on
every bill's lines, so the patient types it). When the bill step is saved, the file becomes that
bill's document, as if uploaded there.

Reading runs in a background thread (OCR of a photo or a scan takes seconds to minutes): the start
page waits at most WAIT_SECONDS for it, then goes on; the bill's page shows how far the reading is
and fills the form once it is done. The thread touches only files, never the database; what it read
is kept in this process by the file's SHA-256, and a process that does not know the file reads it
again when its page is shown. A photo or a PDF uploaded on a saved bill's page is read the same way
(read_upload, documents_reading): the document is kept at once, its read joins it when done.
"""

from __future__ import annotations

import tempfile
import threading
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..errors import BadInput
from ..store import blobs
from ..store import cases as store
from ..store import models as m
from ..util import dollars
from .forms import YouForm
from .uploads import Accepted

SESSION = "bill_first"  # case id -> {sha256, extension, read}
WAIT_SECONDS = 3.0  # the start page waits this long for the reading before going on
_lock = threading.Lock()
_reads: dict[str, dict] = {}  # sha256 -> {done, total, read (None while reading), thread}
_one_at_a_time = threading.Semaphore(1)  # an OCR costs hundreds of MB: one read at a time per process
KEEP_READS = 64  # finished reads kept in memory; the session keeps each patient's own
ACCEPT = ".pdf,.csv,.xlsx,.png,.jpg,.jpeg,.heic,.webp,image/*"


class StartForm(YouForm):
    """Who you are, and (optionally, first on the page) the bill itself."""

    bill_file = forms.FileField(
        label=gettext_lazy("Start with your bill: upload it or take a photo of it (optional)"), required=False,
        help_text=gettext_lazy("We read what we can from it and fill in the bill's page for you to check."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))
    field_order = ["bill_file"]


def read_for_form(data: bytes, extension: str) -> dict:
    """What the bill says that the bill form asks for ({initial: {...}, lines, total_charges}), or
    {problem} when it cannot be read."""
    from ..ingest import read_bill

    with tempfile.TemporaryDirectory(prefix="billadvocate-upload-") as tmp:
        path = Path(tmp) / f"bill.{extension}"
        path.write_bytes(data)
        try:
            bill = read_bill(path)
        except BadInput as e:
            return {"problem": e.problem}
    initial: dict[str, str] = {}
    balance = bill.stated_balance
    if balance is None and bill.stated_total is not None:
        balance = bill.stated_total - (bill.payments or Decimal(0)) - (bill.adjustments or Decimal(0))
    if balance is not None and balance >= 0:
        initial["balance"] = str(balance)
    days = sorted(ln.date for ln in bill.lines if ln.date)
    if days:
        initial["care_start"], initial["care_end"] = days[0].isoformat(), days[-1].isoformat()
    return {"initial": initial, "lines": len(bill.lines), "total_charges": str(bill.total_charges),
            "format": bill.format, "document": store.bill_read_record(bill)}


def _read_in_background(sha: str, extension: str) -> None:
    from ..ingest import progress

    @contextmanager
    def factory(label: str, total: int):
        with _lock:
            _reads[sha].update(done=0, total=total)

        def advance(n: int = 1) -> None:
            with _lock:
                _reads[sha]["done"] += n
        yield advance

    token = progress._factory.set(factory)
    try:
        with _one_at_a_time:
            read = read_for_form(blobs.read(sha), extension)
    except Exception:  # noqa: BLE001 - a reader's crash must not end the thread silently with no answer
        read = {"problem": "the file could not be read"}
    finally:
        progress._factory.reset(token)
    with _lock:
        _reads[sha]["read"] = read


def start_reading(sha: str, extension: str) -> threading.Thread:
    """Read the kept file in a background thread (once per process and file)."""
    with _lock:
        state = _reads.get(sha)
        if state is None:
            done = [k for k, v in _reads.items() if v["read"] is not None]
            for k in done[:max(0, len(done) - KEEP_READS)]:  # the oldest finished first (dicts keep order)
                del _reads[k]
            thread = threading.Thread(target=_read_in_background, args=(sha, extension), daemon=True,
                                      name=f"bill-first-{sha[:8]}")
            state = _reads[sha] = {"done": 0, "total": 0, "read": None, "thread": thread}
            thread.start()
    return state["thread"]


def progress_of(request, case_row: m.Case, first: dict) -> dict | None:
    """{done, total} while the bill is being read; None once what was read is in `first` (and in the
    session)."""
    if first.get("read") is not None:
        return None
    start_reading(first["sha256"], first["extension"])
    with _lock:
        state = dict(_reads[first["sha256"]])
    if state["read"] is None:
        return {"done": state["done"], "total": state["total"]}
    first["read"] = state["read"]
    request.session[SESSION] = {**(request.session.get(SESSION) or {}), str(case_row.pk): first}
    return None


def keep(request, case_row: m.Case, upload: Accepted) -> dict:
    """Keep the bill's bytes in the content store (settled: they are the patient's document) and, in
    the session, which file it is and what was read from it, until the bill step ties it to a bill
    (a case file holds documents only under a bill, and the new case has none yet)."""
    stored = blobs.put_bytes(upload.data)
    blobs.settle([stored.sha256])
    first = {"sha256": stored.sha256, "extension": upload.extension, "read": None}
    start_reading(stored.sha256, upload.extension).join(WAIT_SECONDS)  # a quick read is done here
    request.session[SESSION] = {**(request.session.get(SESSION) or {}), str(case_row.pk): first}
    progress_of(request, case_row, first)
    return first


def read_upload(upload: Accepted) -> dict | None:
    """A bill uploaded on the bill's page: keep its bytes and read it in the background, waiting at
    most WAIT_SECONDS; what was read (as the store keeps it with the document), or None while the
    reading goes on (documents_reading keeps it with the document once done)."""
    stored = blobs.put_bytes(upload.data)
    blobs.settle([stored.sha256])
    start_reading(stored.sha256, upload.extension).join(WAIT_SECONDS)
    with _lock:
        return document_read(_reads[stored.sha256]["read"])


def documents_reading(case_row: m.Case, account: m.Account) -> tuple[dict | None, dict | None]:
    """A saved bill's documents: (how far the reading of those still unread is, or None; what the last
    one read found, {initial, lines, ...} or {problem}, or None). A read that has finished is kept with
    its document here (the reading thread never touches the database)."""
    progress, found = None, None
    for doc in case_row.documents.filter(account=account, role="bill").order_by("position", "id"):
        with _lock:
            state = dict(_reads[doc.sha256]) if doc.sha256 in _reads else None
        if doc.read is None:
            if state is None:
                start_reading(doc.sha256, doc.path.rpartition(".")[2].lower())
                with _lock:
                    state = dict(_reads[doc.sha256])
            if state["read"] is None:
                progress = {"done": state["done"], "total": state["total"]}
                continue
            doc.read = document_read(state["read"])
            doc.save(update_fields=["read"])
        if state and state["read"] is not None:
            found = state["read"]
        elif (doc.read or {}).get("problem"):
            found = {"problem": doc.read["problem"]}
    return progress, found


def pending(request, case_row: m.Case) -> dict | None:
    """The bill sent on the first page of this case and not yet tied to a bill."""
    first = (request.session.get(SESSION) or {}).get(str(case_row.pk))
    if not first or not blobs.is_sha256(first.get("sha256")) or not blobs.path_of(first["sha256"]).is_file():
        return None
    return first


def form_initial(first: dict) -> dict:
    return dict((first.get("read") or {}).get("initial") or {})


def intro(first: dict, progress: dict | None = None) -> str:
    if progress is not None:
        done = (_("%(done)s of %(total)s steps done.") % progress) if progress["total"] else ""
        return (_("We are reading your bill; a photo can take a minute. %(done)s You can fill in the form now, "
                  "or reload this page in a moment to have what we read filled in.") % {"done": done})
    read = first.get("read") or {}
    if read.get("problem") and first.get("saved"):
        return _("We could not read the bill you sent: %(problem)s. Type what it says below.") % {
            "problem": read["problem"].rstrip(".")}
    if read.get("problem") or not read.get("lines"):
        return _("We received your bill, but its lines could not be read. Type what it says below; the bill is "
                 "added to the case when you save.")
    return _("We read your bill: %(n)s lines, %(total)s in charges. We filled in what it says: check each "
             "field, add who sent it, and save.") % {"n": read["lines"],
                                                     "total": dollars(Decimal(read["total_charges"]))}


def document_read(read: dict | None) -> dict | None:
    """What the background read found, as the store keeps it with the bill's document (None while
    the reading is still going on: the review reads the file then)."""
    if read is None:
        return None
    if read.get("problem"):
        return {"problem": read["problem"]}
    return read.get("document") or {"format": read.get("format"), "lines": read.get("lines", 0),
                                     "total_charges": read.get("total_charges"), "notes": []}


def attach(request, case_row: m.Case, first: dict, account: m.Account) -> None:
    """The first page's bill becomes this bill's document, as if uploaded on the bill's page. What
    the background read found goes with it: saving never reads (or OCRs) the file again."""
    if not case_row.documents.filter(account=account, role="bill", sha256=first["sha256"]).exists():
        if first.get("read") is None:
            progress_of(request, case_row, first)  # a read finished in this process since the page was shown
        with tempfile.TemporaryDirectory(prefix="billadvocate-upload-") as tmp:
            path = Path(tmp) / f"bill-{account.key}.{first['extension']}"
            path.write_bytes(blobs.read(first["sha256"]))
            store.add_document(case_row, path, role="bill", account_key=account.key, user=request.user,
                               read=document_read(first.get("read")))
    left = dict(request.session.get(SESSION) or {})
    left.pop(str(case_row.pk), None)
    request.session[SESSION] = left
