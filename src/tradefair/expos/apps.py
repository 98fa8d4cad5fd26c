from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExposConfig(AppConfig):
    name = "tradefair.expos"
    verbose_name = _("Expos")

    def ready(self) -> None:
        # Binds shared tasks to the project's Celery app (inline without a broker).
        from tradefair import celery_app  # noqa: F401
