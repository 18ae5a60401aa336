"""Member token verification (``meet_embed.auth.tokens.MemberTokens``), without an app.

Each refused token has exactly one defect; everything else about it is what the verifier accepts.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from meet_embed.auth.tokens import (
    InvalidToken,
    KeysUnavailable,
    MemberTokens,
    member_tokens_for,
    mint_member_token,
)
from meet_embed.config import ConfigError, MeetEmbedConfig
from tests.helpers import serving_json

SECRET = "unit-jwt-secret-" + "0123456789abcdef" * 4  # long enough for HS512 too
ROOM = "room-abc123"
ISSUER = "https://idp.unit.test"
AUDIENCE = "meet-embed-unit"


def pem_pair(key: Any) -> tuple[bytes, str]:
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private, public.decode()


@pytest.fixture(scope="module")
def rsa_keys() -> tuple[bytes, str]:
    return pem_pair(rsa.generate_private_key(public_exponent=65537, key_size=2048))


@pytest.fixture(scope="module")
def other_rsa_keys() -> tuple[bytes, str]:
    return pem_pair(rsa.generate_private_key(public_exponent=65537, key_size=2048))


@pytest.fixture(scope="module")
def ec_keys() -> tuple[bytes, str]:
    return pem_pair(ec.generate_private_key(ec.SECP256R1()))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(**changes: Any) -> dict[str, Any]:
    """Claims the verifiers below accept; ``changes`` edit them, ``None`` drops one."""
    now = int(time.time())
    values: dict[str, Any] = {
        "sub": "participant-1",
        "roomId": ROOM,
        "role": "moderator",
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "iss": ISSUER,
        "aud": AUDIENCE,
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def by_hand(payload: dict[str, Any], header: dict[str, Any], key: bytes | None) -> str:
    head = b64url(json.dumps(header).encode())
    body = b64url(json.dumps(payload).encode())
    if key is None:
        return f"{head}.{body}."
    return f"{head}.{body}.{b64url(hmac.new(key, f'{head}.{body}'.encode(), hashlib.sha256).digest())}"


def verifier(**options: Any) -> MemberTokens:
    values: dict[str, Any] = {"secret": SECRET, "issuer": ISSUER, "audience": AUDIENCE}
    values.update(options)
    return MemberTokens(**values)


async def verify_both(tokens: MemberTokens, token: str) -> Any:
    """``verify`` and ``verify_sync`` must agree."""
    sync_error: Exception | None = None
    try:
        sync_result = tokens.verify_sync(token)
    except InvalidToken as exc:
        sync_error = exc
    try:
        result = await tokens.verify(token)
    except InvalidToken:
        assert sync_error is not None, "verify refused what verify_sync accepted"
        raise
    assert sync_error is None, f"verify accepted what verify_sync refused: {sync_error}"
    assert result == sync_result
    return result


# -- accepted ------------------------------------------------------------------------------------------


async def test_minted_token_round_trip() -> None:
    tokens = verifier()
    token = tokens.mint(ROOM, "speaker", identity="ada", name="Ada Lovelace", ttl=60)
    raw = jwt.decode(token, SECRET, algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER)
    assert raw["iss"] == ISSUER
    assert raw["aud"] == AUDIENCE
    assert raw["exp"] - raw["iat"] == 60
    result = await verify_both(tokens, token)
    assert (result.room_id, result.role, result.identity, result.name) == (
        ROOM,
        "speaker",
        "ada",
        "Ada Lovelace",
    )
    assert result.expires_at == raw["exp"]


async def test_hand_made_hs256_token_accepted() -> None:
    result = await verify_both(verifier(), jwt.encode(claims(), SECRET, algorithm="HS256"))
    assert (result.room_id, result.role, result.identity) == (ROOM, "moderator", "participant-1")


async def test_rs256_token_from_the_configured_key(rsa_keys: tuple[bytes, str]) -> None:
    private, public = rsa_keys
    tokens = verifier(algorithms=["HS256", "RS256"], public_keys=[public])
    result = await verify_both(tokens, jwt.encode(claims(role="speaker"), private, algorithm="RS256"))
    assert result.role == "speaker"


async def test_es256_token_with_several_keys(
    ec_keys: tuple[bytes, str], rsa_keys: tuple[bytes, str], other_rsa_keys: tuple[bytes, str]
) -> None:
    tokens = verifier(algorithms=["RS256", "ES256"], public_keys=[rsa_keys[1], other_rsa_keys[1], ec_keys[1]])
    assert (
        await verify_both(tokens, jwt.encode(claims(), ec_keys[0], algorithm="ES256"))
    ).role == "moderator"
    assert (
        await verify_both(tokens, jwt.encode(claims(), other_rsa_keys[0], algorithm="RS256"))
    ).role == "moderator"


async def test_audience_list_containing_ours() -> None:
    token = jwt.encode(claims(aud=["someone-else", AUDIENCE]), SECRET, algorithm="HS256")
    assert (await verify_both(verifier(), token)).room_id == ROOM


async def test_clock_skew_within_leeway() -> None:
    now = int(time.time())
    late = jwt.encode(claims(exp=now - 2), SECRET, algorithm="HS256")
    early = jwt.encode(claims(nbf=now + 2, iat=now + 2), SECRET, algorithm="HS256")
    assert (await verify_both(verifier(), late)).room_id == ROOM
    assert (await verify_both(verifier(), early)).room_id == ROOM


async def test_no_issuer_or_audience_required_when_not_configured() -> None:
    tokens = MemberTokens(secret=SECRET)
    token = jwt.encode(claims(iss=None, aud=None), SECRET, algorithm="HS256")
    assert (await verify_both(tokens, token)).room_id == ROOM
    # An audience in the token is not an error when none is configured.
    assert (
        await verify_both(tokens, jwt.encode(claims(iss=None), SECRET, algorithm="HS256"))
    ).room_id == ROOM


# -- refused -------------------------------------------------------------------------------------------


def _hs(**changes: Any) -> Any:
    # Times are taken when the token is made, not when this module is imported: a long run must not let a
    # "not yet valid" token become valid before its test runs.
    return lambda keys: jwt.encode(
        claims(**{k: v() if callable(v) else v for k, v in changes.items()}), SECRET, algorithm="HS256"
    )


REFUSED: dict[str, Any] = {
    "empty": lambda keys: "",
    "garbage": lambda keys: "not-a-jwt",
    "three-garbage-parts": lambda keys: "a.b.c",
    "header-not-json": lambda keys: f"{b64url(b'not json')}.{b64url(b'{}')}.",
    "header-alg-list": lambda keys: by_hand(claims(), {"alg": ["HS256"], "typ": "JWT"}, SECRET.encode()),
    "header-alg-missing": lambda keys: by_hand(claims(), {"typ": "JWT"}, SECRET.encode()),
    "alg-none": lambda keys: by_hand(claims(), {"alg": "none", "typ": "JWT"}, None),
    "alg-None": lambda keys: by_hand(claims(), {"alg": "None", "typ": "JWT"}, None),
    "alg-NONE-with-signature": lambda keys: by_hand(claims(), {"alg": "NONE"}, SECRET.encode()),
    "alg-hs256-lowercase": lambda keys: by_hand(claims(), {"alg": "hs256"}, SECRET.encode()),
    "hs256-signed-with-public-pem": lambda keys: by_hand(claims(), {"alg": "HS256"}, keys[1].encode()),
    "hs512-not-allowed": lambda keys: jwt.encode(claims(), SECRET, algorithm="HS512"),
    "rs256-other-key": lambda keys: jwt.encode(claims(), keys[2], algorithm="RS256"),
    "rs512-not-allowed": lambda keys: jwt.encode(claims(), keys[0], algorithm="RS512"),
    "signature-stripped": lambda keys: (
        jwt.encode(claims(), SECRET, algorithm="HS256").rsplit(".", 1)[0] + "."
    ),
    "signature-of-other-payload": lambda keys: (
        jwt.encode(claims(role="speaker"), SECRET, algorithm="HS256").split(".")[0]
        + "."
        + jwt.encode(claims(role="moderator"), SECRET, algorithm="HS256").split(".")[1]
        + "."
        + jwt.encode(claims(role="speaker"), SECRET, algorithm="HS256").split(".")[2]
    ),
    "foreign-secret": lambda keys: jwt.encode(
        claims(), "another-secret-0123456789abcdef-0123456789", algorithm="HS256"
    ),
    "expired": _hs(exp=lambda: int(time.time()) - 60),
    "not-yet-valid": _hs(nbf=lambda: int(time.time()) + 60),
    "exp-missing": _hs(exp=None),
    "iat-missing": _hs(iat=None),
    "sub-missing": _hs(sub=None),
    "sub-empty": _hs(sub=""),
    "sub-too-long": _hs(sub="s" * 201),
    "sub-not-string": _hs(sub=42),
    "exp-not-a-number": _hs(exp="tomorrow"),
    "room-missing": _hs(roomId=None),
    "room-traversal": _hs(roomId="../other"),
    "room-double-hyphen": _hs(roomId="a--b"),
    "room-not-string": _hs(roomId=["room-abc123"]),
    "room-too-long": _hs(roomId="r" * 101),
    "role-missing": _hs(role=None),
    "role-admin": _hs(role="admin"),
    "role-uppercase": _hs(role="MODERATOR"),
    "issuer-wrong": _hs(iss="https://evil.test"),
    "issuer-missing": _hs(iss=None),
    "audience-wrong": _hs(aud="somewhere-else"),
    "audience-missing": _hs(aud=None),
    "too-long": lambda keys: jwt.encode(claims(pad="p" * 9000), SECRET, algorithm="HS256"),
    "nul-inside": lambda keys: jwt.encode(claims(), SECRET, algorithm="HS256").replace(".", ".\x00", 1),
}


@pytest.mark.parametrize("case", REFUSED)
async def test_refused(case: str, rsa_keys: tuple[bytes, str], other_rsa_keys: tuple[bytes, str]) -> None:
    tokens = verifier(algorithms=["HS256", "RS256"], public_keys=[rsa_keys[1]])
    token = REFUSED[case]((rsa_keys[0], rsa_keys[1], other_rsa_keys[0]))
    with pytest.raises(InvalidToken):
        await verify_both(tokens, token)


async def test_rs256_refused_when_only_hs256_is_allowed(rsa_keys: tuple[bytes, str]) -> None:
    tokens = verifier(public_keys=[rsa_keys[1]])  # algorithms default to HS256 only
    with pytest.raises(InvalidToken):
        await verify_both(tokens, jwt.encode(claims(), rsa_keys[0], algorithm="RS256"))


async def test_rs256_refused_without_a_public_key(rsa_keys: tuple[bytes, str]) -> None:
    tokens = verifier(algorithms=["HS256", "RS256"])
    with pytest.raises(InvalidToken):
        await verify_both(tokens, jwt.encode(claims(), rsa_keys[0], algorithm="RS256"))


async def test_hs256_refused_when_only_rs256_is_allowed(rsa_keys: tuple[bytes, str]) -> None:
    """With an identity provider only, not even a token HMAC'd with our own secret passes."""
    tokens = verifier(algorithms=["RS256"], public_keys=[rsa_keys[1]])
    with pytest.raises(InvalidToken):
        await verify_both(tokens, jwt.encode(claims(), SECRET, algorithm="HS256"))
    assert not tokens.can_mint
    with pytest.raises(RuntimeError):
        tokens.mint(ROOM, "moderator")


