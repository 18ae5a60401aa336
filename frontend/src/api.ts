// The REST API of meet-embed, as the components use it.

import { markAccepted } from "./token.js";

export type RecordingStatus =
  | "starting"
  | "active"
  | "ending"
  | "complete"
  | "failed"
  | "aborted"
  | "limit_reached";

/** Statuses whose media can be played, downloaded and shared (a recording cut by its room's time limit
 * is kept, as a complete one). */
export const PLAYABLE: readonly RecordingStatus[] = ["complete", "limit_reached"];

export function isPlayable(recording: { status: RecordingStatus } | null | undefined): boolean {
  return !!recording && PLAYABLE.includes(recording.status);
}

export interface Recording {
  recordingId: string;
  roomId: string;
  roomName: string;
  status: RecordingStatus;
  layout?: string;
  filename?: string;
  startDate?: number;
  endDate?: number;
  /** Seconds. */
  duration?: number;
  /** Bytes. */
  size?: number;
  error?: string;
  details?: string;
}

export interface RecordingPage {
  recordings: Recording[];
  pagination: { isTruncated: boolean; maxItems: number; nextPageToken?: string };
}

export interface Permissions {
  retrieve: boolean;
  delete: boolean;
  share: boolean;
  record: boolean;
}

export interface Me {
  principal: {
    kind: "api_key" | "admin" | "member" | "anonymous" | "media_link";
    name?: string;
    displayName?: string;
    roomId?: string;
    role?: "moderator" | "speaker";
  };
  permissions: Permissions;
  room?: {
    roomId: string;
    roomName: string;
    recordingEnabled: boolean;
    allowAccessTo: "admin" | "admin_moderator" | "admin_moderator_speaker";
    status: string;
  } | null;
}

export interface Room {
  roomId: string;
  roomName: string;
}

/** Who may list, play, download and share a room's recordings. */
export type AllowAccessTo = "admin" | "admin_moderator" | "admin_moderator_speaker";
export const ACCESS_LEVELS: readonly AllowAccessTo[] = ["admin", "admin_moderator", "admin_moderator_speaker"];

export interface RoomRecordingConfig {
  enabled: boolean;
  allowAccessTo: AllowAccessTo;
  layout?: string;
  encoding?: unknown;
  /** Seconds; absent or `null`: no limit. */
  maxDuration?: number | null;
  /** Days; absent or `null`: the deployment's default; `0`: kept forever. */
  retentionDays?: number | null;
}

/** A room as the rooms API returns it (administrators and API keys). */
export interface RoomInfo extends Room {
  creationDate: number;
  config: { recording: RoomRecordingConfig };
  moderatorUrl: string;
  speakerUrl: string;
  status: "open" | "closed";
}

export interface RoomPage {
  rooms: RoomInfo[];
  pagination: { isTruncated: boolean; maxItems: number; nextPageToken?: string };
}

/** What `DELETE /rooms/{roomId}` does with a room's recordings. */
export type RoomDeletePolicy = "fail" | "close" | "force";

export interface RoomDeleted {
  message: string;
  /** The closed room (`close` with recordings); absent when the room is gone. */
  room?: RoomInfo;
}

