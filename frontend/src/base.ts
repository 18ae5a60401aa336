// What the three components share: base URL and token, theme, labels, events, error wording.

import { LitElement, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";

import { ApiError, MeetApi } from "./api.js";
import { fill, mergeLabels, type Labels } from "./labels.js";
import { localeOf } from "./format.js";
import {
  RENEWAL_RETRY_MS,
  isRenewal,
  mayRetryRenewal,
  renewalTime,
  renewToken,
  wasAccepted,
  type RenewedToken,
} from "./token.js";

export type Theme = "auto" | "light" | "dark";

export abstract class MeetElement extends LitElement {
  /** Where meet-embed is mounted (`https://app.example.com/meet`); default: derived from this module's URL. */
  @property({ attribute: "base-url", reflect: true }) baseUrl = "";

  /** A room member token, sent as `X-Room-Member-Token`. Without it, the same-origin session is used. */
  @property({ reflect: true }) token = "";

  /** `auto` follows the system's `prefers-color-scheme`. */
  @property({ reflect: true }) theme: Theme = "auto";

  /** Replacement texts (a partial object), for other languages or other words. Also an attribute holding
   * JSON (`labels='{"listTitle": "Aufnahmen"}'`), so a page or an iframe's host can translate without script. */
  @property({ converter: { fromAttribute: parseLabels } }) labels: Partial<Labels> = {};

  private _api: MeetApi | null = null;
  private _apiKey = "";
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private renewTimerFor = "";

  protected get api(): MeetApi {
    const key = `${this.baseUrl}\n${this.token}`;
    if (!this._api || key !== this._apiKey) {
      this._api = new MeetApi(this.baseUrl, this.token, (token) => this.renewAfterRefusal(token));
      this._apiKey = key;
    }
    return this._api;
  }

  // -- member tokens renew themselves ---------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleRenewal();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.renewTimer);
    this.renewTimerFor = "";
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    if (changed.has("token") || changed.has("baseUrl")) this.scheduleRenewal();
  }

  /** The room of the token, for the renewal request when the token does not name it. */
  protected get tokenRoomId(): string {
    return "";
  }

  /** Whether this update's token change is a renewal of the same member (nothing to load again). */
  protected tokenRenewed(changed: PropertyValues): boolean {
    return changed.has("token") && isRenewal(changed.get("token"), this.token);
  }

  /** Inside another meet-embed element (which passes its token down and tells the host itself). */
  private get nested(): boolean {
    const root = this.getRootNode();
    return root instanceof ShadowRoot && root.host instanceof MeetElement;
  }

  private scheduleRenewal(): void {
    if (this.renewTimerFor === this.token && this.renewTimer !== undefined) return;
    clearTimeout(this.renewTimer);
    this.renewTimer = undefined;
    this.renewTimerFor = "";
    if (!this.token || !this.isConnected) return;
    const at = renewalTime(this.token);
    if (!at) return;
    this.renewTimerFor = this.token;
    const delay = Math.min(2 ** 31 - 1, Math.max(0, at - Date.now()));
    this.renewTimer = setTimeout(() => {
      this.renewTimer = undefined;
      this.renewTimerFor = "";
      void this.renew(this.token);
    }, delay);
  }

  /** Exchange the member token for a fresh one; `null` when that did not work. */
  protected async renew(token: string): Promise<RenewedToken | null> {
    if (!token) return null;
    const renewed = await renewToken(this.api.apiBase, token, this.tokenRoomId);
    if (!renewed) {
      // Offline or a server hiccup: again a little later (the token may still have time left).
      if (mayRetryRenewal(token) && this.token === token && this.isConnected) {
        clearTimeout(this.renewTimer);
        this.renewTimerFor = token;
        this.renewTimer = setTimeout(() => {
          this.renewTimer = undefined;
          this.renewTimerFor = "";
          void this.renew(this.token);
        }, RENEWAL_RETRY_MS);
      }
      return null;
    }
    if (this.token === token && renewed.token !== token) {
      this.token = renewed.token;
      if (!this.nested) {
        this.emit("meet-token-refreshed", { token: renewed.token, expiresAt: renewed.expiresAt });
      }
    }
    return renewed;
  }

  /** A request answered 401 with a token that worked before: renew it, and say what to retry with. */
  protected async renewAfterRefusal(token: string): Promise<string | null> {
    if (!wasAccepted(token)) return null;
    return (await this.renew(token))?.token ?? null;
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

/** The `labels` attribute: a JSON object of strings; anything else is ignored (with a warning), so a typo
 * in a page's markup leaves the English words rather than breaking the element. */
export function parseLabels(value: string | null): Partial<Labels> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      return Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).filter(([, text]) => typeof text === "string"),
      ) as Partial<Labels>;
    }
  } catch {
    /* not JSON: said below */
  }
  console.warn("meet-embed: the labels attribute is not a JSON object of texts; it is ignored");
  return {};
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
