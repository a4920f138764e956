"""The intake's detail forms: the collector and its validation notice, the credit report's
tradelines; and the plausibility every intake form shares (a year 20250, care in the future,
a first bill before the care are refused next to the field, in the patient's language).

The bounds are the case file's own (billadvocate.model.check_sane), so what the web accepts the
case file accepts too.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..model import check_sane

DATE = {"required": False, "widget": forms.DateInput(attrs={"type": "date"})}
MONEY = {"min_value": 0, "max_digits": 12, "decimal_places": 2, "required": False}


def _today() -> date:
    return timezone.localdate()  # the case's zone: permissions.case_view activates it


class Plausible:
    """Mixin for a Form: every date and number within the case file's bounds; `not_future` dates
    not after today; `not_before` pairs (later field, earlier field, message) in order, the error
    on the later field; `not_after` pairs (earlier field, later field, message), the error on the
    earlier one (the field the patient most likely got wrong)."""

    not_future: tuple[str, ...] = ()
    not_before: tuple[tuple[str, str, str], ...] = ()
    not_after: tuple[tuple[str, str, str], ...] = ()

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, (date, Decimal, int, float)) and not isinstance(value, bool):
                try:
                    check_sane(value)
                except ValueError:
                    self.add_error(name, _("Check the year: dates are between 1900 and 2100.")
                                   if isinstance(value, date) else
                                   _("Check the number: no real amount is above 100,000,000."))
        today = _today()
        for name in self.not_future:
            value = data.get(name)
            value = value.date() if isinstance(value, datetime) else value
            if isinstance(value, date) and name not in self.errors and value > today:
                self.add_error(name, _("This date is in the future: check the day, month and year."))
        for later, earlier, message in self.not_before:
            a, b = data.get(later), data.get(earlier)
            if isinstance(a, date) and isinstance(b, date) and a < b and later not in self.errors:
                self.add_error(later, message)
        for earlier, later, message in self.not_after:
            a, b = data.get(earlier), data.get(later)
            if isinstance(a, date) and isinstance(b, date) and a > b and earlier not in self.errors:
                self.add_error(earlier, message)
        return data


class Grouped:
    """Mixin for a Form with `groups` ((legend, field names), ...): the page shows each group in
    its own fieldset, so a long form reads as a few short ones."""

    groups: tuple = ()

    def field_groups(self):
        return [(legend, [self[n] for n in names if n in self.fields]) for legend, names in self.groups]


class CollectorForm(Grouped, Plausible, forms.Form):
    """Who collects the bill now, and what its first letter (the validation notice) says."""

    collector_name = forms.CharField(label=_("Name of the collection agency"), max_length=200, required=False,
                                     help_text=_("Leave everything blank if no collector is involved."))
    collector_kind = forms.ChoiceField(label=_("Who is collecting"), choices=[
        ("agency", _("A collection agency")), ("debt_buyer", _("A company that bought the debt")),
        ("attorney", _("A law firm"))], initial="agency", widget=forms.RadioSelect, required=False)
    collector_address = forms.CharField(label=_("The collector's mailing address"), max_length=500,
                                        required=False, help_text=_("As printed on its letter."))
    collector_phone = forms.CharField(label=_("The collector's phone"), max_length=50, required=False)
    collector_account_number = forms.CharField(label=_("The collector's reference or account number"),
                                               max_length=100, required=False)
    first_contact = forms.DateField(label=_("When the collector first contacted you"), **DATE)
    notice_sent = forms.DateField(label=_("Date printed on the collector's first letter"), **DATE,
                                  help_text=_("That letter is the validation notice: it says how much "
                                              "is owed and how to dispute it."))
    notice_received = forms.DateField(label=_("Day you received that letter"), **DATE)
    notice_dispute_by = forms.DateField(label=_("Dispute-by date the letter gives"), **DATE)
    notice_amount = forms.DecimalField(label=_("Amount the letter says you owe now ($)"), **MONEY)
    notice_itemization_date = forms.DateField(label=_("Itemization date in the letter"), **DATE,
                                              help_text=_("The date the letter counts the debt from."))
    notice_itemization_amount = forms.DecimalField(label=_("Amount owed on the itemization date ($)"), **MONEY)
    notice_interest = forms.DecimalField(label=_("Interest added since then ($)"), **MONEY)
    notice_fees = forms.DecimalField(label=_("Fees added since then ($)"), **MONEY)
    notice_payments = forms.DecimalField(label=_("Payments or credits since then ($)"), **MONEY)
    notice_creditor = forms.CharField(label=_("Creditor the letter names"), max_length=200, required=False)
    notice_creditor_account = forms.CharField(label=_("Account number with that creditor"), max_length=100,
                                              required=False)
    notice_not_stated = forms.MultipleChoiceField(
        label=_("What the letter does not say (tick each one missing)"), required=False,
        widget=forms.CheckboxSelectMultiple, choices=[
            # worded apart from the fields above: two controls with one name confuse a screen reader
            ("collector_name", _("Name of the collector")), ("address", _("Mailing address of the collector")),
            ("creditor", _("Who the debt is owed to now")), ("creditor_account", _("The account number with that creditor")),
            ("itemization_date", _("The itemization date")), ("itemization_amount", _("What was owed on that date")),
            ("interest", _("Interest added since then")), ("fees", _("Fees added since then")),
            ("payments", _("Payments or credits since then")), ("amount", _("The amount owed now")),
            ("dispute_by", _("The date by which you can dispute"))],
        help_text=_("A collector's first letter must state each of these; one missing is a violation."))

    not_future = ("first_contact", "notice_sent", "notice_received")
    not_before = (("notice_received", "notice_sent",
                   _("You cannot have received the letter before the date printed on it.")),)
    groups = ((_("The collector"), ("collector_name", "collector_kind", "collector_address", "collector_phone",
                                    "collector_account_number", "first_contact")),
              (_("Its first letter (validation notice)"), (
                  "notice_sent", "notice_received", "notice_dispute_by", "notice_amount",
                  "notice_itemization_date", "notice_itemization_amount", "notice_interest", "notice_fees",
                  "notice_payments", "notice_creditor", "notice_creditor_account", "notice_not_stated")))

    def clean(self):
        data = super().clean()
        filled = [k for k, v in data.items() if k not in ("collector_name", "collector_kind") and v not in (None, "", [])]
        if filled and not data.get("collector_name"):
            self.add_error("collector_name", _("Give the collector's name, or leave the whole page blank."))
        return data


NOTICE_FIELDS = {"sent": "notice_sent", "received": "notice_received", "dispute_by": "notice_dispute_by",
                 "amount": "notice_amount", "itemization_date": "notice_itemization_date",
                 "itemization_amount": "notice_itemization_amount", "interest": "notice_interest",
                 "fees": "notice_fees", "payments": "notice_payments", "creditor": "notice_creditor",
                 "creditor_account": "notice_creditor_account", "not_stated": "notice_not_stated"}
COLLECTOR_FIELDS = {"address": "collector_address", "phone": "collector_phone",
                    "account_number": "collector_account_number", "first_contact": "first_contact"}


def collector_initial(collector: dict | None) -> dict:
    c = collector or {}
    notice = c.get("validation_notice") or {}
    out = {"collector_name": c.get("name"), "collector_kind": c.get("kind", "agency")}
    out.update({form: c.get(key) for key, form in COLLECTOR_FIELDS.items()})
    out.update({form: notice.get(key) for key, form in NOTICE_FIELDS.items()})
    for name, value in out.items():  # amounts as dollars and cents (5010.00, not 5010.0)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[name] = Decimal(str(value)).quantize(Decimal("0.01"))
    return out


def collector_data(d: dict, before: dict | None) -> dict | None:
    """The account's `collector` JSON from the form; fields the form does not show are kept."""
    if not d.get("collector_name"):
        return None
    c = dict(before or {})
    c["name"], c["kind"] = d["collector_name"], d.get("collector_kind") or "agency"
    notice = dict(c.get("validation_notice") or {})
    for target, fields in ((c, COLLECTOR_FIELDS), (notice, NOTICE_FIELDS)):
        for key, form in fields.items():
            value = d.get(form)
            if value in (None, "", []):
                target.pop(key, None)
            else:
                target[key] = value.isoformat() if isinstance(value, date) else (
                    str(value) if isinstance(value, Decimal) else value)
    if notice:
        c["validation_notice"] = notice
    else:
        c.pop("validation_notice", None)
    return c


