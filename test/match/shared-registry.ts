/**
 * One registry of every shared original and AI clip (media/real, media/ai, media/c2pa-control), built once per
 * version of the matching code and cached under os.tmpdir(); each test gets its own copy of the database file.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { RegistryService } from '../../src/services/registry.service.js';
import { CACHE_DIR, SHARED } from './media-fixtures.js';

const MEDIA = join(SHARED, 'media');
const SRC = resolve(import.meta.dirname, '../../src');
/** Files whose changes invalidate the cached registry. */
const CODE = [
  'match/reference-hasher.ts', 'match/query-hasher.ts', 'match/hash-store.ts',
  'services/registry.service.ts', 'repositories/registry.repository.ts', 'repositories/crop.repository.ts',
  'repositories/frames.repository.ts', 'signals/pdq/pdq.ts', 'db/migrations.ts',
];

export interface SharedEntry {
  path: string;
  id: string;
  label: 'original' | 'ai';
  kind: 'video' | 'image' | 'hashes';
  duration: number | null;
}

export function sharedMedia(): { path: string; label: 'original' | 'ai' }[] {
  const out: { path: string; label: 'original' | 'ai' }[] = [];
  for (const sub of ['real', 'ai', 'c2pa-control']) {
    const d = join(MEDIA, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) out.push({ path: join(d, f), label: sub === 'ai' ? 'ai' : 'original' });
  }
  return out;
}

/** Copy the cached shared registry to `db` (building it first when the code changed); returns its entries. */
export async function sharedRegistry(db: string): Promise<SharedEntry[]> {
  const media = sharedMedia();
  const h = createHash('sha256');
  for (const f of CODE) h.update(existsSync(join(SRC, f)) ? readFileSync(join(SRC, f)) : f);
  for (const m of media) h.update(`${m.path}\0${m.label}\n`);
  const key = h.digest('hex').slice(0, 16);
  mkdirSync(CACHE_DIR, { recursive: true });
  const cached = join(CACHE_DIR, `shared-registry-${key}.db`);
  const meta = `${cached}.json`;
  // Test files run in parallel processes: the first one to need the registry builds it, the others wait for it
  // (two cold builds at once doubled the wall time of `npm test` on a 2-core machine).
  const release = await lock(`${cached}.lock`);
  try {
    if (!existsSync(cached) || !existsSync(meta)) await build(media, cached, meta);
  } finally {
    release();
  }
  copyFileSync(cached, db);
  return JSON.parse(readFileSync(meta, 'utf8')) as SharedEntry[];
}

async function build(media: { path: string; label: 'original' | 'ai' }[], cached: string, meta: string): Promise<void> {
  const tmp = `${cached}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const reg = RegistryService.open(loadConfig({ env: {}, overrides: { db: tmp } }));
  const entries: SharedEntry[] = [];
  try {
    for (const m of media) {
      const [a] = await reg.add([m.path], { label: m.label, source: `shared/${m.path.split('/').slice(-2, -1)[0]}` });
      const row = await reg.get(a.id);
      entries.push({ path: m.path, id: a.id, label: m.label, kind: row!.kind, duration: row!.duration });
    }
  } finally {
    await reg.close();
  }
  for (const ext of ['-wal', '-shm']) rmSync(tmp + ext, { force: true });
  writeFileSync(`${meta}.${process.pid}`, JSON.stringify(entries));
  renameSync(`${meta}.${process.pid}`, meta);
  renameSync(tmp, cached);
}

/** A lock directory held while building; one left by a dead process (its pid file names it) is taken over. */
async function lock(dir: string): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(join(dir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (pid > 0 && !alive(pid)) rmSync(dir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
