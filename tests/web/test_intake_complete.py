"""Issue 18, a web app a patient can finish: every fact a letter or rule needs can be entered in the
app (collector and its notice, the hospital's assistance policy, care setting and network, the
credit report); a letter that lacks a fact says which, in words, and links to that field; a form
sent twice makes one thing; impossible dates and amounts are refused next to the field; passed
legal dates are history; the calendar downloads; radio groups are fieldsets."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tests.web.test_smoke import needs_letters


def _m():
    from billadvocate.store import models as m

    return m


def _canonical(case_row):
    from billadvocate.store import mapping

    return mapping.to_canonical(case_row)


def _errors_for(page: str, field: str) -> str:
    found = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', page, re.S)
    return found.group(1) if found else ""


# ---------------------------------------------------------------- complete intake


def test_the_collector_and_its_validation_notice_are_entered_in_the_app(world, client_as):
    c = client_as(world.client_a)
    url = f"/cases/{world.case_a.pk}/intake/collector/?account=er-visit"
    page = c.get(url).content.decode()
    assert 'value="ABC Recovery"' in page and 'value="ABC-554120"' in page, "the page shows what is stored"
    r = c.post(url, {"collector_name": "Midland Credit", "collector_kind": "debt_buyer",
                     "collector_address": "PO Box 2011, Warren, MI 48090", "collector_account_number": "MC-77",
                     "notice_sent": "2026-10-10", "notice_received": "2026-10-14", "notice_amount": "5010.00",
                     "notice_itemization_date": "2025-04-01", "notice_itemization_amount": "4830.00",
                     "notice_interest": "180.00", "notice_fees": "0", "notice_dispute_by": "2026-11-19",
                     "notice_not_stated": ["creditor", "payments"]})
    assert r.status_code == 302 and r["Location"] == f"/cases/{world.case_a.pk}/"
    collector = _canonical(world.case_a).account("er-visit").collector
    assert (collector.name, collector.kind, collector.address, collector.account_number) == (
        "Midland Credit", "debt_buyer", "PO Box 2011, Warren, MI 48090", "MC-77")
    notice = collector.validation_notice
    assert (notice.sent, notice.received, notice.amount, notice.interest, notice.fees, notice.dispute_by) == (
        date(2026, 10, 10), date(2026, 10, 14), 5010, 180, 0, date(2026, 11, 19))
    assert notice.not_stated == ["creditor", "payments"]
    # what the letter leaves out is a finding of the review
    from billadvocate.web import casework

    world.case_a.refresh_from_db()
    found = [f for a in casework.review(world.case_a).accounts for f in a.violations
             if f.rule == "REGF.VALIDATION_INCOMPLETE"]
    assert found, "what the letter leaves out is a finding of the review"


def test_saving_the_bill_keeps_the_collector(world, client_as):
    client_as(world.client_a).post(f"/cases/{world.case_a.pk}/intake/bill/?account=er-visit", {
        "provider_name": "Valley General Hospital", "provider_kind": "hospital", "balance": "4830.00"})
    assert _canonical(world.case_a).account("er-visit").collector.address == "PO Box 9, Austin, TX 78701"


def test_the_assistance_policy_care_setting_and_network_are_entered_with_the_bill(world, client_as):
    r = client_as(world.client_a).post(f"/cases/{world.case_a.pk}/intake/bill/?account=er-visit", {
        "provider_name": "Valley General Hospital", "provider_kind": "hospital", "provider_nonprofit": "yes",
        "care_start": "2025-03-02", "care_end": "2025-03-04", "care_setting": "inpatient", "in_network": "no",
        "facility_in_network": "yes", "fap_free_at_or_below_fpl": "250", "fap_discount_at_or_below_fpl": "400",
        "fap_discount": "75", "fap_agb_percent": "31.5", "fap_url": "https://vgh.example/fap",
        "gfe_total": "1200", "denial_notice_date": "2025-05-01", "final_denial_date": "2025-08-01"})
    assert r.status_code == 302
    account = _canonical(world.case_a).account("er-visit")
    fap = account.provider.fap
    assert (fap.free_at_or_below_fpl, fap.discount_at_or_below_fpl, fap.discount, fap.agb_percent) == (
        250, 400, 0.75, 31.5)
    assert account.care.setting == "inpatient" and account.care.facility_in_network is True
    assert account.provider.in_network is False and account.gfe_total == 1200
    assert (account.denial_notice_date, account.final_denial_date) == (date(2025, 5, 1), date(2025, 8, 1))
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/intake/bill/?account=er-visit").content.decode()
    assert 'value="75.00"' in page or 'value="75"' in page, "the discount shows as the percent typed"


def test_the_credit_reports_collection_accounts_are_entered_one_at_a_time(world, client_as):
    m = _m()
    c = client_as(world.client_b)
    url = f"/cases/{world.case_b.pk}/intake/credit/"
    key = world.case_b.accounts.first().key
    line = {"bureau": "experian", "furnisher": "Fresno Imaging Center", "account": key, "medical": "on",
            "balance": "0", "original_amount": "310.00", "status": "paid", "first_delinquency": "2025-01-15",
            "reported": "2025-03-01", "paid_on": "2025-06-01", "pulled": "2026-11-01"}
    assert c.post(url, line).status_code == 302
    assert c.post(url, line).status_code == 302, "the same line sent twice"
    assert world.case_b.tradelines.count() == 1
    world.case_b.refresh_from_db()
    report = _canonical(world.case_b).credit_report
    assert report.pulled == date(2026, 11, 1) and report.tradelines[0].status == "paid"
    page = c.get(url).content.decode()
    assert "Fresno Imaging Center" in page
    c.post(url, {"remove": world.case_b.tradelines.get().pk})
    assert not m.Tradeline.objects.filter(case=world.case_b).exists()


@needs_letters
def test_credit_dispute_letters_are_written_from_the_web_one_per_bureau(world, client_as):
    c = client_as(world.client_a)
    page = c.get(f"/cases/{world.case_a.pk}/letters/").content.decode()
    assert "?bureau=transunion" in page and "?bureau=experian" in page and ": TransUnion</a>" in page
    r = c.get(f"/cases/{world.case_a.pk}/letters/credit_dispute/?bureau=transunion")
    assert r.status_code == 200 and "TransUnion" in r.content.decode() and "<pre" in r.content.decode()
    pdf = c.get(f"/cases/{world.case_a.pk}/letters/credit_dispute/download.pdf?bureau=transunion")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert c.get(f"/cases/{world.case_a.pk}/letters/credit_dispute/?bureau=nobody").status_code == 404
    # yesterday by the host's clock: after midnight UTC, date.today() is a day ahead of the case's zone (a future day)
    sent = {"method": "certified_mail", "bureau": "transunion", "sent_on": (date.today() - timedelta(days=1)).isoformat()}
    c.post(f"/cases/{world.case_a.pk}/letters/credit_dispute/sent/", sent)
    letter = _m().Letter.objects.get(case=world.case_a, type="credit_dispute")
    assert letter.event.extra.get("bureau") == "transunion" and letter.event.to_party == "bureau"


@needs_letters
def test_a_letter_lacking_a_fact_names_it_in_words_and_links_to_its_field(world, client_as):
    c = client_as(world.client_a)
    c.post(f"/cases/{world.case_a.pk}/intake/collector/?account=er-visit", {
        "collector_name": "ABC Recovery", "collector_kind": "agency", "collector_account_number": "ABC-554120"})
    page = c.get(f"/cases/{world.case_a.pk}/letters/validation_request/?account=er-visit").content.decode()
    assert "The collector&#x27;s mailing address" in page or "The collector's mailing address" in page
    assert f'href="/cases/{world.case_a.pk}/intake/collector/?account=er-visit#id_collector_address"' in page
    assert "accounts[" not in page and "collector.address" not in page
    letters = c.get(f"/cases/{world.case_a.pk}/letters/").content.decode()
    assert "accounts[" not in letters
    # the link opens the page with that field on it
    assert 'id="id_collector_address"' in c.get(
        f"/cases/{world.case_a.pk}/intake/collector/?account=er-visit").content.decode()


def test_every_place_a_letter_can_lack_is_a_field_of_the_app():
    from billadvocate.letters.kinds import all_kinds
    from billadvocate.web.needs import DOCUMENTS, FIELDS, FORMS

    class Facts:  # enough for a need's path: the account's index, with and without a collector
        index = 0

        def __init__(self, collector):
            self.collector = collector

    for kind in all_kinds():
        for need in kind.needs:
            for collector in (None, object()):
                path = need.path(Facts(collector)).replace("accounts[0]", "account")
                if path in DOCUMENTS:
                    continue
                while path not in FIELDS:
                    assert "." in path, f"{kind.type}: no field for {need.path(Facts(collector))}"
                    path = path.rpartition(".")[0]
                step, field = FIELDS[path]
                assert field in FORMS[step].base_fields, (kind.type, path)


# ---------------------------------------------------------------- idempotent


def test_back_then_save_on_the_first_step_edits_the_same_case(web, client_as):
    from tests.web.conftest import make_user

    m = _m()
    c = client_as(make_user("pat", "client"))
    token = re.search(r'name="submission" value="([^"]+)"', c.get("/start/", follow=True).content.decode()).group(1)
    first = c.post("/start/", {"name": "Maria Santos", "state": "CA", "language": "en", "submission": token})
    again = c.post("/start/", {"name": "Maria Santos-Ruiz", "state": "CA", "language": "en", "submission": token})
    assert m.Case.objects.count() == 1 and first["Location"] == again["Location"]
    assert m.Case.objects.get().people.get(role="patient").name == "Maria Santos-Ruiz"
    # Back (the browser fetches the page again, with the token in its address): the case's own page
    assert c.get(f"/start/?form={token}")["Location"] == f"/cases/{m.Case.objects.get().pk}/intake/you/"
    # another user cannot reach that case by replaying the token: they get their own
    other = client_as(make_user("someone", "client"))
    other.post("/start/", {"name": "Other", "state": "TX", "language": "en", "submission": token})
    assert m.Case.objects.count() == 2


def test_a_new_bill_sent_twice_makes_one_bill(world, client_as):
    c = client_as(world.client_a)
    token = "t" * 32
    bill = {"provider_name": "Fresno Radiology", "provider_kind": "physician", "balance": "300",
            "submission": token}
    r1 = c.post(f"/cases/{world.case_a.pk}/intake/bill/?account=new", bill)
    r2 = c.post(f"/cases/{world.case_a.pk}/intake/bill/?account=new", {**bill, "balance": "310"})
    assert r1["Location"] == r2["Location"]
    assert world.case_a.accounts.filter(provider_name="Fresno Radiology").count() == 1
    assert world.case_a.accounts.get(provider_name="Fresno Radiology").balance == 310


def test_retyped_bill_lines_replace_the_ones_typed_before(world, client_as):
    c = client_as(world.client_a)
    url = f"/cases/{world.case_a.pk}/intake/bill/?account=er-visit"
    base = {"provider_name": "Valley General Hospital", "provider_kind": "hospital"}
    c.post(url, {**base, "typed_lines": "2025-03-02, 85025, CBC, 1, 220.00"})
    c.post(url, {**base, "typed_lines": "2025-03-02, 85025, CBC, 1, 45.00\n2025-03-02, 80053, CMP, 1, 60.00"})
    typed = world.case_a.documents.filter(role="bill", path__startswith="bills/typed-")
    assert typed.count() == 1
    assert world.case_a.documents.filter(role="bill").count() == 2, "the uploaded bill stays"


@needs_letters
def test_marking_a_letter_sent_twice_records_it_once_and_it_leaves_needed(world, client_as):
    m = _m()
    c = client_as(world.client_a)
    before = c.get(f"/cases/{world.case_a.pk}/letters/").content.decode()
    needed = re.findall(r'letters/(\w+)/\?account=er-visit">[^<]+</a> - <strong>needed', before)
    assert needed, "the example needs at least one letter"
    kind = needed[0]
    sent = {"account": "er-visit", "method": "certified_mail", "tracking": "9400 1",
            "sent_on": (date.today() - timedelta(days=1)).isoformat()}  # never a future day in the case's zone
    c.post(f"/cases/{world.case_a.pk}/letters/{kind}/sent/", sent)
    c.post(f"/cases/{world.case_a.pk}/letters/{kind}/sent/", sent)
    assert m.Letter.objects.filter(case=world.case_a, type=kind).count() == 1
    assert m.Event.objects.filter(case=world.case_a, type=kind, tracking="9400 1").count() == 1
    after = c.get(f"/cases/{world.case_a.pk}/letters/").content.decode()
    item = re.search(rf'letters/{kind}/\?account=er-visit">[^<]+</a>(.*?)</li>', after, re.S).group(1)
    assert "needed" not in item and "sent on" in item


# ---------------------------------------------------------------- plausible


def test_impossible_dates_and_amounts_are_refused_next_to_the_field(world, client_as):
    c = client_as(world.client_a)
    url = f"/cases/{world.case_a.pk}/intake/bill/?account=er-visit"
    future = (date.today() + timedelta(days=30)).isoformat()
    base = {"provider_name": "Valley General Hospital", "provider_kind": "hospital"}
    page = c.post(url, {**base, "care_start": future}).content.decode()
    assert "in the future" in _errors_for(page, "care_start")
    page = c.post(url, {**base, "care_start": "2025-03-02", "first_bill_date": "2025-02-01"}).content.decode()
    assert "before the care" in _errors_for(page, "first_bill_date")
    page = c.post(url, {**base, "care_start": "1899-12-31"}).content.decode()
    assert "1900 and 2100" in _errors_for(page, "care_start")
    page = c.post(url, {**base, "balance": "500000000"}).content.decode()
    assert "100,000,000" in _errors_for(page, "balance")
    page = c.post(url, {**base, "typed_lines": "2150-01-01, 85025, CBC, 1, 45.00"}).content.decode()
    assert "Line 1" in _errors_for(page, "typed_lines")
    page = c.post(f"/cases/{world.case_a.pk}/intake/collector/?account=er-visit", {
        "collector_name": "ABC Recovery", "notice_sent": "2026-10-10", "notice_received": "2026-10-01"}).content.decode()
    assert "before the date printed" in _errors_for(page, "notice_received")
    assert _canonical(world.case_a).account("er-visit").care.start == date(2025, 3, 2), "nothing was saved"


def test_the_insurance_step_takes_where_the_plan_takes_appeals(world, client_as):
    c = client_as(world.client_a)
    c.post(f"/cases/{world.case_a.pk}/intake/insurance/", {"status": "insured", "plan": "Blue Valley PPO",
                                                           "appeals_address": "PO Box 5, Oakland, CA 94601"})
    world.case_a.refresh_from_db()
    insurance = _canonical(world.case_a).insurance
    assert insurance.appeals_address == "PO Box 5, Oakland, CA 94601" and insurance.plan == "Blue Valley PPO"


def test_the_household_refuses_a_year_of_income_beyond_any_real_one(world, client_as):
    page = client_as(world.client_a).post(f"/cases/{world.case_a.pk}/intake/household/", {
        "size": 2, "annual_income": "2000000000"}).content.decode()
    assert "100,000,000" in _errors_for(page, "annual_income")


# ---------------------------------------------------------------- reminders


def test_passed_legal_dates_are_history_and_the_calendar_downloads(world, client_as):
    m = _m()
    c = client_as(world.client_a)
    page = c.get(f"/cases/{world.case_a.pk}/reminders/").content.decode()
    # the case's own day (its zone: the patient's state), as the page counts it, not the server's: between
    # midnight UTC and midnight in California the two differ by a day
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from billadvocate.store.mapping import to_canonical_zone

    world.case_a.refresh_from_db()
    today = timezone.localdate(timezone=ZoneInfo(to_canonical_zone(world.case_a)))
    rows = list(m.Deadline.objects.filter(case=world.case_a, source="engine"))
    passed = [d for d in rows if d.date < today]
    ahead = [d for d in rows if d.date >= today]
    assert passed and ahead
    todo, _, history = page.partition("Dates that have passed")
    assert 'class="overdue"' not in todo
    for d in passed:
        assert d.date.isoformat() in history
    assert "VALIDATION_PERIOD_END" not in page, "kinds are said in words"
    ics = c.get(f"/cases/{world.case_a.pk}/calendar.ics")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert body.count("BEGIN:VEVENT") == len(ahead)
    assert f'href="/cases/{world.case_a.pk}/calendar.ics"' in page
    assert client_as(world.client_b).get(f"/cases/{world.case_a.pk}/calendar.ics").status_code in (403, 404)


def test_a_reminder_a_person_set_stays_to_do_until_done(world, client_as):
    c = client_as(world.client_a)
    c.post(f"/cases/{world.case_a.pk}/reminders/", {"kind": "Call the hospital back", "date": "2026-01-05"})
    page = c.get(f"/cases/{world.case_a.pk}/reminders/").content.decode()
    todo = page.partition("Dates that have passed")[0]
    assert "Call the hospital back" in todo and 'class="overdue"' in todo


# ---------------------------------------------------------------- accessibility


def test_radio_groups_are_fieldsets_and_each_page_has_one_h1(world, client_as):
    c = client_as(world.client_a)
    page = c.get(f"/cases/{world.case_a.pk}/intake/insurance/").content.decode()
    assert re.search(r"<fieldset[^>]*>\s*<legend>Your health coverage when you got care</legend>", page)
    for path in ("intake/collector/", "intake/credit/", "intake/bill/", "letters/", "reminders/",
                 "letters/credit_dispute/?bureau=experian"):
        page = c.get(f"/cases/{world.case_a.pk}/{path}").content.decode()
        assert page.count("<h1>") == 1, path
    page = c.get(f"/cases/{world.case_a.pk}/intake/credit/").content.decode()
    assert re.search(r"<legend>Which credit report</legend>", page)


# ---------------------------------------------------------------- events


def test_a_lawsuit_served_is_logged_in_words_and_gives_the_day_to_answer(world, client_as):
    m = _m()
    c = client_as(world.client_a)
    served = (world.case_a.as_of - timedelta(days=3)).isoformat()  # the review looks at the case's day
    r = c.post(f"/cases/{world.case_a.pk}/log/", {
        "account": "er-visit", "kind": "legal_action", "from_party": "collector", "detail": "lawsuit",
        "at": served, "note": "papers handed to me at home"})
    assert r.status_code == 302
    e = m.Event.objects.filter(case=world.case_a, kind="legal_action").latest("recorded_at")
    assert e.type == "lawsuit" and e.at_text == served
    page = c.get(f"/cases/{world.case_a.pk}/reminders/").content.decode()
    assert "Last day to answer the lawsuit in court" in page.partition("Dates that have passed")[0]


def test_a_call_logged_in_the_future_is_refused(world, client_as):
    page = client_as(world.client_a).post(f"/cases/{world.case_a.pk}/log/", {
        "account": "er-visit", "kind": "call", "from_party": "collector",
        "at": (date.today() + timedelta(days=3)).isoformat()}).content.decode()
    assert "in the future" in page


def test_the_log_and_the_sent_letters_say_their_codes_in_words(world, client_as):
    c = client_as(world.client_a)
    page = c.get(f"/cases/{world.case_a.pk}/log/").content.decode()
    table = page.partition("<tbody>")[2]
    assert "Phone call" in table and "Legal action" in table and "Collector" in table
    assert "legal_action" not in table and ">collector<" not in table
    assert ">2026-10-13 10:05</time>" in table, "a call's day and clock time, as it was where it happened"
    c.post(f"/cases/{world.case_a.pk}/letters/cease/sent/", {"account": "er-visit", "method": "certified_mail"})
    letters = c.get(f"/cases/{world.case_a.pk}/letters/").content.decode().partition("<h2>Sent</h2>")[2]
    if "<tbody>" in letters:
        assert "certified_mail" not in letters and "Certified mail" in letters


def test_every_page_of_a_case_has_one_h1(world, client_as):
    from django.urls import reverse

    c = client_as(world.advocate_a)
    pk = world.case_a.pk
    paths = [reverse("web:home"), reverse("web:dashboard"), reverse("web:cases"), reverse("web:account"),
             reverse("web:batch_letters")]
    paths += [f"/cases/{pk}/{p}" for p in ("", "log/", "reminders/", "documents/", "letters/", "client/",
                                              "delete/", "intake/you/", "intake/household/",
                                              "intake/insurance/", "intake/bill/", "intake/collector/",
                                              "intake/credit/", "letters/dispute/?account=er-visit")]
    for path in paths:
        r = c.get(path, follow=True)
        assert r.content.decode().count("<h1") == 1, path


@needs_letters
def test_a_letter_the_review_advises_against_says_why_and_the_patient_may_choose_it(world, client_as):
    c = client_as(world.client_a)
    url = f"/cases/{world.case_a.pk}/letters/settlement_offer/?account=er-visit"
    page = c.get(url).content.decode()
    assert "This letter is not advised for this bill" in page and "you owe $0.00" in page
    assert "patient_chose_to_pay" not in page and "<pre" not in page
    assert f"/intake/bill/?account=er-visit#id_chose_to_pay" in page
    bill = c.get(f"/cases/{world.case_a.pk}/intake/bill/?account=er-visit").content.decode()
    assert 'id="id_chose_to_pay"' in bill
    c.post(f"/cases/{world.case_a.pk}/intake/bill/?account=er-visit", {
        "provider_name": "Valley General Hospital", "provider_kind": "hospital", "chose_to_pay": "on"})
    assert _canonical(world.case_a).account("er-visit").patient_chose_to_pay is True
    page = c.get(url).content.decode()
    assert "not advised" not in page
    # written now, or it names the next fact it needs, with its field (here: the amount to offer)
    assert "<pre" in page or "household/#id_lump_sum_available" in page


def test_each_fields_help_is_announced_with_it(world, client_as):
    c = client_as(world.client_a)
    for step in ("intake/you", "intake/household", "intake/insurance", "intake/bill", "intake/collector",
                 "intake/credit", "log"):
        page = c.get(f"/cases/{world.case_a.pk}/{step}/").content.decode()
        described = re.findall(r'aria-describedby="([^"]+)"', page)
        assert described, step
        for ids in described:
            for i in ids.split():
                assert f'id="{i}"' in page, (step, i)
