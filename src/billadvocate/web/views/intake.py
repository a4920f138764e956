"""The guided intake: who you are, your household, your insurance, your bill, the collector, the
credit report. Each step is saved to the case store as soon as it is sent, so a patient can stop
and come back; a form sent twice (Back then Save, a double click) edits what the first send made."""

from __future__ import annotations

import csv
import io
import re
import secrets
import tempfile
from decimal import Decimal
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...errors import BadInput
from ...store import cases as store
from ...store import models as m
from .. import bill_first, casework
from ..forms import BillForm, HouseholdForm, InsuranceForm, YouForm, tri, tri_value
from ..intake_forms import BUREAU_CHOICES, CollectorForm, TradelineForm, collector_data, collector_initial
from ..models import IntakeSubmission
from ..permissions import CREATE_CASE, case_view, role_of
from ..uploads import UploadRefused, accept

STEPS = [("you", gettext_lazy("You")), ("household", gettext_lazy("Household")),
         ("insurance", gettext_lazy("Insurance")), ("bill", gettext_lazy("Your bill")),
         ("collector", gettext_lazy("Collector, if any")), ("credit", gettext_lazy("Credit report, if any"))]
STEP_NAMES = [s for s, _label in STEPS]
NEXT = {"you": "household", "household": "insurance", "insurance": "bill", "bill": "collector"}
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _next(step: str) -> str | None:
    """The step after this one; the credit report is optional and reached from the steps list."""
    return NEXT.get(step)


def _token(request) -> str | None:
    """The form's one-time token: sent back with the form, or in the page's address (?form=), so
    the browser's Back button, which fetches the page again, brings the same one."""
    token = request.POST.get("submission") or request.GET.get("form") or ""
    return token if TOKEN.match(token) else None


def _with_new_token(request):
    """The same page, with a fresh one-time token in its address."""
    query = request.GET.copy()
    query["form"] = secrets.token_urlsafe(24)
    return redirect(f"{request.path}?{query.urlencode()}")


def _page(request, case_row, step, form, intro, **more):
    done = {s for s in STEP_NAMES if case_row is not None and _step_done(case_row, s)}
    return render(request, "web/intake.html", {
        "case": case_row, "step": step, "steps": STEPS, "done": done, "form": form, "intro": intro,
        "accounts": list(case_row.accounts.order_by("position")) if case_row else [],
        "patient_state": getattr(casework.patient_of(case_row), "state", None) if case_row else None,
        "submission": _token(request) or secrets.token_urlsafe(24), **more,
    })


def _step_done(case_row, step) -> bool:
    if step == "you":
        p = casework.patient_of(case_row)
        return bool(p and p.state)
    if step == "household":
        return m.Household.objects.filter(case=case_row).exists()
    if step == "insurance":
        return case_row.insurance is not None
    if step == "collector":
        return case_row.accounts.filter(collector__isnull=False).exists()
    if step == "credit":
        return case_row.tradelines.exists()
    return case_row.accounts.exists()


def _save_you(case_row, data) -> None:
    person = casework.patient_of(case_row) or m.Person(case=case_row, role="patient")
    for f in ("name", "address", "phone", "email", "state", "language"):
        setattr(person, f, data.get(f) or (None if f not in ("state", "language") else data.get(f)))
    person.veteran = bool(data.get("veteran"))
    # the patient has died, and who deals with the bill (patient.died_on, contact: in the case file)
    extra = dict(person.extra or {})
    if "died_on" in data:  # the full form (the first step's short form leaves these as they are)
        extra.pop("died_on", None)
        if data.get("died_on"):
            extra["died_on"] = data["died_on"].isoformat()
    person.extra = extra
    person.save()
    case_extra = dict(case_row.extra or {})
    contact = dict(case_extra.pop("contact", None) or {})
    if "contact_relationship" not in data and contact:
        case_extra["contact"] = contact
    elif data.get("contact_relationship"):
        contact.update({"relationship": data["contact_relationship"],
                        "handles_estate": bool(data.get("contact_handles_estate"))})
        for key in ("name", "address"):
            contact.pop(key, None)
            if data.get(f"contact_{key}"):
                contact[key] = data[f"contact_{key}"]
        contact.pop("signed_to_pay", None)
        if tri(data.get("contact_signed_to_pay")) is not None:
            contact["signed_to_pay"] = tri(data.get("contact_signed_to_pay"))
        case_extra["contact"] = contact
    case_row.extra = case_extra
    first = case_row.accounts.order_by("position").first()
    case_row.title = f"{data.get('name') or _('patient')} - {first.provider_name if first else _('new case')}"[:200]
    case_row.save(update_fields=["title", "extra", "updated_at"])


