import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/cli.js';

// Regression (found by `npm run fuzz:media`): onnxruntime's telemetry left `.ses` and `mat-debug-<pid>.log` in
// the temp dir of every process that ran OCR. Runs in a fresh process, as telemetry starts once per process.
describe('OCR leaves no temp files', () => {
  it('a process that runs OCR leaves its TMPDIR empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genproof-ocrtmp-'));
    try {
      const repo = pathToFileURL(join(ROOT, 'src', 'repositories', 'ocr.repository.ts')).href;
      const script = `const { recognize } = await import(${JSON.stringify(repo)});
        await recognize({ width: 64, height: 32, channels: 3, data: Buffer.alloc(64 * 32 * 3, 200) }, { timeoutMs: 60000 });`;
      const env = { ...process.env, TMPDIR: dir };
      delete env.ORT_DISABLE_TELEMETRY;
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env, timeout: 120_000 });
      // (tsx keeps its own compile cache there: not ours.)
      assert.deepEqual(readdirSync(dir).filter((f) => !f.startsWith('tsx-')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
