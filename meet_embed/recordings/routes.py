"""``/recordings``: list, get, delete, bulk delete, ZIP download, media, poster, share links."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from litestar import Controller, Request, Response, delete, get, post, route
from litestar.di import NamedDependency, Provide
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, HeaderParameter, QueryParameter
from litestar.response import Stream
from msgspec import Struct

from meet_embed.audit.service import RequestAudit
from meet_embed.auth.access import (
    ACCESS_KEY,
    MEDIA_TOKEN_PARAM,
    SCOPE_KEY,
    ListScope,
    MediaGrant,
    RecordingAccess,
    list_scope_guard,
    recording_guard,
    zip_target,
)
from meet_embed.auth.resolver import runtime_of
from meet_embed.dependencies import request_audit
from meet_embed.errors import MeetError, NotFoundError, UnprocessableError, check_text
from meet_embed.ids import is_room_id, room_of_recording
from meet_embed.openapi import errors
from meet_embed.ops.metrics import MEDIA_BYTES
from meet_embed.pagination import parse_max_items
from meet_embed.recordings.archive import ZipArchive
from meet_embed.recordings.media import media_response
from meet_embed.recordings.schemas import (
    BulkDeletePartial,
    BulkDeleteResult,
    RecordingFields,
    RecordingList,
    RecordingPage,
    RecordingStatus,
)
from meet_embed.recordings.service import (
    RecordingsService,
    SortField,
    SortOrder,
    parse_fields,
    parse_ids,
    project,
)

__all__ = ("RecordingsController",)

_MEDIA_SECURITY: list[dict[str, list[str]]] = [{"apiKey": []}, {"memberToken": []}, {"bearer": []}]


class ShareUrl(Struct, rename="camel", omit_defaults=True):
    url: str
    expires_at: int | None = None
    """Milliseconds since the epoch, for links created with ``expiresIn``."""


class RotatedSecrets(Struct, rename="camel"):
    public_url: str
    private_url: str


class MediaLink(Struct, rename="camel", omit_defaults=True):
    url: str
    expires_at: int
    poster_url: str | None = None


def _provide_access(request: Request[Any, Any, Any]) -> RecordingAccess:
    access: RecordingAccess = request.scope[ACCESS_KEY]  # type: ignore[literal-required]
    return access


def _provide_scope(request: Request[Any, Any, Any]) -> ListScope:
    scope: ListScope = request.scope[SCOPE_KEY]  # type: ignore[literal-required]
    return scope


Fields = Annotated[
    str | None,
    QueryParameter(
        name="fields", max_length=1000, description="Comma-separated keys to keep in each recording"
    ),
]
RecordingIds = Annotated[
    str,
    QueryParameter(name="recordingIds", max_length=120_000, description="Comma-separated recording ids"),
]


def _zip_scope(ids: list[str], listing: ListScope) -> list[str]:
    """The ids a ZIP may hold: those of the caller's room for a member token (400 when none is)."""
    in_scope = [i for i in ids if listing.room_id is None or room_of_recording(i) == listing.room_id]
    if not in_scope and listing.room_id is not None:
        raise MeetError(
            f"None of the provided recording IDs belong to room '{listing.room_id}'", error="Recording Error"
        )
    return in_scope


def _nothing_to_zip() -> MeetError:
    return MeetError(
        "None of the provided recordings are available for ZIP download", error="Recording Error"
    )


def _starts_viewing(request: Request[Any, Any, Any]) -> bool:
    """A player's first request: no range, or a range from the first byte (seeks come later)."""
    header = request.headers.get("range")
    return header is None or header.replace(" ", "").startswith("bytes=0-")


