"""Forms of the matchmaking portals, one module per portal or page group."""
