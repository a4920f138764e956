"""Who a user is to the web app (role and language), and the letters people edited.

The cases live in the case store (billadvocate.store). Which users may open a case is the store's
`Case.assigned_to`: the advocates assigned to it and the client whose case it is; the role says
which of the two a user is (permissions.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

ADMIN, ADVOCATE, CLIENT = "admin", "advocate", "client"
ROLES = [(ADMIN, "Administrator"), (ADVOCATE, "Advocate"), (CLIENT, "Client")]


class Profile(models.Model):
    """A user's role and language. A user without a profile is a client (least access)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(max_length=16, choices=ROLES, default=CLIENT)
    language = models.CharField(max_length=8, choices=[("en", "English"), ("es", "Español")], default="en")

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class LetterDraft(models.Model):
    """A letter as a person edited it before sending: the subject and body text, per case,
    bill, type and language. Everything else (addresses, references, signature) comes from the case."""

    case = models.ForeignKey("store.Case", on_delete=models.CASCADE, related_name="letter_drafts")
    account_key = models.CharField(max_length=100, blank=True)  # empty for a case-level letter
    type = models.CharField(max_length=50)
    lang = models.CharField(max_length=5, default="en")
    subject = models.CharField(max_length=300)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "account_key", "type", "lang"],
                                               name="web_letterdraft_unique")]


class IntakeSubmission(models.Model):
    """One intake form as the browser sent it (a random token in the form): a second send of the
    same form (Back then Save, a double click) edits what the first one made instead of adding a
    second case or bill. The unique token makes two sends at once land on one row."""

    token = models.CharField(max_length=64, unique=True)
    case = models.ForeignKey("store.Case", on_delete=models.CASCADE, related_name="+")
    account_key = models.CharField(max_length=100, blank=True)  # the bill it made, for a new-bill form
    created_at = models.DateTimeField(auto_now_add=True)
