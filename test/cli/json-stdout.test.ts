import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { listBoxes } from '../../scripts/fuzz/mutators.js';
import { runCli, SHARED } from '../helpers/cli.js';

// Regression (found by `npm run fuzz:media`): libheif-js prints parse errors with console.log, which put
// "Could not parse HEIF file …" in front of the JSON document of `check --json`.
const HEIC = join(SHARED, 'c2pa', 'fixtures', 'c2pa-ts', 'trustnxt-icon-signed-v2-bmff.heic');
const dir = mkdtempSync(join(tmpdir(), 'genproof-jsonout-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('check --json keeps stdout a single JSON document', () => {
  it('when the HEIC decoder complains about a box with a lying size', { skip: !existsSync(HEIC) && 'no shared HEIC', timeout: 180_000 }, async () => {
    const buf = Buffer.from(readFileSync(HEIC));
    const pixi = listBoxes(buf).find((b) => b.type === 'pixi');
    assert.ok(pixi, 'the fixture has a pixi box');
    buf.writeUInt32BE(0, pixi.offset);
    const file = join(dir, 'lying-pixi.heic');
    writeFileSync(file, buf);
    const r = await runCli(['check', file, '--json'], { timeoutMs: 170_000 });
    assert.ok([0, 2].includes(r.code ?? -1), r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.ok(doc.error?.code || doc.verdict, r.stdout.slice(0, 200));
  });
});
