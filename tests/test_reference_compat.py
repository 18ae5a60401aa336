"""Answers an OpenVidu Meet client relies on, word for word where the reference's own tests check the words:
the 416 message, ZIP-independent validation messages, the token endpoint's order of checks, repeated query
parameters, a Range header checked before the recording's status, and credentials the host shares with us.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from litestar.testing import AsyncTestClient

from meet_embed import create_app
from tests.helpers import serving_json
from tests.recordings_support import (
    API,
    RECORDINGS,
    assert_422,
    assert_error,
    create_room,
    import_recording,
    insert_rows,
    make_row,
)


@pytest.fixture
async def recording(client: Any, api_headers: dict[str, str], media_copy: Any) -> Any:
    room = await create_room(client, api_headers, "Compat")
    return await import_recording(client, room["roomId"], media_copy("mp4_2s_small"))


# -- media --------------------------------------------------------------------------------------------


async def test_416_names_the_recording_and_the_size(
    client: Any, api_headers: dict[str, str], recording: Any
) -> None:
    rid, size = recording.recording_id, recording.size
    response = await client.get(
        f"{RECORDINGS}/{rid}/media", headers={**api_headers, "Range": f"bytes={size + 1}-{size + 1000}"}
    )
    body = assert_error(response, 416, "Recording Error")
    assert f"Recording '{rid}' range not satisfiable" in body["message"]
    assert f"File size: {size}" in body["message"]
    assert response.headers["content-range"] == f"bytes */{size}"


@pytest.mark.parametrize("header", ["bytes=100", "garbage", "bytes=0-1,5-9", "items=0-1"])
async def test_malformed_range_is_422_even_while_recording(
    client: Any, api_headers: dict[str, str], header: str
) -> None:
    """The reference validates the header before it looks at the recording: a broken client hears that its
    request is wrong, not that the recording is busy."""
    room = await create_room(client, api_headers, "Busy")
    (rid,) = await insert_rows(client, [make_row(room["roomId"], "Busy", status="active")])
    response = await client.get(f"{RECORDINGS}/{rid}/media", headers={**api_headers, "Range": header})
    assert_422(response, "headers.range")
    well_formed = await client.get(f"{RECORDINGS}/{rid}/media", headers={**api_headers, "Range": "bytes=0-9"})
    assert_error(well_formed, 409, "Recording Error")


# -- listing and id validation ------------------------------------------------------------------------


async def test_invalid_status_says_invalid_enum_value(client: Any, api_headers: dict[str, str]) -> None:
    body = assert_422(
        await client.get(RECORDINGS, params={"status": "paused"}, headers=api_headers), "status"
    )
    assert "Invalid enum value" in body["details"][0]["message"]
    assert "'paused'" in body["details"][0]["message"]


@pytest.mark.parametrize(("raw", "words"), [("abc", "Expected number"), ("0", "positive number")])
async def test_max_items_messages(client: Any, api_headers: dict[str, str], raw: str, words: str) -> None:
    body = assert_422(await client.get(RECORDINGS, params={"maxItems": raw}, headers=api_headers), "maxItems")
    message = body["details"][0]["message"]
    assert words in message
    assert "maxItems must be a positive number" in message


@pytest.mark.parametrize("key", ["fields", "maxItems", "status", "roomId", "sortField"])
async def test_repeated_query_parameter_is_422(client: Any, api_headers: dict[str, str], key: str) -> None:
    value = {"fields": "status", "maxItems": "5", "status": "complete", "roomId": "a-b", "sortField": "size"}[
        key
    ]
    response = await client.get(f"{RECORDINGS}?{key}={value}&{key}={value}", headers=api_headers)
    body = assert_422(response, key)
    assert "Expected string, received array" in body["details"][0]["message"]


async def test_repeated_query_parameter_checked_after_credentials(client: Any) -> None:
    assert_error(await client.get(f"{RECORDINGS}?fields=a&fields=b"), 401)


@pytest.mark.parametrize("path", ["", "/download"])
async def test_malformed_id_in_a_list_names_its_index(
    client: Any, api_headers: dict[str, str], recording: Any, path: str
) -> None:
    method = client.delete if path == "" else client.get
    response = await method(
        f"{RECORDINGS}{path}", params={"recordingIds": f"{recording.recording_id},bad"}, headers=api_headers
    )
    body = assert_422(response, "recordingIds.1", first=True)
    assert body["details"][0]["message"] == "recordingId does not follow the expected format"


async def test_zip_none_available_message(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Nothing")
    (active,) = await insert_rows(client, [make_row(room["roomId"], "Nothing", status="active")])
    response = await client.get(
        f"{RECORDINGS}/download", params={"recordingIds": active}, headers=api_headers
    )
    body = assert_error(response, 400, "Recording Error")
    assert body["message"] == "None of the provided recordings are available for ZIP download"


# -- the token endpoint -------------------------------------------------------------------------------


async def test_token_empty_secret_is_422(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Tokens")
    for secret in ("", "   "):
        response = await client.post(f"{API}/rooms/{room['roomId']}/token", json={"secret": secret})
        body = assert_422(response, "secret")
        assert body["details"][0]["message"] == "Secret is required"


async def test_token_unknown_room_is_404_whatever_the_secret(client: Any) -> None:
    for secret in ("x", "not a secret at all", "a" * 200):
        response = await client.post(f"{API}/rooms/nowhere-abcdef/token", json={"secret": secret})
        assert_error(response, 404, "Room Error")


async def test_token_wrong_secret_of_a_real_room_is_400(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Tokens")
    for secret in ("x", "../../etc", "a" * 200):
        response = await client.post(f"{API}/rooms/{room['roomId']}/token", json={"secret": secret})
        body = assert_error(response, 400, "Room Error")
        assert room["roomId"] in body["message"]


async def test_token_join_permission_fields(client: Any, api_headers: dict[str, str]) -> None:
    room = await create_room(client, api_headers, "Tokens")
    url = f"{API}/rooms/{room['roomId']}/token"
    secret = room["moderatorUrl"].split("secret=")[1]
    assert_422(await client.post(url, json={"secret": secret, "grantJoinMeetingPermission": "nope"}))
    body = assert_422(
        await client.post(url, json={"secret": secret, "grantJoinMeetingPermission": True}), "participantName"
    )
    assert "participantName is required" in body["details"][0]["message"]
    granted = await client.post(
        url, json={"secret": secret, "grantJoinMeetingPermission": True, "participantName": "Ada"}
    )
    assert granted.status_code == 200, granted.text
    assert granted.json()["role"] == "moderator"


# -- credentials shared with the host -----------------------------------------------------------------


async def test_host_bearer_token_with_an_admin_hook(config_factory: Any, recording: Any) -> None:
    """A host whose login sends ``Authorization: Bearer <its own token>``: the hook vouches for the request,
    so the bearer token is the host's, not a wrong member token."""

    def is_admin(connection: Any) -> bool | str:
        return "ada" if connection.headers.get("authorization") == "Bearer host-session-of-ada" else False

    app = create_app(config_factory(is_admin=is_admin))
    async with AsyncTestClient(app, base_url="http://testserver.local") as admin_client:
        ok = await admin_client.get(RECORDINGS, headers={"Authorization": "Bearer host-session-of-ada"})
        assert ok.status_code == 200, ok.text
        me = await admin_client.get(f"{API}/me", headers={"Authorization": "Bearer host-session-of-ada"})
        assert me.json()["principal"] == {"kind": "admin", "name": "ada"}
        # Without the hook's yes, the same header is a wrong credential.
        assert_error(await admin_client.get(RECORDINGS, headers={"Authorization": "Bearer forged"}), 401)
        # X-Room-Member-Token is ours alone: wrong there is wrong, whatever the hook says.
        both = {"Authorization": "Bearer host-session-of-ada", "X-Room-Member-Token": "forged"}
        assert_error(await admin_client.get(RECORDINGS, headers=both), 401)
        # And a wrong API key is never excused by the hook.
        wrong_key = {"Authorization": "Bearer host-session-of-ada", "X-API-KEY": "wrong"}
        assert_error(await admin_client.get(RECORDINGS, headers=wrong_key), 401)


