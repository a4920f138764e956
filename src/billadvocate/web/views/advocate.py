"""The advocate's workbench: every deadline across their clients, search, batch letters, export,
and giving a client a login to their own case."""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ...store import cases as store
from .. import casework
from ..forms import BatchLettersForm, ClientAccessForm, SearchForm
from ..models import CLIENT, Profile
from ..permissions import case_view, visible_cases, workbench_view
from .letters import L, batch_zip
from .log import open_deadlines
from ...store.deadlines import refresh_from_review

DASHBOARD_ROWS = 500


@workbench_view
def dashboard(request):
    """All open deadlines and reminders across the cases this user may see, soonest first."""
    today = timezone.localdate()
    rows = list(open_deadlines(visible_cases(request.user), today=today)[:DASHBOARD_ROWS])
    from ..reminders import kind_words

    for d in rows:
        d.overdue = d.date < today
        d.soon = today <= d.date <= today + timedelta(days=7)
        d.words = kind_words(d.kind)
    return render(request, "web/dashboard.html", {"rows": rows, "today": today,
                                                  "case_count": visible_cases(request.user).count()})


@require_POST
@workbench_view
def refresh_deadlines(request):
    """Run the engines on every visible case and bring their deadlines up to date."""
    problems = 0
    for case_row in visible_cases(request.user):
        result, problem = casework.try_review(case_row)
        if result is None:
            problems += 1
            continue
        refresh_from_review(case_row, result)
    messages.success(request, _("Deadlines brought up to date.") if not problems else
                     _("Deadlines brought up to date; %(n)s cases could not be reviewed yet.") % {"n": problems})
    return redirect("web:dashboard")


def search_cases(qs, q: str):
    """Cases matching a name, account number, provider, collector or case number."""
    q = q.strip()
    if not q:
        return qs
    cond = (Q(title__icontains=q) | Q(people__name__icontains=q) | Q(accounts__account_number__icontains=q)
            | Q(accounts__provider_name__icontains=q) | Q(accounts__collector_name__icontains=q))
    if q.isdigit():
        cond |= Q(pk=int(q))
    return qs.filter(cond).distinct()


@workbench_view
def cases(request):
    """The cases this user may see, searchable."""
    form = SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    rows = search_cases(visible_cases(request.user), q).order_by("-updated_at")[:200]
    return render(request, "web/cases.html", {"form": form, "rows": rows, "q": q})


@workbench_view
def batch_letters(request):
    """One letter type for many cases at once, as a zip of PDFs or DOCX files."""
    if L is None:
        raise Http404("letters are not part of this installation")
    case_rows = list(visible_cases(request.user).order_by("-updated_at")[:500])
    types = [(k.type, k.title) for k in L.all_kinds() if not k.case_level]
    form = BatchLettersForm(request.POST or None, cases=case_rows, letter_types=types)
    if request.method == "POST" and form.is_valid():
        chosen = visible_cases(request.user).filter(pk__in=[int(c) for c in form.cleaned_data["cases"]])
        data, skipped = batch_zip(chosen, form.cleaned_data["letter_type"], form.cleaned_data["format"], "en")
        response = HttpResponse(data, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="letters-{form.cleaned_data["letter_type"]}.zip"'
        return response
    return render(request, "web/form_page.html", {
        "form": form, "heading": _("Batch letters"), "submit": _("Make the letters"),
        "intro": _("The same letter for several cases at once. Cases missing a fact the letter "
                   "needs are listed in SKIPPED.txt inside the zip.")})


@workbench_view
def export(request):
    """Every visible case as a spreadsheet of cases and open deadlines (CSV, in a zip)."""
    buf = io.BytesIO()
    case_rows = visible_cases(request.user).order_by("id").prefetch_related("people", "accounts")
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["case", "title", "status", "patient", "state", "accounts", "balance", "updated"])
        for c in case_rows:
            p = next((x for x in c.people.all() if x.role == "patient"), None)
            accounts = list(c.accounts.all())
            w.writerow([c.pk, c.title, c.status, p.name if p else "", p.state if p else "",
                        "; ".join(a.provider_name for a in accounts),
                        sum((a.balance or 0) for a in accounts), c.updated_at.isoformat()])
        z.writestr("cases.csv", out.getvalue())
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["case", "title", "account", "kind", "date", "why", "source"])
        for d in open_deadlines(visible_cases(request.user)):
            w.writerow([d.case_id, d.case.title, d.account.key if d.account else "", d.kind, d.date,
                        d.why, d.source])
        z.writestr("deadlines.csv", out.getvalue())
    response = HttpResponse(buf.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="billadvocate-export.zip"'
    return response


@case_view("view")
def export_case(request, case_row):
    """This case as a case file with its documents (.zip), to keep or to move to another computer."""
    with tempfile.TemporaryDirectory(prefix="billadvocate-export-") as tmp:
        target = Path(tmp) / f"case-{case_row.pk}.zip"
        store.export_case(case_row, target)
        data = target.read_bytes()
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="case-{case_row.pk}.zip"'
    return response


@case_view("manage")
def client_access(request, case_row):
    """Give the client a login that opens this case only."""
    form = ClientAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = get_user_model().objects.create_user(username=form.cleaned_data["username"],
                                                        password=form.cleaned_data["password"])
            Profile.objects.create(user=user, role=CLIENT)
            case_row.assigned_to.add(user)
        messages.success(request, _("The client can now log in and see this case only."))
        return redirect("web:case", case_id=case_row.pk)
    return render(request, "web/form_page.html", {
        "form": form, "heading": _("A login for the client"), "submit": _("Create the login"),
        "intro": _("The client will see this case only, and can add to its log and letters."),
        "back": f"/cases/{case_row.pk}/"})