def _you_initial(case_row, p) -> dict:
    initial = {f: getattr(p, f) for f in ("name", "address", "phone", "email", "state", "language", "veteran")} if p else {}
    if p is not None and (p.extra or {}).get("died_on"):
        initial["died_on"] = p.extra["died_on"]
    contact = (case_row.extra or {}).get("contact") or {}
    initial.update({"contact_name": contact.get("name"), "contact_address": contact.get("address"),
                    "contact_relationship": contact.get("relationship", ""),
                    "contact_handles_estate": bool(contact.get("handles_estate")),
                    "contact_signed_to_pay": tri_value(contact.get("signed_to_pay"))})
    return initial


@login_required
def start(request):
    """Step 1 for a new case: who you are. Creates the case, yours (or assigned to you)."""
    if role_of(request.user) not in CREATE_CASE:
        raise PermissionDenied
    if request.method == "GET":
        if _token(request) is None:
            return _with_new_token(request)
        earlier = _earlier_case(request, _token(request))
        if earlier is not None:  # Back to a first step already saved: that case's page, to edit it
            return redirect("web:intake", case_id=earlier.pk, step="you")
    form = bill_first.StartForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = None
        if form.cleaned_data.get("bill_file"):
            try:
                upload = accept(form.cleaned_data["bill_file"])
            except UploadRefused as e:
                form.add_error("bill_file", str(e))
        if not form.errors:
            case_row = _case_of_start(request, form.cleaned_data)
            if upload is None:
                messages.success(request, _("Saved. Next: your household."))
                return redirect("web:intake", case_id=case_row.pk, step="household")
            try:  # the bill first: what was read from it fills the bill's page, to check
                bill_first.keep(request, case_row, upload)
            except OSError:
                messages.warning(request, _("Your answers were saved, but the bill could not be kept just now: "
                                            "upload it again on this page."))
            return redirect("web:intake", case_id=case_row.pk, step="bill")
    return _page(request, None, "you", form, _("Tell us who you are. Only your state is required. You can start "
                                               "with your bill: upload it or take a photo of it."))


def _case_of_start(request, data) -> m.Case:
    """The case this first step makes, or the one an earlier send of the same form made (the
    patient went Back and saved again, or clicked twice): that one is edited, not a second made."""
    token = _token(request)
    earlier = _earlier_case(request, token)
    if earlier is None and token and IntakeSubmission.objects.filter(token=token).exists():
        token = None  # someone else's token (replayed): it gives no access, and this case gets none
    if earlier is None:
        try:
            with transaction.atomic():
                case_row = m.Case.objects.create(created_by=request.user)
                case_row.assigned_to.add(request.user)
                _save_you(case_row, data)
                if token:
                    IntakeSubmission.objects.create(token=token, case=case_row)
            return case_row
        except IntegrityError:  # the same form sent twice at once: the other send made the case
            earlier = _earlier_case(request, token)
            if earlier is None:
                raise
    with transaction.atomic():
        _save_you(earlier, data)
    return earlier


