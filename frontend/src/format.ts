// Dates, durations and sizes for people, in the page's language.

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

export function formatDate(ms: number | undefined, locale?: string): string {
  if (!ms) return "—";
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(ms));
}

export function formatDay(ms: number | undefined, locale?: string): string {
  if (!ms) return "—";
  return dateFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(ms),
  );
}

export function formatTime(ms: number | undefined, locale?: string): string {
  if (!ms) return "";
  return dateFormat(locale, { hour: "numeric", minute: "2-digit" }).format(new Date(ms));
}

/** `m:ss` or `h:mm:ss`, as video players show it. */
export function formatClock(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "—";
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export function formatSize(bytes: number | undefined, locale?: string): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return "—";
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const key = `n|${locale}|${unit}|${value < 10 && unit > 0 ? 1 : 0}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "unit",
      unit: units[unit],
      unitDisplay: "short",
      maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
    });
    cache.set(key, format);
  }
  return format.format(value);
}

/** The language of the element's part of the page (its closest `lang`), else the browser's. */
export function localeOf(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute("lang")) return node.getAttribute("lang") || undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || undefined;
}

function unitFormat(locale: string | undefined, unit: string, display: "short" | "long"): Intl.NumberFormat {
  const key = `u|${locale}|${unit}|${display}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: display, maximumFractionDigits: 0 });
    cache.set(key, format);
  }
  return format;
}

/** A length of time in words, e.g. "1 hr 30 min" or "45 sec" (for settings, not a clock). */
export function formatDuration(seconds: number, locale?: string): string {
  const total = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (days) parts.push(unitFormat(locale, "day", "short").format(days));
  if (hours) parts.push(unitFormat(locale, "hour", "short").format(hours));
  if (minutes) parts.push(unitFormat(locale, "minute", "short").format(minutes));
  if (secs || !parts.length) parts.push(unitFormat(locale, "second", "short").format(secs));
  return parts.join(" ");
}

/** "30 days", in the page's language. */
export function formatDays(days: number, locale?: string): string {
  return unitFormat(locale, "day", "long").format(days);
}

/** A plain number with grouping ("36,500"). */
export function formatNumber(value: number, locale?: string): string {
  const key = `n|${locale}|plain`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale);
    cache.set(key, format);
  }
  return format.format(value);
}

/** The calendar day of a time (local), to group entries by day. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}
