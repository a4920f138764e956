"""Security, tested rather than assumed: password hashing, login rate limit, CSRF on every form,
session expiry, security headers, uploads, no PHI in logs, the production refusal."""

from __future__ import annotations

import logging
import re
import time

import pytest

from tests.conftest import run_cli
from tests.web.conftest import make_user
from tests.web.test_permissions import web_patterns


def test_passwords_are_hashed_with_argon2(web):
    user = make_user("pat", "client", password="a long passphrase 1")
    assert user.password.startswith("argon2$argon2id$")


def test_login_works_with_the_right_password(web, client_as):
    make_user("pat", "client", password="a long passphrase 1")
    r = client_as().post("/login/", {"username": "pat", "password": "a long passphrase 1"})
    assert r.status_code == 302 and r["Location"] == "/"


def _fail(c, username, n, **extra):
    for _ in range(n):
        r = c.post("/login/", {"username": username, "password": "wrong"}, **extra)
    return r


def test_five_failures_lock_that_user_name_from_that_address_even_for_the_right_password(web, client_as):
    make_user("pat", "client", password="a long passphrase 1")
    c = client_as()
    for _ in range(4):
        assert c.post("/login/", {"username": "pat", "password": "wrong"}).status_code == 200
    assert c.post("/login/", {"username": "pat", "password": "wrong"}).status_code == 429
    r = c.post("/login/", {"username": "pat", "password": "a long passphrase 1"})
    assert r.status_code == 429
    assert b"Too many failed attempts" in r.content


