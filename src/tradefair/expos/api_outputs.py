"""The base of every API response body.

ninja's ``Schema`` wraps whatever it validates in a ``DjangoGetter`` and reads each field
through Python, twice: once when a view builds the body and again when ninja checks the
response. A list endpoint's 50 rows spent most of their time there (the deals' list: 10 of
its 20 ms). The views build their bodies from plain values, so a plain pydantic model, which
validates in pydantic's compiled core and is taken as it is when handed back, serves them.
"""

from pydantic import BaseModel


class Out(BaseModel):
    """A response body, built by the view from plain values (never from a model instance)."""
