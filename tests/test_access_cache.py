"""The one-second access cache of the media hot path: emptied by writes to what it holds (recordings, rooms,
share secrets), not by the writes every viewing makes (the audit trail, the viewing claim)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from meet_embed.recordings.models import RecordingModel
from tests.recordings_support import RECORDINGS, create_room, import_recording


async def _media_link(client: Any, api_headers: dict[str, str], rid: str) -> str:
    url: str = (await client.get(f"{RECORDINGS}/{rid}/media-url", headers=api_headers)).json()["url"]
    return url[url.index("/meet/") :]


async def test_viewing_writes_keep_the_cache_and_access_changes_empty_it(
    client: Any, api_headers: dict[str, str], runtime: Any, media_copy: Any, on_app: Any
) -> None:
    room = await create_room(client, api_headers, "Cache")
    recording = await import_recording(client, room["roomId"], media_copy("mp4_2s_small"))
    rid = recording.recording_id
    link = await _media_link(client, api_headers, rid)
    key = f"recording:{rid}"

    # A viewing's first request writes the audit entry and the viewing claim: the entry stays.
    assert (await client.get(link, headers={"Range": "bytes=0-99"})).status_code == 206
    assert runtime.access_cache.get(key) is not None
    assert (await client.get(link, headers={"Range": "bytes=100-199"})).status_code == 206
    audit = (await client.get("/meet/api/v1/audit", headers=api_headers)).json()["entries"]
    assert [e["action"] for e in audit if e.get("recordingId") == rid] == ["play"]
    assert runtime.access_cache.get(key) is not None

    # A change to who may see the room's recordings empties it: the next request sees the new setting.
    response = await client.put(
        f"/meet/api/v1/rooms/{room['roomId']}/config",
        json={"config": {"recording": {"allowAccessTo": "admin"}}},
        headers=api_headers,
    )
    assert response.status_code == 200, response.text
    assert runtime.access_cache.get(key) is None

    # So does any write to a recording's row, through the ORM or a statement.
    assert (await client.get(link, headers={"Range": "bytes=0-9"})).status_code == 206
    assert runtime.access_cache.get(key) is not None

    async def touch() -> None:
        async with runtime.db.sessionmaker() as session, session.begin():
            await session.execute(
                update(RecordingModel).where(RecordingModel.recording_id == rid).values(details="x")
            )

    await on_app(touch)
    assert runtime.access_cache.get(key) is None
