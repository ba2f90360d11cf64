import { open, type FileHandle } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { ValidationError } from '../domain/errors.js';

/**
 * Raw in-file metadata for AI labels, read from the bytes (no external tool): XMP packets (JPEG APP1, PNG iTXt,
 * WebP XMP chunk, MP4/MOV uuid or udta boxes — wherever the packet sits), PNG text chunks (tEXt/zTXt/iTXt), and
 * text windows around every "AIGC" marker (GB 45438 implicit labels stored as JSON in metadata).
 * Namespaces exiftool does not know (TC260:AIGC) are kept verbatim this way.
 */
export interface RawMetadata {
  xmp: string[];
  textChunks: { keyword: string; text: string }[];
  /** Up to 4 KiB of text starting a little before each "AIGC" occurrence outside the XMP packets. */
  aigcSnippets: string[];
}

/** Files larger than this are scanned at head and tail only (metadata sits there in every container we know). */
const WHOLE_LIMIT = 64 * 1024 * 1024;
const EDGE = 16 * 1024 * 1024;
/** The scan reads this much at a time into one buffer: the file is never held whole (a 40 MB clip was, for the whole check). */
const WINDOW = 1024 * 1024;
/** Longer packets are not XMP we read (and were never read whole either). */
const MAX_PACKET = 8 * 1024 * 1024;
const MAX_HITS = 64;

type Range = readonly [start: number, end: number];

/** The byte ranges scanned: the whole file, or its head and tail. */
function scanRanges(size: number): Range[] {
  return size <= WHOLE_LIMIT ? [[0, size]] : [[0, EDGE], [size - EDGE, size]];
}

async function openForScan(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (e) {
    throw new ValidationError('file_not_found', `Cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.max(0, len));
  const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
  return buf.subarray(0, bytesRead);
}

/**
 * Offsets of each needle (latin1) in the ranges, the first `maxHits` of each, in file order. Windows overlap by the
 * longest needle less one byte, and a hit is taken in the window where it starts, so none is missed or counted twice.
 */
async function findAllInFile(fh: FileHandle, ranges: readonly Range[], needles: readonly string[], maxHits = MAX_HITS): Promise<number[][]> {
  const pats = needles.map((n) => Buffer.from(n, 'latin1'));
  const overlap = Math.max(...pats.map((p) => p.length)) - 1;
  const buf = Buffer.allocUnsafe(WINDOW + overlap);
  const hits: number[][] = needles.map(() => []);
  for (const [start, end] of ranges) {
    for (let pos = start; pos < end && hits.some((h) => h.length < maxHits); pos += WINDOW) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - pos), pos);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      const last = pos + bytesRead >= end;
      pats.forEach((pat, k) => {
        for (let i = view.indexOf(pat); i >= 0 && hits[k].length < maxHits; i = view.indexOf(pat, i + pat.length)) {
          if (i >= WINDOW && !last) break; // starts in the next window, found there
          hits[k].push(pos + i);
        }
      });
    }
  }
  return hits;
}

/** XMP packets (`<x:xmpmeta`…, else bare `<rdf:RDF`…) starting at the offsets found, each read on its own. */
async function xmpPackets(fh: FileHandle, ranges: readonly Range[], starts: { meta: number[]; rdf: number[] }): Promise<{ text: string; start: number; end: number }[]> {
  const read = async (offsets: number[], close: string) => {
    const out: { text: string; start: number; end: number }[] = [];
    for (const start of offsets) {
      const rangeEnd = ranges.find(([a, b]) => start >= a && start < b)![1];
      const [[end = -1]] = await findAllInFile(fh, [[start, Math.min(rangeEnd, start + MAX_PACKET + close.length)]], [close], 1);
      if (end < 0 || end - start > MAX_PACKET) continue;
      out.push({ text: (await readAt(fh, start, end + close.length - start)).toString('utf8'), start, end });
    }
    return out;
  };
  const meta = await read(starts.meta, '</x:xmpmeta>');
  return meta.length ? meta : read(starts.rdf, '</rdf:RDF>');
}

/** PNG tEXt/zTXt/iTXt chunks, walking the chunk headers within `end` and reading only the text chunks. */
async function pngTextChunks(fh: FileHandle, end: number): Promise<{ keyword: string; text: string }[]> {
  const out: { keyword: string; text: string }[] = [];
  const sig = await readAt(fh, 0, 8);
  if (sig.length < 8 || sig.toString('latin1', 1, 4) !== 'PNG') return out;
  let o = 8;
  while (o + 12 <= end && out.length < 256) {
    const hdr = await readAt(fh, o, 8);
    if (hdr.length < 8) break;
    const len = hdr.readUInt32BE(0);
    const type = hdr.toString('latin1', 4, 8);
    const at = o + 8;
    o += 12 + len;
    if (type === 'IEND') break;
    if (type !== 'tEXt' && type !== 'zTXt' && type !== 'iTXt') continue;
    const data = await readAt(fh, at, Math.min(len, end - at));
    const z = data.indexOf(0);
    if (z < 0) continue;
    const keyword = data.toString('latin1', 0, z);
    try {
      if (type === 'tEXt') out.push({ keyword, text: data.toString('latin1', z + 1) });
      else if (type === 'zTXt') out.push({ keyword, text: inflateSync(data.subarray(z + 2)).toString('latin1') });
      else {
        const compressed = data[z + 1] === 1;
        let p = z + 3;
        const langEnd = data.indexOf(0, p);
        const transEnd = data.indexOf(0, langEnd + 1);
        if (langEnd < 0 || transEnd < 0) continue;
        p = transEnd + 1;
        const body = data.subarray(p);
        out.push({ keyword, text: (compressed ? inflateSync(body) : body).toString('utf8') });
      }
    } catch {
      /* a corrupt chunk is not a label */
    }
  }
  return out;
}

/** Read XMP packets, PNG text chunks and AIGC snippets from a file (a window at a time, never the whole file). */
export async function readRawMetadata(path: string): Promise<RawMetadata> {
  const fh = await openForScan(path);
  try {
    const { size } = await fh.stat();
    const ranges = scanRanges(size);
    const [meta, rdf, aigc] = await findAllInFile(fh, ranges, ['<x:xmpmeta', '<rdf:RDF', 'AIGC']);
    const packets = await xmpPackets(fh, ranges, { meta, rdf });
    const textChunks = await pngTextChunks(fh, ranges[0][1]);
    const inXmp = (i: number) => packets.some((p) => i >= p.start && i <= p.end);
    const aigcSnippets: string[] = [];
    for (const i of aigc) {
      if (inXmp(i)) continue;
      const [a, b] = ranges.find(([x, y]) => i >= x && i < y)!;
      const s = Math.max(a, i - 64);
      aigcSnippets.push((await readAt(fh, s, Math.min(b, i + 4096) - s)).toString('utf8'));
      if (aigcSnippets.length >= 8) break;
    }
    // Compressed PNG chunks hide the marker from the byte scan; add their text too.
    for (const c of textChunks) if (/AIGC/.test(c.keyword) || /AIGC/.test(c.text)) aigcSnippets.push(`${c.keyword}\0${c.text}`.slice(0, 8192));
    return { xmp: packets.map((p) => p.text), textChunks, aigcSnippets };
  } finally {
    await fh.close();
  }
}
