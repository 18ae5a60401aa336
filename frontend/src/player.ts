// <meet-recording-player>: one recording in a native <video controls>, with its details, download and
// share. Works with a member token (or the page's session) or with a share link's `secret`.

import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";

import { ApiError, isPlayable, startDownload, type Permissions, type Recording } from "./api.js";
import { MeetElement, copyText } from "./base.js";
import { formatClock, formatDate, formatSize } from "./format.js";
import { icon } from "./icons.js";
import type { MeetShareDialog } from "./share.js";
import "./share.js";
import { controls, tokens } from "./styles.js";

type Failure = { kind: "link" | "private" | "forbidden" | "missing" | "other"; message: string };

@customElement("meet-recording-player")
export class MeetRecordingPlayer extends MeetElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .player {
        display: grid;
        gap: 18px;
      }
      .stage {
        position: relative;
        aspect-ratio: 16 / 9;
        background: #000;
        border-radius: var(--_radius);
        overflow: hidden;
        display: grid;
        place-items: center;
      }
      :host([flush]) .stage {
        border-radius: 0;
      }
      :host([fit-viewport]) .stage {
        max-height: calc(100dvh - 300px);
        aspect-ratio: auto;
        height: min(calc(100dvh - 300px), calc((100cqw) * 9 / 16));
        min-height: 200px;
      }
      video {
        width: 100%;
        height: 100%;
        display: block;
        background: #000;
        object-fit: contain;
      }
      .stage .overlay {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        align-content: center;
        gap: 12px;
        color: #fff;
        background: rgb(0 0 0 / 0.55);
        font-weight: 600;
        text-align: center;
        padding: 24px;
      }
      .stage .overlay .spinner {
        width: 28px;
        height: 28px;
      }
      .stage .skeleton {
        position: absolute;
        inset: 0;
        border-radius: 0;
      }
      .info {
        display: grid;
        gap: 14px;
      }
      :host([flush]) .info {
        padding: 0 20px 20px;
      }
      .title-row {
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: wrap;
      }
      h3 {
        margin: 0;
        font-size: 1.2em;
        font-weight: 700;
        letter-spacing: -0.01em;
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        margin-left: auto;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 1px;
        margin: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-sm);
        overflow: hidden;
        background: var(--_border);
      }
      dl > div {
        background: var(--_surface);
        padding: 10px 14px;
        min-width: 0;
      }
      dt {
        font-size: 0.78em;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--_muted);
        font-weight: 650;
        display: flex;
        align-items: center;
        gap: 6px;
      }
      dt svg.icon {
        width: 14px;
        height: 14px;
      }
      dd {
        margin: 2px 0 0;
        font-weight: 600;
        overflow-wrap: anywhere;
        font-variant-numeric: tabular-nums;
      }
      .failure {
        display: grid;
        justify-items: center;
        text-align: center;
        gap: 12px;
        padding: 48px 24px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .failure .big {
        width: 56px;
        height: 56px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: color-mix(in srgb, var(--_f, var(--_danger)) 12%, transparent);
        color: var(--_f, var(--_danger));
      }
      .failure.private {
        --_f: var(--_accent);
      }
      .failure .big svg {
        width: 28px;
        height: 28px;
      }
      .failure h3 {
        font-size: 1.15em;
      }
      .failure p {
        margin: 0;
        color: var(--_muted);
        max-width: 42ch;
      }
      .failure a.btn {
        background: var(--_accent);
        color: var(--_accent-text);
        border-color: var(--_accent);
      }
      .toast {
        font-size: 0.9em;
        color: var(--_success);
        min-height: 1.4em;
        margin: 0;
      }
      @container (max-width: 560px) {
        dl {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
        .actions {
          margin-left: 0;
          width: 100%;
        }
        .actions button {
          flex: 1;
        }
      }
    `,
  ];

  @property({ attribute: "recording-id", reflect: true }) recordingId = "";
  /** A share link's secret: plays without a token, as the shared recording page does. */
  @property({ reflect: true }) secret = "";
  /** Where to sign in when a private link needs it (shown as a button). */
  @property({ attribute: "sign-in-url", reflect: true }) signInUrl = "";
  @property({ type: Boolean, reflect: true }) autoplay = false;
  /** Keep the video within the viewport's height (as in the list's player dialog). */
  @property({ type: Boolean, attribute: "fit-viewport", reflect: true }) fitViewport = false;
  /** Who can open a private link (`users` or `admins`), for the share dialog's words. */
  @property({ attribute: "private-viewers", reflect: true }) privateViewers: "users" | "admins" = "users";

  @state() private recording: Recording | null = null;
  @state() private src = "";
  @state() private poster = "";
  @state() private loading = false;
  @state() private failure: Failure | null = null;
  @state() private mediaFailure = "";
  @state() private reconnecting = false;
  @state() private permissions: Permissions | null = null;
  @state() private toast = "";

  @query("video") private video?: HTMLVideoElement;
  @query("meet-share-dialog") private shareDialog!: MeetShareDialog;
  private loadToken = 0;
  private resumeAt: { time: number; play: boolean } | null = null;
  private reloads: number[] = [];
  private posterBlob = "";
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  override updated(changed: PropertyValues<this>): void {
    // A renewed token is the same viewer: the video plays on.
    if (
      changed.has("recordingId") ||
      changed.has("secret") ||
      (changed.has("token") && !this.tokenRenewed(changed)) ||
      changed.has("baseUrl")
    ) {
      void this.load();
    }
  }

  protected override get tokenRoomId(): string {
    return this.recording?.roomId ?? "";
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadToken++;
    this.loading = false;
    this.video?.pause();
    if (this.posterBlob) URL.revokeObjectURL(this.posterBlob);
    this.posterBlob = "";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.recordingId && !this.recording && !this.loading && this.hasUpdated) void this.load();
  }

  /** Load (again) the recording and a fresh media link. */
  async load(): Promise<void> {
    const token = ++this.loadToken;
    this.failure = null;
    this.mediaFailure = "";
    this.src = "";
    this.recording = null;
    if (!this.recordingId) return;
    this.loading = true;
    try {
      const recording = await this.api.recording(this.recordingId, this.secret || undefined);
      if (token !== this.loadToken) return;
      this.recording = recording;
      this.emit("meet-recording-loaded", { recording });
      if (!this.secret) void this.loadPermissions(recording.roomId, token);
      if (!isPlayable(recording)) {
        this.failure = {
          kind: "other",
          message: this.fill(this.t.notReady, { status: this.statusLabel(recording.status).toLowerCase() }),
        };
        return;
      }
      await this.loadMedia(token);
    } catch (err) {
      if (token !== this.loadToken) return;
      this.failure = this.classify(err);
    } finally {
      if (token === this.loadToken) this.loading = false;
    }
  }

  private async loadMedia(token: number): Promise<void> {
    const id = this.recordingId;
    if (this.secret) {
      this.src = this.api.secretMediaUrl(id, this.secret);
      void this.loadSecretPoster(token);
      return;
    }
    const link = await this.api.mediaUrl(id);
    if (token !== this.loadToken) return;
    if (link.posterUrl) this.poster = link.posterUrl;
    this.src = link.url;
  }

  private async loadSecretPoster(token: number): Promise<void> {
    try {
      const blob = await this.api.poster(this.recordingId, this.secret);
      if (token !== this.loadToken) return;
      if (this.posterBlob) URL.revokeObjectURL(this.posterBlob);
      this.posterBlob = URL.createObjectURL(blob);
      this.poster = this.posterBlob;
    } catch {
      /* no poster: the first frame shows */
    }
  }

  private async loadPermissions(roomId: string, token: number): Promise<void> {
    try {
      const me = await this.api.me(roomId);
      if (token === this.loadToken) this.permissions = me.permissions;
    } catch {
      if (token === this.loadToken) this.permissions = null;
    }
  }

  private classify(err: unknown): Failure {
    const t = this.t;
    if (err instanceof ApiError) {
      const message = this.report(err, "load-recording");
      if (this.secret && err.status === 400) return { kind: "link", message: t.invalidLink };
      if (this.secret && err.status === 401) return { kind: "private", message: t.privateLink };
      if (err.status === 404) return { kind: "missing", message: t.recordingNotFound };
      // Trying again changes nothing until someone changes the access (or the viewer signs in again).
      if (err.status === 401 || err.status === 403) return { kind: "forbidden", message };
      return { kind: "other", message };
    }
    return { kind: "other", message: this.report(err, "load-recording") };
  }

  private statusLabel(status: string): string {
    return (this.t as Record<string, string>)[`status_${status}`] ?? status;
  }

  // -- playback: a signed link that expires mid-playback is renewed where it stopped -------------------

  private async onVideoError(): Promise<void> {
    const video = this.video;
    if (!video || !this.src) return;
    const now = Date.now();
    this.reloads = this.reloads.filter((at) => now - at < 60000);
    const canRenew = !this.secret && this.reloads.length < 3;
    if (!canRenew) {
      this.mediaFailure = this.t.mediaError;
      this.emit("meet-error", { action: "play", status: 0, error: "MediaError", message: this.t.mediaError });
      return;
    }
    this.reloads.push(now);
    this.resumeAt = { time: video.currentTime || this.resumeAt?.time || 0, play: !video.paused || video.autoplay };
    this.reconnecting = true;
    const token = this.loadToken;
    try {
      const link = await this.api.mediaUrl(this.recordingId);
      if (token !== this.loadToken) return;
      // Within the same second the signed link can be the very same URL: then load it again by hand.
      const same = link.url === this.src;
      this.src = link.url;
      if (same) video.load();
    } catch (err) {
      this.reconnecting = false;
      this.mediaFailure = this.report(err, "renew-media-link");
    }
  }

  private onLoadedMetadata(): void {
    const video = this.video;
    if (!video) return;
    this.reconnecting = false;
    this.mediaFailure = "";
    if (this.resumeAt) {
      const { time, play } = this.resumeAt;
      this.resumeAt = null;
      if (time > 0) video.currentTime = time;
      if (play) void video.play().catch(() => undefined);
    }
  }

  // -- actions -------------------------------------------------------------------------------------------

  private async download(): Promise<void> {
    const r = this.recording;
    if (!r) return;
    try {
      if (this.secret) {
        startDownload(this.api.secretMediaUrl(r.recordingId, this.secret, true), r.filename || "");
      } else {
        const link = await this.api.mediaUrl(r.recordingId);
        startDownload(`${link.url}&download=1`, r.filename || "");
      }
      this.flash(this.t.downloadStarted);
      this.emit("meet-download-started", { recordingIds: [r.recordingId] });
    } catch (err) {
      this.flash(this.report(err, "download"));
    }
  }

  private async share(): Promise<void> {
    const r = this.recording;
    if (!r) return;
    if (this.secret) {
      // The share link itself, not the page around the player (a host's page, or one with other parameters).
      const url = `${this.api.base}/recording/${encodeURIComponent(r.recordingId)}?secret=${encodeURIComponent(this.secret)}`;
      const ok = await copyText(url);
      this.flash(ok ? this.t.linkCopied : this.t.copyFailed);
      if (ok) {
        this.emit("meet-share-link-created", {
          recordingId: r.recordingId,
          roomId: r.roomId,
          url,
          privateAccess: null,
        });
      }
      return;
    }
    await this.shareDialog.open(r);
  }

  private flash(message: string): void {
    this.toast = message;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (this.toast = ""), 4000);
  }

  // -- rendering -------------------------------------------------------------------------------------------

  private renderFailure(failure: Failure) {
    const t = this.t;
    const symbol =
      failure.kind === "private" || failure.kind === "forbidden"
        ? "lock"
        : failure.kind === "missing"
          ? "videoOff"
          : "warning";
    return html`
      <div class="failure ${failure.kind}" part="error" role="alert">
        <div class="big">${icon(symbol)}</div>
        <p>${failure.message}</p>
        ${failure.kind === "private" && this.signInUrl
          ? html`<a class="btn" href=${this.signInUrl}>${t.signIn}</a>`
          : nothing}
        ${failure.kind === "other" && !this.recording
          ? html`<button @click=${() => this.load()}>${icon("refresh")} ${t.retry}</button>`
          : nothing}
      </div>
    `;
  }

  override render() {
    const t = this.t;
    const r = this.recording;
    if (this.failure && !r) return this.renderFailure(this.failure);
    const locale = this.locale;
    const canShare = this.secret ? true : !!this.permissions?.share;
    const ready = isPlayable(r);
    return html`
      <div class="player" part="player" aria-busy=${this.loading ? "true" : "false"}>
        ${this.failure
          ? this.renderFailure(this.failure)
          : html`
              <div class="stage" part="stage">
                ${this.src
                  ? html`<video
                      part="video"
                      controls
                      playsinline
                      preload="metadata"
                      .src=${this.src}
                      poster=${this.poster || nothing}
                      ?autoplay=${this.autoplay}
                      aria-label=${this.fill(t.videoLabel, {
                        name: r?.roomName ?? "",
                        date: formatDate(r?.startDate, locale),
                      })}
                      @error=${this.onVideoError}
                      @loadedmetadata=${this.onLoadedMetadata}
                    ></video>`
                  : html`<div class="skeleton" aria-hidden="true"></div>`}
                ${this.loading || this.reconnecting
                  ? html`<div class="overlay" role="status">
                      <span class="spinner" aria-hidden="true"></span>
                      <span>${this.reconnecting ? t.reloadingMedia : t.playerLoading}</span>
                    </div>`
                  : nothing}
                ${this.mediaFailure
                  ? html`<div class="overlay" role="alert">${icon("warning")}<span>${this.mediaFailure}</span></div>`
                  : nothing}
              </div>
            `}
        ${r
          ? html`
              <div class="info">
                <div class="title-row">
                  <h3 part="title">${r.roomName}</h3>
                  <span class="badge s-${r.status}" part="status">${this.statusLabel(r.status)}</span>
                  <div class="actions" part="actions">
                    <button part="download-button" ?disabled=${!ready} @click=${this.download}>
                      ${icon("download")} ${t.download}
                    </button>
                    ${canShare
                      ? html`<button part="share-button" @click=${this.share}>
                          ${icon(this.secret ? "link" : "share")} ${this.secret ? t.copyLink : t.share}
                        </button>`
                      : nothing}
                  </div>
                </div>
                <dl part="details" aria-label=${t.details}>
                  <div><dt>${icon("room")}${t.room}</dt><dd title=${r.roomName}>${r.roomName}</dd></div>
                  <div><dt>${icon("calendar")}${t.date}</dt><dd>${formatDate(r.startDate, locale)}</dd></div>
                  <div><dt>${icon("clock")}${t.duration}</dt><dd>${formatClock(r.duration)}</dd></div>
                  <div><dt>${icon("storage")}${t.size}</dt><dd>${formatSize(r.size, locale)}</dd></div>
                </dl>
                <p class="toast" role="status" aria-live="polite">${this.toast}</p>
              </div>
            `
          : nothing}
      </div>
      ${!this.secret
        ? html`<meet-share-dialog
            .baseUrl=${this.baseUrl}
            .token=${this.token}
            .labels=${this.labels}
            theme=${this.theme}
            private-viewers=${this.privateViewers}
            exportparts="dialog: share-dialog, dialog-header: share-dialog-header, dialog-title: share-dialog-title, dialog-close: share-dialog-close, dialog-body: share-dialog-body, share-access, share-expiry, share-link, share-copy, share-revoke-button, share-revoke-confirm"
          ></meet-share-dialog>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "meet-recording-player": MeetRecordingPlayer;
  }
}
