"""Login rate limiting: a few failures per user name and per address, then a pause.

Failures are kept in the database (LoginFailure), so the limit holds across server processes.
Keys are hashed: neither the user name nor the address is stored.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import LoginFailure


def _limit() -> tuple[int, int]:
    return (getattr(settings, "BILLADVOCATE_LOGIN_MAX_FAILURES", 5),
            getattr(settings, "BILLADVOCATE_LOGIN_WINDOW_SECONDS", 900))


def keys(username: str, address: str | None) -> list[str]:
    """The hashed keys a login attempt counts against: the user name and the client address."""
    salt = settings.SECRET_KEY.encode()
    out = [hashlib.sha256(salt + b"user:" + username.strip().lower().encode()).hexdigest()]
    if address:
        out.append(hashlib.sha256(salt + b"addr:" + address.encode()).hexdigest())
    return out


def blocked(username: str, address: str | None) -> bool:
    """True when this user name or address failed too often in the window."""
    max_failures, window = _limit()
    since = timezone.now() - timedelta(seconds=window)
    return any(LoginFailure.objects.filter(key=k, at__gte=since).count() >= max_failures
               for k in keys(username, address))


def record_failure(username: str, address: str | None) -> None:
    LoginFailure.objects.bulk_create([LoginFailure(key=k) for k in keys(username, address)])
    # Keep the table small: forget failures older than a day.
    LoginFailure.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()


def clear(username: str) -> None:
    """A successful login forgets that user name's failures (not the address's)."""
    LoginFailure.objects.filter(key=keys(username, None)[0]).delete()
