from tradefair.expos.models.expo import Expo
from tradefair.expos.models.reference import Country, CountryGroup, HSCode, Sector

__all__ = ["Country", "CountryGroup", "Expo", "HSCode", "Sector"]