# -- minting and configuration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("room", "role"), [("a--b", "moderator"), ("../x", "moderator"), ("r" * 101, "speaker"), (ROOM, "admin")]
)
def test_mint_refuses_bad_room_or_role(room: str, role: str) -> None:
    with pytest.raises(ValueError):
        verifier().mint(room, role)  # type: ignore[arg-type]


@pytest.mark.parametrize("algorithms", [["none"], ["HS256", "none"], ["NONE"], [], [" "]])
def test_config_refuses_alg_none_and_empty_lists(tmp_path: Any, algorithms: list[str]) -> None:
    with pytest.raises(ConfigError):
        MeetEmbedConfig(data_dir=tmp_path, jwt_algorithms=algorithms)


def test_unknown_algorithm_refused() -> None:
    with pytest.raises(ValueError):
        MemberTokens(secret=SECRET, algorithms=["HS256", "XS999"])


async def test_config_helpers_mint_what_the_app_verifies(tmp_path: Any) -> None:
    config = MeetEmbedConfig(data_dir=tmp_path, jwt_secret=SECRET, jwt_issuer=ISSUER, jwt_audience=AUDIENCE)
    token = mint_member_token(config, ROOM, "speaker", identity="bob", ttl=30)
    result = await verify_both(member_tokens_for(config), token)
    assert (result.role, result.identity) == ("speaker", "bob")
    # Another deployment (another secret) does not accept it.
    other = MeetEmbedConfig(
        data_dir=tmp_path, jwt_secret=SECRET + "x", jwt_issuer=ISSUER, jwt_audience=AUDIENCE
    )
    with pytest.raises(InvalidToken):
        await verify_both(member_tokens_for(other), token)


