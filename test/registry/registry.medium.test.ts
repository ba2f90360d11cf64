/**
 * Registry medium tests: the real SQLite repository on a temp file, real ffmpeg decoding of small generated clips.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig, type Config } from '../../src/config/config.js';
import { AppError } from '../../src/domain/errors.js';
import { RegistryService } from '../../src/services/registry.service.js';
import { VerificationService } from '../../src/services/verification.service.js';
import { applyTransform, frameAt, lavfiClip, lavfiImage, TRANSFORMS } from '../match/media-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'genproof-registry-test-'));
const cfg = (db: string): Config => loadConfig({ env: {}, overrides: { db } });
let clipA: string, clipB: string, image: string, frameOfA: string;

before(async () => {
  [clipA, clipB, image] = await Promise.all([
    lavfiClip('reg-testsrc2', 'testsrc2', { seconds: 4, size: '320x240', rate: 25 }),
    lavfiClip('reg-mandelbrot', 'mandelbrot', { seconds: 4, size: '320x240', rate: 25 }),
    lavfiImage('reg-life', 'life=ratio=0.3:seed=7:mold=10', '320x240'),
  ]);
  frameOfA = await frameAt('reg-testsrc2-frame', clipA, 2.0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function rejects(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === code);
}

describe('RegistryService on SQLite', () => {
  test("a check's match analyzer and scam desk read one registry (one open, one index)", async () => {
    const db = join(dir, 'shared.db');
    const reg = RegistryService.open(cfg(db));
    await reg.add([image], { label: 'scam_poster', source: 'test' });
    await reg.close();
    const open = RegistryService.open;
    let opened = 0;
    RegistryService.open = (c: Config) => {
      opened++;
      return open.call(RegistryService, c);
    };
    const service = VerificationService.create(cfg(db));
    try {
      const { result } = await service.check({ file: image, caption: null, postedAt: null, urls: [] });
      assert.equal(opened, 1);
      assert.equal(result.matches[0]?.label, 'scam_poster', 'the match analyzer found the poster');
      assert.ok(JSON.stringify(result.scam).includes('KNOWN_SCAM_POSTER'), 'and so did the scam desk');
    } finally {
      RegistryService.open = open;
      await service.close();
    }
  });


  test('add hashes videos densely, keeps keyframes, dedupes by sha256', async () => {
    const db = join(dir, 'a.db');
    const reg = RegistryService.open(cfg(db));
    try {
      const [a] = await reg.add([clipA], { label: 'original', source: 'lavfi testsrc2' });
      assert.equal(a.duplicate, false);
      assert.ok(a.frames >= 4 * 5, `≥ 5 hashes/s expected, got ${a.frames} for 4 s`);
      const [again] = await reg.add([clipA], { label: 'ai' });
      assert.equal(again.duplicate, true);
      assert.equal(again.id, a.id);
      const [img] = await reg.add([image], { label: 'scam_poster' });
      assert.equal(img.frames, 1);

      const list = await reg.list({ offset: 0, limit: 10 });
      assert.equal(list.total, 2);
      const row = await reg.get(a.id);
      assert.equal(row?.label, 'original');
      assert.equal(row?.source, 'lavfi testsrc2');
      assert.equal(row?.kind, 'video');
      assert.equal(row?.width, 320);
      const thumb = await reg.thumbnail(a.id);
      assert.ok(thumb && thumb[0] === 0xff && thumb[1] === 0xd8, 'thumbnail is a JPEG');
      const kfs = await reg.keyframes(a.id);
      assert.ok(kfs.length >= 2 && kfs.length <= 6, `a few keyframes, got ${kfs.length}`);
      assert.ok(kfs[kfs.length - 1].timestamp > kfs[0].timestamp);
      assert.equal(await reg.thumbnail('r-unknown'), null);
      await rejects(reg.keyframes('r-unknown'), 'reference_not_found');
    } finally {
      await reg.close();
    }
  });

  test('the index is rebuilt from the database at open; matches name the right reference', async () => {
    const db = join(dir, 'b.db');
    let r1 = RegistryService.open(cfg(db));
    const [a] = await r1.add([clipA], { label: 'original' });
    const [b] = await r1.add([clipB], { label: 'ai', generator: 'sora' });
    await r1.close();
    const r2 = RegistryService.open(cfg(db));
    try {
      const repost = await applyTransform(clipA, TRANSFORMS.find((t) => t.name === 'reencode_640_crf30')!, 4);
      const m = await r2.match(repost);
      assert.equal(m.length, 1, JSON.stringify(m));
      assert.equal(m[0].reference_id, a.id);
      assert.ok(m[0].query_coverage >= 0.8);
      assert.ok(m[0].segments.length >= 1);
      const mb = await r2.match(clipB);
      assert.equal(mb[0]?.reference_id, b.id);
      assert.equal(mb[0]?.generator, 'sora');
      assert.equal(mb[0]?.label, 'ai');
      // An image matches a video frame.
      const mi = await r2.match(frameOfA);
      assert.equal(mi[0]?.reference_id, a.id);
      // Unrelated content matches nothing.
      assert.deepEqual(await r2.match(image), []);
    } finally {
      await r2.close();
      r1 = null as never;
    }
  });

  test('an empty registry matches nothing, and the query hashing started next to the database open is stopped', async () => {
    const reg = RegistryService.open(cfg(join(dir, 'empty.db')));
    try {
      assert.equal(await reg.count(), 0); // creates the database file
      assert.deepEqual(await reg.match(clipA), []);
      assert.deepEqual(await reg.match(image), []);
      await reg.add([clipB], { label: 'original' });
      const stop = new AbortController();
      stop.abort();
      // aborted before it starts: the match fails instead of hashing the whole clip
      await assert.rejects(reg.match(clipA, { signal: stop.signal }));
      assert.equal((await reg.match(clipB))[0]?.label, 'original', 'the registry still answers afterwards');
    } finally {
      await reg.close();
    }
  });

  test('export → import round trip (vpdq and pdq-list) gives a registry that matches', async () => {
    const src = RegistryService.open(cfg(join(dir, 'c.db')));
    const [a] = await src.add([clipA], { label: 'original' });
    await src.add([image], { label: 'scam_poster' });
    const vpdq = await src.exportHashes('vpdq');
    const list = await src.exportHashes('pdq-list');
    await src.close();
    assert.match(vpdq, new RegExp(`^# reference ${a.id} original `, 'm'));
    assert.match(list, /^[0-9a-f]{64},\d+,original,r[0-9a-f]{16},\d+,\d+\.\d{3}$/m);

    // Import one reference's vPDQ block as its own file.
    const block = vpdq.split(/^# reference /m).find((b) => b.startsWith(a.id))!;
    const vpdqFile = join(dir, 'a.vpdq');
    writeFileSync(vpdqFile, block.split('\n').slice(1).join('\n'));
    const dst = RegistryService.open(cfg(join(dir, 'd.db')));
    try {
      const [imp] = await dst.importHashes(vpdqFile, { format: 'vpdq', label: 'original', source: 'exchange' });
      assert.ok(imp.frames >= 20);
      const [dup] = await dst.importHashes(vpdqFile, { format: 'vpdq', label: 'original' });
      assert.equal(dup.duplicate, true);
      const m = await dst.match(clipA);
      assert.equal(m[0]?.reference_id, imp.id);
      assert.equal(m[0]?.source, 'exchange');
      assert.equal(await dst.thumbnail(imp.id), null, 'imported hashes have no keyframes');

      const listFile = join(dir, 'posters.txt');
      writeFileSync(listFile, list.split('\n').filter((l) => l.includes(',scam_poster,')).join('\n') + '\n');
      const imported = await dst.importHashes(listFile, { format: 'pdq-list', label: 'scam_poster' });
      assert.equal(imported.length, 1);
      const mi = await dst.match(image);
      assert.equal(mi[0]?.reference_id, imported[0].id);
      assert.equal(mi[0]?.label, 'scam_poster');

      writeFileSync(listFile, 'not-a-hash\n');
      await rejects(dst.importHashes(listFile, { format: 'pdq-list', label: 'ai' }), 'invalid_hash_list');
    } finally {
      await dst.close();
    }
  });

  test('references added by another instance become matchable without reopening', async () => {
    const db = join(dir, 'shared.db');
    const reader = RegistryService.open(cfg(db));
    const writer = RegistryService.open(cfg(db));
    try {
      await writer.add([image], { label: 'scam_poster' });
      assert.deepEqual(await reader.match(clipB), [], 'nothing matches yet');
      const [b] = await writer.add([clipB], { label: 'ai', generator: 'veo-3' });
      const m = await reader.match(clipB);
      assert.equal(m.length, 1);
      assert.equal(m[0].reference_id, b.id);
      assert.equal(m[0].generator, 'veo-3');
      // Its own inserts are indexed once (no duplicated frames inflating coverage).
      const again = await writer.match(clipB);
      assert.equal(again[0].reference_id, b.id);
      assert.ok(again[0].reference_coverage <= 1);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  test('a missing database is no registry: match is empty and nothing is created', async () => {
    const db = join(dir, 'missing', 'none.db');
    const reg = RegistryService.open(cfg(db));
    try {
      assert.deepEqual(await reg.match(clipA), []);
      assert.equal((await reg.list()).total, 0);
      assert.equal(await reg.get('rabc'), null);
      assert.equal(existsSync(db), false);
      assert.equal(RegistryService.exists(cfg(db)), false);
    } finally {
      await reg.close();
    }
  });

  test('bad input is a ValidationError with a stable code', async () => {
    const reg = RegistryService.open(cfg(join(dir, 'e.db')));
    try {
      await rejects(reg.add([clipA], { label: 'fake' as never }), 'invalid_label');
      await rejects(reg.add([clipA], { label: 'ai', generator: 'Sora 2' }), 'invalid_generator');
      await rejects(reg.add([join(dir, 'nope.mp4')], { label: 'original' }), 'file_not_found');
      await rejects(reg.add([dir], { label: 'original' }), 'bad_usage');
      const junk = join(dir, 'junk.mp4');
      writeFileSync(junk, 'not a video at all, just text '.repeat(100));
      await rejects(reg.add([junk], { label: 'original' }), 'media_unsupported');
    } finally {
      await reg.close();
    }
  });
});

describe('display names for uploads', () => {
  test('an upload stored as upload-0 is listed under the name the client gave, cleaned', async () => {
    const db = join(dir, 'names.db');
    const reg = RegistryService.open(cfg(db));
    try {
      const [a] = await reg.add([image], { label: 'original', displayNames: { [image]: '../evil/\u0007My Street Clip.png' } });
      const row = await reg.get(a.id);
      assert.equal(row?.file_name, 'My Street Clip.png');
      const [b] = await reg.add([clipB], { label: 'original', displayNames: {} });
      assert.equal((await reg.get(b.id))?.file_name, clipB.split('/').pop());
    } finally {
      await reg.close();
    }
  });
});
