"""What organisers do to a floor plan: lay out halls' grids (and, to come, allocate booths)."""
