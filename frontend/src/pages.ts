// Behaviour of meet-embed's own pages (no inline scripts: the pages' CSP allows only this module).
// A theme switch: `<button data-theme-switch>` cycles auto → light → dark, remembered in localStorage,
// applied to the page (`<html data-theme>`) and to every component on it (`theme` attribute).

const THEMES = ["auto", "light", "dark"] as const;
type Theme = (typeof THEMES)[number];
const KEY = "meet-embed-theme";

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
  for (const el of document.querySelectorAll("meet-recordings, meet-recording-player, meet-recording-controls")) {
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

function init(): void {
  if (!document.documentElement.hasAttribute("data-meet-page")) return;
  apply(stored());
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
