import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import { DEFAULT_OCR_MAX_CANVAS_PIXELS } from './memory-defaults.js';

/** One schema for every setting. Precedence: defaults < config file < GENPROOF_* env < CLI flags. */
export const configSchema = z.object({
  db: z.string().default('./genproof.db'),
  lang: z.enum(['zh', 'en']).default('en'),
  limits: z
    .object({
      maxFileBytes: z.number().int().positive().default(2 * 1024 * 1024 * 1024),
      maxPixels: z.number().int().positive().default(100_000_000),
      maxDurationSeconds: z.number().positive().default(3 * 60 * 60),
      maxCaptionChars: z.number().int().positive().default(100_000),
    })
    .prefault({}),
  timeouts: z
    .object({
      probeMs: z.number().int().positive().default(30_000),
      exiftoolMs: z.number().int().positive().default(30_000),
      decodeMs: z.number().int().positive().default(120_000),
      c2paMs: z.number().int().positive().default(60_000),
      ocrMs: z.number().int().positive().default(120_000),
      checkMs: z.number().int().positive().default(600_000),
    })
    .prefault({}),
  check: z
    .object({
      keyframes: z.number().int().min(0).max(32).default(6),
      depth: z.enum(['fast', 'default', 'deep']).default('default'),
    })
    .prefault({}),
  c2pa: z
    .object({
      trustDir: z.string().nullable().default(null),
      /** When trustDir is not set: use the lists installed by `genproof trust update`, else the workplace's shared copy. */
      defaultTrustSearch: z.boolean().default(true),
      extraAnchors: z.array(z.string()).default([]),
    })
    .prefault({}),
  server: z
    .object({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(8080),
      token: z.string().nullable().default(null),
      maxUploadBytes: z.number().int().positive().default(512 * 1024 * 1024),
      concurrency: z.number().int().positive().default(2),
      /** Directory for uploads shared by API instances and workers (null: private dirs in the OS temp dir). */
      blobDir: z.string().nullable().default(null),
    })
    .prefault({}),
  /** Redis URL of a BullMQ queue (`redis://127.0.0.1:6379`); null: checks run in the serving process. */
  queue: z.string().nullable().default(null),
  /** Redis key prefix of the queue (several deployments or test runs on one Redis). */
  queuePrefix: z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/).default('genproof'),
  worker: z
    .object({
      /** A worker that stops renewing a job's lock this long (killed) loses it; another worker retries the job. */
      lockMs: z.number().int().min(1000).default(30_000),
      /** Deliveries of a check whose worker died or crashed unexpectedly (bad media etc. fail at once). */
      attempts: z.number().int().min(1).max(10).default(3),
      /** How often a worker re-queues checks the queue lost (Redis restarted empty) that are older than this. */
      requeueMs: z.number().int().min(1000).default(60_000),
    })
    .prefault({}),
  retention: z
    .object({
      /** Stored checks older than this many days are removed with their files. */
      days: z.number().positive().default(30),
    })
    .prefault({}),
  kb: z
    .object({
      /** Local overlay files (JSON, the KB's own schema) merged into the built-in knowledge, in order. */
      overlays: z.array(z.string().min(1)).default([]),
      /** Official domains beyond the KB's (a desk's own list; overlays can add sourced ones too). */
      officialDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a domain name such as klingai.com')).default([]),
    })
    .prefault({}),
  /** Fetching media by URL (`genproof check URL`, `media_url`): SSRF-guarded, capped in size and time. */
  urlIntake: z
    .object({
      maxBytes: z.number().int().positive().default(512 * 1024 * 1024),
      timeoutMs: z.number().int().positive().default(120_000),
      maxRedirects: z.number().int().min(0).max(5).default(5),
      /** Tests only: accept loopback servers (private, link-local and metadata addresses stay refused). */
      allowLoopbackForTests: z.boolean().default(false),
    })
    .prefault({}),
  /** API limits per client and per request. */
  api: z
    .object({
      postsPerMinute: z.number().int().positive().default(60),
      bodyLimitBytes: z.number().int().positive().default(1024 * 1024),
      maxFields: z.number().int().positive().default(50),
      maxUrls: z.number().int().positive().default(50),
    })
    .prefault({}),
  /** ffmpeg / ffprobe binaries (env GENPROOF_FFMPEG_PATH, or the common FFMPEG_PATH); null: on PATH, else the bundled ones. */
  ffmpegPath: z.string().nullable().default(null),
  ffprobePath: z.string().nullable().default(null),
  diagnostics: z
    .object({
      /**
       * When set, `check` writes tool runs/decodes counted and CPU seconds per analyzer to this JSON file, running
       * the analyzers one after another so their CPU can be told apart (for bench:check; slower).
       */
      statsFile: z.string().nullable().default(null),
    })
    .prefault({}),
  /** Memory: what long-running processes (serve, worker) hold between checks (0 keeps it loaded), and per-check caps. */
  memory: z
    .object({
      /** Release the OCR models and their buffers after this long without OCR (reloading takes ~0.5 s). */
      ocrIdleReleaseMs: z.number().int().nonnegative().default(300_000),
      /** Stop the C2PA reader worker (its WebAssembly heap only grows) after this long without reads. */
      c2paIdleReleaseMs: z.number().int().nonnegative().default(300_000),
      /**
       * Largest OCR detection canvas (pixels); tiles beyond it are read in several detection runs. The detector's
       * working memory grows with the canvas (~150 bytes a pixel): a 12 MP photo's corner crops on one canvas
       * (1376×2528) took ~500 MB. The default fits a video's whole-frame pass (see memory-defaults).
       */
      ocrMaxCanvasPixels: z.number().int().min(65_536).default(DEFAULT_OCR_MAX_CANVAS_PIXELS),
      /**
       * The OCR pass, C2PA reads and QR scans take turns instead of running side by side: their peaks (~300 MB each on a
       * 1 GiB MP4) no longer add up; a check can take longer by the shorter of the two.
       */
      exclusiveHeavySteps: z.boolean().default(true),
      /**
       * glibc malloc arenas for the process (see tuneMalloc; Linux with glibc only). Fewer arenas keep less freed
       * memory per thread; 0 leaves glibc's default (8 per core).
       */
      mallocArenaMax: z.number().int().min(0).max(64).default(2),
      /** Blocks from this size up are mapped on their own and given back when freed (tuneMalloc); 0: glibc's sliding default. */
      mallocMmapThresholdBytes: z.number().int().min(0).max(32 * 1024 * 1024).default(256 * 1024),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };
export type ConfigOverrides = DeepPartial<Config>;

/** Env vars: GENPROOF_DB, GENPROOF_LANG, GENPROOF_TIMEOUTS__PROBE_MS=…, GENPROOF_SERVER__TOKEN=… */
function fromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith('GENPROOF_') || v === undefined || k === 'GENPROOF_CONFIG' || k === 'GENPROOF_FROM_SOURCE' || k === 'GENPROOF_OFFICIAL_DOMAINS') continue;
    const path = k.slice('GENPROOF_'.length).split('__').map(camel);
    let cur: Record<string, unknown> = out;
    for (const p of path.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    cur[path[path.length - 1]] = coerce(v);
  }
  return out;
}

