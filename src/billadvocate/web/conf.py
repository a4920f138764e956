"""The web app's part of the Django settings: apps, middleware, templates, security.

The shared settings module (billadvocate.djangoapp.settings) calls `extend(globals())` at its end.
Read from the environment:

- BILLADVOCATE_ENV=production: a shared server. The settings then refuse to load with DEBUG on,
  a default or weak secret key, or no ALLOWED_HOSTS (see checks.py), and cookies are HTTPS-only.
- BILLADVOCATE_SECRET_KEY: required in production. Locally a random key is made once and kept in
  the data folder (readable by its owner only).
- BILLADVOCATE_ALLOWED_HOSTS: comma-separated host names (production).
- BILLADVOCATE_DEBUG=1: Django's debug pages (never in production).
- BILLADVOCATE_SESSION_IDLE_SECONDS (default 3600), BILLADVOCATE_SESSION_MAX_AGE (default 43200).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

LOCAL_DEFAULT_SECRETS = {"billadvocate-local-only-not-a-secret", ""}
HERE = Path(__file__).resolve().parent


def is_production() -> bool:
    return os.environ.get("BILLADVOCATE_ENV", "").strip().lower() in {"production", "prod"}


def _local_secret(data_dir: Path) -> str:
    """A random secret kept in the data folder, so sessions survive a restart of `serve`."""
    path = Path(data_dir) / "secret_key"
    try:
        key = path.read_text().strip()
        if len(key) >= 40:
            return key
    except OSError:
        pass
    key = secrets.token_urlsafe(50)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key)
    return key


def _env_list(name: str) -> list[str]:
    return [h.strip() for h in os.environ.get(name, "").split(",") if h.strip()]


def extend(s: dict[str, Any]) -> None:
    """Add the web app to a settings namespace (the globals() of the settings module)."""
    production = is_production()
    s["DEBUG"] = os.environ.get("BILLADVOCATE_DEBUG", "") in {"1", "true", "yes"}
    env_secret = os.environ.get("BILLADVOCATE_SECRET_KEY")
    if env_secret:
        s["SECRET_KEY"] = env_secret
    elif not production and s.get("SECRET_KEY", "") in LOCAL_DEFAULT_SECRETS:
        s["SECRET_KEY"] = _local_secret(s["DATA_DIR"])
    if production:
        hosts = _env_list("BILLADVOCATE_ALLOWED_HOSTS")
        s["ALLOWED_HOSTS"] = hosts
        s["CSRF_TRUSTED_ORIGINS"] = _env_list("BILLADVOCATE_CSRF_TRUSTED_ORIGINS") or [
            f"https://{h}" for h in hosts if h != "*"]
        s["SESSION_COOKIE_SECURE"] = s["CSRF_COOKIE_SECURE"] = True
        s["SECURE_PROXY_SSL_HEADER"] = ("HTTP_X_FORWARDED_PROTO", "https")
        s["SECURE_HSTS_SECONDS"] = int(os.environ.get("BILLADVOCATE_HSTS_SECONDS", "31536000"))
        s["SECURE_SSL_REDIRECT"] = os.environ.get("BILLADVOCATE_SSL_REDIRECT", "1") == "1"
        from .checks import refuse_unsafe_production

        refuse_unsafe_production(debug=s["DEBUG"], secret_key=s["SECRET_KEY"],
                                 allowed_hosts=s["ALLOWED_HOSTS"], secure_cookies=True)
    else:
        s["ALLOWED_HOSTS"] = list(s.get("ALLOWED_HOSTS", [])) + ["testserver"] + _env_list(
            "BILLADVOCATE_ALLOWED_HOSTS")

    apps = list(s.get("INSTALLED_APPS", []))
    for app in ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
                "axes", "billadvocate.web"]:
        if app not in apps:
            apps.append(app)
    s["INSTALLED_APPS"] = apps
    s["MIDDLEWARE"] = [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "billadvocate.web.security.SecurityHeadersMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.locale.LocaleMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "billadvocate.web.security.SessionLifetimeMiddleware",
        "billadvocate.web.security.AuditActorMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
    ]
    s["ROOT_URLCONF"] = "billadvocate.web.urls"
    s["TEMPLATES"] = [{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": [
            "django.template.context_processors.request",
            "django.contrib.auth.context_processors.auth",
            "django.contrib.messages.context_processors.messages",
            "django.template.context_processors.i18n",
            "billadvocate.web.views.base.context",
        ]},
    }]
    s["WSGI_APPLICATION"] = "billadvocate.web.wsgi.application"
    s["STATIC_URL"] = "/static/"
    # WhiteNoise serves the package's static files directly (no collectstatic step needed);
    # BILLADVOCATE_STATIC_ROOT names a collectstatic folder where a proxy serves them instead.
    s["STATIC_ROOT"] = os.environ.get("BILLADVOCATE_STATIC_ROOT") or None
    s["WHITENOISE_USE_FINDERS"] = True
    s["CSRF_FAILURE_VIEW"] = "billadvocate.web.views.base.csrf_failure"
    s["LOGIN_URL"] = "/login/"
    s["LOGIN_REDIRECT_URL"] = "/"
    s["LOGOUT_REDIRECT_URL"] = "/login/"

    # Passwords: Argon2id first (argon2-cffi), PBKDF2 accepted for older hashes.
    s["PASSWORD_HASHERS"] = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    s["AUTH_PASSWORD_VALIDATORS"] = [
        {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
        {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
         "OPTIONS": {"min_length": 10}},
        {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
        {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    ]

    # Login throttling (django-axes): per user name and address, doubling while locked (throttle.py).
    from .throttle import settings_for as _throttle_settings

    _throttle_settings(s)

    # Sessions: expire after an hour idle and at a fixed maximum; cookies not readable by scripts.
    s["SESSION_COOKIE_AGE"] = int(os.environ.get("BILLADVOCATE_SESSION_IDLE_SECONDS", "3600"))
    s["SESSION_SAVE_EVERY_REQUEST"] = True
    s["SESSION_EXPIRE_AT_BROWSER_CLOSE"] = True
    s["BILLADVOCATE_SESSION_MAX_AGE"] = int(os.environ.get("BILLADVOCATE_SESSION_MAX_AGE", "43200"))
    s["SESSION_COOKIE_HTTPONLY"] = True
    s["SESSION_COOKIE_SAMESITE"] = "Lax"
    s["CSRF_COOKIE_HTTPONLY"] = True
    s["CSRF_COOKIE_SAMESITE"] = "Lax"

    # Headers (SecurityMiddleware, XFrameOptionsMiddleware; CSP in security.py).
    s["X_FRAME_OPTIONS"] = "DENY"
    s["SECURE_CONTENT_TYPE_NOSNIFF"] = True
    s["SECURE_REFERRER_POLICY"] = "same-origin"
    s["SECURE_CROSS_ORIGIN_OPENER_POLICY"] = "same-origin"

    # Uploads: small in memory, bounded in total.
    s["BILLADVOCATE_MAX_UPLOAD_BYTES"] = int(os.environ.get("BILLADVOCATE_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
    s["FILE_UPLOAD_MAX_MEMORY_SIZE"] = 2 * 1024 * 1024
    s["DATA_UPLOAD_MAX_MEMORY_SIZE"] = s["BILLADVOCATE_MAX_UPLOAD_BYTES"] + 1024 * 1024
    s["DATA_UPLOAD_MAX_NUMBER_FIELDS"] = 2000
    s["FILE_UPLOAD_PERMISSIONS"] = 0o600

    # Languages: English and Spanish (translations in web/locale, compiled .mo shipped).
    s["USE_I18N"] = True
    s["LANGUAGE_CODE"] = "en"
    s["LANGUAGES"] = [("en", "English"), ("es", "Español")]
    s["LOCALE_PATHS"] = [str(HERE / "locale")]

    # Logs: warnings and errors only, with requests reduced to method and path (no PHI).
    s["LOGGING"] = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"no_phi": {"()": "billadvocate.web.security.NoPHIFilter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_phi"],
                                 "level": "WARNING"}},
        "loggers": {
            "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "billadvocate": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        },
    }
