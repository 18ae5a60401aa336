"""Media objects in object storage through obstore: local directory, memory, S3, GCS or Azure by URL.

Every read is streamed (ranged gets with a large chunk size) and every write can be fed from an async
iterator (multipart on bucket stores), so no code path needs a whole recording in memory.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import obstore
from obstore.exceptions import NotFoundError as _ObstoreNotFound
from obstore.store import LocalStore, MemoryStore, from_url

__all__ = (
    "DEFAULT_READ_CHUNK",
    "MediaStore",
    "ObjectInfo",
    "ObjectNotFound",
    "StoreUnavailable",
    "local_root_of",
)

logger = logging.getLogger("meet_embed.storage")

DEFAULT_READ_CHUNK = 1024 * 1024
"""Bytes per chunk of a streamed read: large enough that per-chunk Python work is negligible."""


_CLIENT_OPTIONS = frozenset(
    (
        *("allow_http", "allow_invalid_certificates", "connect_timeout", "default_content_type"),
        *("default_headers", "http1_only", "http2_keep_alive_interval", "http2_keep_alive_timeout"),
        *("http2_keep_alive_while_idle", "http2_only", "pool_idle_timeout", "pool_max_idle_per_host"),
        *("proxy_url", "proxy_ca_certificate", "proxy_excludes", "root_certificate", "randomize_addresses"),
        *("read_timeout", "timeout", "user_agent"),
    )
)
"""obstore takes these as HTTP client options, the rest as the store's own configuration."""


class ObjectNotFound(FileNotFoundError):
    """The object does not exist (the same exception whatever the store)."""


class StoreUnavailable(RuntimeError):
    """The object store could not be reached or refused the operation."""


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    key: str
    size: int
    last_modified: datetime
    e_tag: str | None


def local_root_of(url: str) -> Path:
    """The directory of a ``file:`` URL, which must be absolute: ``file:///srv/media`` (also
    ``file://localhost/srv/media`` and ``file:/srv/media``), percent-encoded as ``Path.as_uri()`` makes it.

    Relative forms are refused rather than guessed: in ``file://media`` the name after the two slashes is a
    host, so the path is empty (the working directory), and ``file://./media`` is ``/media``.
    """
    from meet_embed.config import ConfigError

    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.netloc in ("", "localhost") and path.startswith("/"):
        return Path(path)
    relative = (parts.netloc + path).lstrip("/") or "."
    raise ConfigError(
        f"storage_url: {url!r} is not an absolute file URL; write file:/// and the absolute path "
        f"(three slashes), e.g. {(Path.cwd() / relative).resolve().as_uri()}, or leave storage_url unset "
        "for the media directory under data_dir"
    )


