"""The first release's tables: the audit trail and the escalation outbox.

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# A database made before migrations existed (by create_all) is at this revision when it has these tables.
CREATES_TABLES = ("triage_audit", "escalation_outbox")


def upgrade() -> None:
    op.create_table(
        "triage_audit",
        sa.Column("id", sa.Integer, sa.Sequence("triage_audit_id_seq", optional=True), primary_key=True),
        sa.Column("audit_id", sa.String(32), nullable=False, unique=True),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("red_flags", sa.Text, nullable=False),
        sa.Column("symptoms", sa.Text, nullable=False),
        sa.Column("denied", sa.Text, nullable=False),
        sa.Column("rules_fired", sa.Text, nullable=False),
        sa.Column("model_version", sa.String(64), nullable=False),
        sa.Column("lexicon_version", sa.String(32), nullable=False),
        sa.Column("handoff", sa.Text),
    )
    op.create_index("ix_triage_audit_recorded_at", "triage_audit", ["recorded_at"])
    op.create_index("ix_triage_audit_conversation_id", "triage_audit", ["conversation_id"])
    op.create_table(
        "escalation_outbox",
        sa.Column("id", sa.Integer, sa.Sequence("escalation_outbox_id_seq", optional=True), primary_key=True),
        sa.Column("idempotency_key", sa.String(64), nullable=False, unique=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime, nullable=False),
        sa.Column("delivered_at", sa.DateTime),
        sa.Column("last_error", sa.String(200)),
    )
    for column in ("created_at", "next_attempt_at", "delivered_at"):
        op.create_index(f"ix_escalation_outbox_{column}", "escalation_outbox", [column])


def downgrade() -> None:
    op.drop_table("escalation_outbox")
    op.drop_table("triage_audit")
