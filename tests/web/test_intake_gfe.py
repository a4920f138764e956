"""The bill step takes what NSA.GFE_MISSING needs (issue 17/18): the day the care was booked, whether
an insured patient paid it themselves, whether a Good Faith Estimate was given and when. The values
reach the case, the review finds the missing estimate, and impossible dates are refused next to
their field."""

from __future__ import annotations

import re
from datetime import date, timedelta


def _canonical(case_row):
    from billadvocate.store import mapping

    return mapping.to_canonical(case_row)


def _errors_for(page: str, field: str) -> str:
    found = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', page, re.S)
    return found.group(1) if found else ""


BILL = {"provider_name": "Front Range Imaging Center", "provider_kind": "other", "care_start": "2026-09-14"}


def test_a_booking_without_an_estimate_reaches_the_case_and_the_review_finds_it(world, client_as):
    from billadvocate.web import casework

    c = client_as(world.client_b)  # Marcus: uninsured, MRI on 2026-09-14
    url = f"/cases/{world.case_b.pk}/intake/bill/?account=mri"
    page = c.get(url).content.decode()
    assert 'name="care_scheduled"' in page and 'name="gfe_given"' in page and 'name="self_pay"' in page
    r = c.post(url, {**BILL, "care_scheduled": "2026-08-31", "gfe_given": "no"})  # gfe_total left blank
    assert r.status_code == 302
    account = _canonical(world.case_b).account("mri")
    assert (account.care.scheduled, account.gfe_given, account.gfe_total) == (date(2026, 8, 31), False, None)
    world.case_b.refresh_from_db()
    found = [f for a in casework.review(world.case_b).accounts for f in a.findings if f.rule == "NSA.GFE_MISSING"]
    # booked Monday 2026-08-31 for Monday 2026-09-14: 9 business days ahead (Labor Day 2026-09-07 not
    # counted), so the estimate was due 1 business day after the booking, 2026-09-01
    assert [f.severity for f in found] == ["medium"]
    assert "booked on 2026-08-31, 9 business days ahead" in found[0].message and "by 2026-09-01" in found[0].message
    assert 'value="2026-08-31"' in c.get(url).content.decode(), "the page shows what is stored"


def test_self_pay_and_the_estimates_day_are_kept_and_shown(world, client_as):
    c = client_as(world.client_b)
    url = f"/cases/{world.case_b.pk}/intake/bill/?account=mri"
    assert c.post(url, {**BILL, "care_scheduled": "2026-08-31", "self_pay": "yes", "gfe_given": "yes",
                        "gfe_date": "2026-09-01", "gfe_total": "1200"}).status_code == 302
    account = _canonical(world.case_b).account("mri")
    assert (account.care.self_pay, account.gfe_given, account.gfe_date) == (True, True, date(2026, 9, 1))
    page = c.get(url).content.decode()
    assert 'value="2026-09-01"' in page
    assert re.search(r'<option value="yes" selected>', page)
    # answering "I don't know" again removes the facts
    assert c.post(url, {**BILL, "gfe_total": "1200"}).status_code == 302
    account = _canonical(world.case_b).account("mri")
    assert (account.care.scheduled, account.care.self_pay, account.gfe_given, account.gfe_date) == (
        None, None, None, None)


def test_impossible_booking_and_estimate_dates_are_refused_next_to_the_field(world, client_as):
    c = client_as(world.client_b)
    url = f"/cases/{world.case_b.pk}/intake/bill/?account=mri"
    page = c.post(url, {**BILL, "care_scheduled": "2026-09-15"}).content.decode()
    assert "booked after the day it was given" in _errors_for(page, "care_scheduled")
    page = c.post(url, {**BILL, "care_scheduled": "1899-12-31"}).content.decode()
    assert "1900 and 2100" in _errors_for(page, "care_scheduled")
    page = c.post(url, {**BILL, "gfe_date": "2101-01-01"}).content.decode()
    assert "1900 and 2100" in _errors_for(page, "gfe_date")
    future = (date.today() + timedelta(days=30)).isoformat()
    page = c.post(url, {"provider_name": "Front Range Imaging Center", "provider_kind": "other",
                        "care_scheduled": future}).content.decode()
    assert "in the future" in _errors_for(page, "care_scheduled")
    page = c.post(url, {**BILL, "gfe_given": "no", "gfe_date": "2026-09-01"}).content.decode()
    assert "got no estimate" in _errors_for(page, "gfe_date")
    assert _canonical(world.case_b).account("mri").care.scheduled is None, "nothing was saved"
    assert c.post(url, {**BILL, "care_scheduled": "2026-09-14"}).status_code == 302  # booked the same day: fine
    assert _canonical(world.case_b).account("mri").care.scheduled == date(2026, 9, 14)
