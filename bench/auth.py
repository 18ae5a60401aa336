"""Auth: the per-request cost of verifying a member token and computing its permissions (µs)."""

from __future__ import annotations

import time
from typing import Any


def _per_call(fn: Any, n: int) -> float:
    for _ in range(min(1000, n)):
        fn()
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1e6


def run(n: int = 20000) -> dict[str, Any]:
    import hmac

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    from meet_embed.auth.principal import member_permissions
    from meet_embed.auth.tokens import MemberTokens

    hs = MemberTokens(secret="bench-secret-0123456789-0123456789-0123456789")
    token = hs.mint("room-abcdefghijklmno", "speaker", identity="bench", name="Bench")
    rows = {}
    rows["HS256 verify"] = _per_call(lambda: hs.verify_sync(token), n)
    rows["HS256 verify + permissions"] = _per_call(
        lambda: member_permissions(hs.verify_sync(token).role, "admin_moderator_speaker"), n
    )
    rows["permissions only"] = _per_call(lambda: member_permissions("speaker", "admin_moderator_speaker"), n)
    keys = [b"bench-api-key-0123456789", b"second-api-key-0123456789"]
    supplied = b"second-api-key-0123456789"
    rows["API key (2 keys, constant time)"] = _per_call(
        lambda: [hmac.compare_digest(supplied, k) for k in keys], n
    )
    import jwt

    for label, private in (
        ("RS256", rsa.generate_private_key(public_exponent=65537, key_size=2048)),
        ("ES256", ec.generate_private_key(ec.SECP256R1())),
    ):
        pem = (
            private.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        verifier = MemberTokens(
            secret="unused-secret-0123456789-0123456789", algorithms=(label,), public_keys=(pem,)
        )
        now = int(time.time())
        signed = jwt.encode(
            {
                "sub": "bench",
                "roomId": "room-abcdefghijklmno",
                "role": "moderator",
                "iat": now,
                "exp": now + 3600,
            },
            private,
            algorithm=label,
        )
        rows[f"{label} verify + permissions"] = _per_call(
            lambda v=verifier, s=signed: member_permissions(v.verify_sync(s).role, "admin_moderator"), n // 4
        )
    return {"microseconds": rows}
