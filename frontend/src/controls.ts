// <meet-recording-controls>: the meeting view's recording controls. Everyone sees the "REC" indicator
// (from the room's live event stream) and can open the room's recordings; moderators start and stop
// recordings, which this element captures with MediaRecorder and uploads chunk by chunk.

import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";

import { ApiError, type Me, type Recording } from "./api.js";
import { MeetElement } from "./base.js";
import type { MeetDialog } from "./dialog.js";
import "./dialog.js";
import { formatClock, formatSize } from "./format.js";
import { icon } from "./icons.js";
import "./recordings.js";
import { SseClient } from "./sse.js";
import { controls, tokens } from "./styles.js";

/** Preferred recording formats, best first (H.264 and VP9 remux to MP4 on the server without re-encoding). */
export const MIME_TYPES = [
  "video/webm;codecs=h264,opus",
  "video/webm;codecs=vp9,opus",
  "video/webm;codecs=vp8,opus",
  "video/webm",
];
export const TIMESLICE_MS = 2000;
const MAX_ATTEMPTS = 5;

type Phase = "idle" | "acquiring" | "starting" | "recording" | "stopping" | "finishing";
type Source = "camera" | "screen";

interface Chunk {
  seq: number;
  blob: Blob;
}

interface Capture {
  recordingId: string;
  roomId: string;
  recorder: MediaRecorder;
  stream: MediaStream;
  ownStream: boolean;
  mimeType: string;
  queue: Chunk[];
  lastSent: Chunk | null;
  nextSeq: number;
  stopped: boolean;
  finalAcked: boolean;
  stopByUs: boolean;
  /** recorder.stop() was called: its last data and its `stop` event are on their way. */
  stopRequested: boolean;
  pumping: boolean;
  paused: boolean;
  dead: boolean;
  sentChunks: number;
  totalChunks: number;
  sentBytes: number;
  totalBytes: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function pickMimeType(): string {
  if (typeof MediaRecorder === "undefined") return "";
  return MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? "";
}

@customElement("meet-recording-controls")
export class MeetRecordingControls extends MeetElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .bar {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 12px 16px;
      }
      .state {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 10px 12px;
        min-width: 0;
        flex: 1 1 auto;
      }
      .indicator {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        padding: 6px 12px 6px 10px;
        border-radius: 999px;
        font-weight: 750;
        font-size: 0.92em;
        letter-spacing: 0.02em;
        background: color-mix(in srgb, var(--_recording) 14%, var(--_surface));
        color: var(--_recording);
        border: 1px solid color-mix(in srgb, var(--_recording) 35%, transparent);
        white-space: nowrap;
      }
      .indicator .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--_recording);
        box-shadow: 0 0 0 0 color-mix(in srgb, var(--_recording) 60%, transparent);
        animation: rec-pulse 1.6s ease-out infinite;
      }
      .indicator time {
        font-variant-numeric: tabular-nums;
        color: var(--_text);
        font-weight: 650;
      }
      .indicator.idle {
        background: var(--_surface-2);
        color: var(--_muted);
        border-color: transparent;
        font-weight: 600;
      }
      .indicator.idle .dot {
        background: var(--_muted);
        animation: none;
        opacity: 0.6;
      }
      @keyframes rec-pulse {
        0% {
          box-shadow: 0 0 0 0 color-mix(in srgb, var(--_recording) 55%, transparent);
        }
        80%,
        100% {
          box-shadow: 0 0 0 8px transparent;
        }
      }
      .sub {
        color: var(--_muted);
        font-size: 0.88em;
        display: flex;
        align-items: center;
        gap: 6px;
        min-width: 0;
      }
      .sub span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .buttons {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      button.start .rec-icon {
        display: inline-flex;
        color: var(--_recording);
      }
      button.primary.start .rec-icon {
        color: inherit;
      }
      .preview {
        width: 96px;
        aspect-ratio: 16 / 9;
        border-radius: var(--_radius-sm);
        background: #000;
        object-fit: cover;
        flex: none;
      }
      progress {
        display: block;
        width: 100%;
        height: 6px;
        margin-top: 12px;
        border: 0;
        border-radius: 3px;
        overflow: hidden;
        appearance: none;
        background: var(--_surface-2);
        accent-color: var(--_accent);
      }
      progress::-webkit-progress-bar {
        background: var(--_surface-2);
      }
      progress::-webkit-progress-value {
        background: var(--_accent);
        transition: width 0.3s;
      }
      progress::-moz-progress-bar {
        background: var(--_accent);
      }
      .notice {
        margin-top: 12px;
      }
      .notice .grow {
        flex: 1;
        min-width: 0;
      }
      .notice button {
        margin-top: 8px;
      }
      .sources {
        display: grid;
        gap: 10px;
      }
      .sources button {
        justify-content: flex-start;
        text-align: left;
        gap: 14px;
        padding: 14px 16px;
        min-height: 64px;
        white-space: normal;
        font-weight: 600;
      }
      .sources button svg {
        width: 28px;
        height: 28px;
        color: var(--_accent);
      }
      .sources small {
        display: block;
        color: var(--_muted);
        font-weight: 400;
        font-size: 0.88em;
      }
      .panel meet-recordings {
        display: block;
      }
      @media (prefers-reduced-motion: reduce) {
        .indicator .dot {
          animation: none;
        }
      }
      @container (max-width: 480px) {
        .buttons {
          width: 100%;
        }
        .buttons button {
          flex: 1;
        }
        .sub {
          flex-basis: 100%;
        }
        .sub span {
          white-space: normal;
        }
      }
    `,
  ];

  @property({ attribute: "room-id", reflect: true }) roomId = "";
  /** The media to record (set by the host); without it, moderators pick a camera or a screen. */
  @property({ attribute: false }) stream: MediaStream | null = null;
  /** Hide the button that opens the room's recordings (when the page shows the list already). */
  @property({ type: Boolean, attribute: "hide-recordings-button", reflect: true }) hideRecordingsButton = false;
  /** Who can open a private share link (`users` or `admins`), for the recordings panel's share dialog. */
  @property({ attribute: "private-viewers", reflect: true }) privateViewers: "users" | "admins" = "users";

  @state() private me: Me | null = null;
  @state() private roomRecording: Recording | null = null;
  @state() private phase: Phase = "idle";
  @state() private now = Date.now();
  /** With `retry`, the upload is paused: its words count the parts waiting now (see renderNotice). */
  @state() private notice: { kind: "error" | "warning" | "success"; message: string; retry?: boolean } | null =
    null;
  @state() private announcement = "";
  @state() private progress = { sentChunks: 0, totalChunks: 0, sentBytes: 0, totalBytes: 0 };
  @state() private panelOpen = false;
  @state() private liveError = "";
  @state() private previewStream: MediaStream | null = null;

  @query("meet-dialog.sources-dialog") private sourcesDialog!: MeetDialog;
  @query("meet-dialog.panel") private panel!: MeetDialog;
  @query("video.preview") private previewEl?: HTMLVideoElement;

  private capture: Capture | null = null;
  private sse: SseClient | null = null;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private generation = 0;
  /** Milliseconds to add to this device's clock to get the server's (which set `startDate`). */
  private clockSkew = 0;
  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.capture && !this.capture.dead && !(this.capture.stopped && this.capture.finalAcked)) {
      event.preventDefault();
      event.returnValue = this.t.leaveWarning;
    }
  };
  private readonly onOnline = () => {
    if (this.capture?.paused) this.retryUpload();
  };

  // -- lifecycle -------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("beforeunload", this.onBeforeUnload);
    window.addEventListener("online", this.onOnline);
    if (this.hasUpdated) void this.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Taken off the page while recording: nobody could see or stop it any more, so it stops now
    // (the last chunk is still uploaded and the recording saved).
    const capture = this.capture;
    if (capture && !capture.stopped && !capture.dead) {
      capture.stopByUs = true;
      this.stopRecorder(capture);
    }
    window.removeEventListener("beforeunload", this.onBeforeUnload);
    window.removeEventListener("online", this.onOnline);
    this.generation++;
    this.sse?.stop();
    this.sse = null;
    clearInterval(this.ticker);
  }

  override updated(changed: PropertyValues): void {
    // A renewed token is the same member: the event stream and any upload go on with it.
    if (changed.has("roomId") || (changed.has("token") && !this.tokenRenewed(changed)) || changed.has("baseUrl")) {
      void this.connect();
    }
    if (changed.has("previewStream") && this.previewEl) this.previewEl.srcObject = this.previewStream;
  }

  private get currentRoomId(): string {
    return this.roomId.trim() || this.me?.room?.roomId || "";
  }

  protected override get tokenRoomId(): string {
    return this.currentRoomId;
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.sse?.stop();
    this.sse = null;
    this.liveError = "";
    if (!this.roomId.trim() && !this.token) return;
    try {
      const me = await this.api.me(this.roomId.trim() || undefined);
      if (generation !== this.generation) return;
      this.me = me;
    } catch (err) {
      if (generation !== this.generation) return;
      this.me = null;
      this.liveError = this.report(err, "permissions");
    }
    const roomId = this.currentRoomId;
    if (!roomId) return;
    const sse: SseClient = new SseClient({
      url: () => this.api.url(`/rooms/${encodeURIComponent(roomId)}/recording/events`),
      headers: () => this.api.headers({ Accept: "text/event-stream" }),
      onOpen: (response) => this.measureSkew(response),
      onMessage: (message) => {
        let payload: { recording?: Recording | null } = {};
        try {
          payload = JSON.parse(message.data) as { recording?: Recording | null };
        } catch {
          return;
        }
        this.liveError = "";
        this.onRoomRecording(payload.recording ?? null, message.event);
      },
      onFatal: (err) => {
        void (async () => {
          // The token ran out while connected (a long meeting): renewed, the stream goes on.
          if (err.status === 401 && this.sse === sse && (await this.renewAfterRefusal(this.token))) {
            if (this.sse === sse) sse.start();
            return;
          }
          if (this.sse === sse) this.liveError = this.report(err, "live-updates");
        })();
      },
    });
    this.sse = sse;
    sse.start();
  }

  // -- the room's recording, as the event stream tells it ------------------------------------------------

  private onRoomRecording(recording: Recording | null, event: string): void {
    const running = recording && (recording.status === "starting" || recording.status === "active");
    const before = this.roomRecording;
    const wasRunning = !!before && (before.status === "starting" || before.status === "active");
    if (event === "state") {
      this.roomRecording = running ? recording : null;
    } else if (recording) {
      if (running) this.roomRecording = recording;
      else if (!before || before.recordingId === recording.recordingId) this.roomRecording = null;
    }
    const nowRunning = !!this.roomRecording;
    if (nowRunning && !wasRunning) {
      this.announcement = this.t.recordingStartedAnnounce;
      this.startTicker();
      const local = this.capture?.recordingId === this.roomRecording!.recordingId || this.phase === "starting";
      if (!local) {
        this.emit("meet-recording-started", {
          recordingId: this.roomRecording!.recordingId,
          roomId: this.roomRecording!.roomId,
          startDate: this.roomRecording!.startDate,
          local,
        });
      }
    } else if (!nowRunning && wasRunning) {
      this.announcement = this.t.recordingStoppedAnnounce;
      clearInterval(this.ticker);
      this.emit("meet-recording-stopped", {
        recordingId: before!.recordingId,
        roomId: before!.roomId,
        status: recording?.status ?? "ending",
        local: this.capture?.recordingId === before!.recordingId,
      });
    }
    // Our own recording, stopped or failed elsewhere (the host's API key, the time or size limit).
    const capture = this.capture;
    if (capture && recording && recording.recordingId === capture.recordingId && !capture.stopped) {
      if (recording.status === "ending" || recording.status === "complete" || recording.status === "limit_reached") {
        if (!capture.stopByUs) this.notice = { kind: "warning", message: this.t.stoppedElsewhere };
        this.stopRecorder(capture);
      } else if (recording.status === "failed" || recording.status === "aborted") {
        this.abandon(capture, this.fill(this.t.recordingFailed, { message: recording.error || recording.status }));
      }
    }
  }

  /** The events carry no server time, but the stream's answer has a `Date` header (readable on the same
   * origin, or when the server exposes it): the elapsed time then counts from the server's clock, not a
   * device's that is minutes off. */
  private measureSkew(response: Response): void {
    const date = Date.parse(response.headers.get("Date") ?? "");
    if (Number.isNaN(date)) return;
    // The header counts whole seconds (half a second more is likeliest); within a second it is noise.
    const skew = date + 500 - Date.now();
    this.clockSkew = Math.abs(skew) > 1000 ? skew : 0;
  }

  private startTicker(): void {
    clearInterval(this.ticker);
    this.now = Date.now();
    this.ticker = setInterval(() => (this.now = Date.now()), 1000);
  }

  // -- start -------------------------------------------------------------------------------------------

  private async onStartClick(): Promise<void> {
    this.notice = null;
    if (this.stream) {
      await this.start(this.stream, false);
      return;
    }
    this.sourcesDialog.show();
  }

  private async chooseSource(source: Source): Promise<void> {
    this.sourcesDialog.close();
    const t = this.t;
    if (typeof MediaRecorder === "undefined" || !navigator.mediaDevices) {
      this.notice = { kind: "error", message: t.unsupported };
      return;
    }
    this.phase = "acquiring";
    let stream: MediaStream;
    try {
      stream =
        source === "camera"
          ? await navigator.mediaDevices.getUserMedia({
              video: { width: { ideal: 1280 }, height: { ideal: 720 } },
              audio: true,
            })
          : await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true });
    } catch (err) {
      this.phase = "idle";
      const name = (err as Error)?.name;
      let message = (err as Error)?.message || t.permissionDenied;
      if (name === "NotAllowedError" || name === "SecurityError") {
        message = source === "camera" ? t.permissionDenied : t.captureCancelled;
      } else if (name === "NotFoundError" || name === "OverconstrainedError") {
        message = t.noDevice;
      } else if (name === "AbortError") {
        message = t.captureCancelled;
      }
      this.notice = { kind: "error", message };
      this.emit("meet-error", { action: "capture", status: 0, error: name || "Error", message });
      return;
    }
    await this.start(stream, true);
  }

  private async start(stream: MediaStream, ownStream: boolean): Promise<void> {
    const t = this.t;
    const release = () => {
      if (ownStream) for (const track of stream.getTracks()) track.stop();
    };
    const mimeType = pickMimeType();
    if (typeof MediaRecorder === "undefined") {
      this.notice = { kind: "error", message: t.unsupported };
      release();
      return;
    }
    const roomId = this.currentRoomId;
    this.phase = "starting";
    let recording: Recording;
    try {
      recording = await this.api.startRecording(roomId);
    } catch (err) {
      release();
      this.phase = "idle";
      let message: string;
      if (err instanceof ApiError && err.status === 403) message = this.report(err, "start", t.startRefused403);
      else if (err instanceof ApiError && err.status === 409) {
        this.report(err, "start");
        message = t.startRefused409;
      } else message = this.report(err, "start");
      this.notice = { kind: "error", message };
      return;
    }
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    } catch (err) {
      release();
      this.phase = "idle";
      this.notice = { kind: "error", message: (err as Error)?.message || t.unsupported };
      void this.api.stopRecording(recording.recordingId).catch(() => undefined);
      return;
    }
    const capture: Capture = {
      recordingId: recording.recordingId,
      roomId,
      recorder,
      stream,
      ownStream,
      mimeType: recorder.mimeType || mimeType,
      queue: [],
      lastSent: null,
      nextSeq: 0,
      stopped: false,
      finalAcked: false,
      stopByUs: false,
      stopRequested: false,
      pumping: false,
      paused: false,
      dead: false,
      sentChunks: 0,
      totalChunks: 0,
      sentBytes: 0,
      totalBytes: 0,
    };
    this.capture = capture;
    this.progress = { sentChunks: 0, totalChunks: 0, sentBytes: 0, totalBytes: 0 };
    recorder.addEventListener("dataavailable", (event: BlobEvent) => {
      if (!event.data || event.data.size === 0 || capture.dead) return;
      capture.queue.push({ seq: capture.nextSeq++, blob: event.data });
      capture.totalChunks += 1;
      capture.totalBytes += event.data.size;
      this.syncProgress(capture);
      void this.pump(capture);
    });
    recorder.addEventListener("stop", () => {
      capture.stopped = true;
      if (!capture.dead) this.phase = "finishing";
      void this.pump(capture);
    });
    recorder.addEventListener("error", () => {
      // The recorder stops by itself after an error: finish with what was captured.
      capture.stopByUs = true;
    });
    for (const track of stream.getTracks()) {
      track.addEventListener("ended", () => {
        if (this.capture === capture && !capture.stopped && stream.getTracks().every((t) => t.readyState === "ended")) {
          void this.stop();
        }
      });
    }
    recorder.start(TIMESLICE_MS);
    this.previewStream = ownStream && stream.getVideoTracks().length ? stream : null;
    this.phase = "recording";
    if (!this.roomRecording) {
      this.roomRecording = recording;
      this.announcement = t.recordingStartedAnnounce;
      this.startTicker();
    }
    this.emit("meet-recording-started", {
      recordingId: recording.recordingId,
      roomId,
      startDate: recording.startDate,
      local: true,
      mimeType: capture.mimeType,
    });
  }

  // -- stop --------------------------------------------------------------------------------------------

  /** Stop the room's recording: ours is finished and uploaded first; another one is stopped on the server. */
  async stop(): Promise<void> {
    const capture = this.capture;
    if (capture && !capture.stopped && !capture.dead) {
      capture.stopByUs = true;
      this.phase = "stopping";
      this.stopRecorder(capture);
      return;
    }
    const running = this.roomRecording;
    if (!running) return;
    this.phase = "stopping";
    try {
      await this.api.stopRecording(running.recordingId);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 409)) {
        this.notice = { kind: "error", message: this.report(err, "stop") };
      }
    } finally {
      this.phase = "idle";
    }
  }

  private stopRecorder(capture: Capture): void {
    if (capture.stopRequested) return;
    capture.stopRequested = true;
    const stopped = () => {
      capture.stopped = true;
      void this.pump(capture);
    };
    if (capture.recorder.state !== "inactive") {
      try {
        capture.recorder.stop(); // its last `dataavailable`, then `stop` (which marks it stopped)
      } catch {
        stopped();
      }
    } else if (!capture.stopped) {
      stopped(); // it ended by itself (an error) without a `stop` event yet
    }
    this.releaseStream(capture);
  }

  private releaseStream(capture: Capture): void {
    if (capture.ownStream) {
      // Stop the camera only once the recorder has flushed its last data.
      const stopTracks = () => capture.stream.getTracks().forEach((track) => track.stop());
      if (capture.recorder.state === "inactive") stopTracks();
      else capture.recorder.addEventListener("stop", stopTracks, { once: true });
    }
    this.previewStream = null;
  }

  /** The recording failed on the server: nothing more to upload. */
  private abandon(capture: Capture, message: string): void {
    capture.dead = true;
    capture.queue = [];
    if (capture.recorder.state !== "inactive") {
      try {
        capture.recorder.stop();
      } catch {
        /* already stopped */
      }
    }
    this.releaseStream(capture);
    this.notice = { kind: "error", message };
    this.phase = "idle";
    this.capture = null;
  }

  // -- upload: in order, retried with back-off, resumable, the last chunk marked final ----------------------

  private async pump(capture: Capture): Promise<void> {
    if (capture.pumping || capture.paused || capture.dead) return;
    capture.pumping = true;
    try {
      for (;;) {
        if (capture.dead) return;
        let item = capture.queue[0];
        let final = false;
        if (!item) {
          if (!capture.stopped || capture.finalAcked) break;
          if (!capture.lastSent) {
            // Nothing was ever recorded: there is no last chunk to send.
            capture.finalAcked = true;
            break;
          }
          // The last chunk went out before the recorder stopped: send it again, marked final.
          item = capture.lastSent;
          capture.queue.push(item);
          final = true;
        } else {
          final = capture.stopped && capture.queue.length === 1;
        }
        try {
          await this.send(capture, item, final);
        } catch (err) {
          if (capture.dead) return;
          if (err instanceof ApiError && err.isTransient) {
            capture.paused = true;
            this.notice = {
              kind: "warning",
              message: this.fill(this.t.uploadPaused, { count: capture.queue.length }),
              retry: true,
            };
            this.emit("meet-error", {
              action: "upload",
              status: err.status,
              error: err.error || "Network",
              message: this.describe(err),
            });
          } else {
            const message = this.fill(this.t.uploadFailed, { message: this.report(err, "upload") });
            this.abandon(capture, message);
          }
          return;
        }
        capture.queue.shift();
        if (final) capture.finalAcked = true;
        else {
          capture.sentChunks += 1;
          capture.sentBytes += item.blob.size;
        }
        capture.lastSent = item;
        this.syncProgress(capture, final);
      }
    } finally {
      capture.pumping = false;
    }
    if (capture.stopped && capture.finalAcked && !capture.dead) await this.finish(capture);
  }

  private async send(capture: Capture, item: Chunk, final: boolean): Promise<void> {
    let attempt = 0;
    for (;;) {
      try {
        const receipt = await this.api.uploadChunk(capture.recordingId, item.seq, item.blob, final);
        if (receipt.status === "ending" && !capture.stopped && !capture.stopByUs) {
          // Stopped on the server (time or size limit) before the event stream told us.
          this.notice = { kind: "warning", message: this.t.stoppedElsewhere };
          this.stopRecorder(capture);
        }
        return;
      } catch (err) {
        const transient = err instanceof ApiError && err.isTransient;
        attempt += 1;
        if (!transient || attempt >= MAX_ATTEMPTS) throw err;
        await sleep(Math.min(16000, 1000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4));
        if (capture.dead) throw err;
        // The connection dropped: perhaps the chunk arrived anyway. Ask before sending it again.
        if (!final && (await this.arrived(capture, item.seq))) return;
      }
    }
  }

  private async arrived(capture: Capture, seq: number): Promise<boolean> {
    try {
      const status = await this.api.chunks(capture.recordingId);
      return status.received.includes(seq);
    } catch {
      return false;
    }
  }

  /** Try the waiting chunks again (after a failure for good, or when the connection is back). */
  retryUpload(): void {
    const capture = this.capture;
    if (!capture || !capture.paused) return;
    capture.paused = false;
    this.notice = null;
    void (async () => {
      try {
        const status = await this.api.chunks(capture.recordingId);
        const received = new Set(status.received);
        // Chunks that made it before the connection dropped need not go again (the last one may still
        // have to be marked final: keep it when the recorder has stopped).
        capture.queue = capture.queue.filter(
          (c, i) => !received.has(c.seq) || (capture.stopped && i === capture.queue.length - 1),
        );
      } catch {
        /* still offline: the pump will pause again */
      }
      void this.pump(capture);
    })();
  }

  private async finish(capture: Capture): Promise<void> {
    if (this.capture !== capture) return;
    if (capture.stopByUs) {
      try {
        await this.api.stopRecording(capture.recordingId);
      } catch (err) {
        // 409: it was already stopped (by the size or time limit, or elsewhere); the media is in.
        if (!(err instanceof ApiError && err.status === 409)) {
          this.notice = { kind: "error", message: this.report(err, "stop") };
        }
      }
    }
    this.capture = null;
    this.phase = "idle";
    if (!capture.totalChunks) {
      this.notice = { kind: "warning", message: this.t.nothingRecorded };
    } else if (!this.notice || this.notice.kind === "success") {
      // In a room whose recordings only administrators see, the moderator will not find it in the list.
      const message = this.me && !this.me.permissions.retrieve ? this.t.savedForAdmins : this.t.saved;
      this.notice = { kind: "success", message };
    }
    if (this.roomRecording?.recordingId === capture.recordingId) {
      this.roomRecording = null;
      clearInterval(this.ticker);
      this.announcement = this.t.recordingStoppedAnnounce;
      this.emit("meet-recording-stopped", {
        recordingId: capture.recordingId,
        roomId: capture.roomId,
        status: "ending",
        local: true,
      });
    }
  }

  private syncProgress(capture: Capture, final = false): void {
    this.progress = {
      sentChunks: capture.sentChunks,
      totalChunks: capture.totalChunks,
      sentBytes: capture.sentBytes,
      totalBytes: capture.totalBytes,
    };
    this.emit("meet-upload-progress", {
      recordingId: capture.recordingId,
      ...this.progress,
      pendingChunks: capture.queue.length,
      final,
    });
  }

  // -- rendering -----------------------------------------------------------------------------------------

  private renderIndicator() {
    const t = this.t;
    const running = this.roomRecording;
    if (!running) {
      return this.me
        ? html`<span class="indicator idle" part="indicator"><span class="dot" aria-hidden="true"></span>${t.notRecording}</span>`
        : nothing;
    }
    const elapsed = running.startDate ? Math.max(0, (this.now + this.clockSkew - running.startDate) / 1000) : 0;
    const clock = formatClock(elapsed);
    return html`<span class="indicator" part="indicator" title=${t.recordingRunning}>
      <span class="dot" aria-hidden="true"></span>
      <span aria-hidden="true">${t.rec}</span>
      <span class="sr-only">${t.recordingRunning}</span>
      <time part="elapsed" datetime=${`PT${Math.floor(elapsed)}S`}>${clock}</time>
    </span>`;
  }

  private renderSub() {
    const t = this.t;
    const room = this.me?.room;
    if (!this.capture && this.me?.principal.role === "moderator" && room && !room.recordingEnabled) {
      return html`<span class="sub" part="upload-status"><span>${t.recordingDisabled}</span></span>`;
    }
    const p = this.progress;
    const capture = this.capture;
    if (this.phase === "finishing" || this.phase === "stopping") {
      return html`<span class="sub" part="upload-status"
        ><span class="spinner" aria-hidden="true"></span><span>${t.finishing}</span></span
      >`;
    }
    if (capture && p.totalChunks) {
      return html`<span class="sub" part="upload-status">${icon("upload")}<span
          >${this.fill(t.uploading, {
            sent: p.sentChunks,
            total: p.totalChunks,
            bytes: formatSize(p.sentBytes, this.locale),
          })}</span
        ></span>`;
    }
    return nothing;
  }

  private renderButtons() {
    const t = this.t;
    const canRecord = !!this.me?.permissions.record;
    const running = !!this.roomRecording || !!this.capture;
    const busy = this.phase === "acquiring" || this.phase === "starting" || this.phase === "stopping";
    const finishing = this.phase === "finishing";
    let recordButton: unknown = nothing;
    if (canRecord) {
      if (running || this.phase === "stopping" || finishing) {
        recordButton = html`<button
          class="danger"
          part="stop-button"
          ?disabled=${busy || finishing}
          @click=${() => this.stop()}
        >
          ${this.phase === "stopping" || finishing
            ? html`<span class="spinner" aria-hidden="true"></span>${t.stopping}`
            : html`${icon("stop")} ${t.stopRecording}`}
        </button>`;
      } else {
        recordButton = html`<button class="primary start" part="start-button" ?disabled=${busy} @click=${this.onStartClick}>
          ${busy
            ? html`<span class="spinner" aria-hidden="true"></span>${t.starting}`
            : html`<span class="rec-icon">${icon("record")}</span> ${t.startRecording}`}
        </button>`;
      }
    }
    return html`<div class="buttons">
      ${recordButton}
      ${this.hideRecordingsButton
        ? nothing
        : html`<button part="recordings-button" aria-haspopup="dialog" @click=${this.openPanel}>
            ${icon("library")} ${t.openRecordings}
          </button>`}
    </div>`;
  }

  private async openPanel(): Promise<void> {
    this.panelOpen = true;
    await this.updateComplete;
    this.panel.show();
  }

  override render() {
    const t = this.t;
    const p = this.progress;
    const pct = p.totalBytes ? Math.round((p.sentBytes / p.totalBytes) * 100) : 0;
    const notice = this.notice;
    return html`
      <div class="bar" part="bar">
        <div class="state">
          ${this.previewStream
            ? html`<video class="preview" part="preview" muted autoplay playsinline aria-label=${t.preview}></video>`
            : nothing}
          ${this.renderIndicator()} ${this.renderSub()}
        </div>
        ${this.renderButtons()}
      </div>
      ${this.phase === "finishing" && p.totalBytes
        ? html`<progress part="progress" aria-label=${t.finishing} max="100" .value=${pct}></progress>`
        : nothing}
      ${notice
        ? html`<div class="notice ${notice.kind}" part="notice" role=${notice.kind === "success" ? "status" : "alert"}>
            ${icon(notice.kind === "success" ? "check" : "warning")}
            <div class="grow">
              <p>
                ${notice.retry && this.capture
                  ? this.fill(t.uploadPaused, { count: this.capture.queue.length })
                  : notice.message}
              </p>
              ${notice.retry
                ? html`<button class="primary" part="retry-button" @click=${() => this.retryUpload()}>
                    ${icon("refresh")} ${t.retryUpload}
                  </button>`
                : nothing}
            </div>
            <button class="icon ghost" aria-label=${t.close} @click=${() => (this.notice = null)}>${icon("close")}</button>
          </div>`
        : nothing}
      ${this.liveError ? html`<div class="notice warning" role="status">${icon("warning")}<p>${this.liveError}</p></div>` : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>

      <meet-dialog class="sources-dialog" .heading=${t.chooseSource} .closeLabel=${t.close} theme=${this.theme}>
        <div class="sources">
          <button part="source-camera" @click=${() => this.chooseSource("camera")} data-autofocus>
            ${icon("camera")}<span>${t.sourceCamera}<small>${t.sourceCameraHint}</small></span>
          </button>
          <button part="source-screen" @click=${() => this.chooseSource("screen")}>
            ${icon("screen")}<span>${t.sourceScreen}<small>${t.sourceScreenHint}</small></span>
          </button>
        </div>
      </meet-dialog>

      <meet-dialog
        class="panel"
        size="panel"
        .heading=${this.me?.room?.roomName || t.recordingsPanel}
        .closeLabel=${t.close}
        theme=${this.theme}
        @meet-dialog-close=${() => (this.panelOpen = false)}
      >
        ${this.panelOpen
          ? html`<meet-recordings
              part="recordings"
              mode="room"
              room-id=${this.currentRoomId}
              .baseUrl=${this.baseUrl}
              .token=${this.token}
              .labels=${this.labels}
              theme=${this.theme}
              private-viewers=${this.privateViewers}
              page-size="10"
            ></meet-recordings>`
          : nothing}
      </meet-dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "meet-recording-controls": MeetRecordingControls;
  }
}
