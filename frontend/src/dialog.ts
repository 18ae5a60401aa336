// <meet-dialog>: a modal dialog on the native <dialog> (top layer, the rest of the page inert, Escape
// closes), with focus moved in on open and given back to where it was on close. Used by the components
// for the player, share, delete confirmation and the recordings side panel.

import { LitElement, css, html, nothing } from "lit";
import { customElement, property, query } from "lit/decorators.js";

import { activeElementDeep } from "./base.js";
import { icon } from "./icons.js";
import { controls, tokens } from "./styles.js";

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';

/** Focusable elements in tree order, looking into open shadow roots and slots. */
function focusables(root: Element | ShadowRoot, out: HTMLElement[] = []): HTMLElement[] {
  const children =
    root instanceof HTMLSlotElement ? root.assignedElements({ flatten: true }) : Array.from(root.children);
  for (const child of children) {
    if (!(child instanceof HTMLElement)) continue;
    if (child.hidden || child.inert) continue;
    const radioOff = child instanceof HTMLInputElement && child.type === "radio" && !child.checked;
    if (child.matches(FOCUSABLE) && !radioOff) out.push(child);
    if (child.shadowRoot) focusables(child.shadowRoot, out);
    else focusables(child, out);
  }
  return out;
}

@customElement("meet-dialog")
export class MeetDialog extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: contents;
      }
      dialog {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        box-shadow: var(--_shadow);
        padding: 0;
        width: min(var(--_width, 480px), calc(100vw - 32px));
        max-height: calc(100dvh - 48px);
        overflow: hidden;
      }
      :host([size="lg"]) dialog {
        --_width: 960px;
      }
      :host([size="md"]) dialog {
        --_width: 620px;
      }
      dialog[open] {
        display: flex;
        flex-direction: column;
        animation: meet-dialog-in 0.16s ease-out;
      }
      dialog::backdrop {
        background: var(--_overlay);
      }
      :host([size="panel"]) dialog {
        --_width: 560px;
        margin: 0 0 0 auto;
        height: 100dvh;
        max-height: 100dvh;
        border-radius: var(--_radius) 0 0 var(--_radius);
        border-width: 0 0 0 1px;
        animation-name: meet-panel-in;
        background: var(--_bg);
      }
      @keyframes meet-dialog-in {
        from {
          opacity: 0;
          transform: translateY(8px) scale(0.98);
        }
      }
      @keyframes meet-panel-in {
        from {
          transform: translateX(24px);
          opacity: 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        dialog[open] {
          animation: none;
        }
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 14px 14px 14px 20px;
        border-bottom: 1px solid var(--_border);
        background: var(--_surface);
      }
      h2 {
        margin: 0;
        font-size: 1.08em;
        font-weight: 700;
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .body {
        padding: 20px;
        overflow: auto;
        flex: 1;
        min-height: 0;
      }
      :host([flush]) .body {
        padding: 0;
      }
      footer {
        display: flex;
        justify-content: flex-end;
        flex-wrap: wrap;
        gap: 8px;
        padding: 14px 20px;
        border-top: 1px solid var(--_border);
      }
      footer.empty {
        display: none;
      }
      @media (max-width: 600px) {
        dialog {
          width: 100vw;
          max-width: 100vw;
          max-height: 100dvh;
          margin: auto 0 0 0;
          border-radius: var(--_radius) var(--_radius) 0 0;
          border-width: 1px 0 0 0;
        }
        :host([size="lg"]) dialog,
        :host([size="panel"]) dialog {
          height: 100dvh;
          margin: 0;
          border-radius: 0;
          border-width: 0;
        }
        footer ::slotted(*) {
          flex: 1;
        }
      }
    `,
  ];

  @property() heading = "";
  @property({ attribute: "close-label" }) closeLabel = "Close";
  @property({ reflect: true }) size: "sm" | "md" | "lg" | "panel" = "sm";
  @property({ type: Boolean, reflect: true }) open = false;
  @property({ reflect: true }) theme = "auto";
  /** Keep open on a click outside (for dialogs that hold a form being filled). */
  @property({ type: Boolean, attribute: "keep-open" }) keepOpen = false;
  /** An alert dialog (a confirmation): role="alertdialog", described by its body. */
  @property({ type: Boolean }) alert = false;

  @query("dialog") private dialog!: HTMLDialogElement;
  private returnFocus: HTMLElement | null = null;
  private hasFooter = false;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has("open")) {
      if (this.open && !this.dialog.open) this.showNow();
      else if (!this.open && this.dialog.open) this.dialog.close();
    }
  }

  /** Open; focus goes to the `autofocus` element inside, else the first focusable one. */
  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  private showNow(): void {
    this.returnFocus = activeElementDeep();
    this.dialog.showModal();
    requestAnimationFrame(() => this.focusInitial());
  }

  private focusInitial(): void {
    const slotted = this.renderRoot.querySelector<HTMLSlotElement>("slot:not([name])");
    const footer = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="footer"]');
    const candidates = [
      ...(slotted ? focusables(slotted) : []),
      ...(footer ? focusables(footer) : []),
    ];
    const preferred = candidates.find((el) => el.hasAttribute("autofocus") || el.dataset.autofocus !== undefined);
    const target = preferred ?? this.findAutofocusDeep() ?? candidates[0] ?? this.closeButton;
    target?.focus();
  }

  private findAutofocusDeep(): HTMLElement | null {
    const slotted = this.renderRoot.querySelector<HTMLSlotElement>("slot:not([name])");
    if (!slotted) return null;
    for (const el of slotted.assignedElements({ flatten: true })) {
      const inner = (el.shadowRoot ?? el).querySelector<HTMLElement>("[autofocus], [data-autofocus]");
      if (inner) return inner;
    }
    return null;
  }

  private get closeButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector("header button");
  }

  private onClose(): void {
    this.open = false;
    const target = this.returnFocus;
    this.returnFocus = null;
    this.dispatchEvent(new CustomEvent("meet-dialog-close", { bubbles: false, composed: false }));
    // Give focus back to what opened the dialog, when it is still there.
    if (target?.isConnected) target.focus();
  }

  /** Keep Tab and Shift+Tab inside the dialog (the page behind it is inert already). */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== "Tab" || event.defaultPrevented) return;
    const slots = Array.from(this.renderRoot.querySelectorAll<HTMLSlotElement>("slot"));
    const close = this.closeButton;
    const header = slots.filter((slot) => slot.name === "header-actions");
    const rest = slots.filter((slot) => slot.name !== "header-actions");
    const order = [
      ...header.flatMap((slot) => focusables(slot)),
      ...(close ? [close] : []),
      ...rest.flatMap((slot) => focusables(slot)),
    ];
    if (!order.length) return;
    const active = activeElementDeep();
    const first = order[0];
    const last = order[order.length - 1];
    const at = (el: HTMLElement) => !!active && (active === el || el.shadowRoot?.contains(active) === true);
    if (event.shiftKey && at(first)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at(last)) {
      event.preventDefault();
      first.focus();
    }
  }

  private onCancel(event: Event): void {
    // Escape: close (a <dialog> may ignore a second Escape otherwise).
    event.preventDefault();
    this.dialog.close();
  }

  private onClick(event: MouseEvent): void {
    if (this.keepOpen || event.target !== this.dialog) return;
    const rect = this.dialog.getBoundingClientRect();
    const inside =
      event.clientX >= rect.left &&
      event.clientX <= rect.right &&
      event.clientY >= rect.top &&
      event.clientY <= rect.bottom;
    if (!inside) this.dialog.close();
  }

  private onFooterSlot(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.hasFooter = slot.assignedElements().length > 0;
    this.renderRoot.querySelector("footer")?.classList.toggle("empty", !this.hasFooter);
  }

  override render() {
    return html`
      <dialog
        part="dialog"
        role=${this.alert ? "alertdialog" : nothing}
        aria-labelledby="title"
        aria-describedby=${this.alert ? "body" : nothing}
        @close=${this.onClose}
        @cancel=${this.onCancel}
        @keydown=${this.onKeydown}
        @click=${this.onClick}
      >
        <header part="dialog-header">
          <h2 id="title" part="dialog-title">${this.heading}</h2>
          <slot name="header-actions"></slot>
          <button class="icon ghost" part="dialog-close" aria-label=${this.closeLabel} @click=${() => this.close()}>
            ${icon("close")}
          </button>
        </header>
        <div class="body" id="body" part="dialog-body"><slot></slot></div>
        <footer part="dialog-footer" class="empty"><slot name="footer" @slotchange=${this.onFooterSlot}></slot></footer>
      </dialog>
      ${nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "meet-dialog": MeetDialog;
  }
}
