"""Why a disposition was given in degraded mode (e.g. action_server_unavailable), else NULL.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# A database made before migrations existed is at this revision when it has these columns.
ADDS_COLUMNS = {"triage_audit": ("degraded",)}


def upgrade() -> None:
    op.add_column("triage_audit", sa.Column("degraded", sa.String(64)))


def downgrade() -> None:
    with op.batch_alter_table("triage_audit") as table:
        table.drop_column("degraded")
