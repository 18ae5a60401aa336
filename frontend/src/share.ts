// <meet-share-dialog>: choose public or private access (and maybe an expiry), get the link, copy it; or
// revoke every link made so far. Used by the list and the player (internal; its events bubble out of them).

import { css, html, nothing } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";

import type { Recording } from "./api.js";
import { MeetElement, copyText } from "./base.js";
import type { MeetDialog } from "./dialog.js";
import "./dialog.js";
import { formatDate } from "./format.js";
import { icon } from "./icons.js";
import { controls, tokens } from "./styles.js";

@customElement("meet-share-dialog")
export class MeetShareDialog extends MeetElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: contents;
      }
      p.intro {
        margin: 0 0 16px;
        color: var(--_muted);
      }
      fieldset {
        border: 0;
        margin: 0 0 18px;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      legend {
        font-weight: 650;
        margin-bottom: 8px;
        padding: 0;
      }
      label.choice {
        display: grid;
        grid-template-columns: auto auto 1fr;
        align-items: center;
        gap: 4px 12px;
        padding: 12px 14px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-sm);
        cursor: pointer;
      }
      label.choice:has(input:checked) {
        border-color: var(--_accent);
        background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
      }
      label.choice:has(input:focus-visible) {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
      label.choice input {
        margin: 0;
        accent-color: var(--_accent);
        width: 18px;
        height: 18px;
      }
      label.choice svg {
        color: var(--_muted);
      }
      .choice-text {
        display: grid;
      }
      .choice-text small {
        color: var(--_muted);
        font-size: 0.87em;
      }
      .link-label {
        display: block;
        font-weight: 650;
        margin-bottom: 8px;
      }
      .link-row {
        display: flex;
        gap: 8px;
      }
      .link-row input {
        flex: 1;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
        font-size: 0.86em;
        background: var(--_bg);
      }
      .link-row button {
        min-width: 7.5em;
      }
      .status {
        min-height: 1.5em;
        margin: 10px 0 0;
        font-size: 0.9em;
        color: var(--_muted);
        display: flex;
        gap: 6px;
        align-items: center;
      }
      .status.ok {
        color: var(--_success);
      }
      .status.bad {
        color: var(--_danger);
      }
      .expiry {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 12px;
        margin: 0 0 18px;
      }
      .expiry label {
        font-weight: 650;
      }
      .revoke {
        margin-top: 18px;
        padding-top: 14px;
        border-top: 1px solid var(--_border);
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
      }
      .revoke p {
        margin: 0;
        flex: 1 1 16em;
        color: var(--_muted);
        font-size: 0.9em;
      }
      .revoke.confirming p {
        color: var(--_text);
        font-size: 1em;
      }
      @media (max-width: 600px) {
        .link-row {
          flex-direction: column;
        }
      }
    `,
  ];

  /** Who can sign in to open a private link: `users` (the host's users) or `admins` (its administrators
   * only: the deployment has no sign-in for anyone else). Only the wording changes. */
  @property({ attribute: "private-viewers", reflect: true }) privateViewers: "users" | "admins" = "users";

  @state() private recording: Recording | null = null;
  /** Nothing until the user picks: a link is made (and audited) only when asked for. */
  @state() private access: "" | "public" | "private" = "";
  /** Seconds; 0: the recording's standing link of that kind. */
  @state() private expiresIn = 0;
  @state() private url = "";
  @state() private expiresAt = 0;
  @state() private busy = false;
  @state() private message = "";
  @state() private messageKind: "" | "ok" | "bad" = "";
  @state() private confirmingRevoke = false;
  @state() private revoking = false;
  @query("meet-dialog") private dialog!: MeetDialog;
  @query("input.link") private linkInput!: HTMLInputElement;
  private request = 0;

  /** Open for a recording: the user then picks who can open its link. */
  async open(recording: Recording): Promise<void> {
    this.request++;
    this.recording = recording;
    this.access = "";
    this.expiresIn = 0;
    this.url = "";
    this.expiresAt = 0;
    this.busy = false;
    this.message = "";
    this.messageKind = "";
    this.confirmingRevoke = false;
    this.revoking = false;
    await this.updateComplete;
    this.dialog.show();
  }

  private async fetchLink(): Promise<void> {
    if (!this.recording || !this.access) return;
    const request = ++this.request;
    const privateAccess = this.access === "private";
    this.busy = true;
    this.url = "";
    this.expiresAt = 0;
    this.message = this.t.shareCreating;
    this.messageKind = "";
    try {
      const { url, expiresAt } = await this.api.shareUrl(
        this.recording.recordingId,
        privateAccess,
        this.expiresIn || undefined,
      );
      if (request !== this.request) return;
      this.url = url;
      this.expiresAt = expiresAt ?? 0;
      this.message = "";
      this.emit("meet-share-link-created", {
        recordingId: this.recording.recordingId,
        roomId: this.recording.roomId,
        url,
        privateAccess,
        expiresAt: expiresAt ?? null,
      });
    } catch (err) {
      if (request !== this.request) return;
      this.message = this.report(err, "share");
      this.messageKind = "bad";
    } finally {
      if (request === this.request) this.busy = false;
    }
  }

  private choose(access: "public" | "private"): void {
    if (access === this.access) return;
    this.access = access;
    void this.fetchLink();
  }

  private onExpiry(event: Event): void {
    this.expiresIn = Number((event.target as HTMLSelectElement).value) || 0;
    void this.fetchLink();
  }

  private async copy(): Promise<void> {
    if (!this.url) return;
    const ok = await copyText(this.url);
    if (ok) {
      this.message = this.t.linkCopied;
      this.messageKind = "ok";
    } else {
      this.message = this.t.copyFailed;
      this.messageKind = "bad";
      this.linkInput?.select();
    }
  }

  // -- revoking: every public, private and expiring link stops working -----------------------------------

  private async askRevoke(): Promise<void> {
    this.confirmingRevoke = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("[data-revoke-cancel]")?.focus();
  }

  private async cancelRevoke(): Promise<void> {
    this.confirmingRevoke = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("[part=share-revoke-button]")?.focus();
  }

  private async revoke(): Promise<void> {
    const r = this.recording;
    if (!r || this.revoking) return;
    const t = this.t;
    this.revoking = true;
    const request = ++this.request;
    try {
      const fresh = await this.api.rotateSecrets(r.recordingId);
      if (request !== this.request) return;
      this.busy = false;
      // The standing link of the chosen kind is new; an expiring one is gone (make another if needed).
      this.url = !this.expiresIn && this.access ? (this.access === "private" ? fresh.privateUrl : fresh.publicUrl) : "";
      this.expiresAt = 0;
      this.message = this.url ? t.linksRevokedNew : t.linksRevoked;
      this.messageKind = "ok";
      this.emit("meet-share-links-revoked", { recordingId: r.recordingId, roomId: r.roomId });
    } catch (err) {
      if (request !== this.request) return;
      this.message = this.report(err, "revoke-links");
      this.messageKind = "bad";
    } finally {
      this.revoking = false;
      this.confirmingRevoke = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("[part=share-revoke-button]")?.focus();
  }

  private renderRevoke() {
    const t = this.t;
    if (!this.confirmingRevoke) {
      return html`<div class="revoke">
        <p>${t.revokeHint}</p>
        <button class="ghost" part="share-revoke-button" @click=${this.askRevoke}>${icon("delete")} ${t.revokeLinks}</button>
      </div>`;
    }
    return html`<div class="revoke confirming" role="group" aria-labelledby="revoke-question">
      <p id="revoke-question">${t.revokeQuestion}</p>
      <button data-revoke-cancel @click=${this.cancelRevoke} ?disabled=${this.revoking}>${t.cancel}</button>
      <button class="danger" part="share-revoke-confirm" @click=${this.revoke} ?disabled=${this.revoking}>
        ${this.revoking ? html`<span class="spinner" aria-hidden="true"></span>` : icon("delete")} ${t.revokeConfirm}
      </button>
    </div>`;
  }

  override render() {
    const t = this.t;
    const r = this.recording;
    const name = r ? `${r.roomName}, ${formatDate(r.startDate, this.locale)}` : "";
    const admins = this.privateViewers === "admins";
    const placeholder = this.busy ? t.shareCreating : this.access ? "" : t.shareChooseFirst;
    return html`
      <meet-dialog
        .heading=${t.shareTitle}
        .closeLabel=${t.close}
        theme=${this.theme}
        size="md"
        exportparts="dialog, dialog-header, dialog-title, dialog-close, dialog-body, dialog-footer"
      >
        <p class="intro">${this.fill(t.shareIntro, { name })}</p>
        <fieldset part="share-access">
          <legend>${t.shareWho}</legend>
          <label class="choice">
            <input
              type="radio"
              name="access"
              .checked=${this.access === "public"}
              @change=${() => this.choose("public")}
              data-autofocus
            />
            ${icon("public")}
            <span class="choice-text"><span>${t.sharePublic}</span><small>${t.sharePublicHint}</small></span>
          </label>
          <label class="choice">
            <input type="radio" name="access" .checked=${this.access === "private"} @change=${() => this.choose("private")} />
            ${icon("lock")}
            <span class="choice-text"
              ><span>${admins ? t.sharePrivateAdmins : t.sharePrivate}</span
              ><small>${admins ? t.sharePrivateAdminsHint : t.sharePrivateHint}</small></span
            >
          </label>
        </fieldset>
        <div class="expiry">
          <label for="expiry">${t.shareExpiry}</label>
          <select id="expiry" part="share-expiry" @change=${this.onExpiry}>
            ${EXPIRIES.map(
              ([seconds, key]) =>
                html`<option value=${seconds} ?selected=${this.expiresIn === seconds}>${t[key]}</option>`,
            )}
          </select>
        </div>
        <label class="link-label" for="link">${t.shareLink}</label>
        <div class="link-row">
          <input
            id="link"
            class="link"
            part="share-link"
            type="url"
            readonly
            .value=${this.url}
            placeholder=${placeholder}
            @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
          />
          <button class="primary" part="share-copy" ?disabled=${!this.url} @click=${this.copy}>
            ${this.messageKind === "ok" && this.message === t.linkCopied ? icon("check") : icon("copy")}
            ${this.messageKind === "ok" && this.message === t.linkCopied ? t.copied : t.copy}
          </button>
        </div>
        <p class="status ${this.messageKind}" role="status" aria-live="polite">
          ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.message}
          ${this.url && this.expiresAt && !this.message
            ? this.fill(t.shareExpiresAt, { date: formatDate(this.expiresAt, this.locale) })
            : nothing}
        </p>
        ${this.renderRevoke()}
      </meet-dialog>
    `;
  }
}

/** The expiries offered: seconds (0: none), and the label naming each. */
const EXPIRIES: [number, "expiryNever" | "expiryHour" | "expiryDay" | "expiryWeek" | "expiryMonth"][] = [
  [0, "expiryNever"],
  [3600, "expiryHour"],
  [86400, "expiryDay"],
  [7 * 86400, "expiryWeek"],
  [30 * 86400, "expiryMonth"],
];

declare global {
  interface HTMLElementTagNameMap {
    "meet-share-dialog": MeetShareDialog;
  }
}
