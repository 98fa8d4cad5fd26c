"""The public programme pages in English and Chinese, registration from the activity page,
and launched products on the launch page and the exhibitor profile.

Refused actions assert that nothing was written; list pages pin their query count with one
and three rows.
"""

import pytest

from tests.matchmaking.conftest import MakeParty, Party
from tests.programme.conftest import MakeActivity, at
from tradefair.accounts.models import User
from tradefair.expos.models import Country, Expo, HSCode, Sector
from tradefair.floorplan.models import Hall
from tradefair.organisations.models import Organisation, Participation
from tradefair.programme.models import Activity, LaunchedProduct, Registration, Room, Speaker
from tradefair.programme.services.registration import register

PROGRAMME = "/test-expo/programme/"
CLOCK_EN = "All times are Nanning time (UTC+8)."
CLOCK_ZH = "所有时间均为南宁时间（UTC+8）。"
REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED


def page_url(activity: Activity, prefix: str = "") -> str:
    return f"{prefix}{PROGRAMME}{activity.pk}/"


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def fill(activity: Activity, make_party: MakeParty, n: int, prefix: str = "Seated") -> None:
    for i in range(n):
        register(activity=activity, user=make_party(f"{prefix} {i}").user)


def rows(activity: Activity) -> list[tuple[str, str, int | None]]:
    return [
        (r.user.email, r.status, r.seat)
        for r in activity.registrations.select_related("user").order_by("arrived_at", "pk")
    ]


@pytest.fixture
def week(make_activity: MakeActivity, halls: tuple[Hall, Hall], expo: Expo) -> dict:
    """A forum two-thirds full, a cancelled launch, a draft and a trade promotion next day."""
    hall_a = halls[0]
    hall_a.name_zh = "A馆"
    hall_a.save()
    stage = Room.objects.create(
        expo=expo, name="Stage A", name_zh="A馆舞台", capacity=3, hall=hall_a
    )
    forum = make_activity(capacity=3)
    forum.sectors.set(Sector.objects.filter(slug="blue-economy"))
    launch = make_activity(
        kind=Activity.Kind.LAUNCH,
        title="Durian Products Launch",
        title_zh="榴莲新品发布会",
        start=at(14),
        end=at(15),
        room=stage,
        status=Activity.Status.CANCELLED,
    )
    draft = make_activity(title="Secret Draft Forum", title_zh="草稿论坛", start=at(9))
    draft.status = Activity.Status.DRAFT
    draft.save()
    promotion = make_activity(
        kind=Activity.Kind.PROMOTION,
        title="Vietnam Coffee Promotion",
        title_zh="越南咖啡推介会",
        start=at(9, 30, day=19),
        end=at(10, 30, day=19),
        room=stage,
        audience=Activity.Audience.INVITATION,
    )
    Speaker.objects.create(activity=promotion, name="Nguyen Van An", role="speaker")
    return {"forum": forum, "launch": launch, "draft": draft, "promotion": promotion}


def titles(response) -> list[str]:
    return [row.title for day in response.context["result"].days for row in day.rows]


# --- the programme page ---------------------------------------------------------------------


def test_programme_by_day_in_english(client, week, make_party):
    fill(week["forum"], make_party, 2)
    response = client.get(PROGRAMME)
    html = html_of(response)
    assert titles(response) == [
        "Forum on the Blue Economy",
        "Durian Products Launch",
        "Vietnam Coffee Promotion",
    ]
    assert "Secret Draft Forum" not in html
    assert html.count(CLOCK_EN) == 1
    assert '<h2 id="day-2025-09-18">Thursday, 18 September 2025</h2>' in html
    assert '<h2 id="day-2025-09-19">Friday, 19 September 2025</h2>' in html
    assert '<p class="activity-time">10:00–11:00</p>' in html
    assert '<span class="kind kind-forum">Forum or supporting event</span>' in html
    assert '<span class="where">Forum Room 1 · Hall B</span>' in html
    assert '<span class="where">Stage A · Hall A</span>' in html
    assert '<span class="places">1 of 3 places left</span>' in html
    assert '<span class="places">3 of 3 places left</span>' in html
    cancelled = week["launch"].pk
    assert f'<li class="activity-row is-cancelled" id="activity-{cancelled}">' in html
    assert '<span class="badge badge-cancelled">Cancelled</span>' in html
    assert '<span class="badge badge-invitation">by invitation only</span>' in html
    assert "3 activities" in html
    assert f'href="{page_url(week["forum"])}"' in html


