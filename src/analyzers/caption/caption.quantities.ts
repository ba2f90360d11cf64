import { addDays, toDay } from '../../knowledge/dates.js';

/**
 * Durations and dates mentioned in a caption, found on normalised text (see text-normalize.ts).
 * Offsets are in the normalised text; the caller maps them back.
 */
export interface Found<T> {
  start: number;
  end: number;
  value: T;
}

const EN_NUM: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50,
  sixty: 60, ninety: 90, 'half a': 0.5, half: 0.5,
};
const ZH_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十五 → 15, 二十 → 20, 九十 → 90, 一百二十 → 120, 半 → 0.5; Arabic digits pass through. */
export function parseZhNumber(s: string): number | null {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === '半') return 0.5;
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch in ZH_DIGIT) cur = ZH_DIGIT[ch];
    else if (ch === '十') { total += (cur || 1) * 10; cur = 0; }
    else if (ch === '百') { total += (cur || 1) * 100; cur = 0; }
    else return null;
  }
  return total + cur;
}

const UNIT_S: Record<string, number> = { s: 1, sec: 1, secs: 1, second: 1, seconds: 1, min: 60, mins: 60, minute: 60, minutes: 60, hour: 3600, hours: 3600, hr: 3600 };

const EN_DURATION = /\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty(?:-five)?|fifty|sixty|ninety|half an?|half)[- ]?(seconds?|secs?|s|minutes?|mins?|hours?|hr)\b(?:[- ]?long)?/g;
const ZH_DURATION = /([\d.]+|[零一二两三四五六七八九十百半]+)(?:个)?(秒钟|秒|分钟|小时)(?:(\d+|[零一二三四五六七八九十]+)秒)?|(\d+|[一二两三四五六七八九十]+)分(\d+|[零一二三四五六七八九十]+)秒/g;

/** Durations in seconds ("60秒", "a one-minute clip", "1分30秒", "20-second"). */
export function findDurations(text: string): Found<{ seconds: number }>[] {
  const out: Found<{ seconds: number }>[] = [];
  for (const m of text.matchAll(EN_DURATION)) {
    const n = /^\d/.test(m[1]) ? Number(m[1]) : EN_NUM[m[1]] ?? null;
    const unit = UNIT_S[m[2]];
    // A bare "s" only after digits ("20s"), and "20s" alone could be a decade: require a clip word nearby.
    if (n === null || unit === undefined) continue;
    if (m[2] === 's' && (!/^\d/.test(m[1]) || !/(clip|video|片|long|sec|duration|时长)/.test(text.slice(m.index, m.index + m[0].length + 12)))) continue;
    // "a minute ago" is a time, not a length.
    if (/^\s*(?:ago|later|before|after)\b/.test(text.slice(m.index + m[0].length))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: { seconds: n * unit } });
  }
  for (const m of text.matchAll(ZH_DURATION)) {
    let seconds: number | null = null;
    if (m[1] !== undefined) {
      const n = parseZhNumber(m[1]);
      const unit = m[2] === '小时' ? 3600 : m[2] === '分钟' ? 60 : 1;
      if (n !== null) seconds = n * unit + (m[3] ? parseZhNumber(m[3]) ?? 0 : 0);
    } else {
      const a = parseZhNumber(m[4]);
      const b = parseZhNumber(m[5]);
      if (a !== null && b !== null) seconds = a * 60 + b;
    }
    if (seconds === null || seconds <= 0) continue;
    if (/^(?:前|后|之前|之后|以前|以后)/.test(text.slice(m.index + m[0].length))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: { seconds } });
  }
  return out.sort((a, b) => a.start - b.start);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE_PATTERNS: { re: RegExp; pick: (m: RegExpMatchArray) => [string, string, string | null] }[] = [
  { re: /\b(20\d{2}|19\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, pick: (m) => [m[1], m[2], m[3]] },
  { re: /(20\d{2}|19\d{2})年(\d{1,2})月(?:(\d{1,2})[日号])?/g, pick: (m) => [m[1], m[2], m[3] ?? null] },
  { re: new RegExp(String.raw`\b${MONTH_RE}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(20\d{2}|19\d{2})\b`, 'g'), pick: (m) => [m[3], String(MONTHS.indexOf(m[1].slice(0, 3)) + 1), m[2]] },
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_RE}\s+(20\d{2}|19\d{2})\b`, 'g'), pick: (m) => [m[3], String(MONTHS.indexOf(m[2].slice(0, 3)) + 1), m[1]] },
  { re: new RegExp(String.raw`\b${MONTH_RE}\s+(20\d{2}|19\d{2})\b`, 'g'), pick: (m) => [m[2], String(MONTHS.indexOf(m[1].slice(0, 3)) + 1), null] },
];
const RELATIVE = /\b(today|yesterday|this morning|last night|tonight)\b|(今天|今日|今早|今晚|昨天|昨日|昨晚|前天)/g;
const FILMING = /拍|录|filmed|shot|recorded|captured|took|taken|taped/;

export interface DateValue {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (as precise as the text); null for a relative date without a post date. */
  date: string | null;
  relative?: string;
}

/** Dates mentioned: absolute ones always, relative ones ("filmed today") only next to a filming word. */
export function findDates(text: string, postedAt: string | null): Found<DateValue>[] {
  const out: Found<DateValue>[] = [];
  const taken = (s: number, e: number) => out.some((f) => s < f.end && e > f.start);
  for (const { re, pick } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [y, mo, d] = pick(m);
      const month = Number(mo);
      if (month < 1 || month > 12 || taken(m.index, m.index + m[0].length)) continue;
      const date = d ? toDay(`${y}-${month}-${d}`) : `${y}-${String(month).padStart(2, '0')}`;
      if (!date) continue;
      out.push({ start: m.index, end: m.index + m[0].length, value: { date } });
    }
  }
  // A bare year next to a filming word: "filmed in 2019", "拍摄于2019年".
  for (const m of text.matchAll(/(?:filmed|shot|recorded|taken|拍摄于|摄于|拍于)\s?(?:in\s)?((?:19|20)\d{2})(?![\d\-/.])(?:年(?!\d))?/g)) {
    const s = m.index + m[0].indexOf(m[1]);
    if (!taken(s, s + 4)) out.push({ start: s, end: s + 4, value: { date: m[1] } });
  }
  const posted = toDay(postedAt);
  for (const m of text.matchAll(RELATIVE)) {
    const sentence = text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20);
    if (!FILMING.test(sentence)) continue;
    const word = m[0];
    const back = /yesterday|last night|昨|前天/.test(word) ? (word === '前天' ? 2 : 1) : 0;
    out.push({ start: m.index, end: m.index + word.length, value: { date: posted ? addDays(posted, -back) : null, relative: word } });
  }
  return out.sort((a, b) => a.start - b.start);
}
