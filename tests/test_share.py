"""Share links: GET /recordings/{id}/url, ``?secret=`` on the recording and its media, rotation."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import update

from meet_embed import create_app
from meet_embed.recordings.models import RecordingSecretModel
from tests.recordings_support import (
    BASE_URL,
    RECORDINGS,
    T0,
    assert_422,
    assert_error,
    create_room,
    db_execute,
    import_recording,
    secret_of,
)


@pytest.fixture
async def recording(client: Any, api_headers: dict[str, str], media_copy: Any) -> Any:
    room = await create_room(client, api_headers, "Shared")
    return await import_recording(client, room["roomId"], media_copy("mp4_2s_small"), start_date=T0)


@pytest.fixture
async def other(client: Any, api_headers: dict[str, str], media_copy: Any) -> Any:
    room = await create_room(client, api_headers, "Unrelated")
    return await import_recording(client, room["roomId"], media_copy("mp4_2s_small"), start_date=T0)


async def _share(client: Any, headers: dict[str, str], rid: str, **params: Any) -> dict[str, Any]:
    response = await client.get(f"{RECORDINGS}/{rid}/url", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_share_url(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    rid = recording.recording_id
    body = await _share(client, api_headers, rid)
    assert set(body) == {"url"}
    url = urlsplit(body["url"])
    assert f"{url.scheme}://{url.netloc}" == BASE_URL
    assert url.path == f"/meet/recording/{rid}"
    assert url.query == f"secret={secret_of(body['url'])}"
    assert len(secret_of(body["url"])) >= 16
    # Stable: the standing public link.
    assert await _share(client, api_headers, rid) == body
    assert await _share(client, api_headers, rid, privateAccess="false") == body


async def test_private_url(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    rid = recording.recording_id
    public = secret_of((await _share(client, api_headers, rid))["url"])
    private_body = await _share(client, api_headers, rid, privateAccess="true")
    assert set(private_body) == {"url"}
    private = secret_of(private_body["url"])
    assert private != public
    assert urlsplit(private_body["url"]).path == f"/meet/recording/{rid}"
    assert await _share(client, api_headers, rid, privateAccess="true") == private_body


async def test_share_url_errors(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    rid = recording.recording_id
    assert_error(await client.get(f"{RECORDINGS}/{rid}/url"), 401)
    missing = "gone-abc--EG_abc--zzzz"
    response = await client.get(f"{RECORDINGS}/{missing}/url", headers=api_headers)
    assert response.status_code == 404
    assert response.json() == {"error": "Recording Error", "message": f"Recording '{missing}' not found"}
    assert_422(await client.get(f"{RECORDINGS}/bad/url", headers=api_headers), "recordingId")
    response = await client.get(
        f"{RECORDINGS}/{rid}/url", params={"privateAccess": "maybe"}, headers=api_headers
    )
    assert_422(response, "privateAccess")


async def test_public_secret_opens_recording_and_media(
    client: Any, api_headers: dict[str, str], recording: Any, media_files: Any
) -> None:
    rid = recording.recording_id
    secret = secret_of((await _share(client, api_headers, rid))["url"])
    with_key = (await client.get(f"{RECORDINGS}/{rid}", headers=api_headers)).json()

    response = await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret})
    assert response.status_code == 200
    assert response.json() == with_key
    response = await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret, "fields": "status"})
    assert response.json() == {"status": "complete"}

    data = media_files["mp4_2s_small"].read_bytes()
    media = await client.get(f"{RECORDINGS}/{rid}/media", params={"secret": secret})
    assert media.status_code == 200
    assert media.content == data
    ranged = await client.get(
        f"{RECORDINGS}/{rid}/media", params={"secret": secret}, headers={"Range": "bytes=-10"}
    )
    assert ranged.status_code == 206
    assert ranged.content == data[-10:]
    head = await client.head(f"{RECORDINGS}/{rid}/media", params={"secret": secret})
    assert head.status_code == 200


async def test_secret_opens_nothing_else(
    client: Any, api_headers: dict[str, str], recording: Any, other: Any
) -> None:
    rid = recording.recording_id
    secret = secret_of((await _share(client, api_headers, rid))["url"])
    # Another recording: the secret is not recognized there.
    for path in (f"{RECORDINGS}/{other.recording_id}", f"{RECORDINGS}/{other.recording_id}/media"):
        assert_error(await client.get(path, params={"secret": secret}), 400, "Recording Error")
    # Operations that do not take secrets.
    assert_error(await client.get(RECORDINGS, params={"secret": secret}), 401)
    assert_error(await client.delete(f"{RECORDINGS}/{rid}", params={"secret": secret}), 401)
    assert_error(await client.get(f"{RECORDINGS}/{rid}/url", params={"secret": secret}), 401)
    assert_error(await client.post(f"{RECORDINGS}/{rid}/secrets/rotate", params={"secret": secret}), 401)
    assert_error(
        await client.get(f"{RECORDINGS}/download", params={"recordingIds": rid, "secret": secret}), 401
    )
    assert (await client.get(f"{RECORDINGS}/{rid}", headers=api_headers)).status_code == 200


async def test_unknown_secret(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    rid = recording.recording_id
    await _share(client, api_headers, rid)
    for secret in ("", "short", "x" * 32, "../../etc/passwd", "a" * 300, "é" * 10, "%00" * 10):
        for path in (f"{RECORDINGS}/{rid}", f"{RECORDINGS}/{rid}/media"):
            response = await client.get(path, params={"secret": secret})
            assert response.status_code in (400, 422), (secret, response.status_code)
            assert_error(response, response.status_code)
            assert "x" * 32 not in response.text  # the secret is not echoed


async def test_secret_for_a_missing_recording(client: Any) -> None:
    missing = "gone-abc--EG_abc--zzzz"
    response = await client.get(f"{RECORDINGS}/{missing}", params={"secret": "A" * 32})
    assert_error(response, 404, "Recording Error")


async def test_private_secret_needs_a_user(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    rid = recording.recording_id
    private = secret_of((await _share(client, api_headers, rid, privateAccess="true"))["url"])
    for path in (f"{RECORDINGS}/{rid}", f"{RECORDINGS}/{rid}/media"):
        assert_error(await client.get(path, params={"secret": private}), 401)


def _is_user(connection: Any) -> str | bool:
    return connection.headers.get("x-test-user") or False


@pytest.fixture
def user_config(config_factory: Any) -> Any:
    # A sync fixture: with PostgreSQL the factory makes a schema with asyncio.run().
    return config_factory(is_user=_is_user)


@pytest.fixture
async def user_client(user_config: Any) -> AsyncIterator[AsyncTestClient[Any]]:
    """An app whose host says a user is logged in when the request carries ``X-Test-User``."""
    async with AsyncTestClient(create_app(user_config), base_url=BASE_URL) as c:
        yield c


async def test_private_secret_with_a_user(
    user_client: Any, api_headers: dict[str, str], media_copy: Any, media_files: Any
) -> None:
    room = await create_room(user_client, api_headers, "Private")
    recording = await import_recording(user_client, room["roomId"], media_copy("mp4_3s"))
    rid = recording.recording_id
    private = secret_of((await _share(user_client, api_headers, rid, privateAccess="true"))["url"])
    public = secret_of((await _share(user_client, api_headers, rid))["url"])
    user = {"X-Test-User": "alice"}
    assert (
        await user_client.get(f"{RECORDINGS}/{rid}", params={"secret": private}, headers=user)
    ).status_code == 200
    media = await user_client.get(f"{RECORDINGS}/{rid}/media", params={"secret": private}, headers=user)
    assert media.content == media_files["mp4_3s"].read_bytes()
    assert_error(await user_client.get(f"{RECORDINGS}/{rid}", params={"secret": private}), 401)
    # The public one needs nobody.
    assert (await user_client.get(f"{RECORDINGS}/{rid}", params={"secret": public})).status_code == 200


async def test_expiring_link(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    rid = recording.recording_id
    standing = await _share(client, api_headers, rid)
    before = int(time.time() * 1000)
    body = await _share(client, api_headers, rid, expiresIn=60)
    after = int(time.time() * 1000)
    assert set(body) == {"url", "expiresAt"}
    assert before + 60_000 <= body["expiresAt"] <= after + 60_000
    assert body["url"] != standing["url"]
    assert urlsplit(body["url"]).path == f"/meet/recording/{rid}"
    secret = secret_of(body["url"])
    # Each call makes a new link; the standing one is unchanged.
    again = await _share(client, api_headers, rid, expiresIn=60)
    assert secret_of(again["url"]) != secret
    assert await _share(client, api_headers, rid) == standing

    assert (await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret})).status_code == 200
    assert (await client.get(f"{RECORDINGS}/{rid}/media", params={"secret": secret})).status_code == 200
    private = await _share(client, api_headers, rid, privateAccess="true", expiresIn=3600)
    assert "expiresAt" in private

    # Once expired (moved into the past rather than waiting a minute): refused.
    await db_execute(
        client,
        update(RecordingSecretModel)
        .where(RecordingSecretModel.secret == secret)
        .values(expires_at=before - 1),
    )
    for path in (f"{RECORDINGS}/{rid}", f"{RECORDINGS}/{rid}/media"):
        assert_error(await client.get(path, params={"secret": secret}), 400, "Recording Error")
    assert (
        await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret_of(standing["url"])})
    ).status_code == 200


async def test_expiring_link_bounds(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    for expires_in in ("59", "0", "-1", "7776001", "10000000000000", "abc", "1.5", ""):
        response = await client.get(
            f"{RECORDINGS}/{recording.recording_id}/url",
            params={"expiresIn": expires_in},
            headers=api_headers,
        )
        assert response.status_code == 422, expires_in
        assert_422(response, "expiresIn")


async def test_expiring_link_upper_bound(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    body = await _share(client, api_headers, recording.recording_id, expiresIn=90 * 24 * 3600)
    assert body["expiresAt"] > int(time.time() * 1000) + 89 * 24 * 3600 * 1000


async def test_rotate(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    rid = recording.recording_id
    old_public = secret_of((await _share(client, api_headers, rid))["url"])
    old_private = secret_of((await _share(client, api_headers, rid, privateAccess="true"))["url"])
    old_expiring = secret_of((await _share(client, api_headers, rid, expiresIn=600))["url"])

    response = await client.post(f"{RECORDINGS}/{rid}/secrets/rotate", headers=api_headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"publicUrl", "privateUrl"}
    new_public, new_private = secret_of(body["publicUrl"]), secret_of(body["privateUrl"])
    assert urlsplit(body["publicUrl"]).path == f"/meet/recording/{rid}"
    assert len({new_public, new_private, old_public, old_private, old_expiring}) == 5

    for old in (old_public, old_private, old_expiring):
        for path in (f"{RECORDINGS}/{rid}", f"{RECORDINGS}/{rid}/media"):
            assert_error(await client.get(path, params={"secret": old}), 400, "Recording Error")
    assert (await client.get(f"{RECORDINGS}/{rid}", params={"secret": new_public})).status_code == 200
    assert (await client.get(f"{RECORDINGS}/{rid}/media", params={"secret": new_public})).status_code == 200
    # The share endpoint now hands out the new standing links.
    assert (await _share(client, api_headers, rid))["url"] == body["publicUrl"]
    assert (await _share(client, api_headers, rid, privateAccess="true"))["url"] == body["privateUrl"]


async def test_rotate_errors(client: Any, api_headers: dict[str, str], recording: Any) -> None:
    assert_error(await client.post(f"{RECORDINGS}/{recording.recording_id}/secrets/rotate"), 401)
    missing = "gone-abc--EG_abc--zzzz"
    assert_error(await client.post(f"{RECORDINGS}/{missing}/secrets/rotate", headers=api_headers), 404)
    assert_422(await client.post(f"{RECORDINGS}/x/secrets/rotate", headers=api_headers), "recordingId")


async def test_secrets_go_with_the_recording(
    client: Any, api_headers: dict[str, str], recording: Any
) -> None:
    rid = recording.recording_id
    secret = secret_of((await _share(client, api_headers, rid))["url"])
    assert (await client.delete(f"{RECORDINGS}/{rid}", headers=api_headers)).status_code == 200
    assert_error(await client.get(f"{RECORDINGS}/{rid}", params={"secret": secret}), 404)
