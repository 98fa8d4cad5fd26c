"""Who stands where: the booth allocation run for an edition, its review and publication,
moves by hand, and the halls' maps with every exhibitor on them."""
