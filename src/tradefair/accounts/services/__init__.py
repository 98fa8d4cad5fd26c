"""Who may act in an edition (``roles``), how colleagues join (``invitations``) and the
language mails are written in (``preferences``)."""
