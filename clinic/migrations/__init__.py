"""The database's schema changes, as Alembic revisions (clinic/database.py `migrate` applies them)."""
