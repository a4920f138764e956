"""The web app's side of the case store: read a stored case for the engines, review it, and
record who changed what. Views call these; no view builds store rows by hand elsewhere.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date
from pathlib import Path

from django.utils import timezone

from ..errors import BadInput
from ..law.parameters_model import LawNotInForce
from ..review import ReviewResult, review_case
from ..store import cases as store
from ..store import models as m

_CACHE_SIZE = 64
_cache: OrderedDict[tuple, ReviewResult] = OrderedDict()
_lock = threading.Lock()


def patient_of(case_row: m.Case) -> m.Person | None:
    return case_row.people.filter(role="patient").first()


def touch(case_row: m.Case) -> None:
    """Mark the case changed (the review cache and 'recently changed' lists key on it)."""
    m.Case.objects.filter(pk=case_row.pk).update(updated_at=timezone.now())
    case_row.refresh_from_db(fields=["updated_at"])


def work_dir(case_row: m.Case) -> Path:
    """Where the case's documents are laid out for the engines (a cache; safe to delete)."""
    from ..djangoapp import data_dir

    return data_dir() / "web-cache" / f"case-{case_row.pk}"


def missing_for_review(case_row: m.Case) -> str | None:
    """The intake step still needed before a review can run, or None."""
    patient = patient_of(case_row)
    if patient is None or not patient.state:
        return "you"
    if not case_row.accounts.exists():
        return "bill"
    return None


def canonical_check(case_row: m.Case) -> None:
    """Raise BadInput when the stored case is no longer a valid case file (inside a transaction,
    so the change that broke it rolls back)."""
    from ..store import mapping

    mapping.to_canonical(case_row)


def canonical(case_row: m.Case):
    """The stored case as the canonical model, its documents laid out where the engines read them."""
    folder = work_dir(case_row)
    folder.mkdir(parents=True, exist_ok=True)
    return store.materialize(case_row, folder)


def review(case_row: m.Case, as_of: date | None = None) -> ReviewResult:
    """The engines' results for a stored case (cached until the case changes)."""
    key = (case_row.pk, case_row.updated_at, as_of or case_row.as_of or date.today())
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    case = canonical(case_row)
    failed = failed_reads(case_row)
    result = review_case(_without(case, failed), as_of=as_of, skip_unreadable=True)
    _list_failed(result, case, failed)
    with _lock:
        _cache[key] = result
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def failed_reads(case_row: m.Case) -> dict[str, str]:
    """Bills and EOBs whose read failed when they were kept (the problem is stored with the
    document): path -> problem. A page view never reads them again (an OCR costs seconds and
    hundreds of MB); the problem is shown instead."""
    return {d.path: d.read["problem"] for d in case_row.documents.filter(role__in=("bill", "eob"))
            if isinstance(d.read, dict) and d.read.get("problem")}


def _without(case, failed: dict[str, str]):
    if not failed:
        return case
    accounts = [a.model_copy(update={"bill": [p for p in a.bill if p not in failed],
                                     "eob": [p for p in a.eob if p not in failed]}) for a in case.accounts]
    return case.model_copy(update={"accounts": accounts})


def _list_failed(result: ReviewResult, case, failed: dict[str, str]) -> None:
    """The documents left out are listed as the review lists any unreadable file."""
    if not failed:
        return
    by_id = {a.id: a for a in case.accounts}
    for review in result.accounts:
        original = by_id.get(review.account.id)
        for rel in [*original.bill, *original.eob] if original else []:
            if rel in failed:
                review.unreadable.append({"path": rel, "problem": failed[rel]})
                review.notes.append(f"{rel} could not be read and was left out of this review: {failed[rel]}")


def try_review(case_row: m.Case, as_of: date | None = None) -> tuple[ReviewResult | None, str | None]:
    """(result, None) or (None, the problem in one line) when the case cannot be reviewed yet."""
    try:
        return review(case_row, as_of), None
    except BadInput as e:
        return None, e.problem if not e.where else f"{e.where}: {e.problem}"
    except LawNotInForce as e:  # the case's as-of date is before the law data begins
        return None, e.line()


def clear_cache() -> None:
    """Forget every cached review (tests; a database switched under a running process)."""
    with _lock:
        _cache.clear()
