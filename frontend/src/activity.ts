// <meet-activity>: the audit trail (administrators and API keys): who did what to which room or recording,
// and when; newest first, by day, filtered by room, recording, action and kind of actor, paged with "Load more".

import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { live } from "lit/directives/live.js";

import { ACTOR_KINDS, AUDIT_ACTIONS, ApiError, type AuditEntry } from "./api.js";
import { MeetElement } from "./base.js";
import { dayKey, formatDate, formatDay, formatDays, formatDuration, formatSize, formatTime } from "./format.js";
import { icon, type IconName } from "./icons.js";
import { controls, tokens, views } from "./styles.js";

/** The filters, as the element's attributes and the API's query parameters name them. */
export interface ActivityFilters {
  roomId: string;
  recordingId: string;
  action: string;
  actorKind: string;
}

const ICONS: Record<string, IconName> = {
  start: "record",
  stop: "stop",
  play: "play",
  download: "download",
  zip: "zip",
  share_link_created: "share",
  secrets_rotated: "link",
  delete: "delete",
  room_created: "add",
  room_config_changed: "tune",
  room_deleted: "delete",
  token_issued: "key",
  retention_delete: "history",
};

const KINDS: Record<string, string> = {
  start: "rec",
  stop: "rec",
  play: "view",
  download: "view",
  zip: "view",
  share_link_created: "share",
  secrets_rotated: "share",
  token_issued: "share",
  delete: "gone",
  room_deleted: "gone",
  retention_delete: "gone",
  room_created: "room",
  room_config_changed: "room",
};

const ACTOR_ICONS: Record<string, IconName> = {
  api_key: "key",
  admin: "shield",
  member: "person",
  share_secret: "link",
  media_link: "link",
  system: "robot",
  anonymous: "person",
};

type Group = { key: string; label: string; entries: AuditEntry[] };

@customElement("meet-activity")
export class MeetActivity extends MeetElement {
  static override styles = [
    tokens,
    controls,
    views,
    css`
      .tools select {
        max-width: 16em;
      }
      .tools .search input {
        width: 13em;
      }
      @container (max-width: 760px) {
        .tools select {
          max-width: none;
        }
        .tools .search input {
          width: 100%;
        }
        .tools > .search {
          flex: 1 1 180px;
        }
      }
      .days {
        display: grid;
        gap: 18px;
      }
      section.day {
        display: grid;
        gap: 8px;
      }
      h3.day-title {
        margin: 0;
        font-size: 0.82em;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--_muted);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      li.entry {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 4px 14px;
        padding: 12px 16px;
      }
      li.entry + li.entry {
        border-top: 1px solid var(--_border);
      }
      .glyph {
        width: 34px;
        height: 34px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        color: var(--_k, var(--_accent));
        background: color-mix(in srgb, var(--_k, var(--_accent)) 12%, var(--_surface));
        margin-top: 2px;
      }
      .glyph svg.icon {
        width: 18px;
        height: 18px;
      }
      .k-rec {
        --_k: var(--_recording);
      }
      .k-gone {
        --_k: var(--_danger);
      }
      .k-room {
        --_k: var(--_success);
      }
      .k-share {
        --_k: var(--_warning);
      }
      .body {
        display: grid;
        gap: 3px;
        min-width: 0;
      }
      .line {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 4px 12px;
        flex-wrap: wrap;
      }
      .what {
        font-weight: 680;
      }
      time {
        color: var(--_muted);
        font-size: 0.88em;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .who,
      .targets {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 12px;
        color: var(--_muted);
        font-size: 0.9em;
        min-width: 0;
      }
      .who > span,
      .targets > span {
        display: inline-flex;
        align-items: center;
        gap: 5px;
        min-width: 0;
      }
      .who strong {
        color: var(--_text);
        font-weight: 600;
      }
      .who svg.icon,
      .targets svg.icon {
        width: 15px;
        height: 15px;
      }
      button.linkish {
        font: inherit;
        min-height: 0;
        padding: 0;
        border: 0;
        background: none;
        color: var(--_accent);
        text-decoration: underline;
        text-underline-offset: 2px;
        font-weight: 500;
        cursor: pointer;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        max-width: 100%;
        display: inline-block;
      }
      button.linkish:hover:not(:disabled) {
        background: none;
        text-decoration-thickness: 2px;
      }
      .target-text {
        color: var(--_text);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .targets .mono {
        max-width: 28ch;
      }
      ul.details {
        list-style: none;
        margin: 4px 0 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      ul.details li {
        padding: 2px 9px;
        border-radius: 999px;
        background: var(--_surface-2);
        font-size: 0.85em;
        overflow-wrap: anywhere;
      }
      details.tech {
        font-size: 0.85em;
        color: var(--_muted);
        margin-top: 2px;
      }
      details.tech summary {
        cursor: pointer;
        width: max-content;
        max-width: 100%;
      }
      details.tech dl {
        margin: 6px 0 0;
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 2px 12px;
      }
      details.tech dt {
        font-weight: 600;
      }
      details.tech dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .skel li.entry {
        align-items: center;
      }
      .skel .line-a {
        display: block;
        height: 14px;
        width: 45%;
      }
      .skel .line-b {
        display: block;
        height: 11px;
        width: 30%;
        margin-top: 6px;
      }
      @container (max-width: 440px) {
        li.entry {
          padding: 10px 12px;
          gap: 4px 10px;
        }
        .glyph {
          width: 28px;
          height: 28px;
        }
        .targets .mono {
          max-width: 20ch;
        }
      }
    `,
  ];

