/**
 * Hostile media generators for the fuzz harness: each takes a seed file's bytes and a seeded PRNG and returns a
 * mutant. Pure functions over buffers (no I/O), so a mutant is reproducible from (seed file, --seed, index).
 */
import { crc32, deflateRawSync } from 'node:zlib';

import { makeRng, type Rng } from '../lib/rng.js';

export { makeRng, type Rng };
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

export function truncate(buf: Buffer, rng: Rng): Buffer {
  return Buffer.from(buf.subarray(0, int(rng, 1, Math.max(1, buf.length - 1))));
}

export function bitFlips(buf: Buffer, rng: Rng): Buffer {
  const out = Buffer.from(buf);
  const span = Math.min(out.length, 64 * 1024);
  for (let k = int(rng, 1, 64); k > 0; k--) out[int(rng, 0, span - 1)] ^= 1 << int(rng, 0, 7);
  return out;
}

// ---- ISO-BMFF ----------------------------------------------------------------------------------------------
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'dinf', 'edts', 'udta', 'meta', 'iprp', 'ipco', 'moof', 'traf', 'mvex']);

export interface BoxRef { offset: number; size: number; type: string }

/** Box headers, descending into the usual containers (bounded: at most 2,000 boxes). */
export function listBoxes(buf: Buffer, start = 0, end = buf.length, out: BoxRef[] = []): BoxRef[] {
  let off = start;
  while (off + 8 <= end && out.length < 2000) {
    let size = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    let hdr = 8;
    if (size === 1 && off + 16 <= end) { size = Number(buf.readBigUInt64BE(off + 8)); hdr = 16; }
    else if (size === 0) size = end - off;
    if (size < hdr || off + size > end) break;
    out.push({ offset: off, size, type });
    if (CONTAINERS.has(type)) listBoxes(buf, off + hdr + (type === 'meta' ? 4 : 0), off + size, out);
    off += size;
  }
  return out;
}

export function isBmff(buf: Buffer): boolean {
  return buf.length > 12 && buf.toString('latin1', 4, 8) === 'ftyp';
}

/** One box claims a size that is a lie: 0, 1 (with a 64-bit size of 2^64-1 or 0), beyond the file, or 2^32-1. */
export function bmffLyingSize(buf: Buffer, rng: Rng): { data: Buffer; lie: string } {
  const boxes = listBoxes(buf);
  const out = Buffer.from(buf);
  if (boxes.length === 0) return { data: out, lie: 'none' };
  const b = pick(rng, boxes);
  const lie = pick(rng, ['0', '1+2^64-1', '1+0', '>file', '2^32-1', '7']);
  if (lie === '0') out.writeUInt32BE(0, b.offset);
  else if (lie === '>file') out.writeUInt32BE(Math.min(0xfffffffe, buf.length - b.offset + int(rng, 1, 1 << 20)), b.offset);
  else if (lie === '2^32-1') out.writeUInt32BE(0xffffffff, b.offset);
  else if (lie === '7') out.writeUInt32BE(7, b.offset);
  else {
    out.writeUInt32BE(1, b.offset);
    if (b.offset + 16 <= out.length) out.writeBigUInt64BE(lie === '1+0' ? 0n : 0xffffffffffffffffn, b.offset + 8);
  }
  return { data: out, lie: `${b.type}@${b.offset}:${lie}` };
}

/** ftyp + `depth` nested container boxes (moov/trak/mdia/... cycling), each with a correct size. */
export function bmffDeep(depth: number, brand = 'isom'): Buffer {
  const ftyp = Buffer.alloc(20);
  ftyp.writeUInt32BE(20, 0); ftyp.write('ftyp', 4, 'latin1'); ftyp.write(brand, 8, 'latin1'); ftyp.write(brand, 16, 'latin1');
  const types = ['moov', 'trak', 'mdia', 'minf', 'stbl', 'udta', 'edts', 'dinf'];
  const nest = Buffer.alloc(depth * 8);
  for (let i = 0; i < depth; i++) {
    nest.writeUInt32BE((depth - i) * 8, i * 8);
    nest.write(types[i % types.length], i * 8 + 4, 'latin1');
  }
  return Buffer.concat([ftyp, nest]);
}

// ---- JPEG / PNG / WebP segments ------------------------------------------------------------------------------
export interface Segment { offset: number; marker: number; length: number }

export function jpegSegments(buf: Buffer): Segment[] {
  const out: Segment[] = [];
  let off = 2;
  while (off + 4 <= buf.length && buf[off] === 0xff && out.length < 500) {
    const marker = buf[off + 1];
    if (marker === 0xd9 || marker === 0xda) break;
    const length = buf.readUInt16BE(off + 2);
    out.push({ offset: off, marker, length });
    off += 2 + length;
  }
  return out;
}