def test_programme_in_chinese(client, week):
    html = html_of(client.get(f"/zh-hans{PROGRAMME}"))
    assert '<html lang="zh-hans">' in html
    assert "蓝色经济论坛" in html and "榴莲新品发布会" in html and "越南咖啡推介会" in html
    assert "草稿论坛" not in html
    assert html.count(CLOCK_ZH) == 1
    assert '<h2 id="day-2025-09-18">2025年9月18日星期四</h2>' in html
    assert '<span class="where">A馆舞台 · A馆</span>' in html
    assert f'href="/zh-hans{page_url(week["forum"])}"' in html
    assert 'href="/test-expo/programme/"' in html  # back to English


def test_a_full_activity_shows_its_waiting_list(client, week, make_party):
    fill(week["forum"], make_party, 3)
    html = html_of(client.get(PROGRAMME))
    assert (
        '<span class="badge badge-full">Full</span> '
        '<span class="places muted">waiting list open</span>'
    ) in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"day": "2025-09-19"}, ["Vietnam Coffee Promotion"]),
        ({"kind": "launch"}, ["Durian Products Launch"]),
        ({"sector": "blue-economy"}, ["Forum on the Blue Economy"]),
        ({"q": "咖啡"}, ["Vietnam Coffee Promotion"]),
        ({"q": "nguyen"}, ["Vietnam Coffee Promotion"]),  # a speaker's name
        ({"q": "forum economy"}, ["Forum on the Blue Economy"]),
        ({"q": "forum coffee"}, []),
        ({"day": "2025-09-18", "kind": "forum"}, ["Forum on the Blue Economy"]),
    ],
)
def test_filters(client, week, query, expected):
    assert titles(client.get(PROGRAMME, query)) == expected


def test_room_filter(client, week):
    stage = Room.objects.get(name="Stage A")
    assert titles(client.get(PROGRAMME, {"room": stage.pk})) == [
        "Durian Products Launch",
        "Vietnam Coffee Promotion",
    ]


def test_a_bad_day_or_room_is_named_and_ignored(client, week):
    response = client.get(PROGRAMME, {"day": "2025-13-40", "room": "stage"})
    html = html_of(response)
    assert len(titles(response)) == 3
    assert "day: “2025-13-40” is not a day of this expo; choose one from the list." in html
    assert "room: “stage” is not a room; choose one from the list." in html
    superscript = html_of(client.get(PROGRAMME, {"room": "\u00b2"}))  # int() refuses it
    assert "room: “\u00b2” is not a room; choose one from the list." in superscript
    response = client.get(PROGRAMME, {"day": "2025-10-01"})  # a real date outside the expo
    assert "day: “2025-10-01” is not a day of this expo" in html_of(response)


def test_no_match_says_so(client, week):
    html = html_of(client.get(PROGRAMME, {"q": "nothing-like-this"}))
    assert "0 activities" in html
    assert '<p class="empty">No activity matches these filters.</p>' in html


