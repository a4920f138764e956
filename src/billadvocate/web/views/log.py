"""The log (add a call in ten seconds), reminders of what is due, and the case's documents."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ... import model
from ...errors import BadInput
from ...store import blobs
from ...store import cases as store
from ...store import models as m
from .. import bill_first, casework
from ..forms import QuickLogForm, ReminderForm, SnoozeForm
from ..permissions import can, case_view
from ..reminders import kind_words, split
from ..uploads import UploadRefused, accept, attachment
from ...store.deadlines import refresh_from_review

LOG_PAGE = 200  # the newest entries shown; the rest behind "show all"

SLOW_TO_READ = {"png", "jpg", "jpeg", "heic", "webp", "pdf"}  # a photo or a PDF may need an OCR


def event_words() -> dict[str, dict[str, str]]:
    """The log's codes in the patient's language: kinds, parties, what an entry was about, letters."""
    from ..forms import APPEAL_DECISIONS, EVENT_KINDS, OUTCOME_WORDS, PARTIES, LetterSentForm, QuickLogForm

    types = {k: str(v) for k, v in QuickLogForm.base_fields["detail"].choices if k}
    types.update((k, str(v)) for k, v in APPEAL_DECISIONS)
    try:
        from ... import letters as L

        types.update({k.type: k.title for k in L.all_kinds()})
    except ImportError:  # pragma: no cover
        pass
    return {"kind": {k: str(v) for k, v in EVENT_KINDS}, "party": {k: str(v) for k, v in PARTIES},
            "type": types, "method": {k: str(v) for k, v in LetterSentForm.base_fields["method"].choices},
            "outcome": {k: str(v) for k, v in OUTCOME_WORDS.items()}}


@case_view("edit")
def log(request, case_row):
    """The log of every contact, newest first, with a one-line form to add one."""
    accounts = list(case_row.accounts.order_by("position"))
    if not accounts:
        return redirect("web:intake", case_id=case_row.pk, step="bill")
    form = QuickLogForm(request.POST or None, accounts=accounts, initial={"account": accounts[0].key})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        at = d.get("at")
        if d.get("decision"):  # an appeal's decision: dated by its letter, from the insurer (or reviewer)
            at, d["from_party"], d["detail"] = d["decided_on"], "insurer", d["decision"]
        elif at is None:
            at = store.now_in(case_row)
        elif len((request.POST.get("at") or "").strip()) == 10:  # a day without a time: a date, not midnight
            at = at.date()
        elif timezone.is_naive(at):
            at = at.replace(second=0)
        try:
            event = model.Event.model_validate({
                "at": at, "kind": d["kind"], "from": d["from_party"], "note": d.get("note") or None,
                "conversation": True if d.get("conversation") else None,
                "amount": d.get("amount"), "type": d.get("detail") or None, "to": d.get("to_party") or None,
                "consent": True if d.get("consent") else None, "outcome": d.get("outcome") or None})
            store.log_event(case_row, event, account_key=d["account"], user=request.user)
        except (BadInput, ValueError) as e:
            form.add_error(None, getattr(e, "problem", None) or _("That entry could not be saved."))
        else:
            casework.touch(case_row)
            messages.success(request, _("Added to the log."))
            return redirect("web:log", case_id=case_row.pk)
    events = m.Event.objects.filter(case=case_row).select_related("account").order_by("-at", "-id")
    show_all = request.GET.get("all") == "1"
    total = events.count()
    shown = list(events if show_all else events[:LOG_PAGE])
    words = event_words()
    for e in shown:  # said in words, not the case file's codes
        e.kind_words = words["kind"].get(e.kind, e.kind)
        e.from_words = words["party"].get(e.from_party, e.from_party)
        e.type_words = words["type"].get(e.type or "", e.type)
        if (e.extra or {}).get("outcome"):  # an appeal's decision: what it decided
            e.type_words = f'{e.type_words}: {words["outcome"].get(e.extra["outcome"], e.extra["outcome"])}'
        e.when = e.at_text[:16].replace("T", " ")  # the day and the clock time where it happened
    return render(request, "web/log.html", {
        "case": case_row, "form": form, "events": shown,
        "total": total, "truncated": not show_all and total > LOG_PAGE,
        "can_manage": can(request.user, "manage", case_row)})


def open_deadlines(cases_qs, *, today: date | None = None):
    """Deadlines and reminders not done and not snoozed past today, soonest first; a legal date
    that has passed is history, not a to-do (a reminder someone set stays until marked done)."""
    today = today or timezone.localdate()
    from django.db.models import Q

    return (m.Deadline.objects.filter(case__in=cases_qs, done_at__isnull=True)
            .filter(Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=today))
            .exclude(source=m.Deadline.ENGINE, date__lt=today)
            .select_related("case", "account").order_by("date", "id"))


@case_view("view")
def calendar(request, case_row):
    """The case's dates still ahead as a calendar file (.ics) for a phone or computer calendar."""
    from django.http import HttpResponse

    from ...ics import deadlines_to_ics

    result, _problem = casework.try_review(case_row)
    if result is not None:
        refresh_from_review(case_row, result)
    rows = open_deadlines(m.Case.objects.filter(pk=case_row.pk))
    items = [{"kind": d.kind, "date": d.date, "why": d.why, "citations": d.citations, "unconfirmed": d.unconfirmed,
              "account": d.account.key if d.account else None,
              "summary": kind_words(d.kind) + (f" ({d.account.provider_name})" if d.account else ""),
              "uid": f"deadline-{d.pk}-case-{case_row.pk}@billadvocate"} for d in rows]
    data = deadlines_to_ics(items, calendar_name=f"billadvocate: {case_row.title or case_row.pk}")
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="billadvocate-case-{case_row.pk}.ics"'
    return response


