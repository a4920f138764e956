"""The guided intake: who you are, your household, your insurance, your bill. Each step is saved
to the case store as soon as it is sent, so a patient can stop and come back."""

from __future__ import annotations

import csv
import io
import tempfile
from decimal import Decimal
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...errors import BadInput
from ...store import cases as store
from ...store import models as m
from .. import casework
from ..forms import BillForm, HouseholdForm, InsuranceForm, YouForm, tri, tri_value
from ..permissions import CREATE_CASE, case_view, role_of
from ..uploads import UploadRefused, accept

STEPS = [("you", gettext_lazy("You")), ("household", gettext_lazy("Household")),
         ("insurance", gettext_lazy("Insurance")), ("bill", gettext_lazy("Your bill"))]
STEP_NAMES = [s for s, _label in STEPS]


def _next(step: str) -> str | None:
    i = STEP_NAMES.index(step)
    return STEP_NAMES[i + 1] if i + 1 < len(STEP_NAMES) else None


def _page(request, case_row, step, form, intro):
    done = {s for s in STEP_NAMES if case_row is not None and _step_done(case_row, s)}
    return render(request, "web/intake.html", {
        "case": case_row, "step": step, "steps": STEPS, "done": done, "form": form, "intro": intro,
        "accounts": list(case_row.accounts.order_by("position")) if case_row else [],
        "patient_state": getattr(casework.patient_of(case_row), "state", None) if case_row else None,
    })


def _step_done(case_row, step) -> bool:
    if step == "you":
        p = casework.patient_of(case_row)
        return bool(p and p.state)
    if step == "household":
        return m.Household.objects.filter(case=case_row).exists()
    if step == "insurance":
        return case_row.insurance is not None
    return case_row.accounts.exists()


def _save_you(case_row, data) -> None:
    person = casework.patient_of(case_row) or m.Person(case=case_row, role="patient")
    for f in ("name", "address", "phone", "email", "state", "language"):
        setattr(person, f, data.get(f) or (None if f not in ("state", "language") else data.get(f)))
    person.veteran = bool(data.get("veteran"))
    person.save()
    first = case_row.accounts.order_by("position").first()
    case_row.title = f"{data.get('name') or _('patient')} - {first.provider_name if first else _('new case')}"[:200]
    case_row.save(update_fields=["title", "updated_at"])


@login_required
def start(request):
    """Step 1 for a new case: who you are. Creates the case, yours (or assigned to you)."""
    if role_of(request.user) not in CREATE_CASE:
        raise PermissionDenied
    form = YouForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            case_row = m.Case.objects.create(created_by=request.user)
            case_row.assigned_to.add(request.user)
            _save_you(case_row, form.cleaned_data)
        messages.success(request, _("Saved. Next: your household."))
        return redirect("web:intake", case_id=case_row.pk, step="household")
    return _page(request, None, "you", form, _("Tell us who you are. Only your state is required."))


@case_view("edit")
def intake(request, case_row, step):
    """One step of the intake, for an existing case (GET shows it filled in, POST saves it)."""
    if step not in STEP_NAMES:
        raise Http404("no such step")
    return {"you": _you, "household": _household, "insurance": _insurance, "bill": _bill}[step](request, case_row)


def _after_save(request, case_row, step):
    casework.touch(case_row)
    nxt = _next(step)
    if nxt:
        messages.success(request, _("Saved."))
        return redirect("web:intake", case_id=case_row.pk, step=nxt)
    messages.success(request, _("Saved. Here is what we found."))
    return redirect("web:case", case_id=case_row.pk)


def _you(request, case_row):
    p = casework.patient_of(case_row)
    initial = {f: getattr(p, f) for f in ("name", "address", "phone", "email", "state", "language", "veteran")} if p else {}
    form = YouForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            _save_you(case_row, form.cleaned_data)
        return _after_save(request, case_row, "you")
    return _page(request, case_row, "you", form, _("Tell us who you are. Only your state is required."))


def _household(request, case_row):
    h = m.Household.objects.filter(case=case_row).first()
    initial = {f: getattr(h, f) for f in ("size", "annual_income", "monthly_expenses", "liquid_assets")} if h else {}
    form = HouseholdForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        h = h or m.Household(case=case_row)
        for f, v in form.cleaned_data.items():
            setattr(h, f, v)
        h.save()
        return _after_save(request, case_row, "household")
    return _page(request, case_row, "household", form,
                 _("Your household's size and income decide the financial help you qualify for."))


