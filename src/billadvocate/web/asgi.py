"""The ASGI application, for uvicorn: `uvicorn billadvocate.web.asgi:application`."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "billadvocate.djangoapp.settings")

from django.core.asgi import get_asgi_application  # noqa: E402

application = get_asgi_application()
