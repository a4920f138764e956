"""Run a Django management command on billadvocate's settings (for developers).

Example: BILLADVOCATE_HOME=/tmp/ba python scripts/django_admin.py makemigrations store
"""

import sys

from billadvocate.djangoapp import setup

setup(migrate=False)

from django.core.management import execute_from_command_line  # noqa: E402

execute_from_command_line(["django-admin", *sys.argv[1:]])