@case_view("edit")
def reminders(request, case_row):
    """What is due for this case: the engines' deadlines and the reminders people set."""
    result, _problem = casework.try_review(case_row)
    if result is not None:
        refresh_from_review(case_row, result)
    form = ReminderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        m.Deadline.objects.create(case=case_row, kind=d["kind"], date=d["date"], why=d.get("note") or "",
                                  source=m.Deadline.REMINDER)
        casework.touch(case_row)
        messages.success(request, _("Reminder added."))
        return redirect("web:reminders", case_id=case_row.pk)
    today = timezone.localdate()
    items = list(m.Deadline.objects.filter(case=case_row).select_related("account").order_by("date", "id"))
    todo, history = split(items, today)
    return render(request, "web/reminders.html", {
        "case": case_row, "form": form, "items": todo, "history": history, "today": today,
        "soon": today + timedelta(days=7),
        "snooze_form": SnoozeForm(initial={"until": today + timedelta(days=7)}),
        "can_manage": can(request.user, "manage", case_row)})


@require_POST
@case_view("edit")
def reminder_done(request, case_row, deadline_id):
    d = get_object_or_404(m.Deadline, pk=deadline_id, case=case_row)
    d.done_at = None if d.done_at else timezone.now()
    d.save(update_fields=["done_at", "updated_at"])
    messages.success(request, _("Marked done.") if d.done_at else _("Marked not done."))
    return redirect("web:reminders", case_id=case_row.pk)


@require_POST
@case_view("edit")
def reminder_snooze(request, case_row, deadline_id):
    d = get_object_or_404(m.Deadline, pk=deadline_id, case=case_row)
    form = SnoozeForm(request.POST)
    if form.is_valid():
        d.snoozed_until = form.cleaned_data["until"]
        d.save(update_fields=["snoozed_until", "updated_at"])
        messages.success(request, _("Snoozed."))
    else:
        messages.error(request, _("Give a date to snooze until."))
    return redirect("web:reminders", case_id=case_row.pk)


@case_view("edit")
def documents(request, case_row):
    """The case's documents: list, upload (a notice, an EOB, a photo), download."""
    accounts = list(case_row.accounts.order_by("position"))
    if request.method == "POST":
        role = request.POST.get("role", "other")
        key = request.POST.get("account") or None
        upload = request.FILES.get("file")
        if role not in m.Document.ROLES or (key and key not in {a.key for a in accounts}):
            messages.error(request, _("Choose what the document is and which bill it belongs to."))
        elif role in ("bill", "eob") and not key:
            messages.error(request, _("A bill or an EOB belongs to one bill of the case: choose it."))
        elif upload is None:
            messages.error(request, _("Choose a file to upload."))
        else:
            try:
                accepted = accept(upload)
                more = {}
                if role == "bill":  # read in the background, as on the bill's page (waits a few seconds at most)
                    more["read"] = bill_first.read_upload(accepted)
                elif role == "eob" and accepted.extension in SLOW_TO_READ:
                    more["read"] = None  # kept unread: the review reads it in the background (an OCR takes seconds)
                with tempfile.TemporaryDirectory(prefix="billadvocate-upload-") as tmp:
                    path = Path(tmp) / f"{role}.{accepted.extension}"
                    path.write_bytes(accepted.data)
                    store.add_document(case_row, path, role=role, account_key=key, user=request.user,
                                       note=(request.POST.get("note") or None), **more)
            except UploadRefused as e:
                messages.error(request, str(e))
            except BadInput as e:
                messages.error(request, e.problem)
            except OSError:  # the server could not write (disk full): nothing was kept, say so, no 500
                messages.error(request, _("The server could not keep the file just now (it may be out of space): "
                                          "nothing was changed. Try again later."))
            else:
                casework.touch(case_row)
                messages.success(request, _("Document kept with the case."))
                if "read" in more and (more["read"] is None or more["read"].get("problem")):
                    # the bill's page shows how far the reading is, or what went wrong
                    return redirect(f"{reverse('web:intake', kwargs={'case_id': case_row.pk, 'step': 'bill'})}"
                                    f"?account={key}")
                return redirect("web:documents", case_id=case_row.pk)
    return render(request, "web/documents.html", {
        "case": case_row, "documents": case_row.documents.select_related("account").order_by("position", "id"),
        "accounts": accounts, "roles": m.Document.ROLES, "can_manage": can(request.user, "manage", case_row)})


@case_view("view")
def document_download(request, case_row, document_id):
    """One document of this case, as a download (never displayed as a page)."""
    doc = get_object_or_404(m.Document, pk=document_id, case=case_row)
    try:
        data = blobs.read(doc.sha256)
    except OSError:
        raise Http404("document file missing")
    from ..uploads import sniff

    return attachment(data, filename=Path(doc.path).name, kind=sniff(data, doc.path))


@require_POST
@case_view("edit")
def document_remove(request, case_row, document_id):
    """Take a document out of the case (a wrong upload, a bill tagged as the wrong thing).

    The row goes; the bytes stay in the content store and the audit trail keeps who removed what
    and its SHA-256, so nothing is lost for good and the rest of the case reviews as before."""
    from django.db import transaction

    doc = get_object_or_404(m.Document, pk=document_id, case=case_row)
    with transaction.atomic():
        doc.delete()
        casework.canonical_check(case_row)  # the case must still be a valid case file
    casework.touch(case_row)
    messages.success(request, _("Document removed from the case: %(name)s") % {"name": Path(doc.path).name})
    return redirect("web:documents", case_id=case_row.pk)
