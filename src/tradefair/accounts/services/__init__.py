"""Who may act in an edition (``roles``) and how colleagues join (``invitations``)."""
