// <meet-rooms>: the rooms of a deployment and their recording settings (administrators and API keys):
// list and search, create, edit the recording settings, copy the room links, delete with a choice of what
// happens to the room's recordings.

import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { live } from "lit/directives/live.js";
import { repeat } from "lit/directives/repeat.js";

import {
  ACCESS_LEVELS,
  ApiError,
  fieldErrors,
  type AllowAccessTo,
  type RoomDeletePolicy,
  type RoomInfo,
  type RoomRecordingConfig,
} from "./api.js";
import { MeetElement, copyText } from "./base.js";
import type { MeetDialog } from "./dialog.js";
import "./dialog.js";
import { formatDate, formatDays, formatDuration } from "./format.js";
import { icon } from "./icons.js";
import { controls, forms, tokens, views } from "./styles.js";

const POLICIES: readonly RoomDeletePolicy[] = ["fail", "close", "force"];

/** The settings dialog's fields, as typed (numbers stay text until they are sent). */
interface SettingsForm {
  name: string;
  enabled: boolean;
  access: AllowAccessTo;
  maxDuration: string;
  unit: "seconds" | "minutes";
  retention: string;
}

type FieldKey = "name" | "enabled" | "access" | "maxDuration" | "retention";
const FIELD_ORDER: readonly FieldKey[] = ["name", "enabled", "access", "maxDuration", "retention"];
/** The API's field names (the last part of a 422's `field`) and the dialog's. */
const API_FIELDS: Record<string, FieldKey> = {
  roomName: "name",
  enabled: "enabled",
  allowAccessTo: "access",
  maxDuration: "maxDuration",
  retentionDays: "retention",
};

interface FieldProblem {
  message: string;
  /** The server's own words, shown under the explanation. */
  server?: string;
}

interface Notice {
  kind: "error" | "warning" | "success";
  message: string;
  /** A link to show for copying by hand. */
  link?: string;
}

const DIALOG_PARTS = "dialog, dialog-header, dialog-title, dialog-close, dialog-body, dialog-footer";

@customElement("meet-rooms")
export class MeetRooms extends MeetElement {
  static override styles = [
    tokens,
    controls,
    views,
    forms,
    css`
      ul.list {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li.item {
        display: grid;
        gap: 12px;
        padding: 14px 16px;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        transition: border-color 0.15s;
      }
      li.item:hover {
        border-color: color-mix(in srgb, var(--_text) 22%, var(--_border));
      }
      li.item.fresh {
        border-color: var(--_accent);
        box-shadow: 0 0 0 1px var(--_accent);
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 4px 16px;
        min-width: 0;
      }
      .name-row {
        display: flex;
        align-items: center;
        gap: 10px;
        min-width: 0;
      }
      h3.name {
        margin: 0;
        font-size: 1.05em;
        font-weight: 700;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        min-width: 0;
      }
      .badge.s-open {
        --_badge: var(--_success);
      }
      .badge.s-closed {
        --_badge: var(--_muted);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 14px;
        color: var(--_muted);
        font-size: 0.88em;
        min-width: 0;
      }
      .meta span {
        display: inline-flex;
        align-items: center;
        gap: 5px;
        min-width: 0;
      }
      .meta .mono {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .meta svg.icon {
        width: 15px;
        height: 15px;
      }
      dl.settings {
        margin: 0;
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 8px;
      }
      dl.settings > div {
        padding: 8px 12px;
        border-radius: var(--_radius-sm);
        background: var(--_surface-2);
        min-width: 0;
      }
      dt {
        color: var(--_muted);
        font-size: 0.8em;
        font-weight: 600;
      }
      dd {
        margin: 2px 0 0;
        font-weight: 650;
        font-size: 0.94em;
        display: flex;
        align-items: center;
        gap: 6px;
      }
      dd.off {
        color: var(--_warning);
      }
      dd .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: currentColor;
        flex: none;
      }
      dd.on .dot {
        color: var(--_success);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
      }
      .actions .spacer {
        flex: 1;
      }
      .actions button:not(.icon),
      .actions a.btn {
        min-height: 36px;
        padding: 0 0.8em;
      }
      .notice .link {
        display: block;
        margin-top: 6px;
        word-break: break-all;
      }
      p.count-line {
        margin: 0 0 16px;
        display: flex;
        gap: 8px;
        align-items: center;
        color: var(--_muted);
      }
      .confirm-body {
        display: grid;
        gap: 16px;
      }
      .skel {
        display: grid;
        gap: 12px;
      }
      .skel .line {
        height: 14px;
        width: 40%;
      }
      .skel .line.narrow {
        width: 25%;
        height: 11px;
      }
      .skel .boxes {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 8px;
      }
      .skel .boxes span {
        height: 44px;
      }
      @container (max-width: 760px) {
        dl.settings {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
      @container (max-width: 440px) {
        li.item {
          padding: 12px;
        }
        .actions > button:not(.icon),
        .actions > a.btn {
          flex: 1 1 40%;
        }
        .actions .spacer {
          display: none;
        }
      }
    `,
  ];