def _earlier_case(request, token) -> m.Case | None:
    if not token:
        return None
    sub = IntakeSubmission.objects.filter(token=token).select_related("case").first()
    if sub is None or not sub.case.assigned_to.filter(pk=request.user.pk).exists():
        return None
    return sub.case


@case_view("edit")
def intake(request, case_row, step):
    """One step of the intake, for an existing case (GET shows it filled in, POST saves it)."""
    if step not in STEP_NAMES:
        raise Http404("no such step")
    return {"you": _you, "household": _household, "insurance": _insurance, "bill": _bill,
            "collector": _collector, "credit": _credit}[step](request, case_row)


def _after_save(request, case_row, step, *, account=None):
    casework.touch(case_row)
    nxt = _next(step)
    if nxt:
        messages.success(request, _("Saved."))
        url = reverse("web:intake", kwargs={"case_id": case_row.pk, "step": nxt})
        return redirect(f"{url}?account={account.key}" if account is not None else url)
    messages.success(request, _("Saved. Here is what we found."))
    return redirect("web:case", case_id=case_row.pk)


def _you(request, case_row):
    p = casework.patient_of(case_row)
    form = YouForm(request.POST or None, initial=_you_initial(case_row, p))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            _save_you(case_row, form.cleaned_data)
        return _after_save(request, case_row, "you")
    return _page(request, case_row, "you", form, _("Tell us who you are. Only your state is required."))


def _household(request, case_row):
    h = m.Household.objects.filter(case=case_row).first()
    initial = {f: getattr(h, f) for f in ("size", "annual_income", "monthly_expenses", "liquid_assets",
                                          "lump_sum_available")} if h else {}
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
        case_row.insurance = {**(case_row.insurance or {}),
                              **{k: (str(v) if isinstance(v, Decimal) else v) for k, v in form.cleaned_data.items()}}
        case_row.insurance = {k: v for k, v in case_row.insurance.items() if v not in (None, "")}
        case_row.save(update_fields=["insurance", "updated_at"])
        return _after_save(request, case_row, "insurance")
    return _page(request, case_row, "insurance", form, _("Your coverage changes which protections apply."))


FAP_FIELDS = ("free_at_or_below_fpl", "discount_at_or_below_fpl", "agb_percent", "url")


def _account_initial(a: m.Account) -> dict:
    provider, care = a.provider or {}, a.care or {}
    fap = provider.get("fap") or {}
    out = {
        "provider_name": provider.get("name"), "provider_kind": provider.get("kind", "hospital"),
        "provider_ccn": provider.get("ccn"),
        "provider_nonprofit": tri_value(provider.get("nonprofit")), "provider_address": provider.get("address"),
        "account_number": a.account_number, "balance": a.balance, "care_start": care.get("start"),
        "care_end": care.get("end"), "emergency": tri_value(care.get("emergency")),
        "first_bill_date": a.first_bill_date, "gfe_total": a.gfe_total, "care_setting": care.get("setting", ""),
        "in_network": tri_value(provider.get("in_network")),
        "facility_in_network": tri_value(care.get("facility_in_network")), "ambulance": care.get("ambulance", ""),
        "fap_discount": Decimal(str(fap["discount"])) * 100 if fap.get("discount") is not None else None,
        "chose_to_pay": bool((a.extra or {}).get("patient_chose_to_pay")),
        "care_scheduled": care.get("scheduled"), "self_pay": tri_value(care.get("self_pay")),
        "gfe_given": tri_value((a.extra or {}).get("gfe_given")), "gfe_date": (a.extra or {}).get("gfe_date"),
        "denial_notice_date": (a.extra or {}).get("denial_notice_date"),
        "final_denial_date": (a.extra or {}).get("final_denial_date"),
    }
    out.update({f"fap_{k}": fap.get(k) for k in FAP_FIELDS})
    return out


def _new_key(case_row) -> str:
    taken = set(case_row.accounts.values_list("key", flat=True))
    n = 1
    while f"bill-{n}" in taken:
        n += 1
    return f"bill-{n}"


