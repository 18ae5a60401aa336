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

    secret = "bench-secret-0123456789-0123456789-0123456789"
    hs = MemberTokens(secret=secret)
    token = hs.mint("room-abcdefghijklmno", "speaker", identity="bench", name="Bench")
    rows = {}

    # A token's first request verifies its signature and claims; later ones find it verified already (only
    # its expiry is checked). A fresh verifier per call measures the first, the same one the later.
    def fresh() -> Any:
        return iter([MemberTokens(secret=secret) for _ in range(n + 1000)])

    cold = fresh()
    rows["HS256 verify, first use of a token"] = _per_call(lambda: next(cold).verify_sync(token), n)
    cold = fresh()
    rows["HS256 verify + permissions, first use"] = _per_call(
        lambda: member_permissions(next(cold).verify_sync(token).role, "admin_moderator_speaker"), n
    )
    rows["HS256 verify + permissions, token seen before"] = _per_call(
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
        verifiers = iter(
            [
                MemberTokens(
                    secret="unused-secret-0123456789-0123456789", algorithms=(label,), public_keys=(pem,)
                )
                for _ in range(n // 4 + 1000)
            ]
        )
        rows[f"{label} verify + permissions, first use"] = _per_call(
            lambda vs=verifiers, s=signed: member_permissions(
                next(vs).verify_sync(s).role, "admin_moderator"
            ),
            n // 4,
        )
    return {"microseconds": rows}
