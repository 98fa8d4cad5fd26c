"""Routes of the programme (organiser); see src/tradefair/urls.py for where they are mounted."""

from django.urls import URLPattern, URLResolver, path

from tradefair.programme.views import (
    organiser_activities,
    organiser_registrations,
    organiser_rooms,
    organiser_speakers,
    organiser_timetable,
)

app_name = "programme_organiser"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", organiser_activities.activities, name="activities"),
    path("new/", organiser_activities.activity_create, name="activity_create"),
    path("<int:pk>/", organiser_activities.activity_edit, name="activity_edit"),
    path("<int:pk>/publish/", organiser_activities.activity_publish, name="activity_publish"),
    path("<int:pk>/cancel/", organiser_activities.activity_cancel, name="activity_cancel"),
    path("<int:pk>/speakers/", organiser_speakers.speaker_add, name="speaker_add"),
    path(
        "<int:pk>/speakers/<int:speaker_pk>/",
        organiser_speakers.speaker_edit,
        name="speaker_edit",
    ),
    path(
        "<int:pk>/speakers/<int:speaker_pk>/remove/",
        organiser_speakers.speaker_remove,
        name="speaker_remove",
    ),
    path(
        "<int:pk>/registrations/",
        organiser_registrations.registrations,
        name="registrations",
    ),
    path(
        "<int:pk>/registrations.csv",
        organiser_registrations.registrations_export,
        {"kind": "csv"},
        name="registrations_csv",
    ),
    path(
        "<int:pk>/registrations.xlsx",
        organiser_registrations.registrations_export,
        {"kind": "xlsx"},
        name="registrations_xlsx",
    ),
    path("rooms/", organiser_rooms.rooms, name="rooms"),
    path("rooms/<int:pk>/", organiser_rooms.room_edit, name="room_edit"),
    path("timetable/", organiser_timetable.timetable_page, name="timetable"),
]
