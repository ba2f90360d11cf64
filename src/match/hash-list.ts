import { basename } from 'node:path';
import { ValidationError } from '../domain/errors.js';
import { pdqFromHex, pdqToHex } from '../signals/pdq/pdq.js';
import { formatVpdqLines, parseVpdqLines, type VpdqFrame } from '../signals/vpdq/vpdq.js';

/** Hash-list exchange formats: a ThreatExchange vPDQ file, or a PDQ list (one hash per line). */
export type HashListFormat = 'vpdq' | 'pdq-list';

export interface HashListEntry {
  /** Name the reference is registered under. */
  name: string;
  frames: VpdqFrame[];
}

export function checkFormat(format: string): asserts format is HashListFormat {
  if (format !== 'vpdq' && format !== 'pdq-list') throw new ValidationError('bad_usage', `--format must be vpdq or pdq-list (got "${format}")`);
}

/**
 * Parse an imported hash list. A vPDQ file is one reference (a video); a PDQ list gives one reference per line:
 * `hex[,quality[,name…]]` (comma, tab or space separated; `#` comments and blank lines skipped).
 */
export function parseHashList(text: string, format: HashListFormat, file: string): HashListEntry[] {
  if (format === 'vpdq') {
    const frames = parseVpdqLines(text);
    if (!frames.length) throw new ValidationError('invalid_hash_list', `${file} holds no vPDQ lines`);
    return [{ name: basename(file), frames }];
  }
  const entries: HashListEntry[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const [hex, q, ...rest] = t.split(/[,\t ]+/);
    let hash: Uint8Array;
    try {
      hash = pdqFromHex(hex);
    } catch {
      throw new ValidationError('invalid_hash_list', `${file}:${i + 1}: not a 64-hex PDQ hash: ${hex.slice(0, 80)}`);
    }
    const quality = q !== undefined && /^\d+$/.test(q) ? Math.min(100, Number(q)) : 100;
    entries.push({ name: rest.join(' ') || `${basename(file)}#${i + 1}`, frames: [{ frame: 0, timestamp: 0, quality, hash }] });
  });
  if (!entries.length) throw new ValidationError('invalid_hash_list', `${file} holds no PDQ hashes`);
  return entries;
}

/**
 * Export lines for one reference. `vpdq`: a `# reference <id> <label> <file>` comment then its vPDQ lines;
 * `pdq-list`: one `hex,quality,label,reference_id,frame,timestamp` line per frame hash.
 */
export function formatHashList(format: HashListFormat, ref: { id: string; label: string; file_name: string }, frames: VpdqFrame[]): string {
  if (format === 'vpdq') return `# reference ${ref.id} ${ref.label} ${ref.file_name}\n${formatVpdqLines(frames).trimEnd()}\n`;
  return frames.map((f) => `${pdqToHex(f.hash)},${f.quality},${ref.label},${ref.id},${f.frame},${f.timestamp.toFixed(3)}\n`).join('');
}
