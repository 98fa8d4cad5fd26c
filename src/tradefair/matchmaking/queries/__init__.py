"""Named read queries of matchmaking (pages and the API call these, never the ORM directly)."""
