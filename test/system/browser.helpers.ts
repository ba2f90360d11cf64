/** Shared pieces of the web-desk browser tests: Chromium, viewports, axe, "is it on screen" checks. */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve('test-artifacts');
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;

export const NAMES: Record<string, { en: string; zh: string }> = {
  authentic: { en: 'Real video', zh: '真视频' },
  undisclosed_ai: { en: 'Fake video', zh: '假视频' },
  disclosed_ai: { en: 'Real fake video', zh: '真假视频' },
  false_ai_claim: { en: 'Fake fake video', zh: '假假视频' },
  undetermined: { en: 'Undetermined', zh: '无法判定' },
};

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface ApiState {
  id: string;
  status: string;
  keyframes: { index: number; timestamp: number; url: string }[];
  result: {
    rating?: { value: string; finding: { en: string; zh: string } };
    verdict: { quadrant: string; summary: { en: string; zh: string } };
    evidence: { code: string }[];
    claims: { text: string; type: string }[];
    matches: { reference_coverage: number; query_coverage: number; segments: { reference_start: number; reference_end: number }[] }[];
    media: { width: number; height: number } | null;
  };
}

/** Every request a page makes that does not go to our server. */
export function watchOutside(page: Page, base: string): string[] {
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:blank') outside.push(u);
  });
  return outside;
}

/** The element is displayed and lies entirely inside the viewport as it is now (no scrolling needed). */
export async function inViewport(page: Page, selector: string): Promise<void> {
  const box = await page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement | null;
    if (!el || el.offsetParent === null) return null;
    const r = el.getBoundingClientRect();
    const header = document.querySelector('.top')!.getBoundingClientRect();
    const sticky = getComputedStyle(document.querySelector('.top')!).position === 'sticky';
    return { top: r.top, bottom: r.bottom, h: window.innerHeight, floor: sticky ? header.bottom : 0 };
  }, selector);
  assert.ok(box, `${selector} is displayed`);
  assert.ok(box.top >= box.floor - 1 && box.bottom <= box.h + 1, `${selector} is inside the viewport: ${JSON.stringify(box)}`);
}

/** Wait until the check shown at #/check/<id> is done and its report iframe has loaded. */
export async function reportFrame(page: Page): Promise<Frame> {
  await page.waitForSelector('#report-frame[data-loaded="true"]', { timeout: 1_500_000 });
  const frame = await (await page.$('#report-frame'))!.contentFrame();
  assert.ok(frame, 'report iframe');
  return frame;
}

export async function apiState(base: string, page: Page): Promise<ApiState> {
  const id = /#\/check\/([\w-]+)/.exec(page.url())?.[1];
  assert.ok(id, `check id in the address: ${page.url()}`);
  return (await (await fetch(`${base}/api/checks/${id}`)).json()) as ApiState;
}

export interface AxeCount { view: string; serious: number; critical: number; ids: string[] }

/** Run axe-core in the page (and its same-origin frames); count serious and critical violations. */
export async function axe(page: Page, view: string): Promise<AxeCount> {
  await page.addScriptTag({ path: resolve('node_modules/axe-core/axe.min.js') });
  const v = (await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } })
      .axe.run(document, { resultTypes: ['violations'], iframes: false });
    return r.violations.map((x) => ({ id: x.id, impact: x.impact, targets: x.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  })) as { id: string; impact: string; targets: string[] }[];
  const bad = v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
  return {
    view,
    serious: v.filter((x) => x.impact === 'serious').length,
    critical: v.filter((x) => x.impact === 'critical').length,
    ids: bad.map((x) => `${x.id} ${x.targets.join(' ')}`),
  };
}

/** Keyframe ZIP entries: names from the central directory. */
export function zipNames(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'ZIP end record');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50);
    const n = zip.readUInt16LE(p + 28);
    names.push(zip.subarray(p + 46, p + 46 + n).toString('utf8'));
    p += 46 + n + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return names;
}

/** Width and height of a baseline or progressive JPEG (SOFn marker). */
export function jpegSize(b: Buffer): { width: number; height: number } {
  let p = 2;
  while (p < b.length) {
    const marker = b[p + 1];
    const len = b.readUInt16BE(p + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: b.readUInt16BE(p + 5), width: b.readUInt16BE(p + 7) };
    p += 2 + len;
  }
  throw new Error('no SOF marker');
}