def _account_for(request, case_row) -> tuple[m.Account | None, bool]:
    """The bill this page edits (None for a new one), and whether the page is for a new bill.
    A new-bill form sent a second time edits the bill its first send made."""
    key = request.GET.get("account")
    if key == "new":
        token = _token(request)
        sub = IntakeSubmission.objects.filter(token=token, case=case_row).first() if token else None
        return (case_row.accounts.filter(key=sub.account_key).first() if sub else None), True
    if key:
        account = case_row.accounts.filter(key=key).first()
        if account is None:
            raise Http404("no such bill in this case")
        return account, False
    return case_row.accounts.order_by("position").first(), False


def _bill(request, case_row):
    if request.method == "GET" and request.GET.get("account") == "new" and _token(request) is None:
        return _with_new_token(request)
    account, new = _account_for(request, case_row)
    if request.method == "GET" and new and account is not None:  # Back to a new bill already saved
        return redirect(f"{request.path}?account={account.key}")
    first = bill_first.pending(request, case_row) if account is None else None  # the bill sent on the first page
    reading = bill_first.progress_of(request, case_row, first) if first else None  # still being read
    initial = _account_initial(account) if account else bill_first.form_initial(first) if first else {}
    found, fill = None, {}
    if account is not None and request.method == "GET":  # a file sent on this page, read in the background
        reading, found = bill_first.documents_reading(case_row, account)
        fill = {k: v for k, v in ((found or {}).get("initial") or {}).items() if initial.get(k) in (None, "")}
        initial.update(fill)
    form = BillForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        upload = read = None
        if d.get("bill_file"):
            try:
                upload = accept(d["bill_file"])
            except UploadRefused as e:
                form.add_error("bill_file", str(e))
        if not form.errors:
            try:
                if upload is not None:
                    read = bill_first.read_upload(upload)  # waits a few seconds at most, then reads on
                account = _save_account(request, case_row, account, d, upload, read=read,
                                        token=_token(request) if new else None)
                if first is not None:
                    bill_first.attach(request, case_row, first, account)
            except BadInput as e:
                form.add_error(None, e.problem)
            except IntegrityError:  # the same new-bill form sent twice at once: the other send made it
                form.add_error(None, _("This bill was just saved: open it from the list above to change it."))
            except OSError:  # the server could not write (disk full): nothing was saved, say so, no 500
                form.add_error(None, _("The server could not keep the file just now (it may be out of space): "
                                       "nothing was changed. Try again later."))
        if not form.errors and upload is not None and (read is None or read.get("problem")):
            casework.touch(case_row)  # back to this bill's page: how far the reading is, or what went wrong
            messages.success(request, _("Saved."))
            return redirect(f"{reverse('web:intake', kwargs={'case_id': case_row.pk, 'step': 'bill'})}"
                            f"?account={account.key}")
        if not form.errors:
            return _after_save(request, case_row, "bill", account=account)
    if first:
        intro = bill_first.intro(first, reading)
    elif reading or (found and (fill or found.get("problem"))):
        intro = bill_first.intro({"read": found, "saved": True}, reading)
    else:
        intro = _("Enter what the bill says. Upload it, take a photo of it, or type its lines.")
    return _page(request, case_row, "bill", form, intro, reading=reading,
                 reading_account=account.key if account is not None and reading else None)


@case_view("edit")
def bill_reading(request, case_row):
    """How far the reading of the bill sent on the first page is ({reading, done, total}), for the
    bill's page to follow it without reloading."""
    from django.http import JsonResponse

    account = case_row.accounts.filter(key=request.GET.get("account") or "").first()
    if account is not None:  # a file sent on this bill's page
        state = bill_first.documents_reading(case_row, account)[0]
    else:
        first = bill_first.pending(request, case_row)
        state = bill_first.progress_of(request, case_row, first) if first else None
    return JsonResponse({"reading": state is not None, **(state or {"done": 0, "total": 0})})


