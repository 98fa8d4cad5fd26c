from tradefair.deals.models.deals import Deal, DealParty
from tradefair.deals.models.rates import ExchangeRate

__all__ = ["Deal", "DealParty", "ExchangeRate"]
