"""Named read queries over organisations and their roles in an expo."""
