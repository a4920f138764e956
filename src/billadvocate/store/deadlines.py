"""Deadlines and reminders: kept from each review, set by hand, marked done or snoozed.

A review's deadlines replace that case's earlier engine deadlines (a date that moved is updated in
place, so its done/snoozed marks stay); reminders are the user's own and only change by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from ..errors import BadInput
from . import models as m
from .cases import account_of


@transaction.atomic
def refresh_from_review(case_row: m.Case, result) -> list[m.Deadline]:
    """Keep the deadlines a review found (ReviewResult); drop engine deadlines it no longer finds."""
    m.Case.objects.select_for_update().filter(pk=case_row.pk).first()  # one refresh of a case at a time
    wanted = []
    accounts = {a.key: a for a in case_row.accounts.all()}
    for review in result.accounts:
        for d in review.deadlines:
            wanted.append((accounts.get(review.account.id), d))
    for d in getattr(result, "deadlines", []) or []:  # case-level deadlines, if the review has them
        wanted.append((None, d))
    existing = {(x.account_id, x.kind): x for x in
                m.Deadline.objects.select_for_update().filter(case=case_row, source=m.Deadline.ENGINE)}
    soonest: dict = {}  # one row per account and kind (the unique key): the earliest date wins
    for account, d in wanted:
        key = (account.pk if account else None, d.kind)
        if key not in soonest or d.date < soonest[key][1].date:
            soonest[key] = (account, d)
    kept = []
    for key, (account, d) in soonest.items():
        row = existing.pop(key, None) or m.Deadline(case=case_row, account=account, kind=d.kind,
                                                    source=m.Deadline.ENGINE)
        values = {"date": d.date, "why": d.why, "citations": list(d.citations), "unconfirmed": d.unconfirmed}
        if row.pk is None or any(getattr(row, k) != v for k, v in values.items()):  # write only what changed
            for k, v in values.items():
                setattr(row, k, v)
            row.save()
        kept.append(row)
    for stale in existing.values():
        if stale.done_at is None:
            stale.delete()
    return kept


def add_reminder(case_row: m.Case, on: date, note: str, *, account_key: str | None = None) -> m.Deadline:
    account = account_of(case_row, account_key) if account_key else None
    with transaction.atomic():
        return m.Deadline.objects.create(case=case_row, account=account, kind="REMINDER", date=on,
                                         why=note, source=m.Deadline.REMINDER)


def get_deadline(deadline_id: int | str) -> m.Deadline:
    try:
        return m.Deadline.objects.select_related("case", "account").get(pk=int(deadline_id))
    except (ValueError, m.Deadline.DoesNotExist):
        raise BadInput(f"no deadline {deadline_id}: `billadvocate case deadlines` shows the ids")


def mark_done(deadline_id, *, done: bool = True) -> m.Deadline:
    with transaction.atomic():
        row = get_deadline(deadline_id)
        row.done_at = timezone.now() if done else None
        row.save()
    return row


def snooze(deadline_id, until: date) -> m.Deadline:
    with transaction.atomic():
        row = get_deadline(deadline_id)
        row.snoozed_until = until
        row.save()
    return row


@dataclass
class Due:
    deadline: m.Deadline
    days_left: int

    def to_json(self) -> dict:
        d = self.deadline
        patient = d.case.people.filter(role="patient").first()
        return {"id": d.pk, "case": d.case_id, "patient": patient.name if patient else None,
                "account": d.account.key if d.account else None, "kind": d.kind,
                "date": d.date.isoformat(), "days_left": self.days_left, "overdue": self.days_left < 0,
                "why": d.why, "citations": d.citations, "unconfirmed": d.unconfirmed, "source": d.source,
                "snoozed_until": d.snoozed_until.isoformat() if d.snoozed_until else None}


def open_deadlines(today: date, *, days: int | None = None, case_id: int | None = None,
                   snoozed: bool = False) -> list[Due]:
    """Deadlines not done (nor snoozed past today, unless `snoozed`) of open cases; overdue first,
    then soonest."""
    rows = (m.Deadline.objects.select_related("case", "account")
            .filter(done_at__isnull=True, case__status=m.Case.OPEN).order_by("date", "id"))
    if not snoozed:
        rows = rows.exclude(snoozed_until__gt=today)
    if days is not None:
        rows = rows.filter(date__lte=today + timedelta(days=days))
    if case_id is not None:
        rows = rows.filter(case_id=case_id)
    return [Due(d, (d.date - today).days) for d in rows]
