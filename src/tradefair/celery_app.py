"""The Celery application. Workers: ``celery -A tradefair.celery_app worker``.

With no ``REDIS_URL`` the settings make every task eager, so the same task functions run inline.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradefair.settings")

app = Celery("tradefair")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
