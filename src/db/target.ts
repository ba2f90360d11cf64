/** What a database target string names, without loading a database driver. */
import { existsSync } from 'node:fs';

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Whether a registry may already hold references: a PostgreSQL URL, or a SQLite file that exists (not `:memory:`). */
export function registryFileExists(target: string): boolean {
  return isPostgresUrl(target) || (target !== ':memory:' && existsSync(target));
}
