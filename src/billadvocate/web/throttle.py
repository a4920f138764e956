"""Login throttling (django-axes): five failures lock that user name *from that address*, on the
login page and on /admin/login/ alike; each further try while locked doubles the wait.

A whole office behind one address is not locked out by one person's typos, and a user is not
locked out by somebody else guessing from elsewhere. Failures are kept in the database (so the
limit holds across server processes), with the user name hashed: no user name is stored.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render

FAILURES = 5
BASE = timedelta(minutes=15)
LONGEST = timedelta(days=1)


def username_key(request, credentials=None) -> str:
    """What a failure is counted against instead of the user name itself: a salted hash."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username", "")
    name = str(name or "")[:150].strip().lower()
    return hashlib.sha256(settings.SECRET_KEY.encode() + b"user:" + name.encode()).hexdigest()


def failures(request) -> int:
    """Failures of this user name from this address still on record."""
    from axes.models import AccessAttempt

    address = getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR")
    rows = AccessAttempt.objects.filter(username=username_key(request), ip_address=address)
    return rows.aggregate(n=Sum("failures_since_start"))["n"] or 0


def cool_off(request) -> timedelta:
    """15 minutes at the fifth failure, then twice as long for each try while locked (at most a day)."""
    if request is None:
        return BASE
    extra = max(0, failures(request) - FAILURES)
    return min(BASE * (2 ** min(extra, 10)), LONGEST)


def client_address(request) -> str | None:
    # Behind the documented reverse proxy, REMOTE_ADDR is set from X-Forwarded-For by the server;
    # trusting the header here would let anyone pick their own key.
    return request.META.get("REMOTE_ADDR")


def locked_out(request, response=None, credentials=None):
    """The page a locked-out login gets: the login form again, saying how long to wait (429)."""
    from django.contrib.auth.forms import AuthenticationForm

    minutes = max(1, int(cool_off(request).total_seconds() // 60))
    return render(request, "web/login.html", {"form": AuthenticationForm(request), "blocked": True,
                                              "minutes": minutes, "next": "/"}, status=429)


def settings_for(s: dict) -> None:
    """django-axes' settings for this app (added to the settings namespace by conf.py)."""
    s["AUTHENTICATION_BACKENDS"] = ["axes.backends.AxesStandaloneBackend",
                                    "django.contrib.auth.backends.ModelBackend"]
    s["AXES_FAILURE_LIMIT"] = FAILURES
    s["AXES_LOCKOUT_PARAMETERS"] = [["username", "ip_address"]]
    s["AXES_COOLOFF_TIME"] = "billadvocate.web.throttle.cool_off"
    s["AXES_USE_ATTEMPT_EXPIRATION"] = True
    s["AXES_RESET_ON_SUCCESS"] = True
    s["AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT"] = True
    s["AXES_USERNAME_CALLABLE"] = "billadvocate.web.throttle.username_key"
    s["AXES_CLIENT_IP_CALLABLE"] = "billadvocate.web.throttle.client_address"
    s["AXES_LOCKOUT_CALLABLE"] = "billadvocate.web.throttle.locked_out"
    s["AXES_SENSITIVE_PARAMETERS"] = ["username", "password", "ip_address"]
    s["AXES_DISABLE_ACCESS_LOG"] = True
    s["AXES_VERBOSE"] = False