def test_htmx_gets_only_the_results_with_the_language_links(client, week):
    response = client.get(PROGRAMME, {"kind": "forum"}, headers={"HX-Request": "true"})
    html = html_of(response)
    assert "<html" not in html and "<form" not in html
    assert "Forum on the Blue Economy" in html and "Durian" not in html
    assert 'id="language-switcher"' in html and 'hx-swap-oob="true"' in html
    assert 'href="/i18n/choose/zh-hans/?next=/zh-hans/test-expo/programme/%3Fkind%3Dforum"' in html
    assert response["Vary"].count("HX-Request") == 1
    restore = client.get(
        PROGRAMME, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.content.decode()


def test_page_without_javascript_is_a_plain_get_form(client, week):
    html = html_of(client.get(PROGRAMME))
    assert 'method="get"' in html
    assert f'hx-get="{PROGRAMME}"' in html and 'hx-target="#results"' in html


def test_unknown_or_hidden_expo_is_404(client, week, expo):
    assert client.get("/no-such-expo/programme/").status_code == 404
    expo.is_public = False
    expo.save()
    assert client.get(PROGRAMME).status_code == 404
    assert client.get(page_url(week["forum"])).status_code == 404


def test_the_edition_home_page_links_to_the_programme(client, expo):
    html = html_of(client.get("/test-expo/"))
    assert '<a class="button" href="/test-expo/programme/">See the programme</a>' in html
    html = html_of(client.get("/zh-hans/test-expo/"))
    assert 'href="/zh-hans/test-expo/programme/"' in html


# --- the activity page ----------------------------------------------------------------------


@pytest.fixture
def staged(forum: Activity, expo: Expo) -> Activity:
    """The forum with a description, two speakers, a host and a sector."""
    forum.description = "Ports, fisheries and offshore wind."
    forum.description_zh = "港口、渔业和海上风电。"
    forum.capacity = 50
    forum.save()
    ministry = Organisation.objects.create(
        name="Ministry of Commerce", name_zh="商务部", country=Country.objects.get(code="CN")
    )
    forum.hosts.add(ministry)
    forum.sectors.set(Sector.objects.filter(slug="blue-economy"))
    Speaker.objects.create(
        activity=forum,
        name="Li Wei",
        name_zh="李伟",
        position="Vice Minister",
        organisation=ministry,
        role=Speaker.Role.GUEST_OF_HONOUR,
        order=1,
    )
    Speaker.objects.create(
        activity=forum,
        name="Siti Rahman",
        position="Director",
        organisation_name="ASEAN Centre",
        role=Speaker.Role.MODERATOR,
        order=2,
    )
    return forum


def test_activity_page_in_english(client, staged, make_party):
    fill(staged, make_party, 2)
    html = html_of(client.get(page_url(staged)))
    assert "<h1>Forum on the Blue Economy</h1>" in html
    assert '<p class="names" lang="zh-Hans">蓝色经济论坛</p>' in html
    assert '<span class="kind kind-forum">Forum or supporting event</span>' in html
    assert "<p>Ports, fisheries and offshore wind.</p>" in html
    assert (
        '<p class="speaker-name"><strong>Li Wei</strong> '
        '<span class="badge badge-role">Guest of honour</span></p>'
    ) in html
    assert '<p class="speaker-affiliation muted">Vice Minister, Ministry of Commerce</p>' in html
    assert '<p class="speaker-affiliation muted">Director, ASEAN Centre</p>' in html
    assert html.index("Li Wei") < html.index("Siti Rahman")
    assert "<li>Ministry of Commerce</li>" in html and "<li>Blue economy</li>" in html
    assert "<dt>Day</dt><dd>Thursday, 18 September 2025</dd>" in html
    assert '<dt>Time</dt><dd class="activity-time">10:00–11:00</dd>' in html
    assert "<dt>Room</dt><dd>Forum Room 1</dd>" in html
    assert "<dt>Hall</dt><dd>Hall B</dd>" in html
    assert "<dt>Audience</dt><dd>Registration required</dd>" in html
    assert '<span class="places">48 of 50 places left</span>' in html
    assert html.count(CLOCK_EN) == 1
    assert f'action="{page_url(staged)}register/"' in html
    assert '<button type="submit">Register</button>' in html
    assert "You will be asked to log in first." in html


def test_activity_page_in_chinese(client, staged):
    html = html_of(client.get(page_url(staged, "/zh-hans")))
    assert "<h1>蓝色经济论坛</h1>" in html
    assert '<p class="names" lang="en">Forum on the Blue Economy</p>' in html
    assert "<p>港口、渔业和海上风电。</p>" in html
    assert "<strong>李伟</strong>" in html and "Vice Minister, 商务部" in html
    assert "<strong>Siti Rahman</strong>" in html  # no Chinese name: the English one
    assert "<dd>2025年9月18日星期四</dd>" in html and "<dd>论坛一号厅</dd>" in html
    assert "<li>蓝色经济</li>" in html
    assert html.count(CLOCK_ZH) == 1
    assert f'action="/zh-hans{page_url(staged)}register/"' in html


def test_drafts_other_editions_and_unknown_ids_are_404(client, week, expo):
    assert client.get(page_url(week["draft"])).status_code == 404
    assert client.get(f"{PROGRAMME}999999/").status_code == 404
    Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        host_country_id="CN",
        start_date=expo.start_date,
        end_date=expo.end_date,
    )
    assert client.get(f"/other-expo/programme/{week['forum'].pk}/").status_code == 404