/** EXIF (APP1), XMP (APP1) or JUMBF (APP11) segments whose length lies; a forged one when the seed has none. */
export function jpegLyingSegment(buf: Buffer, rng: Rng): { data: Buffer; lie: string } {
  const segs = jpegSegments(buf).filter((s) => s.marker >= 0xe0 && s.marker <= 0xef);
  const value = pick(rng, [0, 1, 2, 0xffff, 0xfffe]);
  if (segs.length && rng() < 0.6) {
    const s = pick(rng, segs);
    const out = Buffer.from(buf);
    out.writeUInt16BE(value, s.offset + 2);
    return { data: out, lie: `APP${s.marker - 0xe0}@${s.offset}:${value}` };
  }
  // Forge a segment after SOI: EXIF with an IFD that claims 65,535 entries, or a JUMBF box claiming 4 GiB.
  const kind = pick(rng, ['exif', 'jumbf', 'xmp']);
  let body: Buffer;
  if (kind === 'exif') {
    body = Buffer.concat([Buffer.from('Exif\0\0II*\0', 'latin1'), u32le(8), Buffer.from([0xff, 0xff]), Buffer.alloc(24, 0xff)]);
  } else if (kind === 'jumbf') {
    body = Buffer.concat([Buffer.from([0x4a, 0x50, 0, 1, 0, 0, 0, 1]), u32be(0xffffffff), Buffer.from('jumb'), u32be(0xfffffff0), Buffer.from('jumd'), Buffer.alloc(16, 0x63)]);
  } else {
    body = Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF${'<rdf:Description>'.repeat(2000)}`, 'latin1');
  }
  const seg = Buffer.alloc(4);
  seg[0] = 0xff; seg[1] = kind === 'jumbf' ? 0xeb : 0xe1;
  seg.writeUInt16BE(kind === 'xmp' ? Math.min(0xffff, body.length + 2) : value || 0xffff, 2);
  return { data: Buffer.concat([buf.subarray(0, 2), seg, body, buf.subarray(2)]), lie: `forged-${kind}` };
}

function u32be(n: number): Buffer { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; }
function u32le(n: number): Buffer { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; }

export function pngChunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), td, u32be(crc32(td))]);
}

/** A PNG chunk (iTXt/eXIf/caBX/tEXt or any) whose length lies. */
export function pngLyingChunk(buf: Buffer, rng: Rng): { data: Buffer; lie: string } {
  const chunks: { offset: number; type: string }[] = [];
  for (let off = 8; off + 12 <= buf.length && chunks.length < 1000;) {
    const len = buf.readUInt32BE(off);
    chunks.push({ offset: off, type: buf.toString('latin1', off + 4, off + 8) });
    off += 12 + len;
  }
  const out = Buffer.from(buf);
  const meta = chunks.filter((c) => /iTXt|eXIf|caBX|tEXt|zTXt|iCCP/.test(c.type));
  if (meta.length === 0 || rng() < 0.3) {
    // Forge an eXIf chunk claiming 2 GiB right after IHDR.
    const forged = Buffer.concat([u32be(0x7fffffff), Buffer.from('eXIf'), Buffer.from('MM\0*\0\0\0\x08', 'latin1')]);
    return { data: Buffer.concat([buf.subarray(0, 33), forged, buf.subarray(33)]), lie: 'forged-eXIf:2^31-1' };
  }
  const c = pick(rng, meta);
  const v = pick(rng, [0, 0x7fffffff, 0xffffffff, buf.length]);
  out.writeUInt32BE(v, c.offset);
  return { data: out, lie: `${c.type}@${c.offset}:${v}` };
}

/** PNG IHDR or JPEG SOF claiming a gigantic picture (PNG 100,000 × 100,000; JPEG's 16-bit maximum 65,535²). */
export function hugeDimensions(buf: Buffer): { data: Buffer; lie: string } | null {
  const out = Buffer.from(buf);
  if (buf.toString('latin1', 1, 4) === 'PNG' && buf.toString('latin1', 12, 16) === 'IHDR') {
    out.writeUInt32BE(100_000, 16); out.writeUInt32BE(100_000, 20);
    out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
    return { data: out, lie: 'png 100000x100000' };
  }
  if (buf[0] === 0xff && buf[1] === 0xd8) {
    const sof = jpegSegments(buf).find((s) => s.marker >= 0xc0 && s.marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(s.marker));
    if (!sof) return null;
    out.writeUInt16BE(0xffff, sof.offset + 5); out.writeUInt16BE(0xffff, sof.offset + 7);
    return { data: out, lie: 'jpeg 65535x65535' };
  }
  return null;
}

/** WebP (RIFF) whose RIFF size or first chunk size lies. */
export function riffLyingSize(buf: Buffer, rng: Rng): { data: Buffer; lie: string } {
  const out = Buffer.from(buf);
  const where = pick(rng, [4, 16]);
  const v = pick(rng, [0, 1, 0xffffffff, 0x7ffffff0]);
  if (where + 4 <= out.length) out.writeUInt32LE(v, where);
  return { data: out, lie: `riff@${where}:${v}` };
}

// ---- whole generated files ---------------------------------------------------------------------------------
/** A 1×1 GIF with `frames` frames (~24 bytes each). */
export function gifManyFrames(frames: number): Buffer {
  const head = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff,
    0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0]);
  const frame = Buffer.from([0x21, 0xf9, 4, 0, 1, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0]);
  const body = Buffer.alloc(frame.length * frames);
  for (let i = 0; i < frames; i++) frame.copy(body, i * frame.length);
  return Buffer.concat([head, body, Buffer.from([0x3b])]);
}

/** A zip archive holding one deflated entry of `mib` MiB of zeros (a "zip bomb" when named .mp4). */
export function zipBomb(mib: number, name = 'movie.mp4'): Buffer {
  const raw = Buffer.alloc(mib * 1024 * 1024);
  const comp = deflateRawSync(raw, { level: 9 });
  const crc = crc32(raw);
  const fname = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(raw.length, 22); local.writeUInt16LE(fname.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16); central.writeUInt32LE(comp.length, 20); central.writeUInt32LE(raw.length, 24); central.writeUInt16LE(fname.length, 28);
  const cdOffset = 30 + fname.length + comp.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fname.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, fname, comp, central, fname, end]);
}

export const HTML_PAYLOAD = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.domain)</script><iframe src="javascript:alert(1)"></iframe></body></html>\n');
