import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ToolError } from '../domain/errors.js';

/**
 * The worker thread that runs @contentauth/c2pa-wasm for the C2PA repository: one read at a time, each with its
 * own timeout; a read that times out terminates the worker (the next read starts a fresh one).
 */
const require = createRequire(import.meta.url);

/** Largest range the worker reads from a file at once by default (see FileSlice in the worker body). */
const MAX_SLICE_BYTES = 8 * 1024 * 1024;

/** Worker body (plain JS so it runs the same from sources and from dist). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { fstatSync, readFileSync, readSync } = require('node:fs');
const { pathToFileURL } = require('node:url');
let mod = null;
async function lib() {
  if (!mod) {
    mod = await import(pathToFileURL(workerData.js).href);
    mod.initSync({ module: readFileSync(workerData.wasm) });
  }
  return mod;
}
// c2pa-wasm's fromBlob reads its Blob through blob.size, blob.slice(start, end) and FileReaderSync (a browser
// worker API) one range at a time: a file-backed stand-in lets c2pa-rs seek and read the file from disk, so the
// asset never sits whole in memory (fromBytes copies every byte into the 32-bit WebAssembly heap).
// c2pa-rs hashes in reads of up to 256 MiB; its blob stream returns what a slice holds as a short read (callers
// loop, as std::io::Read allows), so slices are capped: each read costs a few MiB here and in wasm memory, not 2×256.
const MAX_SLICE = workerData.maxSliceBytes;
class FileSlice {
  constructor(fd, start, end) { this.fd = fd; this.start = start; this.end = end; }
  get size() { return Math.max(0, this.end - this.start); }
  slice(start = 0, end = this.size) {
    const s = Math.min(this.size, Math.max(0, start)), e = Math.min(this.size, Math.max(s, end), s + MAX_SLICE);
    return new FileSlice(this.fd, this.start + s, this.start + e);
  }
}
globalThis.FileReaderSync = class FileReaderSync {
  readAsArrayBuffer(blob) {
    const buf = new Uint8Array(blob.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(blob.fd, buf, off, buf.length - off, blob.start + off);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf.buffer : buf.slice(0, off).buffer;
  }
};
parentPort.on('message', async (m) => {
  let reader = null;
  try {
    const c2pa = await lib();
    if (m.fd !== undefined) {
      // The descriptor belongs to the main thread, which closes it once this read is over (or this worker is gone).
      reader = await c2pa.WasmReader.fromBlob(m.mime, new FileSlice(m.fd, 0, fstatSync(m.fd).size), m.settings);
    } else {
      reader = await c2pa.WasmReader.fromBytes(m.mime, m.bytes, m.settings);
    }
    parentPort.postMessage({ ok: true, json: reader.json() });
  } catch (e) {
    const msg = e && e.message ? e.message : String(e);
    parentPort.postMessage({ ok: false, error: msg });
  } finally {
    try { if (reader) reader.free(); } catch {}
  }
});
`;

type WorkerReply = { ok: boolean; json?: string; error?: string };
/** The asset: its bytes (moved to the worker), or a file descriptor of the main thread the worker reads ranges from. */
export type ReaderInput = { bytes: Uint8Array } | { fd: number };
interface Job {
  mime: string;
  input: ReaderInput;
  settings: string;
  timeoutMs: number;
  resolve: (v: WorkerReply) => void;
  reject: (e: unknown) => void;
}

/**
 * One worker, one read at a time (the WebAssembly instance is single-threaded): reads queue here and each one's
 * timeout starts when it is handed to the worker, so waiting in the queue never counts against it. A read that
 * times out terminates the worker; the next read starts a fresh one.
 */
export class ReaderWorker {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private busy: { job: Job; timer: NodeJS.Timeout } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Stop the worker after this long without reads (0: keep it): its WebAssembly heap never shrinks while it lives. */
  idleMs: number;

  /** `maxSliceBytes`: the largest range read from a file descriptor at once (tests make it tiny). */
  constructor(private readonly opts: { maxSliceBytes?: number; idleMs?: number } = {}) {
    this.idleMs = opts.idleMs ?? 5 * 60_000;
  }

  /** Stop the worker now if no read is queued or running (the next read starts a fresh one); true when stopped. */
  releaseIfIdle(): boolean {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const w = this.worker;
    if (!w || this.busy || this.queue.length) return false;
    this.worker = null;
    void w.terminate();
    return true;
  }

  /** Whether a worker is running (tests). */
  get running(): boolean {
    return this.worker !== null;
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: {
        js: require.resolve('@contentauth/c2pa-wasm'),
        wasm: require.resolve('@contentauth/c2pa-wasm/c2pa.wasm'),
        maxSliceBytes: this.opts.maxSliceBytes ?? MAX_SLICE_BYTES,
      },
    });
    worker.on('message', (m: WorkerReply) => {
      if (this.worker !== worker) return;
      this.finish((job) => job.resolve(m));
    });
    const fail = (e: unknown) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish((job) => job.reject(new ToolError('c2pa_reader_crashed', `the C2PA reader stopped: ${String(e)}`, { cause: e })));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(`exit ${code}`));
    return worker;
  }

  private finish(settle: (job: Job) => void): void {
    const b = this.busy;
    this.busy = null;
    if (b) {
      clearTimeout(b.timer);
      settle(b.job);
    }
    this.pump();
  }

  private pump(): void {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref(); // an idle reader never keeps the process alive
      if (this.worker && this.idleMs > 0 && !this.idleTimer) {
        this.idleTimer = setTimeout(() => this.releaseIfIdle(), this.idleMs);
        this.idleTimer.unref();
      }
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.worker ??= this.spawn();
    const worker = this.worker;
    worker.ref();
    const timer = setTimeout(() => {
      this.worker = null;
      // Settle only once the worker is gone, so the caller may close a descriptor the worker was reading from.
      const settle = () => this.finish((j) => j.reject(new ToolError('c2pa_timeout', `C2PA validation timed out after ${j.timeoutMs} ms`)));
      worker.terminate().then(settle, settle);
    }, job.timeoutMs);
    this.busy = { job, timer };
    if ('bytes' in job.input) {
      // The bytes are moved, not copied: the caller must not use them afterwards.
      worker.postMessage({ mime: job.mime, bytes: job.input.bytes, settings: job.settings }, [job.input.bytes.buffer as ArrayBuffer]);
    } else {
      worker.postMessage({ mime: job.mime, fd: job.input.fd, settings: job.settings });
    }
  }

  /** Read one asset. With `{ fd }` the descriptor must stay open until the returned promise settles. */
  read(mime: string, input: ReaderInput, settings: string, timeoutMs: number): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ mime, input, settings, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const w = this.worker;
    this.worker = null;
    for (const j of this.queue.splice(0)) j.reject(new ToolError('c2pa_reader_closed', 'the C2PA reader was closed'));
    // The worker goes first: a read in flight may be using a descriptor its caller closes once the read settles.
    if (w) await w.terminate();
    if (this.busy) this.finish((j) => j.reject(new ToolError('c2pa_reader_closed', 'the C2PA reader was closed')));
  }
}
