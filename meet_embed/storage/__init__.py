"""Object storage for media (obstore)."""

from meet_embed.storage.store import MediaStore, ObjectInfo, ObjectNotFound, StoreUnavailable

__all__ = ("MediaStore", "ObjectInfo", "ObjectNotFound", "StoreUnavailable")
