/**
 * Day-precision date helpers. KB dates are `YYYY-MM-DD` or `YYYY-MM` (month precision); inputs may also be
 * timestamps (`2024-02-14T08:00:00Z`), EXIF-style (`2024:02:14 08:00:00`) or Date objects.
 */

/** `YYYY-MM-DD` of an input date, or null when it cannot be read. Month-only dates give the 1st. */
export function toDay(input: string | Date | null | undefined): string | null {
  if (input == null) return null;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.toISOString().slice(0, 10);
  const s = input.trim();
  const m = /^(\d{4})[-:/.](\d{1,2})(?:[-:/.](\d{1,2}))?/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether a KB date string has only month precision. */
export function isMonthOnly(kbDate: string): boolean {
  return /^\d{4}-\d{2}$/.test(kbDate);
}

/** Days from a to b (b − a), both `YYYY-MM-DD`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Today in UTC, `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `a <= b` for `YYYY-MM-DD` / `YYYY-MM` strings (month-only dates count as their first day). */
export function onOrBefore(a: string, b: string): boolean {
  return (toDay(a) ?? a) <= (toDay(b) ?? b);
}
