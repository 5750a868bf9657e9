"""Records and operations: the database, the audit trail, the escalation webhook, retention and the
background worker that writes them. Outside `bot/` because it does I/O; `python -m clinic` is its command line."""
