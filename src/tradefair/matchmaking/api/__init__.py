"""The matchmaking endpoints, one module per resource, gathered into one router."""

from ninja import Router

from tradefair.matchmaking.api.agenda import router as agenda_router
from tradefair.matchmaking.api.recommendations import router as recommendations_router
from tradefair.matchmaking.api.requests import router as requests_router

router = Router()
router.add_router("", requests_router)
router.add_router("", recommendations_router)
router.add_router("", agenda_router)
