"""Reciprocal buyer-exhibitor recommendations (see ``docs/algorithms/recommendation.md``).

``profiles`` holds the input data, ``features`` and ``text`` build sparse matrices, ``score``
ranks both sides chunk by chunk, ``reasons`` explains a pair, ``evaluate`` measures quality.
"""

from tradefair.engine.recommend.profiles import Party, TradeLine
from tradefair.engine.recommend.score import Recommendations, TopK, Weights, recommend

__all__ = ["Party", "Recommendations", "TopK", "TradeLine", "Weights", "recommend"]