def _set(target: dict, key: str, value) -> None:
    if value in (None, ""):
        target.pop(key, None)
    else:
        target[key] = value.isoformat() if hasattr(value, "isoformat") else (
            str(value) if isinstance(value, Decimal) else value)


def _save_account(request, case_row, account, d, upload, *, read=None, token=None) -> m.Account:
    with transaction.atomic():
        if account is None:
            position = (max(case_row.accounts.values_list("position", flat=True), default=-1)) + 1
            account = m.Account(case=case_row, key=_new_key(case_row), position=position)
        provider = dict(account.provider or {})
        provider.update({"name": d["provider_name"], "kind": d["provider_kind"]})
        for k, v in (("address", d.get("provider_address")), ("nonprofit", tri(d.get("provider_nonprofit"))),
                     ("ccn", (d.get("provider_ccn") or "").strip().upper()), ("in_network", tri(d.get("in_network")))):
            _set(provider, k, v)
        fap = dict(provider.get("fap") or {})
        for k in FAP_FIELDS:
            _set(fap, k, d.get(f"fap_{k}"))
        _set(fap, "discount", d["fap_discount"] / 100 if d.get("fap_discount") is not None else None)
        _set(provider, "fap", fap or None)
        account.provider = provider
        care = dict(account.care or {})
        for k, v in (("start", d.get("care_start")), ("end", d.get("care_end")),
                     ("emergency", tri(d.get("emergency"))), ("setting", d.get("care_setting")),
                     ("facility_in_network", tri(d.get("facility_in_network"))), ("ambulance", d.get("ambulance")),
                     ("scheduled", d.get("care_scheduled")), ("self_pay", tri(d.get("self_pay")))):
            _set(care, k, v)
        account.care = care
        account.account_number = d.get("account_number") or None
        account.balance = d.get("balance")
        account.gfe_total = d.get("gfe_total")
        account.first_bill_date = d.get("first_bill_date")
        extra = dict(account.extra or {})
        _set(extra, "patient_chose_to_pay", True if d.get("chose_to_pay") else None)
        for k in ("denial_notice_date", "final_denial_date", "gfe_date"):
            _set(extra, k, d.get(k))
        _set(extra, "gfe_given", tri(d.get("gfe_given")))
        account.extra = extra
        account.save()
        if token:
            IntakeSubmission.objects.get_or_create(token=token, defaults={"case": case_row,
                                                                          "account_key": account.key})
        if case_row.title.endswith(_("new case")) or not case_row.title:
            p = casework.patient_of(case_row)
            case_row.title = f"{(p.name if p else None) or _('patient')} - {account.provider_name}"[:200]
            case_row.save(update_fields=["title"])
        if d.get("typed_lines"):  # retyped lines replace the ones typed before
            for doc in case_row.documents.filter(account=account, role="bill", path__startswith="bills/typed-"):
                doc.delete()
        casework.canonical_check(case_row)
    with tempfile.TemporaryDirectory(prefix="billadvocate-upload-") as tmp:
        if upload is not None:
            import hashlib

            same = case_row.documents.filter(account=account, role="bill",
                                             sha256=hashlib.sha256(upload.data).hexdigest()).exists()
            if not same:  # the same photo sent twice is kept once
                path = Path(tmp) / f"bill-{account.key}.{upload.extension}"
                path.write_bytes(upload.data)
                store.add_document(case_row, path, role="bill", account_key=account.key, user=request.user,
                                   read=read)  # read in the background (None: still reading)
        if d.get("typed_lines"):
            path = Path(tmp) / f"typed-{account.key}.csv"
            path.write_text(_lines_csv(d["typed_lines"]), encoding="utf-8")
            store.add_document(case_row, path, role="bill", account_key=account.key, user=request.user)
    return account


