import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

/** `genproof serve` as users run it: binds loopback, answers, analyses a scam text, stops cleanly on SIGTERM. */
describe('genproof serve', () => {
  it('serves the API on 127.0.0.1 and exits 0 on SIGTERM', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genproof-serve-'));
    const child = spawn(process.execPath, [resolve('bin/genproof.js'), '--db', join(dir, 'r.db'), 'serve', '--port', '0'], {
      env: { ...process.env, GENPROOF_FROM_SOURCE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stderr = '';
      const url = await new Promise<string>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no URL printed: ${stderr}`)), 90_000);
        child.stderr.on('data', (c: Buffer) => {
          stderr += c.toString();
          const m = /serving the desk on (http:\/\/[\d.:]+)/.exec(stderr);
          if (m) {
            clearTimeout(timer);
            res(m[1]);
          }
        });
        child.on('exit', (code) => rej(new Error(`exited ${code}: ${stderr}`)));
      });
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { ok: true, db: true, queue: true });
      const scam = await fetch(`${url}/api/scam`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Sora API 内测账号低价出售，99元，扫码进群，名额有限今晚截止！', posted_at: '2024-02-20', urls: ['https://openai-sora.top/buy'] }),
      });
      assert.equal(scam.status, 200);
      const body = (await scam.json()) as { label: string; symbols: { code: string }[] };
      assert.notEqual(body.label, 'ok');
      assert.ok(body.symbols.length > 0);
      const problem = await fetch(`${url}/api/checks/none`);
      assert.equal(problem.status, 404);
      assert.equal(((await problem.json()) as { code: string }).code, 'check_not_found');
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