class MediaStore:
    """One bucket (or directory) holding every media object meet-embed writes."""

    def __init__(self, url: str, options: dict[str, Any] | None = None) -> None:
        self.url = url
        options = dict(options or {})
        scheme = urlsplit(url).scheme
        self.local_root: Path | None = None
        if scheme == "file":
            self.local_root = local_root_of(url)
            self.local_root.mkdir(parents=True, exist_ok=True)
            self._store: Any = LocalStore(self.local_root)
        elif scheme == "memory":
            self._store = MemoryStore()
        else:
            client: Any = {k: options.pop(k) for k in list(options) if k in _CLIENT_OPTIONS}
            self._store = from_url(url, client_options=client or None, **options)
        self.can_sign = scheme in ("s3", "s3a", "gs", "az", "azure", "abfs", "abfss", "adl") or (
            scheme in ("http", "https") and "amazonaws.com" in url
        )

    @property
    def raw(self) -> Any:
        """The obstore store, for callers that need an operation not wrapped here."""
        return self._store

    def __repr__(self) -> str:
        return f"MediaStore({self.url!r})"

    # -- reads ----------------------------------------------------------------------------------------

    async def head(self, key: str) -> ObjectInfo:
        try:
            meta = await obstore.head_async(self._store, key)
        except (_ObstoreNotFound, FileNotFoundError):
            raise ObjectNotFound(f"no such object: {key}") from None
        return ObjectInfo(
            key=key, size=meta["size"], last_modified=meta["last_modified"], e_tag=meta["e_tag"]
        )

    async def exists(self, key: str) -> bool:
        try:
            await obstore.head_async(self._store, key)
        except (_ObstoreNotFound, FileNotFoundError):
            return False
        return True

    async def stream(
        self, key: str, start: int = 0, end: int | None = None, chunk_size: int = DEFAULT_READ_CHUNK
    ) -> AsyncIterator[bytes]:
        """Yield bytes ``[start, end)`` of an object (``end=None``: to the end) in chunks of at most
        ``chunk_size``.

        The first request to the store happens before this returns, so a missing object raises here and
        not halfway through a response.
        """
        if self.local_root is not None:
            return await self._stream_local(key, start, end, chunk_size)
        options: Any = {}
        if end is not None:
            if end <= start:
                return _empty()
            options["range"] = (start, end)
        elif start:
            options["range"] = {"offset": start}
        try:
            result = await obstore.get_async(self._store, key, options=options or None)
        except (_ObstoreNotFound, FileNotFoundError):
            raise ObjectNotFound(f"no such object: {key}") from None
        return _iterate(result.stream(min_chunk_size=chunk_size), chunk_size)

    async def _stream_local(
        self, key: str, start: int, end: int | None, chunk_size: int
    ) -> AsyncIterator[bytes]:
        # A local directory is read with pread in worker threads: several times the throughput of going
        # through obstore's LocalStore for ranged reads (see docs/benchmarks.md).
        assert self.local_root is not None
        path = self.local_root / key
        try:
            size = path.stat().st_size
        except (FileNotFoundError, NotADirectoryError):
            raise ObjectNotFound(f"no such object: {key}") from None
        stop = size if end is None else min(end, size)
        return _pread_chunks(path, start, stop, chunk_size)

    async def read_range(self, key: str, start: int, end: int) -> bytes:
        """Bytes ``[start, end)`` of an object in one read, for small ranges (a player's 1 MiB requests): no
        stream to set up and tear down around a single chunk. Callers bound ``end - start``."""
        if end <= start:
            return b""
        if self.local_root is not None:
            try:
                return await asyncio.to_thread(_pread_once, self.local_root / key, start, end - start)
            except (FileNotFoundError, NotADirectoryError):
                raise ObjectNotFound(f"no such object: {key}") from None
        try:
            return bytes(await obstore.get_range_async(self._store, key, start=start, end=end))
        except (_ObstoreNotFound, FileNotFoundError):
            raise ObjectNotFound(f"no such object: {key}") from None

    def local_path(self, key: str) -> Path | None:
        """The file behind ``key`` when the store is a local directory (lets servers send it directly)."""
        if self.local_root is None:
            return None
        return self.local_root / key

    # -- writes ---------------------------------------------------------------------------------------

    async def put(
        self,
        key: str,
        data: bytes | AsyncIterable[bytes] | Iterable[bytes],
        *,
        content_type: str | None = None,
        content_disposition: str | None = None,
    ) -> int:
        """Store an object atomically (readers never see a half-written one); returns its size. Bucket
        stores keep the content type and disposition, which presigned downloads are served with."""
        attributes: Any = None
        if self.local_root is None and self.url.split(":", 1)[0] != "memory":
            attributes = {
                k: v
                for k, v in (("Content-Type", content_type), ("Content-Disposition", content_disposition))
                if v
            }
            attributes = attributes or None
        size = 0
        if isinstance(data, bytes):
            size = len(data)
            await obstore.put_async(self._store, key, data, attributes=attributes)
            return size

        async def counted() -> AsyncIterator[bytes]:
            nonlocal size
            if isinstance(data, AsyncIterable):
                async for chunk in data:
                    size += len(chunk)
                    yield chunk
            else:
                for chunk in data:
                    size += len(chunk)
                    yield chunk

        if self.local_root is not None:
            # LocalStore writes to a temporary file and renames it, which is atomic already.
            await obstore.put_async(self._store, key, counted(), use_multipart=False)
        else:
            await obstore.put_async(self._store, key, counted(), attributes=attributes)
        return size

    async def put_file(self, key: str, path: Path, *, content_type: str | None = None) -> int:
        """Upload a local file without reading it into memory."""
        if self.local_root is not None:
            dest = self.local_root / key
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(dest.name + ".tmp")
            await asyncio.to_thread(_copy_file, path, tmp)
            await asyncio.to_thread(tmp.replace, dest)
            return dest.stat().st_size
        return await self.put(key, _read_file(path), content_type=content_type)

    async def copy(self, src: str, dest: str) -> None:
        await obstore.copy_async(self._store, src, dest)

    # -- deletes --------------------------------------------------------------------------------------

    async def delete(self, *keys: str) -> None:
        """Delete objects; a key that is already gone counts as deleted."""
        for key in keys:
            try:
                await obstore.delete_async(self._store, key)
            except (_ObstoreNotFound, FileNotFoundError):
                continue

    async def list_keys(self, prefix: str) -> list[str]:
        keys: list[str] = []
        async for batch in obstore.list(self._store, prefix=prefix.rstrip("/") + "/"):
            keys.extend(meta["path"] for meta in batch)
        return keys

    async def delete_prefix(self, prefix: str) -> int:
        keys = await self.list_keys(prefix)
        await self.delete(*keys)
        if self.local_root is not None:
            # LocalStore leaves the emptied directories behind; remove them so the tree stays tidy.
            _prune_empty_dirs(self.local_root / prefix.rstrip("/"), stop=self.local_root)
        return len(keys)

    # -- presigned URLs -------------------------------------------------------------------------------

    async def sign(self, key: str, expires_in: timedelta, method: str = "GET") -> str | None:
        """A presigned URL for ``key``, or ``None`` when the store cannot sign (local, memory)."""
        if not self.can_sign:
            return None
        try:
            url: str = await obstore.sign_async(self._store, method, key, expires_in)  # type: ignore[call-overload]
            return url
        except (ValueError, NotImplementedError):
            return None

    # -- health ---------------------------------------------------------------------------------------

    async def check(self) -> None:
        """Raise :class:`StoreUnavailable` when the store cannot be listed."""
        try:
            stream = obstore.list(self._store, prefix="recordings/", chunk_size=1)
            async for _ in stream:
                break
        except Exception as exc:
            raise StoreUnavailable(str(exc)) from exc