def test_a_cancelled_activity_is_marked_and_closed(client, week):
    html = html_of(client.get(page_url(week["launch"])))
    assert "This activity is cancelled." in html
    assert "Registration is closed." in html
    assert "register/" not in html


def test_an_invitation_only_activity_says_so(client, week):
    html = html_of(client.get(page_url(week["promotion"])))
    assert (
        "By invitation only: invited people and members of invited organisations can register."
        in html
    )
    assert "<dt>Audience</dt><dd>By invitation only</dd>" in html


# --- registering and cancelling from the page -----------------------------------------------


def test_anonymous_register_goes_to_login_and_writes_nothing(client, forum):
    response = client.post(f"{page_url(forum)}register/")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={PROGRAMME}{forum.pk}/"
    response = client.post(f"{page_url(forum)}cancel/")
    assert response["Location"] == f"/accounts/login/?next={PROGRAMME}{forum.pk}/"
    assert Registration.objects.count() == 0


def test_get_is_not_allowed_on_the_actions(client, forum, buyer):
    client.force_login(buyer.user)
    assert client.get(f"{page_url(forum)}register/").status_code == 405
    assert client.get(f"{page_url(forum)}cancel/").status_code == 405
    assert Registration.objects.count() == 0


def test_someone_without_a_role_in_the_expo_is_refused(client, forum):
    stranger = User.objects.create_user("stranger@example.com")
    client.force_login(stranger)
    html = html_of(client.post(f"{page_url(forum)}register/", follow=True))
    assert (
        "Only people of an organisation taking part in this expo can register for activities."
        in html
    )
    assert Registration.objects.count() == 0


def test_another_organisation_is_refused_at_an_invitation_only_activity(
    client, make_activity, buyer, make_party
):
    invited = make_party("Invited Delegation", Participation.Role.DELEGATE)
    private = make_activity(audience=Activity.Audience.INVITATION)
    private.invited_organisations.add(invited.participation.organisation)
    client.force_login(buyer.user)
    html = html_of(client.post(f"{page_url(private)}register/", follow=True))
    assert "This activity is by invitation only and you are not invited." in html
    assert Registration.objects.count() == 0
    client.force_login(invited.user)
    html = html_of(client.post(f"{page_url(private)}register/", follow=True))
    assert "You are registered for Forum on the Blue Economy." in html
    assert rows(private) == [(invited.user.email, REGISTERED, 1)]


def test_a_seat_number_is_an_identifier_and_is_never_grouped(client, forum, buyer: Party):
    """Seat 1234 is "1234" in every language, on the page as in the agenda (it read "1.234"
    in Vietnamese on the page)."""
    client.force_login(buyer.user)
    client.post(f"{page_url(forum)}register/")
    Registration.objects.update(seat=1234)
    html = html_of(client.get(page_url(forum, "/vi")))
    assert "1234" in html and "1.234" not in html


def test_the_right_person_registers_sees_the_seat_and_cancels(client, forum, buyer: Party):
    client.force_login(buyer.user)
    response = client.post(f"{page_url(forum)}register/")
    assert response.status_code == 302 and response["Location"] == page_url(forum)
    assert rows(forum) == [(buyer.user.email, REGISTERED, 1)]
    registration = Registration.objects.get()
    assert registration.participation == buyer.participation
    html = html_of(client.get(page_url(forum)))
    assert "You are registered for Forum on the Blue Economy." in html
    assert "Your seat number is 1." in html
    assert '<span class="places">99 of 100 places left</span>' in html
    assert "Cancel my registration" in html and "register/" not in html

    html = html_of(client.post(f"{page_url(forum)}cancel/", follow=True))
    assert "Your registration for Forum on the Blue Economy is cancelled." in html
    assert rows(forum) == [(buyer.user.email, Registration.Status.CANCELLED, None)]
    assert '<button type="submit">Register</button>' in html


