"""Alembic's environment: our tables only (Rasa's `events` table, in the same database, is Rasa's).

`clinic.database.migrate` hands over a connection already in a transaction, under a lock that keeps
two processes from migrating at once (config.attributes["connection"]); the `alembic` command line
(clinic/migrations/alembic.ini, for writing revisions) connects to the bot's database itself.
"""

from alembic import context

from clinic import database

config = context.config
target_metadata = database.metadata


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, include_object=database.ours)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=database.database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif config.attributes.get("connection") is not None:
    run(config.attributes["connection"])
else:
    with database.engine().connect() as connection:
        run(connection)
