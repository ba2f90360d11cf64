import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.js';
import { assertSafeBind } from '../../src/http/hardening.js';
import { runCli } from '../helpers/cli.js';
import { FakeRunner, JPEG, form, testConfig, waitFor } from './fakes.js';

describe('API hardening', () => {
  it('limits POSTs per client with problem+json rate_limited (429), never GETs', async () => {
    const { app } = await buildApp({ config: testConfig({ api: { postsPerMinute: 3 } }), checks: new FakeRunner(), webDir: null });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await app.inject({ method: 'POST', url: '/api/checks', payload: form({ caption: `post ${i}` }) });
        codes.push(r.statusCode);
        if (r.statusCode === 429) {
          assert.match(String(r.headers['content-type']), /problem\+json/);
          assert.equal(r.json().code, 'rate_limited');
          assert.ok(r.headers['retry-after'], 'tells the client when to retry');
        }
      }
      assert.deepEqual(codes, [202, 202, 202, 429, 429]);
      // Another client has its own budget.
      const other = await app.inject({ method: 'POST', url: '/api/checks', remoteAddress: '127.0.0.9', payload: form({ caption: 'x' }) });
      assert.equal(other.statusCode, 202);
      for (let i = 0; i < 10; i++) assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  it('the default is at least 60 POSTs per minute', () => {
    assert.ok(testConfig().api.postsPerMinute >= 60);
  });

  it('sends security headers; the report keeps a CSP that lets it render inside the desk frame', async () => {
    const runner = new FakeRunner();
    const { app } = await buildApp({ config: testConfig(), checks: runner, webDir: null });
    try {
      const h = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(h.headers['x-content-type-options'], 'nosniff');
      assert.match(String(h.headers['content-security-policy']), /default-src 'none'/);
      assert.equal(h.headers['x-frame-options'], 'SAMEORIGIN');
      const page = await app.inject({ method: 'GET', url: '/' });
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-security-policy']), /default-src 'self'.*frame-src 'self'/);
      const res = await app.inject({ method: 'POST', url: '/api/checks', payload: form({ file: { data: JPEG, name: 'a.jpg' }, caption: 'c' }) });
      const { id } = res.json();
      await waitFor(async () => (await app.inject({ method: 'GET', url: `/api/checks/${id}` })).json().status === 'done');
      const rep = await app.inject({ method: 'GET', url: `/api/checks/${id}/report.html` });
      assert.equal(rep.statusCode, 200);
      const csp = String(rep.headers['content-security-policy']);
      assert.match(csp, /img-src data:/, 'inline keyframes (data: URLs) still show');
      assert.match(csp, /style-src 'unsafe-inline'/, 'the self-contained report styles still apply');
      assert.match(csp, /frame-ancestors 'self'/, 'the desk may frame it');
      assert.notEqual(rep.headers['x-frame-options'], 'DENY');
    } finally {
      await app.close();
    }
  });

  it('a server beyond loopback needs a write token (refuses to start otherwise)', async () => {
    assert.doesNotThrow(() => assertSafeBind(testConfig()));
    assert.doesNotThrow(() => assertSafeBind(testConfig({ server: { host: '::1' } })));
    assert.throws(() => assertSafeBind(testConfig({ server: { host: '0.0.0.0' } })), { code: 'config_invalid' });
    assert.throws(() => assertSafeBind(testConfig({ server: { host: '0.0.0.0', token: 'short' } })), { code: 'config_invalid' });
    assert.doesNotThrow(() => assertSafeBind(testConfig({ server: { host: '0.0.0.0', token: 'a-long-enough-secret-token' } })));
    const r = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { timeoutMs: 60_000, env: { GENPROOF_SERVER__TOKEN: '' } });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /token/);
  });
});
