"""rooms, recordings, share secrets, pending deletions

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meet_pending_deletions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('is_prefix', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meet_pending_deletions'))
    )
    op.create_table('meet_recordings',
    sa.Column('recording_id', sa.String(length=200), nullable=False),
    sa.Column('room_id', sa.String(length=100), nullable=False),
    sa.Column('room_name', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('layout', sa.String(length=32), nullable=True),
    sa.Column('encoding', sa.JSON(), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=True),
    sa.Column('start_date', sa.BigInteger(), nullable=False),
    sa.Column('end_date', sa.BigInteger(), nullable=True),
    sa.Column('duration', sa.Float(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('error_code', sa.Integer(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('details', sa.Text(), nullable=True),
    sa.Column('media_key', sa.String(length=400), nullable=True),
    sa.Column('content_type', sa.String(length=100), nullable=True),
    sa.Column('poster_key', sa.String(length=400), nullable=True),
    sa.Column('crc32', sa.BigInteger(), nullable=True),
    sa.Column('backend', sa.String(length=20), nullable=False),
    sa.Column('egress_id', sa.String(length=100), nullable=True),
    sa.Column('owner_identity', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('recording_id', name=op.f('pk_meet_recordings'))
    )
    with op.batch_alter_table('meet_recordings', schema=None) as batch_op:
        batch_op.create_index('ix_meet_recordings_duration', ['duration', 'recording_id'], unique=False)
        batch_op.create_index('ix_meet_recordings_room_duration', ['room_id', 'duration', 'recording_id'], unique=False)
        batch_op.create_index('ix_meet_recordings_room_name', ['room_name', 'recording_id'], unique=False)
        batch_op.create_index('ix_meet_recordings_room_size', ['room_id', 'size', 'recording_id'], unique=False)
        batch_op.create_index('ix_meet_recordings_room_start_date', ['room_id', 'start_date', 'recording_id'], unique=False)
        batch_op.create_index('ix_meet_recordings_size', ['size', 'recording_id'], unique=False)
        batch_op.create_index('ix_meet_recordings_start_date', ['start_date', 'recording_id'], unique=False)
        batch_op.create_index('ix_meet_recordings_status', ['status'], unique=False)
        batch_op.create_index('uq_meet_recordings_one_active_per_room', ['room_id'], unique=True, sqlite_where=sa.text("status IN ('starting', 'active', 'ending')"), postgresql_where=sa.text("status IN ('starting', 'active', 'ending')"))

    op.create_table('meet_rooms',
    sa.Column('room_id', sa.String(length=100), nullable=False),
    sa.Column('room_name', sa.String(length=200), nullable=False),
    sa.Column('creation_date', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('recording_enabled', sa.Boolean(), nullable=False),
    sa.Column('allow_access_to', sa.String(length=32), nullable=False),
    sa.Column('layout', sa.String(length=32), nullable=False),
    sa.Column('encoding', sa.JSON(), nullable=False),
    sa.Column('max_duration', sa.Integer(), nullable=True),
    sa.Column('moderator_secret', sa.String(length=64), nullable=False),
    sa.Column('speaker_secret', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('room_id', name=op.f('pk_meet_rooms')),
    sa.UniqueConstraint('moderator_secret', name=op.f('uq_meet_rooms_moderator_secret')),
    sa.UniqueConstraint('speaker_secret', name=op.f('uq_meet_rooms_speaker_secret'))
    )
    with op.batch_alter_table('meet_rooms', schema=None) as batch_op:
        batch_op.create_index('ix_meet_rooms_creation_date', ['creation_date', 'room_id'], unique=False)
        batch_op.create_index('ix_meet_rooms_room_name', ['room_name', 'room_id'], unique=False)

    op.create_table('meet_recording_secrets',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('recording_id', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('expires_at', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['recording_id'], ['meet_recordings.recording_id'], name=op.f('fk_meet_recording_secrets_recording_id_meet_recordings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meet_recording_secrets')),
    sa.UniqueConstraint('secret', name=op.f('uq_meet_recording_secrets_secret'))
    )
    with op.batch_alter_table('meet_recording_secrets', schema=None) as batch_op:
        batch_op.create_index('ix_meet_recording_secrets_recording', ['recording_id', 'kind'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('meet_recording_secrets', schema=None) as batch_op:
        batch_op.drop_index('ix_meet_recording_secrets_recording')

    op.drop_table('meet_recording_secrets')
    with op.batch_alter_table('meet_rooms', schema=None) as batch_op:
        batch_op.drop_index('ix_meet_rooms_room_name')
        batch_op.drop_index('ix_meet_rooms_creation_date')

    op.drop_table('meet_rooms')
    with op.batch_alter_table('meet_recordings', schema=None) as batch_op:
        batch_op.drop_index('uq_meet_recordings_one_active_per_room', sqlite_where=sa.text("status IN ('starting', 'active', 'ending')"), postgresql_where=sa.text("status IN ('starting', 'active', 'ending')"))
        batch_op.drop_index('ix_meet_recordings_status')
        batch_op.drop_index('ix_meet_recordings_start_date')
        batch_op.drop_index('ix_meet_recordings_size')
        batch_op.drop_index('ix_meet_recordings_room_start_date')
        batch_op.drop_index('ix_meet_recordings_room_size')
        batch_op.drop_index('ix_meet_recordings_room_name')
        batch_op.drop_index('ix_meet_recordings_room_duration')
        batch_op.drop_index('ix_meet_recordings_duration')

    op.drop_table('meet_recordings')
    op.drop_table('meet_pending_deletions')
