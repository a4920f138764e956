"""Django settings for billadvocate (the CLI's store and the web app share them).

Read from the environment: BILLADVOCATE_HOME (data folder), DATABASE_URL (PostgreSQL or other),
BILLADVOCATE_SECRET_KEY (required for a shared server; a local-only default otherwise).
The web app adds its own apps and middleware here.
"""

from __future__ import annotations

import os

from . import config

DATA_DIR = config.data_dir()
DOCUMENTS_DIR = DATA_DIR / "documents"

SECRET_KEY = os.environ.get("BILLADVOCATE_SECRET_KEY") or "billadvocate-local-only-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "billadvocate.store",
]

DATABASES = {"default": config.database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = False
LANGUAGE_CODE = "en-us"

# The web app (issue 9): its apps, middleware, templates, sessions, security headers, languages.
from billadvocate.web.conf import extend as _web_settings  # noqa: E402

_web_settings(globals())
