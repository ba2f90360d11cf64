import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ValidationError } from '../../src/domain/errors.js';
import { readBatch, runBatch, type BatchOutput } from '../../src/services/batch.service.js';

describe('check --batch', () => {
  it('reads JSONL posts (files relative to the batch), reports bad lines in place, emits in input order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gp-batch-'));
    try {
      const path = join(dir, 'in.jsonl');
      await writeFile(path, [
        JSON.stringify({ id: 'slow', caption: 'a', file: 'clip.mp4' }),
        '',
        '{broken',
        JSON.stringify({ caption: 'no id' }),
        JSON.stringify({ id: 'bad', caption: 'x' }),
        JSON.stringify({ id: 7, urls: ['https://example.com'], posted_at: '2025-01-02' }),
        JSON.stringify({ id: 'u', urls: 'not-a-list' }),
      ].join('\n'));
      const items = await readBatch(path);
      assert.equal(items.length, 6);
      assert.deepEqual('post' in items[0] && items[0].post, { file: join(dir, 'clip.mp4'), caption: 'a', postedAt: null, urls: [] });
      assert.equal('error' in items[1] && items[1].error.code, 'invalid_json');
      assert.equal('error' in items[2] && items[2].error.code, 'invalid_request');
      assert.equal(items[4].id, '7');
      assert.equal('error' in items[5] && items[5].id, 'u');

      const out: BatchOutput[] = [];
      const progress: number[] = [];
      const summary = await runBatch(items, async (item) => {
        if (item.id === 'slow') await new Promise((r) => setTimeout(r, 50));
        if (item.id === 'bad') throw new ValidationError('invalid_caption', 'bad caption');
        return { verdict: { quadrant: 'undetermined' }, caption: item.post.caption };
      }, { concurrency: 3, emit: (o) => void out.push(o), progress: (d) => progress.push(d) });
      assert.deepEqual(out.map((o) => o.id), ['slow', null, null, 'bad', '7', 'u'], 'one line per input, in order');
      assert.deepEqual(out[3], { id: 'bad', error: { code: 'invalid_caption', message: 'bad caption' } });
      assert.deepEqual(out[0], { id: 'slow', verdict: { quadrant: 'undetermined' }, caption: 'a' });
      assert.deepEqual(summary, { ok: 2, failed: 4 });
      assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);
      await assert.rejects(readBatch(join(dir, 'missing.jsonl')), (e: unknown) => e instanceof ValidationError && e.code === 'file_not_found');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
