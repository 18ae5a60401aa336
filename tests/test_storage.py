"""MediaStore on a local directory, in memory and on S3 (a moto server on loopback)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from meet_embed.storage import MediaStore, ObjectNotFound
from tests.backends import MotoS3

DATA = os.urandom(300_001)  # odd size, so ranges and chunks do not line up by accident
KEY = "recordings/room-a/room-a--abc.mp4"


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoS3]:
    server = MotoS3()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["file", "memory", pytest.param("s3", marks=pytest.mark.s3)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> MediaStore:
    if request.param == "file":
        return MediaStore((tmp_path / "media").as_uri())
    if request.param == "memory":
        return MediaStore("memory://")
    moto: MotoS3 = request.getfixturevalue("moto")
    return MediaStore(moto.url(f"t-{uuid.uuid4().hex[:10]}"), moto.options())


def kind(store: MediaStore) -> str:
    return store.url.split(":", 1)[0]


async def read(store: MediaStore, key: str, start: int = 0, end: int | None = None, **kw: int) -> bytes:
    return b"".join([chunk async for chunk in await store.stream(key, start, end, **kw)])


async def chunks_of(data: bytes, size: int) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


# -- writes and reads ------------------------------------------------------------------------------------


async def test_put_bytes_then_read_head_and_exists(store: MediaStore) -> None:
    assert not await store.exists(KEY)
    assert await store.put(KEY, DATA, content_type="video/mp4") == len(DATA)
    assert await store.exists(KEY)
    info = await store.head(KEY)
    assert info.size == len(DATA)
    assert info.key == KEY
    assert info.last_modified is not None
    assert await read(store, KEY) == DATA


async def test_put_from_an_async_iterator_returns_the_size(store: MediaStore) -> None:
    size = await store.put(KEY, chunks_of(DATA, 7_777), content_type="video/mp4")
    assert size == len(DATA)
    assert (await store.head(KEY)).size == len(DATA)
    assert await read(store, KEY) == DATA


async def test_put_from_a_plain_iterable(store: MediaStore) -> None:
    parts = [DATA[:1000], DATA[1000:250_000], DATA[250_000:]]
    assert await store.put(KEY, iter(parts)) == len(DATA)
    assert await read(store, KEY) == DATA


async def test_put_replaces_an_existing_object(store: MediaStore) -> None:
    await store.put(KEY, DATA)
    await store.put(KEY, b"short")
    assert await read(store, KEY) == b"short"
    assert (await store.head(KEY)).size == 5


async def test_put_file(store: MediaStore, tmp_path: Path) -> None:
    source = tmp_path / "source.bin"
    source.write_bytes(DATA)
    assert await store.put_file(KEY, source, content_type="video/mp4") == len(DATA)
    assert await read(store, KEY) == DATA
    assert source.read_bytes() == DATA  # the source is left alone


async def test_copy(store: MediaStore) -> None:
    await store.put(KEY, DATA)
    await store.copy(KEY, KEY + ".copy")
    assert await read(store, KEY + ".copy") == DATA
    assert await read(store, KEY) == DATA


# -- ranged, chunked reads -----------------------------------------------------------------------------


async def test_stream_returns_byte_exact_ranges(store: MediaStore) -> None:
    await store.put(KEY, DATA)
    size = len(DATA)
    for start, end in [
        (0, None),
        (0, size),
        (0, 1),
        (1, 2),
        (12_345, None),  # start only: to the end
        (size - 1, None),  # last byte, open-ended
        (size - 1, size),  # last byte
        (100, 200_000),
        (size - 10, size),
    ]:
        expected = DATA[start:end]
        assert await read(store, KEY, start, end) == expected, (start, end)


async def test_stream_of_an_empty_range_is_empty(store: MediaStore) -> None:
    await store.put(KEY, DATA)
    assert await read(store, KEY, 10, 10) == b""
    assert await read(store, KEY, 10, 5) == b""


async def test_stream_in_chunks_smaller_than_the_object(store: MediaStore) -> None:
    await store.put(KEY, DATA)
    chunks = [c async for c in await store.stream(KEY, chunk_size=16 * 1024)]
    assert b"".join(chunks) == DATA
    assert all(isinstance(c, bytes) for c in chunks)
    assert len(chunks) > 1
    assert max(len(c) for c in chunks) <= 16 * 1024
    ranged = [c async for c in await store.stream(KEY, 1000, 250_000, chunk_size=16 * 1024)]
    assert b"".join(ranged) == DATA[1000:250_000]
    assert len(ranged) > 1


# -- missing objects -------------------------------------------------------------------------------------


NOT_FOUND = (ObjectNotFound, FileNotFoundError)


async def test_missing_object(store: MediaStore) -> None:
    assert not await store.exists("recordings/none/missing.mp4")
    with pytest.raises(NOT_FOUND):
        await store.head("recordings/none/missing.mp4")
    with pytest.raises(NOT_FOUND):
        await store.stream("recordings/none/missing.mp4")  # raises before the first chunk
    with pytest.raises(NOT_FOUND):
        await store.stream("recordings/none/missing.mp4", 10, 20)


async def test_reading_a_missing_object_raises_object_not_found(store: MediaStore) -> None:
    with pytest.raises(ObjectNotFound):
        await store.stream("recordings/none/missing.mp4")
    with pytest.raises(ObjectNotFound):
        await store.head("recordings/none/missing.mp4")


# -- deletes and listings --------------------------------------------------------------------------------


async def test_delete_is_idempotent(store: MediaStore) -> None:
    await store.put(KEY, DATA)
    await store.put(KEY + ".jpg", b"poster")
    await store.delete(KEY, "recordings/none/never-existed", KEY + ".jpg")
    assert not await store.exists(KEY)
    assert not await store.exists(KEY + ".jpg")
    await store.delete(KEY)  # again: nothing to do, no error
    await store.delete()


async def test_list_keys_and_delete_prefix_stay_within_the_prefix(store: MediaStore) -> None:
    mine = [
        "recordings/room/room--a.mp4",
        "recordings/room/.posters/room--EG_1--a.jpg",
        "recordings/room/.chunks/room--EG_1--a/00000000",
        "recordings/room/.chunks/room--EG_1--a/00000001",
    ]
    sibling = ["recordings/room2/room2--b.mp4", "recordings/roomy.mp4"]
    for key in mine + sibling:
        await store.put(key, key.encode())

    assert sorted(await store.list_keys("recordings/room")) == sorted(mine)
    assert sorted(await store.list_keys("recordings/room/")) == sorted(mine)
    assert sorted(await store.list_keys("recordings/room/.chunks/room--EG_1--a")) == mine[2:]
    assert await store.list_keys("recordings/nothing-here") == []

    assert await store.delete_prefix("recordings/room/.chunks/room--EG_1--a") == 2
    assert sorted(await store.list_keys("recordings/room")) == sorted(mine[:2])
    assert await store.delete_prefix("recordings/room") == 2
    assert await store.list_keys("recordings/room") == []
    for key in sibling:
        assert await read(store, key) == key.encode()
    assert await store.delete_prefix("recordings/room") == 0


async def test_file_store_keeps_its_directory_tidy(tmp_path: Path) -> None:
    root = tmp_path / "not-yet-there"
    store = MediaStore(root.as_uri())
    assert root.is_dir()  # created on first use
    await store.put("recordings/room/.chunks/rec/00000000", b"x")
    assert (
        store.local_path("recordings/room/.chunks/rec/00000000")
        == root / "recordings/room/.chunks/rec/00000000"
    )
    assert (root / "recordings/room/.chunks/rec/00000000").read_bytes() == b"x"
    await store.delete_prefix("recordings/room/.chunks/rec")
    assert not (root / "recordings/room/.chunks").exists()
    assert root.is_dir()


async def test_local_path_only_for_file_stores(store: MediaStore) -> None:
    if kind(store) == "file":
        await store.put(KEY, DATA)
        path = store.local_path(KEY)
        assert path is not None
        assert path.read_bytes() == DATA
    else:
        assert store.local_path(KEY) is None


async def test_check_passes_on_a_working_store(store: MediaStore) -> None:
    await store.check()
    await store.put(KEY, DATA)
    await store.check()


# -- presigned URLs ---------------------------------------------------------------------------------------


async def test_sign_is_none_for_file_and_memory(tmp_path: Path) -> None:
    for store in (MediaStore((tmp_path / "m").as_uri()), MediaStore("memory://")):
        await store.put(KEY, DATA)
        assert await store.sign(KEY, timedelta(minutes=5)) is None


@pytest.mark.s3
async def test_sign_gives_a_url_that_downloads_the_object(moto: MotoS3) -> None:
    store = MediaStore(moto.url(f"t-{uuid.uuid4().hex[:10]}"), moto.options())
    await store.put(KEY, DATA, content_type="video/mp4")
    url = await store.sign(KEY, timedelta(minutes=5))
    assert url is not None
    assert url.startswith(moto.endpoint + "/")
    assert "X-Amz-Expires=300" in url

    async with httpx.AsyncClient() as http:
        whole = await http.get(url)
        assert whole.status_code == 200
        assert whole.content == DATA
        part = await http.get(url, headers={"Range": "bytes=100-199"})
        assert part.status_code == 206
        assert part.content == DATA[100:200]


@pytest.mark.parametrize("form", ["file:///{path}", "file://localhost/{path}", "file:/{path}"])
async def test_a_file_url_stores_in_the_directory_it_names(form: str, tmp_path: Path) -> None:
    target = tmp_path / "media dir"  # percent-encoded in the URL
    store = MediaStore(form.format(path=target.as_uri().removeprefix("file:///")))
    await store.put(KEY, DATA)
    assert (target / KEY).read_bytes() == DATA
    assert store.local_path(KEY) == target / KEY
