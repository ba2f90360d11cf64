import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sniffC2paFormat } from '../../src/repositories/c2pa.repository.js';

/** C2PA format recognition by content (never by file name). */
const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '..', '..', '..', 'shared', 'data', 'c2pa', 'fixtures');

function head(path: string): Uint8Array {
  return readFileSync(path);
}

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc(64)]);

describe('sniffC2paFormat', () => {
  it('recognises synthetic headers', () => {
    const cases: [Buffer, string | null][] = [
      [pad(bytes([0xff, 0xd8, 0xff, 0xe0])), 'jpeg'],
      [pad(bytes('\x89PNG\r\n\x1a\n')), 'png'],
      [pad(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')), 'webp'],
      [pad(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')), 'wav'],
      [pad(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')), 'avi'],
      [pad(bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic')), 'heic'],
      [pad(bytes([0, 0, 0, 24], 'ftypavif', [0, 0, 0, 0], 'avifmif1')), 'avif'],
      [pad(bytes([0, 0, 0, 20], 'ftypqt  ', [0, 0, 0, 0], 'qt  ')), 'mov'],
      [pad(bytes([0, 0, 0, 20], 'ftypM4A ', [0, 0, 0, 0], 'M4A ')), 'm4a'],
      [pad(bytes([0, 0, 0, 20], 'ftypisom', [0, 0, 0, 0], 'isom')), 'mp4'],
      [pad(bytes([0, 0, 0, 20], 'stypmsdh')), 'mp4-fragment'],
      [pad(bytes('II*\0', [8, 0, 0, 0])), 'tiff'],
      [pad(bytes('MM\0*', [0, 0, 0, 8])), 'tiff'],
      [pad(bytes('II+\0', [8, 0, 0, 0])), 'tiff'],
      [pad(bytes('ID3', [4, 0, 0])), 'mp3'],
      [pad(bytes('%PDF-1.7\n')), 'pdf'],
      [pad(bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">')), 'svg'],
      [pad(bytes([0, 0, 0, 0x40], 'jumb', [0, 0, 0, 0x20], 'jumd')), 'c2pa'],
      [pad(bytes('PK\x03\x04')), 'zip'],
      [pad(bytes([0, 0, 0, 0x0c], 'JXL \r\n\x87\n')), 'jxl'],
      [pad(bytes('GIF89a')), 'gif'],
      [pad(bytes('hello world, not media')), null],
      [bytes([0xff, 0xd8]), null],
    ];
    for (const [b, name] of cases) assert.equal(sniffC2paFormat(b)?.name ?? null, name, JSON.stringify(b.subarray(0, 12).toString('latin1')));
  });

  it('names DNG (TIFF with a DNGVersion tag) apart from plain TIFF', { skip: !existsSync(fixtures) && 'fixtures not present' }, () => {
    assert.equal(sniffC2paFormat(head(join(fixtures, 'c2pa-python', 'C.dng')))?.name, 'dng');
    assert.equal(sniffC2paFormat(head(join(fixtures, 'TUSCANY.TIF')))?.name, 'tiff');
  });

  it('every shared fixture is recognised as the family its extension says', { skip: !existsSync(fixtures) && 'fixtures not present' }, () => {
    const family: Record<string, string[]> = {
      jpg: ['jpeg'], jpeg: ['jpeg'], png: ['png'], webp: ['webp'], gif: ['gif'], tif: ['tiff'], dng: ['dng'], heic: ['heic'],
      heif: ['heic'], avif: ['avif'], mp4: ['mp4'], mov: ['mov', 'mp4'], m4s: ['mp4-fragment'], wav: ['wav'],
    };
    const rows = readFileSync(join(fixtures, 'EXPECTED.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    let n = 0;
    for (const f of rows) {
      const p = join(fixtures, f);
      if (!existsSync(p)) continue;
      const ext = f.split('.').pop()!.toLowerCase();
      assert.ok(family[ext]?.includes(sniffC2paFormat(head(p))?.name ?? '?'), `${f} → ${sniffC2paFormat(head(p))?.name}`);
      n++;
    }
    assert.ok(n >= 50);
  });
});
