"""One typed configuration object for everything meet-embed does.

Every field has a default that gives a working embedded deployment (SQLite file and media directory under
``data_dir``), and every field can also be set from the environment as ``MEET_EMBED_<FIELD_NAME>``.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import re
import secrets
import types
import typing
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeAlias

import msgspec
from litestar.connection import ASGIConnection

__all__ = ("ENV_PREFIX", "AccessHook", "ApiKey", "ConfigError", "MeetEmbedConfig")

ENV_PREFIX = "MEET_EMBED_"

AccessHook: TypeAlias = Callable[[ASGIConnection[Any, Any, Any, Any]], bool | str | Awaitable[bool | str]]
"""A host-supplied callable that looks at a request and answers yes or no (may be async); a non-empty
string means yes and names the user (shown in logs and the audit trail)."""


SUPPORTED_JWT_ALGORITHMS = frozenset(
    (
        "HS256",
        "HS384",
        "HS512",
        "RS256",
        "RS384",
        "RS512",
        "PS256",
        "PS384",
        "PS512",
        "ES256",
        "ES384",
        "ES512",
        "EdDSA",
    )
)


class ConfigError(ValueError):
    """The configuration cannot work; the message says which field and why."""


@dataclass(frozen=True, slots=True)
class ApiKey:
    """An API key the host application uses; the name shows up in logs and the audit trail."""

    name: str
    key: str

    def __repr__(self) -> str:  # never print the key itself
        return f"ApiKey(name={self.name!r}, key='***')"

    @classmethod
    def parse(cls, value: str | ApiKey, index: int = 0) -> ApiKey:
        """Accept ``ApiKey``, ``"name=key"`` or a bare ``"key"`` (named ``key-<n>``)."""
        if isinstance(value, ApiKey):
            return value
        name, sep, key = value.partition("=")
        # "name=key", unless the part before "=" cannot be a name or nothing follows it: base64 keys end
        # in "=" padding and may hold "+" and "/".
        if not sep or not key.strip("=") or not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", name.strip()):
            name, key = f"key-{index + 1}", value
        name, key = name.strip(), key.strip()
        if len(key) < 16:
            raise ConfigError(f"api_keys: the key named {name!r} is shorter than 16 characters")
        return cls(name=name, key=key)


def _hook_from_string(value: str) -> Callable[..., Any]:
    """Resolve ``package.module:attribute`` so hooks can be configured from the environment."""
    module_name, sep, attr = value.partition(":")
    if not sep or not module_name or not attr:
        raise ConfigError(f"expected 'module:attribute', got {value!r}")
    try:
        target: Any = importlib.import_module(module_name)
        for part in attr.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load the hook {value!r}: {exc}") from exc
    if not callable(target):
        raise ConfigError(f"{value!r} is not callable")
    return typing.cast("Callable[..., Any]", target)


@dataclass
class MeetEmbedConfig:
    """Configuration of the meet-embed plugin and of the standalone app.

    Create it in code (``MeetEmbedConfig(api_keys=["…"])``) or from the environment with
    :meth:`from_env`, which reads ``MEET_EMBED_<FIELD>`` for each field below.
    """

    path: str = "/meet"
    """URL prefix everything is mounted under; the REST API lives at ``{path}/api/v1``."""

    data_dir: Path = field(default_factory=lambda: Path(".meet-embed"))
    """Directory for the embedded defaults: the SQLite file, the media directory and generated secrets."""

    database_url: str | None = None
    """SQLAlchemy async URL. Default ``sqlite+aiosqlite:///{data_dir}/meet.db``; PostgreSQL with
    ``postgresql+asyncpg://…`` (extra ``postgres``)."""

    database_engine_options: dict[str, Any] = field(default_factory=dict)
    """Extra keyword arguments for ``create_async_engine`` (pool sizes, ``echo``…)."""

    migrate_on_startup: bool | None = None
    """Apply database migrations when the app starts. ``None`` means: only for the embedded SQLite default;
    deployments on PostgreSQL run ``meet-embed db upgrade`` as a release step."""

    storage_url: str | None = None
    """Where media objects live: ``file:///abs/dir`` (an absolute path; default ``{data_dir}/media``),
    ``memory://``, ``s3://bucket/prefix``, ``gs://bucket/prefix`` or ``az://container/prefix``."""

    storage_options: dict[str, Any] = field(default_factory=dict)
    """Options handed to obstore's store (credentials, ``endpoint``, ``region``, ``allow_http``…). From the
    environment as JSON: ``MEET_EMBED_STORAGE_OPTIONS='{"endpoint": "http://127.0.0.1:9000"}'``."""

    media_redirect: bool = False
    """Answer media requests with a short-lived presigned redirect to the bucket (S3/GCS/Azure only), so
    the bytes never pass through Python. Objects meet-embed stores carry their download name, so
    ``?download=1`` is redirected too (a LiveKit egress file is proxied to name it)."""

    media_pathsend: bool = False
    """Hand whole-file responses from a local store to the server through the ASGI
    ``http.response.pathsend`` extension (Granian). Off by default: measured slower than meet-embed's own
    reads on Granian 2.8 (see docs/benchmarks.md)."""

    presigned_url_ttl: int = 300
    """Lifetime in seconds of presigned URLs handed out by redirects."""

    media_link_ttl: int = 3600
    """Lifetime in seconds of the signed media links (for ``<video>``, ``<img>``, ZIP downloads)."""

    public_url: str | None = None
    """External base URL of the host (``https://app.example.com``) used in links handed out (room links,
    share links, ``Location`` headers). Default: taken from each request."""

    api_keys: Sequence[ApiKey | str] = ()
    """API keys of the host application (``X-API-KEY``), each ``name=key`` or a bare key. Full access."""

    secret_key: str | None = None
    """Key that signs page tokens, media URLs and sessions. Default: a random key kept in
    ``{data_dir}/secret_key`` so links survive restarts. Set it explicitly when running several replicas."""

    jwt_secret: str | None = None
    """HS256 secret that room member tokens are signed and verified with. Default: the ``secret_key``."""

    jwt_algorithms: Sequence[str] = ("HS256",)
    """Algorithms a member token may use (an explicit allow-list; ``none`` is never accepted)."""

    jwt_public_keys: Sequence[str] = ()
    """PEM public keys (RS256/ES256) of an identity provider allowed to mint member tokens."""

    jwks_url: str | None = None
    """JWKS endpoint of an identity provider allowed to mint member tokens (keys are cached)."""

    jwt_issuer: str | None = None
    """Required ``iss`` claim of member tokens, when set (also written into tokens we mint)."""

    jwt_audience: str | None = None
    """Required ``aud`` claim of member tokens, when set (also written into tokens we mint)."""

    member_token_ttl: int = 7200
    """Lifetime in seconds of member tokens issued in exchange for a room link secret."""

    is_admin: AccessHook | str | None = None
    """Host hook: is the user behind this request an administrator of meet-embed? May be async, or a
    ``module:function`` string. Without it, only API keys have administrative access."""

    is_user: AccessHook | str | None = None
    """Host hook: is a user logged in (needed to open a recording's *private* share link)?
    Default: the ``is_admin`` hook."""

    recorder: Literal["browser", "livekit"] = "browser"
    """Capture backend: ``browser`` (the moderator's browser records and uploads chunks; nothing else to
    run) or ``livekit`` (LiveKit Egress records the room server-side; extra ``livekit``)."""

    max_chunk_bytes: int = 16 * 1024 * 1024
    """Largest accepted upload chunk of a browser recording."""

    max_recording_bytes: int = 8 * 1024 * 1024 * 1024
    """Largest browser recording; uploads beyond it are refused with 413 and the recording is stopped."""

    start_timeout: int = 30
    """Seconds a started recording may wait for its first data before it is marked ``failed``."""

    stale_after: int = 120
    """Seconds without data after which a running recording is stopped and finalized with what it has."""

    finalize_grace: int = 20
    """Seconds a stopped browser recording waits for its last chunk before it is finalized anyway."""

    sweep_interval: int = 30
    """Seconds between sweeps (stale recordings, unfinished finalizations, pending deletions), run by one
    replica at a time."""

    retention_days: int | None = None
    """Default for rooms without a retention setting of their own: recordings older than this many days
    are deleted. ``None`` (default): kept forever."""

    retention_interval: int = 3600
    """Seconds between retention runs (one replica at a time)."""

    redis_url: str | None = None
    """``redis://…``: live recording events cross replicas through Redis (extra ``redis``). Default: in memory
    (one process)."""

    webhook_url: str | None = None
    """URL of the host that receives signed ``recordingStarted`` / ``recordingUpdated`` / ``recordingEnded``
    webhooks."""

    webhook_secret: str | None = None
    """HMAC-SHA256 key of the webhooks' ``X-Signature``. Default: the first API key (as OpenVidu Meet)."""

    livekit_url: str | None = None
    """LiveKit server URL (``http(s)://…``) for the ``livekit`` recorder."""

    livekit_api_key: str | None = None
    """LiveKit API key: authenticates our Egress calls and verifies LiveKit's webhooks."""

    livekit_api_secret: str | None = None
    """LiveKit API secret."""

    livekit_filepath_prefix: str = ""
    """Prefix of the egress file path inside the bucket, when ``storage_url`` points below the bucket root
    (``s3://bucket/meet`` → ``meet/``); egress then writes where meet-embed reads."""

    rate_limit_tokens: int = 30
    """Member tokens one client address may obtain per minute (``POST /rooms/{roomId}/token``)."""

    rate_limit_secrets: int = 600
    """Requests with a share secret one client address may make per minute (a player's range requests
    count too, hence the generous default)."""

    rate_limit_login: int = 10
    """Administrator sign-in attempts one client address may make per minute."""

    metrics_path: str | None = "/metrics"
    """Where Prometheus metrics are served under ``path``; ``None`` turns the endpoint off."""

    metrics_app_name: str | None = None
    """Value of the ``app_name`` label on every meet-embed metric (Litestar's request metrics and
    meet-embed's own), which keeps apart the series of several meet-embed apps in one process and a host's
    own Litestar metrics (labelled ``litestar`` by default). Default: ``meet_embed`` under the default
    ``path`` (or ``""``), else derived from the path (``/video`` → ``meet_embed_video``); set it when
    several meet-embed apps on the same path run in one process."""

    log_format: Literal["text", "json"] = "text"
    """Standalone app: ``json`` writes one JSON object per log line (with the request id)."""

    frame_ancestors: Sequence[str] = ()
    """Origins allowed to show meet-embed's pages in an iframe (``frame-ancestors``), e.g.
    ``https://app.example.com``. Default: same origin only."""

    cors_origins: Sequence[str] = ()
    """Origins whose pages may call the API from the browser (the web components on another origin)."""

    admin_password: str | None = None
    """Standalone app only: enables a built-in administrator login (user ``admin``) backed by this password,
    for hosts that have no login of their own."""

    def __post_init__(self) -> None:
        self.path = "/" + self.path.strip("/") if self.path.strip("/") else ""
        self.data_dir = Path(self.data_dir)
        keys = tuple(ApiKey.parse(k, i) for i, k in enumerate(self.api_keys))
        self.api_keys = keys
        names = [k.name for k in keys]
        if len(set(names)) != len(names):
            raise ConfigError("api_keys: key names must be unique")
        self.jwt_algorithms = tuple(a.strip() for a in self.jwt_algorithms if a.strip())
        if not self.jwt_algorithms or any(a.lower() == "none" for a in self.jwt_algorithms):
            raise ConfigError("jwt_algorithms: list the algorithms to accept; 'none' is not allowed")
        unknown = [a for a in self.jwt_algorithms if a not in SUPPORTED_JWT_ALGORITHMS]
        if unknown:
            supported = ", ".join(sorted(SUPPORTED_JWT_ALGORITHMS))
            raise ConfigError(f"jwt_algorithms: {', '.join(unknown)} not supported (use {supported})")
        self.jwt_public_keys = tuple(self.jwt_public_keys)
        self.frame_ancestors = tuple(_check_origin(o, "frame_ancestors") for o in self.frame_ancestors)
        self.cors_origins = tuple(_check_origin(o, "cors_origins") for o in self.cors_origins)
        if isinstance(self.is_admin, str):
            self.is_admin = _hook_from_string(self.is_admin)
        if isinstance(self.is_user, str):
            self.is_user = _hook_from_string(self.is_user)
        if self.public_url:
            self.public_url = self.public_url.rstrip("/")
        if self.storage_url and self.storage_url.lower().startswith("file:"):
            from meet_embed.storage.store import local_root_of

            local_root_of(self.storage_url)  # a relative file URL fails here, before anything starts
        if self.retention_days is not None and self.retention_days < 0:
            raise ConfigError("retention_days must be 0 or more (or unset)")
        if self.recorder == "livekit" and not (
            self.livekit_url and self.livekit_api_key and self.livekit_api_secret
        ):
            raise ConfigError("recorder 'livekit' needs livekit_url, livekit_api_key and livekit_api_secret")
        for name in (
            "member_token_ttl",
            "presigned_url_ttl",
            "media_link_ttl",
            "max_chunk_bytes",
            "max_recording_bytes",
            "start_timeout",
            "stale_after",
            "finalize_grace",
            "sweep_interval",
            "retention_interval",
            "rate_limit_tokens",
            "rate_limit_secrets",
            "rate_limit_login",
        ):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be a positive number")

    # -- derived values -------------------------------------------------------------------------------

    @property
    def api_path(self) -> str:
        """Where the REST API is mounted."""
        return f"{self.path}/api/v1"

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{(self.data_dir / 'meet.db').resolve()}"

    @property
    def resolved_storage_url(self) -> str:
        return self.storage_url or (self.data_dir / "media").resolve().as_uri()

    @property
    def resolved_metrics_app_name(self) -> str:
        if self.metrics_app_name:
            return self.metrics_app_name
        if self.path in ("", "/meet"):
            return "meet_embed"
        return "meet_embed_" + re.sub(r"[^A-Za-z0-9]+", "_", self.path).strip("_")

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @property
    def should_migrate_on_startup(self) -> bool:
        return self.is_sqlite if self.migrate_on_startup is None else self.migrate_on_startup

    def resolved_secret_key(self) -> str:
        """The signing key; generated once and kept under ``data_dir`` when not configured."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret_key"
        try:
            return path.read_text().strip()
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            key = secrets.token_urlsafe(48)
            # O_EXCL: two processes starting together must end up with one key, not two.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                return path.read_text().strip()
            with os.fdopen(fd, "w") as fh:
                fh.write(key)
            return key

    def resolved_jwt_secret(self) -> str:
        return self.jwt_secret or self.resolved_secret_key()

    # -- environment ----------------------------------------------------------------------------------

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> MeetEmbedConfig:
        """Build a config from ``MEET_EMBED_*`` variables; keyword arguments win over the environment."""
        env = os.environ if environ is None else environ
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None or f.name in overrides:
                continue
            try:
                values[f.name] = _from_env_string(raw, hints[f.name])
            except (ValueError, msgspec.ValidationError) as exc:
                raise ConfigError(f"{ENV_PREFIX}{f.name.upper()}: {exc}") from exc
        values.update(overrides)
        return cls(**values)

    def describe(self) -> dict[str, Any]:
        """The effective configuration with secrets masked, for ``meet-embed config``."""
        masked = {"secret_key", "jwt_secret", "admin_password", "webhook_secret", "livekit_api_secret"}
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in masked:
                value = "***" if value else None
            elif f.name == "api_keys":
                value = [k.name for k in value]
            elif isinstance(value, dict):
                value = _masked(value)
            elif callable(value):
                value = f"{getattr(value, '__module__', '?')}:{getattr(value, '__qualname__', '?')}"
            elif isinstance(value, Path):
                value = str(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        out["database_url"] = _mask_url(self.resolved_database_url)
        out["storage_url"] = self.resolved_storage_url
        return out


def _check_origin(origin: str, field_name: str) -> str:
    origin = origin.strip().rstrip("/")
    if not (origin.startswith(("https://", "http://")) and "/" not in origin.split("://", 1)[1]):
        raise ConfigError(f"{field_name}: {origin!r} is not an origin like https://app.example.com")
    return origin


def _masked(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("***" if isinstance(k, str) and _sensitive(k) else _masked(v)) for k, v in value.items()}
    return value


def _sensitive(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in ("secret", "key", "token", "password", "credential"))


def _mask_url(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at or ":" not in creds:
        return url
    return f"{scheme}{sep}{creds.split(':', 1)[0]}:***@{host}"


def _from_env_string(raw: str, hint: Any) -> Any:
    """Turn one environment string into the field's type (lists are comma-separated, dicts are JSON)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        if raw.strip() == "" and type(None) in args:
            return None
        if any(a is str for a in non_none):  # hooks and optional strings stay strings
            return raw
        return _from_env_string(raw, non_none[0])
    if origin in (list, tuple, Sequence, typing.Sequence) or hint in (list, tuple):
        return [part.strip() for part in raw.split(",") if part.strip()]
    if origin is dict or hint is dict:
        value = msgspec.json.decode(raw)
        if not isinstance(value, dict):
            raise ValueError("expected a JSON object")
        return value
    if origin is Literal:
        if raw not in args:
            raise ValueError(f"expected one of {', '.join(map(str, args))}")
        return raw
    if hint is Path:
        return Path(raw)
    if hint is str:
        return raw
    return msgspec.convert(raw, hint, strict=False)
