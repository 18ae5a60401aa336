// meet-embed's web components. Importing this module defines the elements:
//   <meet-recordings>, <meet-recording-player>, <meet-recording-controls>, and for administrators
//   <meet-rooms> and <meet-activity>
// (and the internal <meet-dialog>, <meet-share-dialog> they use).

export { ApiError, MeetApi, defaultBaseUrl } from "./api.js";
export type {
  Recording,
  RecordingPage,
  Me,
  Permissions,
  MediaLink,
  RoomInfo,
  RoomPage,
  RoomRecordingConfig,
  RoomDeletePolicy,
  AllowAccessTo,
  AuditEntry,
  AuditPage,
  AuditAction,
  ActorKind,
} from "./api.js";
export { DEFAULT_LABELS, type Labels } from "./labels.js";
export { MeetDialog } from "./dialog.js";
export { MeetShareDialog } from "./share.js";
export { MeetRecordingPlayer } from "./player.js";
export { MeetRecordings } from "./recordings.js";
export { MeetRooms } from "./rooms.js";
export { MeetActivity, type ActivityFilters } from "./activity.js";
export { MeetRecordingControls, MIME_TYPES, TIMESLICE_MS, pickMimeType } from "./controls.js";
export { SseClient, SseParser } from "./sse.js";
import "./pages.js";