export const AUDIT_ACTIONS = [
  "start",
  "stop",
  "play",
  "download",
  "zip",
  "share_link_created",
  "secrets_rotated",
  "delete",
  "room_created",
  "room_config_changed",
  "room_deleted",
  "token_issued",
  "retention_delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTOR_KINDS = [
  "api_key",
  "admin",
  "member",
  "share_secret",
  "media_link",
  "system",
  "anonymous",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface AuditEntry {
  id: number;
  /** Milliseconds since the epoch. */
  at: number;
  action: AuditAction | string;
  actorKind: ActorKind | string;
  actorName?: string;
  actorRole?: string;
  roomId?: string;
  recordingId?: string;
  details?: unknown;
  client?: string;
  requestId?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  pagination: { isTruncated: boolean; maxItems: number; nextPageToken?: string };
}

/** One field the server refused (a 422's `details`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The `details` of a 422 answer, or an empty list. */
export function fieldErrors(err: unknown): FieldError[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const details = (err.body as { details?: unknown } | null)?.details;
  return Array.isArray(details)
    ? details.filter((d): d is FieldError => !!d && typeof d.field === "string" && typeof d.message === "string")
    : [];
}

export interface MediaLink {
  url: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  posterUrl?: string;
}

export interface ChunkStatus {
  recordingId: string;
  status: string;
  received: number[];
  bytes: number;
  finalSeq?: number;
}

export interface ChunkReceipt {
  recordingId: string;
  seq: number;
  size: number;
  status: string;
  received: number;
}

/** Why one recording of a bulk delete was not deleted. */
export type BulkDeleteFailureCode = "notFound" | "notStopped" | "otherRoom";

export interface BulkDeleteFailure {
  recordingId: string;
  /** The server's words (English). */
  error: string;
  code?: BulkDeleteFailureCode;
}

export interface BulkDeleteResult {
  message: string;
  error?: string;
  deleted: string[];
  failed?: BulkDeleteFailure[];
}

/** An API answer other than 2xx, or no answer at all (`status` 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly body: unknown;

  constructor(status: number, message: string, error = "", body: unknown = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.error = error;
    this.body = body;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Worth trying again later: no answer, a timeout, too many requests or a server-side failure. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

const MODULE_URL = import.meta.url;

/** `<origin>/meet` when this module is served from `<origin>/meet/static/meet-embed.js`. */
export function defaultBaseUrl(): string {
  try {
    const url = new URL(MODULE_URL);
    url.search = "";
    url.hash = "";
    const path = url.pathname.replace(/\/static\/[^/]*$/, "");
    if (path !== url.pathname) return `${url.origin}${path}`;
  } catch {
    /* not a URL we can read (bundled into another app): fall through */
  }
  return `${location.origin}/meet`;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: BodyInit | object | null;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Resolve with the Response instead of parsing JSON. */
  raw?: boolean;
}

/** Exchanges a member token the server stopped accepting for a new one (`null`: it cannot). */
export type TokenRenewer = (token: string) => Promise<string | null>;

export class MeetApi {
  readonly base: string;
  /** Changes only when the token was renewed (same member, fresh lifetime). */
  token: string;
  private readonly renewer: TokenRenewer | null;

  constructor(baseUrl: string | null | undefined, token?: string | null, renewer?: TokenRenewer) {
    this.base = (baseUrl || defaultBaseUrl()).replace(/\/+$/, "");
    this.token = token || "";
    this.renewer = renewer ?? null;
  }

  get apiBase(): string {
    return `${this.base}/api/v1`;
  }

  url(path: string, query?: Query): string {
    const url = new URL(`${this.apiBase}${path}`, location.href);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  headers(extra?: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = { Accept: "application/json", ...extra };
    if (this.token) headers["X-Room-Member-Token"] = this.token;
    return headers;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}, renewed = false): Promise<T> {
    const headers = this.headers(options.headers);
    let body: BodyInit | undefined;
    if (options.body instanceof Blob || typeof options.body === "string") {
      body = options.body;
    } else if (options.body != null) {
      body = JSON.stringify(options.body);
      headers["Content-Type"] = "application/json";
    }
    let response: Response;
    try {
      response = await fetch(this.url(path, options.query), {
        method,
        headers,
        body,
        signal: options.signal,
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch (err) {
      if ((err as Error)?.name === "AbortError") throw err;
      throw new ApiError(0, (err as Error)?.message || "Network error");
    }
    const token = this.token;
    if (response.ok && token) markAccepted(token);
    if (response.status === 401 && token && this.renewer && !renewed) {
      // The token ran out (a long meeting, a sleeping laptop): renew it once and ask again.
      // (Renewed within the second it was issued, the token comes back the same: still worth asking again.)
      const fresh = await this.renewer(token).catch(() => null);
      if (fresh) {
        await response.body?.cancel().catch(() => undefined);
        this.token = fresh;
        return this.request<T>(method, path, options, true);
      }
    }
    if (options.raw && response.ok) return response as unknown as T;
    return (await readBody(response)) as T;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>("GET", path, { query, signal });
  }

  // -- the calls the components make ------------------------------------------------------------------

  me(roomId?: string, signal?: AbortSignal): Promise<Me> {
    return this.get<Me>("/me", { roomId }, signal);
  }

  listRecordings(query: Query, signal?: AbortSignal): Promise<RecordingPage> {
    return this.get<RecordingPage>("/recordings", query, signal);
  }

  /** Every room (name and id), page after page: a room filter must offer them all, not the first 100. */
  async listRooms(signal?: AbortSignal): Promise<{ rooms: Room[] }> {
    const rooms: Room[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await this.get<RoomPage>("/rooms", { maxItems: 100, nextPageToken }, signal);
      rooms.push(...page.rooms.map(({ roomId, roomName }) => ({ roomId, roomName })));
      nextPageToken = page.pagination.isTruncated ? page.pagination.nextPageToken : undefined;
    } while (nextPageToken);
    return { rooms };
  }

  /** One page of rooms, newest first (administrators and API keys). */
  roomsPage(query: Query, signal?: AbortSignal): Promise<RoomPage> {
    return this.get<RoomPage>("/rooms", query, signal);
  }

  createRoom(roomName: string, recording: Partial<RoomRecordingConfig>): Promise<RoomInfo> {
    return this.request<RoomInfo>("POST", "/rooms", { body: { roomName, config: { recording } } });
  }

  /** A partial update: only the fields given change. */
  updateRoomRecording(roomId: string, recording: Partial<RoomRecordingConfig>): Promise<RoomInfo> {
    return this.request<RoomInfo>("PUT", `/rooms/${encodeURIComponent(roomId)}/config`, {
      body: { config: { recording } },
    });
  }

  deleteRoom(roomId: string, withRecordings: RoomDeletePolicy): Promise<RoomDeleted> {
    return this.request<RoomDeleted>("DELETE", `/rooms/${encodeURIComponent(roomId)}`, {
      query: { withRecordings },
    });
  }

  /** The audit trail, newest first (administrators and API keys). */
  audit(query: Query, signal?: AbortSignal): Promise<AuditPage> {
    return this.get<AuditPage>("/audit", query, signal);
  }

  recording(id: string, secret?: string, signal?: AbortSignal): Promise<Recording> {
    return this.get<Recording>(`/recordings/${encodeURIComponent(id)}`, { secret }, signal);
  }

  mediaUrl(id: string, signal?: AbortSignal): Promise<MediaLink> {
    return this.get<MediaLink>(`/recordings/${encodeURIComponent(id)}/media-url`, undefined, signal);
  }

  async poster(id: string, secret?: string, signal?: AbortSignal): Promise<Blob> {
    const response = await this.request<Response>("GET", `/recordings/${encodeURIComponent(id)}/poster`, {
      query: { secret },
      signal,
      raw: true,
      headers: { Accept: "image/*" },
    });
    return response.blob();
  }

  /** Where a share-link viewer (`secret`) plays the media; ranged requests work on it. */
  secretMediaUrl(id: string, secret: string, download = false): string {
    return this.url(`/recordings/${encodeURIComponent(id)}/media`, { secret, download: download ? 1 : null });
  }

  /** The recording's standing share link of that kind; with `expiresIn` (seconds, 60 to 90 days) a new
   * link that stops working then. */
  shareUrl(id: string, privateAccess: boolean, expiresIn?: number): Promise<{ url: string; expiresAt?: number }> {
    return this.get(`/recordings/${encodeURIComponent(id)}/url`, { privateAccess, expiresIn });
  }

  /** Revoke every share link of the recording (expiring ones too); the answer has the new standing ones. */
  rotateSecrets(id: string): Promise<{ publicUrl: string; privateUrl: string }> {
    return this.request("POST", `/recordings/${encodeURIComponent(id)}/secrets/rotate`);
  }

  deleteRecording(id: string): Promise<{ message: string }> {
    return this.request("DELETE", `/recordings/${encodeURIComponent(id)}`);
  }

  bulkDelete(ids: string[]): Promise<BulkDeleteResult> {
    return this.request("DELETE", "/recordings", { query: { recordingIds: ids.join(",") } });
  }

  zipUrl(ids: string[]): Promise<MediaLink> {
    return this.get<MediaLink>("/recordings/download-url", { recordingIds: ids.join(",") });
  }

  startRecording(roomId: string): Promise<Recording> {
    return this.request<Recording>("POST", "/recordings", { body: { roomId } });
  }

  stopRecording(id: string): Promise<Recording> {
    return this.request<Recording>("POST", `/recordings/${encodeURIComponent(id)}/stop`);
  }

  uploadChunk(id: string, seq: number, blob: Blob, final: boolean, signal?: AbortSignal): Promise<ChunkReceipt> {
    return this.request<ChunkReceipt>("PUT", `/recordings/${encodeURIComponent(id)}/chunks/${seq}`, {
      query: { final: final ? "true" : null },
      body: blob,
      signal,
      headers: { "Content-Type": blob.type || "application/octet-stream" },
    });
  }

  chunks(id: string): Promise<ChunkStatus> {
    return this.get<ChunkStatus>(`/recordings/${encodeURIComponent(id)}/chunks`);
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (response.ok) return body;
  const info = (body && typeof body === "object" ? body : {}) as { message?: string; error?: string };
  throw new ApiError(
    response.status,
    info.message || response.statusText || `HTTP ${response.status}`,
    info.error || "",
    body,
  );
}

/** Start a download in the browser without leaving the page. */
export function startDownload(url: string, filename = ""): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
}
