/**
 * `genproof check` and `genproof scam` (and POST /api/scam) give the same scam answer on the same post: the scam
 * analyzer inside check delegates to the scam desk (ScamService), so the config's extra official domains and the
 * registry of known scam posters count in both.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { buildApp } from '../../src/http/app.js';
import { scamPort } from '../../src/http/service-adapters.js';
import { loadConfig } from '../../src/config/config.js';
import { RegistryService } from '../../src/services/registry.service.js';
import { scamDeskFor } from '../../src/services/scam.service.js';
import { FakeRunner, form } from '../http/fakes.js';

const BIN = resolve('bin/genproof.js');
const EXTRA_DOMAIN = 'vidumeta.com';

let dir = '';
let env: NodeJS.ProcessEnv = {};

function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

/** A noisy "photo" background with a group-invite QR code and a caption band: a poster as scammers recycle it. */
async function poster(file: string): Promise<void> {
  const w = 720;
  const h = 960;
  const raw = Buffer.alloc(w * h * 3);
  let s = 4242;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const n = (s >> 16) % 50;
      const i = (y * w + x) * 3;
      raw[i] = ((x * 255) / w) * 0.7 + n;
      raw[i + 1] = ((y * 255) / h) * 0.4 + n;
      raw[i + 2] = 90 + ((x + y) % 97) + n;
    }
  }
  const qr = await QRCode.toBuffer('https://weixin.qq.com/g/AQYAAParityGroup42', { width: 300, margin: 2 });
  const band = await sharp({ create: { width: 600, height: 120, channels: 3, background: { r: 240, g: 30, b: 30 } } }).png().toBuffer();
  await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .composite([{ input: band, left: 60, top: 80 }, { input: qr, left: 210, top: 560 }])
    .jpeg({ quality: 90 })
    .toFile(file);
}

interface Post { name: string; caption: string; urls: string[]; postedAt?: string; image?: string; expect: string[] }

const posts = (): Post[] => [
  {
    name: 'lookalike of an extra official domain (GENPROOF_OFFICIAL_DOMAINS)',
    caption: 'Sora2内测邀请码 限时免费领取，官方入口见链接',
    urls: ['https://vidumeta-ai.top/join'],
    postedAt: '2025-10-20T09:30:00+08:00',
    expect: ['LOOKALIKE_DOMAIN'],
  },
  {
    name: 'lookalike of a KB official domain (Kling)',
    caption: '可灵AI会员免费送，点击领取',
    urls: ['https://klingai-free.xyz/vip'],
    postedAt: '2025-06-01',
    expect: ['LOOKALIKE_DOMAIN'],
  },
  {
    name: 'an image that is a registered scam poster, re-encoded',
    caption: '扫码进群领取Sora教程',
    urls: [],
    postedAt: '2025-11-02',
    image: 'repost.jpg',
    expect: ['KNOWN_SCAM_POSTER'],
  },
];

/** The comparable part of a scam result. */
function view(r: { label: string; score: number; symbols: { code: string; weight: number; span: string }[]; urls: unknown; qr_codes: unknown; claims: { type: string; status: string }[] }) {
  return {
    label: r.label,
    score: r.score,
    symbols: r.symbols.map((s) => `${s.code} ${s.weight} ${s.span}`).sort(),
    urls: r.urls,
    qr_codes: r.qr_codes,
    claims: r.claims.map((c) => `${c.type}:${c.status}`).sort(),
  };
}

describe('check and scam give the same scam answer', { timeout: 600_000 }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genproof-scam-parity-'));
    await poster(join(dir, 'poster.jpg'));
    // The same poster, smaller and re-compressed, as it is re-posted.
    await sharp(join(dir, 'poster.jpg')).resize({ width: 560 }).jpeg({ quality: 70 }).toFile(join(dir, 'repost.jpg'));
    const registry = RegistryService.open(loadConfig({ env: {}, file: null, overrides: { db: join(dir, 'registry.db') } }));
    try {
      await registry.add([join(dir, 'poster.jpg')], { label: 'scam_poster', source: 'parity test' });
    } finally {
      await registry.close();
    }
    env = {
      ...process.env,
      GENPROOF_FROM_SOURCE: '1',
      GENPROOF_DB: join(dir, 'registry.db'),
      GENPROOF_OFFICIAL_DOMAINS: EXTRA_DOMAIN,
      GENPROOF_CHECK__DEPTH: 'fast',
      GENPROOF_CONFIG: '',
    };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const p of posts()) {
    it(p.name, async () => {
      const image = p.image ? join(dir, p.image) : null;
      const dated = p.postedAt ? ['--posted-at', p.postedAt] : [];
      const urls = p.urls.flatMap((u) => ['--url', u]);
      const [scam, check] = await Promise.all([
        cli(['scam', '--text', p.caption, ...urls, ...dated, ...(image ? ['--image', image] : []), '--json']),
        cli(['check', ...(image ? [image] : []), '--caption', p.caption, ...urls, ...dated, '--json']),
      ]);
      assert.equal(scam.status, 0, scam.stderr);
      assert.equal(check.status, 0, check.stderr);
      const s = JSON.parse(scam.stdout);
      const c = JSON.parse(check.stdout);
      assert.ok(c.scam, 'check JSON carries the scam result');
      for (const code of p.expect) assert.ok(s.symbols.some((x: { code: string }) => x.code === code), `scam finds ${code}: ${JSON.stringify(s.symbols.map((x: { code: string }) => x.code))}`);
      assert.deepEqual(view(c.scam), view(s));

      // The API's scam route answers the same (the server wires the same desk, with the registry).
      const config = loadConfig({ env: { GENPROOF_OFFICIAL_DOMAINS: EXTRA_DOMAIN }, file: null, overrides: { db: join(dir, 'registry.db') } });
      const desk = scamDeskFor(config);
      const { app } = await buildApp({ config, checks: new FakeRunner(), scam: scamPort(desk.service), webDir: null, onClose: () => desk.close() });
      try {
        const parts: Record<string, string | string[] | { data: Buffer; name: string; type?: string }> = { text: p.caption, urls: p.urls };
        if (p.postedAt) parts.posted_at = p.postedAt;
        if (image) parts.image = { data: readFileSync(image), name: p.image!, type: 'image/jpeg' };
        const res = await app.inject({ method: 'POST', url: '/api/scam', payload: form(parts) });
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(view(res.json()), view(s));
      } finally {
        await app.close();
      }
    });
  }
});
