"""Each view does its job: the intake saves every step, the results show the findings and the
chart, the log takes a call in one post, reminders, documents, letters, and the workbench."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

import pytest

from tests.web.test_smoke import needs_letters


def _models():
    from billadvocate.store import models as m

    return m


# ---------------------------------------------------------------- intake


def test_the_intake_saves_each_step_and_ends_on_the_results(web, client_as):
    from tests.web.conftest import make_user

    m = _models()
    pat = make_user("pat", "client")
    c = client_as(pat)
    r = c.post("/start/", {"name": "Maria Santos", "state": "CA", "language": "es"})
    case = m.Case.objects.get()
    assert r["Location"] == f"/cases/{case.pk}/intake/household/"
    assert list(case.assigned_to.all()) == [pat], "the new case is the patient's own"
    assert case.people.get(role="patient").state == "CA"
    c.post(f"/cases/{case.pk}/intake/household/", {"size": 2, "annual_income": "30000"})
    assert m.Household.objects.get(case=case).annual_income == 30000
    c.post(f"/cases/{case.pk}/intake/insurance/", {"status": "uninsured"})
    case.refresh_from_db()
    assert case.insurance == {"status": "uninsured"}
    # the results page is not reachable before there is a bill: it sends the patient to that step
    assert c.get(f"/cases/{case.pk}/")["Location"] == f"/cases/{case.pk}/intake/bill/"
    r = c.post(f"/cases/{case.pk}/intake/bill/", {
        "provider_name": "Fresno Community Hospital", "provider_kind": "hospital", "balance": "650",
        "care_start": "2026-09-10", "care_end": "2026-09-10", "emergency": "yes",
        "typed_lines": "2026-09-10, 85025, CBC, 1, 220.00\n2026-09-10, 85025, CBC, 1, 220.00\n"
                       "2026-09-10, 99283, ER visit, 1, 210.00"})
    assert r["Location"] == f"/cases/{case.pk}/intake/collector/?account=bill-1"
    # the collector's page, left blank (no collector): on to the results
    r = c.post(f"/cases/{case.pk}/intake/collector/?account=bill-1", {})
    assert r["Location"] == f"/cases/{case.pk}/"
    account = case.accounts.get()
    assert account.collector is None
    assert account.provider_name == "Fresno Community Hospital" and account.care["emergency"] is True
    assert case.documents.filter(role="bill").count() == 1
    page = c.get(f"/cases/{case.pk}/").content.decode()
    assert "CBC" in page and "$220.00" in page and "<svg" in page and "Where the money goes" in page


def test_a_step_can_be_revisited_and_shows_what_was_saved(world, client_as):
    r = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/intake/you/")
    assert b'value="Zelda Quillfeather"' in r.content


def test_typed_lines_with_too_few_cells_are_refused_with_the_line_number(world, client_as):
    r = client_as(world.client_a).post(f"/cases/{world.case_a.pk}/intake/bill/?account=new", {
        "provider_name": "Lab", "provider_kind": "lab", "typed_lines": "2026-01-01, 80053, 12.00"})
    assert r.status_code == 200 and "Line 1" in r.content.decode()
    assert world.case_a.accounts.count() == 1


def test_an_uploaded_photo_of_a_bill_is_kept_with_the_account(world, client_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    r = client_as(world.client_a).post(f"/cases/{world.case_a.pk}/intake/bill/?account=er-visit", {
        "provider_name": "Valley General Hospital", "provider_kind": "hospital",
        "bill_file": SimpleUploadedFile("IMG_2041.png", png, content_type="image/png")})
    assert r.status_code == 302
    doc = world.case_a.documents.filter(role="bill").order_by("-id").first()
    assert doc.path.endswith(".png") and doc.account.key == "er-visit"


def test_a_second_bill_gets_its_own_account(world, client_as):
    client_as(world.client_a).post(f"/cases/{world.case_a.pk}/intake/bill/?account=new", {
        "provider_name": "Fresno Radiology", "provider_kind": "physician", "balance": "300"})
    assert [a.provider_name for a in world.case_a.accounts.order_by("position")] == [
        "Valley General Hospital", "Fresno Radiology"]


# ---------------------------------------------------------------- results


def test_the_results_list_each_finding_with_its_lines_and_dollars(world, client_as):
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode()
    assert "What is wrong with the bill" in page
    assert "billed 2 times" in page and "$45.00" in page
    assert "Your deadlines" in page and "Help you may qualify for" in page
    assert "What to say on the phone" in page
    assert 'role="img"' in page and "<title id=\"chart-title\">" in page


def test_the_chart_draws_one_labelled_bar_per_known_amount():
    from billadvocate.web.charts import money_chart

    svg = money_chart([("Billed", 1000), ("Fair", 250), ("Unknown", None)], title="Where")
    assert svg.count("<rect") == 2 and "Billed: $1,000.00; Fair: $250.00" in svg and "Unknown" not in svg
    assert money_chart([], title="x") == ""


# ---------------------------------------------------------------- log, reminders, documents


def test_a_call_is_logged_in_one_post_with_the_time_defaulting_to_now(world, client_as):
    m = _models()
    before = m.Event.objects.filter(case=world.case_a).count()
    r = client_as(world.client_a).post(f"/cases/{world.case_a.pk}/log/", {
        "account": "er-visit", "kind": "call", "from_party": "collector", "note": "asked for $5,010"})
    assert r.status_code == 302
    e = m.Event.objects.filter(case=world.case_a).latest("recorded_at")
    assert m.Event.objects.filter(case=world.case_a).count() == before + 1
    assert (e.kind, e.from_party, e.note) == ("call", "collector", "asked for $5,010")
    assert e.recorded_by == world.client_a


def test_a_case_with_many_log_entries_shows_the_newest_first_and_offers_the_rest(world, client_as):
    from billadvocate.store import cases as store
    from billadvocate import model

    for i in range(205):
        store.log_event(world.case_a, model.Event.model_validate(
            {"at": f"2026-0{1 + i % 9}-{1 + i % 27:02d}", "kind": "call", "from": "collector", "note": f"n{i}"}),
            account_key="er-visit")
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/log/").content.decode()
    assert "Show every entry" in page
    assert page.count("<tr>") == 201  # header + 200 newest


def test_reminders_can_be_added_done_and_snoozed(world, client_as):
    m = _models()
    c = client_as(world.client_a)
    day = date.today() + timedelta(days=3)
    c.post(f"/cases/{world.case_a.pk}/reminders/", {"kind": "Call the hospital back", "date": day.isoformat()})
    d = m.Deadline.objects.get(case=world.case_a, kind="Call the hospital back")
    assert d.source == "reminder"
    c.post(f"/cases/{world.case_a.pk}/reminders/{d.pk}/snooze/", {"until": (day + timedelta(days=7)).isoformat()})
    d.refresh_from_db()
    assert d.snoozed_until == day + timedelta(days=7)
    c.post(f"/cases/{world.case_a.pk}/reminders/{d.pk}/done/")
    d.refresh_from_db()
    assert d.done_at is not None


def test_the_reminders_page_brings_in_the_engines_deadlines(world, client_as):
    m = _models()
    client_as(world.client_a).get(f"/cases/{world.case_a.pk}/reminders/")
    kinds = set(m.Deadline.objects.filter(case=world.case_a, source="engine").values_list("kind", flat=True))
    assert kinds, "the example case has deadlines (validation period, FAP application, ...)"


def test_the_documents_page_lists_and_downloads_the_bill(world, client_as):
    m = _models()
    c = client_as(world.client_a)
    page = c.get(f"/cases/{world.case_a.pk}/documents/").content.decode()
    doc = m.Document.objects.filter(case=world.case_a, role="bill").first()
    assert doc.path in page
    r = c.get(f"/cases/{world.case_a.pk}/documents/{doc.pk}/")
    assert r["Content-Disposition"].startswith("attachment") and b"85025" in r.content


# ---------------------------------------------------------------- letters


@needs_letters
def test_a_letter_is_previewed_edited_downloaded_and_marked_sent(world, client_as):
    m = _models()
    c = client_as(world.client_a)
    base = f"/cases/{world.case_a.pk}/letters/validation_request/"
    page = c.get(base, {"account": "er-visit"}).content.decode()
    assert "ABC Recovery" in page and "Download PDF" in page
    r = c.post(f"{base}?account=er-visit&lang=en", {"account": "er-visit", "lang": "en", "subject": "My dispute",
                                                    "text": "Please validate this debt.\n\n- one\n- two"})
    assert r.status_code == 302
    page = c.get(base, {"account": "er-visit", "lang": "en"}).content.decode()
    assert "My dispute" in page and "Please validate this debt." in page
    pdf = c.get(f"{base}download.pdf", {"account": "er-visit", "lang": "en"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = c.get(f"{base}download.docx", {"account": "er-visit", "lang": "en"})
    assert docx.content[:2] == b"PK"
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Please validate this debt." in text
    c.post(f"{base}sent/", {"account": "er-visit", "lang": "en", "method": "certified_mail",
                            "tracking": "9400-TRACK"})
    letter = m.Letter.objects.get(case=world.case_a)
    assert (letter.type, letter.method, letter.tracking) == ("validation_request", "certified_mail", "9400-TRACK")
    assert letter.document.role == "letter" and letter.event.kind == "letter"
    c.post(f"{base}reset/", {"account": "er-visit", "lang": "en"})
    assert "My dispute" not in c.get(base, {"account": "er-visit", "lang": "en"}).content.decode()


@needs_letters
def test_a_letter_in_spanish(world, client_as):
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/letters/validation_request/",
                                         {"account": "er-visit", "lang": "es"}).content.decode()
    assert "Atentamente" in page or "Estimado" in page or "validación" in page.lower()


@needs_letters
def test_the_letters_page_says_which_letters_the_case_needs_and_why(world, client_as):
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/letters/").content.decode()
    assert "needed" in page


@needs_letters
def test_batch_letters_make_one_file_per_case_and_list_the_skipped(world, client_as):
    world.case_b.assigned_to.add(world.advocate_a)
    r = client_as(world.advocate_a).post("/letters/batch/", {
        "letter_type": "itemized_request", "format": "pdf",
        "cases": [str(world.case_a.pk), str(world.case_b.pk)]})
    assert r["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    assert any(n.startswith(f"case-{world.case_a.pk}-") and n.endswith(".pdf") for n in names)


def test_batch_letters_refuse_a_case_the_advocate_cannot_see(world, client_as):
    r = client_as(world.advocate_b).post("/letters/batch/", {
        "letter_type": "itemized_request", "format": "pdf", "cases": [str(world.case_a.pk)]})
    assert r.status_code in (200, 404) and b"PK" != r.content[:2]


# ---------------------------------------------------------------- the workbench


def test_the_dashboard_lists_open_deadlines_across_clients_soonest_first(world, client_as):
    m = _models()
    world.case_b.assigned_to.add(world.advocate_a)
    today = date.today()
    m.Deadline.objects.create(case=world.case_b, kind="LATER", date=today + timedelta(days=30), source="reminder")
    m.Deadline.objects.create(case=world.case_a, kind="SOONER", date=today + timedelta(days=2), source="reminder")
    m.Deadline.objects.create(case=world.case_a, kind="FINISHED", date=today + timedelta(days=1), source="reminder",
                              done_at="2026-01-01T00:00Z")
    m.Deadline.objects.create(case=world.case_a, kind="SNOOZED", date=today, source="reminder",
                              snoozed_until=today + timedelta(days=5))
    page = client_as(world.advocate_a).get("/dashboard/").content.decode()
    assert page.index("SOONER") < page.index("LATER")
    assert "FINISHED" not in page and "SNOOZED" not in page
    assert "LATER" not in client_as(world.advocate_b).get("/dashboard/").content.decode()


def test_recomputing_deadlines_fills_the_dashboard_from_the_engines(world, client_as):
    c = client_as(world.advocate_a)
    c.post("/dashboard/refresh/")
    assert "Zelda Quillfeather" in c.get("/dashboard/").content.decode()


def test_search_matches_account_numbers_providers_and_case_numbers(world, client_as):
    world.case_b.assigned_to.add(world.advocate_a)
    c = client_as(world.advocate_a)
    assert "Zelda Quillfeather" in c.get("/cases/", {"q": "MARK-A"}).content.decode()
    page = c.get("/cases/", {"q": "MARK-B"}).content.decode()
    assert "Bartholomew" in page and "Zelda" not in page
    assert "Zelda Quillfeather" in c.get("/cases/", {"q": str(world.case_a.pk)}).content.decode()


def test_the_export_holds_the_advocates_cases_and_deadlines_only(world, client_as):
    r = client_as(world.advocate_a).get("/export/")
    z = zipfile.ZipFile(io.BytesIO(r.content))
    cases_csv = z.read("cases.csv").decode()
    assert "Zelda Quillfeather" in cases_csv and "Bartholomew" not in cases_csv
    assert "deadlines.csv" in z.namelist()


def test_a_case_exports_as_a_case_file_that_imports_again(world, client_as, tmp_path):
    r = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/export/")
    path = tmp_path / "case.zip"
    path.write_bytes(r.content)
    from billadvocate.store import cases as store

    again = store.import_case(path)
    assert again.people.get(role="patient").name == "Zelda Quillfeather"


def test_an_advocate_gives_the_client_a_login_to_this_case_only(world, client_as):
    from django.contrib.auth import get_user_model

    c = client_as(world.advocate_a)
    r = c.post(f"/cases/{world.case_a.pk}/client/", {"username": "zelda", "password": "a long passphrase 9"})
    assert r.status_code == 302
    zelda = get_user_model().objects.get(username="zelda")
    assert zelda.profile.role == "client" and zelda.password.startswith("argon2")
    assert client_as(zelda).get(f"/cases/{world.case_a.pk}/").status_code == 200
    assert client_as(zelda).get(f"/cases/{world.case_b.pk}/").status_code == 404
    assert client_as(zelda).get("/dashboard/").status_code == 403


def test_a_weak_client_password_is_refused(world, client_as):
    r = client_as(world.advocate_a).post(f"/cases/{world.case_a.pk}/client/", {"username": "z", "password": "1234567890"})
    assert r.status_code == 200 and b"errorlist" in r.content


def test_a_client_goes_straight_to_their_own_case_and_an_advocate_to_the_dashboard(world, client_as):
    assert client_as(world.client_a).get("/")["Location"] == f"/cases/{world.case_a.pk}/"
    assert client_as(world.advocate_a).get("/")["Location"] == "/dashboard/"


def test_the_password_can_be_changed(web, client_as):
    from tests.web.conftest import make_user

    user = make_user("pat", "client", password="a long passphrase 1")
    c = client_as(user)
    r = c.post("/account/", {"old_password": "a long passphrase 1", "new_password1": "another long phrase 2",
                             "new_password2": "another long phrase 2"})
    assert r.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another long phrase 2")


def test_serve_creates_the_admin_once(web):
    from billadvocate.web.firstrun import ensure_admin

    password = ensure_admin()
    assert password and len(password) >= 12
    assert ensure_admin() is None
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.profile.role == "admin" and admin.check_password(password)


def test_opening_the_results_puts_the_engines_deadlines_on_the_dashboard(world, client_as):
    client_as(world.client_a).get(f"/cases/{world.case_a.pk}/")
    page = client_as(world.advocate_a).get("/dashboard/").content.decode()
    m = _models()
    rows = m.Deadline.objects.filter(case=world.case_a, source="engine")
    ahead = [d for d in rows if d.date >= date.today()]
    passed = [d for d in rows if d.date < date.today() - timedelta(days=1)]
    assert ahead and passed, "the example has legal dates both ahead and past"
    assert "Zelda Quillfeather" in page
    assert all(d.kind in page for d in ahead)
    # a legal date that has passed is history, not an overdue to-do
    assert not any(d.date.isoformat() in page for d in passed if d.date not in {a.date for a in ahead})
