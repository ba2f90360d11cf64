import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { UnsupportedMediaError } from '../../src/domain/errors.js';
import { decodeQrCodes } from '../../src/repositories/qr.repository.js';
import { classifyQr } from '../../src/scam/qr.classify.js';
import { ScamService } from '../../src/services/scam.service.js';
import { RegistryService } from '../../src/services/registry.service.js';
import { loadConfig } from '../../src/config/config.js';

const GROUP = 'https://weixin.qq.com/g/AQYAAExampleGroup123';
const PAY = 'wxp://f2f0ExamplePaymentCode4567';
const SHORT = 'https://t.cn/A6Example';

let dir = '';
const file = (n: string) => join(dir, n);

async function qrPng(text: string, width: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { width, margin: 2, errorCorrectionLevel: 'M' });
}

/** A "photo": smooth colour gradient with noise, like a real background. */
async function photo(w: number, h: number): Promise<Buffer> {
  const raw = Buffer.alloc(w * h * 3);
  let s = 12345;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const n = (s >> 16) % 40;
      const i = (y * w + x) * 3;
      raw[i] = (x * 255) / w * 0.6 + n;
      raw[i + 1] = (y * 255) / h * 0.5 + n;
      raw[i + 2] = 120 + n;
    }
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
}

function textSvg(w: number, h: number, lines: string[]): Buffer {
  const t = lines.map((l, i) => `<text x="30" y="${70 + i * 60}" font-size="44" font-family="sans-serif" fill="#fff" stroke="#000">${l}</text>`).join('');
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${t}</svg>`);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genproof-qr-test-'));
  // Poster: text over a photo, a group-invite QR, a payment QR, and a small short-link QR.
  const rotated = await sharp(await qrPng(PAY, 260)).rotate(25, { background: '#ffffff' }).png().toBuffer();
  await sharp(await photo(900, 1200))
    .composite([
      { input: textSvg(900, 400, ['SORA COURSE 99', 'SCAN TO JOIN', 'LIMITED SEATS']), top: 0, left: 0 },
      { input: await qrPng(GROUP, 300), top: 420, left: 60 },
      { input: rotated, top: 780, left: 520 },
      { input: await qrPng(SHORT, 120), top: 1040, left: 60 },
    ])
    .jpeg({ quality: 85 })
    .toFile(file('poster.jpg'));
  // A small image with one tiny QR.
  await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ffffff' } })
    .composite([{ input: await qrPng('https://sora-ai-pro.com/app.apk', 84), top: 60, left: 60 }])
    .png()
    .toFile(file('tiny.png'));
  await sharp(await photo(400, 300)).jpeg().toFile(file('plain.jpg'));
  writeFileSync(file('broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('QR codes in images', () => {
  it('decodes every QR on a poster: several, rotated and small', async () => {
    const codes = (await decodeQrCodes(file('poster.jpg'))).map((q) => q.text).sort();
    assert.deepEqual(codes, [GROUP, SHORT, PAY].sort());
  });
  it('decodes a tiny QR in a small image', async () => {
    const codes = await decodeQrCodes(file('tiny.png'));
    assert.deepEqual(codes.map((q) => q.text), ['https://sora-ai-pro.com/app.apk']);
  });
  it('finds nothing in a photo without codes', async () => {
    assert.deepEqual(await decodeQrCodes(file('plain.jpg')), []);
  });
  it('rejects a broken image as unsupported media', async () => {
    await assert.rejects(decodeQrCodes(file('broken.jpg')), (e: unknown) => e instanceof UnsupportedMediaError);
  });
  it('classifies payloads', () => {
    assert.equal(classifyQr(GROUP), 'group_invite');
    assert.equal(classifyQr('https://qm.qq.com/cgi-bin/qm/qr?k=abc'), 'group_invite');
    assert.equal(classifyQr(PAY), 'payment');
    assert.equal(classifyQr('https://qr.alipay.com/fkx12345'), 'payment');
    assert.equal(classifyQr(SHORT), 'short_link');
    assert.equal(classifyQr('https://example.com/sora.apk'), 'app_download');
    assert.equal(classifyQr('https://example.com/about'), 'url');
    assert.equal(classifyQr('hello'), 'text');
  });
  it('turns poster QR codes into symbols and lookalike links', async () => {
    const svc = new ScamService();
    const r = await svc.analyzeDetailed({ text: 'Sora教程，扫码进群', images: [file('poster.jpg'), file('tiny.png')], postedAt: '2024-02-21' });
    const codes = r.symbols.map((s) => s.code);
    assert.ok(codes.includes('QR_CODE'));
    assert.ok(codes.includes('QR_GROUP_INVITE'));
    assert.ok(codes.includes('QR_PAYMENT'));
    assert.ok(codes.includes('LOOKALIKE_DOMAIN'), JSON.stringify(codes));
    assert.equal(r.qr_codes.length, 4);
    assert.equal(r.label, 'scam');
  });
  it('recognises a recycled poster registered as scam_poster (PDQ registry)', async () => {
    const config = loadConfig({ env: {}, overrides: { db: file('registry.db') } });
    const registry = RegistryService.open(config);
    try {
      await registry.add([file('poster.jpg')], { label: 'scam_poster', source: 'test' });
      // The same poster, re-encoded smaller, as it would be re-posted.
      await sharp(file('poster.jpg')).resize({ width: 600 }).jpeg({ quality: 70 }).toFile(file('repost.jpg'));
      const svc = new ScamService({ model: null, matchPoster: (f) => registry.match(f) });
      const r = await svc.analyzeDetailed({ text: '', images: [file('repost.jpg')] });
      const hit = r.symbols.find((x) => x.code === 'KNOWN_SCAM_POSTER');
      assert.ok(hit, JSON.stringify(r.symbols.map((x) => x.code)));
      assert.equal(r.label, 'scam');
      const none = await svc.analyzeDetailed({ text: '', images: [file('plain.jpg')] });
      assert.ok(!none.symbols.some((x) => x.code === 'KNOWN_SCAM_POSTER'));
    } finally {
      await registry.close();
    }
  });
});
