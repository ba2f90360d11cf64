import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { loadConfig } from '../../src/config/config.js';
import { closeExiftool } from '../../src/repositories/exif.repository.js';
import { toolStats } from '../../src/repositories/tool-stats.repository.js';
import { RegistryService } from '../../src/services/registry.service.js';
import { VerificationService } from '../../src/services/verification.service.js';

const dir = mkdtempSync(join(tmpdir(), 'genproof-still-decode-'));
const config = loadConfig({ env: {}, overrides: { db: join(dir, 'registry.db') } });

/** A 900×600 picture stored rotated (EXIF orientation 6), so every reader must see the same upright pixels. */
async function poster(path: string): Promise<void> {
  const w = 600;
  const h = 900;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      px[i] = (x * 255) / w;
      px[i + 1] = (y * 255) / h;
      px[i + 2] = ((x ^ y) & 32) * 7;
    }
  await sharp(px, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toFile(path);
}

const file = join(dir, 'poster.jpg');

before(async () => {
  await poster(file);
  const reg = RegistryService.open(config);
  try {
    await reg.add([file], { label: 'scam_poster' });
  } finally {
    await reg.close();
  }
});

after(async () => {
  await closeExiftool();
  rmSync(dir, { recursive: true, force: true });
});

describe('a still is decoded once per check', () => {
  it('OCR, QR, match, the scam poster lookup and the preview keyframe all read one decode (and one exiftool run)', async () => {
    const service = VerificationService.create(config);
    try {
      const t0 = toolStats().tools;
      const { result } = await service.check({ file, caption: null, postedAt: null, urls: [] });
      const t1 = toolStats().tools;
      const d = (k: string) => (t1[k] ?? 0) - (t0[k] ?? 0);
      assert.ok(result.matches.length >= 1, 'the registered picture is found: the match analyzer hashed the image');
      assert.equal(result.matches[0].min_distance, 0, 'registry add and query hash the same decode of the same file');
      assert.ok(
        result.evidence.some((e) => e.analyzer === 'scam') || JSON.stringify(result.scam ?? {}).includes('KNOWN_SCAM_POSTER'),
        'the scam desk looked the picture up',
      );
      assert.equal(d('decode:sharp'), 1, `decodes: ${JSON.stringify(t1)}`);
      assert.equal(d('decode:heic'), 0);
      assert.equal(d('exiftool'), 1);
      assert.equal(d('ffmpeg'), 0, 'no ffmpeg fallback for a still sharp can read');
    } finally {
      await service.close();
    }
  });
});
