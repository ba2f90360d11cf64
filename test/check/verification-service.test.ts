import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analyzer, AnalyzerContext, AnalyzerOutput } from '../../src/analyzers/analyzer.js';
import type { AnalyzerSet } from '../../src/analyzers/index.js';
import { MetadataAnalyzer } from '../../src/analyzers/metadata/metadata.analyzer.js';
import { loadConfig } from '../../src/config/config.js';
import { ToolError } from '../../src/domain/errors.js';
import { evidence } from '../../src/domain/evidence.js';
import type { MediaInfo } from '../../src/domain/media.js';
import type { MediaSession } from '../../src/domain/media-session.js';
import { VerificationService, type VerificationDeps } from '../../src/services/verification.service.js';

/** VerificationService over fake analyzers and fake ports: no file, no tool, no model is touched. */
const config = loadConfig({ env: {} });

function media(kind: 'video' | 'image' = 'video'): MediaInfo {
  return {
    path: '/nowhere/clip.mp4', kind, container: kind === 'video' ? 'mp4' : 'jpeg', mime: kind === 'video' ? 'video/mp4' : 'image/jpeg',
    sizeBytes: 1000, sha256: 'ab'.repeat(32), width: 640, height: 360, duration: kind === 'video' ? 12 : null, fps: kind === 'video' ? 30 : null,
    frameCount: null, videoCodec: 'h264', audioCodec: null, rotation: 0, streams: [], formatTags: {},
  };
}

function session(m: MediaInfo, tags: Record<string, unknown> = {}): MediaSession {
  return {
    media: m,
    videoProbe: m.kind === 'video' ? { width: m.width, height: m.height, fps: 30, duration: m.duration, frameCount: null, rotation: 0 } : null,
    tags: async () => tags,
    groupedTags: async () => ({}),
    heicPixels: async () => { throw new Error('not a HEIC'); },
  };
}

function fakeAnalyzer(name: string, analyze: (ctx: AnalyzerContext) => Promise<AnalyzerOutput>): Analyzer {
  return { name, appliesTo: (_p, m) => m !== null, analyze };
}

function analyzerSet(parallel: Analyzer[], first: Analyzer[] = []): AnalyzerSet {
  return { first, parallel, claimCheckers: [], close: async () => undefined };
}

function ports(m: MediaInfo | null, calls: string[] = []): Partial<VerificationDeps> {
  return {
    openMedia: async (path) => { calls.push(`open ${path}`); return session(m ?? media()); },
    extractKeyframes: async (_m, dir) => { calls.push(`keyframes ${dir}`); return [{ index: 0, timestamp: 1, path: `${dir}/k0.jpg` }]; },
    closeTools: async () => { calls.push('close'); },
  };
}

const post = { file: '/nowhere/clip.mp4', caption: null, postedAt: null, urls: [] };

