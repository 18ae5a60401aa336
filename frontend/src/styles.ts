// The look shared by every component: theme tokens (CSS custom properties), buttons, fields, badges.
//
// Hosts theme the components with the public `--meet-*` properties (set on the element or any
// ancestor); each falls back to the built-in light or dark palette, chosen by the `theme` attribute
// (`light`, `dark`, or `auto` = the system's `prefers-color-scheme`).

import { css } from "lit";

export const tokens = css`
  :host {
    --_p-bg: #f4f5f7;
    --_p-surface: #ffffff;
    --_p-surface-2: #eef0f4;
    --_p-text: #15181e;
    --_p-muted: #566072;
    --_p-border: #d6dbe3;
    --_p-border-strong: #7b8494;
    --_p-accent: #1a5fd0;
    --_p-accent-text: #ffffff;
    --_p-danger: #b92030;
    --_p-danger-fill: #b92030;
    --_p-danger-text: #ffffff;
    --_p-success: #16743a;
    --_p-warning: #8f5100;
    --_p-recording: #c41c2b;
    --_p-overlay: rgb(10 14 22 / 0.55);
    --_p-shadow: 0 1px 2px rgb(16 24 40 / 0.06), 0 8px 24px rgb(16 24 40 / 0.1);
    color-scheme: light;
  }
  :host([theme="dark"]) {
    --_p-bg: #0e1014;
    --_p-surface: #171a21;
    --_p-surface-2: #222731;
    --_p-text: #e8eaef;
    --_p-muted: #a3acba;
    --_p-border: #313745;
    --_p-border-strong: #687182;
    --_p-accent: #86b4ff;
    --_p-accent-text: #081530;
    --_p-danger: #ff8f8a;
    --_p-danger-fill: #c42b36;
    --_p-danger-text: #ffffff;
    --_p-success: #74d69b;
    --_p-warning: #f3b766;
    --_p-recording: #ff5c66;
    --_p-overlay: rgb(0 0 0 / 0.7);
    --_p-shadow: 0 1px 2px rgb(0 0 0 / 0.3), 0 12px 32px rgb(0 0 0 / 0.45);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      --_p-bg: #0e1014;
      --_p-surface: #171a21;
      --_p-surface-2: #222731;
      --_p-text: #e8eaef;
      --_p-muted: #a3acba;
      --_p-border: #313745;
      --_p-border-strong: #687182;
      --_p-accent: #86b4ff;
      --_p-accent-text: #081530;
      --_p-danger: #ff8f8a;
      --_p-danger-fill: #c42b36;
      --_p-danger-text: #ffffff;
      --_p-success: #74d69b;
      --_p-warning: #f3b766;
      --_p-recording: #ff5c66;
      --_p-overlay: rgb(0 0 0 / 0.7);
      --_p-shadow: 0 1px 2px rgb(0 0 0 / 0.3), 0 12px 32px rgb(0 0 0 / 0.45);
      color-scheme: dark;
    }
  }
  :host {
    --_bg: var(--meet-bg, var(--_p-bg));
    --_surface: var(--meet-surface, var(--_p-surface));
    --_surface-2: var(--meet-surface-2, var(--_p-surface-2));
    --_text: var(--meet-text, var(--_p-text));
    --_muted: var(--meet-muted, var(--_p-muted));
    --_border: var(--meet-border, var(--_p-border));
    --_border-strong: var(--meet-border-strong, var(--_p-border-strong));
    --_accent: var(--meet-accent, var(--_p-accent));
    --_accent-text: var(--meet-accent-text, var(--_p-accent-text));
    --_danger: var(--meet-danger, var(--_p-danger));
    --_danger-fill: var(--meet-danger-fill, var(--_p-danger-fill));
    --_danger-text: var(--meet-danger-text, var(--_p-danger-text));
    --_success: var(--meet-success, var(--_p-success));
    --_warning: var(--meet-warning, var(--_p-warning));
    --_recording: var(--meet-recording, var(--_p-recording));
    --_focus: var(--meet-focus, var(--_accent));
    --_radius: var(--meet-radius, 12px);
    --_radius-sm: calc(var(--_radius) * 0.67);
    --_shadow: var(--meet-shadow, var(--_p-shadow));
    --_overlay: var(--meet-overlay, var(--_p-overlay));
    --_font: var(
      --meet-font,
      -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans",
      system-ui, sans-serif
    );
    --_control-h: 40px;
    font-family: var(--_font);
    font-size: var(--meet-font-size, 15px);
    line-height: 1.45;
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }
  @media (pointer: coarse) {
    :host {
      --_control-h: 44px;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  svg.icon {
    width: 20px;
    height: 20px;
    flex: none;
    fill: currentColor;
  }
`;

