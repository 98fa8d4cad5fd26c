"""The portals are URL namespaces, not apps: one module per portal, mounted per edition.

``/<slug>/buyer/``, ``/<slug>/exhibitor/``, ``/<slug>/organiser/`` and ``/<slug>/agenda/``
(the agenda of whichever side the user is on).
"""
