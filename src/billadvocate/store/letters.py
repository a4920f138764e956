"""Letters: those generated for a case, and when, how and with what tracking number each was sent.

Sending a letter is also an entry of the case's log (kind letter, from the patient), so the
engines see it (a dispute letter starts periods, a cease letter stops calls).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from .. import model
from . import blobs, cases
from . import models as m


def record_generated(case_row: m.Case, letter_type: str, files: list[Path], *, account_key: str | None = None,
                     recipient: str | None = None) -> m.Letter | None:
    """Keep a generated letter's files (PDF, DOCX, a translation) and record the letter once:
    the same bytes generated again are neither stored nor recorded twice."""
    if not files:
        return None
    account = cases.account_of(case_row, account_key) if account_key else None
    docs = []
    for file in files:
        sha = blobs.sha256_of(Path(file))
        doc = case_row.documents.filter(sha256=sha, role="letter").first()
        docs.append(doc or cases.add_document(case_row, file, role="letter", account_key=account_key))
    with transaction.atomic():
        existing = m.Letter.objects.filter(case=case_row, type=letter_type, document=docs[0]).first()
        if existing is not None:
            return existing
        return m.Letter.objects.create(case=case_row, account=account, type=letter_type, recipient=recipient,
                                       document=docs[0], generated_at=timezone.now())


def record_sent(case_row: m.Case, letter_type: str, *, at: date | datetime, method: str | None = None,
                tracking: str | None = None, to: str | None = None, note: str | None = None,
                account_key: str | None = None, file: Path | None = None, user=None) -> m.Letter:
    """Mark a letter sent: the latest unsent generated letter of that type, or a new record."""
    account = cases.account_of(case_row, account_key)
    doc = cases.add_document(case_row, file, role="letter", account_key=account.key) if file else None
    event = model.Event.model_validate({"at": at, "kind": "letter", "from": "patient", "to": to,
                                        "type": letter_type, "method": method, "tracking": tracking,
                                        "note": note})
    with transaction.atomic():
        logged = cases.log_event(case_row, event, account_key=account.key, user=user)
        if doc is not None:
            logged.document = doc
            logged.save()
        letter = (m.Letter.objects.select_for_update()
                  .filter(case=case_row, type=letter_type, sent_at__isnull=True)
                  .filter(account__in=[account]).order_by("-id").first()
                  or m.Letter(case=case_row, account=account, type=letter_type))
        letter.sent_at = logged.at
        letter.method, letter.tracking, letter.event = method, tracking, logged
        letter.recipient = letter.recipient or to
        if doc is not None:
            letter.document = doc
        letter.save()
    return letter


def letter_json(letter: m.Letter) -> dict:
    return {"id": letter.pk, "case": letter.case_id, "account": letter.account.key if letter.account else None,
            "type": letter.type, "recipient": letter.recipient,
            "file": letter.document.path if letter.document else None,
            "generated_at": letter.generated_at.isoformat() if letter.generated_at else None,
            "sent_at": letter.sent_at.isoformat() if letter.sent_at else None,
            "method": letter.method, "tracking": letter.tracking}