  /** Rooms per page ("Load more"), 1 to 100. */
  @property({ attribute: "page-size", type: Number, reflect: true }) pageSize = 20;
  /** The deployment's default retention in days (0: kept forever), shown for rooms without their own. */
  @property({ attribute: "default-retention-days", type: Number, reflect: true })
  defaultRetentionDays: number | null = null;
  /** Where a room's activity is, with `{roomId}` filled in (e.g. `/meet/console?view=activity&roomId={roomId}`);
   * empty: no "Activity" link. */
  @property({ attribute: "activity-href", reflect: true }) activityHref = "";

  @state() private items: RoomInfo[] = [];
  @state() private nextPageToken = "";
  @state() private phase: "idle" | "loading" | "ready" | "error" | "forbidden" = "idle";
  @state() private loadingMore = false;
  @state() private failure = "";
  @state() private search = "";
  @state() private notice: Notice | null = null;
  @state() private announcement = "";
  @state() private toast = "";
  @state() private fresh = "";

  // The settings dialog: `editing` a room, or creating one.
  @state() private editing: RoomInfo | null = null;
  @state() private creating = false;
  @state() private form: SettingsForm = emptyForm();
  @state() private notNumber = new Set<FieldKey>();
  @state() private errors: Partial<Record<FieldKey, FieldProblem>> = {};
  @state() private formError = "";
  @state() private saving = false;

  // The delete dialog.
  @state() private deleting: RoomInfo | null = null;
  @state() private policy: RoomDeletePolicy = "fail";
  @state() private recordingCount: number | null = null;
  @state() private countMore = false;
  @state() private counting = false;
  @state() private deleteBusy = false;
  @state() private deleteError = "";

  @query("meet-dialog.settings") private settingsDialog!: MeetDialog;
  @query("meet-dialog.delete") private deleteDialog!: MeetDialog;
  @query("h2") private heading!: HTMLElement;
  @query(".toast") private toastEl?: HTMLElement;

  private abort: AbortController | null = null;
  private generation = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private freshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The room just created: its settings button gets the focus when the dialog closes. */
  private focusAfterClose = "";

