import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.js';
import { demoPort } from '../../src/http/service-adapters.js';
import { DEMO_CAPTION, demoDir, prepareDemo } from '../../src/services/demo.service.js';
import { intakeFile } from '../../src/services/intake/intake.service.js';
import { FakeRunner, testConfig } from './fakes.js';

describe('demo (npm start)', () => {
  it('generates an original + a Sora-captioned repost once, registers the original, and offers the repost', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genproof-demo-'));
    try {
      const config = testConfig({ db: join(dir, 'genproof.db') });
      const calls: { files: string[]; label: string }[] = [];
      const known = new Set<string>();
      const registry = {
        add: async (files: string[], o: { label: 'original' }) => (calls.push({ files, label: o.label }), known.add('r-demo'), [{ id: 'r-demo' }]),
        get: async (id: string) => (known.has(id) ? { id } : null),
      };
      const a = await prepareDemo(config, registry);
      assert.equal(demoDir(config), join(dir, '.genproof', 'demo'));
      assert.deepEqual(calls, [{ files: [a.original], label: 'original' }]);
      assert.equal(a.referenceId, 'r-demo');
      assert.equal(a.caption, DEMO_CAPTION);
      const orig = await intakeFile(a.original, config);
      const repost = await intakeFile(a.repost, config);
      assert.equal(orig.kind, 'video');
      assert.ok(orig.duration! > 5 && orig.duration! < 7, `duration ${orig.duration}`);
      assert.equal(repost.width, 480, 'the repost is cropped and scaled');
      assert.notEqual(repost.sha256, orig.sha256);
      // Second start: files and the registration are reused — no ffmpeg, no hashing.
      const mtime = statSync(a.original).mtimeMs;
      const t0 = Date.now();
      const b = await prepareDemo(config, registry);
      assert.ok(Date.now() - t0 < 1000, `second prepare took ${Date.now() - t0} ms`);
      assert.equal(statSync(b.original).mtimeMs, mtime);
      assert.equal(calls.length, 1, 'not registered again');
      assert.equal(b.referenceId, 'r-demo');
      // A fresh database (the reference is gone) learns the original again.
      known.clear();
      await prepareDemo(config, registry);
      assert.equal(calls.length, 2);

      const { app } = await buildApp({ config, checks: new FakeRunner(), webDir: null, demo: demoPort(b) });
      const info = (await app.inject({ method: 'GET', url: '/api/demo' })).json();
      assert.equal(info.caption, DEMO_CAPTION);
      const file = await app.inject({ method: 'GET', url: info.file_url });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'video/mp4');
      assert.equal(file.rawPayload.length, statSync(b.repost).size);
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
