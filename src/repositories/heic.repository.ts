import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { UnsupportedMediaError } from '../domain/errors.js';
import { countTool } from './tool-stats.repository.js';

const require = createRequire(import.meta.url);

/**
 * The wasm decoder runs synchronously for seconds on a 12-megapixel HEIC (longer on a crafted one): on the main
 * thread it froze the event loop, so no timeout, check deadline or HTTP request could run meanwhile (found by
 * `npm run fuzz:media` as a hang). It runs in a worker that is terminated at the deadline. Its console.log
 * (libheif prints parse errors there) goes to stderr, never into `--json` stdout.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
console.log = console.info = (...a) => console.error(...a);
const decode = require(workerData.mod);
parentPort.once('message', async (buffer) => {
  try {
    const img = await decode({ buffer });
    const data = new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength);
    parentPort.postMessage({ ok: true, width: img.width, height: img.height, data }, [data.buffer]);
  } catch (e) {
    parentPort.postMessage({ ok: false, message: String((e && e.message) || e) });
  }
});`;

interface Reply { ok: boolean; width?: number; height?: number; data?: Uint8Array; message?: string }

function decodeInWorker(buffer: Buffer, timeoutMs: number): Promise<{ width: number; height: number; data: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { mod: require.resolve('heic-decode') } });
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`HEIC decode timed out after ${timeoutMs} ms`))), timeoutMs);
    worker.once('message', (m: Reply) => done(() => (m.ok ? resolve({ width: m.width!, height: m.height!, data: m.data! }) : reject(new Error(m.message)))));
    worker.once('error', (e) => done(() => reject(e)));
    worker.once('exit', (code) => done(() => reject(new Error(`HEIC decoder exited (${code})`))));
    worker.postMessage(buffer);
  });
}

/** Decode HEIC/HEIF with a wasm decoder (sharp's prebuilt binaries cannot). Returns RGBA pixels. */
export async function decodeHeic(path: string, timeoutMs: number): Promise<{ raw: Buffer; width: number; height: number; channels: 4 }> {
  countTool('decode:heic');
  const buffer = await readFile(path);
  try {
    const img = await decodeInWorker(buffer, timeoutMs);
    return { raw: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), width: img.width, height: img.height, channels: 4 };
  } catch (e) {
    throw new UnsupportedMediaError('media_corrupt', `The HEIC image cannot be decoded: ${(e as Error).message}`, { cause: e, httpStatus: 422 });
  }
}
