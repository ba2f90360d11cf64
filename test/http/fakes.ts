import { mkdir, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig, type ConfigOverrides } from '../../src/config/config.js';
import { evidence } from '../../src/domain/evidence.js';
import type { Post } from '../../src/domain/post.js';
import type { CheckResult, Keyframe } from '../../src/domain/report.js';
import type { ScamResult } from '../../src/domain/scam.js';
import type { CheckRunnerPort, ReferenceView, RegistryPort, ScamPort } from '../../src/services/ports.js';

export function testConfig(o: ConfigOverrides = {}) {
  return loadConfig({ env: {}, file: null, overrides: o });
}

/** A minimal JPEG-looking buffer (magic bytes + padding): enough for the API's content sniffing. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);
/** An MP4-looking header. */
export const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(200, 2)]);

export function sampleResult(post: Post): CheckResult {
  return {
    rating: { value: 'false', finding: { en: 'The post says it is AI-generated, but it matches a registered original.', zh: '帖子称是AI生成，但它与登记的原片匹配。' }, basis: ['claim:0', 'registry_original_match'] },
    verdict: {
      quadrant: 'false_ai_claim', is_ai: false, claimed_ai: true, confidence: 0.9,
      summary: { en: 'Real footage captioned as AI.', zh: '真实画面被说成是AI生成。' },
    },
    generator: { claimed: 'sora', evidenced: null, mismatch: false },
    claims: [{ type: 'ai_generated', text: post.caption ?? '', status: 'refuted', reasons: ['matches a registered original'], sources: ['registry'], origin: 'caption' }],
    evidence: [evidence({
      analyzer: 'match', code: 'registry_original_match', direction: 'real', weight: 0.9,
      detail: 'The clip matches a registered original.', detail_zh: '与登记的原片匹配。',
      decides: { is_ai: false, tier: 'registry_match' },
    })],
    matches: [],
    media: post.file ? { kind: 'video', duration: 2, width: 64, height: 64, fps: 10, container: 'mp4' } : null,
  };
}

/** A runner that records posts, reports progress, writes one keyframe, and can be held until released. */
export class FakeRunner implements CheckRunnerPort {
  posts: Post[] = [];
  /** Mode bits of each uploaded file's directory, read when the runner received it (it is deleted afterwards). */
  uploadDirModes: number[] = [];
  running = 0;
  maxRunning = 0;
  private gates: (() => void)[] = [];
  hold = false;
  fail: Error | null = null;

  release(): void {
    for (const g of this.gates.splice(0)) g();
  }

  async check(post: Post, opts: Parameters<CheckRunnerPort['check']>[1] = {}): Promise<{ result: CheckResult; keyframes: Keyframe[] }> {
    this.posts.push(post);
    if (post.file) this.uploadDirModes.push(statSync(dirname(post.file)).mode & 0o777);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      opts.onProgress?.({ stage: 'probe', fraction: 0.5 });
      if (this.hold) await new Promise<void>((r) => this.gates.push(r));
      if (this.fail) throw this.fail;
      const keyframes: Keyframe[] = [];
      if (post.file && opts.keyframesDir) {
        await mkdir(opts.keyframesDir, { recursive: true });
        const path = join(opts.keyframesDir, 'kf-0.jpg');
        await writeFile(path, JPEG);
        keyframes.push({ index: 0, timestamp: 0.5, path });
      }
      return { result: sampleResult(post), keyframes };
    } finally {
      this.running--;
    }
  }
}

export class FakeRegistry implements RegistryPort {
  items: ReferenceView[] = [];
  added: { path: string; name: string }[] = [];
  async add(files: { path: string; name: string }[], opts: { label: ReferenceView['label']; source?: string | null; generator?: string | null }) {
    const ids = files.map((f) => {
      this.added.push(f);
      const id = `ref-${this.items.length + 1}`;
      this.items.push({ id, file: f.name, label: opts.label, source: opts.source ?? null, generator: opts.generator ?? null, kind: 'video', created_at: '2026-01-01T00:00:00Z' });
      return id;
    });
    return { ids };
  }
  async list(page: { offset: number; limit: number }) {
    return { total: this.items.length, items: this.items.slice(page.offset, page.offset + page.limit) };
  }
  async thumbnail(id: string) {
    return this.items.some((i) => i.id === id) ? JPEG : null;
  }
  async exists(id: string) {
    return this.items.some((i) => i.id === id);
  }
}

export class FakeScam implements ScamPort {
  inputs: Parameters<ScamPort['analyzeScam']>[0][] = [];
  async analyzeScam(input: Parameters<ScamPort['analyzeScam']>[0]): Promise<ScamResult> {
    this.inputs.push(input);
    return {
      label: 'scam', score: 0.9, claims: [],
      symbols: [{ code: 'PAID_COURSE', weight: 0.5, span: '99元', detail: 'Sells a course.' }],
      qr_codes: [], urls: input.urls.map((url) => ({ url, lookalike_of: null })),
    };
  }
}

export function form(parts: Record<string, string | string[] | { data: Buffer; name: string; type?: string }>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(parts)) {
    if (typeof v === 'string') fd.append(k, v);
    else if (Array.isArray(v)) for (const x of v) fd.append(k, x);
    else fd.append(k, new Blob([v.data], { type: v.type ?? 'application/octet-stream' }), v.name);
  }
  return fd;
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
