"""interviews: mock interview sessions, graded answers, missed key points to review

Revision ID: 0006
Revises: 0008
Create Date: 2026-12-01 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None


def _utc(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "interview_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("focus", sa.String(length=64), nullable=False),
        sa.Column("thread_key", sa.String(length=255), nullable=False),
        sa.Column("active_key", sa.String(length=320), nullable=True),
        sa.Column("question_ids", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("draft", sa.String(length=8000), nullable=False),
        sa.Column("hints", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _utc("started_at"),
        _utc("last_activity_at"),
        _utc("finished_at", nullable=True),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("active_key"),
    )
    with op.batch_alter_table("interview_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_session_learner_id"), ["learner_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_interview_session_status"), ["status"], unique=False)
    op.create_table(
        "interview_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.String(length=8000), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("covered", sa.JSON(), nullable=False),
        sa.Column("missed", sa.JSON(), nullable=False),
        sa.Column("hints", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        _utc("answered_at"),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["interview_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "question_id"),
    )
    with op.batch_alter_table("interview_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_answer_learner_id"), ["learner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_answer_question_id"), ["question_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_answer_session_id"), ["session_id"], unique=False
        )
    op.create_table(
        "interview_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("key_points", sa.JSON(), nullable=False),
        _utc("due_at"),
        sa.Column("card", sa.JSON(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("learner_id", "question_id"),
    )
    with op.batch_alter_table("interview_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_review_learner_id"), ["learner_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("interview_review")
    op.drop_table("interview_answer")
    op.drop_table("interview_session")
