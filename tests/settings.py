"""The test suite's settings: the project's, with tasks run inline after commit.

Eager execution exists only here; the fault tests that need a real worker start one against
``tradefair.settings`` in a subprocess.
"""

from tradefair.settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = True