def _insurance(request, case_row):
    form = InsuranceForm(request.POST or None, initial=case_row.insurance or {})
    if request.method == "POST" and form.is_valid():
        case_row.insurance = {k: v for k, v in form.cleaned_data.items() if v}
        case_row.save(update_fields=["insurance", "updated_at"])
        return _after_save(request, case_row, "insurance")
    return _page(request, case_row, "insurance", form, _("Your coverage changes which protections apply."))


def _account_initial(a: m.Account) -> dict:
    provider, care, collector = a.provider or {}, a.care or {}, a.collector or {}
    return {
        "provider_name": provider.get("name"), "provider_kind": provider.get("kind", "hospital"),
        "provider_ccn": provider.get("ccn"),
        "provider_nonprofit": tri_value(provider.get("nonprofit")), "provider_address": provider.get("address"),
        "account_number": a.account_number, "balance": a.balance, "care_start": care.get("start"),
        "care_end": care.get("end"), "emergency": tri_value(care.get("emergency")),
        "first_bill_date": a.first_bill_date, "collector_name": collector.get("name"),
    }


def _new_key(case_row) -> str:
    taken = set(case_row.accounts.values_list("key", flat=True))
    n = 1
    while f"bill-{n}" in taken:
        n += 1
    return f"bill-{n}"


def _bill(request, case_row):
    key = request.GET.get("account")
    account = None
    if key and key != "new":
        account = case_row.accounts.filter(key=key).first()
    elif key is None:
        account = case_row.accounts.order_by("position").first()
    form = BillForm(request.POST or None, request.FILES or None,
                    initial=_account_initial(account) if account else {})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        upload = None
        if d.get("bill_file"):
            try:
                upload = accept(d["bill_file"])
            except UploadRefused as e:
                form.add_error("bill_file", str(e))
        if not form.errors:
            try:
                account = _save_account(request, case_row, account, d, upload)
            except BadInput as e:
                form.add_error(None, e.problem)
        if not form.errors:
            return _after_save(request, case_row, "bill")
    return _page(request, case_row, "bill", form,
                 _("Enter what the bill says. Upload it, take a photo of it, or type its lines."))


def _save_account(request, case_row, account, d, upload) -> m.Account:
    with transaction.atomic():
        if account is None:
            position = (max(case_row.accounts.values_list("position", flat=True), default=-1)) + 1
            account = m.Account(case=case_row, key=_new_key(case_row), position=position)
        provider = dict(account.provider or {})
        provider.update({"name": d["provider_name"], "kind": d["provider_kind"]})
        for k, v in (("address", d.get("provider_address")), ("nonprofit", tri(d.get("provider_nonprofit"))),
                     ("ccn", (d.get("provider_ccn") or "").strip().upper())):
            if v in (None, ""):
                provider.pop(k, None)
            else:
                provider[k] = v
        account.provider = provider
        care = dict(account.care or {})
        for k, v in (("start", d.get("care_start")), ("end", d.get("care_end")),
                     ("emergency", tri(d.get("emergency")))):
            if v is None:
                care.pop(k, None)
            else:
                care[k] = v.isoformat() if hasattr(v, "isoformat") else v
        account.care = care
        if d.get("collector_name"):
            account.collector = {**(account.collector or {}), "name": d["collector_name"]}
        else:
            account.collector = None
        account.account_number = d.get("account_number") or None
        account.balance = d.get("balance")
        account.first_bill_date = d.get("first_bill_date")
        account.save()
        if case_row.title.endswith(_("new case")) or not case_row.title:
            p = casework.patient_of(case_row)
            case_row.title = f"{(p.name if p else None) or _('patient')} - {account.provider_name}"[:200]
            case_row.save(update_fields=["title"])
        casework.canonical_check(case_row)
    with tempfile.TemporaryDirectory(prefix="billadvocate-upload-") as tmp:
        if upload is not None:
            path = Path(tmp) / f"bill-{account.key}.{upload.extension}"
            path.write_bytes(upload.data)
            store.add_document(case_row, path, role="bill", account_key=account.key, user=request.user)
        if d.get("typed_lines"):
            path = Path(tmp) / f"typed-{account.key}.csv"
            path.write_text(_lines_csv(d["typed_lines"]), encoding="utf-8")
            store.add_document(case_row, path, role="bill", account_key=account.key, user=request.user)
    return account


def _lines_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["line", "date", "code", "description", "units", "charge"])
    for i, r in enumerate(rows, start=1):
        w.writerow([i, r["date"], r["code"], r["description"], r["units"], f"{Decimal(r['charge']):.2f}"])
    return out.getvalue()
