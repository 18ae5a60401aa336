"""The OpenAPI document: every rooms and recordings operation, its parameters and its documented errors;
then schemathesis against the app in-process (no server error, responses as documented)."""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar.serialization import encode_json
from litestar.testing import AsyncTestClient
from schemathesis.checks import not_a_server_error
from schemathesis.python import asgi as schemathesis_asgi
from schemathesis.specs.openapi.checks import response_schema_conformance

from meet_embed import MeetEmbedConfig, create_app
from tests.recordings_support import (
    API,
    BASE_URL,
    T0,
    create_room,
    import_recording,
    insert_rows,
    make_row,
)

OPENAPI = "/meet/docs/openapi.json"
R = f"{API}/recordings"
ONE = f"{R}/{{recording_id}}"
ROOM = f"{API}/rooms/{{room_id}}"

# (method, path): (parameters that must be documented, error statuses that must be documented)
OPERATIONS: dict[tuple[str, str], tuple[set[str], set[int]]] = {
    ("get", R): (
        {"maxItems", "nextPageToken", "roomId", "roomName", "status", "fields", "sortField", "sortOrder"},
        {401, 403, 422},
    ),
    ("delete", R): ({"recordingIds"}, {400, 401, 403, 422}),
    ("get", f"{R}/download"): ({"recordingIds"}, {400, 401, 403, 422}),
    ("get", f"{R}/download-url"): ({"recordingIds"}, {401, 403, 422}),
    ("get", ONE): ({"recording_id", "fields", "secret"}, {400, 401, 403, 404, 422}),
    ("delete", ONE): ({"recording_id"}, {401, 403, 404, 409, 422}),
    ("get", f"{ONE}/media"): ({"recording_id", "secret", "download"}, {400, 401, 403, 404, 409, 416, 422}),
    ("head", f"{ONE}/media"): ({"recording_id", "secret", "download"}, {400, 401, 403, 404, 409, 416, 422}),
    ("get", f"{ONE}/media-url"): ({"recording_id"}, {401, 403, 404, 422}),
    ("get", f"{ONE}/poster"): ({"recording_id", "secret"}, {401, 403, 404, 422}),
    ("get", f"{ONE}/url"): ({"recording_id", "privateAccess", "expiresIn"}, {401, 403, 404, 422}),
    ("post", f"{ONE}/secrets/rotate"): ({"recording_id"}, {401, 403, 404, 422}),
    ("get", f"{API}/rooms"): ({"maxItems", "nextPageToken", "roomName"}, {401, 403, 422}),
    ("post", f"{API}/rooms"): (set(), {401, 403, 422}),
    ("get", ROOM): ({"room_id"}, {401, 403, 404, 422}),
    ("put", f"{ROOM}/config"): ({"room_id"}, {401, 403, 404, 422}),
    ("delete", ROOM): ({"room_id", "withRecordings"}, {401, 403, 404, 409, 422}),
}


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The document as the app generates it (no need to start an app per test to read it)."""
    config = MeetEmbedConfig(
        data_dir=tmp_path_factory.mktemp("openapi"), api_keys=["k" * 24], secret_key="s" * 32
    )
    generated: dict[str, Any] = json.loads(encode_json(create_app(config).openapi_schema.to_schema()))
    return generated


@pytest.fixture
def spec(document: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(document)


async def test_served(client: Any, document: dict[str, Any]) -> None:
    response = await client.get(OPENAPI)
    assert response.status_code == 200
    assert "json" in response.headers["content-type"]
    served = response.json()
    assert served["openapi"].startswith("3.")
    assert served["paths"].keys() == document["paths"].keys()
    # (Litestar fills in random examples, so only the shape is compared.)
    served_schemas, schemas = served["components"]["schemas"], document["components"]["schemas"]
    assert served_schemas.keys() == schemas.keys()
    for name, schema in schemas.items():
        assert served_schemas[name].get("required") == schema.get("required"), name
        assert served_schemas[name].get("properties", {}).keys() == schema.get("properties", {}).keys(), name


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = spec["components"]["schemas"][name]
    return node


def _enum(schema: dict[str, Any]) -> set[Any]:
    values = set(schema.get("enum", []))
    for option in schema.get("oneOf", []) + schema.get("anyOf", []):
        values |= set(option.get("enum", []))
    return values - {None}


async def test_operations_documented(spec: dict[str, Any]) -> None:
    for (method, path), (parameters, error_statuses) in OPERATIONS.items():
        label = f"{method.upper()} {path}"
        assert path in spec["paths"], (label, sorted(spec["paths"]))
        operation = spec["paths"][path].get(method)
        assert operation is not None, f"{label} is not documented"
        assert operation.get("summary"), label
        documented = {p["name"] for p in operation.get("parameters", [])}
        assert parameters <= documented, (label, parameters - documented)
        responses = {int(code) for code in operation["responses"]}
        assert error_statuses <= responses, (label, error_statuses - responses)
        assert any(200 <= code < 300 for code in responses), label
        for code in error_statuses:
            content = operation["responses"][str(code)]["content"]["application/json"]["schema"]
            error_body = _resolve(spec, content)
            assert {"error", "message"} <= set(error_body["required"]), (label, code, error_body)
        # Recordings operations accept the API key; share-secret routes may also go without credentials.
        if path.startswith(R):
            schemes = {name for requirement in operation.get("security", []) for name in requirement}
            assert "apiKey" in schemes, label


async def test_list_parameters(spec: dict[str, Any]) -> None:
    params = {p["name"]: p for p in spec["paths"][R]["get"]["parameters"]}
    assert _enum(params["status"]["schema"]) == {
        "starting",
        "active",
        "ending",
        "complete",
        "failed",
        "aborted",
        "limit_reached",
    }
    assert _enum(params["sortField"]["schema"]) == {"startDate", "roomName", "duration", "size"}
    assert _enum(params["sortOrder"]["schema"]) == {"asc", "desc"}
    assert params["sortField"]["schema"].get("default") == "startDate"
    assert params["sortOrder"]["schema"].get("default") == "desc"
    assert all(p["in"] == "query" and not p.get("required") for p in params.values())
    for path in (R, f"{R}/download", f"{R}/download-url"):
        method = "delete" if path == R else "get"
        ids = next(p for p in spec["paths"][path][method]["parameters"] if p["name"] == "recordingIds")
        assert ids["required"] is True
    list_schema = _resolve(
        spec, spec["paths"][R]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    )
    assert {"recordings", "pagination"} <= set(list_schema["properties"])
    pagination = _resolve(spec, list_schema["properties"]["pagination"])
    assert {"isTruncated", "maxItems", "nextPageToken"} <= set(pagination["properties"])


async def test_recording_schema(spec: dict[str, Any]) -> None:
    recording = spec["components"]["schemas"]["Recording"]
    assert set(recording["properties"]) == {
        *("recordingId", "roomId", "roomName", "status", "layout", "encoding", "filename", "startDate"),
        *("endDate", "duration", "size", "errorCode", "error", "details"),
    }
    assert set(recording["required"]) == {"recordingId", "roomId", "roomName", "status"}


async def test_media_bodies_documented_as_video(spec: dict[str, Any]) -> None:
    responses = spec["paths"][f"{ONE}/media"]["get"]["responses"]
    for code in ("200", "206"):
        media_types = set(responses[code]["content"])
        assert "application/json" not in media_types, (code, media_types)
        assert media_types & {"video/mp4", "video/webm", "application/octet-stream", "video/*"}


async def test_media_headers_documented(spec: dict[str, Any]) -> None:
    params = {p["name"].lower(): p for p in spec["paths"][f"{ONE}/media"]["get"].get("parameters", [])}
    for header in ("range", "if-range", "if-none-match"):
        assert header in params, sorted(params)
        assert params[header]["in"] == "header"


async def test_every_error_response_is_error_body(spec: dict[str, Any]) -> None:
    wrong = []
    for (method, path), _ in OPERATIONS.items():
        for code, response in spec["paths"][path][method]["responses"].items():
            if code.startswith(("4", "5")) and "content" in response:
                schema = response["content"]["application/json"]["schema"]
                # A partial bulk delete is an error body that also says what was and was not deleted.
                partial = (method, path, code) == ("delete", R, "400")
                expected = "BulkDeletePartial" if partial else "ErrorBody"
                if schema.get("$ref") != f"#/components/schemas/{expected}":
                    wrong.append(f"{method.upper()} {path} {code}")
    assert wrong == []


async def test_single_get_schema_allows_projection(spec: dict[str, Any]) -> None:
    node = spec["paths"][ONE]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert not _resolve(spec, node).get("required")


# -- schemathesis --------------------------------------------------------------------------------------


# Read-only operations first, then those that change or delete what the later ones would use.
FUZZED = [
    *((m, p) for m, p in OPERATIONS if m in ("get", "head")),
    ("post", f"{ONE}/secrets/rotate"),
    ("post", f"{API}/rooms"),
    ("put", f"{ROOM}/config"),
    ("delete", ONE),
    ("delete", R),
    ("delete", ROOM),
]


@pytest.fixture
def fuzz_config(config_factory: Any, tmp_path: Any, request: pytest.FixtureRequest) -> Any:
    """The configuration of both apps below. A memory store lives in one app only, so with
    ``--meet-store=memory`` the media go to a directory both apps see."""
    if request.config.getoption("--meet-store") == "memory":
        return config_factory(storage_url=(tmp_path / "fuzz-media").resolve().as_uri())
    return config_factory()


@pytest.fixture
async def seed_client(fuzz_config: Any) -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(create_app(fuzz_config), base_url=BASE_URL) as c:
        yield c


@pytest.fixture
async def seeded(seed_client: Any, api_headers: dict[str, str], media_copy: Any) -> dict[str, list[str]]:
    """Rooms and recordings the fuzzer's path parameters are steered to, so it gets past the 404s."""
    team = await create_room(seed_client, api_headers, "Fuzz team")
    other = await create_room(seed_client, api_headers, "Fuzz 100%_other")
    ids = [
        (
            await import_recording(seed_client, team["roomId"], media_copy("mp4_2s_small"), start_date=T0)
        ).recording_id,
        (
            await import_recording(seed_client, other["roomId"], media_copy("webm_4s"), start_date=T0 + 1)
        ).recording_id,
    ]
    ids += await insert_rows(
        seed_client,
        [
            make_row(team["roomId"], "Fuzz team", status="active", duration=0, size=0),
            make_row(other["roomId"], "Fuzz 100%_other", status="failed", duration=0, size=0),
            *(
                make_row(team["roomId"], "Fuzz team", start_date=T0 + i, duration=i / 3, size=i)
                for i in range(12)
            ),
        ],
    )
    return {"recordings": ids, "rooms": [team["roomId"], other["roomId"]]}


