from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "tradefair.matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self) -> None:
        # Meetings go on people's programme timelines (tradefair.programme.timeline).
        from tradefair.matchmaking.queries.attendees import meeting_commitments
        from tradefair.programme.timeline import add_finder

        add_finder(meeting_commitments)
