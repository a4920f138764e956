"""The production check: refuse to start with a default secret key or DEBUG on.

`refuse_unsafe_production()` runs when the settings are loaded with BILLADVOCATE_ENV=production
(every entry point: the WSGI/ASGI application, migrations, the admin commands) and raises
ImproperlyConfigured naming what to fix. The same problems are Django system checks
(`django-admin check --deploy`).
"""

from __future__ import annotations

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

# Secrets that must never run a server other people use.
KNOWN_DEFAULTS = {"", "change-me", "changeme", "secret", "insecure", "django-insecure", "dev", "test"}
MIN_SECRET_LENGTH = 40


def production_problems(*, debug: bool, secret_key: str, allowed_hosts, secure_cookies: bool = True) -> list[str]:
    """What makes these settings unsafe for a server others use (empty when none)."""
    problems = []
    key = secret_key or ""
    if debug:
        problems.append("DEBUG is on: set BILLADVOCATE_DEBUG=0 (DEBUG shows patients' data in error pages)")
    if (key.lower() in KNOWN_DEFAULTS or key.startswith("django-insecure") or "insecure" in key.lower()
            or len(key) < MIN_SECRET_LENGTH or len(set(key)) < 10):
        problems.append(f"the secret key is a default or too weak: set BILLADVOCATE_SECRET_KEY to a "
                        f"random value of at least {MIN_SECRET_LENGTH} characters "
                        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')")
    if not allowed_hosts or "*" in allowed_hosts:
        problems.append("ALLOWED_HOSTS is empty or '*': set BILLADVOCATE_ALLOWED_HOSTS to the server's name")
    if not secure_cookies:
        problems.append("session and CSRF cookies are not marked Secure: serve over HTTPS behind the proxy")
    return problems


def refuse_unsafe_production(*, debug, secret_key, allowed_hosts, secure_cookies=True) -> None:
    """Raise ImproperlyConfigured when production settings are unsafe."""
    problems = production_problems(debug=debug, secret_key=secret_key, allowed_hosts=allowed_hosts,
                                   secure_cookies=secure_cookies)
    if problems:
        raise ImproperlyConfigured("billadvocate refuses to start in production: " + "; ".join(problems))


@checks.register(checks.Tags.security, deploy=True)
def check_production(app_configs=None, **kwargs):
    from django.conf import settings

    return [checks.Error(p, id="billadvocate.E001") for p in production_problems(
        debug=settings.DEBUG, secret_key=settings.SECRET_KEY, allowed_hosts=settings.ALLOWED_HOSTS,
        secure_cookies=settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE)]
