"""The WSGI application for a production server: `gunicorn billadvocate.web.wsgi:application`.

Loading it configures Django (and, with BILLADVOCATE_ENV=production, refuses unsafe settings).
Migrations are not run here: run `django-admin migrate` once per release (docs/deploy.md).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "billadvocate.djangoapp.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
