import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ReaderWorker } from '../../src/repositories/c2pa-worker.repository.js';
import { sniffC2paFormat } from '../../src/repositories/c2pa.repository.js';

/**
 * The reader validates files from an open descriptor, range by range (bounded memory for long videos). Every shared
 * fixture must give the same manifest store (or the same error) as the in-memory path, even when each range read
 * returns only a few bytes (c2pa-rs must loop over short reads).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '..', '..', '..', 'shared', 'data', 'c2pa', 'fixtures');

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}
/** Key order of the store JSON follows hash maps, and signing times are not compared. */
const canon = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canon)
  : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().filter((k) => k !== 'time').map((k) => [k, canon((v as Record<string, unknown>)[k])]))
  : v;

describe('C2PA read from a file descriptor', () => {
  const inMemory = new ReaderWorker();
  const fromFile = new ReaderWorker({ maxSliceBytes: 13 });
  after(async () => {
    await inMemory.close();
    await fromFile.close();
  });
  const settings = JSON.stringify({ version: 1, trust: {}, verify: { remote_manifest_fetch: false, ocsp_fetch: false } });

  it('gives the same store as the in-memory reader on every shared fixture, with 13-byte range reads', { skip: !existsSync(fixtures) && 'shared fixtures not present' }, async () => {
    let compared = 0;
    for (const f of files(fixtures)) {
      const bytes = readFileSync(f);
      const format = sniffC2paFormat(bytes);
      if (!format) continue;
      const a = await inMemory.read(format.mime, { bytes: Uint8Array.from(bytes) }, settings, 60_000);
      const fh = await open(f, 'r');
      const b = await fromFile.read(format.mime, { fd: fh.fd }, settings, 60_000).finally(() => fh.close());
      const norm = (r: typeof a) => ({ ok: r.ok, error: r.error, store: r.json ? canon(JSON.parse(r.json)) : null });
      assert.deepEqual(norm(b), norm(a), f);
      compared++;
    }
    assert.ok(compared >= 50, `only ${compared} fixtures compared`);
  });
});

describe('C2PA reader worker lifetime', () => {
  it('stops when idle (no read waiting) and starts again for the next read', { skip: !existsSync(fixtures) && 'shared fixtures not present' }, async () => {
    const w = new ReaderWorker({ idleMs: 50 });
    try {
      const settings = JSON.stringify({ version: 1, verify: { remote_manifest_fetch: false, ocsp_fetch: false } });
      const f = join(fixtures, 'C.jpg');
      const read = async () => {
        const fh = await open(f, 'r');
        return w.read('image/jpeg', { fd: fh.fd }, settings, 60_000).finally(() => fh.close());
      };
      assert.equal((await read()).ok, true);
      assert.equal(w.running, true);
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(w.running, false, 'stopped after the idle time');
      assert.equal((await read()).ok, true);
      assert.equal(w.releaseIfIdle(), true);
      assert.equal(w.running, false);
    } finally {
      await w.close();
    }
  });
});
