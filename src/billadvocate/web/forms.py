"""The web app's forms: the intake steps, the log, letters, reminders, the workbench.

Labels and help are written for a patient, in English and Spanish (gettext_lazy).
"""

from __future__ import annotations

from datetime import date as _date
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..model import check_sane
from ..states import NAMES
from .intake_forms import Grouped, Plausible

STATE_CHOICES = [("", _("Choose your state"))] + sorted(((k, v) for k, v in NAMES.items()), key=lambda kv: kv[1])
YES_NO_UNKNOWN = [("", _("I don't know")), ("yes", _("Yes")), ("no", _("No"))]


def tri(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def tri_value(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "")


class YouForm(forms.Form):
    name = forms.CharField(label=_("Your full name"), max_length=200, required=False,
                           help_text=_("As it appears on the bill. Letters are signed with it."))
    address = forms.CharField(label=_("Your mailing address"), max_length=500, required=False,
                              help_text=_("Street, city, state and ZIP: letters need it."))
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    state = forms.ChoiceField(label=_("State you live in"), choices=STATE_CHOICES,
                              help_text=_("Your rights and the help you can get depend on it."))
    language = forms.ChoiceField(label=_("Language for your letters"),
                                 choices=[("en", "English"), ("es", "Español")], initial="en")
    veteran = forms.BooleanField(label=_("I am a veteran"), required=False)
    # the patient has died, or someone else deals with the bill (rights/family_liability.py)
    died_on = forms.DateField(label=_("If the patient has died: the day they died"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}),
                              help_text=_("Their bills are then debts of their estate. Below, say who is dealing "
                                          "with the bill."))
    contact_name = forms.CharField(label=_("Name of the person dealing with the bill, if not the patient"),
                                   max_length=200, required=False,
                                   help_text=_("A spouse, a child, a parent or the executor: they sign the notice "
                                               "that the patient has died."))
    contact_address = forms.CharField(label=_("Their mailing address"), max_length=500, required=False)
    contact_relationship = forms.ChoiceField(label=_("Who they are to the patient"), required=False, choices=[
        ("", _("The patient deals with it")), ("spouse", _("Spouse")), ("parent", _("Parent")),
        ("child", _("Child")), ("other_relative", _("Another relative")), ("friend", _("Friend")),
        ("other", _("Someone else"))])
    contact_handles_estate = forms.BooleanField(
        label=_("They are the executor, administrator or personal representative of the estate"), required=False)
    contact_signed_to_pay = forms.ChoiceField(
        label=_("Did they sign anything promising to pay this bill, such as an admission form as responsible party?"),
        required=False, choices=[("", _("Not sure")), ("yes", _("Yes")), ("no", _("No"))])

    def clean(self):
        data = super().clean()
        if (data.get("contact_name") or data.get("contact_address")) and not data.get("contact_relationship"):
            self.add_error("contact_relationship", _("Say who the person dealing with the bill is to the patient."))
        return data


class HouseholdForm(Plausible, forms.Form):
    size = forms.IntegerField(label=_("People in your household"), min_value=1, max_value=50, initial=1,
                              help_text=_("You, your spouse or partner, and anyone you claim as a dependent."))
    annual_income = forms.DecimalField(label=_("Household income per year, before taxes ($)"),
                                       min_value=0, max_digits=12, decimal_places=2, required=False)
    monthly_expenses = forms.DecimalField(label=_("Essential costs per month ($)"), min_value=0,
                                          max_digits=12, decimal_places=2, required=False,
                                          help_text=_("Rent, food, utilities, transport, child care."))
    liquid_assets = forms.DecimalField(label=_("Savings you could use ($)"), min_value=0, max_digits=12,
                                       decimal_places=2, required=False)
    lump_sum_available = forms.DecimalField(
        label=_("One payment you could make now to settle ($)"), min_value=0, max_digits=12, decimal_places=2,
        required=False, help_text=_("Only if you want to offer a lump sum. Blank: your savings above."))


