"""viewing sessions of the audit trail, shared by replicas

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meet_audit_viewings',
    sa.Column('viewer', sa.String(length=64), nullable=False),
    sa.Column('recording_id', sa.String(length=200), nullable=False),
    sa.Column('until', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('viewer', 'recording_id', name=op.f('pk_meet_audit_viewings'))
    )
    with op.batch_alter_table('meet_audit_viewings', schema=None) as batch_op:
        batch_op.create_index('ix_meet_audit_viewings_until', ['until'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meet_audit_viewings', schema=None) as batch_op:
        batch_op.drop_index('ix_meet_audit_viewings_until')

    op.drop_table('meet_audit_viewings')
