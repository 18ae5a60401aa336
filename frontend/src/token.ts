// Member tokens that renew themselves. A room member token has a lifetime (`exp`); a long meeting outlives
// it. Shortly before it ends, or when a request that used to work answers 401, the token is exchanged at
// `POST /rooms/{roomId}/token/refresh` for a new one with the same room, role, identity and name. Every
// element holding the token on the page is renewed by one request (they share this module's state), and
// a renewal is told apart from a host setting another token, so that lists, players and uploads go on.

export interface RenewedToken {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  roomId: string;
  role: string;
}

interface Claims {
  exp?: number;
  iat?: number;
  nbf?: number;
  roomId?: string;
}

/** Renew this long before the end (at most), and never later than this share of the lifetime. */
const MAX_MARGIN_MS = 5 * 60 * 1000;
const MARGIN_SHARE = 0.25;
/** After a failure that may pass (network, 5xx, 429), try again this much later. */
const RETRY_MS = 30 * 1000;

const successors = new Map<string, string>();
const expiries = new Map<string, number>();
const pending = new Map<string, Promise<RenewedToken | null>>();
/** Tokens the server refused to renew for good (an identity provider's tokens, an expired one). */
const refused = new Set<string>();
/** Tokens the server accepted at least once: a later 401 means they ran out, worth a renewal. */
const accepted = new Set<string>();
const renewals = new Map<string, RenewedToken>();

/** The (unverified) claims of a JWT, to read its lifetime and room; `null` when it is not one. */
export function tokenClaims(token: string): Claims | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const json = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
    const claims = JSON.parse(json) as unknown;
    return claims && typeof claims === "object" ? (claims as Claims) : null;
  } catch {
    return null;
  }
}

/** When the token stops working (milliseconds since the epoch), or 0 when unknown. */
export function tokenExpiry(token: string): number {
  const known = expiries.get(token);
  if (known) return known;
  const exp = tokenClaims(token)?.exp;
  return typeof exp === "number" ? exp * 1000 : 0;
}

/** When to renew the token (milliseconds since the epoch), or 0 for never. */
export function renewalTime(token: string): number {
  const expiresAt = tokenExpiry(token);
  if (!expiresAt || refused.has(token)) return 0;
  const claims = tokenClaims(token);
  const issuedAt = (claims?.iat ?? claims?.nbf ?? 0) * 1000;
  const lifetime = issuedAt && issuedAt < expiresAt ? expiresAt - issuedAt : MAX_MARGIN_MS * 4;
  return expiresAt - Math.min(MAX_MARGIN_MS, lifetime * MARGIN_SHARE);
}

/** The newest token that renewed this one (itself when it was never renewed). */
export function latestToken(token: string): string {
  let current = token;
  for (let hops = 0; hops < 100 && successors.has(current); hops++) current = successors.get(current)!;
  return current;
}

/** Whether `next` is a renewal of `previous` (directly or after several renewals). */
export function isRenewal(previous: unknown, next: string): boolean {
  if (typeof previous !== "string" || !previous || !next || previous === next) return false;
  let current = previous;
  for (let hops = 0; hops < 100 && successors.has(current); hops++) {
    current = successors.get(current)!;
    if (current === next) return true;
  }
  return false;
}

export function markAccepted(token: string): void {
  if (token) accepted.add(token);
}

export function wasAccepted(token: string): boolean {
  return accepted.has(token);
}

/** What the last renewal of `token` gave (for tokens renewed already). */
export function renewalOf(token: string): RenewedToken | null {
  const latest = latestToken(token);
  return latest === token ? null : (renewals.get(latest) ?? null);
}

/** Exchange `token` for a new one (one request for every caller at once). `null` when it cannot be done;
 * `transient` then says whether trying again later may work. */
export function renewToken(
  apiBase: string,
  token: string,
  roomId: string,
): Promise<RenewedToken | null> {
  const known = renewalOf(token);
  if (known) return Promise.resolve(known);
  if (!token || refused.has(token)) return Promise.resolve(null);
  const room = tokenClaims(token)?.roomId || roomId;
  if (!room) return Promise.resolve(null);
  const key = `${apiBase}\n${token}`;
  let request = pending.get(key);
  if (!request) {
    request = exchange(apiBase, token, room).finally(() => pending.delete(key));
    pending.set(key, request);
  }
  return request;
}

async function exchange(apiBase: string, token: string, roomId: string): Promise<RenewedToken | null> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}/rooms/${encodeURIComponent(roomId)}/token/refresh`, {
      method: "POST",
      headers: { Accept: "application/json", "X-Room-Member-Token": token },
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return null; // offline: the caller tries again later
  }
  if (!response.ok) {
    // 400 (the identity provider's tokens), 401 (expired), 403, 404: asking again changes nothing.
    if (response.status !== 408 && response.status !== 429 && response.status < 500) refused.add(token);
    return null;
  }
  let body: Partial<RenewedToken>;
  try {
    body = (await response.json()) as Partial<RenewedToken>;
  } catch {
    return null;
  }
  if (!body.token || typeof body.token !== "string") return null;
  const renewed: RenewedToken = {
    token: body.token,
    expiresAt: Number(body.expiresAt) || tokenExpiry(body.token),
    roomId: body.roomId || roomId,
    role: body.role || "",
  };
  // Within the second it was issued, a token renews to itself (same claims): no successor then.
  if (renewed.token !== token) successors.set(token, renewed.token);
  expiries.set(renewed.token, renewed.expiresAt);
  renewals.set(renewed.token, renewed);
  accepted.add(renewed.token);
  return renewed;
}

/** Whether a failed renewal may work later (`false` once the server refused it). */
export function mayRetryRenewal(token: string): boolean {
  return !!token && !refused.has(token);
}

export const RENEWAL_RETRY_MS = RETRY_MS;
