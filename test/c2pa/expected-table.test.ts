import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classifyRead, stateClass } from '../../src/analyzers/c2pa/state.js';
import { closeC2paReader, loadTrustSettings, readC2pa } from '../../src/repositories/c2pa.repository.js';

/**
 * Conformance table: every media file listed in ../shared/data/c2pa/fixtures/EXPECTED.tsv gets the class, state
 * and required failure codes given there, with the shared trust lists loaded (no test anchors). The answers are
 * computed; the table is only read here.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const shared = join(here, '..', '..', '..', 'shared', 'data', 'c2pa');
const fixtures = join(shared, 'fixtures');
const table = join(fixtures, 'EXPECTED.tsv');

interface Row { file: string; cls: string; state: string; codes: string[]; note: string }

function rows(): Row[] {
  const lines = readFileSync(table, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  const col = (n: string) => header.indexOf(n);
  return lines.slice(1).map((l) => {
    const f = l.split('\t');
    return {
      file: f[col('file')],
      cls: f[col('class')],
      state: f[col('state')],
      codes: (f[col('key_codes')] ?? '').split(',').map((c) => c.trim()).filter(Boolean),
      note: f[col('note')] ?? '',
    };
  });
}

describe('C2PA fixtures agree with EXPECTED.tsv', { skip: !existsSync(table) && 'shared fixtures not present' }, () => {
  const trust = loadTrustSettings({ trustDir: join(shared, 'trust'), extraAnchors: [] });
  after(() => closeC2paReader());
  const all = existsSync(table) ? rows() : [];
  const results: { file: string; ok: boolean }[] = [];
  after(() => {
    const ok = results.filter((r) => r.ok).length;
    process.stderr.write(`C2PA EXPECTED.tsv agreement: ${ok}/${results.length}\n`);
  });

  it('lists a meaningful number of files', () => {
    assert.ok(all.length >= 50, `only ${all.length} rows`);
  });

  for (const row of all) {
    const path = join(fixtures, row.file);
    // Clock-dependent rows (expired certificates) are noted in the table; they are still checked against it.
    it(`${row.file}: ${row.cls}/${row.state}${row.codes.length ? ' ' + row.codes.join(',') : ''}`, { skip: !existsSync(path) && 'file absent' }, async () => {
      let ok = false;
      try {
        const read = await readC2pa(path, { trust, timeoutMs: 60_000 });
        const s = classifyRead(read);
        assert.equal(stateClass(s.state), row.cls, `class of ${row.file} (state ${s.state}, codes ${s.codes.join(',')})`);
        if (row.state !== '-' && row.state !== '') assert.equal(s.state, row.state, `state of ${row.file} (codes ${s.codes.join(',')})`);
        for (const c of row.codes) assert.ok(s.codes.includes(c), `${row.file}: missing code ${c} in [${s.codes.join(', ')}]`);
        ok = true;
      } finally {
        results.push({ file: row.file, ok });
      }
    });
  }
});

describe('reader behaviour', () => {
  it('loads nothing unless configured: the same Adobe file is then valid_untrusted', { skip: !existsSync(table) && 'shared fixtures not present' }, async () => {
    const none = loadTrustSettings({ trustDir: null, extraAnchors: [] });
    assert.equal(none.anchorsPem, '');
    const r = await readC2pa(join(fixtures, 'example-assets', 'Firefly_tabby_cat.jpg'), { trust: none, timeoutMs: 60_000 });
    assert.equal(classifyRead(r).state, 'valid_untrusted');
  });

  it('extra anchors (c2pa-rs test roots) make the test-signed fixtures trusted', { skip: !existsSync(table) && 'shared fixtures not present' }, async () => {
    const t = loadTrustSettings({ trustDir: join(shared, 'trust'), extraAnchors: [join(fixtures, 'certs', 'test_cert_root_bundle.pem')] });
    const r = await readC2pa(join(fixtures, 'C.jpg'), { trust: t, timeoutMs: 60_000 });
    assert.equal(classifyRead(r).state, 'trusted');
  });

  it('large files are pre-scanned: no C2PA trace → none without loading them; a trace → full validation', { skip: !existsSync(table) && 'shared fixtures not present' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genproof-c2pa-big-'));
    try {
      const pad = Buffer.alloc(66 * 1024 * 1024);
      const plain = join(dir, 'plain.jpg');
      writeFileSync(plain, Buffer.concat([readFileSync(join(fixtures, 'no_manifest.jpg')), pad]));
      const r1 = await readC2pa(plain, { trust: null, timeoutMs: 60_000 });
      assert.equal(r1.kind, 'none');
      assert.equal(r1.format?.name, 'jpeg');
      const signed = join(dir, 'signed.jpg');
      writeFileSync(signed, Buffer.concat([readFileSync(join(fixtures, 'C.jpg')), pad]));
      const r2 = await readC2pa(signed, { trust: null, timeoutMs: 120_000 });
      assert.equal(r2.kind, 'store');
      // bytes appended after signing change the hashed data
      assert.equal(classifyRead(r2).state, 'invalid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('times out as a ToolError instead of hanging', { skip: !existsSync(table) && 'shared fixtures not present' }, async () => {
    await assert.rejects(readC2pa(join(fixtures, 'video1.mp4'), { trust: null, timeoutMs: 1 }), (e: Error & { code?: string }) => e.code === 'c2pa_timeout');
    // the reader recovers for the next file
    const r = await readC2pa(join(fixtures, 'C.jpg'), { trust: null, timeoutMs: 60_000 });
    assert.equal(r.kind, 'store');
    // concurrent reads queue; a timeout in the middle does not take the others down
    const [a, b, c] = await Promise.allSettled([
      readC2pa(join(fixtures, 'CA.jpg'), { trust: null, timeoutMs: 60_000 }),
      readC2pa(join(fixtures, 'video1.mp4'), { trust: null, timeoutMs: 1 }),
      readC2pa(join(fixtures, 'C.jpg'), { trust: null, timeoutMs: 60_000 }),
    ]);
    assert.equal(a.status === 'fulfilled' && a.value.kind, 'store');
    assert.equal(b.status === 'rejected' && (b.reason as { code?: string }).code, 'c2pa_timeout');
    assert.equal(c.status === 'fulfilled' && c.value.kind, 'store');
  });
});