# -- an identity provider whose keys cannot be read ----------------------------------------------------


@pytest.fixture(scope="module")
def rsa_private() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def broken_jwks() -> Iterator[tuple[str, list[bytes]]]:
    """A JWKS endpoint answering whatever the test put last in the list."""
    answers: list[bytes] = []
    with serving_json(lambda: answers[-1]) as url:
        yield url, answers


async def test_broken_jwks_is_503_and_unknown_kid_401(
    config_factory: Any, rsa_private: rsa.RSAPrivateKey, broken_jwks: tuple[str, list[bytes]]
) -> None:
    url, answers = broken_jwks
    config = config_factory(jwt_algorithms=["HS256", "RS256"], jwks_url=url)
    pem = rsa_private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    async with AsyncTestClient(create_app(config), base_url="http://testserver.local") as client:
        room = await create_room(client, {"X-API-KEY": "test-api-key-0123456789"}, "IdP")
        now = int(time.time())
        claims = {"sub": "u1", "roomId": room["roomId"], "role": "moderator", "iat": now, "exp": now + 600}
        token = jwt.encode(claims, pem, algorithm="RS256", headers={"kid": "k1"})
        for broken in (b"<html>login</html>", json.dumps({"keys": []}).encode()):
            answers.append(broken)
            response = await client.get(RECORDINGS, headers={"X-Room-Member-Token": token})
            assert_error(response, 503, "Service Unavailable")
        public = rsa_private.public_key()
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(public)) | {"kid": "other", "alg": "RS256"}
        answers.append(json.dumps({"keys": [jwk]}).encode())
        response = await client.get(RECORDINGS, headers={"X-Room-Member-Token": token})
        assert_error(response, 401)
