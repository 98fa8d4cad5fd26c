"""The project's settings with the bench's URLs: the bare view served by the same processes."""

from tradefair.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
