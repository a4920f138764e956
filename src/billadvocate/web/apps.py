"""Django app configuration for the web app."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "billadvocate.web"
    label = "web"
    verbose_name = "billadvocate web"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the production checks)
