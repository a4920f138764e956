"""One engine deadline per case, account and kind: repeated refreshes (even two at once, even a
review naming one kind twice) cannot keep duplicates, and the migration removes old ones first."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from tests.conftest import EXAMPLES
from tests.store.test_deadlines import dl, reviewed


def test_repeated_refreshes_keep_one_row_per_deadline(store):
    from billadvocate.store import cases

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    for _ in range(3):
        reviewed(row, dl("VALIDATION_PERIOD_END", date(2026, 11, 19)), dl("SOL_EXPIRES", date(2029, 3, 2)))
    assert sorted(d.kind for d in row.deadlines.all()) == ["SOL_EXPIRES", "VALIDATION_PERIOD_END"]


def test_a_review_naming_one_kind_twice_keeps_the_earlier_date(store):
    from billadvocate.store import cases

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    reviewed(row, dl("SOL_EXPIRES", date(2029, 3, 2)), dl("SOL_EXPIRES", date(2028, 1, 5)))
    assert [(d.kind, d.date) for d in row.deadlines.all()] == [("SOL_EXPIRES", date(2028, 1, 5))]


def test_the_database_itself_refuses_a_second_row(store):
    from billadvocate.store import cases
    from billadvocate.store.models import Deadline

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    account = row.accounts.get()
    for acc in (account, None):
        Deadline.objects.create(case=row, account=acc, kind="SOL_EXPIRES", date=date(2029, 3, 2))
        with pytest.raises(IntegrityError), transaction.atomic():
            Deadline.objects.create(case=row, account=acc, kind="SOL_EXPIRES", date=date(2029, 3, 3))
    # reminders are the user's own: as many as they like
    for _ in range(2):
        Deadline.objects.create(case=row, account=account, kind="REMINDER", date=date(2029, 3, 2),
                                source=Deadline.REMINDER)


def test_the_migration_removes_duplicates_keeping_the_one_marked_done(sqlite_store):
    from django.core.management import call_command
    from django.utils import timezone

    from billadvocate.store import cases
    from billadvocate.store.models import Deadline

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    account = row.accounts.get()
    call_command("migrate", "store", "0002", verbosity=0)
    try:
        made = [Deadline.objects.create(case=row, account=account, kind="SOL_EXPIRES", date=date(2029, 3, 2))
                for _ in range(3)]
        Deadline.objects.filter(pk=made[1].pk).update(done_at=timezone.now())
        for _ in range(2):
            Deadline.objects.create(case=row, account=None, kind="CASE_LEVEL", date=date(2029, 3, 2))
    finally:
        call_command("migrate", "store", verbosity=0)
    left = list(Deadline.objects.order_by("kind").values_list("kind", "id"))
    assert left[0] == ("CASE_LEVEL", left[0][1]) and len(left) == 2
    assert left[1] == ("SOL_EXPIRES", made[1].pk)
