"""Security headers, session lifetime, and the no-PHI logging filter.

Django's own middleware covers CSRF, X-Frame-Options, nosniff and Referrer-Policy; this adds a
strict Content-Security-Policy (no inline script, nothing from other sites), a Permissions-Policy,
no caching of pages that carry a patient's data, and an absolute session lifetime on top of
Django's idle expiry.
"""

from __future__ import annotations

import logging
import re
import time
import traceback

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])
PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=()"


class SecurityHeadersMiddleware:
    """Adds CSP, Permissions-Policy and no-store caching to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not request.path.startswith(settings.STATIC_URL or "/static/"):
            response.setdefault("Cache-Control", "no-store")
        return response


SESSION_STARTED = "_billadvocate_login_at"


class SessionLifetimeMiddleware:
    """Logs a user out after BILLADVOCATE_SESSION_MAX_AGE seconds, however active they were.

    Idle expiry is Django's (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_STARTED)
            limit = getattr(settings, "BILLADVOCATE_SESSION_MAX_AGE", 12 * 3600)
            now = time.time()
            if started is None:
                request.session[SESSION_STARTED] = now
            elif now - started > limit:
                logout(request)
                return redirect(f"{settings.LOGIN_URL}?expired=1")
        return self.get_response(request)


# Numbers that look like phone numbers, SSNs, account numbers; e-mail addresses.
_PHI_PATTERNS = [
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    re.compile(r"\b\d{3}[-. ]\d{2,3}[-. ]\d{4}\b"),
]


class NoPHIFilter(logging.Filter):
    """Keeps request bodies, query strings and contact details out of log records.

    Django's request loggers attach the request object; a handler could render its POST data or
    query string. This drops those, keeps only method and path (which carry ids, not names), and
    masks anything that looks like an e-mail address or a phone number.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None:
            record.request = f"{getattr(request, 'method', '?')} {getattr(request, 'path', '?')}"
        if record.args:
            record.msg = record.getMessage()
            record.args = ()
        msg = str(record.msg)
        if "?" in msg:
            msg = re.sub(r"\?\S*", "?…", msg)
        for rx in _PHI_PATTERNS:
            msg = rx.sub("[redacted]", msg)
        if record.exc_info and record.exc_info[0] is not None:
            # The exception's message may quote a patient's data: keep its type and where only.
            kind, _, tb = record.exc_info
            frames = " < ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}"
                                for f in reversed(traceback.extract_tb(tb)[-6:]))
            msg = f"{msg} [{kind.__name__} at {frames}]"
            record.exc_info = None
        record.msg = msg
        record.exc_text = None
        return True


class AuditActorMiddleware:
    """Attributes every change made during a request to the logged-in user (store audit trail)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from billadvocate.store.audit import acting_as

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            with acting_as(user=user, name=f"web:{user.get_username()}"):
                return self.get_response(request)
        return self.get_response(request)
