from django.apps import AppConfig


class StoreConfig(AppConfig):
    """The case store."""

    name = "billadvocate.store"
    label = "store"
    verbose_name = "Cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import audit

        audit.connect()