def test_a_second_registration_and_a_cancel_without_one_are_refused(client, forum, buyer):
    client.force_login(buyer.user)
    html = html_of(client.post(f"{page_url(forum)}cancel/", follow=True))
    assert "You are not registered for this activity." in html
    assert Registration.objects.count() == 0
    register(activity=forum, user=buyer.user)
    before = rows(forum)
    html = html_of(client.post(f"{page_url(forum)}register/", follow=True))
    assert "You are already registered for this activity." in html
    assert rows(forum) == before


def test_a_full_activity_puts_the_person_on_the_waiting_list(
    client, make_activity, make_party, buyer
):
    small = make_activity(capacity=1)
    fill(small, make_party, 1)
    client.force_login(buyer.user)
    assert '<button type="submit">Join the waiting list</button>' in html_of(
        client.get(page_url(small))
    )
    html = html_of(client.post(f"{page_url(small)}register/", follow=True))
    assert (
        "Forum on the Blue Economy is full: you are on the waiting list, number 1. "
        "You will get an e-mail if a seat becomes yours."
    ) in html
    assert "You are on the waiting list: number 1." in html
    assert rows(small)[1] == (buyer.user.email, WAITLISTED, None)


def test_a_clash_is_named_and_can_be_confirmed(client, make_activity, buyer):
    first = make_activity(title="Morning Summit", title_zh="上午峰会")
    overlapping = make_activity(title="Digital Trade Forum", start=at(10, 30), end=at(11, 30))
    register(activity=first, user=buyer.user)
    client.force_login(buyer.user)

    response = client.post(f"{page_url(overlapping)}register/")
    assert response.status_code == 409
    html = response.content.decode()
    assert "This overlaps what is already on your timeline" in html
    assert "Morning Summit at 18 Sept 2025, 10:00" in html
    assert '<input type="hidden" name="confirm" value="1">' in html
    assert '<button type="submit">Register anyway</button>' in html
    assert rows(overlapping) == []

    response = client.post(f"{page_url(overlapping)}register/", {"confirm": "1"})
    assert response.status_code == 302
    registration = Registration.objects.get(activity=overlapping)
    assert (registration.status, registration.clash_confirmed) == (REGISTERED, True)


# --- product launches -----------------------------------------------------------------------


@pytest.fixture
def launch(make_activity: MakeActivity, exhibitor: Party, expo: Expo) -> Activity:
    event = make_activity(
        kind=Activity.Kind.LAUNCH,
        title="Blue Economy Products Launch",
        title_zh="蓝色经济新品发布会",
        start=at(15),
        end=at(16),
    )
    organisation = exhibitor.participation.organisation
    organisation.name_zh = "一号展商"
    organisation.save()
    LaunchedProduct.objects.create(
        expo=expo,
        exhibitor=exhibitor.participation,
        activity=event,
        name="Smart Shrimp Feeder",
        name_zh="智能喂虾机",
        hs_code=HSCode.objects.get(code="0306"),
        description="Feeds by the tide.",
        description_zh="随潮投喂。",
        first_launch=LaunchedProduct.Scope.WORLD,
    )
    return event


def add_products(event: Activity, participation: Participation, n: int) -> None:
    for i in range(n):
        LaunchedProduct.objects.create(
            expo=event.expo,
            exhibitor=participation,
            activity=event,
            name=f"Sea Cucumber Dryer {i}",
            first_launch=LaunchedProduct.Scope.ASEAN,
        )


