import pytest

from tradefair.demo.generator import generate
from tradefair.demo.records import DemoExpo


@pytest.fixture(scope="session")
def demo() -> DemoExpo:
    """Generated once per session: the generator is deterministic, so sharing it is safe."""
    return generate()
