// One content sniffer (issue 12): the upload front door, URL intake and file intake all use
// src/repositories/sniff.ts. The HTTP layer had its own copy (src/http/sniff.ts) that disagreed on HEIF brands;
// these tests pin that every format either copy recognised is still recognised, with the same kind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffMedia } from '../../src/repositories/sniff.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
/** Headers are sniffed from the first 4 KiB of a file; pad like a real file's head. */
const head = (b: Buffer, fill = 0) => Buffer.concat([b, Buffer.alloc(4096 - b.length, fill)]);
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
/** An ISO-BMFF file starting with `ftyp`: major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => head(bytes(u32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], compatible.join('')));

/** MPEG-TS: 188-byte packets starting 0x47; M2TS/MTS: 192-byte packets with a 4-byte timecode first. */
function transportStream(packet: 188 | 192): Buffer {
  const b = Buffer.alloc(4096);
  const off = packet === 192 ? 4 : 0;
  for (let p = 0; p + packet <= b.length; p += packet) b[p + off] = 0x47;
  return b;
}

/** The HTTP layer's former sniffer (src/http/sniff.ts before issue 12), frozen here as the reference of what was accepted. */
function formerHttpSniff(h: Buffer): { kind: 'video' | 'image'; format: string } | null {
  const s = (start: number, end: number) => h.subarray(start, end).toString('latin1');
  if (h.length < 12) return null;
  if (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return { kind: 'image', format: 'jpeg' };
  if (s(0, 8) === '\x89PNG\r\n\x1a\n') return { kind: 'image', format: 'png' };
  if (s(0, 6) === 'GIF87a' || s(0, 6) === 'GIF89a') return { kind: 'video', format: 'gif' };
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'AVI ') return { kind: 'video', format: 'avi' };
  if (s(0, 4) === 'II*\0' || s(0, 4) === 'MM\0*') return { kind: 'image', format: 'tiff' };
  if (h[0] === 0x1a && h[1] === 0x45 && h[2] === 0xdf && h[3] === 0xa3) return { kind: 'video', format: 'mkv' };
  if (s(4, 8) === 'ftyp') {
    const brand = s(8, 12);
    if (/^(heic|heix|heim|heis|mif1|msf1|hevc|hevx)$/.test(brand)) return { kind: 'image', format: 'heic' };
    if (/^avi[fs]$/.test(brand)) return { kind: 'image', format: 'avif' };
    return { kind: 'video', format: brand.startsWith('qt') ? 'mov' : 'mp4' };
  }
  if (/^(moov|mdat|wide|free|skip|pnot)$/.test(s(4, 8))) return { kind: 'video', format: 'mov' };
  if (h[0] === 0x47 || (h.length > 4 && h[4] === 0x47)) {
    const step = h[0] === 0x47 ? 188 : 192;
    const off = h[0] === 0x47 ? 0 : 4;
    if (h.length < off + step + 1 || h[off + step] === 0x47) return { kind: 'video', format: 'mts' };
  }
  return null;
}

describe('sniffMedia: HEIF family', () => {
  for (const brand of ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'heif']) {
    it(`major brand ${brand} is a HEIC image`, () => {
      assert.deepEqual(sniffMedia(ftyp(brand, 'mif1', brand)), { container: 'heic', kind: 'image', mime: 'image/heic' });
      assert.deepEqual(sniffMedia(ftyp(brand)), { container: 'heic', kind: 'image', mime: 'image/heic' });
    });
  }
  for (const brand of ['avif', 'avis']) {
    it(`major brand ${brand} is an AVIF image`, () => {
      assert.deepEqual(sniffMedia(ftyp(brand, 'mif1', 'miaf')), { container: 'avif', kind: 'image', mime: 'image/avif' });
    });
  }
  it('an AVIF whose major brand is mif1 is found by its compatible brands', () => {
    assert.deepEqual(sniffMedia(ftyp('mif1', 'avif', 'miaf')), { container: 'avif', kind: 'image', mime: 'image/avif' });
  });
  it('a HEIC listed only among the compatible brands is an image', () => {
    assert.equal(sniffMedia(ftyp('MiHE', 'heic', 'mif1'))?.kind, 'image');
  });
});

describe('sniffMedia: every format the upload filter accepted is still accepted, with the same kind', () => {
  const samples: [string, Buffer, string][] = [
    ['jpeg', head(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')), 'jpeg'],
    ['png', head(bytes('\x89PNG\r\n\x1a\n', u32(13), 'IHDR')), 'png'],
    ['gif87a', head(bytes('GIF87a')), 'gif'],
    ['gif89a', head(bytes('GIF89a')), 'gif'],
    ['webp', head(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')), 'webp'],
    ['avi', head(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')), 'avi'],
    ['tiff II', head(bytes('II*\0', [8, 0, 0, 0])), 'tiff'],
    ['tiff MM', head(bytes('MM\0*', [0, 0, 0, 8])), 'tiff'],
    ['mkv', head(bytes([0x1a, 0x45, 0xdf, 0xa3], 'B\x82\x88matroska')), 'mkv'],
    ['webm', head(bytes([0x1a, 0x45, 0xdf, 0xa3], 'B\x82\x84webm')), 'webm'],
    ['mp4 isom', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'mp4'],
    ['mp4 mp42', ftyp('mp42', 'mp42', 'isom'), 'mp4'],
    ['mov qt', ftyp('qt  ', 'qt  '), 'mov'],
    ['m4v', ftyp('M4V ', 'M4V ', 'M4A ', 'mp42', 'isom'), 'm4v'],
    ['3gp', ftyp('3gp4', '3gp4', 'isom'), '3gp'],
    ['mts 188', transportStream(188), 'mts'],
    ['m2ts 192', transportStream(192), 'mts'],
    ...['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].map((atom): [string, Buffer, string] => [`mov atom ${atom}`, head(bytes(u32(8), atom)), 'mov']),
    ...['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].map((b): [string, Buffer, string] => [`heif ${b}`, ftyp(b, 'mif1'), 'heic']),
    ...['avif', 'avis'].map((b): [string, Buffer, string] => [`${b}`, ftyp(b, 'mif1'), 'avif']),
  ];
  for (const [name, h, container] of samples) {
    it(name, () => {
      const former = formerHttpSniff(h);
      assert.ok(former, `the former upload sniffer accepted ${name}`);
      const now = sniffMedia(h);
      assert.ok(now, `${name} is still accepted`);
      assert.equal(now.kind, former.kind);
      assert.equal(now.container, container);
    });
  }

  it('rejects what is not media', () => {
    for (const h of [
      head(bytes('%PDF-1.7\n')),
      head(bytes('<!doctype html><html>')),
      head(bytes('PK\x03\x04')),
      head(bytes('MZ\x90\0')),
      head(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')),
      Buffer.from([0xff, 0xd8]),
    ]) assert.equal(sniffMedia(h), null);
  });
});
