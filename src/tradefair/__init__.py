"""tradefair: run a large international trade expo end to end."""

__version__ = "0.1.0"
