"""The organiser console of an edition, mounted at ``/<slug>/organiser/``."""

from django.urls import URLPattern, URLResolver, path

from tradefair.matchmaking.views import (
    organiser_home,
    organiser_interpreters,
    organiser_left_out_exports,
    organiser_meetings,
    organiser_pairs,
    organiser_schedule,
    organiser_sessions,
    organiser_unscheduled,
)

app_name = "organiser"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", organiser_home.home, name="home"),
    path("sessions/", organiser_sessions.sessions, name="sessions"),
    path("sessions/<int:pk>/delete/", organiser_sessions.session_delete, name="session_delete"),
    path("interpreters/", organiser_interpreters.interpreters, name="interpreters"),
    path(
        "interpreters/<int:pk>/",
        organiser_interpreters.interpreter_edit,
        name="interpreter_edit",
    ),
    path(
        "interpreters/<int:pk>/remove/",
        organiser_interpreters.interpreter_remove,
        name="interpreter_remove",
    ),
    path("must-meet/", organiser_pairs.must_meet, name="must_meet"),
    path(
        "must-meet/search/<str:role>/",
        organiser_pairs.must_meet_search,
        name="must_meet_search",
    ),
    path("schedule/", organiser_schedule.schedule, name="schedule"),
    path(
        "schedule/runs/<int:pk>/progress/",
        organiser_schedule.schedule_progress,
        name="schedule_progress",
    ),
    path(
        "schedule/runs/<int:pk>/publish/",
        organiser_schedule.schedule_publish,
        name="schedule_publish",
    ),
    path("schedule/left-out/", organiser_unscheduled.unscheduled, name="schedule_unscheduled"),
    *(
        path(
            f"schedule/runs/<int:pk>/left-out.{kind}",
            organiser_left_out_exports.export,
            {"kind": kind},
            name=f"left_out_export_{kind}",
        )
        for kind in ("csv", "xlsx")
    ),
    path(
        "schedule/left-out-exports/<int:pk>/",
        organiser_left_out_exports.export_page,
        name="left_out_export",
    ),
    path(
        "schedule/left-out-exports/<int:pk>/file/",
        organiser_left_out_exports.export_file,
        name="left_out_export_file",
    ),
    path("meetings/", organiser_meetings.meetings, name="meetings"),
    path("meetings/<int:pk>/move/", organiser_meetings.meeting_move, name="meeting_move"),
    path(
        "meetings/<int:pk>/<str:outcome>/",
        organiser_meetings.meeting_mark,
        name="meeting_mark",
    ),
]
