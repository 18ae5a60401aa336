// Server-Sent Events over fetch: EventSource cannot send the member token header, so the stream is read
// and parsed here, and the connection comes back with exponential back-off when it drops.

import { ApiError } from "./api.js";

export interface SseMessage {
  event: string;
  data: string;
  id: string;
}

export interface SseOptions {
  url: () => string;
  headers: () => Record<string, string>;
  onMessage: (message: SseMessage) => void;
  /** The stream's answer, once it is accepted (its headers: the server's `Date`). */
  onOpen?: (response: Response) => void;
  /** Connected (true) or lost (false, with the delay before the next attempt in milliseconds). */
  onState?: (connected: boolean, retryInMs?: number) => void;
  /** An answer that retrying will not change (401, 403, 404): the client stops. */
  onFatal?: (error: ApiError) => void;
  /** Reconnect when nothing, not even the server's keep-alive comment, arrived for this long. */
  idleTimeoutMs?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** Splits a byte stream into SSE messages (the WHATWG "event stream interpretation"). */
export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private lastId = "";
  /** The server's `retry:` field, when it sent one. */
  retry: number | null = null;

  constructor(private readonly emit: (message: SseMessage) => void) {}

  push(text: string): void {
    this.buffer += text;
    let start = 0;
    for (;;) {
      const cr = this.buffer.indexOf("\r", start);
      const lf = this.buffer.indexOf("\n", start);
      let end: number;
      if (cr === -1 && lf === -1) break;
      if (cr === -1) end = lf;
      else if (lf === -1) end = cr;
      else end = Math.min(cr, lf);
      // A CR at the very end may be the first half of CRLF: wait for the next piece.
      if (end === cr && end === this.buffer.length - 1) break;
      this.line(this.buffer.slice(start, end));
      start = end + (this.buffer[end] === "\r" && this.buffer[end + 1] === "\n" ? 2 : 1);
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === "") {
      if (this.data.length) {
        this.emit({ event: this.event || "message", data: this.data.join("\n"), id: this.lastId });
      }
      this.data = [];
      this.event = "";
      return;
    }
    if (line.startsWith(":")) return; // a comment (keep-alive)
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.event = value;
        break;
      case "data":
        this.data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.lastId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
  }
}

export class SseClient {
  private abort: AbortController | null = null;
  private running = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private wake: (() => void) | null = null;
  private readonly onOnline = () => this.wake?.();

  constructor(private readonly options: SseOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    window.addEventListener("online", this.onOnline);
    void this.loop();
  }

  stop(): void {
    this.running = false;
    window.removeEventListener("online", this.onOnline);
    this.abort?.abort();
    this.wake?.();
  }

  /** Drop the current connection and connect again now (e.g. after the token changed). */
  restart(): void {
    this.attempt = 0;
    this.abort?.abort();
    this.wake?.();
  }

  private async loop(): Promise<void> {
    const { minDelayMs = 1000, maxDelayMs = 30000 } = this.options;
    while (this.running) {
      let serverRetry: number | null = null;
      try {
        serverRetry = await this.connectOnce();
      } catch (err) {
        if (err instanceof ApiError && !err.isTransient) {
          this.running = false;
          this.options.onFatal?.(err);
          break;
        }
      }
      if (!this.running) break;
      const backoff = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(this.attempt, 10));
      const delay = Math.max(serverRetry ?? 0, Math.round(backoff * (0.75 + Math.random() * 0.5)));
      this.attempt += 1;
      this.options.onState?.(false, delay);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, delay);
      });
      if (this.timer) clearTimeout(this.timer);
      this.wake = null;
    }
    window.removeEventListener("online", this.onOnline);
  }

  /** One connection, until it ends. Returns the server's `retry` advice. */
  private async connectOnce(): Promise<number | null> {
    const abort = new AbortController();
    this.abort = abort;
    const idleMs = this.options.idleTimeoutMs ?? 45000;
    let idle: ReturnType<typeof setTimeout> | null = null;
    const touch = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => abort.abort(), idleMs);
    };
    const parser = new SseParser((message) => {
      this.attempt = 0;
      this.options.onMessage(message);
    });
    try {
      let response: Response;
      try {
        touch();
        response = await fetch(this.options.url(), {
          headers: { Accept: "text/event-stream", ...this.options.headers() },
          credentials: "same-origin",
          cache: "no-store",
          signal: abort.signal,
        });
      } catch (err) {
        if (abort.signal.aborted) return null;
        throw new ApiError(0, (err as Error)?.message || "Network error");
      }
      if (!response.ok || !response.body) {
        let message = response.statusText;
        let error = "";
        try {
          const body = (await response.json()) as { message?: string; error?: string };
          message = body.message || message;
          error = body.error || "";
        } catch {
          /* not JSON */
        }
        throw new ApiError(response.status, message, error);
      }
      this.options.onOpen?.(response);
      this.options.onState?.(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          touch();
          parser.push(value);
        }
      } catch {
        /* the connection dropped, or we aborted it: reconnect */
      } finally {
        reader.releaseLock();
      }
      return parser.retry;
    } finally {
      if (idle) clearTimeout(idle);
      if (this.abort === abort) this.abort = null;
    }
  }
}