export const controls = css`
  button,
  .btn {
    font: inherit;
    font-weight: 600;
    font-size: 0.93em;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.45em;
    min-height: var(--_control-h);
    padding: 0 1em;
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
    transition:
      background-color 0.15s,
      border-color 0.15s,
      color 0.15s,
      box-shadow 0.15s;
  }
  button:hover:not(:disabled),
  .btn:hover {
    background: color-mix(in srgb, var(--_text) 6%, var(--_surface));
  }
  button:active:not(:disabled) {
    background: color-mix(in srgb, var(--_text) 11%, var(--_surface));
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }
  button.danger {
    background: var(--_danger-fill);
    border-color: var(--_danger-fill);
    color: var(--_danger-text);
  }
  button.danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_danger-fill) 86%, #000);
  }
  button.ghost {
    background: transparent;
    border-color: transparent;
  }
  button.ghost:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  button.icon {
    width: var(--_control-h);
    padding: 0;
    flex: none;
  }
  button.icon.ghost {
    color: var(--_muted);
  }
  button.icon.ghost:hover:not(:disabled) {
    color: var(--_text);
  }
  button.icon.danger-hover:hover:not(:disabled) {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
  }
  input[type="search"],
  input[type="text"],
  input[type="url"],
  input[type="number"],
  select {
    font: inherit;
    font-size: 0.93em;
    min-height: var(--_control-h);
    padding: 0 0.75em;
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border-strong);
    background: var(--_surface);
    color: var(--_text);
    min-width: 0;
  }
  select {
    padding-right: 2em;
    appearance: none;
    background-image:
      linear-gradient(45deg, transparent 50%, var(--_muted) 50%),
      linear-gradient(135deg, var(--_muted) 50%, transparent 50%);
    background-position:
      calc(100% - 15px) 52%,
      calc(100% - 10px) 52%;
    background-size:
      5px 5px,
      5px 5px;
    background-repeat: no-repeat;
    cursor: pointer;
  }
  input:hover,
  select:hover {
    border-color: color-mix(in srgb, var(--_text) 50%, var(--_border-strong));
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  input[type="checkbox"] {
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.15em 0.6em;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 650;
    line-height: 1.5;
    white-space: nowrap;
    color: var(--_badge, var(--_muted));
    /* Opaque (on the surface, not see-through): the text keeps 4.5:1 on whatever is behind, such as the
       page's background around the shared recording page's player. */
    background: color-mix(in srgb, var(--_badge, var(--_muted)) 13%, var(--_surface));
  }
  .badge::before {
    content: "";
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .badge.s-complete {
    --_badge: var(--_success);
  }
  .badge.s-active,
  .badge.s-starting {
    --_badge: var(--_recording);
  }
  .badge.s-active::before {
    animation: meet-pulse 1.6s ease-in-out infinite;
  }
  .badge.s-ending {
    --_badge: var(--_accent);
  }
  .badge.s-failed,
  .badge.s-aborted {
    --_badge: var(--_danger);
  }
  .badge.s-limit_reached {
    --_badge: var(--_warning);
  }
  @keyframes meet-pulse {
    0%,
    100% {
      opacity: 1;
    }
    50% {
      opacity: 0.25;
    }
  }
  .skeleton {
    background: linear-gradient(
      90deg,
      var(--_surface-2) 0%,
      color-mix(in srgb, var(--_surface-2) 55%, var(--_surface)) 50%,
      var(--_surface-2) 100%
    );
    background-size: 200% 100%;
    animation: meet-shimmer 1.4s linear infinite;
    border-radius: 6px;
  }
  @keyframes meet-shimmer {
    from {
      background-position: 150% 0;
    }
    to {
      background-position: -50% 0;
    }
  }
  .notice {
    display: flex;
    gap: 0.75em;
    align-items: center;
    padding: 0.85em 1em;
    border-radius: var(--_radius-sm);
    border: 1px solid color-mix(in srgb, var(--_n, var(--_accent)) 35%, var(--_border));
    background: color-mix(in srgb, var(--_n, var(--_accent)) 8%, var(--_surface));
    color: var(--_text);
  }
  .notice > svg {
    color: var(--_n, var(--_accent));
  }
  .notice > button.icon {
    width: 32px;
    min-height: 32px;
    margin: -6px -6px -6px auto;
  }
  .notice.error {
    --_n: var(--_danger);
  }
  .notice.warning {
    --_n: var(--_warning);
  }
  .notice.success {
    --_n: var(--_success);
  }
  .notice p {
    margin: 0;
  }
  .spinner {
    width: 18px;
    height: 18px;
    border-radius: 50%;
    border: 2px solid color-mix(in srgb, currentColor 25%, transparent);
    border-top-color: currentColor;
    animation: meet-spin 0.8s linear infinite;
    flex: none;
  }
  @keyframes meet-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton,
    .badge.s-active::before,
    .spinner {
      animation-duration: 0s;
      animation-iteration-count: 1;
    }
    .spinner {
      animation: meet-spin 2.4s linear infinite;
    }
    button,
    .btn {
      transition: none;
    }
  }
`;