@pytest.fixture
async def served_spec(seed_client: Any) -> dict[str, Any]:
    served: dict[str, Any] = (await seed_client.get(OPENAPI)).json()
    return served


@pytest.fixture
def fuzz_schema(
    fuzz_config: Any, seeded: dict[str, list[str]], served_spec: dict[str, Any], api_headers: dict[str, str]
) -> Iterator[Any]:
    """The document loaded into schemathesis, run against a second app on the same database and store
    (schemathesis runs the app's lifespan on its own event loop)."""
    app = create_app(fuzz_config)
    schema = schemathesis.openapi.from_dict(served_spec)
    schema.app = app
    schema.location = OPENAPI
    recordings, rooms = seeded["recordings"], seeded["rooms"]

    @schema.hook("flatmap_path_parameters")
    def known_ids(_context: Any, path_parameters: dict[str, Any] | None) -> Any:
        if not path_parameters:
            return st.just(path_parameters)
        if "recording_id" in path_parameters:
            return st.sampled_from([*recordings, path_parameters["recording_id"]]).map(
                lambda rid: {**path_parameters, "recording_id": rid}
            )
        if "room_id" in path_parameters:
            return st.sampled_from([*rooms, path_parameters["room_id"]]).map(
                lambda rid: {**path_parameters, "room_id": rid}
            )
        return st.just(path_parameters)

    @schema.hook("flatmap_query")
    def known_id_lists(_context: Any, query: dict[str, Any] | None) -> Any:
        if not query or "recordingIds" not in query:
            return st.just(query)
        choices = [query["recordingIds"], ",".join(recordings[:3]), recordings[0], f"{recordings[1]},x"]
        return st.sampled_from(choices).map(lambda ids: {**query, "recordingIds": ids})

    try:
        yield schema
    finally:
        schemathesis_asgi.shutdown_lifespans()


def test_schemathesis(fuzz_schema: Any, api_headers: dict[str, str]) -> None:
    """Positive and negative cases for every rooms and recordings operation, mostly steered to
    the seeded rooms and recordings: no 5xx, every response as documented. A bounded, derandomized
    run (reproducible); failures list each operation with schemathesis' curl reproduction."""
    assert {(m, p) for m, p in FUZZED} == set(OPERATIONS)
    checks = [not_a_server_error, response_schema_conformance]
    mode = schemathesis.GenerationMode
    failures: list[str] = []
    for method, path in FUZZED:
        operation = fuzz_schema[path][method.upper()]

        @settings(
            max_examples=25,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )
        @given(case=st.one_of(operation.as_strategy(mode.POSITIVE), operation.as_strategy(mode.NEGATIVE)))
        def run(case: Any) -> None:
            response = case.call(headers=api_headers)
            case.validate_response(response, checks=checks)

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:
            failures.append(f"{method.upper()} {path}: {exc}")
    assert not failures, "\n\n".join(failures)
