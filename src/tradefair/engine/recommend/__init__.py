"""Reciprocal buyer-exhibitor recommendations (see ``docs/algorithms/recommendation.md``).

``profiles`` holds the input data, ``features`` and ``text`` build sparse matrices, ``score``
ranks both sides chunk by chunk, ``diversity`` re-ranks buyers' lists so one HS heading does not
fill a page, ``reasons`` explains a pair, ``evaluate`` measures quality.
"""

from tradefair.engine.recommend.diversity import Diversity, diverse_for_buyers
from tradefair.engine.recommend.profiles import Party, TradeLine
from tradefair.engine.recommend.score import Recommendations, TopK, Weights, recommend

__all__ = [
    "Diversity",
    "Party",
    "Recommendations",
    "TopK",
    "TradeLine",
    "Weights",
    "diverse_for_buyers",
    "recommend",
]
