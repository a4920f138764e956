"""Times typed and shown in the web app are in the case's time zone (the patient's state by default):
a collector's call logged at 10:00 in California is 10:00 there, and no 'inconvenient time' is invented."""

from __future__ import annotations

from datetime import time


def test_a_call_logged_at_ten_in_los_angeles_is_ten_there_and_no_violation(world, client_as):
    from zoneinfo import ZoneInfo

    from billadvocate.store import cases as store
    from billadvocate.store import models as m
    from billadvocate.review import review_case

    client = client_as(world.client_a)
    r = client.post(f"/cases/{world.case_a.pk}/log/", {
        "account": "er-visit", "kind": "call", "from_party": "collector", "note": "ten o'clock call",
        "at": "2026-11-20 10:00"})
    assert r.status_code == 302
    e = m.Event.objects.get(case=world.case_a, note="ten o'clock call")
    assert e.at.astimezone(ZoneInfo("America/Los_Angeles")).time() == time(10, 0)
    page = client.get(f"/cases/{world.case_a.pk}/log/").content.decode()
    row = page[page.index("ten o&#x27;clock call") - 600:page.index("ten o&#x27;clock call")]
    assert "10:00" in row or "10 a.m." in row, row
    case = store.materialize(world.case_a, _tmp())
    review = review_case(case)
    for a in review.accounts:
        for v in a.violations:
            assert not (v.rule == "REGF.INCONVENIENT_TIME" and "2026-11-20" in v.message), v.message


def test_a_call_at_seven_in_the_morning_there_is_still_found(world, client_as):
    from billadvocate.store import cases as store
    from billadvocate.review import review_case

    client_as(world.client_a).post(f"/cases/{world.case_a.pk}/log/", {
        "account": "er-visit", "kind": "call", "from_party": "collector", "note": "early call",
        "at": "2026-11-20 07:00"})
    review = review_case(store.materialize(world.case_a, _tmp()))
    assert any(v.rule == "REGF.INCONVENIENT_TIME" and "07:00 on 2026-11-20" in v.message
               for a in review.accounts for v in a.violations)


def _tmp():
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp(prefix="tz-case-"))
