import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkTrustFile, installTrustFiles, readLocalTrustFiles, TRUST_SOURCES } from '../../src/repositories/c2pa-trust.repository.js';
import { loadTrustSettings } from '../../src/repositories/c2pa.repository.js';

/** Trust-list installation (local files only: nothing is downloaded in tests) and the provenance CLI. */
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const trustSrc = join(root, '..', 'shared', 'data', 'c2pa', 'trust');
const media = join(root, '..', 'shared', 'data', 'media');
const present = existsSync(trustSrc);
const work = mkdtempSync(join(tmpdir(), 'genproof-trust-'));
after(() => rmSync(work, { recursive: true, force: true }));

const run = promisify(execFile);
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(process.execPath, [join(root, 'bin', 'genproof.js'), ...args], { env: { ...process.env, GENPROOF_FROM_SOURCE: '1', ...env }, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('trust list install', { skip: !present && 'shared trust lists not present' }, () => {
  it('checks and installs the local copies, recording sources; loadTrustSettings then reads them', async () => {
    const dir = join(work, 'installed');
    const files = await readLocalTrustFiles(trustSrc);
    assert.equal(files.length, TRUST_SOURCES.length);
    const checked = await installTrustFiles(dir, files);
    const official = checked.find((c) => c.file === 'C2PA-TRUST-LIST.pem');
    assert.ok(official && official.entries >= 10, JSON.stringify(official));
    assert.equal(checked.find((c) => c.file === 'interim-store.cfg')?.entries, 6);
    const rec = JSON.parse(readFileSync(join(dir, 'SOURCES.json'), 'utf8')) as { files: { sha256: string }[] };
    assert.equal(rec.files.length, TRUST_SOURCES.length);
    assert.match(rec.files[0].sha256, /^[0-9a-f]{64}$/);
    const t = loadTrustSettings({ trustDir: dir, extraAnchors: [] });
    assert.ok(t.anchorsPem.includes('BEGIN CERTIFICATE'));
    assert.ok(t.allowedPem.length > 1000);
  });

  it('refuses a broken list before writing anything', async () => {
    const bad = join(work, 'bad-src');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'C2PA-TRUST-LIST.pem'), '<html>not found</html>');
    writeFileSync(join(bad, 'interim-store.cfg'), '1.3.6.1.5.5.7.3.4\n');
    const dest = join(work, 'never');
    await assert.rejects(installTrustFiles(dest, await readLocalTrustFiles(bad)), (e: Error & { code?: string }) => e.code === 'config_invalid');
    assert.equal(existsSync(join(dest, 'interim-store.cfg')), false);
    assert.throws(() => checkTrustFile({ file: 'x.cfg', kind: 'eku' }, 'not an oid', 'test'), /OID/);
  });

  it('`genproof trust update --from` installs, `trust show` reports, `provenance` uses it', async () => {
    const dir = join(work, 'cli');
    const up = await cli(['trust', 'update', '--from', trustSrc, '--dir', dir, '--json']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((JSON.parse(up.stdout) as { files: unknown[] }).files.length, TRUST_SOURCES.length);
    const show = await cli(['trust', 'show', '--dir', dir, '--json']);
    assert.ok((JSON.parse(show.stdout) as { anchors: number }).anchors >= 10);
    const sora = join(media, 'ai', 'sora_c2pa_huminify_videotest2.mp4');
    const withTrust = await cli(['provenance', sora, '--json'], { GENPROOF_C2PA__TRUST_DIR: dir });
    assert.equal(withTrust.code, 0, withTrust.stderr);
    const p = JSON.parse(withTrust.stdout) as Record<string, unknown>;
    for (const k of ['state', 'codes', 'ingredient_codes', 'generator', 'signer', 'digital_source_type', 'labels', 'manifests']) assert.ok(k in p, k);
    assert.equal(p.state, 'trusted');
    assert.equal(p.generator, 'sora');
    const human = await cli(['provenance', sora, '--trust-dir', dir, '--lang', 'en']);
    assert.match(human.stdout, /TRUSTED/);
    assert.match(human.stdout, /Signed by: OpenAI \/ Truepic Lens CLI in Sora/);
    const missing = await cli(['provenance', join(work, 'nope.jpg'), '--json']);
    assert.equal(missing.code, 2);
    assert.equal((JSON.parse(missing.stdout) as { error: { code: string } }).error.code, 'file_not_found');
    const emptyFile = join(work, 'empty.jpg');
    writeFileSync(emptyFile, '');
    const empty = await cli(['provenance', emptyFile, '--json']);
    assert.equal(empty.code, 2);
    assert.equal((JSON.parse(empty.stdout) as { error: { code: string } }).error.code, 'media_unsupported');
  });
});
