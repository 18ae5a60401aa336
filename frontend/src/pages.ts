// Behaviour of meet-embed's own pages (no inline scripts: the pages' CSP allows only this module).
// A theme switch: `<button data-theme-switch>` cycles auto → light → dark, remembered in localStorage,
// applied to the page (`<html data-theme>`) and to every component on it (`theme` attribute).
// The console's views (Recordings, Rooms, Activity): links to `?view=…` that the server renders on their
// own, switched here without a page load (history kept, the activity's filters in the URL).

import type { ActivityFilters, MeetActivity } from "./activity.js";
import type { MeetRecordings } from "./recordings.js";
import type { MeetRooms } from "./rooms.js";

const THEMES = ["auto", "light", "dark"] as const;
type Theme = (typeof THEMES)[number];
const KEY = "meet-embed-theme";
const THEMED = "meet-recordings, meet-recording-player, meet-recording-controls, meet-rooms, meet-activity";

function stored(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "auto";
  } catch {
    return "auto";
  }
}

function apply(theme: Theme): void {
  const root = document.documentElement;
  if (theme === "auto") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme);
  for (const el of document.querySelectorAll(THEMED)) {
    el.setAttribute("theme", theme);
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-switch]")) {
    const label = button.dataset[`label${theme[0].toUpperCase()}${theme.slice(1)}`] ?? theme;
    button.dataset.current = theme;
    button.setAttribute("aria-label", label);
    button.title = label;
    const text = button.querySelector("[data-theme-label]");
    if (text) text.textContent = label;
  }
}

// -- the console's views ---------------------------------------------------------------------------------

const VIEWS = ["recordings", "rooms", "activity"] as const;
type View = (typeof VIEWS)[number];
const FILTERS = ["roomId", "recordingId", "action", "actorKind"] as const;

function viewOf(url: URL): View {
  const view = url.searchParams.get("view") ?? "";
  return (VIEWS as readonly string[]).includes(view) ? (view as View) : "recordings";
}

function filtersOf(url: URL): ActivityFilters {
  const filters = {} as ActivityFilters;
  for (const key of FILTERS) filters[key] = (url.searchParams.get(key) ?? "").trim();
  return filters;
}

function initConsole(): void {
  const nav = document.querySelector<HTMLElement>("[data-console-nav]");
  const first = nav?.querySelector<HTMLAnchorElement>("a[data-console-view]");
  if (!nav || !first) return;
  const consolePath = new URL(first.href).pathname;
  let current = viewOf(new URL(location.href));
  /** Rooms changed since the recordings were loaded: their room filter needs a reload. */
  let roomsChanged = false;

  const panel = (view: View) => document.querySelector<HTMLElement>(`[data-console-panel="${view}"]`);
  const recordings = () => panel("recordings")?.querySelector<MeetRecordings>("meet-recordings") ?? null;
  const rooms = () => panel("rooms")?.querySelector<MeetRooms>("meet-rooms") ?? null;
  const activity = () => panel("activity")?.querySelector<MeetActivity>("meet-activity") ?? null;

  /** A view not shown yet is a <template> until it is first shown: nothing loads before it is needed. */
  function materialize(view: View): boolean {
    const template = panel(view)?.querySelector<HTMLTemplateElement>("template[data-console-lazy]");
    if (!template) return false;
    template.replaceWith(document.importNode(template.content, true));
    apply(stored());
    return true;
  }

  function urlFor(view: View, filters?: ActivityFilters): string {
    const url = new URL(consolePath, location.href);
    if (view !== "recordings") url.searchParams.set("view", view);
    if (view === "activity" && filters) {
      for (const key of FILTERS) if (filters[key]) url.searchParams.set(key, filters[key]);
    }
    return url.pathname + url.search;
  }

  function show(view: View, options: { push?: boolean; focus?: boolean; filters?: ActivityFilters }): void {
    const changed = view !== current;
    current = view;
    for (const link of nav!.querySelectorAll<HTMLAnchorElement>("a[data-console-view]")) {
      if (link.dataset.consoleView === view) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    for (const name of VIEWS) {
      const section = panel(name);
      if (section) section.hidden = name !== view;
    }
    const created = materialize(view);
    if (view === "activity") {
      const el = activity();
      const wanted = options.filters;
      const differs = !!el && !!wanted && FILTERS.some((key) => el[key] !== wanted[key]);
      // New filters load by themselves; the same ones are loaded again to show what happened since.
      if (el && wanted && differs) Object.assign(el, wanted);
      else if (el && changed && !created) void el.reload();
    } else if (changed && !created) {
      if (view === "recordings") {
        const el = recordings();
        if (roomsChanged) void el?.reload();
        else void el?.refresh();
        roomsChanged = false;
      } else {
        void rooms()?.reload();
      }
    }
    if (view === "recordings" && created) roomsChanged = false;
    const section = panel(view);
    if (section?.dataset.title) document.title = section.dataset.title;
    if (options.push) history.pushState(null, "", urlFor(view, view === "activity" ? activity()?.filters : undefined));
    if (options.focus) section?.querySelector<HTMLElement>("h1")?.focus();
  }

  // Links to the console (the tabs, a room's "Activity"), also inside the components' shadow roots.
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link?.href || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== consolePath) return;
    event.preventDefault();
    const tab = link.hasAttribute("data-console-view");
    show(viewOf(url), { push: true, focus: true, filters: tab ? undefined : filtersOf(url) });
  });

  window.addEventListener("popstate", () => {
    const url = new URL(location.href);
    show(viewOf(url), { filters: filtersOf(url) });
  });

  document.addEventListener("meet-activity-filters-changed", (event) => {
    if (current !== "activity") return;
    const filters = (event as CustomEvent<ActivityFilters>).detail;
    history.replaceState(null, "", urlFor("activity", filters));
  });

  for (const name of ["meet-room-created", "meet-room-updated", "meet-room-deleted"]) {
    document.addEventListener(name, () => {
      roomsChanged = true;
    });
  }
}

/** Inside a frame of another origin (whose page may not want its focus taken). */
function framedCrossOrigin(): boolean {
  if (window.top === window.self) return false;
  try {
    return window.top?.location.origin !== location.origin;
  } catch {
    return true;
  }
}

/** The field marked `data-autofocus` (the login's password): the `autofocus` attribute would do it, but
 * Chromium refuses it in a cross-origin frame with a console error; there the host page keeps its focus. */
function focusField(): void {
  const field = document.querySelector<HTMLElement>("[data-autofocus]");
  if (field && !framedCrossOrigin()) field.focus();
}

function init(): void {
  if (!document.documentElement.hasAttribute("data-meet-page")) return;
  apply(stored());
  focusField();
  initConsole();
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-switch]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const next = THEMES[(THEMES.indexOf(stored()) + 1) % THEMES.length];
      try {
        localStorage.setItem(KEY, next);
      } catch {
        /* private mode: for this page only */
      }
      apply(next);
    });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init, { once: true });
else init();
