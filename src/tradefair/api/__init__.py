"""The REST API under ``/api/v1/``: assembly only.

Each app keeps its endpoints in its own ``api`` module (a ninja ``Router``); this package mounts
them, supplies bearer-token authentication and turns refusals into JSON a person can read. It
may import every app; no app imports it (an import-linter contract says so).
"""