async def _empty() -> AsyncIterator[bytes]:
    return
    yield  # pragma: no cover


def _pread_once(path: Path, start: int, length: int) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.pread(fd, length, start)
    finally:
        os.close(fd)


async def _pread_chunks(path: Path, start: int, stop: int, chunk_size: int) -> AsyncIterator[bytes]:
    # Opened on first iteration: a generator that is never started (client gone) holds no descriptor.
    fd = os.open(path, os.O_RDONLY)
    try:
        position = start
        while position < stop:
            chunk = await asyncio.to_thread(os.pread, fd, min(chunk_size, stop - position), position)
            if not chunk:
                break
            position += len(chunk)
            yield chunk
    finally:
        os.close(fd)


async def _iterate(stream: Any, chunk_size: int) -> AsyncIterator[bytes]:
    async for chunk in stream:
        data = bytes(chunk) if not isinstance(chunk, bytes) else chunk
        # Buckets hand out at least min_chunk_size, a memory store the whole object: cut to size.
        for offset in range(0, len(data), chunk_size):
            yield data[offset : offset + chunk_size] if len(data) > chunk_size else data


async def _read_file(path: Path, chunk_size: int = 8 * 1024 * 1024) -> AsyncIterator[bytes]:
    fh = await asyncio.to_thread(path.open, "rb")
    try:
        while chunk := await asyncio.to_thread(fh.read, chunk_size):
            yield chunk
    finally:
        fh.close()


def _copy_file(src: Path, dest: Path) -> None:
    import shutil

    with src.open("rb") as fin, dest.open("wb") as fout:
        shutil.copyfileobj(fin, fout, 8 * 1024 * 1024)


def _prune_empty_dirs(path: Path, stop: Path) -> None:
    while path != stop and stop in path.parents:
        try:
            path.rmdir()
        except OSError:
            return
        path = path.parent