class RecordingsController(Controller):
    path = "/recordings"
    tags = ["Recordings"]
    security = _MEDIA_SECURITY
    dependencies = {
        "access": Provide(_provide_access, sync_to_thread=False),
        "listing": Provide(_provide_scope, sync_to_thread=False),
    }

    # -- collection -----------------------------------------------------------------------------------

    @get(
        "/",
        guards=[list_scope_guard("retrieve")],
        summary="List recordings",
        description="Paginated with an opaque `nextPageToken` (keyset: a deep page costs what the first "
        "does). A member token only ever sees its own room, whatever `roomId` says.",
        responses={
            200: ResponseSpec(data_container=RecordingPage, description="A page of recordings"),
            **errors(401, 403, 422),
        },
    )
    async def list_recordings(
        self,
        request: Request[Any, Any, Any],
        recordings: NamedDependency[RecordingsService],
        max_items: Annotated[
            str | None, QueryParameter(name="maxItems", description="1 to 100 (default 10)")
        ] = None,
        next_page_token: Annotated[str | None, QueryParameter(name="nextPageToken", max_length=2048)] = None,
        room_id: Annotated[str | None, QueryParameter(name="roomId", max_length=200)] = None,
        room_name: Annotated[
            str | None,
            QueryParameter(name="roomName", max_length=200, description="Case-insensitive substring"),
        ] = None,
        status: Annotated[
            str | None, QueryParameter(name="status", schema_extra={"enum": list(get_args(RecordingStatus))})
        ] = None,
        fields: Fields = None,
        sort_field: Annotated[SortField, QueryParameter(name="sortField")] = "startDate",
        sort_order: Annotated[SortOrder, QueryParameter(name="sortOrder")] = "desc",
    ) -> RecordingList:
        # Read here rather than injected: one dependency chain, resolved without a task group.
        listing = _provide_scope(request)
        limit = parse_max_items(max_items)
        if status is not None and status not in get_args(RecordingStatus):
            raise UnprocessableError.field(
                "status",
                f"Invalid enum value '{status}'. Expected {' | '.join(get_args(RecordingStatus))}",
            )
        check_text("roomName", room_name)
        if listing.room_id is not None:
            room_id = listing.room_id
        elif room_id is not None:
            room_id = room_id.strip()
            if not is_room_id(room_id):
                raise UnprocessableError.field("roomId", "roomId does not follow the expected format")
        rows, token = await recordings.list_recordings(
            max_items=limit,
            page_token=next_page_token,
            room_id=room_id,
            room_name=room_name,
            status=status,
            sort_field=sort_field,
            sort_order=sort_order,
        )
        return recordings.list_to_wire(rows, token, limit, parse_fields(fields))

    @delete(
        "/",
        guards=[list_scope_guard("delete")],
        status_code=200,
        summary="Delete several recordings",
        description="200 when every one was deleted; 400 with `deleted` and `failed` otherwise (those that "
        "could be deleted still are). Duplicates count once.",
        responses={
            **errors(401, 403, 422),
            400: ResponseSpec(
                data_container=BulkDeletePartial,
                description="Some recordings could not be deleted: `deleted` and `failed` say which",
            ),
        },
    )
    async def bulk_delete_recordings(
        self,
        recordings: NamedDependency[RecordingsService],
        listing: NamedDependency[ListScope],
        audit: NamedDependency[RequestAudit],
        recording_ids: RecordingIds,
    ) -> Response[BulkDeleteResult | BulkDeletePartial]:
        ids = parse_ids(recording_ids)
        deleted, failed = await recordings.bulk_delete(ids, listing.room_id)
        for recording_id in deleted:
            await audit("delete", recording_id=recording_id, details={"bulk": True})
        if not failed:
            return Response(BulkDeleteResult(message="All recordings deleted successfully", deleted=deleted))
        return Response(
            BulkDeletePartial(
                error="Recording Error",
                message=f"{len(failed)} recording(s) could not be deleted",
                deleted=deleted,
                failed=failed,
            ),
            status_code=400,
        )

    @get(
        "/download",
        guards=[list_scope_guard("retrieve", media_links=True)],
        summary="Download recordings as a ZIP",
        description="Streamed with constant memory, entries stored, ZIP64, `Content-Length` known up front. "
        "Ids not available to the caller are left out; 400 when none is left. Also reachable with a "
        "signed `mediaToken` from `/recordings/download-url`.",
        responses={
            200: ResponseSpec(data_container=bytes, description="The archive", media_type="application/zip"),
            **errors(400, 401, 403, 422),
        },
        security=[*_MEDIA_SECURITY, {}],
    )
    async def download_recordings(
        self,
        recordings: NamedDependency[RecordingsService],
        listing: NamedDependency[ListScope],
        audit: NamedDependency[RequestAudit],
        recording_ids: RecordingIds,
        media_token: Annotated[str | None, QueryParameter(name=MEDIA_TOKEN_PARAM, max_length=2048)] = None,
    ) -> Stream:
        rows = await recordings.zip_members(_zip_scope(parse_ids(recording_ids), listing))
        if not rows:
            raise _nothing_to_zip()
        archive = ZipArchive.for_recordings(recordings.runtime.store, rows)
        MEDIA_BYTES.labels("zip").inc(archive.content_length)
        await audit(
            "zip",
            room_id=listing.room_id,
            details={"recordingIds": [r.recording_id for r in rows], "bytes": archive.content_length},
        )
        return Stream(
            archive,
            media_type="application/zip",
            headers={
                "Content-Length": str(archive.content_length),
                "Content-Disposition": 'attachment; filename="recordings.zip"',
                "Cache-Control": "private, no-store",
            },
        )

    @get(
        "/download-url",
        guards=[list_scope_guard("retrieve")],
        summary="A signed link to download recordings as a ZIP",
        description="For `<a download>` and other places that cannot send headers; short-lived.",
        responses=errors(400, 401, 403, 422),
    )
    async def download_url(
        self,
        recordings: NamedDependency[RecordingsService],
        listing: NamedDependency[ListScope],
        base_url: NamedDependency[str],
        recording_ids: RecordingIds,
    ) -> MediaLink:
        ids = parse_ids(recording_ids)
        # Refused now rather than when the browser follows the link, where nobody would see why.
        if not await recordings.any_playable(_zip_scope(ids, listing)):
            raise _nothing_to_zip()
        runtime = recordings.runtime
        grant = MediaGrant.for_principal(listing.principal, zip_target(ids), runtime.config.media_link_ttl)
        url = runtime.api_url(
            base_url,
            f"/recordings/download?recordingIds={','.join(ids)}&{MEDIA_TOKEN_PARAM}={grant.dumps(runtime)}",
        )
        return MediaLink(url=url, expires_at=grant.expires * 1000)

    # -- one recording --------------------------------------------------------------------------------

    @get(
        "/{recording_id:str}",
        guards=[recording_guard("retrieve", secrets=True)],
        summary="Get a recording",
        description="With credentials, or with a share link's `secret` (public, or private for a "
        "logged-in user of the host).",
        responses={
            200: ResponseSpec(
                data_container=RecordingFields, description="The recording (projected by `fields`)"
            ),
            **errors(400, 401, 403, 404, 422),
        },
        security=[*_MEDIA_SECURITY, {}],
    )
    async def get_recording(
        self,
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        fields: Fields = None,
        secret: Annotated[str | None, QueryParameter(name="secret", max_length=256)] = None,
    ) -> dict[str, Any]:
        return project(access.recording, parse_fields(fields))

    @delete(
        "/{recording_id:str}",
        guards=[recording_guard("delete")],
        status_code=200,
        summary="Delete a recording",
        description="Removes the media, poster and any leftover chunks with the row. 409 while it runs.",
        responses=errors(401, 403, 404, 409, 422),
    )
    async def delete_recording(
        self,
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        recordings: NamedDependency[RecordingsService],
        audit: NamedDependency[RequestAudit],
    ) -> dict[str, str]:
        await recordings.delete_one(access.recording)
        await audit("delete", recording_id=access.recording.recording_id)
        return {"message": f"Recording '{access.recording.recording_id}' deleted successfully"}

    @route(
        "/{recording_id:str}/media",
        http_method=["GET", "HEAD"],
        guards=[recording_guard("retrieve", secrets=True, media_links=True, cached=True)],
        summary="Play or download a recording's media",
        description="Supports `Range` (`bytes=S-E`, `bytes=S-`, `bytes=-N`), `If-Range`, `If-None-Match`, "
        "`If-Modified-Since`; `download=1` makes it an attachment. 409 unless the recording is complete.",
        responses={
            200: ResponseSpec(data_container=bytes, description="The media", media_type="video/mp4"),
            206: ResponseSpec(
                data_container=bytes, description="Part of the media (`Range`)", media_type="video/mp4"
            ),
            304: ResponseSpec(data_container=None, description="Not modified (`If-None-Match`)"),
            307: ResponseSpec(
                data_container=None,
                description="A short-lived presigned link to the object store (`media_redirect` on a bucket)",
            ),
            **errors(400, 401, 403, 404, 409, 416, 422),
        },
        security=[*_MEDIA_SECURITY, {}],
    )
    async def get_media(
        self,
        request: Request[Any, Any, Any],
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        download: Annotated[bool, QueryParameter(name="download")] = False,
        _range: Annotated[
            str | None,
            HeaderParameter(name="Range", description="`bytes=S-E`, `bytes=S-` or `bytes=-N` (one range)"),
        ] = None,
        _if_range: Annotated[str | None, HeaderParameter(name="If-Range")] = None,
        _if_none_match: Annotated[str | None, HeaderParameter(name="If-None-Match")] = None,
        secret: Annotated[str | None, QueryParameter(name="secret", max_length=256)] = None,
        media_token: Annotated[str | None, QueryParameter(name=MEDIA_TOKEN_PARAM, max_length=2048)] = None,
    ) -> Response[Any]:
        # The hot path: one dependency only (several are resolved in a task group, a measurable cost per
        # range request); the runtime and the audit trail are fetched here, the latter when it is needed.
        meet = runtime_of(request)
        response = await media_response(request, meet, access.recording, download=download)
        # 307: a presigned redirect; the bucket serves the bytes, but the viewing started here all the same.
        if request.method == "GET" and response.status_code in (200, 206, 307) and _starts_viewing(request):
            audit = await request_audit(request, meet)
            viewer = audit.viewer(request, secret=secret, media_token=media_token)
            rid = access.recording.recording_id
            if download:
                await audit("download", recording_id=rid)
            elif await meet.audit.is_new_viewing(viewer, rid):
                await audit("play", recording_id=rid)
        return response

    @get(
        "/{recording_id:str}/media-url",
        guards=[recording_guard("retrieve")],
        summary="A signed, short-lived link to the media (and poster)",
        description="For `<video>` and `<img>`, which cannot send headers: the link opens this one "
        "recording only, and the room's access setting is checked again each time it is used.",
        responses=errors(401, 403, 404, 422),
    )
    async def media_url(
        self,
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        recordings: NamedDependency[RecordingsService],
        base_url: NamedDependency[str],
    ) -> MediaLink:
        runtime = recordings.runtime
        rid = access.recording.recording_id
        grant = MediaGrant.for_principal(access.principal, rid, runtime.config.media_link_ttl)
        token = grant.dumps(runtime)
        return MediaLink(
            url=runtime.api_url(base_url, f"/recordings/{rid}/media?{MEDIA_TOKEN_PARAM}={token}"),
            expires_at=grant.expires * 1000,
            poster_url=runtime.api_url(base_url, f"/recordings/{rid}/poster?{MEDIA_TOKEN_PARAM}={token}")
            if access.recording.poster_key
            else None,
        )

    @get(
        "/{recording_id:str}/poster",
        guards=[recording_guard("retrieve", secrets=True, media_links=True, cached=True)],
        summary="A recording's poster image (JPEG)",
        responses=errors(400, 401, 403, 404, 422, 503),
        media_type="image/jpeg",
        security=[*_MEDIA_SECURITY, {}],
    )
    async def get_poster(
        self,
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        recordings: NamedDependency[RecordingsService],
        secret: Annotated[str | None, QueryParameter(name="secret", max_length=256)] = None,
        media_token: Annotated[str | None, QueryParameter(name=MEDIA_TOKEN_PARAM, max_length=2048)] = None,
    ) -> Stream:
        key = access.recording.poster_key
        if not key:
            raise NotFoundError(
                f"Recording '{access.recording.recording_id}' has no poster", error="Recording Error"
            )
        try:
            body = await recordings.runtime.store.stream(key)
        except FileNotFoundError:
            raise NotFoundError("The poster is missing from storage", error="Recording Error") from None
        except Exception as exc:  # the store's own failure, as the media route says it
            raise MeetError(
                "The media store is unavailable", error="Service Unavailable", status_code=503
            ) from exc
        return Stream(body, media_type="image/jpeg", headers={"Cache-Control": "private, max-age=86400"})

    @get(
        "/{recording_id:str}/url",
        guards=[recording_guard("share")],
        summary="The share link of a recording",
        description="`privateAccess=true` gives the private link (opens for logged-in users of the host "
        "only). `expiresIn` (seconds) makes a new link that stops working after that time.",
        responses=errors(401, 403, 404, 422),
    )
    async def share_url(
        self,
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        recordings: NamedDependency[RecordingsService],
        base_url: NamedDependency[str],
        audit: NamedDependency[RequestAudit],
        private_access: Annotated[bool, QueryParameter(name="privateAccess")] = False,
        expires_in: Annotated[
            int | None, QueryParameter(name="expiresIn", ge=60, le=90 * 24 * 3600, description="Seconds")
        ] = None,
    ) -> ShareUrl:
        kind: Literal["public", "private"] = "private" if private_access else "public"
        secret, expires_at = await recordings.share_secret(access.recording, kind, expires_in)
        await audit(
            "share_link_created",
            recording_id=access.recording.recording_id,
            details={"access": kind, **({"expiresAt": expires_at} if expires_at else {})},
        )
        return ShareUrl(
            url=recordings.share_url(base_url, access.recording.recording_id, secret), expires_at=expires_at
        )

    @post(
        "/{recording_id:str}/secrets/rotate",
        guards=[recording_guard("share")],
        status_code=200,
        summary="Revoke every share link of a recording and make new ones",
        responses=errors(401, 403, 404, 422),
    )
    async def rotate_secrets(
        self,
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        recordings: NamedDependency[RecordingsService],
        base_url: NamedDependency[str],
        audit: NamedDependency[RequestAudit],
    ) -> RotatedSecrets:
        fresh = await recordings.rotate_secrets(access.recording)
        await audit("secrets_rotated", recording_id=access.recording.recording_id)
        rid = access.recording.recording_id
        return RotatedSecrets(
            public_url=recordings.share_url(base_url, rid, fresh["public"]),
            private_url=recordings.share_url(base_url, rid, fresh["private"]),
        )
