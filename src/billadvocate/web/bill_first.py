"""Starting with the bill: the first page of a new case also takes the bill (a file or a photo).

The file's bytes are kept at once (the content store; which file it is, in the session); what
ingest.read_bill reads from it (the balance it states, the first and last dates of service, how many
lines) fills the bill step's form for the patient to confirm and complete (who sent it is not on
every bill's lines, so the patient types it). When the bill step is saved, the file becomes that
bill's document, as if uploaded there.
"""

from __future__ import annotations

import tempfile
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
            "format": bill.format}


def keep(request, case_row: m.Case, upload: Accepted) -> dict:
    """Keep the bill's bytes in the content store (settled: they are the patient's document) and, in
    the session, which file it is and what was read from it, until the bill step ties it to a bill
    (a case file holds documents only under a bill, and the new case has none yet)."""
    read = read_for_form(upload.data, upload.extension)
    stored = blobs.put_bytes(upload.data)
    blobs.settle([stored.sha256])
    first = {"sha256": stored.sha256, "extension": upload.extension, "read": read}
    request.session[SESSION] = {**(request.session.get(SESSION) or {}), str(case_row.pk): first}
    return first


def pending(request, case_row: m.Case) -> dict | None:
    """The bill sent on the first page of this case and not yet tied to a bill."""
    first = (request.session.get(SESSION) or {}).get(str(case_row.pk))
    if not first or not blobs.is_sha256(first.get("sha256")) or not blobs.path_of(first["sha256"]).is_file():
        return None
    return first


def form_initial(first: dict) -> dict:
    return dict((first.get("read") or {}).get("initial") or {})


def intro(first: dict) -> str:
    read = first.get("read") or {}
    if read.get("problem") or not read.get("lines"):
        return _("We received your bill, but its lines could not be read. Type what it says below; the bill is "
                 "added to the case when you save.")
    return _("We read your bill: %(n)s lines, %(total)s in charges. We filled in what it says: check each "
             "field, add who sent it, and save.") % {"n": read["lines"],
                                                     "total": dollars(Decimal(read["total_charges"]))}


def attach(request, case_row: m.Case, first: dict, account: m.Account) -> None:
    """The first page's bill becomes this bill's document, as if uploaded on the bill's page."""
    if not case_row.documents.filter(account=account, role="bill", sha256=first["sha256"]).exists():
        with tempfile.TemporaryDirectory(prefix="billadvocate-upload-") as tmp:
            path = Path(tmp) / f"bill-{account.key}.{first['extension']}"
            path.write_bytes(blobs.read(first["sha256"]))
            store.add_document(case_row, path, role="bill", account_key=account.key, user=request.user)
    left = dict(request.session.get(SESSION) or {})
    left.pop(str(case_row.pk), None)
    request.session[SESSION] = left
