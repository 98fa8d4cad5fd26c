from tradefair.organisations.models.import_job import ImportJob
from tradefair.organisations.models.organisation import Organisation
from tradefair.organisations.models.participation import Delegation, Participation
from tradefair.organisations.models.trade import Need, Offer, OfferPicture

__all__ = [
    "Delegation",
    "ImportJob",
    "Need",
    "Offer",
    "OfferPicture",
    "Organisation",
    "Participation",
]
