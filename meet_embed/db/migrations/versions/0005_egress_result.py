"""what an egress reported at its end, so any replica can finish its recording

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meet_recordings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('egress_result', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('egress_duration', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('meet_recordings', schema=None) as batch_op:
        batch_op.drop_column('egress_duration')
        batch_op.drop_column('egress_result')
