"""answers: how each question was answered, conversation restarts, cohort FAQ

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 00:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("asked_question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("search_text", sa.String(length=1000), nullable=True))
    op.create_table(
        "conversation_start",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("thread_key", sa.String(length=255), nullable=False),
        sa.Column("after_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("learner_id", "thread_key"),
    )
    with op.batch_alter_table("conversation_start", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversation_start_learner_id"), ["learner_id"], unique=False
        )
    op.create_table(
        "cohort_faq",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=500), nullable=False),
        sa.Column("answer", sa.String(length=2000), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_by", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohort.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by"], ["learner.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["removed_by"], ["learner.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cohort_faq", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cohort_faq_cohort_id"), ["cohort_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cohort_faq", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cohort_faq_cohort_id"))
    op.drop_table("cohort_faq")
    with op.batch_alter_table("conversation_start", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_start_learner_id"))
    op.drop_table("conversation_start")
    with op.batch_alter_table("asked_question", schema=None) as batch_op:
        batch_op.drop_column("search_text")
        batch_op.drop_column("kind")
