"""Recording control: start, stop, and the browser's chunk uploads."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody, QueryParameter

from meet_embed.audit.service import RequestAudit
from meet_embed.auth.access import (
    ACCESS_KEY,
    RecordingAccess,
    recording_guard,
    require_capture_owner,
    require_recorder,
)
from meet_embed.auth.principal import Principal
from meet_embed.errors import AuthorizationError, UnprocessableError
from meet_embed.openapi import errors
from meet_embed.recorders.browser import MAX_SEQ, ChunkReceipt, ChunkStatus, chunk_status, receive_chunk
from meet_embed.recorders.control import StartRequest
from meet_embed.recordings.schemas import Recording, to_wire
from meet_embed.rooms.service import check_room_id
from meet_embed.runtime import MeetRuntime
from meet_embed.validation import strict_json

__all__ = ("RecordingControlController",)


def _provide_access(request: Request[Any, Any, Any]) -> RecordingAccess:
    access: RecordingAccess = request.scope[ACCESS_KEY]  # type: ignore[literal-required]
    return access


class RecordingControlController(Controller):
    path = "/recordings"
    tags = ["Recording control"]
    security = [{"memberToken": []}, {"bearer": []}, {"apiKey": []}]
    dependencies = {"access": Provide(_provide_access, sync_to_thread=False)}

    @post(
        "/",
        guards=[require_recorder, strict_json(StartRequest)],
        status_code=201,
        summary="Start recording a room",
        description="A moderator of the room or the API key. 403 when the room's recording is disabled, "
        "409 when the room is already being recorded (one at a time, enforced by the database). With the "
        "browser backend the recording is `starting` until the moderator's browser sends its first chunk.",
        responses=errors(401, 403, 404, 409, 422, 503),
    )
    async def start_recording(
        self,
        data: JSONBody[StartRequest],
        meet: NamedDependency[MeetRuntime],
        principal: NamedDependency[Principal],
        base_url: NamedDependency[str],
        audit: NamedDependency[RequestAudit],
    ) -> Response[Recording]:
        room_id = check_room_id(data.room_id)
        if principal.kind == "member" and principal.room_id != room_id:
            raise AuthorizationError()
        recording = await meet.control.start(data, principal)
        await audit("start", recording_id=recording.recording_id)
        location = meet.api_url(base_url, f"/recordings/{recording.recording_id}")
        return Response(to_wire(recording), status_code=201, headers={"Location": location})

    @post(
        "/{recording_id:str}/stop",
        guards=[recording_guard("record")],
        status_code=202,
        summary="Stop a recording",
        description="202: the recording is `ending`; it becomes `complete` once its media is finalized. "
        "409 when it is not active; a `starting` recording is ended (`aborted`) and answered 409, as the "
        "reference does. Allowed even if the room's recording was disabled after the start.",
        responses=errors(401, 403, 404, 409, 422),
    )
    async def stop_recording(
        self,
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        meet: NamedDependency[MeetRuntime],
        base_url: NamedDependency[str],
        audit: NamedDependency[RequestAudit],
    ) -> Response[Recording]:
        stopped = await meet.control.stop(access.recording, by=access.principal.describe())
        await audit("stop", recording_id=stopped.recording_id)
        location = meet.api_url(base_url, f"/recordings/{stopped.recording_id}")
        return Response(to_wire(stopped), status_code=202, headers={"Location": location})

    @put(
        "/{recording_id:str}/chunks/{seq:int}",
        guards=[recording_guard("record"), require_capture_owner],
        status_code=200,
        summary="Upload a chunk of a browser recording",
        description="The raw bytes of MediaRecorder's chunk number `seq` (from 0). Idempotent: sending a "
        "chunk again replaces it. `final=true` marks the last one. Only the moderator who started the "
        "recording may upload. 409 once the recording is no longer captured or is being finalized: that "
        "chunk is not in the recording.",
        responses=errors(401, 403, 404, 409, 413, 422),
        request_max_body_size=None,
    )
    async def upload_chunk(
        self,
        request: Request[Any, Any, Any],
        recording_id: FromPath[str],
        seq: FromPath[int],
        access: NamedDependency[RecordingAccess],
        meet: NamedDependency[MeetRuntime],
        final: Annotated[bool, QueryParameter(name="final")] = False,
    ) -> ChunkReceipt:
        if not 0 <= seq <= MAX_SEQ:
            raise UnprocessableError.field("seq", f"seq must be between 0 and {MAX_SEQ}")
        length = request.headers.get("content-length")
        declared = int(length) if length and length.isdigit() else None
        return await receive_chunk(
            meet, access.recording, seq, request.stream(), declared_length=declared, final=final
        )

    @get(
        "/{recording_id:str}/chunks",
        guards=[recording_guard("record"), require_capture_owner],
        summary="Which chunks of a browser recording have arrived",
        description="For resuming after a dropped connection: upload what is missing from `received`.",
        responses=errors(401, 403, 404, 422),
    )
    async def list_chunks(
        self,
        recording_id: FromPath[str],
        access: NamedDependency[RecordingAccess],
        meet: NamedDependency[MeetRuntime],
    ) -> ChunkStatus:
        return await chunk_status(meet, access.recording)