  // -- lifecycle -------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.generation++;
    this.abort?.abort();
    clearTimeout(this.searchTimer);
    clearTimeout(this.toastTimer);
    clearTimeout(this.freshTimer);
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has("token") && !this.tokenRenewed(changed)) || changed.has("baseUrl") || changed.has("pageSize")) {
      void this.reload();
    }
  }

  // -- public API --------------------------------------------------------------------------------------

  /** Load the rooms again from the first page (the search is kept). */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.phase = "loading";
    this.failure = "";
    this.items = [];
    this.nextPageToken = "";
    try {
      await this.fetchPage(false, generation, abort.signal);
    } catch (err) {
      if (generation !== this.generation || (err as Error)?.name === "AbortError") return;
      if (err instanceof ApiError && (err.status === 403 || err.status === 401)) {
        this.phase = "forbidden";
        this.failure = this.report(err, "list-rooms", this.t.forbiddenRooms);
      } else {
        this.phase = "error";
        this.failure = this.report(err, "list-rooms");
      }
    }
  }

  /** Open the dialog that creates a room. */
  async createRoom(): Promise<void> {
    this.editing = null;
    this.creating = true;
    this.form = emptyForm();
    this.resetProblems();
    await this.updateComplete;
    this.settingsDialog.show();
  }

  /** Open the settings dialog of a room. */
  async editRoom(room: RoomInfo): Promise<void> {
    this.creating = false;
    this.editing = room;
    this.form = formOf(room);
    this.resetProblems();
    await this.updateComplete;
    this.settingsDialog.show();
  }

  // -- loading -----------------------------------------------------------------------------------------

  private get limit(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(100, Math.max(1, size)) : 20;
  }

  private async fetchPage(more: boolean, generation = this.generation, signal?: AbortSignal): Promise<void> {
    const page = await this.api.roomsPage(
      {
        maxItems: this.limit,
        nextPageToken: more ? this.nextPageToken : undefined,
        roomName: this.search.trim(),
      },
      signal,
    );
    if (generation !== this.generation) return;
    const known = new Set(this.items.map((r) => r.roomId));
    this.items = more ? [...this.items, ...page.rooms.filter((r) => !known.has(r.roomId))] : page.rooms;
    this.nextPageToken = page.pagination.nextPageToken ?? "";
    this.phase = "ready";
    this.announcement = this.countText();
    this.emit("meet-rooms-loaded", { rooms: this.items, hasMore: !!this.nextPageToken });
  }

  private async loadMore(): Promise<void> {
    if (!this.nextPageToken || this.loadingMore) return;
    this.loadingMore = true;
    try {
      await this.fetchPage(true);
    } catch (err) {
      this.notice = { kind: "error", message: this.report(err, "list-rooms") };
    } finally {
      this.loadingMore = false;
    }
  }

  private onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.reload(), 300);
  }

  private countText(): string {
    const t = this.t;
    const n = this.items.length;
    if (this.nextPageToken) return this.fill(t.roomsCountMore, { count: n });
    return n === 1 ? t.roomsCountOne : this.fill(t.roomsCountMany, { count: n });
  }

  // -- the settings dialog -----------------------------------------------------------------------------

  private resetProblems(): void {
    this.errors = {};
    this.formError = "";
    this.notNumber = new Set();
    this.saving = false;
  }

  private setField<K extends keyof SettingsForm>(key: K, value: SettingsForm[K]): void {
    this.form = { ...this.form, [key]: value };
    const field = key === "unit" ? "maxDuration" : (key as FieldKey);
    if (this.errors[field]) {
      const { [field]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private onNumber(key: "maxDuration" | "retention", event: Event): void {
    const input = event.target as HTMLInputElement;
    const bad = new Set(this.notNumber);
    if (input.validity.badInput) bad.add(key);
    else bad.delete(key);
    this.notNumber = bad;
    this.setField(key, input.value);
  }

  /** The number typed in a field: `null` when empty, `undefined` when it is not a number. */
  private numberOf(key: "maxDuration" | "retention"): number | null | undefined {
    const raw = this.form[key].trim();
    if (this.notNumber.has(key)) return undefined;
    if (!raw) return null;
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const t = this.t;
    const form = this.form;
    const problems: Partial<Record<FieldKey, FieldProblem>> = {};
    let maxDuration = this.numberOf("maxDuration");
    const retention = this.numberOf("retention");
    if (maxDuration === undefined) problems.maxDuration = { message: t.notANumber };
    if (retention === undefined) problems.retention = { message: t.notANumber };
    // Minutes are sent as seconds (whole ones: the API counts in seconds).
    if (typeof maxDuration === "number" && form.unit === "minutes") maxDuration = Math.round(maxDuration * 60);
    if (Object.keys(problems).length) return this.showProblems(problems, "");

    const editing = this.editing;
    const changes: Partial<RoomRecordingConfig> = {};
    if (editing) {
      const now = editing.config.recording;
      if (form.enabled !== now.enabled) changes.enabled = form.enabled;
      if (form.access !== now.allowAccessTo) changes.allowAccessTo = form.access;
      if ((maxDuration ?? null) !== (now.maxDuration ?? null)) changes.maxDuration = maxDuration ?? null;
      if ((retention ?? null) !== (now.retentionDays ?? null)) changes.retentionDays = retention ?? null;
      if (!Object.keys(changes).length) {
        this.settingsDialog.close();
        this.flash(t.noChanges);
        return;
      }
    } else {
      changes.enabled = form.enabled;
      changes.allowAccessTo = form.access;
      if (maxDuration != null) changes.maxDuration = maxDuration;
      if (retention != null) changes.retentionDays = retention;
    }

    this.saving = true;
    this.formError = "";
    this.errors = {};
    try {
      if (editing) {
        const room = await this.api.updateRoomRecording(editing.roomId, changes);
        this.replace(room);
        this.saving = false;
        this.settingsDialog.close();
        this.flash(this.fill(t.roomSaved, { name: room.roomName }));
        this.emit("meet-room-updated", { room, changes });
      } else {
        const room = await this.api.createRoom(form.name.trim(), changes);
        const search = this.search.trim().toLowerCase();
        if (!search || room.roomName.toLowerCase().includes(search)) {
          this.items = [room, ...this.items.filter((r) => r.roomId !== room.roomId)];
          this.fresh = room.roomId;
          this.focusAfterClose = room.roomId;
          clearTimeout(this.freshTimer);
          this.freshTimer = setTimeout(() => (this.fresh = ""), 4000);
        }
        this.saving = false;
        this.settingsDialog.close();
        this.flash(this.fill(t.roomCreatedToast, { name: room.roomName }));
        this.emit("meet-room-created", { room });
      }
    } catch (err) {
      this.saving = false;
      const action = editing ? "update-room" : "create-room";
      const details = fieldErrors(err);
      if (err instanceof ApiError && err.status === 404 && editing) {
        this.settingsDialog.close();
        this.forget(editing, this.report(err, action));
        return;
      }
      if (!details.length) {
        this.formError = this.report(err, action);
        return;
      }
      this.report(err, action);
      const unmatched: string[] = [];
      for (const detail of details) {
        const key = API_FIELDS[detail.field.split(".").pop() ?? ""];
        if (key && (key !== "name" || !editing)) {
          problems[key] ??= { message: this.explain(key), server: detail.message };
        } else {
          unmatched.push(`${detail.field}: ${detail.message}`);
        }
      }
      await this.showProblems(problems, unmatched.join(" "));
    }
  }

  /** What a field takes, in words (shown when the server refused its value). */
  private explain(key: FieldKey): string {
    const t = this.t;
    switch (key) {
      case "name":
        return t.invalidRoomName;
      case "maxDuration":
        return t.invalidMaxDuration;
      case "retention":
        return t.invalidRetention;
      case "access":
        return t.invalidAccess;
      default:
        return t.invalidField;
    }
  }

  private async showProblems(problems: Partial<Record<FieldKey, FieldProblem>>, extra: string): Promise<void> {
    this.errors = problems;
    this.formError = extra ? `${this.t.fixErrors} ${extra}` : this.t.fixErrors;
    await this.updateComplete;
    const first = FIELD_ORDER.find((key) => problems[key]);
    const target = first
      ? this.renderRoot.querySelector<HTMLElement>(
          first === "access" ? `input[name="access"]:checked` : `#f-${first}`,
        )
      : null;
    target?.focus();
    // The explanation under the field, in view too (the dialog's body scrolls).
    if (first) this.renderRoot.querySelector(`#e-${first}`)?.scrollIntoView({ block: "nearest" });
  }

  private onSettingsClosed(): void {
    this.editing = null;
    this.creating = false;
    this.saving = false;
    const id = this.focusAfterClose;
    this.focusAfterClose = "";
    if (id) {
      // The new room's card: focus its settings button, so the next step is one key away.
      void this.updateComplete.then(() => {
        this.renderRoot
          .querySelector<HTMLElement>(`li[data-room-id="${CSS.escape(id)}"] [part="edit-button"]`)
          ?.focus();
      });
    }
  }

  // -- links -------------------------------------------------------------------------------------------

  private async copyLink(room: RoomInfo, role: "moderator" | "speaker"): Promise<void> {
    const t = this.t;
    const url = role === "moderator" ? room.moderatorUrl : room.speakerUrl;
    const ok = await copyText(url);
    if (ok) {
      this.notice = null;
      this.flash(this.fill(role === "moderator" ? t.moderatorLinkCopied : t.speakerLinkCopied, { name: room.roomName }));
      this.emit("meet-link-copied", { roomId: room.roomId, role, url });
    } else {
      this.notice = { kind: "warning", message: t.copyLinkByHand, link: url };
    }
  }

  private activityUrl(room: RoomInfo): string {
    return this.activityHref.replaceAll("{roomId}", encodeURIComponent(room.roomId));
  }

  // -- deleting ----------------------------------------------------------------------------------------

  private async askDelete(room: RoomInfo): Promise<void> {
    this.deleting = room;
    this.policy = "fail";
    this.deleteError = "";
    this.deleteBusy = false;
    this.recordingCount = null;
    this.countMore = false;
    this.counting = true;
    await this.updateComplete;
    this.deleteDialog.show();
    try {
      const page = await this.api.listRecordings({ roomId: room.roomId, maxItems: 100 });
      if (this.deleting?.roomId !== room.roomId) return;
      this.recordingCount = page.recordings.length;
      this.countMore = page.pagination.isTruncated;
    } catch {
      this.recordingCount = null;
    } finally {
      if (this.deleting?.roomId === room.roomId) this.counting = false;
    }
  }

  private async confirmDelete(): Promise<void> {
    const room = this.deleting;
    if (!room || this.deleteBusy) return;
    const t = this.t;
    const policy = this.policy;
    this.deleteBusy = true;
    this.deleteError = "";
    try {
      const answer = await this.api.deleteRoom(room.roomId, policy);
      this.deleteBusy = false;
      this.deleteDialog.close();
      if (answer.room) {
        this.replace(answer.room);
        this.flash(this.fill(t.roomClosed, { name: room.roomName }));
      } else {
        this.items = this.items.filter((r) => r.roomId !== room.roomId);
        this.flash(
          this.fill(policy === "force" && this.recordingCount !== 0 ? t.roomDeletedWithRecordings : t.roomDeleted, {
            name: room.roomName,
          }),
        );
      }
      this.emit("meet-room-deleted", {
        roomId: room.roomId,
        roomName: room.roomName,
        withRecordings: policy,
        room: answer.room ?? null,
      });
      await this.updateComplete;
      if (!answer.room) this.heading?.focus();
    } catch (err) {
      this.deleteBusy = false;
      if (err instanceof ApiError && err.status === 409) {
        this.report(err, "delete-room");
        this.deleteError = this.fill(t.deleteRoomConflict, { name: room.roomName });
        if (this.recordingCount === 0) this.recordingCount = null;
      } else if (err instanceof ApiError && err.status === 404) {
        this.deleteDialog.close();
        this.forget(room, this.fill(t.roomGone, { name: room.roomName }));
        this.report(err, "delete-room");
      } else {
        this.deleteError = this.report(err, "delete-room");
      }
    }
  }

  private onDeleteClosed(): void {
    this.deleting = null;
    this.deleteError = "";
  }

  // -- helpers -----------------------------------------------------------------------------------------

  private replace(room: RoomInfo): void {
    this.items = this.items.map((r) => (r.roomId === room.roomId ? room : r));
  }

  /** A room that is gone (deleted elsewhere): off the list, with a word why. */
  private forget(room: RoomInfo, message: string): void {
    this.items = this.items.filter((r) => r.roomId !== room.roomId);
    this.notice = { kind: "warning", message };
  }

  private flash(message: string): void {
    this.toast = message;
    this.announcement = message;
    const el = this.toastEl;
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

  private accessLabel(access: string): string {
    return (this.t as Record<string, string>)[`access_${access}`] ?? access;
  }

  private retentionText(days: number | null | undefined): string {
    const t = this.t;
    if (days === 0) return t.retentionForever;
    if (typeof days === "number") return formatDays(days, this.locale);
    const fallback = this.defaultRetentionDays;
    if (typeof fallback === "number" && Number.isFinite(fallback)) {
      return this.fill(t.retentionDefaultIs, {
        value: fallback === 0 ? t.retentionForever.toLowerCase() : formatDays(fallback, this.locale),
      });
    }
    return t.retentionDefault;
  }

  // -- rendering ---------------------------------------------------------------------------------------

  private renderTools() {
    const t = this.t;
    const busy = this.phase === "loading";
    return html`
      <div class="tools" part="toolbar">
        <label class="search">
          ${icon("search")}
          <span class="sr-only">${t.roomsSearch}</span>
          <input type="search" part="search" placeholder=${t.roomsSearch} .value=${this.search} @input=${this.onSearch} />
        </label>
        <button class="icon" part="refresh-button" aria-label=${t.refresh} title=${t.refresh} ?disabled=${busy} @click=${() => this.reload()}>
          ${icon("refresh")}
        </button>
        <button class="primary" part="new-room-button" @click=${() => this.createRoom()}>${icon("add")} ${t.newRoom}</button>
      </div>
    `;
  }

  private renderItem(room: RoomInfo) {
    const t = this.t;
    const locale = this.locale;
    const rec = room.config.recording;
    const name = room.roomName;
    return html`
      <li class="item ${this.fresh === room.roomId ? "fresh" : ""}" part="item" data-room-id=${room.roomId}>
        <div class="top">
          <div class="name-row">
            <h3 class="name" part="item-title">${name}</h3>
            <span class="badge s-${room.status}" part="item-status">
              ${(t as Record<string, string>)[`roomStatus_${room.status}`] ?? room.status}
            </span>
          </div>
          <div class="meta" part="item-meta">
            <span>${icon("calendar")}${this.fill(t.roomCreatedOn, { date: formatDate(room.creationDate, locale) })}</span>
            <span title=${room.roomId}><span class="sr-only">${t.roomId}: </span><span class="mono">${room.roomId}</span></span>
          </div>
        </div>
        <dl class="settings" part="settings">
          <div>
            <dt>${t.settingRecording}</dt>
            <dd class=${rec.enabled ? "on" : "off"}><span class="dot" aria-hidden="true"></span>${rec.enabled ? t.recordingOn : t.recordingOff}</dd>
          </div>
          <div>
            <dt>${t.settingAccess}</dt>
            <dd>${this.accessLabel(rec.allowAccessTo)}</dd>
          </div>
          <div>
            <dt>${t.settingMaxDuration}</dt>
            <dd>${rec.maxDuration ? formatDuration(rec.maxDuration, locale) : t.noLimit}</dd>
          </div>
          <div>
            <dt>${t.settingRetention}</dt>
            <dd>${this.retentionText(rec.retentionDays)}</dd>
          </div>
        </dl>
        <div class="actions" part="actions">
          <button part="edit-button" aria-label=${this.fill(t.editSettingsOf, { name })} @click=${() => this.editRoom(room)}>
            ${icon("tune")} ${t.editSettings}
          </button>
          <button part="copy-moderator-link" aria-label=${this.fill(t.copyModeratorLinkOf, { name })} @click=${() => this.copyLink(room, "moderator")}>
            ${icon("copy")} ${t.moderatorLink}
          </button>
          <button part="copy-speaker-link" aria-label=${this.fill(t.copySpeakerLinkOf, { name })} @click=${() => this.copyLink(room, "speaker")}>
            ${icon("copy")} ${t.speakerLink}
          </button>
          ${this.activityHref
            ? html`<a class="btn" part="activity-link" href=${this.activityUrl(room)} aria-label=${this.fill(t.roomActivityOf, { name })}>
                ${icon("history")} ${t.roomActivity}
              </a>`
            : nothing}
          <span class="spacer"></span>
          <button
            class="icon ghost danger-hover"
            part="delete-button"
            aria-label=${this.fill(t.deleteRoomOf, { name })}
            title=${t.delete}
            @click=${() => this.askDelete(room)}
          >
            ${icon("delete")}
          </button>
        </div>
      </li>
    `;
  }

  private renderSkeleton() {
    return html`
      <ul class="list" aria-hidden="true">
        ${[0, 1, 2].map(
          () => html`<li class="item skel">
            <span class="skeleton line"></span>
            <span class="skeleton line narrow"></span>
            <span class="boxes"><span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span></span>
          </li>`,
        )}
      </ul>
    `;
  }

  private renderBody() {
    const t = this.t;
    if (this.phase === "loading" || this.phase === "idle") {
      return html`<div role="status" class="sr-only">${t.roomsLoading}</div>
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
      </div>`;
    }
    if (!this.items.length) {
      return this.search.trim()
        ? html`<div class="state" part="empty">
            <div class="big">${icon("filter")}</div>
            <h3>${t.roomsEmptyFilteredTitle}</h3>
            <p>${this.fill(t.roomsEmptyFiltered, { search: this.search.trim() })}</p>
          </div>`
        : html`<div class="state" part="empty">
            <div class="big">${icon("room")}</div>
            <h3>${t.roomsEmptyTitle}</h3>
            <p>${t.roomsEmpty}</p>
            <button class="primary" @click=${() => this.createRoom()}>${icon("add")} ${t.newRoom}</button>
          </div>`;
    }
    return html`
      <ul class="list" part="list" aria-label=${t.roomsTitle}>
        ${repeat(
          this.items,
          (r) => r.roomId,
          (r) => this.renderItem(r),
        )}
      </ul>
      ${this.nextPageToken
        ? html`<div class="more">
            <button part="load-more" @click=${this.loadMore} ?disabled=${this.loadingMore}>
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
        ${n.link ? html`<span class="link mono">${n.link}</span>` : nothing}
      </div>
      <button class="icon ghost" aria-label=${this.t.close} @click=${() => (this.notice = null)}>${icon("close")}</button>
    </div>`;
  }

  private fieldError(key: FieldKey) {
    const problem = this.errors[key];
    if (!problem) return nothing;
    return html`<p class="field-error" id="e-${key}" part="field-error">
      ${icon("error")}
      <span>
        ${problem.message}
        ${problem.server ? html`<span class="server">${this.fill(this.t.serverSaid, { message: problem.server })}</span>` : nothing}
      </span>
    </p>`;
  }

  private describedBy(key: FieldKey, hint = true): string {
    return [hint ? `h-${key}` : "", this.errors[key] ? `e-${key}` : ""].filter(Boolean).join(" ");
  }

  private renderSettingsDialog() {
    const t = this.t;
    const form = this.form;
    const creating = this.creating;
    const editing = this.editing;
    const invalid = (key: FieldKey) => (this.errors[key] ? "true" : "false");
    const fallback = this.defaultRetentionDays;
    const retentionHint =
      typeof fallback === "number" && Number.isFinite(fallback)
        ? this.fill(t.retentionHintDefault, {
            value: fallback === 0 ? t.retentionForever.toLowerCase() : formatDays(fallback, this.locale),
          })
        : t.retentionHint;
    return html`
      <meet-dialog
        class="settings"
        size="md"
        keep-open
        theme=${this.theme}
        .heading=${creating ? t.createRoomTitle : editing ? this.fill(t.editRoomTitle, { name: editing.roomName }) : ""}
        .closeLabel=${t.close}
        exportparts=${DIALOG_PARTS}
        @meet-dialog-close=${this.onSettingsClosed}
      >
        ${creating || editing
          ? html`<form id="room-form" part="settings-form" novalidate @submit=${this.submit}>
              ${this.formError
                ? html`<div class="notice error" role="alert" part="form-error">${icon("warning")}<p>${this.formError}</p></div>`
                : nothing}
              ${creating
                ? html`<div class="field">
                    <label for="f-name">${t.roomName}</label>
                    <input
                      id="f-name"
                      type="text"
                      part="room-name"
                      autocomplete="off"
                      maxlength="200"
                      required
                      data-autofocus
                      aria-invalid=${invalid("name")}
                      aria-describedby=${this.describedBy("name", false) || nothing}
                      .value=${live(form.name)}
                      @input=${(e: Event) => this.setField("name", (e.target as HTMLInputElement).value)}
                    />
                    ${this.fieldError("name")}
                  </div>`
                : nothing}
              <div class="field">
                <label class="check">
                  <input
                    id="f-enabled"
                    type="checkbox"
                    part="recording-enabled"
                    aria-labelledby="l-enabled"
                    aria-invalid=${invalid("enabled")}
                    aria-describedby=${this.describedBy("enabled")}
                    .checked=${live(form.enabled)}
                    @change=${(e: Event) => this.setField("enabled", (e.target as HTMLInputElement).checked)}
                  />
                  <span class="text">
                    <strong id="l-enabled">${t.recordingEnabled}</strong>
                    <small id="h-enabled">${t.recordingEnabledHint}</small>
                  </span>
                </label>
                ${this.fieldError("enabled")}
              </div>
              <fieldset part="access" aria-describedby=${this.errors.access ? "e-access" : nothing}>
                <legend>${t.settingAccess}</legend>
                ${ACCESS_LEVELS.map(
                  (level) => html`<label class="choice">
                    <input
                      type="radio"
                      name="access"
                      value=${level}
                      aria-labelledby="l-access-${level}"
                      aria-describedby="h-access-${level}"
                      .checked=${live(form.access === level)}
                      @change=${() => this.setField("access", level)}
                    />
                    <span class="text">
                      <strong id="l-access-${level}">${this.accessLabel(level)}</strong>
                      <small id="h-access-${level}">${(t as Record<string, string>)[`access_${level}_hint`] ?? ""}</small>
                    </span>
                  </label>`,
                )}
                ${this.fieldError("access")}
              </fieldset>
              <div class="two">
                <div class="field">
                  <label for="f-maxDuration">${t.settingMaxDuration}</label>
                  <div class="inline">
                    <input
                      id="f-maxDuration"
                      type="number"
                      part="max-duration"
                      inputmode="numeric"
                      min="1"
                      step="1"
                      placeholder=${t.noLimit}
                      aria-invalid=${invalid("maxDuration")}
                      aria-describedby=${this.describedBy("maxDuration")}
                      .value=${live(form.maxDuration)}
                      @input=${(e: Event) => this.onNumber("maxDuration", e)}
                    />
                    <select
                      part="max-duration-unit"
                      aria-label=${t.durationUnit}
                      @change=${(e: Event) => this.setField("unit", (e.target as HTMLSelectElement).value as SettingsForm["unit"])}
                    >
                      <option value="minutes" ?selected=${form.unit === "minutes"}>${t.unitMinutes}</option>
                      <option value="seconds" ?selected=${form.unit === "seconds"}>${t.unitSeconds}</option>
                    </select>
                  </div>
                  <p class="hint" id="h-maxDuration">${t.maxDurationHint}</p>
                  ${this.fieldError("maxDuration")}
                </div>
                <div class="field">
                  <label for="f-retention">${t.retentionLabel}</label>
                  <input
                    id="f-retention"
                    type="number"
                    part="retention"
                    inputmode="numeric"
                    min="0"
                    step="1"
                    placeholder=${t.retentionDefault}
                    aria-invalid=${invalid("retention")}
                    aria-describedby=${this.describedBy("retention")}
                    .value=${live(form.retention)}
                    @input=${(e: Event) => this.onNumber("retention", e)}
                  />
                  <p class="hint" id="h-retention">${retentionHint}</p>
                  ${this.fieldError("retention")}
                </div>
              </div>
            </form>`
          : nothing}
        <button slot="footer" type="button" @click=${() => this.settingsDialog.close()} ?disabled=${this.saving}>${t.cancel}</button>
        <button slot="footer" type="submit" form="room-form" class="primary" part="save-button" ?disabled=${this.saving}>
          ${this.saving
            ? html`<span class="spinner" aria-hidden="true"></span>${creating ? t.creating : t.saving}`
            : creating
              ? html`${icon("add")} ${t.createRoom}`
              : html`${icon("check")} ${t.save}`}
        </button>
      </meet-dialog>
    `;
  }

  private renderDeleteDialog() {
    const t = this.t;
    const room = this.deleting;
    const count = this.recordingCount;
    let countText = "";
    if (this.counting) countText = t.deleteRoomCounting;
    else if (count === 0) countText = t.deleteRoomNone;
    else if (count === 1 && !this.countMore) countText = t.deleteRoomOne;
    else if (count !== null) countText = this.fill(this.countMore ? t.deleteRoomMore : t.deleteRoomMany, { count });
    const force = this.policy === "force";
    return html`
      <meet-dialog
        class="delete"
        size="md"
        alert
        theme=${this.theme}
        .heading=${room ? this.fill(t.deleteRoomTitle, { name: room.roomName }) : ""}
        .closeLabel=${t.close}
        exportparts=${DIALOG_PARTS}
        @meet-dialog-close=${this.onDeleteClosed}
      >
        ${room
          ? html`<div class="confirm-body">
              ${countText
                ? html`<p class="count-line" part="recording-count">
                    ${this.counting ? html`<span class="spinner" aria-hidden="true"></span>` : icon("library")} ${countText}
                  </p>`
                : nothing}
              <fieldset part="policy">
                <legend>${t.deletePolicyLegend}</legend>
                ${POLICIES.map(
                  (policy) => html`<label class="choice ${policy === "force" ? "danger" : ""}">
                    <input
                      type="radio"
                      name="policy"
                      value=${policy}
                      aria-labelledby="l-policy-${policy}"
                      aria-describedby="h-policy-${policy}"
                      .checked=${live(this.policy === policy)}
                      @change=${() => {
                        this.policy = policy;
                      }}
                    />
                    <span class="text">
                      <strong id="l-policy-${policy}">${(t as Record<string, string>)[`policy_${policy}`]}</strong>
                      <small id="h-policy-${policy}">${(t as Record<string, string>)[`policy_${policy}_hint`]}</small>
                    </span>
                  </label>`,
                )}
              </fieldset>
              ${this.deleteError
                ? html`<div class="notice error" role="alert" part="delete-error">
                    ${icon("warning")}
                    <p>${this.deleteError}</p>
                  </div>`
                : nothing}
            </div>`
          : nothing}
        <button slot="footer" data-autofocus @click=${() => this.deleteDialog.close()} ?disabled=${this.deleteBusy}>${t.cancel}</button>
        <button slot="footer" class="danger" part="confirm-delete" @click=${this.confirmDelete} ?disabled=${this.deleteBusy}>
          ${this.deleteBusy
            ? html`<span class="spinner" aria-hidden="true"></span>${t.deleting}`
            : html`${icon("delete")} ${force ? t.deleteRoomForceConfirm : t.deleteRoomConfirm}`}
        </button>
      </meet-dialog>
    `;
  }

  override render() {
    const t = this.t;
    return html`
      <section class="root" part="container" aria-busy=${this.phase === "loading" ? "true" : "false"}>
        <div class="head" part="header">
          <div class="title">
            <h2 part="title" tabindex="-1">${t.roomsTitle}</h2>
            ${this.phase === "ready" ? html`<span class="count" part="count">${this.countText()}</span>` : nothing}
          </div>
          ${this.phase === "forbidden" ? nothing : this.renderTools()}
        </div>
        ${this.renderNotice()} ${this.renderBody()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </section>
      <div class="toast" part="toast" popover="manual" aria-hidden="true">${icon("check")}${this.toast}</div>
      ${this.renderSettingsDialog()} ${this.renderDeleteDialog()}
    `;
  }
}

function emptyForm(): SettingsForm {
  return { name: "", enabled: true, access: "admin_moderator_speaker", maxDuration: "", unit: "minutes", retention: "" };
}

/** A room's settings as the dialog shows them (a whole number of minutes in minutes, else seconds). */
function formOf(room: RoomInfo): SettingsForm {
  const rec = room.config.recording;
  const max = rec.maxDuration ?? null;
  const minutes = max !== null && max % 60 === 0;
  return {
    name: room.roomName,
    enabled: rec.enabled,
    access: rec.allowAccessTo,
    maxDuration: max === null ? "" : String(minutes ? max / 60 : max),
    unit: max === null || minutes ? "minutes" : "seconds",
    retention: rec.retentionDays === null || rec.retentionDays === undefined ? "" : String(rec.retentionDays),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "meet-rooms": MeetRooms;
  }
}
