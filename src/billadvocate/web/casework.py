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


def reads_slowly(case_row: m.Case) -> bool:
    """Whether the review may have to OCR something: a bill or an EOB kept as a photo or a PDF (a
    scan); a typed or spreadsheet bill reads in milliseconds."""
    from django.db.models import Q

    return case_row.documents.filter(role__in=("bill", "eob")).filter(
        Q(media_type__startswith="image/") | Q(media_type="application/pdf")).exists()


class StillReading(Exception):
    """The review runs in the background (reading a photo or a scan takes seconds to minutes): the page
    says so and asks again."""


_running: dict[tuple, threading.Thread] = {}  # review key -> the thread computing it
_failed: dict[tuple, BaseException] = {}  # review key -> why the background review could not finish
_one_review = threading.Semaphore(1)  # an OCR costs hundreds of MB: one background review at a time


def review(case_row: m.Case, as_of: date | None = None, *, wait: float | None = None) -> ReviewResult:
    """The engines' results for a stored case (cached until the case changes).

    With `wait`, the review runs in a background thread (the database is read here, the engines there
    touch only files) and this call waits at most that many seconds: StillReading when it is not done
    (the page asks again; the thread goes on and fills the cache), its error when it failed."""
    key = (case_row.pk, case_row.updated_at, as_of or case_row.as_of or date.today())
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        thread = _running.get(key)
        if thread is None and key in _failed:
            raise _failed.pop(key)
    if thread is None:
        case = canonical(case_row)
        failed = failed_reads(case_row)
        if wait is None:
            return _compute(key, case, failed, as_of)
        thread = threading.Thread(target=_in_background, args=(key, case, failed, as_of), daemon=True,
                                  name=f"review-case-{case_row.pk}")
        with _lock:
            if key in _running:  # another request started it meanwhile
                thread = _running[key]
            else:
                _running[key] = thread
                thread.start()
    thread.join(wait)
    with _lock:
        if key in _cache:
            return _cache[key]
        if key in _failed and key not in _running:
            raise _failed.pop(key)
    raise StillReading()


def _compute(key: tuple, case, failed: dict[str, str], as_of: date | None) -> ReviewResult:
    result = review_case(_without(case, failed), as_of=as_of, skip_unreadable=True)
    _list_failed(result, case, failed)
    with _lock:
        _cache[key] = result
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def _in_background(key: tuple, case, failed: dict[str, str], as_of: date | None) -> None:
    try:
        with _one_review:
            _compute(key, case, failed, as_of)
    except BaseException as e:  # noqa: BLE001 - handed to the next request for this review
        with _lock:
            _failed[key] = e
            while len(_failed) > _CACHE_SIZE:
                _failed.pop(next(iter(_failed)))
    finally:
        with _lock:
            _running.pop(key, None)


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


def try_review(case_row: m.Case, as_of: date | None = None, *,
               wait: float | None = None) -> tuple[ReviewResult | None, str | None]:
    """(result, None) or (None, the problem in one line) when the case cannot be reviewed yet; with
    `wait`, StillReading when the background review is not done after that many seconds."""
    try:
        return review(case_row, as_of, wait=wait), None
    except BadInput as e:
        return None, e.problem if not e.where else f"{e.where}: {e.problem}"
    except LawNotInForce as e:  # the case's as-of date is before the law data begins
        return None, e.line()


def clear_cache() -> None:
    """Forget every cached review (tests; a database switched under a running process)."""
    with _lock:
        _cache.clear()
        _failed.clear()
