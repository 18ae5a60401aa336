// What the three components share: base URL and token, theme, labels, events, error wording.

import { LitElement } from "lit";
import { property } from "lit/decorators.js";

import { ApiError, MeetApi } from "./api.js";
import { fill, mergeLabels, type Labels } from "./labels.js";
import { localeOf } from "./format.js";

export type Theme = "auto" | "light" | "dark";

export abstract class MeetElement extends LitElement {
  /** Where meet-embed is mounted (`https://app.example.com/meet`); default: derived from this module's URL. */
  @property({ attribute: "base-url", reflect: true }) baseUrl = "";

  /** A room member token, sent as `X-Room-Member-Token`. Without it, the same-origin session is used. */
  @property({ reflect: true }) token = "";

  /** `auto` follows the system's `prefers-color-scheme`. */
  @property({ reflect: true }) theme: Theme = "auto";

  /** Replacement texts (a partial object), for other languages or other words. */
  @property({ attribute: false }) labels: Partial<Labels> = {};

  private _api: MeetApi | null = null;
  private _apiKey = "";

  protected get api(): MeetApi {
    const key = `${this.baseUrl}\n${this.token}`;
    if (!this._api || key !== this._apiKey) {
      this._api = new MeetApi(this.baseUrl, this.token);
      this._apiKey = key;
    }
    return this._api;
  }

  protected get t(): Labels {
    return mergeLabels(this.labels);
  }

  protected get locale(): string | undefined {
    return localeOf(this);
  }

  protected fill(template: string, values: Record<string, string | number> = {}): string {
    return fill(template, values);
  }

  /** Dispatch a `meet-*` event that crosses shadow roots. */
  protected emit<T>(name: string, detail: T): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: true }),
    );
  }

  /** Words for an API failure, and a `meet-error` event for the host. */
  protected report(err: unknown, action: string, forbidden?: string): string {
    const message = this.describe(err, forbidden);
    const status = err instanceof ApiError ? err.status : 0;
    this.emit("meet-error", {
      action,
      status,
      error: err instanceof ApiError ? err.error : (err as Error)?.name || "Error",
      message,
      serverMessage: err instanceof Error ? err.message : String(err),
    });
    return message;
  }

  protected describe(err: unknown, forbidden?: string): string {
    const t = this.t;
    if (!(err instanceof ApiError)) return (err as Error)?.message || t.errorTitle;
    if (err.status === 0) return t.errorNetwork;
    if (err.status === 401) return t.errorUnauthorized;
    if (err.status === 403) return forbidden || t.errorForbidden;
    if (err.status === 404) return t.errorNotFound;
    if (err.status >= 500) return this.fill(t.errorServer, { status: err.status });
    return err.message;
  }
}

/** Deepest focused element, through shadow roots. */
export function activeElementDeep(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure context, no permission): the old way, from a hidden field.
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
    field.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    field.remove();
    return ok;
  }
}
