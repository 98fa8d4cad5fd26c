"""Applications to the test expo: a valid buyer's values, a partner with an invitation link,
the organiser, and a helper that sends an application through the service."""

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from tests.booths.conftest import organiser  # noqa: F401 - the edition's staff, shared
from tests.matchmaking.conftest import Party, make_party_in
from tradefair.expos.models import Expo
from tradefair.organisations.models import Delegation, Participation
from tradefair.registration.models import Application, DelegationLink
from tradefair.registration.services.applications import submit_application
from tradefair.registration.services.rules import ApplicationInput, PersonInput


def buyer_values(**changes: object) -> ApplicationInput:
    values = ApplicationInput(
        kind="buyer",
        name="Mekong Fresh Trading Co., Ltd.",
        country="VN",
        organisation_kind="enterprise",
        email="buying@mekongfresh.vn",
        website="https://www.mekongfresh.vn",
        buys="Durian and dragon fruit",
        hs_codes=["0810"],
        sectors=[],
        markets=["TH"],
        languages=["vi", "en"],
        days=[dt.date(2025, 9, 17), dt.date(2025, 9, 18)],
        language="en",
        people=[
            PersonInput("Nguyễn Văn An", "Nguyen Van An", "an@mekongfresh.vn", "Buyer", True),
            PersonInput("Trần Thị Bình", "Tran Thi Binh", "binh@mekongfresh.vn"),
        ],
    )
    return replace(values, **changes)  # type: ignore[arg-type]


@pytest.fixture
def partner(expo: Expo) -> Party:
    return make_party_in(expo, "Guangxi Trade Council", Participation.Role.PARTNER)


@pytest.fixture
def link(expo: Expo, partner: Party) -> DelegationLink:
    delegation = Delegation.objects.create(
        expo=expo, partner=partner.participation, name="Vietnam fruit buyers"
    )
    return DelegationLink.objects.create(
        expo=expo, delegation=delegation, token="link-token-1", quota=2
    )


Apply = Callable[..., Application]


@pytest.fixture
def apply(expo: Expo) -> Apply:
    def send(link: DelegationLink | None = None, **changes: object) -> Application:
        application, _token = submit_application(
            expo=expo, values=buyer_values(**changes), link=link
        )
        return application

    return send


@pytest.fixture
def admitted(expo: Expo, organiser, apply) -> Application:  # noqa: F811 - the shared fixture
    """An approved buyer application: two people, each with a badge."""
    from tradefair.registration.services.review import decide

    return decide(application=apply(), decision="approve", by_user=organiser)
