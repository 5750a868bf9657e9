"""The infusion timeline (bot/timeline.py): when the infusion was and what the patient was told to watch for.

NULL in rows written before.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# A database made before migrations existed is at this revision or later when it has these columns.
ADDS_COLUMNS = {"triage_audit": ("infusion", "watch_for")}


def upgrade() -> None:
    op.add_column("triage_audit", sa.Column("infusion", sa.Text))  # JSON {"hours_since_start", "in_progress"}
    op.add_column("triage_audit", sa.Column("watch_for", sa.Text))  # JSON list


def downgrade() -> None:
    with op.batch_alter_table("triage_audit") as table:
        table.drop_column("watch_for")
        table.drop_column("infusion")