def test_one_persons_failures_do_not_lock_everyone_behind_the_address(web, client_as):
    """An office behind one address: pat's typos lock pat there, not sam, and not pat elsewhere."""
    make_user("pat", "client", password="a long passphrase 1")
    make_user("sam", "client", password="another passphrase 2")
    _fail(client_as(), "pat", 5, REMOTE_ADDR="10.0.0.1")
    assert client_as().post("/login/", {"username": "sam", "password": "another passphrase 2"},
                            REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client_as().post("/login/", {"username": "pat", "password": "a long passphrase 1"},
                            REMOTE_ADDR="10.0.0.2").status_code == 302
    assert client_as().post("/login/", {"username": "pat", "password": "a long passphrase 1"},
                            REMOTE_ADDR="10.0.0.1").status_code == 429


def test_the_user_name_counts_whatever_its_case_or_spaces(web, client_as):
    make_user("pat", "client", password="a long passphrase 1")
    c = client_as()
    for name in ("pat", "PAT", " Pat", "pAt ", "pat"):
        r = c.post("/login/", {"username": name, "password": "wrong"})
    assert r.status_code == 429


def test_each_try_while_locked_doubles_the_wait(web, client_as):
    from axes.models import AccessAttempt

    c = client_as()
    _fail(c, "pat", 5)
    waits = []
    for _ in range(3):
        attempt = AccessAttempt.objects.get()
        waits.append(round((attempt.expiration.expires_at - attempt.attempt_time).total_seconds() / 60))
        r = c.post("/login/", {"username": "pat", "password": "wrong"})
        assert r.status_code == 429
    assert waits == [15, 30, 60]
    assert b"Wait 120 minutes" in r.content


def test_the_lock_ends_when_the_wait_is_over(web, client_as):
    from datetime import timedelta

    from axes.models import AccessAttempt, AccessAttemptExpiration

    make_user("pat", "client", password="a long passphrase 1")
    c = client_as()
    _fail(c, "pat", 5)
    past = AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    AccessAttempt.objects.update(attempt_time=past)
    AccessAttemptExpiration.objects.update(expires_at=past + timedelta(minutes=15))
    assert c.post("/login/", {"username": "pat", "password": "a long passphrase 1"}).status_code == 302


def test_the_admin_login_is_throttled_the_same_way(web, client_as):
    make_user("boss", "admin", password="a long passphrase 1")
    c = client_as()
    for _ in range(5):
        c.post("/admin/login/", {"username": "boss", "password": "wrong", "next": "/admin/"})
    r = c.post("/admin/login/", {"username": "boss", "password": "a long passphrase 1", "next": "/admin/"})
    assert r.status_code == 429 and b"Too many failed attempts" in r.content
    assert client_as().post("/admin/login/", {"username": "boss", "password": "a long passphrase 1",
                                              "next": "/admin/"}, REMOTE_ADDR="10.9.9.9").status_code == 302


def test_four_failures_then_success_is_allowed_and_forgets_the_failures(web, client_as):
    from axes.models import AccessAttempt

    make_user("pat", "client", password="a long passphrase 1")
    c = client_as()
    _fail(c, "pat", 4)
    assert c.post("/login/", {"username": "pat", "password": "a long passphrase 1"}).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_the_failure_log_keeps_no_user_name_and_no_password(web, client_as):
    from axes.models import AccessAttempt

    client_as().post("/login/", {"username": "zelda@example.org", "password": "secret-pw-123"})
    rows = list(AccessAttempt.objects.values())
    assert rows and all(re.fullmatch(r"[0-9a-f]{64}", r["username"]) for r in rows)
    text = repr(rows)
    assert "zelda" not in text and "secret-pw-123" not in text


def test_login_refuses_to_redirect_to_another_site(web, client_as):
    make_user("pat", "client", password="a long passphrase 1")
    r = client_as().post("/login/", {"username": "pat", "password": "a long passphrase 1",
                                     "next": "https://evil.example/"})
    assert r["Location"] == "/"


def test_logout_needs_a_post_and_ends_the_session(world, client_as):
    c = client_as(world.client_a)
    assert c.get("/logout/").status_code == 405
    assert c.post("/logout/").status_code == 302
    assert c.get(f"/cases/{world.case_a.pk}/")["Location"].startswith("/login/")


def test_every_post_without_a_csrf_token_is_refused(world, client_as):
    from django.urls import reverse

    c = client_as(world.admin, enforce_csrf_checks=True)
    for name, pattern in web_patterns():
        if name == "web:logout":
            continue
        kwargs = {k: {"case_id": world.case_a.pk, "step": "you", "document_id": 1, "deadline_id": 1,
                      "letter_type": "itemized_request", "fmt": "pdf"}[k] for k in pattern.pattern.converters}
        r = c.post(reverse(name, kwargs=kwargs))
        assert r.status_code == 403, (name, r.status_code)
    assert client_as(enforce_csrf_checks=True).post("/login/", {"username": "x", "password": "y"}).status_code == 403


FORM = re.compile(rb"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)


@pytest.mark.parametrize("path", ["/cases/{a}/", "/cases/{a}/log/", "/cases/{a}/reminders/",
                                  "/cases/{a}/documents/", "/cases/{a}/intake/bill/", "/account/",
                                  "/dashboard/", "/cases/", "/cases/{a}/client/", "/start/"])
def test_every_form_on_a_page_carries_a_csrf_token(world, client_as, path):
    r = client_as(world.admin).get(path.format(a=world.case_a.pk), follow=True)  # /start/ adds its form token
    assert r.status_code == 200
    forms = FORM.findall(r.content)
    assert forms, "the page has a form (at least the language switch)"
    for body in forms:
        assert b'name="csrfmiddlewaretoken"' in body


def test_security_headers_are_on_every_page(world, client_as):
    for user, path in ((None, "/login/"), (world.client_a, f"/cases/{world.case_a.pk}/")):
        r = client_as(user).get(path)
        csp = r["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert r["X-Frame-Options"] == "DENY"
        assert r["X-Content-Type-Options"] == "nosniff"
        assert r["Referrer-Policy"] == "same-origin"
        assert "no-store" in r["Cache-Control"]


def test_session_cookies_are_http_only_and_same_site(web, client_as):
    make_user("pat", "client", password="a long passphrase 1")
    r = client_as().post("/login/", {"username": "pat", "password": "a long passphrase 1"})
    cookie = r.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_a_session_idle_past_its_age_is_over(world, client_as):
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    assert settings.SESSION_COOKIE_AGE == 3600 and settings.SESSION_SAVE_EVERY_REQUEST
    c = client_as(world.client_a)
    assert c.get(f"/cases/{world.case_a.pk}/log/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    r = c.get(f"/cases/{world.case_a.pk}/log/")
    assert r.status_code == 302 and r["Location"].startswith("/login/")


def test_a_session_older_than_the_maximum_ends_however_active(world, client_as):
    from billadvocate.web.security import SESSION_STARTED

    c = client_as(world.client_a)
    s = c.session
    s[SESSION_STARTED] = time.time() - 13 * 3600
    s.save()
    r = c.get(f"/cases/{world.case_a.pk}/")
    assert r.status_code == 302 and "expired=1" in r["Location"]
    assert c.get(f"/cases/{world.case_a.pk}/").status_code == 302  # logged out for good


# ---------------------------------------------------------------- uploads


def _upload(c, case_id, name, data, role="notice"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return c.post(f"/cases/{case_id}/documents/", {"role": role, "account": "",
                                                   "file": SimpleUploadedFile(name, data)}, follow=True)


@pytest.mark.parametrize("name,data", [
    ("notice.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    ("notice.pdf", b"  <html><body>not a pdf</body></html>"),
    ("photo.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    ("page.xml", b"<?xml version='1.0'?><x/>"),
    ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"),
])
def test_markup_and_programs_are_refused_whatever_their_name(world, client_as, name, data):
    from billadvocate.store import models as m

    before = m.Document.objects.count()
    r = _upload(client_as(world.client_a), world.case_a.pk, name, data)
    assert b"not accepted" in r.content
    assert m.Document.objects.count() == before


def test_an_upload_over_the_limit_is_refused(world, client_as, settings_override):
    from billadvocate.store import models as m

    settings_override(BILLADVOCATE_MAX_UPLOAD_BYTES=1000)
    before = m.Document.objects.count()
    r = _upload(client_as(world.client_a), world.case_a.pk, "scan.pdf", b"%PDF-1.4\n" + b"0" * 1000)
    assert b"larger than" in r.content
    assert m.Document.objects.count() == before


def test_a_pdf_is_kept_and_served_back_only_as_a_download(world, client_as):
    from billadvocate.store import models as m

    c = client_as(world.client_a)
    data = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    r = _upload(c, world.case_a.pk, "letter from collector.pdf", data)
    assert b"Document kept" in r.content
    doc = m.Document.objects.filter(case=world.case_a, role="notice").latest("id")
    r = c.get(f"/cases/{world.case_a.pk}/documents/{doc.pk}/")
    assert r.status_code == 200 and r.content == data
    assert r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"].startswith("attachment;")
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in r["Content-Security-Policy"]


def test_a_stored_file_that_looks_like_html_is_served_as_bytes_not_a_page(world, client_as):
    """Even a document imported from a case file (not through the upload check) is never HTML."""
    from billadvocate.store import blobs
    from billadvocate.store import models as m

    stored = blobs.put_bytes(b"<html><script>alert(1)</script></html>")
    doc = m.Document.objects.create(case=world.case_a, role="other", path="documents/x.html",
                                    sha256=stored.sha256, size=stored.size, media_type="text/html")
    r = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/documents/{doc.pk}/")
    assert r["Content-Type"] == "application/octet-stream"
    assert r["Content-Disposition"].startswith("attachment;")


# ---------------------------------------------------------------- logs


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


def test_no_patient_data_reaches_the_logs(world, client_as):
    """Walk pages as the client and others (including 403s, 404s and bad forms); every log line
    written through the configured handlers is free of the patient's name, phone and account."""
    from billadvocate.web.security import NoPHIFilter

    capture = _Capture()
    capture.addFilter(NoPHIFilter())
    loggers = [logging.getLogger(n) for n in ("django", "django.request", "django.security", "billadvocate")]
    for lg in loggers:
        lg.addHandler(capture)
    try:
        a = world.case_a.pk
        owner, other = client_as(world.client_a), client_as(world.client_b)
        for path in ("/cases/{a}/", "/cases/{a}/log/?q=Zelda+Quillfeather", "/cases/{a}/documents/999/",
                     "/cases/{a}/intake/nope/", "/dashboard/"):
            owner.get(path.format(a=a))
            other.get(path.format(a=a))
        owner.post(f"/cases/{a}/log/", {"account": "er-visit", "kind": "call", "from_party": "collector",
                                        "note": "Zelda Quillfeather 559-555-0142 zelda@example.org"})
        owner.post(f"/cases/{a}/log/", {"account": "nope", "note": "Zelda Quillfeather"})
        client_as().post("/login/", {"username": "zelda@example.org", "password": "x"})
        logging.getLogger("django.request").error("Internal Server Error: %s", "/cases/1/?q=Zelda",
                                                  extra={"request": type("R", (), {"method": "GET", "path": "/x",
                                                                                   "POST": {"name": "Zelda"}})()})
        try:
            raise ValueError("patient Zelda Quillfeather, 559-555-0142")
        except ValueError:
            logging.getLogger("django.request").exception("failed")
    finally:
        for lg in loggers:
            lg.removeHandler(capture)
    text = "\n".join(capture.lines)
    assert capture.lines, "something was logged (the 404s and 403s)"
    for marker in ("Zelda", "Quillfeather", "559-555-0142", "zelda@example.org", "MARK-A-77123"):
        assert marker not in text, marker


def test_the_configured_logging_uses_the_no_phi_filter():
    from django.conf import settings

    conf = settings.LOGGING
    assert conf["handlers"]["console"]["filters"] == ["no_phi"]
    assert conf["loggers"]["django"]["handlers"] == ["console"]


# ---------------------------------------------------------------- production


def test_production_problems_name_a_default_secret_and_debug():
    from billadvocate.web.checks import production_problems

    problems = production_problems(debug=True, secret_key="billadvocate-local-only-not-a-secret",
                                   allowed_hosts=["bills.example.org"])
    assert any("DEBUG" in p for p in problems) and any("secret key" in p for p in problems)
    assert production_problems(debug=False, secret_key="x" * 39, allowed_hosts=["a"])
    ok = production_problems(debug=False, secret_key="Kx9-vQ2_mZ7pL4rT8wY1uE6iO3aS5dF0gH2jK4lZ8xC", allowed_hosts=["a"])
    assert ok == []
    assert production_problems(debug=False, secret_key="Kx9-vQ2_mZ7pL4rT8wY1uE6iO3aS5dF0gH2jK4lZ8xC",
                               allowed_hosts=["*"])


def _start_wsgi(tmp_path, **env):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BILLADVOCATE_HOME": str(tmp_path),
            "BILLADVOCATE_ENV": "production", "BILLADVOCATE_ALLOWED_HOSTS": "bills.example.org", **env}
    for k in ("BILLADVOCATE_SECRET_KEY", "BILLADVOCATE_DEBUG", "DATABASE_URL"):
        if k not in env:
            full.pop(k, None)
    return subprocess.run([sys.executable, "-c", "import billadvocate.web.wsgi"], capture_output=True,
                          text=True, env=full, timeout=120)


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    p = _start_wsgi(tmp_path)
    assert p.returncode != 0 and "refuses to start in production" in p.stderr and "secret key" in p.stderr


def test_production_refuses_to_start_with_debug_on(tmp_path):
    p = _start_wsgi(tmp_path, BILLADVOCATE_SECRET_KEY="Kx9-vQ2_mZ7pL4rT8wY1uE6iO3aS5dF0gH2jK4lZ8xC",
                    BILLADVOCATE_DEBUG="1")
    assert p.returncode != 0 and "DEBUG is on" in p.stderr


def test_production_starts_with_safe_settings(tmp_path):
    p = _start_wsgi(tmp_path, BILLADVOCATE_SECRET_KEY="Kx9-vQ2_mZ7pL4rT8wY1uE6iO3aS5dF0gH2jK4lZ8xC")
    assert p.returncode == 0, p.stderr


def test_serve_refuses_to_listen_beyond_this_computer_outside_production(tmp_path):
    r = run_cli("serve", "--host", "0.0.0.0", env={"BILLADVOCATE_HOME": str(tmp_path)})
    assert r.code == 2 and "plain HTTP" in r.err and "Traceback" not in r.err
