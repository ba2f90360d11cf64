import type { RawMetadata } from '../../repositories/xmp.repository.js';
import { DIGITAL_SOURCE_TYPES, sourceTypeName } from '../c2pa/signers.data.js';

/**
 * In-file AI labels outside C2PA: IPTC digital source type, photoshop:Credit ("Made with Google AI"), the Chinese
 * GB 45438-2025 implicit label (AIGC JSON; TC260 XMP namespace), and platform label phrases. Pure parsing.
 */
export type LabelKind = 'iptc' | 'aigc_gb45438' | 'credit' | 'platform';

export interface FileLabel {
  kind: LabelKind;
  /** The value as found (a URI, a credit line, the Label number, a phrase). */
  value: string;
  /** What it says: AI-generated, AI-composited, possibly/suspected AI, a capture, or nothing decisive. */
  meaning: 'ai' | 'ai_composite' | 'possible_ai' | 'capture' | 'other';
  /** Where it was read (XMP property, PNG chunk keyword, metadata JSON). */
  source: string;
  /** GB 45438 fields (ContentProducer, ProduceID, …) when present. */
  fields?: Record<string, string>;
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** Decode XML/HTML entities (named, decimal, hex); applied repeatedly because labels are often double-escaped. */
export function decodeEntities(s: string): string {
  let cur = s;
  for (let i = 0; i < 3; i++) {
    const next = cur.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

/** Values of an XMP property written as an attribute, an element, or an rdf:resource / rdf:li list. */
export function xmpValues(xmp: string, qname: string): string[] {
  const q = qname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out: string[] = [];
  for (const m of xmp.matchAll(new RegExp(`${q}\\s*=\\s*"([^"]*)"`, 'g'))) out.push(m[1]);
  for (const m of xmp.matchAll(new RegExp(`${q}\\s*=\\s*'([^']*)'`, 'g'))) out.push(m[1]);
  for (const m of xmp.matchAll(new RegExp(`<${q}(\\s[^>]*)?>([\\s\\S]*?)</${q}>`, 'g'))) {
    const inner = m[2];
    const lis = [...inner.matchAll(/<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/g)].map((x) => x[1]);
    out.push(...(lis.length ? lis : [inner]));
  }
  for (const m of xmp.matchAll(new RegExp(`<${q}\\s+rdf:resource\\s*=\\s*"([^"]*)"\\s*/>`, 'g'))) out.push(m[1]);
  return out.map((v) => decodeEntities(v).trim()).filter((v) => v !== '');
}

function dstMeaning(uri: string): FileLabel['meaning'] {
  const k = DIGITAL_SOURCE_TYPES[sourceTypeName(uri)];
  if (k === 'ai') return 'ai';
  if (k === 'ai_composite') return 'ai_composite';
  if (k === 'capture') return 'capture';
  return 'other';
}

function creditMeaning(v: string): FileLabel['meaning'] {
  if (/\b(made|generated|created) (with|by) .*\bAI\b|\bAI[- ]generated\b|由\s*AI\s*生成|人工智能生成/i.test(v)) return 'ai';
  if (/\bedited (with|by) .*\bAI\b|\bAI[- ](edited|modified)\b/i.test(v)) return 'ai_composite';
  return 'other';
}

/** Find a JSON object `{"AIGC": {...}}` or `"AIGC": {...}` in text (entity-escaped or not). */
export function parseAigcJson(text: string): Record<string, string> | null {
  const t = decodeEntities(text).replace(/\\"/g, '"');
  const at = t.search(/"?AIGC"?\s*[:=]\s*\{/);
  if (at < 0) return null;
  const start = t.indexOf('{', at);
  let depth = 0;
  for (let i = start; i < t.length && i < start + 8192; i++) {
    if (t[i] === '{') depth++;
    else if (t[i] === '}' && --depth === 0) {
      const body = t.slice(start, i + 1);
      try {
        const obj = JSON.parse(body) as Record<string, unknown>;
        const fields: Record<string, string> = {};
        for (const [k, v] of Object.entries(obj)) if (v !== null && typeof v !== 'object') fields[k] = String(v);
        return 'Label' in fields || 'ContentProducer' in fields ? fields : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

function aigcLabel(fields: Record<string, string>, source: string): FileLabel {
  const l = (fields.Label ?? '').trim();
  const meaning: FileLabel['meaning'] = l === '1' ? 'ai' : l === '2' || l === '3' ? 'possible_ai' : 'other';
  return { kind: 'aigc_gb45438', value: l || '?', meaning, source, fields };
}

/**
 * Platform label phrases (explicit labels copied into metadata by apps and platforms). Douyin (FACTS-2026.md §15):
 * 「内容由AI生成」 (creator's declaration), 「作品含AI生成内容」 (metadata label found), 「疑似使用了AI生成技术，请谨慎甄别」
 * (platform detection only: "suspected", so possible_ai); Bilibili 「该视频使用人工智能合成技术」.
 */
const PLATFORM_PHRASES: { re: RegExp; meaning: FileLabel['meaning'] }[] = [
  { re: /疑似(?:使用了?)?\s*AI\s*生成/, meaning: 'possible_ai' },
  { re: /作者声明[:：]?\s*内容由\s*AI\s*生成|内容由\s*AI\s*生成|作品含\s*AI\s*生成内容|AI\s*生成内容|使用人工智能合成技术/, meaning: 'ai' },
  { re: /\bAI[- ]generated content\b|\bGenerated with AI\b|\bMade with AI\b|\bAI info\b/i, meaning: 'ai' },
];

/** A label list that keeps one label per kind+value (the first one added). */
function labelList(): { out: FileLabel[]; add: (l: FileLabel) => void } {
  const out: FileLabel[] = [];
  const add = (l: FileLabel) => {
    if (!out.some((x) => x.kind === l.kind && x.value === l.value)) out.push(l);
  };
  return { out, add };
}

/** Turn raw metadata into labels (deduplicated by kind+value). */
export function extractLabels(raw: RawMetadata): FileLabel[] {
  const { out, add } = labelList();
  for (const x of raw.xmp) {
    for (const v of xmpValues(x, 'Iptc4xmpExt:DigitalSourceType')) add({ kind: 'iptc', value: v, meaning: dstMeaning(v), source: 'XMP Iptc4xmpExt:DigitalSourceType' });
    for (const v of xmpValues(x, 'photoshop:Credit')) {
      const m = creditMeaning(v);
      if (m !== 'other') add({ kind: 'credit', value: v, meaning: m, source: 'XMP photoshop:Credit' });
    }
    for (const v of xmpValues(x, 'TC260:AIGC')) {
      // The property holds either {"AIGC":{…}} or the inner object itself.
      const f = parseAigcJson(v) ?? parseAigcJson(`"AIGC":${v}`);
      if (f) add(aigcLabel(f, 'XMP TC260:AIGC'));
    }
    for (const p of PLATFORM_PHRASES) {
      const m = p.re.exec(decodeEntities(x));
      if (m) add({ kind: 'platform', value: m[0], meaning: p.meaning, source: 'XMP text' });
    }
  }
  for (const s of raw.aigcSnippets) {
    const f = parseAigcJson(s);
    if (f) add(aigcLabel(f, s.includes('\0') ? `PNG text chunk ${s.slice(0, s.indexOf('\0'))}` : 'metadata JSON'));
  }
  for (const c of raw.textChunks) {
    if (/^XML:com\.adobe\.xmp$/.test(c.keyword)) continue;
    for (const p of PLATFORM_PHRASES) {
      const m = p.re.exec(c.text);
      if (m) add({ kind: 'platform', value: m[0], meaning: p.meaning, source: `PNG text chunk ${c.keyword}` });
    }
  }
  return out;
}

/** Groups exiftool decodes from the C2PA store itself: read by the C2PA validator, never as unsigned labels. */
const C2PA_GROUPS = /^(JUMBF|CBOR|C2PA|JSON)\b/i;

/**
 * Labels from exiftool's grouped tags (`-G1`, e.g. "XMP-iptcExt:DigitalSourceType", "XMP-TC260:Aigc", "PNG:AIGC",
 * "ItemList:Comment"). Pure.
 */
export function extractLabelsFromTags(tags: Record<string, unknown>): FileLabel[] {
  const { out, add } = labelList();
  for (const [key, raw] of Object.entries(tags)) {
    if (C2PA_GROUPS.test(key)) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v.length < 65536);
    const name = key.split(':').pop() ?? key;
    for (const v0 of values) {
      const v = decodeEntities(v0).trim();
      if (name === 'DigitalSourceType') add({ kind: 'iptc', value: v, meaning: dstMeaning(v), source: key });
      else if (name === 'Credit') {
        const m = creditMeaning(v);
        if (m !== 'other') add({ kind: 'credit', value: v, meaning: m, source: key });
      }
      if (/AIGC/i.test(key) || v.includes('AIGC')) {
        const f = parseAigcJson(v) ?? parseAigcJson(`"AIGC":${v}`);
        if (f) add(aigcLabel(f, key));
      }
      for (const p of PLATFORM_PHRASES) {
        const m = p.re.exec(v);
        if (m) add({ kind: 'platform', value: m[0], meaning: p.meaning, source: key });
      }
    }
  }
  return out;
}

/** Merge label lists (first occurrence of each kind+value wins). */
export function mergeLabels(...lists: FileLabel[][]): FileLabel[] {
  const out: FileLabel[] = [];
  for (const l of lists.flat()) if (!out.some((x) => x.kind === l.kind && x.value === l.value)) out.push(l);
  return out;
}
