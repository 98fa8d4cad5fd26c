"""API fixtures: the directory's floor, the accounts' people and a bearer-token client."""

from collections.abc import Callable

import pytest
from django.test import Client

from tests.accounts.conftest import People, fast_hasher, people  # noqa: F401
from tests.pages.conftest import add_exhibitor, floor  # noqa: F401
from tradefair.accounts.models import User
from tradefair.api.auth import issue_token


@pytest.fixture
def as_user() -> Callable[[User | None], Client]:
    """A client sending a fresh bearer token for ``user`` (none for anonymous)."""

    def make(user: User | None) -> Client:
        if user is None:
            return Client()
        return Client(headers={"Authorization": f"Bearer {issue_token(user)}"})

    return make