class InsuranceForm(Plausible, forms.Form):
    status = forms.ChoiceField(label=_("Your health coverage when you got care"), choices=[
        ("insured", _("Insurance through work or the marketplace")),
        ("uninsured", _("No insurance")),
        ("medicare", _("Medicare")),
        ("medicaid", _("Medicaid")),
        ("qmb", _("Medicare with QMB (Qualified Medicare Beneficiary)")),
    ], widget=forms.RadioSelect)
    plan = forms.CharField(label=_("Plan name"), max_length=200, required=False)
    member_id = forms.CharField(label=_("Member ID"), max_length=100, required=False)
    in_network_deductible = forms.DecimalField(label=_("Your plan's in-network deductible ($)"), min_value=0,
                                               max_digits=12, decimal_places=2, required=False)
    out_of_pocket_max = forms.DecimalField(
        label=_("Your plan's in-network out-of-pocket maximum ($)"), min_value=0, max_digits=12,
        decimal_places=2, required=False, help_text=_("For the year of the care: the most you pay in a year."))
    appeals_address = forms.CharField(label=_("Where your plan takes appeals (mailing address)"), max_length=500,
                                      required=False, help_text=_("Printed on the plan's denial letter."))


def _plausible_line(day: str, units: Decimal, charge: Decimal) -> bool:
    """A typed line's date (when written YYYY-MM-DD) not in the future, its numbers real."""
    try:
        check_sane(units), check_sane(charge)
        if not units.is_finite() or not charge.is_finite():
            return False
        when = _date.fromisoformat(day.strip()) if len(day.strip()) == 10 and day.strip()[4] == "-" else None
    except ValueError:
        return False
    if when is not None:
        try:
            check_sane(when)
        except ValueError:
            return False
        return when <= timezone.localdate()
    return True


