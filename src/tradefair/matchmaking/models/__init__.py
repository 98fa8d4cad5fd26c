from tradefair.matchmaking.models.left_out import LeftOutExport, LeftOutRequest
from tradefair.matchmaking.models.meetings import Meeting, ScheduleRun, StagedMeeting
from tradefair.matchmaking.models.participants import Availability, MeetingProfile
from tradefair.matchmaking.models.recommendations import Recommendation
from tradefair.matchmaking.models.requests import MeetingRequest
from tradefair.matchmaking.models.sessions import Interpreter, NegotiationSession, Slot

__all__ = [
    "Availability",
    "Interpreter",
    "LeftOutExport",
    "LeftOutRequest",
    "Meeting",
    "MeetingProfile",
    "MeetingRequest",
    "NegotiationSession",
    "Recommendation",
    "ScheduleRun",
    "Slot",
    "StagedMeeting",
]
