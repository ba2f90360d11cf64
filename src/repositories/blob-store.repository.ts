import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ValidationError } from '../domain/errors.js';

/**
 * Where uploads live while a check waits and runs. API instances write, workers read, so with several processes the
 * root is a directory they share (`--blob-dir`). A key names one check's private directory.
 */
export interface BlobStore {
  readonly root: string;
  /** A new private (0700) directory for one check. */
  createDir(): Promise<{ key: string; path: string }>;
  /** The local path of a key; throws on a key that is not one of ours (no path tricks). */
  pathOf(key: string): string;
  remove(key: string): Promise<void>;
  /** Remove check directories older than `maxAgeMs` (crashed uploads, lost jobs); resolves to how many. */
  removeOlderThan(maxAgeMs: number): Promise<number>;
}

const PREFIX = 'genproof-check-';
const KEY = /^genproof-check-[A-Za-z0-9_-]{1,64}$/;

/** BlobStore on a local or shared filesystem directory (default: the OS temp dir, as before). */
export class FsBlobStore implements BlobStore {
  readonly root: string;
  private readonly prefix: string;
  private constructor(root: string, prefix: string) {
    this.root = root;
    this.prefix = prefix;
  }

  /**
   * `ownedByProcess`: the directories belong to this process alone (embedded desk, private temp dir), so they are
   * named `genproof-check-<pid>-…` and a restart sweeps those of a process that died (src/http/temp-sweep.ts). A
   * directory shared with workers is cleaned by age instead: a queued upload outlives the API process that took it.
   */
  static async open(root: string | null = null, opts: { ownedByProcess?: boolean } = {}): Promise<FsBlobStore> {
    const prefix = opts.ownedByProcess ? `${PREFIX}${process.pid}-` : PREFIX;
    if (!root) return new FsBlobStore(tmpdir(), prefix);
    const abs = resolve(root);
    await mkdir(abs, { recursive: true, mode: 0o700 });
    await chmod(abs, 0o700);
    return new FsBlobStore(abs, prefix);
  }

  async createDir(): Promise<{ key: string; path: string }> {
    // mkdtemp creates the directory with mode 0700.
    const path = await mkdtemp(join(this.root, this.prefix));
    return { key: path.slice(this.root.length + 1), path };
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new ValidationError('internal_error', `Not a blob key: ${JSON.stringify(key).slice(0, 80)}`);
    return join(this.root, key);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { recursive: true, force: true });
  }

  async removeOlderThan(maxAgeMs: number): Promise<number> {
    const cutoff = Date.now() - maxAgeMs;
    let n = 0;
    for (const name of await readdir(this.root).catch(() => [] as string[])) {
      if (!KEY.test(name)) continue;
      const st = await stat(join(this.root, name)).catch(() => null);
      if (st?.isDirectory() && st.mtimeMs < cutoff) {
        await rm(join(this.root, name), { recursive: true, force: true });
        n++;
      }
    }
    return n;
  }
}
