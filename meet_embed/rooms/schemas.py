"""Wire format of rooms, as OpenVidu Meet's rooms API (v3.7) has it, limited to what recordings use."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from msgspec import UNSET, Meta, Struct, UnsetType

from meet_embed.pagination import Pagination

__all__ = (
    "AllowAccessTo",
    "EncodingOptions",
    "EncodingPreset",
    "Layout",
    "Room",
    "RoomConfig",
    "RoomConfigIn",
    "RoomConfigUpdate",
    "RoomCreate",
    "RoomDeleted",
    "RoomList",
    "RoomRecordingConfig",
    "RoomRecordingConfigIn",
)

AllowAccessTo: TypeAlias = Literal["admin", "admin_moderator", "admin_moderator_speaker"]
Layout: TypeAlias = Literal["grid", "speaker", "single-speaker"]
EncodingPreset: TypeAlias = Literal[
    "H264_720P_30",
    "H264_720P_60",
    "H264_1080P_30",
    "H264_1080P_60",
    "PORTRAIT_H264_720P_30",
    "PORTRAIT_H264_720P_60",
    "PORTRAIT_H264_1080P_30",
    "PORTRAIT_H264_1080P_60",
]
RoomStatus: TypeAlias = Literal["open", "closed"]
Positive = Annotated[int, Meta(gt=0, le=1_000_000_000)]
PositiveFloat = Annotated[float, Meta(gt=0, le=1_000_000)]


class VideoEncoding(Struct, rename="camel", forbid_unknown_fields=True):
    width: Positive
    height: Positive
    framerate: Positive
    codec: Literal["DEFAULT_VC", "H264_BASELINE", "H264_MAIN", "H264_HIGH", "VP8"]
    bitrate: Positive
    key_frame_interval: PositiveFloat
    depth: Positive


class AudioEncoding(Struct, rename="camel", forbid_unknown_fields=True):
    codec: Literal["DEFAULT_AC", "OPUS", "AAC", "AC_MP3"]
    bitrate: Positive
    frequency: Positive


class EncodingOptions(Struct, rename="camel", forbid_unknown_fields=True):
    video: VideoEncoding
    audio: AudioEncoding


Encoding: TypeAlias = EncodingPreset | EncodingOptions
MaxDuration = Annotated[int, Meta(ge=1, le=7 * 24 * 3600, description="Seconds; ends with limit_reached.")]
RetentionDays = Annotated[
    int,
    Meta(ge=0, le=36500, description="Delete recordings older than this many days; 0 keeps them forever."),
]


class RoomRecordingConfig(Struct, rename="camel", omit_defaults=True):
    """A room's recording settings as returned."""

    enabled: bool
    allow_access_to: AllowAccessTo
    layout: Layout
    encoding: Encoding
    max_duration: MaxDuration | None = None
    retention_days: RetentionDays | None = None


class RoomConfig(Struct):
    recording: RoomRecordingConfig


class RoomRecordingConfigIn(Struct, rename="camel", forbid_unknown_fields=True):
    """Recording settings in a request: every field optional; what is left out keeps its value (on update)
    or its default (on create). A field not listed here is refused (422), not ignored: a misspelt setting
    (``allowAcessTo``) would otherwise be answered 200 while nothing changed."""

    enabled: bool | UnsetType = UNSET
    allow_access_to: AllowAccessTo | UnsetType = UNSET
    layout: Layout | UnsetType = UNSET
    encoding: Encoding | UnsetType = UNSET
    max_duration: MaxDuration | UnsetType | None = UNSET
    retention_days: RetentionDays | UnsetType | None = UNSET


class RoomConfigIn(Struct):
    # Other parts of OpenVidu Meet's room config (chat, virtualBackground, e2ee…) are accepted and ignored.
    recording: RoomRecordingConfigIn | UnsetType = UNSET


RoomName = Annotated[str, Meta(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


class RoomCreate(Struct, rename="camel"):
    room_name: RoomName = "Room"
    config: RoomConfigIn | UnsetType = UNSET


class RoomConfigUpdate(Struct):
    """Body of ``PUT /rooms/{roomId}/config``: a partial update, merged into the current config."""

    config: RoomConfigIn


class Room(Struct, rename="camel", omit_defaults=True):
    room_id: str
    room_name: str
    creation_date: int
    config: RoomConfig
    moderator_url: str
    speaker_url: str
    status: RoomStatus


class RoomList(Struct):
    rooms: list[Room]
    pagination: Pagination


class RoomDeleted(Struct, omit_defaults=True):
    message: str
    room: Room | None = None
