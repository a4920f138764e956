"""The store's tables. Columns for what is listed, searched and edited; `extra` (JSON) keeps any
other case-file field, so an import then export gives back the same case even as the format grows.

Ownership: a Case has `created_by` and `assigned_to` (users); roles belong to the web app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

USER = settings.AUTH_USER_MODEL
MONEY = {"max_digits": 14, "decimal_places": 2, "null": True, "blank": True}


class Case(models.Model):
    """One patient's (or household's) case: what they owe, to whom, and everything done about it."""

    OPEN, CLOSED = "open", "closed"
    title = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=[(OPEN, "open"), (CLOSED, "closed")], default=OPEN)
    as_of = models.DateField(null=True, blank=True)
    insurance = models.JSONField(null=True, blank=True)
    credit_report = models.JSONField(null=True, blank=True)  # all but its tradelines (a table)
    extra = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=500, blank=True)  # the file it was imported from
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="cases_created")
    assigned_to = models.ManyToManyField(USER, blank=True, related_name="cases_assigned")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"case {self.pk}: {self.title}"


class Person(models.Model):
    """The patient (role 'patient'), or another member of the household."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(max_length=20, default="patient")
    name = models.CharField(max_length=200, null=True, blank=True)
    address = models.CharField(max_length=500, null=True, blank=True)
    phone = models.CharField(max_length=50, null=True, blank=True)
    email = models.CharField(max_length=254, null=True, blank=True)
    state = models.CharField(max_length=2, null=True, blank=True)
    timezone = models.CharField(max_length=64, null=True, blank=True)
    veteran = models.BooleanField(default=False)
    language = models.CharField(max_length=5, default="en")
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case"], condition=models.Q(role="patient"),
                                               name="one_patient_per_case")]


class Household(models.Model):
    """Who lives on the household's income: for poverty guidelines and ability to pay."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="household")
    size = models.PositiveIntegerField()
    annual_income = models.DecimalField(**MONEY)
    monthly_expenses = models.DecimalField(**MONEY)
    liquid_assets = models.DecimalField(**MONEY)
    lump_sum_available = models.DecimalField(**MONEY)
    extra = models.JSONField(default=dict, blank=True)


class Account(models.Model):
    """One bill or debt: the provider, the collector (when there is one), the balance asked."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="accounts")
    position = models.PositiveIntegerField(default=0)
    key = models.CharField(max_length=100)  # the case file's accounts[].id
    account_number = models.CharField(max_length=100, null=True, blank=True)
    provider_name = models.CharField(max_length=200)
    provider = models.JSONField()
    care = models.JSONField(default=dict, blank=True)
    collector_name = models.CharField(max_length=200, null=True, blank=True)
    collector = models.JSONField(null=True, blank=True)
    first_bill_date = models.DateField(null=True, blank=True)
    balance = models.DecimalField(**MONEY)
    gfe_total = models.DecimalField(**MONEY)
    not_received = models.JSONField(default=list, blank=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["case", "position"]
        constraints = [models.UniqueConstraint(fields=["case", "key"], name="account_key_unique_in_case")]

    def save(self, *args, **kwargs):
        self.provider_name = (self.provider or {}).get("name", "")
        self.collector_name = (self.collector or {}).get("name")
        super().save(*args, **kwargs)


class Document(models.Model):
    """A file kept with the case: the original bytes stored by SHA-256 in the data folder."""

    ROLES = ["bill", "eob", "notice", "letter", "statement", "photo", "other"]
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="documents")
    role = models.CharField(max_length=20, default="other")
    position = models.PositiveIntegerField(default=0)
    path = models.CharField(max_length=500)  # relative to the case file, as written there
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.BigIntegerField()
    media_type = models.CharField(max_length=100, blank=True)
    note = models.TextField(null=True, blank=True)
    read = models.JSONField(null=True, blank=True)  # what was read from it (lines, total, problems)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["case", "position", "id"]


class Event(models.Model):
    """One entry of the log: a call, letter, email, payment or action, who, when, what was said."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="events")
    position = models.PositiveIntegerField(default=0)
    at = models.DateTimeField(db_index=True)  # the instant, for ordering and calendars
    at_text = models.CharField(max_length=40)  # as written: a date, or a date-time with its offset
    kind = models.CharField(max_length=20)
    from_party = models.CharField(max_length=20)
    to_party = models.CharField(max_length=20, null=True, blank=True)
    conversation = models.BooleanField(null=True, blank=True)
    consent = models.BooleanField(null=True, blank=True)
    type = models.CharField(max_length=50, null=True, blank=True)
    note = models.TextField(null=True, blank=True)
    amount = models.DecimalField(**MONEY)
    method = models.CharField(max_length=50, null=True, blank=True)
    tracking = models.CharField(max_length=100, null=True, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["account", "position"]
        indexes = [models.Index(fields=["account", "position"])]


class Tradeline(models.Model):
    """A collection account as a credit bureau reports it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tradelines")
    position = models.PositiveIntegerField(default=0)
    bureau = models.CharField(max_length=20)
    furnisher = models.CharField(max_length=200)
    account_key = models.CharField(max_length=100, null=True, blank=True)
    medical = models.BooleanField(default=True)
    original_amount = models.DecimalField(**MONEY)
    balance = models.DecimalField(**MONEY)
    status = models.CharField(max_length=20, default="unpaid")
    first_delinquency = models.DateField(null=True, blank=True)
    reported = models.DateField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["case", "position"]


class Deadline(models.Model):
    """A date that matters: from the engines (source 'engine') or a reminder someone set."""

    ENGINE, REMINDER = "engine", "reminder"
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="deadlines")
    kind = models.CharField(max_length=80)
    date = models.DateField(db_index=True)
    why = models.TextField(blank=True)
    citations = models.JSONField(default=list, blank=True)
    unconfirmed = models.BooleanField(default=False)
    source = models.CharField(max_length=10, default=ENGINE)
    done_at = models.DateTimeField(null=True, blank=True)
    snoozed_until = models.DateField(null=True, blank=True)
    note = models.TextField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "id"]
        # What defines an engine deadline: its case, its account (or none) and its kind. Two
        # refreshes at once can never keep two rows for one (NULL accounts need their own key).
        constraints = [
            models.UniqueConstraint(fields=["case", "account", "kind"], name="engine_deadline_unique",
                                    condition=models.Q(source="engine", account__isnull=False)),
            models.UniqueConstraint(fields=["case", "kind"], name="engine_case_deadline_unique",
                                    condition=models.Q(source="engine", account__isnull=True)),
        ]


class Letter(models.Model):
    """A letter generated for the case, and when, how and with what tracking number it was sent."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="letters")
    type = models.CharField(max_length=50)
    recipient = models.CharField(max_length=200, null=True, blank=True)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    generated_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    method = models.CharField(max_length=50, null=True, blank=True)  # certified_mail, email, fax, portal
    tracking = models.CharField(max_length=100, null=True, blank=True)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "id"]


class AuditEntry(models.Model):
    """One change, who made it and when, with the values before and after. Append-only: the
    database itself refuses to update or delete a row (triggers, migration 0002)."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True)  # a user id; no foreign key, so nothing cascades
    actor = models.CharField(max_length=200)
    action = models.CharField(max_length=20)  # create | update | delete | add | remove | <verb>
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
