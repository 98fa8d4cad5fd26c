"""Fuzz every operation of the OpenAPI schema with schemathesis: no answer is a server error.

The schema is read from the app itself and every operation it lists becomes a test, so new
endpoints are covered without being named here. Requests go in-process through Django's WSGI
handler (no socket at all), against a small fair: one expo with buyers and exhibitors, one
pending meeting request, and bearer tokens for a buyer, an exhibitor, the organiser's staff
and an outsider.
Each generated case is sent as one of those callers (or anonymously), and its path and body
parameters are sometimes replaced by the fair's real values, so that the fuzzing reaches past
"no such expo" into the services. Bounded and deterministic: a fixed number of examples per
operation, a per-example deadline and a derandomised search.

Beyond schemathesis' ``not_a_server_error``, every 4xx must be JSON with a ``detail``: a
message for people (a string), or for a malformed request (422) the list of fields at fault.
"""

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tests.accounts.conftest import PASSWORD, People, organisation
from tradefair.api.auth import issue_token
from tradefair.api.urls import api
from tradefair.matchmaking.models import MeetingRequest
from tradefair.organisations.models import Participation

EXAMPLES_PER_OPERATION = 20
Role = Participation.Role


@dataclass
class Fair:
    """What a case may name: real values per parameter name, and the callers' headers."""

    values: dict[str, list[Any]]
    callers: list[dict[str, str]]


@pytest.fixture
def wsgi_keeps_the_test_connection() -> Iterator[None]:
    """The handler closes the connection around each request; the test's transaction lives
    on it. Django's test client does the same: it unhooks ``close_old_connections``."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def fuzz_fair(people: People, expo, settings, wsgi_keeps_the_test_connection) -> Fair:
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    buyer = Participation.objects.get(organisation=people.buyer_org)
    exhibitor = Participation.objects.get(organisation=people.exhibitor_org)
    request = MeetingRequest.objects.create(
        expo=expo, buyer=buyer, exhibitor=exhibitor, message="Robots for our warehouse"
    )
    # Pairs without a request yet, so that creating one can succeed.
    more_exhibitors = [
        Participation.objects.get(organisation=organisation(expo, name, "CN", Role.EXHIBITOR))
        for name in ("Nanning Tea", "Liuzhou Motors")
    ]
    other_buyer = Participation.objects.get(
        organisation=organisation(expo, "Bangkok Importers", "TH", Role.BUYER)
    )
    # Hypothesis draws the first choices most often: the callers who get furthest come first.
    users = [people.buyer_member, people.exhibitor_admin, people.organiser, people.outsider]
    return Fair(
        values={
            "slug": [expo.slug],
            "pk": [request.pk],
            "id": [request.pk],
            "exhibitor": [e.pk for e in more_exhibitors] + [exhibitor.pk],
            "buyer": [other_buyer.pk, buyer.pk],
            "email": [people.buyer_member.email],
            "password": [PASSWORD],
        },
        callers=[{"Authorization": f"Bearer {issue_token(user)}"} for user in users]
        + [{}],  # anonymous: whatever Authorization header schemathesis made up
    )


def with_real_values(
    data: Any, fair: Fair, params: dict[str, Any], *, body_fields: frozenset[str] | None = None
) -> dict[str, Any]:
    """The generated parameters with some names the fair knows set to its real values, so
    cases get past "no such expo" into the services.

    A path keeps each generated value a quarter of the time. A body names a subset of its
    known fields with real values and leaves the other known fields out (a buyer names the
    exhibitor *or* the buyer), or keeps everything as generated."""
    found = dict(params)
    if body_fields is None:
        for name in sorted(set(params) & set(fair.values)):
            if data.draw(st.sampled_from((True, True, True, False)), label=f"real {name}"):
                found[name] = data.draw(st.sampled_from(fair.values[name]), label=name)
        return found
    known = sorted((set(params) | body_fields) & set(fair.values))
    subsets = [c for size in range(1, len(known) + 1) for c in combinations(known, size)]
    named = data.draw(st.sampled_from([*subsets, ()]), label="named fields")
    for name in known if named else ():
        if name in named:
            found[name] = data.draw(st.sampled_from(fair.values[name]), label=name)
        else:
            found.pop(name, None)
    return found


# Read from the app at import: every operation it lists, however many there are now.
RAW = api.get_openapi_schema()
schema = schemathesis.openapi.from_dict(RAW)
schema.app = WSGIHandler()


def _fields(node: dict[str, Any]) -> frozenset[str]:
    """The property names of a JSON schema, through ``$ref`` and ``anyOf``."""
    if "$ref" in node:
        node = RAW["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    found = frozenset(node.get("properties", {}))
    for option in node.get("anyOf", []):
        found |= _fields(option)
    return found


def body_fields(method: str, path: str) -> frozenset[str]:
    content = RAW["paths"][path][method.lower()].get("requestBody", {}).get("content", {})
    return frozenset().union(*(_fields(c.get("schema", {})) for c in content.values()))


def refusals_explain_themselves(ctx: Any, response: Any, case: Any) -> None:
    """A 4xx is JSON with ``detail``: a message, or (422) the fields at fault and why."""
    if not 400 <= response.status_code < 500:
        return
    try:
        payload = json.loads(response.text)
    except ValueError as exc:
        raise AssertionError(
            f"{response.status_code} for {case.method} {case.formatted_path} is not JSON: "
            f"{response.text[:200]!r}"
        ) from exc
    detail = payload.get("detail") if isinstance(payload, dict) else None
    if isinstance(detail, str):
        assert detail.strip(), f"{response.status_code} with an empty detail"
        return
    assert response.status_code == 422 and isinstance(detail, list) and detail, (
        f"{response.status_code} for {case.method} {case.formatted_path} has no detail "
        f"message: {payload!r}"
    )
    for error in detail:
        assert error.get("loc") and error.get("msg"), f"422 without the field at fault: {error!r}"


@schema.parametrize()
@schema.given(data=st.data())
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=dt.timedelta(seconds=5),
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_no_operation_answers_with_a_server_error(case, data, fuzz_fair):
    if case.path_parameters:
        case.path_parameters = with_real_values(data, fuzz_fair, case.path_parameters)
    if isinstance(case.body, dict):
        fields = body_fields(case.method, case.path)
        case.body = with_real_values(data, fuzz_fair, case.body, body_fields=fields)
    case.headers = {**(case.headers or {}), **data.draw(st.sampled_from(fuzz_fair.callers))}
    case.call_and_validate(checks=[not_a_server_error, refusals_explain_themselves])
