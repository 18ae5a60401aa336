"""Wire format of recordings: the reference's ``MeetRecordingInfo`` (camelCase, unknown values left out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Optional, TypeAlias, get_type_hints

import msgspec
from msgspec import Struct

from meet_embed.pagination import Pagination
from meet_embed.recordings.models import RecordingModel

__all__ = (
    "FINISHED",
    "RECORDING_FIELDS",
    "WIRE_FIELDS",
    "BulkDeleteFailure",
    "BulkDeletePartial",
    "BulkDeleteResult",
    "FailureCode",
    "Recording",
    "RecordingFields",
    "RecordingList",
    "RecordingPage",
    "RecordingStatus",
    "to_wire",
    "wire_from_values",
)

RecordingStatus: TypeAlias = Literal[
    "starting", "active", "ending", "complete", "failed", "aborted", "limit_reached"
]
FINISHED = ("complete", "failed", "aborted", "limit_reached")
"""Statuses in which a recording can be deleted (the reference's ``canBeDeleted``)."""


class Recording(Struct, rename="camel", omit_defaults=True):
    recording_id: str
    room_id: str
    room_name: str
    status: RecordingStatus
    layout: str | None = None
    encoding: Any = None
    filename: str | None = None
    start_date: int | None = None
    end_date: int | None = None
    duration: float | None = None
    """Seconds (dates are milliseconds), as the reference."""
    size: int | None = None
    error_code: int | None = None
    error: str | None = None
    details: str | None = None


_HINTS = get_type_hints(Recording)

# A recording as listed or fetched with ``fields``: Recording's fields, every one optional (only the
# requested keys are present; values not known yet are always left out). Documentation only.
RecordingFields = msgspec.defstruct(
    "RecordingFields",
    [(name, Optional[_HINTS[name]], None) for name in Recording.__struct_fields__],  # noqa: UP045
    rename="camel",
    omit_defaults=True,
    module=__name__,
)


class RecordingPage(Struct):
    """Documentation of a listing's shape (the handler projects each recording to the chosen fields)."""

    recordings: list[RecordingFields]  # type: ignore[valid-type]
    pagination: Pagination


RECORDING_FIELDS = frozenset(Recording.__struct_encode_fields__)
"""The wire names ``fields=`` may select."""


WIRE_FIELDS = Recording.__struct_fields__
"""The columns of ``meet_recordings`` that make a recording on the wire, in the struct's order."""

_KNOWN_WHEN_SET = WIRE_FIELDS.index("start_date")
"""From here on, zero means "not known yet": the reference leaves such values out of the JSON."""


def wire_from_values(values: Sequence[Any]) -> Recording:
    """A recording from the values of ``WIRE_FIELDS``, in order."""
    known, maybe = values[:_KNOWN_WHEN_SET], values[_KNOWN_WHEN_SET:]
    return Recording(*known, *[value or None for value in maybe])


def to_wire(row: RecordingModel) -> Recording:
    return wire_from_values([getattr(row, name) for name in WIRE_FIELDS])


class RecordingList(Struct):
    recordings: list[Any]
    """Whole recordings (``Recording``), or projections of them (dicts, for ``fields``); the schema
    documented for the route is ``RecordingPage``."""
    pagination: Pagination


FailureCode: TypeAlias = Literal["notFound", "notStopped", "otherRoom"]


class BulkDeleteFailure(Struct, rename="camel"):
    recording_id: str
    error: str
    code: FailureCode
    """Why, for user interfaces that say it in their own words."""


class BulkDeleteResult(Struct, omit_defaults=True, kw_only=True):
    message: str
    deleted: list[str]


class BulkDeletePartial(Struct, kw_only=True):
    """The 400 of a bulk delete: those in ``deleted`` are gone, those in ``failed`` are not."""

    error: str
    message: str
    deleted: list[str]
    failed: list[BulkDeleteFailure]
