import { evidence as mkEvidence, type Evidence } from '../../domain/evidence.js';
import { hasTimeOfDay, postedInstant } from '../../domain/posted-at.js';
import { addDays, daysBetween, toDay } from '../../knowledge/dates.js';
import { windowOfDate, type TimeWindow } from '../../knowledge/time-phrases.js';
import type { Finding, MediaDate } from '../kb/claim-findings.js';

const FORGE_EN = 'Metadata dates can be wrong (a reset clock) or forged, so this is a strong hint, not proof.';
const FORGE_ZH = '元数据日期可能有误（时钟被重置）或被伪造，因此这是有力线索而非铁证。';
/** Capture clocks are often UTC while the post's day is local: one day of slack either side. */
const SLACK_DAYS = 1;

/** The window a date claim states: from/to set by the time-phrase reader, or an explicit date. */
export function claimWindow(value: Record<string, unknown> | undefined): TimeWindow | null {
  if (!value) return null;
  if (typeof value.from === 'string' && typeof value.to === 'string') {
    return { from: value.from, to: value.to, kind: (value.window as TimeWindow['kind']) ?? 'day' };
  }
  return typeof value.date === 'string' ? windowOfDate(value.date) : null;
}

/** A date claim against the file's capture date. */
export function dateFindings(text: string, w: TimeWindow | null, dates: readonly MediaDate[]): Finding[] {
  if (!w) {
    return [{ status: 'unverified', code: null, basis: 'info', sources: [], reason: `Without a post date, "${text}" cannot be placed in time.`, reason_zh: `没有发布日期，无法确定“${text}”指的是哪一天。` }];
  }
  const cap = dates.find((d) => d.kind === 'capture');
  if (!cap) {
    return [{ status: 'unverified', code: null, basis: 'info', sources: [], reason: 'The file carries no capture date, so when it was recorded cannot be checked.', reason_zh: '文件没有拍摄日期，无法核对拍摄时间。' }];
  }
  const lo = addDays(w.from, -SLACK_DAYS);
  const hi = addDays(w.to, SLACK_DAYS);
  const said = w.from === w.to ? w.from : `${w.from} to ${w.to}`;
  const saidZh = w.from === w.to ? w.from : `${w.from} 至 ${w.to}`;
  if (cap.day >= lo && cap.day <= hi) {
    return [{
      status: 'supported', code: null, basis: 'weak', sources: [`metadata: ${cap.tag}`],
      reason: `The file says it was recorded on ${cap.day} (${cap.tag}), within what the post says (${said}); metadata dates can be forged.`,
      reason_zh: `文件记录的拍摄日期为 ${cap.day}（${cap.tag}），与帖子所说（${saidZh}）相符；元数据日期可被伪造。`,
    }];
  }
  const before = cap.day < lo;
  const gap = before ? daysBetween(cap.day, w.from) : daysBetween(w.to, cap.day);
  const recycled = before && gap > 30;
  const gapText = gap >= 365 ? `${Math.floor(gap / 365)} year(s)` : `${gap} day(s)`;
  const gapZh = gap >= 365 ? `${Math.floor(gap / 365)} 年` : `${gap} 天`;
  return [{
    status: 'refuted', code: 'claim_date_mismatch', basis: 'weak', sources: [`metadata: ${cap.tag}`],
    reason: before
      ? `The file says it was recorded on ${cap.day} (${cap.tag}), ${gapText} before the ${said} the post claims${recycled ? ': this looks like recycled footage' : ''}. ${FORGE_EN}`
      : `The file says it was recorded on ${cap.day} (${cap.tag}), ${gapText} after the ${said} the post claims. ${FORGE_EN}`,
    reason_zh: before
      ? `文件记录的拍摄日期为 ${cap.day}（${cap.tag}），比帖子所称的 ${saidZh} 早 ${gapZh}${recycled ? '：看起来是旧视频翻新发布' : ''}。${FORGE_ZH}`
      : `文件记录的拍摄日期为 ${cap.day}（${cap.tag}），比帖子所称的 ${saidZh} 晚 ${gapZh}。${FORGE_ZH}`,
    data: { capture_date: cap.day, claimed_from: w.from, claimed_to: w.to, gap_days: gap, recycled },
  }];
}

/**
 * `posted_before_signed`: the post is dated before the file's C2PA manifest was signed — the post date or the
 * post is wrong (a file cannot be shared before it exists). With a bare date, a day of slack for time zones.
 */
export function postedBeforeSigned(evidence: readonly Evidence[], postedAt: string | null): Evidence[] {
  const posted = postedInstant(postedAt);
  if (!posted) return [];
  const signed = evidence
    .map((e) => (e.analyzer === 'c2pa' ? (e.data.signer as { time?: string | null } | null | undefined)?.time : null))
    .find((t): t is string => typeof t === 'string' && !Number.isNaN(Date.parse(t)));
  if (!signed) return [];
  const signedAt = new Date(Date.parse(signed));
  const early = hasTimeOfDay(postedAt)
    ? signedAt.getTime() - posted.getTime() > 5 * 60_000
    : toDay(signedAt)! > addDays(toDay(postedAt)!, 1);
  if (!early) return [];
  return [mkEvidence({
    analyzer: 'c2pa', code: 'posted_before_signed', direction: 'neutral', weight: 0.4,
    detail: `The post is dated ${postedAt}, but the file's C2PA manifest was signed later (${signed}): either the post date is wrong or this is not the file that was posted then.`,
    detail_zh: `帖子日期为 ${postedAt}，但文件的C2PA清单签名时间更晚（${signed}）：要么发布日期有误，要么这并不是当时发布的文件。`,
    data: { posted_at: postedAt, signed_at: signed },
  })];
}
