import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Private temp dirs are named `genproof-<role>-<pid>-XXXXXX` so a later process can tell whose they were. */
const OWNED = /^genproof-(check|reg|scam|url)-(\d+)-/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the pid exists (someone else's process): not ours to judge, so keep its dirs.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temp dirs left by genproof processes that died without cleaning up (SIGKILL, OOM, power loss mid
 * upload). Only dirs of this user whose owning pid is gone are removed; a live process's dirs are never touched.
 * Returns the removed names.
 */
export async function sweepStaleTempDirs(dir = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const m = OWNED.exec(name);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    const path = join(dir, name);
    const st = await stat(path).catch(() => null);
    if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
