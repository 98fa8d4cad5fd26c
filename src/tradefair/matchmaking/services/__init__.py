"""Matchmaking's business actions, one module each: requests, sessions, booking, scheduling.

Every action takes keyword arguments (the acting user among them), runs in one transaction,
and sends its e-mails only after commit. Refusals raise ``errors.MatchmakingError``.
"""
