// <meet-recordings>: a room's recordings (mode="room", with a member token) or every room's
// (mode="console", for administrators): filter, sort, page, play, download, share, delete, ZIP, live.

import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";

import {
  ApiError,
  isPlayable,
  startDownload,
  type BulkDeleteFailure,
  type BulkDeleteResult,
  type Me,
  type Recording,
  type RecordingStatus,
  type Room,
} from "./api.js";
import { MeetElement } from "./base.js";
import type { MeetDialog } from "./dialog.js";
import "./dialog.js";
import { formatClock, formatDate, formatSize } from "./format.js";
import { icon } from "./icons.js";
import "./player.js";
import type { MeetShareDialog } from "./share.js";
import "./share.js";
import { SseClient } from "./sse.js";
import { controls, tokens } from "./styles.js";

const FINISHED: RecordingStatus[] = ["complete", "failed", "aborted", "limit_reached"];
const STATUSES: RecordingStatus[] = ["complete", "active", "starting", "ending", "failed", "aborted", "limit_reached"];
const LIVE_EVENTS = new Set([
  "recordingStarting",
  "recordingStarted",
  "recordingStopping",
  "recordingStopped",
  "recordingFailed",
  "recordingUpdated",
]);

/** Parts of the nested dialogs and player, exposed on this element (`meet-recordings::part(share-link)`). */
export const SHARE_PARTS =
  "dialog: share-dialog, dialog-header: share-dialog-header, dialog-title: share-dialog-title, dialog-close: share-dialog-close, dialog-body: share-dialog-body, share-access, share-expiry, share-link, share-copy, share-revoke-button, share-revoke-confirm";
export const PLAYER_PARTS =
  "stage: player-stage, video: player-video, title: player-title, status: player-status, actions: player-actions, details: player-details, download-button: player-download-button, share-button: player-share-button, error: player-error";

type SortKey = `${"startDate" | "duration" | "size" | "roomName"}:${"asc" | "desc"}`;

interface Notice {
  kind: "error" | "warning" | "success";
  message: string;
  items?: string[];
}

