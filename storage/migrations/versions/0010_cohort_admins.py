"""cohort admins: who acted as a cohort's admin, so reports do not count them as learners

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cohort_admin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohort.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("cohort_id", "learner_id"),
    )
    with op.batch_alter_table("cohort_admin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cohort_admin_cohort_id"), ["cohort_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_cohort_admin_learner_id"), ["learner_id"], unique=False
        )
    # The creators of existing cohorts are their first admins (their membership says so).
    op.execute(
        "INSERT INTO cohort_admin (cohort_id, learner_id, verified_at) "
        "SELECT cohort_id, learner_id, joined_at FROM cohort_member WHERE role = 'admin'"
    )


def downgrade() -> None:
    with op.batch_alter_table("cohort_admin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cohort_admin_learner_id"))
        batch_op.drop_index(batch_op.f("ix_cohort_admin_cohort_id"))
    op.drop_table("cohort_admin")
