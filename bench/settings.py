"""The project's settings with the bench's URLs: the bare view served by the same processes.

E-mails (a meeting request tells the exhibitor) go nowhere: no mail server is measured here,
and the console backend would print thousands of them.
"""

from tradefair.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