/** The frame of the console's list views (<meet-rooms>, <meet-activity>): heading, toolbar, states, toast. */
export const views = css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--_text);
  }
  .root {
    display: grid;
    gap: 14px;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 12px 16px;
  }
  .title {
    display: flex;
    align-items: baseline;
    gap: 10px;
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: 1.3em;
    font-weight: 750;
    letter-spacing: -0.015em;
    outline: none;
  }
  .count {
    color: var(--_muted);
    font-size: 0.92em;
    white-space: nowrap;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .search {
    position: relative;
    display: flex;
    align-items: center;
  }
  .search svg {
    position: absolute;
    left: 10px;
    color: var(--_muted);
    pointer-events: none;
    width: 18px;
    height: 18px;
  }
  .search input {
    padding-left: 34px;
    width: 15em;
  }
  .more {
    display: flex;
    justify-content: center;
    padding: 6px 0 2px;
  }
  .state {
    display: grid;
    justify-items: center;
    text-align: center;
    gap: 10px;
    padding: 48px 24px;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .state .big {
    width: 60px;
    height: 60px;
    display: grid;
    place-items: center;
    border-radius: 50%;
    color: var(--_s, var(--_accent));
    background: color-mix(in srgb, var(--_s, var(--_accent)) 11%, transparent);
    margin-bottom: 4px;
  }
  .state .big svg {
    width: 30px;
    height: 30px;
  }
  .state.error {
    --_s: var(--_danger);
    border-style: solid;
  }
  .state.forbidden {
    --_s: var(--_warning);
    border-style: solid;
  }
  .state h3 {
    margin: 0;
    font-size: 1.1em;
  }
  .state p {
    margin: 0;
    color: var(--_muted);
    max-width: 46ch;
  }
  .notice .grow {
    flex: 1;
    min-width: 0;
  }
  .toast {
    inset: auto 0 24px 0;
    margin: 0 auto;
    width: max-content;
    max-width: calc(100vw - 32px);
    padding: 10px 16px;
    border: 0;
    border-radius: var(--_radius-sm);
    background: var(--_text);
    color: var(--_surface);
    font: inherit;
    font-weight: 600;
    box-shadow: var(--_shadow);
    display: none;
    align-items: center;
    gap: 8px;
  }
  .toast:popover-open {
    display: flex;
  }
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
    font-size: 0.9em;
  }
  @container (max-width: 760px) {
    .tools {
      width: 100%;
    }
    .tools > * {
      flex: 1 1 140px;
    }
    .tools > button.icon {
      flex: none;
    }
    .tools > .search {
      flex-basis: 100%;
    }
    .search input,
    .tools select,
    .tools input {
      width: 100%;
    }
  }
`;

/** Forms in dialogs: labelled fields with hints and errors, choice cards (radio buttons). */
export const forms = css`
  form {
    display: grid;
    gap: 18px;
  }
  .field {
    display: grid;
    gap: 6px;
    align-content: start;
  }
  .field > label,
  fieldset > legend,
  .label {
    font-weight: 650;
  }
  .field input[type="text"],
  .field input[type="number"] {
    width: 100%;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.87em;
  }
  .inline {
    display: flex;
    gap: 8px;
  }
  .inline input {
    flex: 1;
    min-width: 0;
  }
  .inline select {
    flex: none;
    width: auto;
  }
  .field-error {
    margin: 0;
    display: flex;
    gap: 6px;
    align-items: flex-start;
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
  .field-error svg.icon {
    width: 18px;
    height: 18px;
    margin-top: 1px;
  }
  .field-error .server {
    display: block;
    font-weight: 400;
    color: var(--_muted);
  }
  [aria-invalid="true"] {
    border-color: var(--_danger) !important;
    box-shadow: 0 0 0 1px var(--_danger);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 8px;
  }
  label.choice {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    gap: 2px 12px;
    padding: 11px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    cursor: pointer;
  }
  label.choice:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  label.choice.danger:has(input:checked) {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }
  label.choice:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  label.choice input {
    margin: 2px 0 0;
    accent-color: var(--_accent);
    width: 18px;
    height: 18px;
  }
  label.choice .text {
    display: grid;
    gap: 2px;
  }
  label.choice .text strong {
    font-weight: 650;
  }
  label.choice .text small {
    color: var(--_muted);
    font-size: 0.87em;
  }
  label.check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 12px;
    align-items: start;
    cursor: pointer;
    font-weight: 400;
  }
  label.check strong {
    font-weight: 650;
  }
  label.check input {
    margin-top: 2px;
  }
  label.check .text {
    display: grid;
    gap: 2px;
  }
  label.check small {
    color: var(--_muted);
    font-size: 0.87em;
  }
  .two {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 18px;
  }
  @media (max-width: 600px) {
    .two {
      grid-template-columns: 1fr;
    }
  }
`;
