import { addDays, toDay } from './dates.js';

/**
 * Time phrases in a caption ("live now", "yesterday", "last September", 刚刚, 昨晚, 上周, 去年) resolved against the
 * post date into a window of days the recording should fall in. Day resolution: the post's local day is the
 * first ten characters of `posted_at` (a date, or an ISO date-time with offset). Pure.
 */
export interface TimeWindow {
  /** Earliest and latest `YYYY-MM-DD` the phrase allows (inclusive). */
  from: string;
  to: string;
  /** 'now' phrases say the recording is happening as posted; they allow the least slack. */
  kind: 'now' | 'day' | 'week' | 'month' | 'year';
}

export interface TimePhrase {
  start: number;
  end: number;
  text: string;
  /** null when the post date is unknown: the phrase is read but cannot be placed in time. */
  window: TimeWindow | null;
}

type Resolve = (posted: string, m: RegExpMatchArray) => TimeWindow | null;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(january|february|march|april|may|june|july|august|september|october|november|december)';
const ZH_SEASON: Record<string, [number, number]> = { 春: [3, 5], 夏: [6, 8], 秋: [9, 11], 冬: [12, 14] };
const EN_SEASON: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 14] };

const day = (posted: string, back: number, kind: TimeWindow['kind'] = 'day'): TimeWindow => ({ from: addDays(posted, -back), to: addDays(posted, -back), kind });
const span = (from: string, to: string, kind: TimeWindow['kind']): TimeWindow => ({ from, to, kind });
function monthWindow(y: number, m: number, months = 1): TimeWindow {
  const from = `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`;
  const endM = m + months;
  const end = `${y + Math.floor((endM - 1) / 12)}-${String(((endM - 1) % 12) + 1).padStart(2, '0')}-01`;
  return span(from, addDays(end, -1), 'month');
}
const ymd = (posted: string) => posted.split('-').map(Number) as [number, number, number];

/** "last September": the most recent September before the post's month (a year earlier too, if that is this year). */
function lastMonthNamed(posted: string, month: number): TimeWindow {
  const [y, m] = ymd(posted);
  const year = month < m ? y : y - 1;
  return month < m ? span(monthWindow(year - 1, month).from, monthWindow(year, month).to, 'month') : monthWindow(year, month);
}

const RULES: { re: RegExp; resolve: Resolve }[] = [
  // Now: live, right now, just now, 刚刚, 现在, 此刻, 直播.
  { re: /\b(?:live now|(?:right|just) now|happening now|as we speak|at this moment|live(?= ?[:|\-–—]))|刚刚|刚才|此刻|正在直播|直播中/giu, resolve: (p) => day(p, 0, 'now') },
  { re: /\b(?:the day before yesterday)\b|前天/giu, resolve: (p) => day(p, 2) },
  { re: /\b(?:yesterday|last night)\b|昨天|昨日|昨晚|昨夜/giu, resolve: (p) => day(p, 1) },
  { re: /\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today)\b|今天|今日|今早|今晨|今晚|今夜|今天早上|今天下午|今天晚上/giu, resolve: (p) => day(p, 0) },
  { re: /\b(?:this week|this weekend)\b|本周|这周|这个星期|这星期|本周末|这周末/giu, resolve: (p) => span(addDays(p, -7), p, 'week') },
  { re: /\b(?:last week|last weekend)\b|上周|上个星期|上星期|上周末/giu, resolve: (p) => span(addDays(p, -14), addDays(p, -1), 'week') },
  { re: /\bthis month\b|本月|这个月/giu, resolve: (p) => { const [y, m] = ymd(p); return monthWindow(y, m); } },
  { re: /\blast month\b|上个月|上月/giu, resolve: (p) => { const [y, m] = ymd(p); return monthWindow(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1); } },
  { re: new RegExp(String.raw`\blast ${MONTH_RE}\b`, 'giu'), resolve: (p, m) => lastMonthNamed(p, MONTHS.indexOf(m[1].toLowerCase()) + 1) },
  { re: /\blast (spring|summer|autumn|fall|winter)\b/giu, resolve: (p, m) => { const [y] = ymd(p); const [a, b] = EN_SEASON[m[1].toLowerCase()]; return span(monthWindow(y - 1, a).from, monthWindow(y, b).to, 'month'); } },
  { re: /去年(春|夏|秋|冬)(?:天|季)?/gu, resolve: (p, m) => { const [y] = ymd(p); const [a, b] = ZH_SEASON[m[1]]; return span(monthWindow(y - 1, a).from, monthWindow(y - 1, b).to, 'month'); } },
  { re: /\blast year\b|去年/giu, resolve: (p) => { const [y] = ymd(p); return span(`${y - 1}-01-01`, `${y - 1}-12-31`, 'year'); } },
  { re: /\bthis year\b|今年/giu, resolve: (p) => { const [y] = ymd(p); return span(`${y}-01-01`, p, 'year'); } },
];

/** Time phrases in a text, longest first where they overlap, resolved against `postedAt` (null → window null). */
export function findTimePhrases(text: string, postedAt: string | null): TimePhrase[] {
  const posted = toDay(postedAt);
  const out: TimePhrase[] = [];
  const hits: { start: number; end: number; text: string; m: RegExpMatchArray; resolve: Resolve }[] = [];
  for (const { re, resolve } of RULES) {
    for (const m of text.matchAll(re)) hits.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], m, resolve });
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  for (const h of hits) {
    if (out.some((o) => h.start < o.end && h.end > o.start)) continue;
    out.push({ start: h.start, end: h.end, text: h.text, window: posted ? h.resolve(posted, h.m) : null });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A window from an explicit date claim's value (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
export function windowOfDate(date: string): TimeWindow | null {
  if (/^\d{4}$/.test(date)) return span(`${date}-01-01`, `${date}-12-31`, 'year');
  if (/^\d{4}-\d{2}$/.test(date)) return monthWindow(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  const d = toDay(date);
  return d ? span(d, d, 'day') : null;
}