def test_launch_page_lists_products_with_their_exhibitors(client, launch, exhibitor):
    html = html_of(client.get(f"{PROGRAMME}launches/"))
    assert "<h1>Product launches</h1>" in html
    assert '<p class="result-count">1 launch event · 1 new product</p>' in html
    assert f'<a href="{page_url(launch)}">Blue Economy Products Launch</a>' in html
    assert (
        '<h3 class="product-name">Smart Shrimp Feeder '
        '<span class="badge badge-scope badge-world">World first</span></h3>'
    ) in html
    profile = f"/test-expo/exhibitors/{exhibitor.participation.pk}/"
    assert f'<a href="{profile}">Exhibitor One</a>' in html
    assert "<code>0306</code> Crustaceans" in html
    assert "<p>Feeds by the tide.</p>" in html
    assert "18 Sept 2025, 15:00–16:00 · Forum Room 1 · Hall B" in html
    assert html.count(CLOCK_EN) == 1


def test_launch_page_in_chinese(client, launch):
    html = html_of(client.get(f"/zh-hans{PROGRAMME}launches/"))
    assert "蓝色经济新品发布会" in html and "智能喂虾机" in html and "随潮投喂。" in html
    assert ">一号展商</a>" in html
    assert html.count(CLOCK_ZH) == 1


def test_launched_products_on_the_activity_page(client, launch):
    html = html_of(client.get(page_url(launch)))
    assert "<h2>Products launched here</h2>" in html and "Smart Shrimp Feeder" in html


def test_launched_products_on_the_exhibitor_profile(client, launch, exhibitor, make_activity):
    profile = f"/test-expo/exhibitors/{exhibitor.participation.pk}/"
    html = html_of(client.get(profile))
    assert "<h2>New products launched at the expo</h2>" in html
    assert f'<a href="{page_url(launch)}">Blue Economy Products Launch</a>' in html
    assert "Smart Shrimp Feeder" in html and "<code>0306</code>" in html
    html = html_of(client.get(f"/zh-hans{profile}"))
    assert "智能喂虾机" in html and "蓝色经济新品发布会" in html
    launch.status = Activity.Status.DRAFT
    launch.save()
    html = html_of(client.get(profile))
    assert "Smart Shrimp Feeder" not in html and "New products launched" not in html


# --- query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_programme_query_count_does_not_grow(
    client, make_activity, make_party, django_assert_num_queries, count
):
    for i in range(count):
        activity = make_activity(title=f"Forum {i}", start=at(9 + i), end=at(10 + i))
        Speaker.objects.create(activity=activity, name=f"Speaker {i}")
        fill(activity, make_party, 1, prefix=f"Guest {i}")
    # expo, rooms and sectors for the form, the activities with their seats taken
    with django_assert_num_queries(4):
        response = client.get(PROGRAMME)
    assert len(titles(response)) == count
    # htmx refreshes skip the form's options
    with django_assert_num_queries(2):
        response = client.get(PROGRAMME, {"q": "forum"}, headers={"HX-Request": "true"})
    assert len(titles(response)) == count


@pytest.mark.parametrize("count", [1, 3])
def test_activity_query_count_does_not_grow(
    client, launch, exhibitor, buyer, django_assert_num_queries, count
):
    add_products(launch, exhibitor.participation, count - 1)
    for i in range(count):
        Speaker.objects.create(activity=launch, name=f"Speaker {i}")
    # expo, the activity, speakers, hosts, sectors, launched products
    with django_assert_num_queries(6):
        response = client.get(page_url(launch))
    assert len(response.context["page"].products) == count
    register(activity=launch, user=buyer.user)
    client.force_login(buyer.user)
    # + session, user, the person's registration and the header's two role queries
    with django_assert_num_queries(11):
        response = client.get(page_url(launch))
    assert response.context["registration"].seat == 1


@pytest.mark.parametrize("count", [1, 3])
def test_launch_page_query_count_does_not_grow(
    client, launch, exhibitor, django_assert_num_queries, count
):
    add_products(launch, exhibitor.participation, count - 1)
    # expo, launch events, their products with exhibitors and HS codes
    with django_assert_num_queries(3):
        response = client.get(f"{PROGRAMME}launches/")
    assert len(response.context["events"][0].launched_products.all()) == count
    assert f"1 launch event · {count} new product" in response.content.decode()
