"""audit trail, room retention

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meet_audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.BigInteger(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('actor_kind', sa.String(length=20), nullable=False),
    sa.Column('actor_name', sa.String(length=200), nullable=True),
    sa.Column('actor_role', sa.String(length=20), nullable=True),
    sa.Column('room_id', sa.String(length=100), nullable=True),
    sa.Column('recording_id', sa.String(length=200), nullable=True),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.Column('client', sa.String(length=100), nullable=True),
    sa.Column('request_id', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meet_audit_log'))
    )
    with op.batch_alter_table('meet_audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_meet_audit_log_at', ['at', 'id'], unique=False)
        batch_op.create_index('ix_meet_audit_log_recording', ['recording_id', 'at', 'id'], unique=False)
        batch_op.create_index('ix_meet_audit_log_room', ['room_id', 'at', 'id'], unique=False)

    with op.batch_alter_table('meet_rooms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retention_days', sa.Integer(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('meet_rooms', schema=None) as batch_op:
        batch_op.drop_column('retention_days')

    with op.batch_alter_table('meet_audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_meet_audit_log_room')
        batch_op.drop_index('ix_meet_audit_log_recording')
        batch_op.drop_index('ix_meet_audit_log_at')

    op.drop_table('meet_audit_log')