describe('VerificationService with fake analyzers and ports', () => {
  it('hands every analyzer the one media session and merges their evidence', async () => {
    const seen: (MediaSession | undefined)[] = [];
    const a = fakeAnalyzer('a', async (ctx) => { seen.push(ctx.session); return { evidence: [evidence({ analyzer: 'a', code: 'a_found', direction: 'neutral', weight: 0.3, detail: 'a', detail_zh: 'a' })] }; });
    const b = fakeAnalyzer('b', async (ctx) => { seen.push(ctx.session); return { evidence: [evidence({ analyzer: 'b', code: 'b_found', direction: 'neutral', weight: 0.2, detail: 'b', detail_zh: 'b' })] }; });
    const calls: string[] = [];
    const s = VerificationService.withParts(config, analyzerSet([a, b]), ports(media(), calls));
    const { result } = await s.check(post);
    assert.equal(seen.length, 2);
    assert.ok(seen[0] && seen[0] === seen[1], 'the same session object');
    assert.deepEqual(result.evidence.map((e) => e.code).filter((c) => c.endsWith('_found')), ['a_found', 'b_found']);
    assert.deepEqual(calls, ['open /nowhere/clip.mp4'], 'JSON only: no keyframe images extracted');
    assert.deepEqual(result.keyframes.map((k) => k.timestamp), [1, 3, 5, 7, 9, 11]);
    await s.close();
    assert.ok(calls.includes('close'));
  });

  it('extracts keyframe images only when a directory will keep them', async () => {
    const calls: string[] = [];
    const s = VerificationService.withParts(config, analyzerSet([]), ports(media(), calls));
    const out = await s.check(post, { keyframesDir: '/kept' });
    assert.deepEqual(calls, ['open /nowhere/clip.mp4', 'keyframes /kept']);
    assert.equal(out.keyframes[0].path, '/kept/k0.jpg');
  });

  it('an optional analyzer that fails becomes an analyzer_failed note; a required one fails the check', async () => {
    const boom = async (): Promise<AnalyzerOutput> => { throw new ToolError('tool_failed', 'broken tool'); };
    const s = VerificationService.withParts(config, analyzerSet([fakeAnalyzer('ocr', boom)]), ports(media()));
    const { result } = await s.check(post);
    const note = result.evidence.find((e) => e.code === 'analyzer_failed');
    assert.equal(note?.analyzer, 'ocr');
    const r = VerificationService.withParts(config, analyzerSet([fakeAnalyzer('metadata', boom)]), ports(media()));
    await assert.rejects(r.check(post), /broken tool/);
  });

  it('stops a check that outlives timeouts.checkMs with tool_timeout', async () => {
    const slow = fakeAnalyzer('metadata', (ctx) => new Promise((_, reject) => {
      // The deadline may already have passed when the analyzer starts (a loaded machine).
      if (ctx.signal?.aborted) return reject(new Error('aborted'));
      ctx.signal?.addEventListener('abort', () => reject(new Error('aborted')));
    }));
    const s = VerificationService.withParts(loadConfig({ env: {}, overrides: { timeouts: { checkMs: 50 } } }), analyzerSet([slow]), ports(media()));
    await assert.rejects(s.check(post), (e: unknown) => e instanceof ToolError && e.code === 'tool_timeout');
  });

  it('a text-only post opens no media', async () => {
    const calls: string[] = [];
    const s = VerificationService.withParts(config, analyzerSet([fakeAnalyzer('a', async () => ({ evidence: [] }))]), ports(null, calls));
    const { result } = await s.check({ file: null, caption: 'hello', postedAt: null, urls: [] });
    assert.deepEqual(calls, []);
    assert.equal(result.media, null);
    assert.ok(result.evidence.some((e) => e.code === 'text_only_post'));
  });
});

describe('metadata analyzer, read from the session tags', () => {
  const run = async (tags: Record<string, unknown>, m = media()) => {
    const ctx: AnalyzerContext = { post, media: m, config, claims: [], progress: () => undefined, workDir: '/tmp', session: session(m, tags) };
    return new MetadataAnalyzer(config).analyze(ctx);
  };

  it('camera make/model with GPS is camera origin, the only metadata item that decides ("real")', async () => {
    const out = await run({ Make: 'Apple', Model: 'iPhone 12', GPSLatitude: 35.6586, GPSLongitude: 139.7454 });
    const codes = out.evidence.map((e) => e.code);
    assert.ok(codes.includes('device_identity'), codes.join(','));
    assert.ok(codes.includes('gps_location'), codes.join(','));
    const origin = out.evidence.find((e) => e.code === 'camera_origin');
    assert.equal(origin?.direction, 'real');
    assert.ok(out.evidence.filter((e) => e.code !== 'camera_origin').every((e) => !e.decides), 'nothing else decides');
  });

  it('a file with no identifying tags says metadata is stripped and decides nothing', async () => {
    const out = await run({ FileType: 'MP4', MIMEType: 'video/mp4' });
    assert.ok(out.evidence.some((e) => e.code === 'metadata_stripped'));
    assert.ok(out.evidence.every((e) => !e.decides));
  });

  it('a make/model alone (no GPS, no telemetry) is an identity, not an origin', async () => {
    const out = await run({ Make: 'Canon', Model: 'Canon EOS 5D' });
    const codes = out.evidence.map((e) => e.code);
    assert.ok(codes.includes('device_identity'));
    assert.ok(!codes.includes('camera_origin'));
  });
});