class BillForm(Grouped, Plausible, forms.Form):
    provider_name = forms.CharField(label=_("Who sent the bill (hospital, doctor, lab)"), max_length=200)
    provider_ccn = forms.RegexField(
        label=_("Hospital's CMS number (CCN), if you know it"), regex=r"^\s*[0-9A-Za-z]{6}\s*$", max_length=10,
        required=False, error_messages={"invalid": _("A CMS number has six letters or digits, e.g. 240010.")},
        help_text=_("Type the hospital's name above and pick it from the list to fill this in."))
    provider_kind = forms.ChoiceField(label=_("What kind of provider"), choices=[
        ("hospital", _("Hospital")), ("physician", _("Doctor or clinic")), ("lab", _("Laboratory")),
        ("ambulance", _("Ambulance")), ("other", _("Other"))], initial="hospital")
    provider_nonprofit = forms.ChoiceField(label=_("Is it a nonprofit hospital?"), choices=YES_NO_UNKNOWN,
                                           required=False)
    provider_address = forms.CharField(label=_("Billing office address"), max_length=500, required=False)
    account_number = forms.CharField(label=_("Account number on the bill"), max_length=100, required=False)
    balance = forms.DecimalField(label=_("Amount they ask for now ($)"), min_value=0, max_digits=12,
                                 decimal_places=2, required=False)
    care_start = forms.DateField(label=_("Date of care (first day)"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    care_end = forms.DateField(label=_("Last day of care (discharge)"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))
    emergency = forms.ChoiceField(label=_("Was it an emergency?"), choices=YES_NO_UNKNOWN, required=False)
    first_bill_date = forms.DateField(label=_("Date of the first bill"), required=False,
                                      widget=forms.DateInput(attrs={"type": "date"}))
    gfe_total = forms.DecimalField(label=_("Total of the good-faith estimate you were given ($)"), min_value=0,
                                   max_digits=12, decimal_places=2, required=False,
                                   help_text=_("Only if you had no insurance and got an estimate before the care."))
    # a Good Faith Estimate is owed for care booked ahead by a patient paying it (NSA.GFE_MISSING, 45 CFR 149.610)
    care_scheduled = forms.DateField(
        label=_("Day you booked this care (made the appointment)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only for care booked ahead, not for an emergency."))
    self_pay = forms.ChoiceField(
        label=_("Did you have insurance but ask them not to bill it, and pay yourself?"),
        choices=YES_NO_UNKNOWN, required=False)
    gfe_given = forms.ChoiceField(
        label=_("Did they give you a written price estimate (Good Faith Estimate) before the care?"),
        choices=YES_NO_UNKNOWN, required=False,
        help_text=_("A patient without insurance, or paying for the care, must get one when the care is "
                    "booked ahead."))
    gfe_date = forms.DateField(label=_("Day you got the estimate"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))
    chose_to_pay = forms.BooleanField(
        label=_("I choose to pay or offer to pay this bill even where the review advises against it"),
        required=False, help_text=_("For example a debt too old to sue on. The letters then say you do not "
                                    "admit owing it. Talk to a lawyer or legal aid first if you can."))
    care_setting = forms.ChoiceField(label=_("Where you got the care"), choices=[
        ("", _("I don't know")), ("outpatient", _("Hospital outpatient or emergency room, went home the same day")),
        ("inpatient", _("Admitted to the hospital overnight or longer")),
        ("professional", _("A doctor's office or clinic"))], required=False, widget=forms.RadioSelect)
    in_network = forms.ChoiceField(label=_("Is this provider in your insurance's network?"), choices=YES_NO_UNKNOWN,
                                   required=False)
    facility_in_network = forms.ChoiceField(label=_("Was the hospital or facility in your network?"),
                                            choices=YES_NO_UNKNOWN, required=False,
                                            help_text=_("For a doctor's bill from care at a hospital."))
    ambulance = forms.ChoiceField(label=_("For an ambulance bill: which kind"), choices=[
        ("", _("Not an ambulance")), ("ground", _("Ground ambulance")), ("air", _("Air ambulance"))],
        required=False)
    denial_notice_date = forms.DateField(label=_("Date on the insurer's denial letter"), required=False,
                                         widget=forms.DateInput(attrs={"type": "date"}),
                                         help_text=_("Only if your insurance denied the claim."))
    final_denial_date = forms.DateField(label=_("Date of the plan's final answer to your appeal"), required=False,
                                        widget=forms.DateInput(attrs={"type": "date"}),
                                        help_text=_("If you appealed and the plan said no again."))
    fap_free_at_or_below_fpl = forms.DecimalField(
        label=_("Free care up to this % of the poverty guideline"), min_value=0, max_value=1000, decimal_places=2,
        required=False, help_text=_("From the hospital's financial-assistance policy, e.g. 200."))
    fap_discount_at_or_below_fpl = forms.DecimalField(
        label=_("Discounted care up to this % of the poverty guideline"), min_value=0, max_value=1000,
        decimal_places=2, required=False, help_text=_("e.g. 400."))
    fap_discount = forms.DecimalField(label=_("The discount in that range (%)"), min_value=0, max_value=100,
                                      decimal_places=2, required=False, help_text=_("e.g. 75 for 75% off."))
    fap_agb_percent = forms.DecimalField(
        label=_("Amounts generally billed (AGB), % of charges"), min_value=0, max_value=100, decimal_places=2,
        required=False, help_text=_("The policy states it: the most a patient who qualifies can be charged."))
    fap_url = forms.URLField(label=_("Web address of the policy"), required=False, max_length=500,
                             assume_scheme="https")
    bill_file = forms.FileField(label=_("Upload the itemized bill (PDF, photo, spreadsheet)"), required=False,
                                help_text=_("Up to 10 MB. A photo from your phone works."),
                                widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.csv,.xlsx,.png,.jpg,.jpeg,.heic,.webp,image/*"}))
    typed_lines = forms.CharField(
        label=_("Or type the bill's lines"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One line per charge: date, code, description, units, charge. "
                    "For example: 2025-03-02, 85025, CBC blood count, 1, 45.00"))

    def clean_typed_lines(self):
        text = self.cleaned_data.get("typed_lines", "")
        rows = []
        for n, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            cells = [c.strip() for c in raw.split(",")]
            if len(cells) < 5:
                raise forms.ValidationError(_("Line %(n)s: write date, code, description, units, charge "
                                              "separated by commas.") % {"n": n})
            date, code, units, charge = cells[0], cells[1], cells[-2], cells[-1]
            description = ", ".join(cells[2:-2])
            try:
                units_d, charge_d = Decimal(units or "1"), Decimal(charge.replace("$", "").replace(" ", ""))
            except InvalidOperation:
                raise forms.ValidationError(_("Line %(n)s: units and charge must be numbers.") % {"n": n})
            if not _plausible_line(date, units_d, charge_d):
                raise forms.ValidationError(_("Line %(n)s: check the date (1900 to today) and the amounts.")
                                            % {"n": n})
            rows.append({"date": date, "code": code, "description": description,
                         "units": units_d, "charge": charge_d})
        return rows

    def clean(self):
        data = super().clean()
        if data.get("gfe_given") == "no" and data.get("gfe_date") and "gfe_date" not in self.errors:
            self.add_error("gfe_date", _("You said you got no estimate: leave this day blank, or answer Yes."))
        return data

    not_future = ("care_start", "first_bill_date", "denial_notice_date", "final_denial_date", "care_scheduled",
                  "gfe_date")
    not_after = (("care_scheduled", "care_start", _("The care cannot be booked after the day it was given.")),)
    not_before = (("care_end", "care_start", _("The last day cannot be before the first day.")),
                  ("first_bill_date", "care_start", _("The first bill cannot come before the care.")),
                  ("final_denial_date", "denial_notice_date",
                   _("The answer to your appeal cannot come before the denial.")))
    groups = ((_("The bill"), ("provider_name", "provider_ccn", "provider_kind", "provider_nonprofit",
                               "provider_address", "account_number", "balance", "first_bill_date", "gfe_total",
                               "chose_to_pay")),
              (_("The care"), ("care_start", "care_end", "emergency", "care_setting", "in_network",
                               "facility_in_network", "ambulance")),
              (_("Care you booked ahead and paid yourself"), ("care_scheduled", "self_pay", "gfe_given",
                                                                 "gfe_date")),
              (_("If your insurance denied the claim"), ("denial_notice_date", "final_denial_date")),
              (_("The hospital's financial-assistance policy, if you have it"), (
                  "fap_free_at_or_below_fpl", "fap_discount_at_or_below_fpl", "fap_discount", "fap_agb_percent",
                  "fap_url")),
              (_("The bill's lines"), ("bill_file", "typed_lines")))


EVENT_KINDS = [("call", _("Phone call")), ("letter", _("Letter")), ("email", _("E-mail")),
               ("text", _("Text message")), ("in_person", _("In person")), ("payment", _("Payment")),
               ("legal_action", _("Legal action")), ("credit_reporting", _("Credit reporting"))]
PARTIES = [("collector", _("Collector")), ("provider", _("Hospital or doctor")), ("patient", _("Me")),
           ("insurer", _("Insurer")), ("bureau", _("Credit bureau"))]


APPEAL_DECISIONS = [
    ("appeal_decision", _("The plan's decision on my appeal")),
    ("external_review_decision", _("The external review's decision")),
    ("redetermination_decision", _("Medicare's redetermination")),
    # the same event for both: Original Medicare's QIC and a Medicare Advantage plan's IRE (appeals/levels.py)
    ("reconsideration_decision", _("Reconsideration decision (Medicare's QIC or, for a Medicare Advantage plan, "
                                   "the independent review entity)")),
    ("alj_decision", _("An Administrative Law Judge's decision (Medicare)")),
    ("council_decision", _("The Medicare Appeals Council's decision")),
    ("fair_hearing_decision", _("The state fair hearing's decision"))]
APPEAL_OUTCOMES = [("denied", _("Upheld: still denied")), ("approved", _("Overturned: the plan will pay")),
                   ("partly_approved", _("Partly: some of it paid, some still denied"))]
OUTCOME_WORDS = {"denied": _("upheld (still denied)"), "approved": _("overturned (the plan will pay)"),
                 "partly_approved": _("partly overturned")}


class QuickLogForm(Plausible, forms.Form):
    """Add a call in ten seconds: who, what was said; the time defaults to now."""

    account = forms.ChoiceField(label=_("Which bill"))
    kind = forms.ChoiceField(label=_("What"), choices=EVENT_KINDS, initial="call")
    from_party = forms.ChoiceField(label=_("From"), choices=PARTIES, initial="collector")
    note = forms.CharField(label=_("What was said or promised"), max_length=2000, required=False)
    at = forms.DateTimeField(label=_("When (blank: now)"), required=False,
                             widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                             input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"])
    conversation = forms.BooleanField(label=_("I spoke with them"), required=False)
    amount = forms.DecimalField(label=_("Amount ($), for a payment"), min_value=0, max_digits=12,
                                decimal_places=2, required=False)
    detail = forms.ChoiceField(label=_("What it was about, if one of these"), required=False, choices=[
        ("", _("Something else")), ("lawsuit", _("I was served with a lawsuit")),
        ("threat", _("They threatened to sue, garnish or report me")),
        ("garnishment", _("My wages or bank account were garnished")),
        ("eca_notice", _("The hospital's notice of collection actions")),
        ("sale", _("The debt was sold to someone else")),
        ("credit_reporting", _("They said they reported it to a credit bureau"))])
    to_party = forms.ChoiceField(label=_("To"), choices=[("", _("Not needed"))] + PARTIES,
                                 required=False, help_text=_("For what you sent: who it went to."))
    consent = forms.BooleanField(label=_("I had agreed to this call in advance"), required=False)
    # an appeal's decision (the case file's event type and outcome, appeals/levels.py): a denial
    # logged here starts the next level's clock, counted from the date on the decision
    decision = forms.ChoiceField(label=_("If it is a decision on an appeal: which one"), required=False,
                                 choices=[("", _("Not a decision"))] + APPEAL_DECISIONS,
                                 help_text=_("Logged as from your insurer (or the reviewer)."))
    outcome = forms.ChoiceField(label=_("What it decided"), required=False,
                                choices=[("", _("Not a decision"))] + APPEAL_OUTCOMES)
    decided_on = forms.DateField(label=_("Date of the decision (the date on its letter)"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))

    not_future = ("at", "decided_on")

    def __init__(self, *args, accounts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [(a.key, a.provider_name or a.key) for a in accounts]

    def clean(self):
        data = super().clean()
        decision, outcome = data.get("decision"), data.get("outcome")
        if decision:
            if not outcome and "outcome" not in self.errors:
                self.add_error("outcome", _("What did it decide? Choose upheld, overturned or partly."))
            if not data.get("decided_on") and "decided_on" not in self.errors:
                self.add_error("decided_on", _("Give the date on the decision: the next step's deadline "
                                               "counts from it."))
            if data.get("detail"):
                self.add_error("detail", _("An entry is a decision on an appeal or one of these: choose one "
                                           "or the other."))
        elif outcome:
            self.add_error("decision", _("Which decision is it? Choose the level that decided."))
        return data


class LetterEditForm(forms.Form):
    text = forms.CharField(label=_("The letter's text"), widget=forms.Textarea(attrs={"class": "letter"}),
                           max_length=100_000)


class LetterSentForm(Plausible, forms.Form):
    method = forms.ChoiceField(label=_("How it was sent"), choices=[
        ("certified_mail", _("Certified mail")), ("mail", _("Mail")), ("email", _("E-mail")),
        ("fax", _("Fax")), ("portal", _("Online portal"))], initial="certified_mail")
    tracking = forms.CharField(label=_("Tracking number"), max_length=100, required=False)
    sent_on = forms.DateField(label=_("Date sent (blank: today)"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    not_future = ("sent_on",)


class ReminderForm(Plausible, forms.Form):
    kind = forms.CharField(label=_("What is due"), max_length=80)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class SnoozeForm(Plausible, forms.Form):
    until = forms.DateField(label=_("Remind me again on"), widget=forms.DateInput(attrs={"type": "date"}))


class ClientAccessForm(forms.Form):
    """An advocate gives a client a login that opens this one case."""

    username = forms.CharField(label=_("User name for the client"), max_length=150)
    password = forms.CharField(label=_("Temporary password"), widget=forms.PasswordInput, min_length=10,
                               help_text=_("At least 10 characters. Give it to the client in person."))

    def clean_username(self):
        name = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(_("That user name is taken."))
        return name

    def clean(self):
        data = super().clean()
        if data.get("password"):
            user = get_user_model()(username=data.get("username", ""))
            try:
                validate_password(data["password"], user)
            except forms.ValidationError as e:
                self.add_error("password", e)
        return data


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search cases"), max_length=100, required=False,
                        help_text=_("Name, account number, provider or collector."))


class BatchLettersForm(forms.Form):
    letter_type = forms.ChoiceField(label=_("Letter"))
    cases = forms.MultipleChoiceField(label=_("For these cases"), widget=forms.CheckboxSelectMultiple)
    format = forms.ChoiceField(label=_("Format"), choices=[("pdf", "PDF"), ("docx", "DOCX")], initial="pdf")

    def __init__(self, *args, cases=(), letter_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = [(str(c.pk), str(c.title or c.pk)) for c in cases]
        self.fields["letter_type"].choices = [(t, label) for t, label in letter_types]