def _account_choice(request, case_row) -> m.Account | None:
    key = request.GET.get("account")
    if key:
        account = case_row.accounts.filter(key=key).first()
        if account is None:
            raise Http404("no such bill in this case")
        return account
    return case_row.accounts.order_by("position").first()


def _collector(request, case_row):
    """Who collects this bill now, and what its first letter (the validation notice) says."""
    account = _account_choice(request, case_row)
    if account is None:
        return redirect("web:intake", case_id=case_row.pk, step="bill")
    form = CollectorForm(request.POST if request.method == "POST" else None,
                         initial=collector_initial(account.collector))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                account.collector = collector_data(form.cleaned_data, account.collector)
                account.save()
                casework.canonical_check(case_row)
        except BadInput as e:
            form.add_error(None, e.problem)
        else:
            return _after_save(request, case_row, "collector", account=account)
    return _page(request, case_row, "collector", form,
                 _("If a collection agency wrote or called about this bill, copy what its letter says. "
                   "If not, leave this page blank and continue."), bill=account)


def _credit(request, case_row):
    """The collection accounts a credit report shows: add one at a time, remove a wrong one."""
    accounts = list(case_row.accounts.order_by("position"))
    if not accounts:
        return redirect("web:intake", case_id=case_row.pk, step="bill")
    remove = request.POST.get("remove") if request.method == "POST" else None
    if remove:
        with transaction.atomic():
            case_row.tradelines.filter(pk=remove if str(remove).isdigit() else -1).delete()
            casework.canonical_check(case_row)
        casework.touch(case_row)
        messages.success(request, _("Removed from the credit report."))
        return redirect("web:intake", case_id=case_row.pk, step="credit")
    pulled = (case_row.credit_report or {}).get("pulled")
    form = TradelineForm(request.POST or None, accounts=accounts, initial={"pulled": pulled})
    if request.method == "POST" and form.is_valid():
        try:
            _add_tradeline(case_row, form.cleaned_data)
        except BadInput as e:
            form.add_error(None, e.problem)
        else:
            casework.touch(case_row)
            messages.success(request, _("Added. Add the next one, or see your results."))
            return redirect("web:intake", case_id=case_row.pk, step="credit")
    return _page(request, case_row, "credit", form,
                 _("If a medical bill shows on your credit report, enter each collection account the report "
                   "lists, one at a time. Free reports: annualcreditreport.com."),
                 tradelines=_tradelines_in_words(case_row))


def _tradelines_in_words(case_row) -> list[m.Tradeline]:
    words = dict(TradelineForm.base_fields["status"].choices)
    rows = list(case_row.tradelines.order_by("position"))
    for t in rows:
        t.status_words = words.get(t.status, t.status)
        t.bureau_name = dict(BUREAU_CHOICES).get(t.bureau, t.bureau)
    return rows


TRADELINE_COLUMNS = ("bureau", "furnisher", "medical", "balance", "original_amount", "status",
                     "first_delinquency", "reported", "paid_on")


def _add_tradeline(case_row, d) -> None:
    values = {k: d.get(k) for k in TRADELINE_COLUMNS}
    values["account_key"] = d.get("account") or None
    with transaction.atomic():
        report = dict(case_row.credit_report or {})
        _set(report, "pulled", d.get("pulled"))
        case_row.credit_report = report
        case_row.save(update_fields=["credit_report", "updated_at"])
        if not case_row.tradelines.filter(**values).exists():  # the same line sent twice is kept once
            position = (max(case_row.tradelines.values_list("position", flat=True), default=-1)) + 1
            m.Tradeline.objects.create(case=case_row, position=position, **values)
        casework.canonical_check(case_row)


def _lines_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["line", "date", "code", "description", "units", "charge"])
    for i, r in enumerate(rows, start=1):
        w.writerow([i, r["date"], r["code"], r["description"], r["units"], f"{Decimal(r['charge']):.2f}"])
    return out.getvalue()
