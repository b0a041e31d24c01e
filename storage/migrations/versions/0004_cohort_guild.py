"""cohort guild: the Discord server a cohort lives in (admin rights are checked there)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cohort", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("guild_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("cohort", schema=None) as batch_op:
        batch_op.drop_column("guild_id")