  /** Only this room's entries. */
  @property({ attribute: "room-id", reflect: true }) roomId = "";
  /** Only this recording's entries. */
  @property({ attribute: "recording-id", reflect: true }) recordingId = "";
  /** Only this action (`start`, `room_deleted`, …). */
  @property({ reflect: true }) action = "";
  /** Only this kind of actor (`admin`, `api_key`, `member`, …). */
  @property({ attribute: "actor-kind", reflect: true }) actorKind = "";
  /** Entries per page ("Load more"), 1 to 100. */
  @property({ attribute: "page-size", type: Number, reflect: true }) pageSize = 50;

  @state() private entries: AuditEntry[] = [];
  @state() private nextPageToken = "";
  @state() private phase: "idle" | "loading" | "ready" | "error" | "forbidden" = "idle";
  @state() private loadingMore = false;
  @state() private failure = "";
  @state() private moreError = "";
  @state() private roomNames = new Map<string, string>();
  @state() private announcement = "";
  @state() private recordingDraft = "";

  private abort: AbortController | null = null;
  private generation = 0;
  private roomsLoaded = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.generation++;
    this.abort?.abort();
    clearTimeout(this.draftTimer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("recordingId")) this.recordingDraft = this.recordingId;
  }

  override updated(changed: PropertyValues<this>): void {
    if (
      changed.has("roomId") ||
      changed.has("recordingId") ||
      changed.has("action") ||
      changed.has("actorKind") ||
      changed.has("pageSize") ||
      changed.has("baseUrl") ||
      (changed.has("token") && !this.tokenRenewed(changed))
    ) {
      void this.reload();
    }
  }

  // -- public API --------------------------------------------------------------------------------------

  /** The filters in effect. */
  get filters(): ActivityFilters {
    return { roomId: this.roomId, recordingId: this.recordingId, action: this.action, actorKind: this.actorKind };
  }

  /** Load the newest entries again (the filters are kept). */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.phase = "loading";
    this.failure = "";
    this.moreError = "";
    this.entries = [];
    this.nextPageToken = "";
    if (!this.roomsLoaded) void this.loadRooms();
    try {
      await this.fetchPage(false, generation, abort.signal);
    } catch (err) {
      if (generation !== this.generation || (err as Error)?.name === "AbortError") return;
      if (err instanceof ApiError && (err.status === 403 || err.status === 401)) {
        this.phase = "forbidden";
        this.failure = this.report(err, "list-activity", this.t.forbiddenActivity);
      } else {
        this.phase = "error";
        this.failure = this.report(err, "list-activity");
      }
    }
  }

  // -- loading -----------------------------------------------------------------------------------------

  private get limit(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(100, Math.max(1, size)) : 50;
  }

  private async fetchPage(more: boolean, generation = this.generation, signal?: AbortSignal): Promise<void> {
    const page = await this.api.audit(
      {
        maxItems: this.limit,
        nextPageToken: more ? this.nextPageToken : undefined,
        roomId: this.roomId.trim(),
        recordingId: this.recordingId.trim(),
        action: this.action.trim(),
        actorKind: this.actorKind.trim(),
      },
      signal,
    );
    if (generation !== this.generation) return;
    const known = new Set(this.entries.map((e) => e.id));
    this.entries = more ? [...this.entries, ...page.entries.filter((e) => !known.has(e.id))] : page.entries;
    this.nextPageToken = page.pagination.nextPageToken ?? "";
    this.phase = "ready";
    this.learnNames(page.entries);
    this.announcement = this.countText();
    this.emit("meet-activity-loaded", { entries: this.entries, hasMore: !!this.nextPageToken });
  }

  private async loadMore(): Promise<void> {
    if (!this.nextPageToken || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = "";
    try {
      await this.fetchPage(true);
    } catch (err) {
      this.moreError = this.report(err, "list-activity");
    } finally {
      this.loadingMore = false;
    }
  }

  /** Room names for the room filter and the entries (the first hundred rooms). */
  private async loadRooms(): Promise<void> {
    this.roomsLoaded = true;
    try {
      const { rooms } = await this.api.listRooms();
      const names = new Map(this.roomNames);
      for (const room of rooms) names.set(room.roomId, room.roomName);
      this.roomNames = names;
    } catch {
      this.roomsLoaded = false;
    }
  }

  /** Names of rooms that are gone, from their creation entries. */
  private learnNames(entries: AuditEntry[]): void {
    let names: Map<string, string> | null = null;
    for (const entry of entries) {
      const name = (entry.details as { roomName?: unknown } | null)?.roomName;
      if (entry.roomId && typeof name === "string" && !this.roomNames.has(entry.roomId)) {
        names ??= new Map(this.roomNames);
        names.set(entry.roomId, name);
      }
    }
    if (names) this.roomNames = names;
  }

  // -- filters -----------------------------------------------------------------------------------------

  private setFilters(change: Partial<ActivityFilters>): void {
    Object.assign(this, change);
    this.emit("meet-activity-filters-changed", { ...this.filters, ...change });
  }

  private onRecordingInput(event: Event): void {
    this.recordingDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.applyRecordingDraft(), 500);
  }

  private applyRecordingDraft(): void {
    clearTimeout(this.draftTimer);
    const value = this.recordingDraft.trim();
    if (value !== this.recordingId) this.setFilters({ recordingId: value });
  }

  private clearFilters(): void {
    clearTimeout(this.draftTimer);
    this.recordingDraft = "";
    this.setFilters({ roomId: "", recordingId: "", action: "", actorKind: "" });
  }

  private get filtered(): boolean {
    return !!(this.roomId || this.recordingId || this.action || this.actorKind);
  }

  // -- words -------------------------------------------------------------------------------------------

  private word(prefix: string, value: string): string {
    return (this.t as Record<string, string>)[`${prefix}${value}`] ?? value;
  }

  private roomName(roomId: string): string {
    return this.roomNames.get(roomId) ?? roomId;
  }

  private countText(): string {
    const t = this.t;
    const n = this.entries.length;
    if (this.nextPageToken) return this.fill(t.activityCountMore, { count: n });
    return n === 1 ? t.activityCountOne : this.fill(t.activityCountMany, { count: n });
  }

  private settingValue(key: string, value: unknown): string {
    const t = this.t;
    const locale = this.locale;
    switch (key) {
      case "enabled":
        return value ? t.recordingOn : t.recordingOff;
      case "allowAccessTo":
        return this.word("access_", String(value));
      case "maxDuration":
        return typeof value === "number" ? formatDuration(value, locale) : t.noLimit;
      case "retentionDays":
        if (value === 0) return t.retentionForever;
        return typeof value === "number" ? formatDays(value, locale) : t.retentionDefault;
      default:
        return typeof value === "string" ? value : JSON.stringify(value);
    }
  }

  /** The entry's details in words, one short phrase each. */
  private detailsOf(entry: AuditEntry): string[] {
    const t = this.t;
    const locale = this.locale;
    const details = entry.details;
    if (!details || typeof details !== "object" || Array.isArray(details)) {
      return details == null ? [] : [String(typeof details === "object" ? JSON.stringify(details) : details)];
    }
    const d = details as Record<string, unknown>;
    const out: string[] = [];
    const seen = new Set<string>();
    const take = (key: string) => {
      seen.add(key);
      return d[key];
    };
    // The room's name names the room (see roomName()), not a detail of its own.
    take("roomName");
    switch (entry.action) {
      case "room_config_changed": {
        const recording = take("recording");
        if (recording && typeof recording === "object") {
          const names: Record<string, string> = {
            enabled: t.settingRecording,
            allowAccessTo: t.settingAccess,
            maxDuration: t.settingMaxDuration,
            retentionDays: t.settingRetention,
          };
          for (const [key, value] of Object.entries(recording as Record<string, unknown>)) {
            if (key === "layout") out.push(this.fill(t.detail_layout, { value: String(value) }));
            else if (key === "encoding") out.push(this.fill(t.detail_encoding, { value: this.settingValue(key, value) }));
            else out.push(this.fill(t.detail_setting, { setting: names[key] ?? key, value: this.settingValue(key, value) }));
          }
        }
        break;
      }
      case "room_deleted": {
        const policy = take("withRecordings");
        if (typeof policy === "string") out.push(this.word("detail_policy_", policy));
        break;
      }
      case "share_link_created": {
        const access = take("access");
        if (access === "public" || access === "private") out.push(this.word("detail_", access));
        const expires = take("expiresAt");
        if (typeof expires === "number") out.push(this.fill(t.detail_expires, { date: formatDate(expires, locale) }));
        break;
      }
      case "zip": {
        const ids = take("recordingIds");
        if (Array.isArray(ids)) out.push(this.fill(t.detail_recordings, { count: ids.length }));
        const bytes = take("bytes");
        if (typeof bytes === "number") out.push(formatSize(bytes, locale));
        break;
      }
      case "delete":
        if (take("bulk")) out.push(t.detail_bulk);
        break;
      case "token_issued": {
        const role = take("role");
        if (typeof role === "string") out.push(this.fill(t.detail_role, { role: this.word("role_", role) }));
        const name = take("name");
        if (typeof name === "string" && name) out.push(this.fill(t.detail_name, { name }));
        take("identity");
        if (take("refresh") === true) out.push(t.detail_refreshed);
        if (take("via") === "room page") out.push(t.detail_roomPage);
        break;
      }
      case "retention_delete": {
        const days = take("retentionDays");
        if (typeof days === "number") out.push(this.fill(t.detail_olderThan, { days: formatDays(days, locale) }));
        const start = take("startDate");
        if (typeof start === "number") out.push(this.fill(t.detail_recorded, { date: formatDate(start, locale) }));
        break;
      }
    }
    // Whatever the server says that is not known here: as it is.
    for (const [key, value] of Object.entries(d)) {
      if (seen.has(key) || value === null || value === undefined) continue;
      out.push(`${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
    }
    return out;
  }

  private groups(): Group[] {
    const t = this.t;
    const today = dayKey(Date.now());
    const yesterday = dayKey(Date.now() - 86_400_000);
    const groups: Group[] = [];
    for (const entry of this.entries) {
      const key = dayKey(entry.at);
      let group = groups[groups.length - 1];
      if (!group || group.key !== key) {
        const label = key === today ? t.today : key === yesterday ? t.yesterday : formatDay(entry.at, this.locale);
        group = { key, label, entries: [] };
        groups.push(group);
      }
      group.entries.push(entry);
    }
    return groups;
  }

  // -- rendering ---------------------------------------------------------------------------------------

  private renderTools() {
    const t = this.t;
    const actions: string[] = [...AUDIT_ACTIONS];
    if (this.action && !actions.includes(this.action)) actions.push(this.action);
    const actors: string[] = [...ACTOR_KINDS];
    if (this.actorKind && !actors.includes(this.actorKind)) actors.push(this.actorKind);
    const rooms = [...this.roomNames.entries()].sort((a, b) => a[1].localeCompare(b[1], this.locale));
    if (this.roomId && !this.roomNames.has(this.roomId)) rooms.unshift([this.roomId, this.roomId]);
    return html`
      <div class="tools" part="toolbar">
        <select part="action-filter" aria-label=${t.filterAction} @change=${(e: Event) => this.setFilters({ action: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.action}>${t.allActions}</option>
          ${actions.map((a) => html`<option value=${a} ?selected=${this.action === a}>${this.word("action_", a)}</option>`)}
        </select>
        <select part="actor-filter" aria-label=${t.filterActor} @change=${(e: Event) => this.setFilters({ actorKind: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.actorKind}>${t.allActors}</option>
          ${actors.map((a) => html`<option value=${a} ?selected=${this.actorKind === a}>${this.word("actor_", a)}</option>`)}
        </select>
        <select part="room-filter" aria-label=${t.roomFilter} @change=${(e: Event) => this.setFilters({ roomId: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.roomId}>${t.allRooms}</option>
          ${rooms.map(([id, name]) => html`<option value=${id} ?selected=${this.roomId === id}>${name}</option>`)}
        </select>
        <label class="search">
          ${icon("search")}
          <span class="sr-only">${t.filterRecording}</span>
          <input
            type="search"
            part="recording-filter"
            placeholder=${t.filterRecording}
            spellcheck="false"
            autocomplete="off"
            .value=${live(this.recordingDraft)}
            @input=${this.onRecordingInput}
            @change=${this.applyRecordingDraft}
          />
        </label>
        ${this.filtered
          ? html`<button class="ghost" part="clear-filters" @click=${this.clearFilters}>${icon("close")} ${t.clearFilters}</button>`
          : nothing}
        <button class="icon" part="refresh-button" aria-label=${t.refresh} title=${t.refresh} ?disabled=${this.phase === "loading"} @click=${() => this.reload()}>
          ${icon("refresh")}
        </button>
      </div>
    `;
  }

  private renderEntry(entry: AuditEntry) {
    const t = this.t;
    const locale = this.locale;
    const details = this.detailsOf(entry);
    const roomName = entry.roomId ? this.roomName(entry.roomId) : "";
    const iso = new Date(entry.at).toISOString();
    return html`
      <li class="entry" part="entry" data-action=${entry.action}>
        <span class="glyph k-${KINDS[entry.action] ?? "other"}" aria-hidden="true">${icon(ICONS[entry.action] ?? "info")}</span>
        <div class="body">
          <div class="line">
            <span class="what" part="entry-action">${this.word("action_", entry.action)}</span>
            <time part="entry-time" datetime=${iso} title=${formatDate(entry.at, locale)}>${formatTime(entry.at, locale)}</time>
          </div>
          <div class="who" part="entry-actor">
            <span>
              ${icon(ACTOR_ICONS[entry.actorKind] ?? "person")}
              <span class="sr-only">${t.filterActor}: </span>${this.word("actor_", entry.actorKind)}
              ${entry.actorName ? html`<strong>${entry.actorName}</strong>` : nothing}
              ${entry.actorRole ? html`<span>(${this.word("role_", entry.actorRole)})</span>` : nothing}
            </span>
          </div>
          ${entry.roomId || entry.recordingId
            ? html`<div class="targets" part="entry-target">
                ${entry.roomId
                  ? html`<span>
                      ${icon("room")}<span class="sr-only">${t.entryRoom}: </span>
                      ${this.roomId === entry.roomId
                        ? html`<span class="target-text" title=${entry.roomId}>${roomName}</span>`
                        : html`<button
                            class="linkish"
                            part="entry-room"
                            title=${entry.roomId}
                            aria-label=${this.fill(t.filterByRoom, { name: roomName })}
                            @click=${() => this.setFilters({ roomId: entry.roomId ?? "" })}
                          >
                            ${roomName}
                          </button>`}
                    </span>`
                  : nothing}
                ${entry.recordingId
                  ? html`<span>
                      ${icon("library")}<span class="sr-only">${t.entryRecording}: </span>
                      ${this.recordingId === entry.recordingId
                        ? html`<span class="target-text mono" title=${entry.recordingId}>${entry.recordingId}</span>`
                        : html`<button
                            class="linkish mono"
                            part="entry-recording"
                            title=${entry.recordingId}
                            aria-label=${this.fill(t.filterByRecording, { id: entry.recordingId })}
                            @click=${() => this.setFilters({ recordingId: entry.recordingId ?? "" })}
                          >
                            ${entry.recordingId}
                          </button>`}
                    </span>`
                  : nothing}
              </div>`
            : nothing}
          ${details.length
            ? html`<ul class="details" part="entry-details">
                ${details.map((d) => html`<li>${d}</li>`)}
              </ul>`
            : nothing}
          ${entry.client || entry.requestId
            ? html`<details class="tech" part="entry-more">
                <summary>${t.entryMore}</summary>
                <dl>
                  <dt>${t.entryId}</dt>
                  <dd>${entry.id} · ${formatDate(entry.at, locale)}</dd>
                  ${entry.client ? html`<dt>${t.entryClient}</dt><dd class="mono">${entry.client}</dd>` : nothing}
                  ${entry.requestId ? html`<dt>${t.entryRequest}</dt><dd class="mono">${entry.requestId}</dd>` : nothing}
                </dl>
              </details>`
            : nothing}
        </div>
      </li>
    `;
  }

  private renderSkeleton() {
    return html`<div class="days skel" aria-hidden="true">
      <ol>
        ${[0, 1, 2, 3].map(
          () => html`<li class="entry">
            <span class="glyph skeleton"></span>
            <span class="body"><span class="skeleton line-a"></span><span class="skeleton line-b"></span></span>
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private renderBody() {
    const t = this.t;
    if (this.phase === "loading" || this.phase === "idle") {
      return html`<div role="status" class="sr-only">${t.activityLoading}</div>
        ${this.renderSkeleton()}`;
    }
    if (this.phase === "forbidden") {
      return html`<div class="state forbidden" part="forbidden" role="alert">
        <div class="big">${icon("lock")}</div>
        <h3>${this.failure}</h3>
      </div>`;
    }
    if (this.phase === "error") {
      return html`<div class="state error" part="error" role="alert">
        <div class="big">${icon("error")}</div>
        <h3>${t.errorTitle}</h3>
        <p>${this.failure}</p>
        <button class="primary" @click=${() => this.reload()}>${icon("refresh")} ${t.retry}</button>
        ${this.filtered ? html`<button @click=${this.clearFilters}>${t.clearFilters}</button>` : nothing}
      </div>`;
    }
    if (!this.entries.length) {
      return this.filtered
        ? html`<div class="state" part="empty">
            <div class="big">${icon("filter")}</div>
            <h3>${t.activityEmptyFilteredTitle}</h3>
            <p>${t.activityEmptyFiltered}</p>
            <button @click=${this.clearFilters}>${t.clearFilters}</button>
          </div>`
        : html`<div class="state" part="empty">
            <div class="big">${icon("history")}</div>
            <h3>${t.activityEmptyTitle}</h3>
            <p>${t.activityEmpty}</p>
          </div>`;
    }
    return html`
      <div class="days" part="list">
        ${this.groups().map(
          (group, i) => html`<section class="day" part="day" aria-labelledby="day-${i}">
            <h3 class="day-title" part="day-title" id="day-${i}">${group.label}</h3>
            <ol aria-labelledby="day-${i}">
              ${group.entries.map((entry) => this.renderEntry(entry))}
            </ol>
          </section>`,
        )}
      </div>
      ${this.moreError
        ? html`<div class="notice error" role="alert">${icon("warning")}<p>${this.moreError}</p></div>`
        : nothing}
      ${this.nextPageToken
        ? html`<div class="more">
            <button part="load-more" @click=${this.loadMore} ?disabled=${this.loadingMore}>
              ${this.loadingMore ? html`<span class="spinner" aria-hidden="true"></span>${t.loadingMore}` : t.loadMore}
            </button>
          </div>`
        : nothing}
    `;
  }

  override render() {
    const t = this.t;
    return html`
      <section class="root" part="container" aria-busy=${this.phase === "loading" ? "true" : "false"}>
        <div class="head" part="header">
          <div class="title">
            <h2 part="title" tabindex="-1">${t.activityTitle}</h2>
            ${this.phase === "ready" ? html`<span class="count" part="count">${this.countText()}</span>` : nothing}
          </div>
          ${this.phase === "forbidden" ? nothing : this.renderTools()}
        </div>
        ${this.renderBody()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "meet-activity": MeetActivity;
  }
}
