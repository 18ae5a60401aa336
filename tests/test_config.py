"""MeetEmbedConfig: defaults, the environment, validation, masking and the generated secret key."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from meet_embed.config import ApiKey, ConfigError, MeetEmbedConfig

KEY_A = "a-key-0123456789abcdef"
KEY_B = "b-key-0123456789abcdef"


def host_is_admin(_connection: Any) -> bool:
    """A host hook referenced as ``tests.test_config:host_is_admin`` from the environment."""
    return True


async def host_is_user(_connection: Any) -> bool:
    return True


class Hooks:
    @staticmethod
    def nested(_connection: Any) -> bool:
        return False


# -- defaults ------------------------------------------------------------------------------------------


def test_defaults_give_an_embedded_deployment_under_data_dir(tmp_path: Path) -> None:
    config = MeetEmbedConfig(data_dir=tmp_path)

    assert config.path == "/meet"
    assert config.api_path == "/meet/api/v1"
    assert config.resolved_database_url == f"sqlite+aiosqlite:///{(tmp_path / 'meet.db').resolve()}"
    assert config.is_sqlite
    assert config.resolved_storage_url == (tmp_path / "media").resolve().as_uri()
    assert config.resolved_storage_url.startswith("file:///")
    assert config.member_token_ttl == 7200
    assert config.jwt_algorithms == ("HS256",)
    assert config.api_keys == ()
    assert config.public_url is None
    assert config.migrate_on_startup is None
    assert config.should_migrate_on_startup is True


def test_default_data_dir_is_relative_dot_meet_embed() -> None:
    config = MeetEmbedConfig()
    assert config.data_dir == Path(".meet-embed")
    assert config.resolved_database_url.endswith("/.meet-embed/meet.db")


def test_migrations_on_startup_only_for_sqlite_by_default(tmp_path: Path) -> None:
    postgres = MeetEmbedConfig(data_dir=tmp_path, database_url="postgresql+asyncpg://u@db/meet")
    assert not postgres.is_sqlite
    assert postgres.should_migrate_on_startup is False
    assert MeetEmbedConfig(
        data_dir=tmp_path, database_url="postgresql+asyncpg://u@db/meet", migrate_on_startup=True
    ).should_migrate_on_startup
    assert not MeetEmbedConfig(data_dir=tmp_path, migrate_on_startup=False).should_migrate_on_startup


@pytest.mark.parametrize(
    ("given", "path", "api_path"),
    [("/meet", "/meet", "/meet/api/v1"), ("rec/", "/rec", "/rec/api/v1"), ("/", "", "/api/v1")],
)
def test_path_is_normalised(given: str, path: str, api_path: str) -> None:
    config = MeetEmbedConfig(path=given)
    assert config.path == path
    assert config.api_path == api_path


def test_public_url_loses_its_trailing_slash() -> None:
    assert MeetEmbedConfig(public_url="https://app.example.com/").public_url == "https://app.example.com"


def test_member_token_ttl_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="member_token_ttl"):
        MeetEmbedConfig(member_token_ttl=0)


# -- API keys --------------------------------------------------------------------------------------------


def test_api_keys_accept_bare_and_named_keys() -> None:
    config = MeetEmbedConfig(api_keys=[KEY_A, f"ops={KEY_B}", ApiKey("ci", "c-key-0123456789abcdef")])
    assert [(k.name, k.key) for k in config.api_keys] == [  # type: ignore[union-attr]
        ("key-1", KEY_A),
        ("ops", KEY_B),
        ("ci", "c-key-0123456789abcdef"),
    ]


def test_api_key_repr_never_shows_the_key() -> None:
    config = MeetEmbedConfig(api_keys=[f"ops={KEY_A}"])
    assert KEY_A not in repr(config.api_keys)
    assert KEY_A not in repr(config)


@pytest.mark.parametrize("value", ["short", "ops=0123456789abcde", "ops=  0123456789abcde  "])
def test_api_keys_shorter_than_16_characters_are_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="16"):
        MeetEmbedConfig(api_keys=[value])


def test_api_key_of_exactly_16_characters_is_accepted() -> None:
    assert MeetEmbedConfig(api_keys=["0123456789abcdef"]).api_keys[0].key == "0123456789abcdef"  # type: ignore[union-attr]


def test_duplicate_api_key_names_are_refused() -> None:
    with pytest.raises(ConfigError, match="unique"):
        MeetEmbedConfig(api_keys=[f"ops={KEY_A}", f"ops={KEY_B}"])


# -- JWT -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("algorithms", [["none"], ["HS256", "none"], ["HS256", "None"], ["NONE"], [], [" "]])
def test_jwt_algorithm_none_or_an_empty_list_is_refused(algorithms: list[str]) -> None:
    with pytest.raises(ConfigError, match="jwt_algorithms"):
        MeetEmbedConfig(jwt_algorithms=algorithms)


def test_unknown_jwt_algorithm_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="jwt_algorithms"):
        MeetEmbedConfig(jwt_algorithms=["HS265"])


# -- environment -----------------------------------------------------------------------------------------


def test_from_env_reads_every_kind_of_field(tmp_path: Path) -> None:
    env = {
        "MEET_EMBED_PATH": "/recordings",
        "MEET_EMBED_DATA_DIR": str(tmp_path / "d"),
        "MEET_EMBED_DATABASE_URL": "postgresql+asyncpg://meet:pw@db:5432/meet",
        "MEET_EMBED_DATABASE_ENGINE_OPTIONS": '{"pool_size": 5, "echo": false}',
        "MEET_EMBED_MIGRATE_ON_STARTUP": "true",
        "MEET_EMBED_STORAGE_URL": "s3://bucket/prefix",
        "MEET_EMBED_STORAGE_OPTIONS": '{"endpoint": "http://127.0.0.1:9000", "allow_http": true}',
        "MEET_EMBED_PUBLIC_URL": "https://app.example.com/",
        "MEET_EMBED_API_KEYS": f"ops={KEY_A}, {KEY_B}",
        "MEET_EMBED_SECRET_KEY": "secret-key-from-env",
        "MEET_EMBED_JWT_SECRET": "jwt-secret-from-env",
        "MEET_EMBED_JWT_ALGORITHMS": "HS256, HS512",
        "MEET_EMBED_JWT_ISSUER": "https://idp.example.com",
        "MEET_EMBED_JWT_AUDIENCE": "meet",
        "MEET_EMBED_JWKS_URL": "https://idp.example.com/jwks.json",
        "MEET_EMBED_MEMBER_TOKEN_TTL": "600",
        "MEET_EMBED_IS_ADMIN": "tests.test_config:host_is_admin",
        "MEET_EMBED_IS_USER": "tests.test_config:Hooks.nested",
        "MEET_EMBED_ADMIN_PASSWORD": "pw-from-env",
    }
    config = MeetEmbedConfig.from_env(env)

    assert config.path == "/recordings"
    assert config.api_path == "/recordings/api/v1"
    assert config.data_dir == tmp_path / "d"
    assert isinstance(config.data_dir, Path)
    assert config.database_url == "postgresql+asyncpg://meet:pw@db:5432/meet"
    assert config.database_engine_options == {"pool_size": 5, "echo": False}
    assert config.migrate_on_startup is True
    assert config.storage_url == "s3://bucket/prefix"
    assert config.storage_options == {"endpoint": "http://127.0.0.1:9000", "allow_http": True}
    assert config.public_url == "https://app.example.com"
    assert [(k.name, k.key) for k in config.api_keys] == [("ops", KEY_A), ("key-2", KEY_B)]  # type: ignore[union-attr]
    assert config.resolved_secret_key() == "secret-key-from-env"
    assert config.resolved_jwt_secret() == "jwt-secret-from-env"
    assert config.jwt_algorithms == ("HS256", "HS512")
    assert config.jwt_issuer == "https://idp.example.com"
    assert config.jwt_audience == "meet"
    assert config.jwks_url == "https://idp.example.com/jwks.json"
    assert config.member_token_ttl == 600
    assert config.is_admin is host_is_admin
    assert config.is_user is Hooks.nested
    assert config.admin_password == "pw-from-env"


def test_from_env_async_hook() -> None:
    config = MeetEmbedConfig.from_env({"MEET_EMBED_IS_USER": "tests.test_config:host_is_user"})
    assert config.is_user is host_is_user


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("1", True), ("False", False), ("0", False)])
def test_from_env_bools(raw: str, expected: bool) -> None:
    assert MeetEmbedConfig.from_env({"MEET_EMBED_MIGRATE_ON_STARTUP": raw}).migrate_on_startup is expected


@pytest.mark.parametrize(
    "name",
    [
        "MEET_EMBED_DATABASE_URL",
        "MEET_EMBED_STORAGE_URL",
        "MEET_EMBED_PUBLIC_URL",
        "MEET_EMBED_JWT_SECRET",
        "MEET_EMBED_SECRET_KEY",
        "MEET_EMBED_IS_ADMIN",
        "MEET_EMBED_MIGRATE_ON_STARTUP",
        "MEET_EMBED_ADMIN_PASSWORD",
    ],
)
def test_from_env_empty_string_means_not_set_for_optional_fields(name: str, tmp_path: Path) -> None:
    config = MeetEmbedConfig.from_env({name: "", "MEET_EMBED_DATA_DIR": str(tmp_path)})
    field = name.removeprefix("MEET_EMBED_").lower()
    assert getattr(config, field) is None
    # ...and the embedded defaults apply.
    assert config.resolved_database_url.startswith("sqlite+aiosqlite:///")
    assert config.resolved_storage_url.startswith("file:///")


def test_from_env_empty_api_keys_means_none() -> None:
    assert MeetEmbedConfig.from_env({"MEET_EMBED_API_KEYS": ""}).api_keys == ()


def test_from_env_ignores_unrelated_variables() -> None:
    config = MeetEmbedConfig.from_env({"PATH": "/usr/bin", "MEET_EMBEDDED_PATH": "/x"})
    assert config.path == "/meet"


def test_keyword_overrides_win_over_the_environment(tmp_path: Path) -> None:
    env = {
        "MEET_EMBED_PATH": "/from-env",
        "MEET_EMBED_MEMBER_TOKEN_TTL": "not-a-number",  # never parsed: the override wins
        "MEET_EMBED_API_KEYS": f"env={KEY_A}",
        "MEET_EMBED_DATA_DIR": str(tmp_path / "env"),
    }
    config = MeetEmbedConfig.from_env(
        env, path="/from-code", member_token_ttl=60, api_keys=[f"code={KEY_B}"], data_dir=tmp_path / "code"
    )
    assert config.path == "/from-code"
    assert config.member_token_ttl == 60
    assert [k.name for k in config.api_keys] == ["code"]  # type: ignore[union-attr]
    assert config.data_dir == tmp_path / "code"


def test_from_env_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MEET_EMBED_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MEET_EMBED_MEMBER_TOKEN_TTL", "123")
    config = MeetEmbedConfig.from_env()
    assert config.data_dir == tmp_path
    assert config.member_token_ttl == 123


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("MEET_EMBED_MEMBER_TOKEN_TTL", "abc"),
        ("MEET_EMBED_MEMBER_TOKEN_TTL", "1.5"),
        ("MEET_EMBED_MEMBER_TOKEN_TTL", ""),
        ("MEET_EMBED_MIGRATE_ON_STARTUP", "maybe"),
        ("MEET_EMBED_STORAGE_OPTIONS", "{not json"),
        ("MEET_EMBED_STORAGE_OPTIONS", "[1, 2]"),
        ("MEET_EMBED_DATABASE_ENGINE_OPTIONS", '"a string"'),
    ],
)
def test_invalid_environment_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as info:
        MeetEmbedConfig.from_env({name: value})
    assert name in str(info.value)


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [
        ("MEET_EMBED_MEMBER_TOKEN_TTL", "0", "member_token_ttl"),
        ("MEET_EMBED_API_KEYS", "too-short", "api_keys"),
        ("MEET_EMBED_API_KEYS", f"ops={KEY_A},ops={KEY_B}", "api_keys"),
        ("MEET_EMBED_JWT_ALGORITHMS", "HS256,none", "jwt_algorithms"),
        ("MEET_EMBED_IS_ADMIN", "not-a-hook", "module:attribute"),
        ("MEET_EMBED_IS_ADMIN", "os:sep", "not callable"),
    ],
)
def test_values_that_cannot_work_are_config_errors(name: str, value: str, field: str) -> None:
    with pytest.raises(ConfigError) as info:
        MeetEmbedConfig.from_env({name: value})
    assert field in str(info.value).lower()


@pytest.mark.parametrize("value", ["no_such_module_xyz:hook", "tests.test_config:no_such_hook"])
def test_unresolvable_hook_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError):
        MeetEmbedConfig.from_env({"MEET_EMBED_IS_ADMIN": value})


# -- describe --------------------------------------------------------------------------------------------


def test_describe_masks_secrets_and_api_keys(tmp_path: Path) -> None:
    config = MeetEmbedConfig(
        data_dir=tmp_path,
        database_url="postgresql+asyncpg://meet:db-password@db:5432/meet",
        storage_url="s3://bucket/prefix",
        storage_options={
            "access_key_id": "AKIDEXAMPLE",
            "secret_access_key": "s3-secret-value",
            "session_token": "s3-token-value",
            "region": "eu-west-1",
        },
        api_keys=[f"ops={KEY_A}", KEY_B],
        secret_key="the-signing-secret",
        jwt_secret="the-jwt-secret",
        admin_password="the-admin-password",
        is_admin=host_is_admin,
    )
    described = config.describe()
    dumped = json.dumps(described)

    for secret in (
        KEY_A,
        KEY_B,
        "db-password",
        "AKIDEXAMPLE",
        "s3-secret-value",
        "s3-token-value",
        "the-signing-secret",
        "the-jwt-secret",
        "the-admin-password",
    ):
        assert secret not in dumped, secret
    assert described["api_keys"] == ["ops", "key-2"]
    assert described["secret_key"] == "***"
    assert described["jwt_secret"] == "***"
    assert described["admin_password"] == "***"
    assert described["database_url"] == "postgresql+asyncpg://meet:***@db:5432/meet"
    assert described["storage_options"]["region"] == "eu-west-1"
    assert described["storage_url"] == "s3://bucket/prefix"
    assert described["is_admin"] == "tests.test_config:host_is_admin"
    assert described["path"] == "/meet"


def test_describe_shows_the_effective_defaults(tmp_path: Path) -> None:
    described = MeetEmbedConfig(data_dir=tmp_path).describe()
    json.dumps(described)  # plain data, printable as JSON
    assert described["database_url"] == f"sqlite+aiosqlite:///{(tmp_path / 'meet.db').resolve()}"
    assert described["storage_url"] == (tmp_path / "media").resolve().as_uri()
    assert described["secret_key"] is None  # not configured (a generated one is never shown)
    assert described["api_keys"] == []


def test_describe_masks_upper_case_storage_credentials() -> None:
    config = MeetEmbedConfig(
        storage_url="s3://bucket/prefix",
        storage_options={"AWS_SECRET_ACCESS_KEY": "s3-secret-value", "AWS_SESSION_TOKEN": "s3-token"},
    )
    dumped = json.dumps(config.describe())
    assert "s3-secret-value" not in dumped
    assert "s3-token" not in dumped


# -- generated secret key --------------------------------------------------------------------------------


def test_generated_secret_key_is_persisted_and_stable(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh" / "data"
    first = MeetEmbedConfig(data_dir=data_dir).resolved_secret_key()
    second = MeetEmbedConfig(data_dir=data_dir).resolved_secret_key()

    assert first == second
    assert len(first) >= 32
    path = data_dir / "secret_key"
    assert path.read_text().strip() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # the JWT secret defaults to it
    assert MeetEmbedConfig(data_dir=data_dir).resolved_jwt_secret() == first


def test_each_data_dir_gets_its_own_secret_key(tmp_path: Path) -> None:
    a = MeetEmbedConfig(data_dir=tmp_path / "a").resolved_secret_key()
    b = MeetEmbedConfig(data_dir=tmp_path / "b").resolved_secret_key()
    assert a != b


def test_configured_secret_key_is_used_and_nothing_is_written(tmp_path: Path) -> None:
    config = MeetEmbedConfig(data_dir=tmp_path, secret_key="configured-key")
    assert config.resolved_secret_key() == "configured-key"
    assert config.resolved_jwt_secret() == "configured-key"
    assert not (tmp_path / "secret_key").exists()


# -- file storage URLs -----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["file://media", "file://./media", "file:media", "file:./media"])
def test_a_relative_file_storage_url_is_refused_with_what_to_write(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``file://media`` used to store into the working directory and ``file://./media`` into ``/media``."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        MeetEmbedConfig(data_dir=tmp_path / "data", storage_url=url)
    message = str(caught.value)
    assert message.startswith(f"storage_url: {url!r} is not an absolute file URL"), message
    assert (tmp_path / "media").as_uri() in message  # what was probably meant, spelled absolutely
    with pytest.raises(ConfigError, match="absolute file URL"):
        MeetEmbedConfig.from_env({"MEET_EMBED_STORAGE_URL": url})
    assert list(tmp_path.iterdir()) == []  # nothing was created anywhere


@pytest.mark.parametrize("form", ["file:///{path}", "file://localhost/{path}", "file:/{path}"])
def test_absolute_file_storage_urls_are_accepted(form: str, tmp_path: Path) -> None:
    target = tmp_path / "media dir"
    url = form.format(path=target.as_uri().removeprefix("file:///"))
    assert MeetEmbedConfig(data_dir=tmp_path, storage_url=url).resolved_storage_url == url
