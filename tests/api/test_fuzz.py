"""Fuzz every operation of the OpenAPI schema with schemathesis: no answer is a server error,
every answer is one the schema documents, and every input the schema forbids is refused.

The schema is read from the app itself and every operation it lists becomes a test, so new
endpoints are covered without being named here. Requests go in-process through Django's WSGI
handler (no socket at all), against a small fair: one expo with buyers and exhibitors, one
pending meeting request, a published forum with one seat, and bearer tokens for a buyer, an
exhibitor, the organiser's staff and an outsider.
Schemathesis generates valid cases and, from the schema's limits (``maxLength``, ``minimum``,
``maximum``, ``pattern``, ``enum``, types), invalid ones. Each case is sent as one of those
callers (or anonymously); a valid case's path and body parameters are sometimes replaced by the
fair's real values, so that the fuzzing reaches past "no such expo" into the services (an
invalid case is sent as generated, so that it stays invalid). Bounded and deterministic: a
fixed number of examples per operation, a per-example deadline and a derandomised search.

The checks: no 5xx; the status, content type and body are the ones the schema documents for
the operation; an invalid case is refused (schemathesis' ``negative_data_rejection``: 400,
401, 403, 404, 422 …); and every 4xx is JSON whose ``detail`` is a message for people.
"""

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
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
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.accounts.conftest import PASSWORD, People, organisation
from tradefair.api.auth import issue_token
from tradefair.api.urls import api
from tradefair.deals.services.rates import set_rate
from tradefair.deals.services.writing import DealValues, PartyLine, write_deal
from tradefair.matchmaking.models import MeetingRequest
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity

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
    # One seat, so that a second caller registering joins the waiting list.
    forum = Activity.objects.create(
        expo=expo,
        kind=Activity.Kind.FORUM,
        title="Forum on the Blue Economy",
        start=dt.datetime(2025, 9, 18, 2, tzinfo=dt.UTC),
        end=dt.datetime(2025, 9, 18, 3, tzinfo=dt.UTC),
        capacity=1,
        status=Activity.Status.PUBLISHED,
    )
    # A reported deal between the buyer and the exhibitor, for the review endpoints.
    set_rate(
        expo=expo,
        currency="USD",
        usd=Decimal(1),
        cny=Decimal("7.12"),
        as_of=expo.start_date,
        by_user=None,
    )
    write_deal(
        expo,
        DealValues(
            "FUZZ-1",
            {
                "kind": "trade",
                "title": "Warehouse robots",
                "counterpart_country_id": "CN",
                "value": Decimal("250000"),
                "currency": "USD",
                "stage": "intention",
                "review": "reported",
                "reported_by": people.buyer_member,
            },
            (
                PartyLine(buyer.organisation_id, "buyer"),
                PartyLine(exhibitor.organisation_id, "seller"),
            ),
        ),
        None,
    )
    # Hypothesis draws the first choices most often: the callers who get furthest come first.
    users = [people.buyer_member, people.exhibitor_admin, people.organiser, people.outsider]
    return Fair(
        values={
            "slug": [expo.slug],
            "pk": [request.pk],
            "id": [forum.pk],  # the programme's activities
            "reference": ["FUZZ-1"],  # the deals'
            "role": ["exhibitor", "buyer"],  # the catalogue's portals
            "organisation": [buyer.organisation_id, exhibitor.organisation_id],
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
    """A 4xx is JSON whose ``detail`` is a non-empty message, a 422's included."""
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
    assert isinstance(detail, str) and detail.strip(), (
        f"{response.status_code} for {case.method} {case.formatted_path} has no detail "
        f"message: {payload!r}"
    )


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
    refusals_explain_themselves,
]


@schema.parametrize()
@schema.given(data=st.data())
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=dt.timedelta(seconds=5),
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_every_operation_keeps_to_its_schema(case, data, fuzz_fair):
    valid = case.meta is None or case.meta.generation.mode.is_positive
    if valid and case.path_parameters:
        case.path_parameters = with_real_values(data, fuzz_fair, case.path_parameters)
    if valid and isinstance(case.body, dict):
        fields = body_fields(case.method, case.path)
        case.body = with_real_values(data, fuzz_fair, case.body, body_fields=fields)
    case.headers = {**(case.headers or {}), **data.draw(st.sampled_from(fuzz_fair.callers))}
    case.call_and_validate(checks=CHECKS)


# The same operations once more, in schemathesis' coverage phase: for each limit the schema
# states, the values at its edges and just past them (maxLength + 1 characters, minimum - 1, a
# value outside an enum, a wrong type, a missing field), each sent once.
edges = schemathesis.openapi.from_dict(RAW)
edges.app = WSGIHandler()
edges.config.phases.update(phases=["coverage"])


@edges.parametrize()
@settings(deadline=dt.timedelta(seconds=5), suppress_health_check=list(HealthCheck), database=None)
def test_every_limit_holds_at_its_edges(case, fuzz_fair):
    valid = case.meta is None or case.meta.generation.mode.is_positive
    if valid and case.path_parameters:
        real = {name: fuzz_fair.values[name][0] for name in case.path_parameters}
        case.path_parameters = {**case.path_parameters, **real}
    # The buyer's token, so that the values reach the schema's checks rather than a 401.
    case.headers = {**(case.headers or {}), **fuzz_fair.callers[0]}
    case.call_and_validate(checks=CHECKS)
