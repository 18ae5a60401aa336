// <meet-share-dialog>: choose public or private access, get the link, copy it. Used by the list and
// the player (internal; its events bubble out of them).

import { css, html, nothing } from "lit";
import { customElement, query, state } from "lit/decorators.js";

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
      @media (max-width: 600px) {
        .link-row {
          flex-direction: column;
        }
      }
    `,
  ];

  @state() private recording: Recording | null = null;
  @state() private privateAccess = false;
  @state() private url = "";
  @state() private busy = false;
  @state() private message = "";
  @state() private messageKind: "" | "ok" | "bad" = "";
  @query("meet-dialog") private dialog!: MeetDialog;
  @query("input.link") private linkInput!: HTMLInputElement;
  private request = 0;

  /** Open for a recording and fetch its public link. */
  async open(recording: Recording): Promise<void> {
    this.recording = recording;
    this.privateAccess = false;
    this.url = "";
    this.message = "";
    await this.updateComplete;
    this.dialog.show();
    void this.fetchLink();
  }

  private async fetchLink(): Promise<void> {
    if (!this.recording) return;
    const request = ++this.request;
    this.busy = true;
    this.url = "";
    this.message = this.t.shareCreating;
    this.messageKind = "";
    try {
      const { url } = await this.api.shareUrl(this.recording.recordingId, this.privateAccess);
      if (request !== this.request) return;
      this.url = url;
      this.message = "";
      this.emit("meet-share-link-created", {
        recordingId: this.recording.recordingId,
        roomId: this.recording.roomId,
        url,
        privateAccess: this.privateAccess,
      });
    } catch (err) {
      if (request !== this.request) return;
      this.message = this.report(err, "share");
      this.messageKind = "bad";
    } finally {
      if (request === this.request) this.busy = false;
    }
  }

  private choose(privateAccess: boolean): void {
    if (privateAccess === this.privateAccess) return;
    this.privateAccess = privateAccess;
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

  override render() {
    const t = this.t;
    const r = this.recording;
    const name = r ? `${r.roomName}, ${formatDate(r.startDate, this.locale)}` : "";
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
              .checked=${!this.privateAccess}
              @change=${() => this.choose(false)}
              data-autofocus
            />
            ${icon("public")}
            <span class="choice-text"><span>${t.sharePublic}</span><small>${t.sharePublicHint}</small></span>
          </label>
          <label class="choice">
            <input type="radio" name="access" .checked=${this.privateAccess} @change=${() => this.choose(true)} />
            ${icon("lock")}
            <span class="choice-text"><span>${t.sharePrivate}</span><small>${t.sharePrivateHint}</small></span>
          </label>
        </fieldset>
        <label class="link-label" for="link">${t.shareLink}</label>
        <div class="link-row">
          <input
            id="link"
            class="link"
            part="share-link"
            type="url"
            readonly
            .value=${this.url}
            placeholder=${this.busy ? t.shareCreating : ""}
            @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
          />
          <button class="primary" part="share-copy" ?disabled=${!this.url} @click=${this.copy}>
            ${this.messageKind === "ok" ? icon("check") : icon("copy")}
            ${this.messageKind === "ok" ? t.copied : t.copy}
          </button>
        </div>
        <p class="status ${this.messageKind}" role="status" aria-live="polite">
          ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.message}
        </p>
      </meet-dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "meet-share-dialog": MeetShareDialog;
  }
}