# -- an identity provider's JWKS ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def jwks(rsa_keys: tuple[bytes, str]) -> Any:
    """A JWKS endpoint on loopback serving the RSA key as ``kid=k1``; yields (url, private PEM, hit count)."""
    from jwt.algorithms import RSAAlgorithm

    public = serialization.load_pem_public_key(rsa_keys[1].encode())
    jwk = json.loads(RSAAlgorithm.to_jwk(public)) | {"kid": "k1", "alg": "RS256", "use": "sig"}
    body = json.dumps({"keys": [jwk]}).encode()
    hits = [0]

    def answer() -> bytes:
        hits[0] += 1
        return body

    with serving_json(answer) as url:
        yield url, rsa_keys[0], hits


async def test_jwks_key_accepted(jwks: Any) -> None:
    url, private, _ = jwks
    tokens = verifier(algorithms=["RS256"], jwks_url=url)
    token = jwt.encode(claims(), private, algorithm="RS256", headers={"kid": "k1"})
    assert (await verify_both(tokens, token)).role == "moderator"


@pytest.mark.parametrize("kid", ["unknown-kid", None])
async def test_jwks_unknown_key_refused(jwks: Any, kid: str | None) -> None:
    url, private, _ = jwks
    tokens = verifier(algorithms=["RS256"], jwks_url=url)
    token = jwt.encode(claims(), private, algorithm="RS256", headers={"kid": kid} if kid else None)
    with pytest.raises(InvalidToken):
        await tokens.verify(token)


