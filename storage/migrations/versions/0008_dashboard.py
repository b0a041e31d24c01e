"""dashboard: reviewer notes on projects, dashboard sign-in tokens, resolved content gaps

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-01 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("project_submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_note", sa.String(length=1000), nullable=True))
        batch_op.add_column(sa.Column("reviewed_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_project_submission_reviewed_by_learner",
            "learner",
            ["reviewed_by"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_table(
        "dashboard_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("cohort_ids", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["learner.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "gap_resolution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("faq_id", sa.Integer(), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohort.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["question_id"], ["asked_question.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["faq_id"], ["cohort_faq.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["resolved_by"], ["learner.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("cohort_id", "question_id"),
    )
    with op.batch_alter_table("gap_resolution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gap_resolution_cohort_id"), ["cohort_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("gap_resolution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gap_resolution_cohort_id"))
    op.drop_table("gap_resolution")
    op.drop_table("dashboard_token")
    with op.batch_alter_table("project_submission", schema=None) as batch_op:
        batch_op.drop_constraint("fk_project_submission_reviewed_by_learner", type_="foreignkey")
        batch_op.drop_column("reviewed_by")
        batch_op.drop_column("review_note")
