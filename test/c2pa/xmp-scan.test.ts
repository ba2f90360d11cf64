// The raw-metadata scan reads files a window at a time (issue 12, bounded memory): markers and packets that straddle
// a window boundary, packets longer than a window, and the head/tail rule for large files must read as before.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRawMetadata } from '../../src/repositories/xmp.repository.js';

const dir = mkdtempSync(join(tmpdir(), 'genproof-xmp-scan-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const MiB = 1024 * 1024;
const packet = (body: string) => `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>${body}</rdf:RDF></x:xmpmeta>`;

/** A sparse file of `size` bytes with each text written at its offset. */
function fileWith(name: string, size: number, parts: [number, string][]): string {
  const p = join(dir, name);
  const fd = openSync(p, 'w');
  try {
    ftruncateSync(fd, size);
    for (const [at, text] of parts) writeSync(fd, Buffer.from(text, 'utf8'), 0, Buffer.byteLength(text), at);
  } finally {
    closeSync(fd);
  }
  return p;
}

describe('raw metadata scan', () => {
  it('finds a packet and an AIGC marker that straddle window boundaries, and a packet longer than a window', async () => {
    const long = packet(`<a>${'x'.repeat(1.5 * MiB)}</a>`);
    const first = packet('<dc:title>straddles</dc:title>');
    const p = fileWith('straddle.bin', 6 * MiB, [
      [MiB - 4, first],
      [2 * MiB - 2, '{"AIGC":{"Label":"1"}}'],
      [3 * MiB - 100, long],
    ]);
    const raw = await readRawMetadata(p);
    assert.deepEqual(raw.xmp, [first, long]);
    assert.equal(raw.aigcSnippets.length, 1);
    assert.ok(raw.aigcSnippets[0].includes('{"AIGC":{"Label":"1"}}'));
    assert.equal(Buffer.byteLength(raw.aigcSnippets[0].replace(/\0/g, ' ')), 64 + 4096);
  });

  it('skips an AIGC marker inside a packet, and a packet without its end', async () => {
    const inside = packet('<x>AIGC</x>');
    const p = fileWith('inside.bin', 2 * MiB, [[1000, inside], [MiB, '<x:xmpmeta never closed']]);
    const raw = await readRawMetadata(p);
    assert.deepEqual(raw.xmp, [inside]);
    assert.deepEqual(raw.aigcSnippets, []);
  });

  it('reads only the head and tail of a file over 64 MiB', async () => {
    const head = packet('<h>head</h>');
    const middle = packet('<m>middle</m>');
    const tail = packet('<t>tail</t>');
    const size = 70 * MiB;
    const p = fileWith('large.bin', size, [[10, head], [35 * MiB, middle], [size - 2000, tail]]);
    const raw = await readRawMetadata(p);
    assert.deepEqual(raw.xmp, [head, tail]);
  });

  it('rejects a missing file with file_not_found', async () => {
    await assert.rejects(readRawMetadata(join(dir, 'nope.bin')), (e: unknown) => (e as { code?: string }).code === 'file_not_found');
  });
});
