"""Every table meet-embed owns, imported in one place for migrations and schema checks."""

from meet_embed.audit.models import AuditEntryModel, AuditViewingModel
from meet_embed.db.base import Base
from meet_embed.db.leases import LeaseModel
from meet_embed.recorders.models import RecordingChunkModel
from meet_embed.recordings.models import RecordingModel, RecordingSecretModel, RecordingTransitionModel
from meet_embed.rooms.models import RoomModel
from meet_embed.storage.models import PendingDeletionModel

__all__ = (
    "AuditEntryModel",
    "AuditViewingModel",
    "Base",
    "LeaseModel",
    "PendingDeletionModel",
    "RecordingChunkModel",
    "RecordingModel",
    "RecordingSecretModel",
    "RecordingTransitionModel",
    "RoomModel",
)