def test_jwks_unknown_kid_is_invalid_token_in_verify_sync(jwks: Any) -> None:
    url, private, _ = jwks
    tokens = verifier(algorithms=["RS256"], jwks_url=url)
    token = jwt.encode(claims(), private, algorithm="RS256", headers={"kid": "unknown-kid"})
    with pytest.raises(InvalidToken):
        tokens.verify_sync(token)


def test_unreachable_jwks_is_keys_unavailable(rsa_keys: Any) -> None:
    """Not the token's fault: the provider is down (a 503 for the client, see test_broken_jwks_is_503)."""
    tokens = verifier(algorithms=["RS256"], jwks_url="http://127.0.0.1:9/jwks")
    token = jwt.encode(claims(), rsa_keys[0], algorithm="RS256", headers={"kid": "k1"})
    with pytest.raises(KeysUnavailable):
        tokens.verify_sync(token)


# -- tokens seen before ---------------------------------------------------------------------------------


async def test_a_token_seen_before_is_not_verified_again(monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = verifier()
    token = jwt.encode(claims(), SECRET, algorithm="HS256")
    first = await verify_both(tokens, token)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("verified again")

    monkeypatch.setattr(jwt, "decode", refuse)
    assert tokens.verify_sync(token) == first
    assert await tokens.verify(token) == first


async def test_a_token_differing_in_any_byte_is_verified_from_scratch() -> None:
    tokens = verifier()
    token = jwt.encode(claims(), SECRET, algorithm="HS256")
    await verify_both(tokens, token)
    head, payload, signature = token.split(".")
    flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
    for forged in (f"{head}.{payload}.{flipped}", f"{head}.{payload[:-1]}.{signature}", token + "x"):
        with pytest.raises(InvalidToken):
            tokens.verify_sync(forged)
        with pytest.raises(InvalidToken):
            await tokens.verify(forged)


async def test_a_token_seen_before_still_expires() -> None:
    """Its expiry is checked on every use: within the leeway it works, past it it is refused."""
    tokens = verifier()
    now = int(time.time())
    token = jwt.encode(claims(iat=now - 60, nbf=now - 60, exp=now - 3), SECRET, algorithm="HS256")
    await verify_both(tokens, token)  # 3 to 4 s past exp, inside the 5 s leeway
    await asyncio.sleep(2.2)
    with pytest.raises(InvalidToken):
        tokens.verify_sync(token)
    with pytest.raises(InvalidToken):
        await tokens.verify(token)
