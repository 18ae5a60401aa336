"""Every table meet-embed owns, imported in one place for migrations and schema checks."""

from meet_embed.db.base import Base
from meet_embed.recordings.models import RecordingModel, RecordingSecretModel
from meet_embed.rooms.models import RoomModel
from meet_embed.storage.models import PendingDeletionModel

__all__ = ("Base", "PendingDeletionModel", "RecordingModel", "RecordingSecretModel", "RoomModel")
