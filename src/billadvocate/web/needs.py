"""Where, in the app, a patient fills in the fact a letter lacks: the intake page and field for a
case-file path (accounts[0].collector.address -> the collector's page, its address field), and
the field's own label, in the patient's language, to say it in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .forms import BillForm, HouseholdForm, InsuranceForm, YouForm
from .intake_forms import CollectorForm, TradelineForm

# a case-file path (accounts[i] taken off) -> (intake step, form field)
FIELDS = {
    "patient.name": ("you", "name"), "patient.address": ("you", "address"),
    "patient.phone": ("you", "phone"), "patient.email": ("you", "email"), "patient.state": ("you", "state"),
    "patient.died_on": ("you", "died_on"), "contact.name": ("you", "contact_name"),
    "contact.address": ("you", "contact_address"),
    "household": ("household", "size"), "household.size": ("household", "size"),
    "household.annual_income": ("household", "annual_income"),
    "household.monthly_expenses": ("household", "monthly_expenses"),
    "household.liquid_assets": ("household", "liquid_assets"),
    "household.lump_sum_available": ("household", "lump_sum_available"),
    "insurance": ("insurance", "status"), "insurance.status": ("insurance", "status"),
    "insurance.out_of_pocket_max": ("insurance", "out_of_pocket_max"),
    "insurance.appeals_address": ("insurance", "appeals_address"),
    "account.denial_notice_date": ("bill", "denial_notice_date"),
    "account.final_denial_date": ("bill", "final_denial_date"),
    "account.provider": ("bill", "provider_name"), "account.provider.name": ("bill", "provider_name"),
    "account.provider.address": ("bill", "provider_address"),
    "account.provider.nonprofit": ("bill", "provider_nonprofit"),
    "account.provider.in_network": ("bill", "in_network"),
    "account.provider.fap": ("bill", "fap_free_at_or_below_fpl"),
    "account.provider.fap.agb_percent": ("bill", "fap_agb_percent"),
    "account.account_number": ("bill", "account_number"), "account.balance": ("bill", "balance"),
    "account.first_bill_date": ("bill", "first_bill_date"), "account.gfe_total": ("bill", "gfe_total"),
    "account.bill": ("bill", "typed_lines"), "account.care": ("bill", "care_start"),
    "account.care.start": ("bill", "care_start"), "account.care.setting": ("bill", "care_setting"),
    "account.care.emergency": ("bill", "emergency"),
    "account.care.scheduled": ("bill", "care_scheduled"), "account.care.self_pay": ("bill", "self_pay"),
    "account.gfe_given": ("bill", "gfe_given"), "account.gfe_date": ("bill", "gfe_date"),
    "account.collector": ("collector", "collector_name"), "account.collector.name": ("collector", "collector_name"),
    "account.collector.address": ("collector", "collector_address"),
    "account.collector.account_number": ("collector", "collector_account_number"),
    "account.collector.validation_notice": ("collector", "notice_sent"),
    "account.collector.validation_notice.received": ("collector", "notice_received"),
    "credit_report": ("credit", "bureau"), "credit_report.tradelines": ("credit", "bureau"),
}
# facts that are files: the documents page, where they are uploaded
DOCUMENTS = {"account.eob": _("Your insurer's explanation of benefits (EOB), uploaded as a document"),
             "account.events": _("The calls and letters, written in the log")}
FORMS = {"you": YouForm, "household": HouseholdForm, "insurance": InsuranceForm, "bill": BillForm,
         "collector": CollectorForm, "credit": TradelineForm}
_ACCOUNT = re.compile(r"^accounts\[(\d+)\]")


@dataclass
class Place:
    """The page and field to fill: `label` says it in words, `url` opens it at the field."""

    label: str
    url: str


def place_for(case_row, path: str | None) -> Place | None:
    """The intake field for a case-file path, or None when the app has no field for it."""
    if not path:
        return None
    account_key = None
    m = _ACCOUNT.match(path)
    if m:
        accounts = list(case_row.accounts.order_by("position").values_list("key", flat=True))
        i = int(m.group(1))
        account_key = accounts[i] if i < len(accounts) else None
        path = "account" + path[m.end():]
    path = re.sub(r"\[\d+\]", "", path)
    if path in DOCUMENTS:
        page = "web:log" if path == "account.events" else "web:documents"
        return Place(label=str(DOCUMENTS[path]), url=reverse(page, kwargs={"case_id": case_row.pk}))
    while path and path not in FIELDS:  # the nearest field above it (a.b.c -> a.b)
        path = path.rpartition(".")[0]
    if not path:
        return None
    step, field = FIELDS[path]
    label = str(FORMS[step].base_fields[field].label)
    url = reverse("web:intake", kwargs={"case_id": case_row.pk, "step": step})
    if account_key and step in ("bill", "collector"):
        url += f"?account={account_key}"
    return Place(label=label, url=f"{url}#id_{field}")
