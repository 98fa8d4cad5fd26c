import pytest

from tradefair.demo.generator import generate
from tradefair.demo.records import DemoExpo


@pytest.fixture(scope="session")
def demo() -> DemoExpo:
    """Generated once per session: the generator is deterministic, so sharing it is safe."""
    return generate()


def unload_with_trade(slug: str) -> None:
    """Remove a demo loaded outside the tests' transactions, and the illustrative trade rows
    it added: statistics are shared by every edition, so ``unload_demo`` keeps them, but the
    tests that follow on this worker must find the table as it was."""
    from tradefair.demo.loader import unload_demo
    from tradefair.trade.models import TradeFlow

    unload_demo(slug)
    TradeFlow.objects.filter(illustrative=True).delete()