@customElement("meet-recordings")
export class MeetRecordings extends MeetElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        container-type: inline-size;
        color: var(--_text);
      }
      .root {
        display: grid;
        gap: 14px;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 12px 16px;
      }
      .title {
        display: flex;
        align-items: baseline;
        gap: 10px;
        min-width: 0;
      }
      h2 {
        margin: 0;
        font-size: 1.3em;
        font-weight: 750;
        letter-spacing: -0.015em;
        outline: none;
      }
      .count {
        color: var(--_muted);
        font-size: 0.92em;
        white-space: nowrap;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .search {
        position: relative;
        display: flex;
        align-items: center;
      }
      .search svg {
        position: absolute;
        left: 10px;
        color: var(--_muted);
        pointer-events: none;
        width: 18px;
        height: 18px;
      }
      .search input {
        padding-left: 34px;
        width: 15em;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .selbar {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 12px;
        padding: 4px 8px 4px 15px;
        min-height: 50px;
        border-radius: var(--_radius);
        border: 1px solid transparent;
      }
      .selbar.active {
        border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
        background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
      }
      .selbar label {
        display: inline-flex;
        align-items: center;
        gap: 16px;
        font-weight: 600;
        cursor: pointer;
        min-height: 36px;
        color: var(--_muted);
      }
      .selbar.active label {
        color: var(--_text);
      }
      .selbar label input {
        margin: 0 5px;
      }
      .selbar .spacer {
        flex: 1;
      }
      .selbar button {
        min-height: 36px;
      }
      .selbar .hint {
        color: var(--_muted);
        font-size: 0.88em;
      }
      li.item:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li.item {
        display: grid;
        grid-template-columns: auto 168px minmax(0, 1fr) auto;
        grid-template-areas: "check poster main actions";
        align-items: center;
        gap: 14px 16px;
        padding: 12px 14px;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        transition:
          border-color 0.15s,
          box-shadow 0.15s;
      }
      li.item:hover {
        border-color: color-mix(in srgb, var(--_text) 22%, var(--_border));
      }
      li.item.selected {
        border-color: var(--_accent);
        box-shadow: 0 0 0 1px var(--_accent);
      }
      .check {
        grid-area: check;
        display: grid;
        place-items: center;
        width: 28px;
        height: 28px;
      }
      .poster {
        grid-area: poster;
        position: relative;
        aspect-ratio: 16 / 9;
        border-radius: var(--_radius-sm);
        overflow: hidden;
        background: var(--_surface-2);
        display: grid;
        place-items: center;
        color: var(--_muted);
        border: 0;
        padding: 0;
        width: 100%;
        min-height: 0;
      }
      .poster.playable {
        cursor: pointer;
      }
      .poster img {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        object-fit: cover;
      }
      .poster .play {
        position: absolute;
        width: 40px;
        height: 40px;
        border-radius: 50%;
        background: rgb(0 0 0 / 0.55);
        color: #fff;
        display: grid;
        place-items: center;
        opacity: 0;
        transform: scale(0.9);
        transition:
          opacity 0.15s,
          transform 0.15s;
      }
      .poster.playable:hover .play {
        opacity: 1;
        transform: none;
      }
      .poster .clock {
        position: absolute;
        right: 6px;
        bottom: 6px;
        padding: 1px 6px;
        border-radius: 4px;
        background: rgb(0 0 0 / 0.72);
        color: #fff;
        font-size: 0.76em;
        font-weight: 650;
        font-variant-numeric: tabular-nums;
      }
      .poster .live {
        display: grid;
        justify-items: center;
        gap: 4px;
        font-size: 0.8em;
        font-weight: 650;
      }
      .poster .live.rec {
        color: var(--_recording);
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-weight: 750;
        letter-spacing: 0.04em;
      }
      .poster .live .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: currentColor;
        animation: meet-pulse 1.6s ease-in-out infinite;
      }
      .poster .live .spinner {
        width: 22px;
        height: 22px;
      }
      .main {
        grid-area: main;
        min-width: 0;
        display: grid;
        gap: 4px;
      }
      .name-row {
        display: flex;
        align-items: center;
        gap: 10px;
        min-width: 0;
        flex-wrap: wrap;
      }
      .name {
        font-weight: 680;
        font-size: 1.02em;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        min-width: 0;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 14px;
        color: var(--_muted);
        font-size: 0.9em;
        font-variant-numeric: tabular-nums;
      }
      .meta span {
        display: inline-flex;
        align-items: center;
        gap: 5px;
        white-space: nowrap;
      }
      .meta svg.icon {
        width: 15px;
        height: 15px;
      }
      .error-text {
        color: var(--_danger);
        font-size: 0.88em;
      }
      .actions {
        grid-area: actions;
        display: flex;
        gap: 2px;
        justify-content: flex-end;
      }
      .more {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 6px;
        padding: 6px 0 2px;
      }
      .more .hint {
        color: var(--_muted);
        font-size: 0.88em;
      }
      .state {
        display: grid;
        justify-items: center;
        text-align: center;
        gap: 10px;
        padding: 48px 24px;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .state .big {
        width: 60px;
        height: 60px;
        display: grid;
        place-items: center;
        border-radius: 50%;
        color: var(--_s, var(--_accent));
        background: color-mix(in srgb, var(--_s, var(--_accent)) 11%, transparent);
        margin-bottom: 4px;
      }
      .state .big svg {
        width: 30px;
        height: 30px;
      }
      .state.error {
        --_s: var(--_danger);
        border-style: solid;
      }
      .state.forbidden {
        --_s: var(--_warning);
        border-style: solid;
      }
      .state h3 {
        margin: 0;
        font-size: 1.1em;
      }
      .state p {
        margin: 0;
        color: var(--_muted);
        max-width: 46ch;
      }
      .poster .fill {
        position: absolute;
        inset: 0;
        border-radius: 0;
      }
      .skel .line {
        height: 12px;
      }
      .skel .line.wide {
        width: 55%;
        height: 15px;
      }
      .skel .line.narrow {
        width: 35%;
      }
      .skel .poster {
        border-radius: var(--_radius-sm);
      }
      .skel .box {
        width: 18px;
        height: 18px;
        border-radius: 4px;
      }
      .conn {
        font-size: 0.88em;
        color: var(--_warning);
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .notice ul.failed {
        margin: 6px 0 0;
        padding-left: 1.2em;
        list-style: disc;
        display: block;
        font-size: 0.9em;
        color: var(--_muted);
      }
      .notice .grow {
        flex: 1;
        min-width: 0;
      }
      .toast {
        inset: auto 0 24px 0;
        margin: 0 auto;
        width: max-content;
        max-width: calc(100vw - 32px);
        padding: 10px 16px;
        border: 0;
        border-radius: var(--_radius-sm);
        background: var(--_text);
        color: var(--_surface);
        font: inherit;
        font-weight: 600;
        box-shadow: var(--_shadow);
        display: none;
        align-items: center;
        gap: 8px;
      }
      .toast:popover-open {
        display: flex;
      }
      .confirm p {
        margin: 0;
        color: var(--_muted);
      }
      .player-dialog meet-recording-player {
        display: block;
      }
      @container (max-width: 760px) {
        li.item {
          grid-template-columns: auto 128px minmax(0, 1fr);
          grid-template-areas:
            "check poster main"
            ". actions actions";
          gap: 8px 12px;
        }
        .actions {
          border-top: 1px solid var(--_border);
          padding-top: 6px;
        }
        .search input {
          width: 100%;
        }

        .tools {
          width: 100%;
        }
        .tools > * {
          flex: 1 1 140px;
        }
        .tools > button.icon {
          flex: none;
        }
        .tools > .search {
          flex-basis: 100%;
        }
        .tools select {
          width: 100%;
        }
      }
      @container (max-width: 440px) {
        .selbar label {
          flex-basis: 100%;
        }
        .selbar .spacer {
          display: none;
        }
        .selbar button {
          flex: 1;
        }
        li.item {
          grid-template-columns: auto 96px minmax(0, 1fr);
          padding: 10px;
        }
        .actions {
          justify-content: space-between;
        }
        .name {
          font-size: 0.96em;
        }
        .meta {
          font-size: 0.84em;
          gap: 0 10px;
        }
        .poster .clock {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: "room-id", reflect: true }) roomId = "";
  /** `room`: one room's recordings (member token); `console`: every room's (administrator session). */
  @property({ reflect: true }) mode: "room" | "console" = "room";
  @property({ attribute: "page-size", type: Number, reflect: true }) pageSize = 12;
  /** Who can open a private share link (`users` or `admins`), for the share dialog's words. */
  @property({ attribute: "private-viewers", reflect: true }) privateViewers: "users" | "admins" = "users";

  @state() private me: Me | null = null;
  @state() private items: Recording[] = [];
  @state() private nextPageToken = "";
  @state() private phase: "idle" | "loading" | "ready" | "error" | "forbidden" = "idle";
  @state() private loadingMore = false;
  @state() private failure = "";
  @state() private status: RecordingStatus | "" = "";
  @state() private sort: SortKey = "startDate:desc";
  @state() private search = "";
  @state() private roomFilter = "";
  @state() private rooms: Room[] = [];
  @state() private selected = new Set<string>();
  @state() private posters = new Map<string, string>();
  @state() private notice: Notice | null = null;
  @state() private live = true;
  @state() private playing: Recording | null = null;
  @state() private deleting: Recording[] = [];
  @state() private deleteBusy = false;
  @state() private announcement = "";
  @state() private toast = "";

  @query("meet-dialog.player-dialog") private playerDialog!: MeetDialog;
  @query("meet-dialog.confirm") private confirmDialog!: MeetDialog;
  @query("meet-share-dialog") private shareDialog!: MeetShareDialog;
  @query("h2") private heading!: HTMLElement;
  @query(".toast") private toastEl?: HTMLElement;

  private abort: AbortController | null = null;
  private sse: SseClient | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private posterQueue: string[] = [];
  private posterActive = 0;
  private wasDisconnected = false;
  /** The event stream failed for good: poll instead (until the next reload). */
  private pollOnly = false;
  private generation = 0;
  /** The room filter's load: its own count, as the list's filters change while it runs. */
  private roomsRequest = 0;

  // -- lifecycle -------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.generation++;
    this.abort?.abort();
    this.sse?.stop();
    this.sse = null;
    clearTimeout(this.refreshTimer);
    clearTimeout(this.pollTimer);
    clearTimeout(this.searchTimer);
    clearTimeout(this.toastTimer);
    for (const url of this.posters.values()) if (url.startsWith("blob:")) URL.revokeObjectURL(url);
    this.posters = new Map();
    this.posterQueue = [];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("mode") && this.mode === "room" && this.sort.startsWith("roomName")) {
      this.sort = "startDate:desc";
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (
      changed.has("roomId") ||
      (changed.has("token") && !this.tokenRenewed(changed)) ||
      changed.has("baseUrl") ||
      changed.has("mode") ||
      changed.has("pageSize")
    ) {
      void this.reload();
    }
  }

  protected override get tokenRoomId(): string {
    return this.currentRoomId;
  }

  // -- public API ----------------------------------------------------------------------------------------

  /** Load everything again from the first page (permissions, rooms, recordings, live updates). */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.sse?.stop();
    this.sse = null;
    this.pollOnly = false;
    this.live = true;
    this.phase = "loading";
    this.failure = "";
    this.notice = null;
    this.items = [];
    this.nextPageToken = "";
    this.selected = new Set();
    const room = this.mode === "room" ? this.roomId.trim() : "";
    if (this.mode === "room" && !room && !this.token) {
      this.phase = "error";
      this.failure = this.t.missingRoom;
      return;
    }
    try {
      const me = await this.api.me(room || undefined, abort.signal);
      if (generation !== this.generation) return;
      this.me = me;
      if (!me.permissions.retrieve) {
        this.phase = "forbidden";
        this.failure = this.forbiddenMessage();
        this.emit("meet-error", { action: "list", status: 403, error: "Forbidden", message: this.failure });
        return;
      }
      if (this.mode === "console") void this.loadRooms();
      await this.fetchPage(false, generation, abort.signal);
      if (generation === this.generation) this.startLive();
    } catch (err) {
      if (generation !== this.generation || (err as Error)?.name === "AbortError") return;
      if (err instanceof ApiError && err.status === 403) {
        this.phase = "forbidden";
        this.failure = this.report(err, "list", this.forbiddenMessage());
      } else {
        this.phase = "error";
        this.failure = this.report(err, "list", this.forbiddenMessage());
      }
    }
  }

  /** Fetch again what is shown (after a change elsewhere), keeping the place in the list. */
  async refresh(): Promise<void> {
    if (this.phase !== "ready") return;
    const generation = this.generation;
    try {
      const shown = Math.min(100, Math.max(this.limit, this.items.length));
      const page = await this.api.listRecordings(this.query(shown));
      if (generation !== this.generation) return;
      this.items = page.recordings;
      this.nextPageToken = page.pagination.nextPageToken ?? "";
      this.selected = new Set([...this.selected].filter((id) => this.items.some((r) => r.recordingId === id)));
      this.queuePosters();
      this.schedulePoll();
    } catch (err) {
      if (generation !== this.generation) return;
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        // Access was taken away (the room's setting changed, the session ended): what is shown can no
        // longer be acted on. Start over as a first load does, which says why (or shows what is left).
        this.report(err, "refresh");
        void this.reload();
        return;
      }
      this.notice = { kind: "warning", message: this.report(err, "refresh") };
    }
  }

  /** The page size the API accepts (1 to 100). */
  private get limit(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(100, Math.max(1, size)) : 12;
  }

  private get currentRoomId(): string {
    return this.roomId.trim() || this.me?.room?.roomId || "";
  }

  private forbiddenMessage(): string {
    const t = this.t;
    if (this.mode === "console") return t.forbiddenConsole;
    const access = this.me?.room?.allowAccessTo;
    if (access === "admin") return t.forbiddenAdmin;
    if (access === "admin_moderator") return t.forbiddenModerator;
    return t.errorForbidden;
  }

  private query(maxItems: number, pageToken?: string) {
    const [sortField, sortOrder] = this.sort.split(":");
    return {
      maxItems,
      nextPageToken: pageToken,
      roomId: this.mode === "room" ? this.currentRoomId : this.roomFilter,
      roomName: this.mode === "console" ? this.search.trim() : "",
      status: this.status,
      sortField,
      sortOrder,
    };
  }

  private async fetchPage(more: boolean, generation = this.generation, signal?: AbortSignal): Promise<void> {
    const page = await this.api.listRecordings(
      this.query(this.limit, more ? this.nextPageToken : undefined),
      signal,
    );
    if (generation !== this.generation) return;
    const known = new Set(this.items.map((r) => r.recordingId));
    this.items = more ? [...this.items, ...page.recordings.filter((r) => !known.has(r.recordingId))] : page.recordings;
    this.nextPageToken = page.pagination.nextPageToken ?? "";
    this.phase = "ready";
    this.announcement = this.countText();
    this.queuePosters();
    this.emit("meet-recordings-loaded", { recordings: this.items, hasMore: !!this.nextPageToken });
    this.schedulePoll();
  }

  /** Without a live event stream (it failed, or is reconnecting), look again every 5 s while something
   * is being recorded. */
  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    if ((this.sse && this.live) || !this.isConnected || this.phase !== "ready") return;
    if (!this.items.some((r) => !FINISHED.includes(r.status))) return;
    this.pollTimer = setTimeout(() => void this.refresh(), 5000);
  }

  private async loadMore(): Promise<void> {
    if (!this.nextPageToken || this.loadingMore) return;
    this.loadingMore = true;
    const before = this.items.length;
    const generation = this.generation;
    let loaded = false;
    try {
      await this.fetchPage(true);
      loaded = generation === this.generation;
    } catch (err) {
      this.notice = { kind: "error", message: this.report(err, "list") };
    } finally {
      this.loadingMore = false;
    }
    // The button may be gone (the last page): the keyboard goes on from the first new recording.
    if (loaded && this.items.length > before) {
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLElement>("li.item")[before]?.focus();
    }
  }

  private async loadRooms(): Promise<void> {
    const request = ++this.roomsRequest;
    try {
      const { rooms } = await this.api.listRooms();
      if (request === this.roomsRequest) this.rooms = rooms;
    } catch {
      // Only this load's failure clears the filter (not an older one ending after a newer success).
      if (request === this.roomsRequest) this.rooms = [];
    }
  }

  // -- live updates ----------------------------------------------------------------------------------

  /** Follow the recordings as they change: the room's event stream, or in the console every room's
   * (`GET /recordings/events`, administrators only). Where no stream can be had, poll instead. */
  private startLive(): void {
    const roomId = this.currentRoomId;
    const console = this.mode === "console";
    if (!console && !roomId) return;
    const path = console ? "/recordings/events" : `/rooms/${encodeURIComponent(roomId)}/recording/events`;
    this.wasDisconnected = false;
    const sse: SseClient = new SseClient({
      url: () => this.api.url(path),
      headers: () => this.api.headers({ Accept: "text/event-stream" }),
      onMessage: (message) => {
        if (message.event === "state") {
          this.live = true;
          clearTimeout(this.pollTimer);
          if (this.wasDisconnected) this.scheduleRefresh();
          this.wasDisconnected = false;
        } else if (message.event === "recordingDeleted") {
          this.removeDeleted(message.data);
        } else if (LIVE_EVENTS.has(message.event)) {
          this.scheduleRefresh();
        }
      },
      onState: (connected) => {
        if (!connected) {
          this.wasDisconnected = true;
          this.live = false;
          this.schedulePoll();
        }
      },
      onFatal: (err) => {
        void (async () => {
          // A token that ran out while connected: renewed, the stream goes on.
          if (err.status === 401 && this.sse === sse && (await this.renewAfterRefusal(this.token))) {
            if (this.sse === sse) sse.start();
            return;
          }
          if (this.sse !== sse) return;
          // No stream for us (an older server, a proxy that refuses it): poll while something records.
          this.sse = null;
          this.pollOnly = true;
          this.live = true;
          this.schedulePoll();
        })();
      },
    });
    this.sse = sse;
    sse.start();
  }

  /** A recording deleted elsewhere (`{roomId, recordingId}`): gone from the list at once. */
  private removeDeleted(data: string): void {
    let recordingId = "";
    try {
      recordingId = String((JSON.parse(data) as { recordingId?: unknown }).recordingId ?? "");
    } catch {
      return;
    }
    if (!this.items.some((r) => r.recordingId === recordingId)) return;
    this.forget([recordingId]);
    this.announcement = this.countText();
    // A page that became short is filled up from the next one.
    if (this.nextPageToken && this.items.length < this.limit) this.scheduleRefresh();
  }

  /** Drop recordings that no longer exist from the list, the selection and the posters. */
  private forget(ids: string[]): void {
    const gone = new Set(ids);
    this.items = this.items.filter((r) => !gone.has(r.recordingId));
    this.selected = new Set([...this.selected].filter((id) => !gone.has(id)));
    const posters = new Map(this.posters);
    for (const id of ids) {
      const url = posters.get(id);
      if (url?.startsWith("blob:")) URL.revokeObjectURL(url);
      posters.delete(id);
    }
    this.posters = posters;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 250);
  }

  // -- posters: fetched with the token, shown as blob URLs ---------------------------------------------

  private queuePosters(): void {
    for (const r of this.items) {
      if (isPlayable(r) && !this.posters.has(r.recordingId) && !this.posterQueue.includes(r.recordingId)) {
        this.posterQueue.push(r.recordingId);
      }
    }
    while (this.posterActive < 4 && this.posterQueue.length) void this.nextPoster();
  }

  private async nextPoster(): Promise<void> {
    const id = this.posterQueue.shift();
    if (!id) return;
    this.posterActive++;
    const generation = this.generation;
    let url = "none";
    try {
      url = URL.createObjectURL(await this.api.poster(id));
    } catch {
      url = "none";
    } finally {
      this.posterActive--;
    }
    if (generation !== this.generation) {
      if (url.startsWith("blob:")) URL.revokeObjectURL(url);
    } else {
      this.posters = new Map(this.posters).set(id, url);
    }
    if (this.posterQueue.length) void this.nextPoster();
  }

  // -- filters ---------------------------------------------------------------------------------------

  private onStatus(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value as RecordingStatus | "";
    void this.reloadList();
  }

  private onSort(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as SortKey;
    void this.reloadList();
  }

  private onRoomFilter(event: Event): void {
    this.roomFilter = (event.target as HTMLSelectElement).value;
    void this.reloadList();
  }

  private onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.reloadList(), 300);
  }

  private clearFilters(): void {
    this.status = "";
    this.search = "";
    this.roomFilter = "";
    void this.reloadList();
  }

  private get filtered(): boolean {
    return !!(this.status || this.search.trim() || this.roomFilter);
  }

  /** The list again from its first page (filters or sorting changed), permissions kept. */
  private async reloadList(): Promise<void> {
    if (!this.me) return this.reload();
    const generation = ++this.generation;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.phase = "loading";
    this.items = [];
    this.nextPageToken = "";
    this.selected = new Set();
    this.notice = null;
    try {
      await this.fetchPage(false, generation, abort.signal);
      if (generation === this.generation && !this.sse && !this.pollOnly) this.startLive();
    } catch (err) {
      if (generation !== this.generation || (err as Error)?.name === "AbortError") return;
      this.phase = "error";
      this.failure = this.report(err, "list", this.forbiddenMessage());
    }
  }

  // -- selection -------------------------------------------------------------------------------------

  /** Recordings a bulk action can do something with: a ZIP takes the playable ones (for whoever may
   * retrieve them), a bulk delete any finished one (for whoever may delete). A checkbox only for those. */
  private canSelect(r: Recording): boolean {
    const perms = this.me?.permissions;
    return (isPlayable(r) && !!perms?.retrieve) || (FINISHED.includes(r.status) && !!perms?.delete);
  }

  private get selectable(): Recording[] {
    return this.items.filter((r) => this.canSelect(r));
  }

  private get selectedRecordings(): Recording[] {
    return this.items.filter((r) => this.selected.has(r.recordingId));
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private toggleAll(on: boolean): void {
    this.selected = on ? new Set(this.selectable.map((r) => r.recordingId)) : new Set();
  }

  // -- actions -------------------------------------------------------------------------------------------

  private name(r: Recording): string {
    return `${r.roomName}, ${formatDate(r.startDate, this.locale)}`;
  }

  private async play(r: Recording): Promise<void> {
    if (!this.emit("meet-recording-play", { recording: r })) return; // the host handles it
    this.playing = r;
    await this.updateComplete;
    this.playerDialog.show();
  }

  private async download(r: Recording): Promise<void> {
    try {
      const link = await this.api.mediaUrl(r.recordingId);
      startDownload(`${link.url}&download=1`, r.filename || "");
      this.flash(this.t.downloadStarted);
      this.emit("meet-download-started", { recordingIds: [r.recordingId] });
    } catch (err) {
      this.notice = { kind: "error", message: this.report(err, "download") };
    }
  }

  private async downloadZip(): Promise<void> {
    const t = this.t;
    const chosen = this.selectedRecordings;
    // Only playable recordings go into a ZIP (the server leaves the others out, or refuses a ZIP of none).
    const ids = chosen.filter((r) => isPlayable(r)).map((r) => r.recordingId);
    const left = chosen.length - ids.length;
    if (!ids.length) return;
    this.notice = null;
    try {
      this.flash(t.preparingDownload);
      const link = await this.api.zipUrl(ids);
      startDownload(link.url, "recordings.zip");
      this.flash(t.downloadStarted);
      if (left) this.notice = { kind: "warning", message: this.leftOutText(left) };
      this.emit("meet-download-started", { recordingIds: ids });
    } catch (err) {
      this.flash("");
      this.notice = { kind: "error", message: this.report(err, "download-zip") };
    }
  }

  private leftOutText(count: number): string {
    return count === 1 ? this.t.zipLeftOutOne : this.fill(this.t.zipLeftOutMany, { count });
  }

  private async share(r: Recording): Promise<void> {
    await this.shareDialog.open(r);
  }

  private async askDelete(recordings: Recording[]): Promise<void> {
    if (!recordings.length) return;
    this.deleting = recordings;
    this.deleteBusy = false;
    await this.updateComplete;
    this.confirmDialog.show();
  }

  private async confirmDelete(): Promise<void> {
    const targets = this.deleting;
    if (!targets.length || this.deleteBusy) return;
    this.deleteBusy = true;
    const t = this.t;
    let deleted: string[] = [];
    let failed: BulkDeleteFailure[] = [];
    try {
      if (targets.length === 1) {
        await this.api.deleteRecording(targets[0].recordingId);
        deleted = [targets[0].recordingId];
      } else {
        const result = await this.api.bulkDelete(targets.map((r) => r.recordingId));
        deleted = result.deleted;
      }
    } catch (err) {
      const body = err instanceof ApiError ? (err.body as BulkDeleteResult | null) : null;
      if (err instanceof ApiError && err.status === 400 && body && Array.isArray(body.failed)) {
        deleted = body.deleted ?? [];
        failed = body.failed;
        this.report(err, "delete");
      } else {
        failed = targets.map((r) => ({ recordingId: r.recordingId, error: this.report(err, "delete") }));
      }
    }
    this.deleteBusy = false;
    this.confirmDialog.close();
    this.deleting = [];
    if (deleted.length) {
      this.forget(deleted);
      this.emit("meet-recording-deleted", { recordingIds: deleted });
    }
    if (failed.length) {
      const byId = new Map(targets.map((r) => [r.recordingId, r]));
      this.notice = {
        kind: "error",
        message:
          targets.length === 1
            ? failed[0].error
            : this.fill(t.deletePartial, { deleted: deleted.length, failed: failed.length }),
        items:
          targets.length === 1
            ? undefined
            : failed.map((f) => {
                const r = byId.get(f.recordingId);
                return `${r ? this.name(r) : f.recordingId}: ${this.failureReason(f)}`;
              }),
      };
    } else {
      this.flash(deleted.length === 1 ? t.deletedOne : this.fill(t.deletedMany, { count: deleted.length }));
    }
    await this.updateComplete;
    this.heading?.focus();
    // Failures may mean the list is stale (deleted or changed elsewhere): look again.
    if (failed.length || (deleted.length && this.nextPageToken && this.items.length < this.limit)) {
      void this.refresh();
    }
  }

  /** Why a recording was not deleted, in the labels' words (the server's only for an unknown reason). */
  private failureReason(failure: BulkDeleteFailure): string {
    const t = this.t;
    switch (failure.code) {
      case "notFound":
        return t.deleteFailedNotFound;
      case "notStopped":
        return t.deleteFailedNotStopped;
      case "otherRoom":
        return t.deleteFailedOtherRoom;
      default:
        return failure.error;
    }
  }

  private flash(message: string): void {
    this.toast = message;
    this.announcement = message;
    const el = this.toastEl;
    if (!message) {
      clearTimeout(this.toastTimer);
      try {
        el?.hidePopover();
      } catch {
        /* not shown */
      }
      return;
    }
    try {
      if (el && !el.matches(":popover-open")) el.showPopover();
    } catch {
      /* no popover support: the live region still says it */
    }
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => {
      this.toast = "";
      try {
        this.toastEl?.hidePopover();
      } catch {
        /* already hidden */
      }
    }, 3500);
  }

  private countText(): string {
    const t = this.t;
    const n = this.items.length;
    if (this.nextPageToken) return this.fill(t.countMore, { count: n });
    return n === 1 ? t.countOne : this.fill(t.countMany, { count: n });
  }

  // -- rendering -----------------------------------------------------------------------------------------

  private statusLabel(status: string): string {
    return (this.t as Record<string, string>)[`status_${status}`] ?? status;
  }

  private renderTools() {
    const t = this.t;
    const console = this.mode === "console";
    const disabled = this.phase === "forbidden" || (this.phase === "error" && !this.me);
    const sorts: [SortKey, string][] = [
      ["startDate:desc", t.sortNewest],
      ["startDate:asc", t.sortOldest],
      ["duration:desc", t.sortLongest],
      ["duration:asc", t.sortShortest],
      ["size:desc", t.sortLargest],
      ["size:asc", t.sortSmallest],
    ];
    if (console) sorts.push(["roomName:asc", t.sortRoomAz], ["roomName:desc", t.sortRoomZa]);
    return html`
      <div class="tools" part="toolbar">
        ${console
          ? html`
              <label class="search">
                ${icon("search")}
                <span class="sr-only">${t.searchRoomName}</span>
                <input
                  type="search"
                  part="search"
                  placeholder=${t.searchRoomName}
                  .value=${this.search}
                  @input=${this.onSearch}
                  ?disabled=${disabled}
                />
              </label>
              ${this.rooms.length
                ? html`<select
                    part="room-filter"
                    aria-label=${t.roomFilter}
                    @change=${this.onRoomFilter}
                    ?disabled=${disabled}
                  >
                    <option value="" ?selected=${!this.roomFilter}>${t.allRooms}</option>
                    ${this.rooms.map(
                      (room) =>
                        html`<option value=${room.roomId} ?selected=${this.roomFilter === room.roomId}>
                          ${room.roomName}
                        </option>`,
                    )}
                  </select>`
                : nothing}
            `
          : nothing}
        <select part="status-filter" aria-label=${t.statusFilter} @change=${this.onStatus} ?disabled=${disabled}>
          <option value="" ?selected=${!this.status}>${t.allStatuses}</option>
          ${STATUSES.map(
            (s) => html`<option value=${s} ?selected=${this.status === s}>${this.statusLabel(s)}</option>`,
          )}
        </select>
        <select part="sort" aria-label=${t.sortBy} @change=${this.onSort} ?disabled=${disabled}>
          ${sorts.map(([value, label]) => html`<option value=${value} ?selected=${this.sort === value}>${label}</option>`)}
        </select>
        <button
          class="icon"
          part="refresh-button"
          aria-label=${t.refresh}
          title=${t.refresh}
          @click=${() => (this.me ? this.refresh() : this.reload())}
          ?disabled=${this.phase === "loading"}
        >
          ${icon("refresh")}
        </button>
      </div>
    `;
  }

  private renderSelectionBar() {
    const t = this.t;
    const selectable = this.selectable;
    if (!selectable.length) return nothing;
    const count = this.selected.size;
    const all = count > 0 && count === selectable.length;
    const perms = this.me?.permissions;
    const chosen = this.selectedRecordings;
    const zippable = chosen.filter((r) => isPlayable(r)).length;
    const canZip = !!perms?.retrieve && zippable > 0;
    const canDelete = !!perms?.delete;
    return html`
      <div class="selbar ${count ? "active" : ""}" part="selection-bar">
        <label>
          <input
            type="checkbox"
            .checked=${all}
            .indeterminate=${count > 0 && !all}
            @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
          />
          ${count ? this.fill(t.selectedCount, { count }) : t.selectAll}
        </label>
        <span class="spacer"></span>
        ${count
          ? html`
              ${canZip
                ? html`<button
                    part="zip-button"
                    aria-describedby=${zippable < count ? "zip-left-out" : nothing}
                    @click=${this.downloadZip}
                  >
                    ${icon("zip")} ${t.downloadZip}
                  </button>`
                : nothing}
              ${canZip && zippable < count
                ? html`<span class="hint" id="zip-left-out" part="zip-hint">${this.leftOutText(count - zippable)}</span>`
                : nothing}
              ${canDelete
                ? html`<button
                    class="danger"
                    part="bulk-delete-button"
                    @click=${() => this.askDelete(this.selectedRecordings)}
                  >
                    ${icon("delete")} ${t.deleteSelected}
                  </button>`
                : nothing}
              <button class="ghost" @click=${() => this.toggleAll(false)}>${t.clearSelection}</button>
            `
          : nothing}
      </div>
    `;
  }

  private renderPoster(r: Recording) {
    const t = this.t;
    const poster = this.posters.get(r.recordingId);
    const playable = isPlayable(r);
    let inner;
    if (r.status === "active" || r.status === "starting") {
      inner = html`<span class="live rec"><span class="dot"></span>${t.rec}</span>`;
    } else if (r.status === "ending") {
      inner = html`<span class="live"><span class="spinner" aria-hidden="true"></span></span>`;
    } else if (poster && poster !== "none") {
      inner = html`<img src=${poster} alt="" loading="lazy" />`;
    } else if (!playable) {
      inner = html`${icon("videoOff")}`;
    } else if (poster === "none") {
      inner = html`${icon("library")}`;
    } else {
      inner = html`<span class="skeleton fill"></span>`;
    }
    return html`
      <div
        class="poster ${playable ? "playable" : ""}"
        part="poster"
        aria-hidden="true"
        @click=${playable ? () => this.play(r) : null}
      >
        ${inner}
        ${playable ? html`<span class="play">${icon("play")}</span>` : nothing}
        ${r.duration && playable ? html`<span class="clock">${formatClock(r.duration)}</span>` : nothing}
      </div>
    `;
  }

  private renderItem(r: Recording) {
    const t = this.t;
    const locale = this.locale;
    const perms = this.me?.permissions;
    const name = this.name(r);
    const complete = isPlayable(r);
    const finished = FINISHED.includes(r.status);
    const console = this.mode === "console";
    const selected = this.selected.has(r.recordingId);
    return html`
      <li class="item ${selected ? "selected" : ""}" part="item" tabindex="-1">
        <span class="check">
          ${this.canSelect(r)
            ? html`<input
                type="checkbox"
                part="item-checkbox"
                aria-label=${this.fill(t.selectRecording, { name })}
                .checked=${selected}
                @change=${(e: Event) => this.toggle(r.recordingId, (e.target as HTMLInputElement).checked)}
              />`
            : nothing}
        </span>
        ${this.renderPoster(r)}
        <div class="main">
          <div class="name-row">
            <span class="name" part="item-title">${console ? r.roomName : formatDate(r.startDate, locale)}</span>
            <span class="badge s-${r.status}" part="status">${this.statusLabel(r.status)}</span>
          </div>
          <div class="meta" part="item-meta">
            ${console
              ? html`<span>${icon("calendar")}<span class="sr-only">${t.date}: </span>${formatDate(r.startDate, locale)}</span>`
              : nothing}
            ${finished
              ? html`<span>${icon("clock")}<span class="sr-only">${t.duration}: </span>${formatClock(r.duration)}</span>
                  <span>${icon("storage")}<span class="sr-only">${t.size}: </span>${formatSize(r.size, locale)}</span>`
              : nothing}
          </div>
          ${r.error && !complete ? html`<span class="error-text">${r.error}</span>` : nothing}
        </div>
        ${complete || (finished && perms?.delete)
          ? html`<div class="actions" part="actions">
          ${complete && perms?.retrieve
            ? html`
                <button
                  class="icon ghost"
                  part="play-button"
                  aria-label=${this.fill(t.playRecording, { name })}
                  title=${t.play}
                  @click=${() => this.play(r)}
                >
                  ${icon("play")}
                </button>
                <button
                  class="icon ghost"
                  part="download-button"
                  aria-label=${this.fill(t.downloadRecording, { name })}
                  title=${t.download}
                  @click=${() => this.download(r)}
                >
                  ${icon("download")}
                </button>
              `
            : nothing}
          ${complete && perms?.share
            ? html`<button
                class="icon ghost"
                part="share-button"
                aria-label=${this.fill(t.shareRecording, { name })}
                title=${t.share}
                @click=${() => this.share(r)}
              >
                ${icon("share")}
              </button>`
            : nothing}
          ${finished && perms?.delete
            ? html`<button
                class="icon ghost danger-hover"
                part="delete-button"
                aria-label=${this.fill(t.deleteRecording, { name })}
                title=${t.delete}
                @click=${() => this.askDelete([r])}
              >
                ${icon("delete")}
              </button>`
            : nothing}
        </div>`
          : nothing}
      </li>
    `;
  }

  private renderSkeleton() {
    return html`
      <ul aria-hidden="true">
        ${[0, 1, 2].map(
          () => html`
            <li class="item skel">
              <span class="check"><span class="skeleton box"></span></span>
              <span class="poster skeleton"></span>
              <span class="main">
                <span class="skeleton line wide"></span>
                <span class="skeleton line narrow"></span>
              </span>
              <span class="actions"></span>
            </li>
          `,
        )}
      </ul>
    `;
  }

  private renderBody() {
    const t = this.t;
    if (this.phase === "loading" || this.phase === "idle") {
      return html`<div role="status" class="sr-only">${t.loading}</div>
        ${this.renderSkeleton()}`;
    }
    if (this.phase === "forbidden") {
      return html`<div class="state forbidden" part="forbidden" role="alert">
        <div class="big">${icon("lock")}</div>
        <h3>${this.failure}</h3>
        <p>${t.forbiddenHint}</p>
      </div>`;
    }
    if (this.phase === "error") {
      return html`<div class="state error" part="error" role="alert">
        <div class="big">${icon("error")}</div>
        <h3>${t.errorTitle}</h3>
        <p>${this.failure}</p>
        <button class="primary" @click=${() => this.reload()}>${icon("refresh")} ${t.retry}</button>
      </div>`;
    }
    if (!this.items.length) {
      return this.filtered
        ? html`<div class="state" part="empty">
            <div class="big">${icon("filter")}</div>
            <h3>${t.emptyFilteredTitle}</h3>
            <p>${t.emptyFiltered}</p>
            <button @click=${this.clearFilters}>${t.clearFilters}</button>
          </div>`
        : html`<div class="state" part="empty">
            <div class="big">${icon("library")}</div>
            <h3>${t.emptyTitle}</h3>
            <p>${this.mode === "console" ? t.emptyConsole : t.emptyRoom}</p>
          </div>`;
    }
    return html`
      ${this.renderSelectionBar()}
      <ul part="list" aria-label=${this.mode === "console" ? t.consoleTitle : t.listTitle}>
        ${repeat(
          this.items,
          (r) => r.recordingId,
          (r) => this.renderItem(r),
        )}
      </ul>
      ${this.nextPageToken
        ? html`<div class="more">
            <button part="load-more" @click=${this.loadMore} aria-disabled=${this.loadingMore ? "true" : "false"}>
              ${this.loadingMore ? html`<span class="spinner" aria-hidden="true"></span>${t.loadingMore}` : t.loadMore}
            </button>
          </div>`
        : nothing}
    `;
  }

  private renderNotice() {
    const n = this.notice;
    if (!n) return nothing;
    return html`<div class="notice ${n.kind}" part="notice" role="alert">
      ${icon(n.kind === "success" ? "check" : "warning")}
      <div class="grow">
        <p>${n.message}</p>
        ${n.items?.length ? html`<ul class="failed">${n.items.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
      </div>
      <button class="icon ghost" aria-label=${this.t.close} @click=${() => (this.notice = null)}>
        ${icon("close")}
      </button>
    </div>`;
  }

  override render() {
    const t = this.t;
    const title = this.mode === "console" ? t.consoleTitle : t.listTitle;
    const deleting = this.deleting;
    const single = deleting.length === 1 ? deleting[0] : null;
    return html`
      <section class="root" part="container" aria-busy=${this.phase === "loading" ? "true" : "false"}>
        <div class="head" part="header">
          <div class="title">
            <h2 part="title" tabindex="-1">${title}</h2>
            ${this.phase === "ready" ? html`<span class="count" part="count">${this.countText()}</span>` : nothing}
          </div>
          ${this.phase === "forbidden" || (this.phase === "error" && !this.me) ? nothing : this.renderTools()}
        </div>
        ${!this.live && this.phase === "ready"
          ? html`<div class="conn" role="status">${icon("warning")} ${t.liveUpdatesLost}</div>`
          : nothing}
        ${this.renderNotice()} ${this.renderBody()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </section>
      <div class="toast" part="toast" popover="manual" aria-hidden="true">${icon("check")}${this.toast}</div>

      <meet-dialog
        class="player-dialog"
        size="lg"
        theme=${this.theme}
        .heading=${this.playing ? this.fill(t.playerTitle, { name: this.name(this.playing) }) : ""}
        .closeLabel=${t.close}
        exportparts="dialog, dialog-header, dialog-title, dialog-close, dialog-body"
        @meet-dialog-close=${() => (this.playing = null)}
      >
        ${this.playing
          ? html`<meet-recording-player
              part="player"
              .baseUrl=${this.baseUrl}
              .token=${this.token}
              .labels=${this.labels}
              theme=${this.theme}
              recording-id=${this.playing.recordingId}
              private-viewers=${this.privateViewers}
              fit-viewport
              autoplay
            ></meet-recording-player>`
          : nothing}
      </meet-dialog>

      <meet-dialog
        class="confirm"
        theme=${this.theme}
        alert
        .heading=${single ? t.deleteTitleOne : this.fill(t.deleteTitleMany, { count: deleting.length })}
        .closeLabel=${t.close}
        exportparts="dialog, dialog-header, dialog-title, dialog-close, dialog-body, dialog-footer"
        @meet-dialog-close=${() => (this.deleting = [])}
      >
        <p class="confirm">
          ${single
            ? this.fill(t.deleteBodyOne, {
                name: single.roomName,
                date: formatDate(single.startDate, this.locale),
              })
            : this.fill(t.deleteBodyMany, { count: deleting.length })}
        </p>
        <button slot="footer" data-autofocus @click=${() => this.confirmDialog.close()} ?disabled=${this.deleteBusy}>
          ${t.cancel}
        </button>
        <button slot="footer" class="danger" part="confirm-delete" @click=${this.confirmDelete} ?disabled=${this.deleteBusy}>
          ${this.deleteBusy ? html`<span class="spinner" aria-hidden="true"></span>${t.deleting}` : html`${icon("delete")} ${t.deleteConfirm}`}
        </button>
      </meet-dialog>

      <meet-share-dialog
        .baseUrl=${this.baseUrl}
        .token=${this.token}
        .labels=${this.labels}
        theme=${this.theme}
        private-viewers=${this.privateViewers}
        exportparts=${SHARE_PARTS}
      ></meet-share-dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "meet-recordings": MeetRecordings;
  }
}