BUREAU_CHOICES = [("equifax", "Equifax"), ("experian", "Experian"), ("transunion", "TransUnion")]


class TradelineForm(Plausible, forms.Form):
    """One collection account as a credit report shows it."""

    bureau = forms.ChoiceField(label=_("Which credit report"), choices=BUREAU_CHOICES, widget=forms.RadioSelect)
    furnisher = forms.CharField(label=_("Who reports it (the name on the report)"), max_length=200)
    account = forms.ChoiceField(label=_("Which bill it is"), required=False)
    medical = forms.BooleanField(label=_("It is a medical debt"), required=False, initial=True)
    balance = forms.DecimalField(label=_("Balance the report shows ($)"), **MONEY)
    original_amount = forms.DecimalField(label=_("Original amount ($)"), **MONEY)
    status = forms.ChoiceField(label=_("Status on the report"), choices=[
        ("unpaid", _("Unpaid")), ("paid", _("Paid")), ("settled", _("Settled"))], initial="unpaid",
        widget=forms.RadioSelect)
    first_delinquency = forms.DateField(label=_("Date of first delinquency"), **DATE,
                                        help_text=_("When the bill first went unpaid, as the report says."))
    reported = forms.DateField(label=_("Date first reported"), **DATE)
    paid_on = forms.DateField(label=_("Date paid, if paid"), **DATE)
    pulled = forms.DateField(label=_("Date of the credit report"), **DATE)

    not_future = ("first_delinquency", "reported", "paid_on", "pulled")
    not_before = (("reported", "first_delinquency", _("It cannot be reported before it went unpaid.")),)

    def __init__(self, *args, accounts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", _("I don't know"))] + [
            (a.key, a.provider_name or a.key) for a in accounts]
