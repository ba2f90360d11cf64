import { open } from 'node:fs/promises';
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

/** Files larger than this are read at head and tail only (metadata sits there in every container we know). */
const WHOLE_LIMIT = 64 * 1024 * 1024;
const EDGE = 16 * 1024 * 1024;

async function readEdges(path: string): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new ValidationError('file_not_found', `Cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    const { size } = await fh.stat();
    if (size <= WHOLE_LIMIT) return await fh.readFile();
    const head = Buffer.alloc(EDGE);
    const tail = Buffer.alloc(EDGE);
    await fh.read(head, 0, EDGE, 0);
    await fh.read(tail, 0, EDGE, size - EDGE);
    return Buffer.concat([head, tail]);
  } finally {
    await fh.close();
  }
}

function findAll(buf: Buffer, needle: string, from = 0): number[] {
  const out: number[] = [];
  const n = Buffer.from(needle, 'latin1');
  for (let i = buf.indexOf(n, from); i >= 0 && out.length < 64; i = buf.indexOf(n, i + n.length)) out.push(i);
  return out;
}

function xmpPackets(buf: Buffer): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const start of findAll(buf, '<x:xmpmeta')) {
    const end = buf.indexOf('</x:xmpmeta>', start, 'latin1');
    if (end < 0 || end - start > 8 * 1024 * 1024) continue;
    out.push({ text: buf.subarray(start, end + '</x:xmpmeta>'.length).toString('utf8'), start, end });
  }
  if (out.length === 0) {
    for (const start of findAll(buf, '<rdf:RDF')) {
      const end = buf.indexOf('</rdf:RDF>', start, 'latin1');
      if (end < 0 || end - start > 8 * 1024 * 1024) continue;
      out.push({ text: buf.subarray(start, end + '</rdf:RDF>'.length).toString('utf8'), start, end });
    }
  }
  return out;
}

function pngTextChunks(buf: Buffer): { keyword: string; text: string }[] {
  const out: { keyword: string; text: string }[] = [];
  if (buf.length < 8 || buf.toString('latin1', 1, 4) !== 'PNG') return out;
  let o = 8;
  while (o + 12 <= buf.length && out.length < 256) {
    const len = buf.readUInt32BE(o);
    const type = buf.toString('latin1', o + 4, o + 8);
    const data = buf.subarray(o + 8, Math.min(buf.length, o + 8 + len));
    o += 12 + len;
    if (type === 'IEND') break;
    if (type !== 'tEXt' && type !== 'zTXt' && type !== 'iTXt') continue;
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

/** Read XMP packets, PNG text chunks and AIGC snippets from a file. */
export async function readRawMetadata(path: string): Promise<RawMetadata> {
  const buf = await readEdges(path);
  const packets = xmpPackets(buf);
  const textChunks = pngTextChunks(buf);
  const inXmp = (i: number) => packets.some((p) => i >= p.start && i <= p.end);
  const aigcSnippets: string[] = [];
  for (const i of findAll(buf, 'AIGC')) {
    if (inXmp(i)) continue;
    const s = Math.max(0, i - 64);
    aigcSnippets.push(buf.subarray(s, Math.min(buf.length, i + 4096)).toString('utf8'));
    if (aigcSnippets.length >= 8) break;
  }
  // Compressed PNG chunks hide the marker from the byte scan; add their text too.
  for (const c of textChunks) if (/AIGC/.test(c.keyword) || /AIGC/.test(c.text)) aigcSnippets.push(`${c.keyword}\0${c.text}`.slice(0, 8192));
  return { xmp: packets.map((p) => p.text), textChunks, aigcSnippets };
}
