from tests.deals.conftest import parties  # noqa: F401  -- the deals' scene: parties and rates
