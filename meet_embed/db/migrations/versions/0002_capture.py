"""capture: chunks, transitions, leases

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meet_leases',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('holder', sa.String(length=100), nullable=False),
    sa.Column('expires_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_meet_leases'))
    )
    op.create_table('meet_recording_chunks',
    sa.Column('recording_id', sa.String(length=200), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('received_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['recording_id'], ['meet_recordings.recording_id'], name=op.f('fk_meet_recording_chunks_recording_id_meet_recordings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recording_id', 'seq', name=op.f('pk_meet_recording_chunks'))
    )
    op.create_table('meet_recording_transitions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('recording_id', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('at', sa.BigInteger(), nullable=False),
    sa.Column('details', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['recording_id'], ['meet_recordings.recording_id'], name=op.f('fk_meet_recording_transitions_recording_id_meet_recordings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meet_recording_transitions'))
    )
    with op.batch_alter_table('meet_recording_transitions', schema=None) as batch_op:
        batch_op.create_index('ix_meet_recording_transitions_recording', ['recording_id', 'id'], unique=False)

    with op.batch_alter_table('meet_recordings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_activity_at', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('final_seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('stop_reason', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('finalize_lease_until', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('finalize_attempts', sa.Integer(), nullable=False, server_default='0'))



def downgrade() -> None:
    with op.batch_alter_table('meet_recordings', schema=None) as batch_op:
        batch_op.drop_column('finalize_attempts')
        batch_op.drop_column('finalize_lease_until')
        batch_op.drop_column('stop_reason')
        batch_op.drop_column('final_seq')
        batch_op.drop_column('last_activity_at')

    with op.batch_alter_table('meet_recording_transitions', schema=None) as batch_op:
        batch_op.drop_index('ix_meet_recording_transitions_recording')

    op.drop_table('meet_recording_transitions')
    op.drop_table('meet_recording_chunks')
    op.drop_table('meet_leases')