/**
 * Settings read under other names (below GENPROOF_* in precedence): GENPROOF_OFFICIAL_DOMAINS
 * ("kuaishou.com,https://klingai.com/x"), the older name of kb.officialDomains; FFMPEG_PATH and FFPROBE_PATH, the
 * names other tools use for ffmpegPath / ffprobePath.
 */
function legacyEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const v = env.GENPROOF_OFFICIAL_DOMAINS;
  if (v) {
    const domains = v.split(/[,\s]+/).map((d) => d.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '')).filter((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d));
    out.kb = { officialDomains: domains };
  }
  if (env.FFMPEG_PATH) out.ffmpegPath = env.FFMPEG_PATH;
  if (env.FFPROBE_PATH) out.ffprobePath = env.FFPROBE_PATH;
  return out;
}

function camel(s: string): string {
  return s.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function coerce(v: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (v.startsWith('[')) {
    try { return JSON.parse(v); } catch { return v; }
  }
  return v;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined) continue;
    out[k] = isObj(v) && isObj(out[k]) ? deepMerge(out[k] as Record<string, unknown>, v) : v;
  }
  return out;
}

export interface LoadConfigOptions {
  file?: string | null;
  env?: NodeJS.ProcessEnv;
  overrides?: ConfigOverrides;
}

/** Parse the configuration once. Throws ConfigError with the offending key. */
export function loadConfig(opts: LoadConfigOptions = {}): Config {
  const env = opts.env ?? process.env;
  let fileCfg: Record<string, unknown> = {};
  const file = opts.file ?? env.GENPROOF_CONFIG ?? (existsSync('genproof.config.json') ? 'genproof.config.json' : null);
  if (file) {
    if (!existsSync(file)) throw new ConfigError('config_invalid', `Config file not found: ${file}`);
    try {
      fileCfg = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError('config_invalid', `Config file ${file} is not valid JSON`, { cause: e });
    }
  }
  if (!env.GENPROOF_LANG && env.LANG && !(opts.overrides?.lang)) {
    fileCfg = deepMerge({ lang: env.LANG.toLowerCase().startsWith('zh') ? 'zh' : 'en' }, fileCfg);
  }
  const merged = deepMerge(deepMerge(deepMerge(fileCfg, legacyEnv(env)), fromEnv(env)), (opts.overrides ?? {}) as Record<string, unknown>);
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError('config_invalid', `Invalid setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const cfg = parsed.data;
  if (!cfg.c2pa.trustDir && cfg.c2pa.defaultTrustSearch) cfg.c2pa.trustDir = defaultTrustDir(env);
  return cfg;
}

function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.pem') || f.endsWith('.cfg'));
  } catch {
    return false;
  }
}

/** Where `genproof trust update` installs by default: $XDG_CONFIG_HOME/genproof/trust or ~/.config/genproof/trust. */
export function trustInstallDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'genproof', 'trust');
}

/**
 * Where C2PA trust lists are found when none is configured: the directory `genproof trust update` installs to
 * (trustInstallDir), then the shared data copy beside the project checkout (../shared/data/c2pa/trust), else none
 * (every signer is then untrusted, and reports say so).
 */
export function defaultTrustDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = trustInstallDir(env);
  if (hasFiles(xdg)) return xdg;
  const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const shared = join(projectRoot, '..', 'shared', 'data', 'c2pa', 'trust');
  if (hasFiles(shared)) return shared;
  return null;
}
