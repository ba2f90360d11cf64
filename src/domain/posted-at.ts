import { ValidationError } from './errors.js';

/**
 * `posted_at`: a date (`YYYY-MM-DD`) or an ISO 8601 date-time with an offset (`2024-03-03T09:00:00+08:00`,
 * `…Z`). One parser for the CLI, the API and the batch path (CONTRACTS.md "Wave 2"). The value is kept as given
 * (trimmed); its first ten characters are the poster's local day, which relative times are judged against.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2})))?$/;

export function parsePostedAt(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = v.trim();
  if (!s) return null;
  const m = DATE_TIME.exec(s);
  const bad = () => new ValidationError('invalid_posted_at',
    `posted_at must be a date YYYY-MM-DD or an ISO 8601 date-time with an offset (2024-03-03T09:00:00+08:00), got "${s.slice(0, 40)}"`);
  if (!m) throw bad();
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw bad();
  if (m[4] !== undefined) {
    const [h, mi, sec] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (h > 23 || mi > 59 || sec > 59) throw bad();
    if (m[7] !== 'Z' && (Number(m[8]) > 14 || Number(m[9]) > 59)) throw bad();
  }
  return s;
}

/** The instant of a posted_at value (midnight UTC for a bare date), or null. */
export function postedInstant(postedAt: string | null | undefined): Date | null {
  if (!postedAt) return null;
  const t = Date.parse(/T|\s\d/.test(postedAt) ? postedAt.replace(' ', 'T') : `${postedAt}T00:00:00Z`);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Whether posted_at carries a time of day (not only a date). */
export function hasTimeOfDay(postedAt: string | null | undefined): boolean {
  return Boolean(postedAt && postedAt.length > 10);
}
